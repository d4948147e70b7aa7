"""Invariants of every feasible plan, checked by hypothesis over random but valid requests.

Each example plans one catalog configuration (so a failure names it) with a random
workload, schedule, facility and finance. Refused plans are skipped: the properties
are about what a feasible plan promises.
"""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine import compare
from engine.assumptions import default
from engine.catalog import load_catalog
from engine.model import (
    CATEGORIES,
    HOSTINGS,
    Efficiency,
    Facility,
    Finance,
    Plan,
    PlanRequest,
    Schedule,
    Workload,
)
from tests.shared import invoice_net

CONFIG_IDS = sorted(load_catalog().configurations)

FAST = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEWER = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def log_uniform(low: float, high: float) -> st.SearchStrategy[float]:
    """Values spread evenly over the decades from ``low`` to ``high``."""
    return st.floats(math.log10(low), math.log10(high)).map(lambda e: min(high, max(low, 10.0**e)))


workloads = st.one_of(
    st.builds(lambda n, d: Workload(params=n, tokens=d), log_uniform(1e8, 2e12), log_uniform(1e10, 2e13)),
    st.builds(lambda x: Workload(pf_days=x), log_uniform(0.01, 1e6)),
)
deadline_days = st.floats(1, 365)
fleets = st.integers(1, 20_000)
schedules = st.one_of(
    st.builds(lambda d: Schedule(days=d, lead_time_days=0), deadline_days),
    st.builds(lambda g: Schedule(gpus=g), fleets),
)
facilities = st.builds(
    lambda kw, cooling, row, spares: Facility(rack_kw=kw, cooling=cooling, row_racks=row, spares=spares),
    st.floats(8, 80), st.sampled_from(["air", "rdhx"]), st.integers(1, 20), st.floats(0, 0.1),
)
finances = st.builds(
    lambda currency, discount, years, hosting, vat, vat_services: Finance(
        currency=currency, discount=discount, years=years, hosting=hosting, vat=vat,
        vat_services=vat_services),
    st.sampled_from(["CNY", "USD"]), st.floats(0, 0.3), st.integers(1, 10), st.sampled_from(HOSTINGS),
    st.none() | st.floats(0, 0.3), st.none() | st.floats(0, 0.3),
)
configs = st.sampled_from(CONFIG_IDS)


@st.composite
def requests(draw: st.DrawFn, schedule: st.SearchStrategy[Schedule] = schedules) -> PlanRequest:
    return PlanRequest(
        workload=draw(workloads), schedule=draw(schedule), efficiency=Efficiency(),
        facility=draw(facilities), finance=draw(finances), configs=(draw(configs),),
    )


def plan_of(request: PlanRequest) -> Plan:
    comparison = compare(request)
    assert len(comparison.plans) == 1
    return comparison.plans[0]


def feasible_plan(request: PlanRequest) -> Plan | None:
    plan = plan_of(request)
    if not plan.feasible:
        assert plan.refusals, f"{plan.config}: refused without a reason"
        return None
    return plan


def close(a: float, b: float, rel: float = 1e-9) -> bool:
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-6)


# ---------------------------------------------------------------- money


@FAST
@given(requests())
def test_bom_lines_and_subtotals_add_up(request: PlanRequest) -> None:
    plan = feasible_plan(request)
    if plan is None:
        return
    money = plan.money
    assert money is not None
    for line in plan.bom:
        assert line.qty > 0
        assert line.unit_price >= 0
        assert close(line.total, line.qty * line.unit_price)
        assert line.currency == request.finance.currency
    subtotals = dict(money.subtotals)
    assert set(subtotals) == set(CATEGORIES)
    for category in CATEGORIES:
        assert close(subtotals[category], sum(x.total for x in plan.bom if x.category == category))
    assert close(sum(subtotals.values()), money.hardware + money.services)
    assert close(sum(x.total for x in plan.bom), money.hardware + money.services)
    assert close(money.services, subtotals["services"])



