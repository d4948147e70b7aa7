"""Requests many tests plan: one definition, imported where needed (fixtures in conftest.py)."""

from __future__ import annotations

from engine.model import Efficiency, PlanRequest, Schedule, Workload

# 30 training days from the order (no lead time), a tuned team sized at 50% confidence: the
# fleets these tests' figures and layouts were made for; the default profile and confidence
# are tested in tests/engine/test_team.py and test_sizing.py
GPT3_30_DAYS = PlanRequest(Workload(preset="gpt3-175b"),
                           Schedule(days=30.0, lead_time_days=0.0, confidence=0.5),
                           Efficiency(team="tuned"))


def invoice_net(lines: object, discount: float) -> tuple[float, float]:
    """(goods, services) after the discount as an invoice states them, worked independently
    of the engine: each unit price × (1 − discount) rounded half up to the fen, × quantity."""
    from decimal import ROUND_HALF_UP, Decimal

    out = {True: Decimal(0), False: Decimal(0)}
    for b in lines:  # type: ignore[attr-defined]
        unit = Decimal(repr(b.unit_price)) * (1 - Decimal(repr(discount)))
        out[b.category == "services"] += b.qty * unit.quantize(Decimal("0.01"), ROUND_HALF_UP)
    return float(out[False]), float(out[True])
