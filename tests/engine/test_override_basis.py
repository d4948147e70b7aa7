"""A BOM price typed as net (what is paid, e.g. a vendor's quote) is never discounted again:
a vendor's net ¥1,000,000 stays ¥1,000,000 at a 15% discount, in the plan, the RFQ's prices
and the reconciliation; a list price keeps meaning list."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine import Finance, PlanRequest, Schedule, Workload, compare
from engine.export.rfq import unit_prices
from engine.model import LineOverride
from engine.planfile import load_plan_document, save_plan

CONFIG = "inspur-nf5688m7-h800"


def _switch(basis: str, discount: float = 0.15) -> tuple[object, object]:
    request = PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30, lead_time_days=0),
                          configs=(CONFIG,),
                          finance=Finance(discount=discount),
                          overrides=(LineOverride(CONFIG, "ib-switch-qm9700", unit_price=1_000_000,
                                                  basis=basis),))  # type: ignore[arg-type]
    plan = compare(request).plans[0]
    return plan, next(b for b in plan.bom if b.item == "ib-switch-qm9700")


def test_a_net_price_is_paid_as_typed() -> None:
    plan, line = _switch("net")
    assert plan.money is not None
    # held as the list price the 15% discount brings back to 1 000 000: 1 000 000 / 0.85
    assert line.unit_price == pytest.approx(1_176_470.59)
    assert float(unit_prices(plan.money, line)[0]) == 1_000_000.00  # the RFQ's net, to the fen
    assert line.unit_price * (1 - plan.money.discount_rate) == pytest.approx(1_000_000, abs=0.01)
    assert "net unit price set by the user, 1,000,000.00 CNY paid" in line.note


def test_a_list_price_is_discounted() -> None:
    plan, line = _switch("list")
    assert line.unit_price == 1_000_000
    assert float(unit_prices(plan.money, line)[0]) == 850_000.00


def test_without_a_discount_net_and_list_agree() -> None:
    assert _switch("net", 0.0)[1].unit_price == _switch("list", 0.0)[1].unit_price == 1_000_000


def test_the_basis_is_saved_with_the_plan(tmp_path: Path) -> None:
    request = PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30, lead_time_days=0),
                          configs=(CONFIG,),
                          overrides=(LineOverride(CONFIG, "ib-switch-qm9700", unit_price=1e6,
                                                  basis="net"),))
    path = save_plan(request, tmp_path / "p.cqplan")
    assert load_plan_document(path).request.overrides[0].basis == "net"


def test_cli_net_override(capsys: pytest.CaptureFixture[str]) -> None:
    from engine.cli import main

    args = ["plan", "--preset", "gpt3-175b", "--days", "30", "--lead-time-days", "0", "--config", CONFIG,
            "--discount", "15%",
            "--format", "json", "--override", f"{CONFIG}:ib-switch-qm9700:net=1000000"]
    assert main(args) == 0
    assert '"unit_price": 1176470.59' in capsys.readouterr().out