@FAST
@given(requests())
def test_capex_and_tco(request: PlanRequest) -> None:
    plan = feasible_plan(request)
    if plan is None:
        return
    money = plan.money
    assert money is not None
    assert money.discount_rate == request.finance.discount
    # the one rounding rule, an invoice's: each unit price after the discount to the fen;
    # the discount is what that takes off the list, each rate's VAT rounded to the fen once
    goods, services = invoice_net(plan.bom, request.finance.discount)
    assert abs(money.discount - (money.hardware + money.services - goods - services)) <= 0.005 + 1e-6
    assert abs(money.net - (goods + services)) <= 0.005 + 1e-6
    # capex = each part's net plus its VAT: goods at the goods rate, services at theirs
    goods_vat = goods * money.vat_rate
    services_vat = services * money.vat_rate_services
    assert abs(money.vat - (goods_vat + services_vat)) <= 0.01 + 1e-6
    assert abs(money.vat_services - services_vat) <= 0.005 + 1e-6
    assert abs(money.vat_goods - goods_vat) <= 0.005 + 1e-6
    assert close(money.capex, money.net + money.vat)
    for asked, rate in ((request.finance.vat, money.vat_rate),
                        (request.finance.vat_services, money.vat_rate_services)):
        assert asked is None or rate == asked
    assert money.years == request.finance.years
    assert len(money.tco_by_year) == money.years + 1
    assert money.tco_by_year[0] == money.capex
    assert all(b >= a for a, b in zip(money.tco_by_year, money.tco_by_year[1:], strict=False))
    assert money.tco == money.tco_by_year[-1]


# ---------------------------------------------------------------- racks, power, cooling


@FAST
@given(requests())
def test_racks_within_power_space_and_weight(request: PlanRequest) -> None:
    plan = feasible_plan(request)
    if plan is None:
        return
    layout = plan.racks
    assert layout is not None
    catalog = load_catalog()
    rack_model = catalog.racks[layout.rack_model]
    assert layout.rack_units == rack_model.units == request.facility.rack_units
    assert request.facility.rack_kw is not None
    assert layout.budget_kw <= request.facility.rack_kw + 1e-9
    compute_u = math.floor(layout.rack_units * default("facility.rack_usable_fraction").value)
    network_u = default("facility.network_rack_units").value
    assert sum(r.nodes for r in layout.racks) == plan.nodes
    for rack in layout.racks:
        assert rack.power_kw <= layout.budget_kw + 1e-9, (plan.config, rack, layout.budget_kw)
        assert rack.weight_kg <= rack_model.max_load_kg + 1e-9, (plan.config, rack)
        assert rack.units_used <= layout.rack_units, (plan.config, rack)
        assert rack.units_used <= (compute_u if rack.kind == "compute" else network_u), (plan.config, rack)
        assert rack.nodes <= layout.nodes_per_rack
    assert layout.max_power_kw <= layout.budget_kw + 1e-9
    assert layout.pdus >= 2 * layout.count
    # one feed carries the rack: no PDU past its continuous-load limit (80%, NEC 210.20(A))
    limit = default("facility.pdu_continuous_load").value
    assert all(0 < r.pdu_load <= limit + 1e-9 for r in layout.racks), plan.config


@FAST
@given(requests())
def test_cooling_covers_the_heat_of_the_racks(request: PlanRequest) -> None:
    plan = feasible_plan(request)
    if plan is None:
        return
    cooling, layout, power = plan.cooling, plan.racks, plan.power
    assert cooling is not None and layout is not None and power is not None
    assert cooling.kind == request.facility.cooling
    assert close(cooling.heat_kw, sum(r.power_kw for r in layout.racks))
    assert close(cooling.heat_kw, power.it_max_kw)  # every watt in a rack is IT power
    assert cooling.capacity_kw >= cooling.heat_kw - 1e-9, (plan.config, cooling)


@FAST
@given(requests())
def test_no_liquid_server_without_its_loop(request: PlanRequest) -> None:
    # a direct-liquid server is refused under air or rear doors, and bought with its CDUs, rack
    # manifolds and secondary loop when liquid cooling is bought
    catalog = load_catalog()
    plan = plan_of(request)
    server = catalog.servers[catalog.configurations[plan.config].server]
    if server.cooling != "liquid":
        return
    if request.facility.cooling != "liquid":
        assert not plan.feasible and plan.refusals[0].code == "liquid-needs-loop"
        assert ("fix", "cooling = liquid") in plan.refusals[0].params
        return
    if not plan.feasible or plan.cooling is None or not plan.cooling.bought:
        return
    bom = {line.item: line.qty for line in plan.bom}
    compute = sum(r.kind == "compute" for r in plan.racks.racks) if plan.racks else 0
    assert any(catalog.cooling[p].kind == "cdu" for p, _n, _kw in plan.cooling.units)
    assert bom["rack-manifold-pair"] == bom["secondary-loop-rack"] == compute


# ---------------------------------------------------------------- fabric


