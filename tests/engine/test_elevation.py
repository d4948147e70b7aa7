"""Every rack's slots hold exactly what lay_out counted, without overlap, with its A and B PDUs."""

from __future__ import annotations

from engine import compare
from engine.model import PlanRequest, Rack, Schedule, Workload


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


def test_every_plan_has_an_elevation_of_its_own_racks() -> None:
    comparison = compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30.0, lead_time_days=0)))
    for plan in comparison.plans:
        if not plan.feasible:
            continue
        assert plan.racks is not None and plan.fabric is not None
        racks = plan.racks.racks
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
