"""A plan with a discount: its BOM holds list prices, its total is net. A quotation with a
discount row of its own quotes list prices; one without quotes the prices it asks. Each is
compared on its own basis, and learned back as list prices."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from engine import Finance, PlanRequest, Schedule, Workload, compare
from engine.money.prices import read_price_list, shipped_price_list_path
from engine.quotes import compare_quotes, learned_entries, read_quote, reconcile

CONFIG = "inspur-nf5688m7-h800"
HEAD = "Inspur quotation\nCurrency: CNY\nPart number,Description,Qty,Unit price,Total\n"


@pytest.fixture(scope="module")
def discounted() -> Any:
    # 384 H800s, a fixed fleet (the 30-day plan before team profiles and confidence)
    return compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(gpus=384), configs=(CONFIG,),
                               finance=Finance(discount=0.15)))


def _quote(tmp_path: Path, name: str, body: str) -> Any:
    path = tmp_path / name
    path.write_text(HEAD + body, encoding="utf-8")
    return read_quote(path)


def test_list_prices_with_a_discount_row_compare_with_the_plans_list_prices(discounted: Any,
                                                                            tmp_path: Path) -> None:
    # 24 × 360 000 + 28 × 36 000 = 9 648 000 at list; 15% off: -1 447 200; net 8 200 800;
    # VAT 13%: 1 066 104; total 9 266 904
    quote = _quote(tmp_path, "list.csv",
                   "MQM9700-NS2F,QM9700 InfiniBand switch,24,360000,8640000\n"
                   "MSN2201-CB2F,SN2201 management switch,28,36000,1008000\n"
                   "Discount 15%,,,,-1447200\nVAT 13%,,,,1066104\nTotal incl. VAT,,,,9266904\n")
    rec = reconcile(discounted, quote)
    assert rec.list_prices and rec.quote_discount == pytest.approx(0.15)
    assert [f for f in rec.findings if f.kind in ("price_diff", "arithmetic")] == []
    assert rec.computed_total == 8_200_800 and rec.stated_total == pytest.approx(8_200_800)
    # what the quotation leaves out is added at what the plan would pay: list less 15%
    like = compare_quotes(discounted, [rec])
    plan = next(p for p in discounted.plans if p.config == CONFIG)
    server = next(b for b in plan.bom if b.item == CONFIG)
    (added,) = [a for a in like.vendors[0].adjustments if a.item == CONFIG]
    assert added.kind == "omitted" and "less the plan's 15% discount" in added.source
    assert added.amount == pytest.approx(server.qty * server.unit_price * 0.85, abs=0.01)
    # learned as quoted: list prices
    learned = {e.item: e.unit_price for e in learned_entries(rec, read_price_list(shipped_price_list_path()))}
    assert learned == {"ib-switch-qm9700": 360_000, "eth-mgmt-sn2201": 36_000}


def test_prices_asked_without_a_discount_row_compare_with_the_plans_net_prices(discounted: Any,
                                                                               tmp_path: Path) -> None:
    net = _quote(tmp_path, "net.csv", "MQM9700-NS2F,QM9700 InfiniBand switch,24,306000,7344000\n"
                                      "MSN2201-CB2F,SN2201 management switch,28,30600,856800\n")
    rec = reconcile(discounted, net)
    assert not rec.list_prices and rec.line_factor == pytest.approx(0.85)
    assert [f for f in rec.findings if f.kind == "price_diff"] == []
    assert rec.computed_total == 8_200_800
    # learned back as list prices: 306 000 / 0.85, 30 600 / 0.85
    entries = learned_entries(rec, read_price_list(shipped_price_list_path()))
    assert {e.item: e.unit_price for e in entries} == {"ib-switch-qm9700": 360_000, "eth-mgmt-sn2201": 36_000}
    assert all("the plan's 15% discount" in e.source for e in entries)

    # list prices with no discount row are prices asked: 15% dearer than the plan expects
    listed = _quote(tmp_path, "listed.csv", "MQM9700-NS2F,QM9700 InfiniBand switch,24,360000,8640000\n")
    (diff,) = [f for f in reconcile(discounted, listed).findings if f.kind == "price_diff"]
    assert (diff.expected, diff.found) == (306_000, 360_000)  # 360 000 / 306 000 = 1 / 0.85: +17.6%
    assert "the plan's price after its 15% discount is 306,000.00 (+17.6%)" in diff.message
