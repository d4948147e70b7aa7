"""The storage / front-end network's links run at their ports' speed: by hand for the 1 024-GPU
plan, and as an invariant over many plans (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given

from engine.assumptions import default
from engine.catalog import load_catalog
from engine.compare import compare
from engine.model import Facility, PlanRequest, Schedule, Workload
from engine.planning.parts import parts
from tests.engine.test_properties import FAST, feasible_plan, requests

# The storage blocks' and management servers' front-end ports are 100GbE (storage.toml's
# header: "ports: 100GbE links"; the management servers' names: "2 × 100GbE").
SERVER_PORT_GBPS = 100


def test_storage_leaf_uplinks_carry_the_class_by_hand() -> None:
    # 1 024 H800 GPUs on SR680a V3: 128 nodes × 2 × 200GbE + 2 DSS-G blocks × 8 × 100GbE
    # = 256 + 16 = 272 endpoints on 32-port SN3700s (200GbE a port): 16 down, 16 up a leaf,
    # ceil(272 / 16) = 17 leaves, 17 × 16 = 272 leaf-spine links.
    # One leaf's uplinks: 16 × 200 Gb/s / 8 = 400 GB/s, as much as its 16 down ports at
    # 200 Gb/s (non-blocking); with the 100G cables planned before it was 200 GB/s, half.
    # The 'Good' class the plan is sized for: 60 GB/s read for 4 SUs (RA-11333-001 Tables
    # 5-6), 15 GB/s per SU; a scalable unit's 64 node ports take 4 leaves, 1 600 GB/s up.
    plan = compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(gpus=1024),
                               facility=Facility(rack_kw=41),
                               configs=("lenovo-sr680av3-h800",))).plans[0]
    s = plan.storage
    assert s is not None and s.performance == "good"
    catalog, planes = load_catalog(), parts()["planes"]
    switch = catalog.network[planes["frontend_switch"]]
    cable = catalog.network[planes["switch_link_cable"]]
    assert (switch.ports, switch.port_gbps, cable.port_gbps) == (32, 200, 200)
    assert s.switch_links == 272
    leaf_up_gbs = 16 * cable.port_gbps / 8
    leaf_down_gbs = 16 * switch.port_gbps / 8
    assert leaf_up_gbs == 400 == leaf_down_gbs
    per_su_class = default("storage.good_read_gbps").value / 4
    assert per_su_class == 15
    su_up_gbs = (32 * 2 // 16) * leaf_up_gbs
    assert su_up_gbs == 1600 >= per_su_class
    # every leaf together reaches the blocks' read bandwidth the class bought (80 GB/s)
    assert s.switch_links * cable.port_gbps / 8 >= s.read_gbps == 80
    # the same, had the class been 'Best' (500 GB/s for 4 SUs: 125 per SU, unverified figure)
    assert leaf_up_gbs >= default("storage.best_read_gbps").value / 4


@FAST
@given(requests())
def test_every_front_end_link_runs_at_its_ports_speed(request: PlanRequest) -> None:
    plan = feasible_plan(request)
    if plan is None or plan.storage is None or request.finance.hosting == "cloud":
        return
    catalog, planes, eth = load_catalog(), parts()["planes"], parts()["ethernet"]
    switch = catalog.network[planes["frontend_switch"]]
    speed = {b.item: catalog.network[b.item].port_gbps for b in plan.bom
             if b.category in ("storage", "management") and b.item in catalog.network
             and catalog.network[b.item].kind == "cable"}
    s = plan.storage
    # switch to switch: both ends are the front-end switch, the cable at its port speed
    if s.switch_links or (plan.management and plan.management.inband_switch_links):
        assert speed[planes["switch_link_cable"]] == switch.port_gbps
    # node to switch: the node adapter's port speed equals the switch's, and the cable's
    nic = catalog.network[eth["node_nic"]]
    assert speed[eth["node_link_cable"]] == nic.port_gbps == switch.port_gbps
    # a 100GbE server port on a 200GbE switch port: the link runs at the server's speed,
    # the slower end, on a 100G cable (the switch port runs at 100G)
    if s.ports:
        assert speed[planes["link_cable"]] == min(SERVER_PORT_GBPS, switch.port_gbps)
    # no cable of the storage and management planes is faster or slower than both its ends
    for item, gbps in speed.items():
        if item in (planes["oob_cable"], planes["oob_long_cable"]):
            continue  # RJ45 management ports at 1 Gb/s
        assert gbps in (switch.port_gbps, SERVER_PORT_GBPS), (item, gbps)


@pytest.mark.parametrize("item", ["switch_link_cable", "link_cable"])
def test_the_planes_cables_are_cables(item: str) -> None:
    part = load_catalog().network[parts()["planes"][item]]
    assert part.kind == "cable" and part.port_gbps > 0
