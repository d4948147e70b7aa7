"""Plausible unit prices per kind of part (resources/quotes.toml [plausible.parts]).

A price list and a vendor quotation both say what a part is in words (its part number and
description); the first kind whose words they hold gives the range its unit price must lie in.
A price out of range is a slip (a digit group too many, a total in the price column, a price
in fen), refused with the field, the value and the range, never summed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from engine.i18n import t
from engine.resources import read_toml


@dataclass(frozen=True)
class PartKind:
    name: str  # "cable", "switch", ...
    words: tuple[str, ...]
    low_cny: float
    high_cny: float
    note: str


@cache
def part_kinds() -> tuple[tuple[PartKind, ...], float]:
    """The kinds in the order they are tried, and CNY per USD for the check."""
    table = read_toml("quotes.toml")["plausible"]["parts"]
    kinds = tuple(PartKind(name, tuple(w.lower() for w in spec["words"]), float(spec["min"]),
                           float(spec["max"]), spec["note"])
                  for name, spec in table.items() if isinstance(spec, dict) and "words" in spec)
    return kinds, float(table["cny_per_usd"]["value"])


@cache
def _pattern(word: str) -> re.Pattern[str]:
    if word.isascii():  # a whole word (plural too): "NVSwitch" holds no "switch"
        return re.compile(rf"(?<![a-z0-9]){re.escape(word)}(?:s|es)?(?![a-z0-9])")
    return re.compile(re.escape(word))  # Chinese has no spaces between words


# "software included" says what a storage node carries, not that the line is software
_INCLUDED = re.compile(r"\b(?:software|licen[cs]e)s?\s+(?:is\s+|are\s+)?(?:included|inc\b)"
                       r"|(?:含|包含|包括)(?:软件|许可)")


# "Inspur NF5688M7, 8 × NVIDIA H800 SXM5 80GB": a count of GPUs is a system holding them
_GPU_COUNT = re.compile(r"(?<![\d.])\d+\s*[×x*]\s*(?:nvidia\s+|huawei\s+)?(?:[a-z]+\d|gpu|npu|ascend|昇腾)")


def part_kind(text: str) -> PartKind | None:
    """The kind of part ``text`` (a part number and description) names; None when none."""
    said = _INCLUDED.sub(" ", text.lower())
    kinds, _ = part_kinds()
    kind = next((k for k in kinds if any(_pattern(w).search(said) for w in k.words)), None)
    if kind is not None and kind.name == "gpu" and _GPU_COUNT.search(said):
        return next(k for k in kinds if k.name == "server")
    return kind


def price_problem(unit_price: float, currency: str, text: str, lang: str = "en") -> str:
    """Why ``unit_price`` (in ``currency``) is no price of the part ``text`` names, in ``lang``,
    or "". 0 (included) and negative prices (discounts, the reader's own rule) are not judged
    here, nor a currency other than CNY and USD, nor a part of no known kind."""
    said = price_finding(unit_price, currency, text)
    return t("plausible.price", lang, **said) if said else ""


def price_finding(unit_price: float, currency: str, text: str) -> dict[str, str] | None:
    """The figures of ``price_problem`` (the catalogue's ``plausible.price``), or None."""
    kind = part_kind(text)
    _kinds, cny_per_usd = part_kinds()
    rate = {"CNY": 1.0, "USD": cny_per_usd}.get(currency.upper())
    if kind is None or rate is None or unit_price <= 0:
        return None
    low, high = kind.low_cny / rate, kind.high_cny / rate
    if low <= unit_price <= high:
        return None
    return dict(price=_figure(unit_price), currency=currency.upper(), kind=kind.name,
                low=_figure(low), high=_figure(high))


def _figure(value: float) -> str:
    if abs(value) >= 1e15:
        return f"{value:.3g}"
    return f"{value:,.2f}".removesuffix(".00")