@FAST
@given(requests())
def test_fabric_serves_every_endpoint(request: PlanRequest) -> None:
    plan = feasible_plan(request)
    if plan is None:
        return
    fabric = plan.fabric
    assert fabric is not None
    nics = load_catalog().configurations[plan.config].compute_nics
    assert fabric.hcas == plan.nodes * nics
    assert fabric.ports_used <= fabric.switch_ports, (plan.config, fabric)
    if plan.nodes > 1:
        assert fabric.endpoints == plan.nodes * nics, (plan.config, fabric)
        # every fabric service has its port and link: the UFM pair's fabric ports on the leaves
        assert plan.management is not None
        services = plan.management.ufm_appliances * default("management.ufm_fabric_ports").value
        assert fabric.ufm_links == services > 0, (plan.config, fabric)
        assert fabric.node_cables == fabric.endpoints + fabric.ufm_links
        assert fabric.switches + fabric.directors >= 1
        # every endpoint and every switch-to-switch link has a cable, and a fibre its optics
        node_runs = [r for r in fabric.runs if r.ends == "node-switch"]
        switch_runs = [r for r in fabric.runs if r.ends == "switch-switch"]
        assert sum(r.links for r in node_runs) == fabric.endpoints + fabric.ufm_links
        assert sum(r.links for r in switch_runs) == fabric.switch_cables
        for run in fabric.runs:
            assert run.cables * (2 if run.cable_part.startswith("cable-ndr-dac") else 1) >= run.links
            if run.medium == "fibre":
                assert run.node_transceivers == (run.links if run.ends == "node-switch" else 0)
                assert run.switch_transceivers * 2 >= run.links
            else:
                assert run.node_transceivers == run.switch_transceivers == 0
        assert fabric.transceivers == sum(r.node_transceivers + r.switch_transceivers
                                          for r in fabric.runs)
    else:
        assert fabric.endpoints == 0 and fabric.switches == 0
    assert plan.racks is not None and plan.management is not None
    # out-of-band access switches by management ports (48 each), not one a rack
    assert fabric.mgmt_switches == plan.management.oob_access_switches >= 1
    assert fabric.mgmt_switches * 48 >= plan.management.oob_ports


# ---------------------------------------------------------------- sizing


@FAST
@given(requests(), deadline_days, deadline_days)
def test_more_days_never_mean_more_gpus(request: PlanRequest, d1: float, d2: float) -> None:
    short, long = sorted((d1, d2))
    first = feasible_plan(replace(request, schedule=Schedule(days=short, lead_time_days=0)))
    second = plan_of(replace(request, schedule=Schedule(days=long, lead_time_days=0)))
    if first is None:
        return
    assert second.feasible, (second.config, short, long, second.refusals)
    assert second.gpus <= first.gpus, (first.config, short, first.gpus, long, second.gpus)


@FAST
@given(requests())
def test_gpu_count_and_memory_floor(request: PlanRequest) -> None:
    plan = feasible_plan(request)
    if plan is None:
        return
    gpn = plan.gpus_per_node
    assert plan.gpus == plan.nodes * gpn
    assert plan.gpus >= plan.memory_floor_gpus
    fleet = request.schedule.gpus
    if fleet is not None:
        assert plan.gpus == math.ceil(fleet / gpn) * gpn
    assert close(plan.gpu_hours, plan.gpus * plan.days * 24)


@FAST
@given(requests())
def test_days_times_throughput_is_the_work(request: PlanRequest) -> None:
    comparison = compare(request)
    plan = comparison.plans[0]
    if not plan.feasible:
        return
    eff = plan.efficiency
    assert eff is not None
    assert close(eff.delivered_tflops, eff.peak_dense_tflops * eff.mfu * eff.goodput)
    done = plan.days * plan.gpus * eff.delivered_tflops * 86_400e12
    assert math.isclose(done, comparison.compute.flops, rel_tol=1e-9)
    assert plan.days_low <= plan.days <= plan.days_high


@FEWER
@given(requests(schedule=st.builds(lambda d, lead: Schedule(days=d, lead_time_days=lead),
                                   deadline_days, st.floats(0, 120))))
