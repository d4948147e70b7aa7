"""Every rack's slots hold exactly what lay_out counted, without overlap, with its A and B PDUs."""

from __future__ import annotations

from engine.model import Comparison, Rack


def check_rack(rack: Rack, rack_units: int) -> None:
    mounted = [s for s in rack.slots if s.units > 0]
    # what the slots hold adds up to the rack's own counts
    assert sum(s.units for s in mounted) == rack.units_used
    assert abs(sum(s.max_kw for s in mounted) - rack.power_kw) < 1e-9
    assert abs(sum(s.weight_kg for s in mounted) - rack.weight_kg) < 1e-9
    assert sum(1 for s in mounted if s.role == "server") == rack.nodes
    assert sum(1 for s in mounted if s.role not in ("server", "patch_panel")) == rack.switches
    # inside the rack, and no two things in the same U
    taken: set[int] = set()
    for slot in mounted:
        units = set(range(slot.position_u, slot.position_u + slot.units))
        assert min(units) >= 1 and max(units) <= rack_units
        assert not units & taken
        taken |= units
    pdus = [s for s in rack.slots if s.role == "pdu"]
    assert len(pdus) >= 2 and len(pdus) % 2 == 0  # A and B feeds


def test_every_plan_has_an_elevation_of_its_own_racks(comparison: Comparison) -> None:
    """What the racks hold, slot by slot, is what the fabric, storage and management plans
    counted, and the servers fill compute racks as the rack limit says."""
    for plan in comparison.plans:
        if not plan.feasible:
            continue
        assert plan.racks is not None and plan.fabric is not None and plan.management is not None
        racks = plan.racks.racks
        assert len(racks) == plan.racks.count
        for rack in racks:
            check_rack(rack, plan.racks.rack_units)
        compute = [r for r in racks if r.kind == "compute"]
        # every compute rack but the last is full; the last holds the rest
        assert all(r.nodes == plan.racks.nodes_per_rack for r in compute[:-1])
        assert 0 < compute[-1].nodes <= plan.racks.nodes_per_rack
        assert sum(r.nodes for r in compute) == plan.nodes
        assert all(r.nodes == 0 for r in racks if r.kind == "network")
        pdus = sum(1 for r in racks for s in r.slots if s.role == "pdu")
        assert pdus == plan.racks.pdus
        fabric, mgmt, storage = plan.fabric, plan.management, plan.storage
        roles = [s.role for r in racks for s in r.slots]
        assert roles.count("leaf") == fabric.leaves and roles.count("spine") == fabric.spines
        assert roles.count("core") == fabric.cores and roles.count("director") == fabric.directors
        # the out-of-band access switches stand in the racks they serve (not one a rack)
        assert roles.count("mgmt_switch") == fabric.mgmt_switches == mgmt.oob_access_switches
        assert roles.count("server") == plan.nodes
        # the storage and management plans stand in the racks as they were sized
        assert roles.count("storage") == (storage.blocks if storage else 0)
        assert roles.count("storage_switch") == fabric.storage_switches + (storage.switches if storage else 0)
        assert roles.count("management") == mgmt.head_nodes + mgmt.login_nodes + mgmt.ufm_appliances
        assert roles.count("frontend_switch") == mgmt.inband_switches
        assert roles.count("oob_switch") == mgmt.oob_aggregation_switches
