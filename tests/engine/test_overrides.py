"""BOM line overrides: the user's quantity, unit price or added line, applied after pricing
and before totals, marked, explained, and checked by hand."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.compare import compare
from engine.errors import RequestError
from engine.model import (
    BomLine,
    Comparison,
    Finance,
    LineOverride,
    Plan,
    PlanRequest,
    Schedule,
    Workload,
)
from engine.serialize import plan_dict
from tests.shared import invoice_net

A800 = "inspur-nf5688m6-a800"
PCIE = "lenovo-sr670v2-a100-pcie"
BASE = PlanRequest(
    Workload(preset="gpt3-175b"), Schedule(days=30, lead_time_days=0),
    finance=Finance(vat=0.13, vat_services=0.06, discount=0.1), configs=(A800, PCIE),
)


@pytest.fixture(scope="module")
def baseline() -> Comparison:
    return compare(BASE)


def plan_of(comparison: Comparison, config: str) -> Plan:
    return next(p for p in comparison.plans if p.config == config)


def line(plan: Plan, item: str) -> BomLine:
    return next(b for b in plan.bom if b.item == item)


# Equipment is what warranty covers and logistics ships; the rated services are a share of
# its value (resources/assumptions.toml): warranty 1.5 % a year for 3 years, project
# management 1.0 %, logistics 0.8 %, each line's unit price rounded to cents; 6.3 % in all.
EQUIPMENT = ("compute", "network", "storage", "management", "rack_power", "cooling", "spares")
RATED = ("warranty", "project-management", "logistics")


def equipment(plan: Plan) -> float:
    return sum(b.total for b in plan.bom if b.category in EQUIPMENT)


def rated_services(equipment_value: float) -> float:
    return (3 * round(0.015 * equipment_value, 2) + round(0.010 * equipment_value, 2)
            + round(0.008 * equipment_value, 2))


def test_overrides_change_the_totals_as_worked_out_by_hand(baseline: Comparison) -> None:
    before = plan_of(baseline, A800)
    system = line(before, A800)  # the configured system: base + 8 GPUs + 8 HCAs, one line
    racks = line(before, "install-rack")
    overrides = (
        LineOverride(A800, A800, unit_price=1_000_000.0),  # the vendor's quoted system price
        LineOverride(A800, "install-rack", qty=racks.qty + 3),
        LineOverride(A800, "site-survey", qty=2, unit_price=25_000.0, added=True,
                     category="services", description="Site survey and power audit"),
    )
    after = plan_of(compare(replace(BASE, overrides=overrides)), A800)

    # by hand, at the shipped prices: 112 systems at 1 000 000 instead of the list's
    # 1 104 640 (360 000 + 8 × 83 000 + 8 × 10 080) take 112 × 104 640 = 11 719 680 off the
    # equipment value, 174 617 072 → 162 897 392. The rated services follow it:
    # 3 × 2 443 460.88 + 1 628 973.92 + 1 303 179.14 = 10 262 535.70 instead of
    # 3 × 2 619 256.08 + 1 746 170.72 + 1 396 936.58 = 11 000 875.54, i.e. −738 339.84
    # (6.3 % of 11 719 680). Three more rack installations (3 × 3 000) and two site surveys
    # (2 × 25 000) are services, not equipment: nothing is rated on them.
    # Gross 187 690 707.54 − 11 719 680 − 738 339.84 + 9 000 + 50 000 = 175 291 687.70;
    # less 10 % discount, plus VAT: 13 % on the hardware, 6 % on the services
    equipment_before = equipment(before)
    assert sum(line(before, s).total for s in RATED) == pytest.approx(
        rated_services(equipment_before), abs=0.001)  # the rates above are the plan's
    equipment_after = equipment_before - system.qty * (system.unit_price - 1_000_000.0)
    rated_change = rated_services(equipment_after) - rated_services(equipment_before)
    gross_before = before.money.hardware + before.money.services  # type: ignore[union-attr]
    gross_after = (gross_before - system.qty * (system.unit_price - 1_000_000.0) + rated_change
                   + 3 * racks.unit_price + 2 * 25_000.0)
    assert after.money is not None
    assert equipment(after) == pytest.approx(equipment_after, abs=0.001)
    assert after.money.hardware + after.money.services == pytest.approx(gross_after, abs=0.01)
    services_before = dict(before.money.subtotals)["services"]  # type: ignore[union-attr]
    services_after = services_before + 3 * racks.unit_price + 50_000.0 + rated_change
    assert dict(after.money.subtotals)["services"] == pytest.approx(services_after)
    # the invoice rule rounds each discounted unit price to the fen (up to half a fen per unit,
    # times the line's quantity) and each rate's VAT once: the exact formula is that close
    fen_bound = sum(0.005 * b.qty for b in after.bom) * 1.13 + 0.01
    assert after.money.capex == pytest.approx(
        (gross_after - services_after) * 0.9 * 1.13 + services_after * 0.9 * 1.06, abs=fen_bound)
    assert (line(after, "warranty").qty, line(after, "warranty").unit_price) == (
        3, round(0.015 * equipment_after, 2))  # rated on the equipment as the user set it
    assert line(after, "project-management").unit_price == round(0.010 * equipment_after, 2)
    assert line(after, "logistics").unit_price == round(0.008 * equipment_after, 2)

    # marked and explained; the rest untouched
    assert line(after, A800).overridden and line(after, A800).unit_price == 1_000_000.0
    assert f"price list {system.unit_price:,.2f} CNY" in line(after, A800).note
    assert f"planned {racks.qty}" in line(after, "install-rack").note
    added = line(after, "site-survey")
    assert (added.overridden, added.category, added.description_en, added.total) == (
        True, "services", "Site survey and power audit", 50_000.0)
    assert added.currency == "CNY"
    untouched = [b for b in after.bom if b.item not in (A800, "install-rack", "site-survey")]
    assert untouched and not any(b.overridden for b in untouched)
    assert [m.code for m in after.warnings].count("overridden") == 1
    assert plan_of(compare(replace(BASE, overrides=overrides)), PCIE).bom == plan_of(baseline, PCIE).bom


def test_override_of_a_line_the_plan_no_longer_has_is_named_in_a_warning(baseline: Comparison) -> None:
    # liquid-cooled plans have CDUs; an air-cooled plan has none: the override stays but does not apply
    ghost = LineOverride(A800, "cdu-inrow-200kw", qty=3)
    plan = plan_of(compare(replace(BASE, overrides=(ghost,))), A800)
    unused = [m for m in plan.warnings if m.code == "override-unused"]
    assert len(unused) == 1 and "cdu-inrow-200kw" in unused[0].text
    assert plan.money == plan_of(baseline, A800).money


def test_a_quantity_of_zero_takes_a_line_out_of_the_totals(baseline: Comparison) -> None:
    before = plan_of(baseline, A800)
    cooling = line(before, "crah-inrow-40kw")
    plan = plan_of(compare(replace(BASE, overrides=(LineOverride(A800, cooling.item, qty=0),))), A800)
    assert plan.money is not None and before.money is not None
    assert plan.money.hardware == pytest.approx(before.money.hardware - cooling.total)
    assert line(plan, cooling.item).total == 0


def test_json_lines_say_whether_they_were_overridden(baseline: Comparison) -> None:
    plan = plan_of(compare(replace(BASE, overrides=(LineOverride(A800, "rack-42u", qty=60),))), A800)
    lines = {b["item"]: b for b in plan_dict(plan)["bom"]}
    assert lines["rack-42u"]["overridden"] is True and lines["rack-42u"]["qty"] == 60
    assert plan.racks is not None
    assert lines[plan.racks.pdu_part]["overridden"] is False


@pytest.mark.parametrize(
    ("override", "says"),
    [
        (LineOverride("no-such-config", "rack-42u", qty=1), "known one"),
        (LineOverride(A800, "rack-42u"), "quantity, a unit price or both"),
        (LineOverride(A800, "rack-42u", qty=-1), "quantity must be a whole number"),
        (LineOverride(A800, "rack-42u", unit_price=float("nan")), "unit price must be"),
        (LineOverride(A800, "rack-42u", unit_price=-5.0), "unit price must be"),
        (LineOverride(A800, " rack", qty=1), "without surrounding spaces"),
        (LineOverride(A800, "x", qty=1, unit_price=1.0, added=True), "needs a description"),
        (LineOverride(A800, "x", qty=1, added=True, description="d"), "quantity and a unit price"),
        (LineOverride(A800, "x", qty=1, unit_price=1.0, added=True, category="food",
                      description="d"), "category must be one of compute"),
    ],
)
def test_bad_overrides_are_refused_naming_the_field(override: LineOverride, says: str) -> None:
    with pytest.raises(RequestError) as caught:
        compare(replace(BASE, overrides=(override,)))
    assert caught.value.field == "overrides" and says in str(caught.value)


def test_two_overrides_of_one_line_are_refused() -> None:
    twice = (LineOverride(A800, "rack-42u", qty=1), LineOverride(A800, "rack-42u", unit_price=2.0))
    with pytest.raises(RequestError, match="one override per configuration and line"):
        compare(replace(BASE, overrides=twice))


# lines that occur once in the A800 plan: the configured system, network, rack, cooling,
# a service priced per box and a rated one
ITEMS = ("inspur-nf5688m6-a800", "xcvr-hdr-qsfp56", "cable-hdr-fiber", "ib-switch-qm8700",
         "rack-42u", "crah-inrow-40kw", "install-node", "warranty")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    changes=st.dictionaries(
        st.sampled_from(ITEMS),
        st.tuples(st.none() | st.integers(0, 5000), st.none() | st.floats(0, 1e6)).filter(
            lambda t: t != (None, None)),
        max_size=len(ITEMS),
    ),
    discount=st.floats(0, 0.5),
)
def test_totals_are_the_sum_of_the_lines_whatever_is_overridden(
    changes: dict[str, tuple[int | None, float | None]], discount: float,
) -> None:
    overrides = tuple(LineOverride(A800, item, qty=q, unit_price=p) for item, (q, p) in changes.items())
    request = replace(BASE, configs=(A800,), overrides=overrides,
                      finance=Finance(vat=0.13, vat_services=0.06, discount=discount))
    plan = compare(request).plans[0]
    money = plan.money
    assert money is not None
    for category, subtotal in money.subtotals:
        assert subtotal == pytest.approx(sum(b.total for b in plan.bom if b.category == category))
    # as an invoice states them: each unit price after the discount to the fen, then the two
    # VAT amounts each rounded to the fen (at most half a fen each from the exact figure)
    goods, services = invoice_net(plan.bom, discount)
    assert money.capex == pytest.approx(goods * 1.13 + services * 1.06, rel=1e-12, abs=0.01 + 1e-9)
    for item, (qty, price) in changes.items():
        got = line(plan, item)
        assert got.overridden
        assert qty is None or got.qty == qty
        assert price is None or math.isclose(got.unit_price, round(price, 2))
    # the rated services the user left alone are rated on the equipment as the user set it
    value = equipment(plan)
    assert line(plan, "project-management").unit_price == pytest.approx(0.010 * value, abs=0.01)
    assert line(plan, "logistics").unit_price == pytest.approx(0.008 * value, abs=0.01)
    if "warranty" not in changes:
        assert line(plan, "warranty").unit_price == pytest.approx(0.015 * value, abs=0.01)


@pytest.mark.parametrize(("factor", "flagged"), [(10.0, True), (1 / 7.2, True), (4.9, False),
                                                 (0.21, False), (1.0, False)])
def test_a_price_far_from_the_list_is_flagged(baseline: Comparison, factor: float, flagged: bool) -> None:
    # the check's factor is 5 (resources/assumptions.toml): a slipped digit, the other currency;
    # checked against the configured system's whole price (base + GPUs + HCAs)
    system = line(plan_of(baseline, A800), A800)
    override = LineOverride(A800, system.item, unit_price=system.unit_price * factor)
    plan = plan_of(compare(replace(BASE, overrides=(override,))), A800)
    far = [m for m in plan.warnings if m.code == "override-price-far"]
    assert bool(far) == flagged
    if flagged:
        assert system.item in far[0].text and f"{factor:.3g} times" in far[0].text
        assert f"({system.unit_price:,.2f})" in far[0].text  # the list's price it was set against


def test_an_override_changes_the_line_of_its_category_when_a_part_stands_on_several(
    baseline: Comparison,
) -> None:
    # one switch model serves the compute-side Ethernet, the storage and the management networks
    before = plan_of(baseline, A800)
    lines = [b for b in before.bom if b.item == "eth-storage-sn3700"]
    assert len({b.category for b in lines}) >= 2
    target, others = lines[-1], lines[:-1]
    set_qty = LineOverride(A800, target.item, qty=target.qty + 7, category=target.category)
    after = plan_of(compare(replace(BASE, overrides=(set_qty,))), A800)
    changed = [b for b in after.bom if b.item == target.item]
    assert [(b.category, b.qty, b.overridden) for b in changed] == [
        *[(b.category, b.qty, False) for b in others], (target.category, target.qty + 7, True)]
    # an override that names no category of the part's lines takes the part's first line
    loose = LineOverride(A800, target.item, qty=1)  # category left at its default, "services"
    first = next(b for b in plan_of(compare(replace(BASE, overrides=(loose,))), A800).bom
                 if b.item == target.item)
    assert (first.category, first.qty, first.overridden) == (lines[0].category, 1, True)


def test_one_part_on_two_lines_takes_an_override_for_each() -> None:
    a = LineOverride(A800, "eth-storage-sn3700", qty=3, category="network")
    b = LineOverride(A800, "eth-storage-sn3700", qty=5, category="management")
    plan = plan_of(compare(replace(BASE, overrides=(a, b))), A800)
    got = {(x.category, x.qty) for x in plan.bom if x.item == "eth-storage-sn3700" and x.overridden}
    assert got == {("network", 3), ("management", 5)}