def test_deadline_plan_is_the_fewest_nodes_that_meet_it(request: PlanRequest) -> None:
    plan = feasible_plan(request)
    if plan is None:
        return
    deadline = request.schedule.days
    assert deadline is not None
    assert plan.meets_deadline
    # the deadline counts the calendar: lead time, then the training days at the confidence the
    # fleet is sized for (0.8 by default), which lie at or above the expected days' P50
    assert plan.calendar_days == pytest.approx(plan.lead_time_days + plan.days)
    at_confidence = plan.lead_time_days + plan.days_at_confidence
    assert at_confidence <= deadline * (1 + 1e-9), (plan.config, at_confidence, deadline)
    assert plan.days_p10 <= plan.days_p50 <= plan.days_at_confidence <= plan.days_p90
    deadline -= plan.lead_time_days  # what is left for training
    fewer = plan.gpus - plan.gpus_per_node
    if fewer < max(1, plan.memory_floor_gpus):
        return
    smaller = plan_of(replace(request, schedule=Schedule(gpus=fewer)))
    if not smaller.feasible:  # refused for a reason of its own: it cannot do better
        return
    assert smaller.days_at_confidence > deadline, (plan.config, plan.gpus, fewer,
                                                   smaller.days_at_confidence, deadline)


@pytest.mark.parametrize("config", CONFIG_IDS)
def test_every_configuration_plans_the_seed_case(config: str) -> None:
    """Not random, but the same invariants on the seed's GPT-3 175B for a month, per config."""
    # a month of training after the default lead time
    lead = default("schedule.lead_time_days").value
    catalog = load_catalog()
    liquid = catalog.servers[catalog.configurations[config].server].cooling == "liquid"
    # a direct-liquid server is planned with its coolant loop (under air it is refused)
    facility = Facility(cooling="liquid") if liquid else Facility()
    request = PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=lead + 30, lead_time_days=0),
                          facility=facility, configs=(config,))
    plan = plan_of(request)
    assert plan.feasible, plan.refusals
    assert plan.racks is not None and plan.cooling is not None
    assert plan.racks.max_power_kw <= plan.racks.budget_kw
    assert plan.cooling.capacity_kw >= plan.cooling.heat_kw


# ---------------------------------------------------------------- racks as built, hosting


@FAST
@given(requests())
def test_rack_slots_are_what_the_rack_holds(request: PlanRequest) -> None:
    plan = feasible_plan(request)
    if plan is None:
        return
    layout = plan.racks
    assert layout is not None
    for rack in layout.racks:
        taken: set[int] = set()
        strips = [s for s in rack.slots if s.role == "pdu"]
        assert len(strips) == rack.pdus and all(s.units == 0 and s.position_u == 0 for s in strips)
        for slot in (s for s in rack.slots if s.role != "pdu"):  # PDUs are zero-U strips at the back
            units = set(range(slot.position_u, slot.position_u + slot.units))
            assert not units & taken, (plan.config, rack)  # nothing shares a U
            assert slot.position_u >= 1 and slot.position_u + slot.units - 1 <= layout.rack_units
            taken |= units
        assert rack.units_used == sum(s.units for s in rack.slots)
        assert close(rack.power_kw, sum(s.max_kw for s in rack.slots))
        assert rack.nodes == sum(1 for s in rack.slots if s.role == "server")
        assert rack.pdus >= 2 and rack.pdus % 2 == 0  # A and B feeds alike
        assert 1 <= rack.position <= layout.row_racks and 1 <= rack.row <= layout.rows
    assert layout.pdus == sum(r.pdus for r in layout.racks)
    assert layout.feed_kw == max(r.power_kw for r in layout.racks)


@FAST
@given(requests())
def test_facility_power_covers_it_maximum(request: PlanRequest) -> None:
    plan = feasible_plan(request)
    if plan is None:
        return
    power = plan.power
    assert power is not None
    assert power.facility_max_kw >= power.it_max_kw * power.pue - 1e-9
    assert power.facility_max_kw >= power.facility_kw
    assert power.it_max_kw >= power.it_typical_kw


@FAST
@given(requests())
def test_what_each_hosting_model_buys(request: PlanRequest) -> None:
    plan = feasible_plan(request)
    if plan is None:
        return
    money = plan.money
    assert money is not None
    bought = {line.category for line in plan.bom}
    hosting = request.finance.hosting
    if hosting == "cloud":
        assert plan.bom == () and money.capex == 0
        assert close(money.hosting_per_year, money.cloud_per_year)
    if hosting in ("colo", "wholesale", "cloud"):
        assert "cooling" not in bought
    if hosting == "colo":
        assert "rack_power" not in bought
    if hosting in ("own", "wholesale"):
        assert "rack_power" in bought
    assert close(money.cloud_per_run, plan.gpu_hours * money.cloud_rate)
