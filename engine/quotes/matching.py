"""Matching a quoted line to a plan's BOM line: by part number, then by a scored description."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from engine.model import BomLine, Plan

# A quotation lists an item once, whichever of the plan's categories it serves (the SN2700
# in network, storage and management), and its spares apart: the plan's lines are pooled
# so, and a spares pool is named "spare:<item>".
SPARE = "spare:"

_TOKEN = re.compile(r"[\u3400-\u9fff]|[a-z0-9]+")
_PIECE = re.compile(r"[\u3400-\u9fff]|[a-z]+|\d+")  # "ndr400" and "NDR 400G" share "ndr", "400"
_MODEL = re.compile(r"^(?=[a-z0-9]*[a-z])(?=[a-z0-9]*\d)[a-z0-9]{3,}$")  # h800, qm9700, nf5688m7
_PART = re.compile(r"[^A-Z0-9]")


def tokens(text: str) -> list[str]:
    """Lower-case words and digits; each Chinese character is a word of its own."""
    return _TOKEN.findall(text.lower().replace("connectx-", "cx").replace("connectx", "cx"))


def normalised(text: str) -> str:
    """Words for fuzzy scoring: letters and digits apart, each Chinese character apart."""
    return " ".join(_PIECE.findall(" ".join(tokens(text))))


def models(text: str) -> set[str]:
    """Model-like tokens (letters and digits together), which two descriptions must share."""
    return {t for t in tokens(text) if _MODEL.match(t)}


def part_key(part: str) -> str:
    return _PART.sub("", part.upper())


@dataclass(frozen=True)
class Target:
    """A plan line prepared for matching."""

    line: BomLine
    parts: tuple[str, ...]  # normalised part numbers ("7Z22/7Z23" gives two)
    texts: tuple[str, str]  # English and Chinese, each with the part number
    models: frozenset[str]


def pooled(bom: tuple[BomLine, ...]) -> tuple[BomLine, ...]:
    """The plan's lines as a quotation lists them: one per item, its categories' quantities
    summed (the first category named), spares apart as "spare:<item>"."""
    pools: dict[str, BomLine] = {}
    for line in bom:
        key = SPARE + line.item if line.category == "spares" else line.item
        have = pools.get(key)
        pools[key] = replace(line, item=key) if have is None else replace(have, qty=have.qty + line.qty)
    return tuple(pools.values())


def plain_item(item: str) -> str:
    """The price-list item of a pooled plan line."""
    return item.removeprefix(SPARE)


def _target(line: BomLine, extra: str = "") -> Target:
    parts = tuple(k for p in line.part_number.split("/") if len(k := part_key(p)) >= 4
                  and line.part_number != plain_item(line.item))
    en = f"{line.part_number} {line.description_en} {extra}"
    zh = f"{line.part_number} {line.description_zh} {extra}"
    return Target(line, parts, (normalised(en), normalised(zh)), frozenset(models(f"{en} {zh}")))


def targets(bom: tuple[BomLine, ...]) -> list[Target]:
    return [_target(line, "spare 备件" if line.item.startswith(SPARE) else "") for line in pooled(bom)]


def component_targets(plan: Plan) -> list[Target]:
    """The GPUs and HCAs inside the plan's configured system, over all its systems: what a
    vendor's feature lines beneath the server are compared with."""
    system = next((b for b in plan.bom if b.item == plan.config), None)
    if system is None:
        return []
    return [_target(BomLine("compute", c.item, system.vendor, "", c.description,
                            c.description_zh or c.description, c.qty * system.qty, 0.0,
                            system.currency, note=f"{c.qty} per system"))
            for c in system.components if c.item]


def by_part(part: str, candidates: list[Target]) -> list[Target]:
    """Plan lines whose part number is ``part``, or its machine-type prefix (7DHE of 7DHECTO1WW)."""
    key = part_key(part)
    if len(key) < 4:
        return []
    exact = [t for t in candidates if key in t.parts]
    return exact or [t for t in candidates if any(key.startswith(p) for p in t.parts)]


def prepare(text: str) -> tuple[str, frozenset[str]]:
    """A quoted description made ready for scoring against many plan lines."""
    return normalised(text), frozenset(models(text))


def score(quoted: tuple[str, frozenset[str]], target: Target) -> float:
    """0-1: token-set similarity, halved when both name models and share none."""
    words, quoted_models = quoted
    if not words:
        return 0.0
    value = max(fuzz.token_set_ratio(words, plan_text) for plan_text in target.texts) / 100
    if quoted_models and target.models and not quoted_models & target.models:
        value *= 0.5
    return value
