"""Invariants of the storage tier, the management plane and the configured systems, by hypothesis."""

from __future__ import annotations

import math
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from engine.catalog import load_catalog
from engine.model import PlanRequest, StorageRequest
from engine.money.services import equipment_value
from tests.engine.test_properties import FEWER, close, feasible_plan, requests

storage_choices = st.sampled_from(["vendor", "neutral"])


@FEWER
@given(requests(), storage_choices, st.integers(0, 20))
def test_storage_meets_capacity_and_bandwidth(request: PlanRequest, choice: str, kept: int) -> None:
    plan = feasible_plan(replace(request, storage=StorageRequest(product=choice, checkpoints_kept=kept)))
    if plan is None:
        return
    s = plan.storage
    assert s is not None
    product = load_catalog().storage[s.product]
    assert s.blocks >= product.min_blocks
    assert s.usable_tb >= s.need_tb - 1e-9
    assert s.read_gbps >= s.need_read_gbps - 1e-9 and s.write_gbps >= s.need_write_gbps - 1e-9
    # one block fewer would miss a need (unless the minimum sets the count)
    if s.blocks > product.min_blocks:
        fewer = s.blocks - 1
        assert (fewer * product.usable_tb < s.need_tb - 1e-9
                or fewer * product.read_gbps < s.need_read_gbps - 1e-9
                or fewer * product.write_gbps < s.need_write_gbps - 1e-9)
    # the checkpoint time is the written size at the delivered bandwidth
    assert close(s.checkpoint_minutes * 60 * s.write_gbps, s.checkpoint_tb * 1000, rel=1e-6)
    # every storage-network link has a cable: node ports, storage ports, switch-to-switch
    assert plan.fabric is not None
    assert s.cables >= plan.fabric.storage_endpoints + s.ports


@FEWER
@given(requests())
def test_management_plane_cables_every_port_and_fits_the_racks(request: PlanRequest) -> None:
    plan = feasible_plan(request)
    if plan is None:
        return
    m, racks, fabric, power = plan.management, plan.racks, plan.fabric, plan.power
    assert m is not None and racks is not None and fabric is not None and power is not None
    if request.finance.hosting == "cloud":  # rented GPUs: nothing is bought
        assert plan.bom == ()
        return
    # every node, fabric switch and PDU has an out-of-band port, and each has a cord
    assert m.oob_ports >= plan.nodes + fabric.switches + racks.pdus
    bom = {(line.category, line.item): line.qty for line in plan.bom}
    assert bom.get(("management", "cable-cat6a-3m"), 0) + bom.get(("management", "cable-cat6a-10m"), 0) \
        == m.oob_ports
    assert m.login_nodes >= 2 and m.head_nodes == 2
    assert (m.ufm_appliances > 0) == (fabric.switches > 0)
    # the access switches take every port on their 48, two uplinks from each, on aggregation
    # switches that take them all
    assert m.oob_access_switches * 48 >= m.oob_ports and m.oob_access_switches == fabric.mgmt_switches
    assert m.oob_uplinks == (2 * m.oob_access_switches if m.oob_access_switches > 1 else 0)
    assert m.oob_aggregation_switches * 32 >= m.oob_uplinks
    assert (m.oob_aggregation_switches == 0) == (m.oob_access_switches == 1)
    # everything in a rack is IT power
    assert close(sum(r.power_kw for r in racks.racks), power.it_max_kw, rel=1e-9)


@FEWER
@given(requests())
def test_configured_system_is_one_line_and_services_scale_with_value(request: PlanRequest) -> None:
    plan = feasible_plan(request)
    if plan is None:
        return
    if request.finance.hosting == "cloud":  # rented GPUs: nothing is bought
        assert plan.bom == ()
        return
    compute = [line for line in plan.bom if line.category == "compute"]
    assert len(compute) == 1 and compute[0].qty == plan.nodes
    gpus = {c.qty for c in compute[0].components if c.kind == "gpu"}
    assert gpus == {plan.gpus_per_node}
    value = equipment_value(plan.bom)
    warranty = [line for line in plan.bom if line.item == "warranty"]
    # 1.5 % of the equipment value a year (assumptions.toml), for the default 3-year term
    assert len(warranty) == 1 and warranty[0].qty == 3
    assert len(warranty) == 1 and math.isclose(warranty[0].unit_price, 0.015 * value, abs_tol=0.01)
