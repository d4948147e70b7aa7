"""Warranty and service already inside a vendor's server price are never counted twice:
not by the plan when the user types the vendor's price with its service years, not by the
reconciliation of a quotation whose server line holds them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from engine.cli import main
from engine.compare import compare
from engine.errors import RequestError
from engine.model import LineOverride, Plan, PlanRequest, Schedule, Workload
from engine.money.services import equipment_value
from engine.quotes import compare_quotes, read_quote, reconcile

CONFIG = "inspur-nf5688m7-h800"
RATE = 0.015  # finance: services.warranty_rate_year, 1.5% of the equipment value a year


def _plan(*overrides: LineOverride) -> Plan:
    return compare(PlanRequest(Workload(preset="gpt3-xl"), Schedule(gpus=64), configs=(CONFIG,),
                               overrides=overrides)).plans[0]


def _line(plan: Plan, item: str) -> Any:
    return next(b for b in plan.bom if b.item == item)


def test_a_vendor_price_with_its_service_years_is_not_warranted_again() -> None:
    plain = _plan()
    system = _line(plain, CONFIG)
    # the vendor's price of the 8 systems with 3 years' service: the list price plus 4.5%
    vendor = round(system.unit_price * 1.045, 2)
    with_service = _plan(LineOverride(CONFIG, CONFIG, unit_price=vendor, basis="net", service_years=3))
    warranty = _line(with_service, "warranty")
    assert warranty.qty == 3
    value = equipment_value(with_service.bom)
    # by hand: the 3 years are rated on the equipment besides the servers only
    assert warranty.total == pytest.approx(RATE * 3 * (value - 8 * vendor), abs=0.05)
    assert any(n.code == "note.service-inside" for n in warranty.notes)
    # against the same price typed without its service years, the warranty on the servers goes
    without = _line(_plan(LineOverride(CONFIG, CONFIG, unit_price=vendor, basis="net")), "warranty")
    assert without.total - warranty.total == pytest.approx(RATE * 3 * 8 * vendor, abs=0.05)
    # and there is one warranty line, not two
    assert sum(1 for b in with_service.bom if b.item == "warranty") == 1


def test_service_years_beyond_the_price_are_still_bought() -> None:
    system = _line(_plan(), CONFIG)
    one = _plan(LineOverride(CONFIG, CONFIG, unit_price=system.unit_price, service_years=1))
    warranty, value = _line(one, "warranty"), equipment_value(one.bom)
    # years 2 and 3 of the servers, and all 3 of the rest
    servers = 8 * system.unit_price
    assert warranty.total == pytest.approx(RATE * (3 * (value - servers) + 2 * servers), abs=0.05)


def test_service_years_need_a_price_and_a_sane_count() -> None:
    with pytest.raises(RequestError, match="service years are inside a price"):
        _plan(LineOverride(CONFIG, CONFIG, qty=8, service_years=3))
    with pytest.raises(RequestError, match="whole number of years, at least 0 and at most 10"):
        _plan(LineOverride(CONFIG, CONFIG, unit_price=1e6, service_years=40))


def test_the_cli_takes_service_years(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["plan", "--preset", "gpt3-xl", "--gpus", "64", "--config", CONFIG, "--format", "json",
                 "--override", f"{CONFIG}:{CONFIG}:net=2600000,service=3"]) == 0
    plan = json.loads(capsys.readouterr().out)["plans"][0]
    system = next(b for b in plan["bom"] if b["item"] == CONFIG)
    assert system["service_years"] == 3 and system["unit_price"] == 2_600_000
    assert main(["plan", "--preset", "gpt3-xl", "--gpus", "64", "--config", CONFIG,
                 "--override", f"{CONFIG}:{CONFIG}:service=three"]) == 2
    assert "service=Y" in capsys.readouterr().err


def test_a_quoted_server_with_three_years_service_is_no_missing_warranty(comparison: Any,
                                                                       tmp_path: Path) -> None:
    # the sample plan (35 NF5688M7 H800 systems at 2 297 680 CNY, 3 warranty years at 1.5% a year)
    # quoted with the warranty inside the server line and no warranty line of its own
    unit = 2_297_680 * 1.045
    path = tmp_path / "inside.csv"
    path.write_text("浪潮 报价单\n币种：人民币，不含税\n型号,配置描述,数量,单价\n"
                    "NF5688M7,\"GPU服务器（8×H800 SXM5 80GB，8×CX7 400G 网卡，"
                    f"含3年原厂维保 7×24）\",35,{unit}\n",
                    encoding="utf-8")
    rec = reconcile(comparison, read_quote(path))
    found = {(f.kind, f.item) for f in rec.findings}
    assert ("missing", "warranty") not in found
    assert dict(((item, years) for _, item, years in rec.bundled))["warranty"] == 3
    # like for like: the warranty is counted once, the plan's: the part inside the server price
    # moved to services, the rest of the equipment's added at the plan's rate
    like = compare_quotes(comparison, [rec])
    plan = next(p for p in comparison.plans if p.config == rec.config)
    plan_warranty = _line(plan, "warranty").total
    adjustments = like.vendors[0].adjustments
    warranty_in = sum(a.amount for a in adjustments if a.item == "warranty" and a.amount > 0)
    assert warranty_in == pytest.approx(plan_warranty, abs=1.0)
