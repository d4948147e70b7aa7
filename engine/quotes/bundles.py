"""What a configured system's price holds besides its base: GPUs, HCAs, warranty years.

A vendor may list them as component lines beneath the system (matched with the plan
system's `components`), or only say so in the system's description or remark:
"8×H800 SXM5 80GB, 8×CX7 400G, 含3年原厂维保". Those counts are read here. The plan's
warranty is a rated service (a yearly share of the equipment value, qty = years): a
warranty bundled into a server price covers the plan's warranty years, and is worth the
plan's warranty rate on the server's own price.
"""

from __future__ import annotations

import re

from engine.model import BomLine, Plan
from engine.money.services import equipment_value
from engine.quotes.matching import component_targets, models, tokens
from engine.quotes.model import QuoteLine
from engine.quotes.rules import holds, words

_YEARS = re.compile(r"(\d+)\s*(?:-|\s)?(?:yr|yrs|year|years|年)", re.IGNORECASE)
# "8×H800", "8 x CX7", "8*A800", "8卡 H800", "8块 H800": a count, then a model
_COUNTED = re.compile(r"(\d+)\s*(?:[×xX*]|卡|块|张|片|颗)\s*(?:nvidia\s*)?([a-z][a-z0-9-]*\d[a-z0-9-]*)",
                      re.IGNORECASE)


_CN_YEARS = re.compile(r"([一二两三四五六七八九十])\s*年")
_CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}


def warranty_years(text: str) -> int:
    """The years a warranty text states: "3年原厂维保", "3-Yr", "三年原厂保修"."""
    found = _YEARS.search(text)
    if found:
        return int(found.group(1))
    chinese = _CN_YEARS.search(text)
    return _CN_DIGITS[chinese.group(1)] if chinese else 0


def is_bundled_service(text: str) -> bool:
    """A warranty or service with its years, e.g. "3年原厂维保" or "Premier 24x7 - 3Yr warranty"."""
    return holds(text, words("configured_systems", "bundled_service_words")) and bool(warranty_years(text))


def warranty_line(plan: Plan) -> BomLine | None:
    return next((b for b in plan.bom if b.category == "services"
                 and holds(b.description_en, ("warranty",))), None)


def says_without(system: QuoteLine) -> bool:
    """"for 8 × H800 …; without GPUs": the count says what fits, not what is sold."""
    return holds(f"{system.description} {system.remark}", words("configured_systems", "without_words"))


def implied(system: QuoteLine, plan: Plan) -> dict[str, float]:
    """The plan system's parts (GPUs, HCAs) the system's own text says it holds, over all
    systems, and the warranty years it says its price includes."""
    text = f"{system.description} {system.remark}"
    found: dict[str, float] = {}
    parts = [] if says_without(system) else [t.line for t in component_targets(plan)]
    for count, model in _COUNTED.findall(text):
        key = "".join(tokens(model))
        for part in parts:
            if key in models(f"{part.item} {part.description_en}") and part.item not in found:
                found[part.item] = int(count) * system.qty
                break
    warranty = warranty_line(plan)
    if warranty is not None and is_bundled_service(text):
        found[warranty.item] = warranty_years(text)
    return found


def warranty_rate(plan: Plan) -> float:
    """The plan's warranty a year as a share of its equipment value (0 without one)."""
    warranty, value = warranty_line(plan), equipment_value(plan.bom)
    return warranty.unit_price / value if warranty is not None and value > 0 else 0.0


def bundled_warranty_value(plan: Plan, system_unit: float, years: float) -> float:
    """What ``years`` of the plan's warranty on one system of ``system_unit`` are worth."""
    return warranty_rate(plan) * min(years, _years(plan)) * system_unit


def _years(plan: Plan) -> float:
    warranty = warranty_line(plan)
    return float(warranty.qty) if warranty is not None else 0.0
