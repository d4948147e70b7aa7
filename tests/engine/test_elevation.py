"""Rack slots derived from a layout's counts hold exactly what lay_out counted, without overlap."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine import compare
from engine.catalog import load_catalog
from engine.facility.elevation import Mounted, derive_slots, pdus_in
from engine.facility.racks import Box, RackRefusal, RackSpec, lay_out
from engine.model import PlanRequest, Rack, Schedule, Workload
from engine.plan import rack_elevation


def check_rack(rack: Rack, rack_units: int) -> None:
    mounted = [s for s in rack.slots if s.units > 0]
    # what the slots hold adds up to the rack's own counts
    assert sum(s.units for s in mounted) == rack.units_used
    assert abs(sum(s.max_kw for s in mounted) - rack.power_kw) < 1e-9
    assert abs(sum(s.weight_kg for s in mounted) - rack.weight_kg) < 1e-9
    assert sum(1 for s in mounted if s.role == "server") == rack.nodes
    assert sum(1 for s in mounted if s.role != "server") == rack.switches
    # inside the rack, and no two things in the same U
    taken: set[int] = set()
    for slot in mounted:
        units = set(range(slot.position_u, slot.position_u + slot.units))
        assert min(units) >= 1 and max(units) <= rack_units
        assert not units & taken
        taken |= units
    pdus = [s for s in rack.slots if s.role == "pdu"]
    assert len(pdus) >= 2 and len(pdus) % 2 == 0  # A and B feeds


def boxes(role: str) -> st.SearchStrategy[Mounted]:
    return st.builds(
        lambda u, w, kg: Mounted(u, w, kg, role, role, role),
        st.integers(1, 2), st.floats(50, 1500), st.floats(5, 30),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    nodes=st.integers(1, 60),
    node_u=st.integers(1, 8),
    node_w=st.floats(500, 12_000),
    node_kg=st.floats(15, 130),
    switches=st.lists(st.one_of(boxes("leaf"), boxes("spine"), boxes("storage_switch")), max_size=40),
    budget=st.floats(8, 60),
)
def test_derived_slots_hold_what_lay_out_counted(  # type: ignore[no-untyped-def]
    nodes, node_u, node_w, node_kg, switches, budget
) -> None:
    spec = RackSpec("rack", 42, 1500, 0.9, 2, budget, 38, 15.0)
    mgmt = Mounted(1, 60, 8, "mgmt_switch", "mgmt", "mgmt")
    node = Mounted(node_u, node_w, node_kg, "server", "node", "node")
    as_box = lambda m: Box(m.units, m.max_w, m.weight_kg)  # noqa: E731
    try:
        layout = lay_out(nodes, as_box(node), as_box(mgmt), [as_box(s) for s in switches], spec,
                         [("pdu-7", 7.4), ("pdu-22", 22.0)])
    except RackRefusal:
        return
    pdu = Mounted(0, 0.0, 0.0, "pdu", "pdu", "pdu")
    pdu_kw = 22.0 if max(r.power_kw for r in layout.racks) > 7.4 else 7.4
    racks = derive_slots(layout, node, mgmt, switches, pdu, pdu_kw)
    assert len(racks) == layout.count
    for rack in racks:
        check_rack(rack, spec.units)
    # every switch is placed once: the same multiset of roles as given
    placed = sorted(s.role for r in racks for s in r.slots if s.role not in ("server", "mgmt_switch", "pdu"))
    assert placed == sorted(s.role for s in switches)
    assert sum(pdus_in(r, pdu_kw) for r in racks) == layout.pdus


def test_every_plan_has_an_elevation_of_its_own_racks() -> None:
    comparison = compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30.0)))
    catalog = load_catalog()
    for plan in comparison.plans:
        if not plan.feasible:
            continue
        assert plan.racks is not None and plan.fabric is not None
        racks = rack_elevation(plan, catalog)
        assert len(racks) == plan.racks.count
        for rack, counted in zip(racks, plan.racks.racks, strict=True):
            assert (rack.kind, rack.nodes, rack.switches) == (counted.kind, counted.nodes, counted.switches)
            check_rack(rack, plan.racks.rack_units)
        pdus = sum(1 for r in racks for s in r.slots if s.role == "pdu")
        assert pdus == plan.racks.pdus
        fabric = plan.fabric
        roles = [s.role for r in racks for s in r.slots]
        assert roles.count("leaf") == fabric.leaves and roles.count("spine") == fabric.spines
        assert roles.count("core") == fabric.cores
        assert roles.count("mgmt_switch") == plan.racks.count
        assert roles.count("server") == plan.nodes
