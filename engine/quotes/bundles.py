"""What a configured system's price holds besides its base: GPUs, HCAs, warranty years.

A vendor may list them as component lines beneath the system (matched like any line),
or only say so in the system's description or remark: "8×H800 SXM5 80GB, 8×CX7 400G,
含3年原厂维保". Those counts are read here, so the plan's GPU, HCA and warranty lines
are not reported missing and the system's price compares with all it holds.
"""

from __future__ import annotations

import re

from engine.model import BomLine, Plan
from engine.quotes.matching import models, tokens
from engine.quotes.model import QuoteLine
from engine.quotes.rules import holds, words

_YEARS = re.compile(r"(\d+)\s*(?:-|\s)?(?:yr|yrs|year|years|年)", re.IGNORECASE)
# "8×H800", "8 x CX7", "8*A800", "8卡 H800", "8块 H800": a count, then a model
_COUNTED = re.compile(r"(\d+)\s*(?:[×xX*]|卡|块|张|片|颗)\s*(?:nvidia\s*)?([a-z][a-z0-9-]*\d[a-z0-9-]*)",
                      re.IGNORECASE)


def warranty_years(text: str) -> int:
    found = _YEARS.search(text)
    return int(found.group(1)) if found else 0


def is_bundled_service(text: str) -> bool:
    """A warranty or service with its years, e.g. "3年原厂维保" or "Premier 24x7 - 3Yr warranty"."""
    return holds(text, words("configured_systems", "bundled_service_words")) and bool(warranty_years(text))


def warranty_line(plan: Plan) -> BomLine | None:
    return next((b for b in plan.bom if b.category == "services"
                 and holds(b.description_en, ("warranty",))), None)


def implied(system: QuoteLine, plan: Plan) -> dict[str, float]:
    """Plan items the system's own text says it holds, with their quantity over all systems."""
    text = f"{system.description} {system.remark}"
    found: dict[str, float] = {}
    parts = [b for b in plan.bom if b.category == "compute" and b.item != plan.config]
    if holds(text, words("configured_systems", "without_words")):
        parts = []  # "for 8 × H800 …; without GPUs": the count says what fits, not what is sold
    for count, model in _COUNTED.findall(text):
        key = "".join(tokens(model))
        for bom in parts:
            if key in models(f"{bom.part_number} {bom.description_en}") and bom.item not in found:
                found[bom.item] = int(count) * system.qty
                break
    warranty = warranty_line(plan)
    if warranty is not None and is_bundled_service(text):
        found[warranty.item] = warranty_years(text) * system.qty
    return found
