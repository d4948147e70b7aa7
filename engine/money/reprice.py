"""What re-pricing would change: two comparisons of one request, set side by side by
configuration and by bill-of-materials line."""

from __future__ import annotations

import math
from dataclasses import dataclass

from engine.model import Comparison, Plan

# Prices are kept to cents; a smaller difference is rounding, not a change.
CENT = 0.005


@dataclass(frozen=True)
class LineChange:
    """One line whose quantity or unit price differs; None where the line is absent."""

    category: str
    item: str
    description_en: str
    description_zh: str
    currency: str
    qty_before: int | None
    qty_after: int | None
    unit_price_before: float | None
    unit_price_after: float | None

    @property
    def total_before(self) -> float:
        return (self.qty_before or 0) * (self.unit_price_before or 0.0)

    @property
    def total_after(self) -> float:
        return (self.qty_after or 0) * (self.unit_price_after or 0.0)

    @property
    def delta(self) -> float:
        return self.total_after - self.total_before


@dataclass(frozen=True)
class PlanChange:
    """One configuration before and after; capex/TCO None where it was refused."""

    config: str
    server: str
    currency: str
    capex_before: float | None
    capex_after: float | None
    tco_before: float | None
    tco_after: float | None
    lines: tuple[LineChange, ...]

    @property
    def capex_delta(self) -> float | None:
        if self.capex_before is None or self.capex_after is None:
            return None
        return self.capex_after - self.capex_before

    @property
    def changed(self) -> bool:
        return bool(self.lines) or not _same(self.capex_before, self.capex_after) \
            or not _same(self.tco_before, self.tco_after)


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, abs_tol=CENT)


def diff_comparisons(before: Comparison, after: Comparison) -> tuple[PlanChange, ...]:
    """Every configuration of either comparison (``before``'s order, then new ones), with
    the lines whose quantity or unit price changed."""
    old = {p.config: p for p in before.plans}
    new = {p.config: p for p in after.plans}
    configs = list(old) + [c for c in new if c not in old]
    return tuple(_plan_change(config, old.get(config), new.get(config)) for config in configs)


def _plan_change(config: str, before: Plan | None, after: Plan | None) -> PlanChange:
    either = after or before
    assert either is not None
    lines_before = {(b.category, b.item): b for b in (before.bom if before else ())}
    lines_after = {(b.category, b.item): b for b in (after.bom if after else ())}
    keys = list(lines_before) + [k for k in lines_after if k not in lines_before]
    changes = []
    for key in keys:
        b, a = lines_before.get(key), lines_after.get(key)
        if b is not None and a is not None and b.qty == a.qty \
                and math.isclose(b.unit_price, a.unit_price, abs_tol=CENT):
            continue
        shown = a if a is not None else b
        assert shown is not None  # the key came from one of them
        changes.append(LineChange(
            category=shown.category, item=shown.item, description_en=shown.description_en,
            description_zh=shown.description_zh, currency=shown.currency,
            qty_before=b.qty if b else None, qty_after=a.qty if a else None,
            unit_price_before=b.unit_price if b else None,
            unit_price_after=a.unit_price if a else None,
        ))
    money_b = before.money if before else None
    money_a = after.money if after else None
    priced = money_a or money_b
    return PlanChange(
        config=config, server=either.server, currency=priced.currency if priced else "",
        capex_before=money_b.capex if money_b else None,
        capex_after=money_a.capex if money_a else None,
        tco_before=money_b.tco if money_b else None,
        tco_after=money_a.tco if money_a else None,
        lines=tuple(changes),
    )
