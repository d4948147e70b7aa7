"""Out-of-band access switches sized by management ports within copper reach, against NVIDIA's
DGX SuperPOD H100 reference architecture (RA-11333-001) and by hand."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.catalog import load_catalog
from engine.compare import compare
from engine.facility.oob import Reach, access_groups, lower_bound
from engine.model import Facility, Plan, PlanRequest, Schedule, Workload
from engine.planning.oob_access import oob_groups, rack_ports, reach
from tests.engine.test_properties import FAST

SN2201_PORTS = 48  # 48 × 1GbE RJ45 (+ 4 × 100GbE uplinks), hardware catalog


def _plan(gpus: int) -> Plan:
    return compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(gpus=gpus),
                               facility=Facility(rack_kw=41),
                               configs=("lenovo-sr680av3-h800",))).plans[0]


def test_the_ras_4_su_inventory_needs_the_ras_8_switches() -> None:
    # RA-11333-001, 4 SUs / 127 DGX H100 in 38 racks (Table 7; hardware.md, second review):
    # out-of-band 8 × SN2201 and 317 Cat5e cords, 108 of them to PDUs (96 in 32 compute racks,
    # 12 in 6 management racks). So a compute rack has 4 BMCs + 3 PDUs = 7 ports (32 × 7 = 224)
    # and the 6 management racks 317 - 224 = 93: their 12 PDUs and 81 management ports (48
    # compute-fabric + 16 storage-fabric QM9700, 8 in-band SN4600C, 4 UFM, 5 servers).
    # The RA's rows are assumed one per SU: 8 compute racks and a share of the management
    # racks (2, 2, 1, 1), within one 10 m cord's reach.
    network = [16, 16, 16, 15, 15, 15]
    rows, ports = [], []
    for su, mgmt in enumerate(([0, 1], [2, 3], [4], [5])):
        rows += [su] * (8 + len(mgmt))
        ports += [7] * 8 + [network[i] for i in mgmt]
    assert (len(ports), sum(ports)) == (38, 317)
    # per row: 88, 87, 71, 71 ports -> 2 switches each on 48 ports = 8, the RA's count
    groups = access_groups(rows, ports, SN2201_PORTS, reach())
    assert len(groups) == 8 == lower_bound(rows, ports, SN2201_PORTS, reach())
    assert all(g.ports <= SN2201_PORTS for g in groups)
    # by ports alone 317 / 48 would be 7; one a rack (as planned before) 38
    assert math.ceil(317 / SN2201_PORTS) == 7 < len(groups) < 38


def test_the_4_su_plan_by_hand() -> None:
    # The plan of the RA's size: 127 nodes (1 016 GPUs) at 41 kW, 38 racks in rows of 10: rows
    # 1-3 hold 10 compute racks each of 4 BMCs + 4 PDUs (the 80% PDU rule gives 2 a feed at
    # 41 kW, the RA 3 a rack) = 80, + 2 cooling controllers = 82 ports -> 2 switches a row;
    # row 4 the last 2 compute racks and the 6 network racks: 364 - 3 × 82 = 118 -> 3.
    # 9 SN2201 (the RA's 8 for 317 ports; this plan has 364: 32 more PDUs, 8 cooling
    # controllers, and its own Ethernet counts), not 38.
    p = _plan(1016)
    m, layout = p.management, p.racks
    assert m is not None and layout is not None and p.fabric is not None
    assert (p.nodes, layout.count, layout.rows, m.oob_ports) == (127, 38, 4, 364)
    groups = oob_groups(layout, load_catalog())
    per_row = {row: sum(g.ports for g in groups if g.row == row) for row in (1, 2, 3, 4)}
    assert per_row == {1: 82, 2: 82, 3: 82, 4: 118}
    assert m.oob_access_switches == 2 + 2 + 2 + 3 == 9 == p.fabric.mgmt_switches
    # two uplinks each: 18 on 32-port SN2700 aggregation, a pair
    assert (m.oob_uplinks, m.oob_aggregation_switches) == (18, 2)
    bom = {(b.category, b.item): b.qty for b in p.bom}
    assert bom["network", "eth-mgmt-sn2201"] == 9
    # cords: the ports of the rack a switch stands in on 3 m, the others on 10 m
    assert bom["management", "cable-cat6a-3m"] + bom["management", "cable-cat6a-10m"] == 364
    assert bom["management", "cable-cat6a-10m"] == sum(g.long_cords for g in groups) > 0


@pytest.mark.parametrize("gpus", [256, 512, 2048, 4096])
def test_other_sizes_follow_the_same_rule(gpus: int) -> None:
    # The RA gives out-of-band counts for 4 SUs only (its Table 4 scales the compute fabric
    # alone to 1, 2, 3, 4 SUs): at 1, 2, 8 and 16 SUs the plan takes as few switches as each
    # row's ports need on 48, far fewer than one a rack.
    p = _plan(gpus)
    m, layout = p.management, p.racks
    assert m is not None and layout is not None
    catalog = load_catalog()
    groups = oob_groups(layout, catalog)
    ports = [sum(n for g in groups for r, n in g.shares if r == i) for i in range(layout.count)]
    rows = [r.row for r in layout.racks]
    assert m.oob_access_switches == len(groups) == lower_bound(rows, ports, SN2201_PORTS, reach())
    assert sum(ports) == m.oob_ports  # every management port on a switch, once
    assert all(ports[i] >= rack_ports(r, catalog) for i, r in enumerate(layout.racks))
    assert m.oob_access_switches < layout.count


@FAST
@given(st.lists(st.tuples(st.integers(1, 4), st.integers(0, 60)), min_size=1, max_size=40),
       st.floats(2.0, 20.0))
def test_access_groups_take_every_port_within_reach(racks: list[tuple[int, int]], cord: float) -> None:
    rows = sorted(r for r, _ in racks)  # racks stand row after row
    ports = [p for _, p in racks]
    reach_ = Reach(cord_m=cord, slack_m=4.0, rack_width_m=0.6)
    groups = access_groups(rows, ports, SN2201_PORTS, reach_)
    side = reach_.racks_either_side
    taken = [0] * len(rows)
    for g in groups:
        assert len(g.racks) > 0 and g.ports <= SN2201_PORTS
        assert {rows[i] for i in g.racks} == {g.row}  # cords stay in their row
        assert all(abs(i - g.host) <= side for i in g.racks)  # ... within a cord's reach
        for i, n in g.shares:
            taken[i] += n
    assert taken == ports
    # never fewer than the ports and the reach allow; more only where a full run of racks
    # must break at a rack boundary for reach
    assert len(groups) >= lower_bound(rows, ports, SN2201_PORTS, reach_)
    if side >= len(rows):
        assert len(groups) == lower_bound(rows, ports, SN2201_PORTS, reach_)
