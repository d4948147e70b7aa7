"""Plans that keep what was quoted: a snapshot of the prices used goes into the plan file,
reopening plans with it (same totals), re-pricing shows what would change, and plan
files of format 1 still open."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.catalog import catalog_version
from engine.compare import compare
from engine.model import Comparison, Finance, LineOverride, PlanRequest, Schedule, Workload
from engine.money.prices import PriceList, read_price_list, shipped_price_list_path
from engine.money.reprice import diff_comparisons
from engine.money.snapshot import (
    PriceSnapshot,
    quoted_differences,
    snapshot_prices,
    take_snapshot,
)
from engine.planfile import (
    VERSION,
    PlanFileError,
    load_plan_document,
    plan_from_dict,
    save_plan,
    snapshot_for,
)

A800 = "inspur-nf5688m6-a800"
PCIE = "lenovo-sr670v2-a100-pcie"
REQUEST = PlanRequest(
    Workload(preset="gpt3-175b"), Schedule(days=30, lead_time_days=0),
    finance=Finance(vat=0.13, vat_services=0.06, discount=0.05),
    configs=(A800, PCIE),
    overrides=(
        LineOverride(A800, "rack-42u", qty=50),
        LineOverride(A800, "survey", qty=1, unit_price=30_000.0, added=True,
                     category="services", description="Site survey"),
    ),
)
SAVED = "2026-11-20T09:30:00Z"


@pytest.fixture(scope="module")
def shipped() -> PriceList:
    return read_price_list(shipped_price_list_path())


@pytest.fixture(scope="module")
def quoted(shipped: PriceList) -> Comparison:
    return compare(REQUEST, price_list=shipped)


def dearer(prices: PriceList, item: str, factor: float) -> PriceList:
    """Today's list: ``item`` costs ``factor`` times as much as when the plan was quoted."""
    entries = dict(prices.entries)
    entries[item] = replace(entries[item], unit_price=entries[item].unit_price * factor)
    return PriceList(name="today.csv", entries=entries)


def test_snapshot_holds_the_entries_the_plans_were_priced_from(
    quoted: Comparison, shipped: PriceList,
) -> None:
    snap = snapshot_for(quoted, shipped, saved=SAVED, catalog_version=catalog_version())
    # the lines' own items and the entries a configured system's one line is priced from
    # (its base system, GPUs and HCAs), which are no lines of their own; not the whole list
    assert snap.items() < set(shipped.entries)
    assert all(e == shipped.entries[e.item] for e in snap.entries)
    assert {A800, PCIE} <= snap.items() and "lenovo-sr680av3-h800" not in snap.items()  # not compared
    lines = {b.item for p in quoted.plans for b in p.bom if b.item in shipped}
    inside = {c.item for p in quoted.plans for b in p.bom for c in b.components if c.item}
    # (spare HCAs, and a spare GPU board's GPUs in the field spares kit, are lines too)
    assert {"a800-sxm4-80gb", "hca-cx6-hdr"} <= inside and inside <= set(shipped.entries)
    assert lines | inside <= snap.items()
    assert "survey" not in snap.items()  # the user's line is kept by the request's overrides
    assert dict(snap.quoted_capex) == {p.config: round(p.money.capex, 2)
                                       for p in quoted.plans if p.money}
    assert len(catalog_version()) == 12 and catalog_version() == catalog_version()


def test_save_and_reopen_keeps_overrides_snapshot_and_totals(
    tmp_path: Path, quoted: Comparison, shipped: PriceList,
) -> None:
    snap = take_snapshot(quoted, shipped, saved=SAVED, catalog_version=catalog_version())
    path = save_plan(REQUEST, tmp_path / "q.cqplan", customer="Acme", snapshot=snap)
    doc = load_plan_document(path)
    assert doc.request == REQUEST and doc.snapshot == snap and doc.customer == "Acme"
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == VERSION == 3

    # the price list changed since: GPUs 20 % dearer (they are priced inside the configured
    # system's line, not on a line of their own)
    today = dearer(shipped, "a800-sxm4-80gb", 1.2)
    assert doc.snapshot is not None
    reopened = compare(doc.request, price_list=snapshot_prices(doc.snapshot, today))
    for before, after in zip(quoted.plans, reopened.plans, strict=True):
        assert after.money == before.money and after.bom == before.bom
    assert quoted_differences(doc.snapshot, reopened) == ()
    assert "saved with the plan on 2026-11-20" in reopened.price_list

    repriced = compare(doc.request, price_list=today)
    differences = dict((c, (q, n)) for c, q, n in quoted_differences(doc.snapshot, repriced))
    assert set(differences) == {A800}


# Rated services are a share of the equipment value (resources/assumptions.toml): warranty
# 1.5 % a year for 3 years, project management 1.0 %, logistics 0.8 %, rounded to cents.
EQUIPMENT = ("compute", "network", "storage", "management", "rack_power", "cooling", "spares")


def test_repricing_diff_names_the_changed_line_and_its_effect(
    quoted: Comparison, shipped: PriceList,
) -> None:
    today = dearer(shipped, "a800-sxm4-80gb", 1.2)
    changes = {c.config: c for c in diff_comparisons(quoted, compare(REQUEST, price_list=today))}
    assert list(changes) == [A800, PCIE]
    assert not changes[PCIE].changed and changes[PCIE].lines == ()
    a800 = changes[A800]
    # the GPUs are priced inside the configured system's line, and the field spares kit's GPU
    # board (one per 64 servers, site.spare_board_from) is a line; the rated services follow
    assert a800.changed and [c.item for c in a800.lines] == [
        A800, "warranty", "project-management", "logistics", "a800-sxm4-80gb"]
    system, spare = a800.lines[0], a800.lines[-1]
    plan = next(p for p in quoted.plans if p.config == A800)
    boards = plan.nodes // 64  # whole boards only: 1 per full 64 servers
    assert boards >= 1 and (spare.qty_before, spare.qty_after) == (8 * boards, 8 * boards)
    gpu_price = shipped.entries["a800-sxm4-80gb"].unit_price
    assert plan.gpus_per_node == 8 and system.qty_before == system.qty_after == plan.nodes
    # by hand: 8 GPUs a system, each 20 % of 83 000 dearer: 8 × 16 600 = 132 800 more a
    # system (1 104 640 → 1 237 440); 112 systems: 14 873 600 more equipment,
    # 174 659 072 → 189 532 672 (with the 50 racks set by hand)
    assert system.unit_price_before is not None and system.qty_before is not None
    assert system.unit_price_after == pytest.approx(system.unit_price_before + 8 * gpu_price * 0.2)
    assert system.delta == pytest.approx(system.qty_before * 8 * gpu_price * 0.2)
    line_delta = system.delta + boards * 8 * gpu_price * 0.2  # and the spare boards' GPUs
    # the rated services, on the equipment before and after:
    # warranty 3 × (2 842 990.08 − 2 619 886.08) = 669 312, project management
    # 1 895 326.72 − 1 746 590.72 = 148 736, logistics 1 516 261.38 − 1 397 272.58
    # = 118 988.80; 937 036.80 in all (6.3 % of 14 873 600)
    before = sum(b.total for b in plan.bom if b.category in EQUIPMENT)
    after = before + line_delta
    rated = {"warranty": (3, 0.015), "project-management": (1, 0.010), "logistics": (1, 0.008)}
    rated_delta = 0.0
    for change in a800.lines[1:-1]:
        years, rate = rated[change.item]
        assert (change.qty_before, change.qty_after) == (years, years)
        assert change.unit_price_before == round(rate * before, 2)
        assert change.unit_price_after == round(rate * after, 2)
        rated_delta += change.delta
    assert rated_delta == pytest.approx(0.063 * line_delta, abs=0.03)
    # then 5 % discount, VAT 13 % on the equipment and 6 % on the services:
    # 14 873 600 × 0.95 × 1.13 + 937 036.80 × 0.95 × 1.06 = 15 966 809.60 + 943 596.06
    # = 16 910 405.66
    assert a800.capex_delta == pytest.approx(
        line_delta * 0.95 * 1.13 + rated_delta * 0.95 * 1.06, abs=0.01)


def test_diff_shows_lines_that_came_and_went() -> None:
    air = compare(replace(REQUEST, overrides=()))
    rdhx = compare(replace(REQUEST, overrides=(), facility=replace(REQUEST.facility, cooling="rdhx")))
    a800 = next(c for c in diff_comparisons(air, rdhx) if c.config == A800)
    gone = [c for c in a800.lines if c.qty_after is None]
    came = [c for c in a800.lines if c.qty_before is None]
    items_air = {b.item for b in next(p for p in air.plans if p.config == A800).bom}
    items_rdhx = {b.item for b in next(p for p in rdhx.plans if p.config == A800).bom}
    assert {c.item for c in came} == items_rdhx - items_air != set()
    assert {c.item for c in gone} == items_air - items_rdhx
    assert all(c.total_before == 0 and c.delta == c.total_after for c in came)


def test_a_format_1_plan_opens_without_overrides_or_snapshot() -> None:
    v1 = {
        "format": "clusterquote-plan", "version": 1,
        "request": {"workload": {"preset": "gpt3-175b"}, "schedule": {"days": 30},
                    "configs": [A800]},
        "quote": {"customer": "Old Co", "quote_no": "Q-1"},
    }
    doc = plan_from_dict(v1)
    assert doc.request == PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30.0),
                                      configs=(A800,))
    assert (doc.snapshot, doc.customer) == (None, "Old Co")


def _saved(tmp_path: Path, quoted: Comparison, shipped: PriceList) -> dict[str, Any]:
    snap = take_snapshot(quoted, shipped, saved=SAVED, catalog_version="abc")
    path = save_plan(REQUEST, tmp_path / "q.cqplan", snapshot=snap)
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("damage", "says"),
    [
        (lambda d: d["snapshot"].update(saved=5), "snapshot.saved must be text"),
        (lambda d: d["snapshot"].update(entries={}), "snapshot.entries must be a list"),
        (lambda d: d["snapshot"]["entries"][0].update(unit_price=-1), "snapshot.entries[0]"),
        (lambda d: d["snapshot"]["entries"][0].pop("source"), "price-list columns"),
        (lambda d: d["snapshot"]["entries"].append(d["snapshot"]["entries"][0]), "repeats item"),
        (lambda d: d["snapshot"].update(quoted_capex={"x": "1"}), "quoted_capex"),
        (lambda d: d["request"].update(overrides={}), "overrides must be a list"),
        (lambda d: d["request"]["overrides"][0].update(qty="many"), "overrides[0].qty"),
        (lambda d: d["request"]["overrides"][0].update(colour=1), "unknown field overrides[0].colour"),
    ],
)
def test_a_damaged_snapshot_or_override_gets_one_clear_line(
    tmp_path: Path, quoted: Comparison, shipped: PriceList,
    damage: Callable[[dict[str, Any]], object], says: str,
) -> None:
    doc = _saved(tmp_path, quoted, shipped)
    damage(doc)
    with pytest.raises(PlanFileError) as caught:
        plan_from_dict(doc, name="q.cqplan")
    assert says in str(caught.value) and "\n" not in str(caught.value)


def test_snapshot_round_trip_keeps_every_field(quoted: Comparison, shipped: PriceList) -> None:
    snap = take_snapshot(quoted, shipped, saved=SAVED, catalog_version="abc")
    from engine.planfile import snapshot_to_dict

    back = plan_from_dict({"format": "clusterquote-plan", "version": 2,
                           "request": {"workload": {"preset": "gpt3-175b"},
                                       "schedule": {"days": 30}},
                           "snapshot": json.loads(json.dumps(snapshot_to_dict(snap)))}).snapshot
    assert isinstance(back, PriceSnapshot) and back == snap


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(factors=st.dictionaries(st.sampled_from(sorted(read_price_list(shipped_price_list_path()).entries)),
                               st.floats(0.1, 10.0), min_size=1, max_size=12))
def test_whatever_today_s_list_says_the_snapshot_gives_the_quoted_totals(
    factors: dict[str, float], quoted: Comparison, shipped: PriceList,
) -> None:
    snap = snapshot_for(quoted, shipped, saved=SAVED, catalog_version="abc")
    today = shipped
    for item, factor in factors.items():
        today = dearer(today, item, factor)
    reopened = compare(REQUEST, price_list=snapshot_prices(snap, today))
    assert [p.money for p in reopened.plans] == [p.money for p in quoted.plans]
    assert quoted_differences(snap, reopened) == ()
