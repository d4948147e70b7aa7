"""The management plane, counted by hand."""

from __future__ import annotations

from engine.facility.management import (
    Device,
    ManagementParts,
    ManagementRules,
    Switch,
    aggregation_switches,
    login_nodes,
    plan_management,
)

RULES = ManagementRules(head_nodes=2, login_nodes_min=2, nodes_per_login_node=64,
                        ufm_appliances=2, oob_uplinks=2)
PARTS = ManagementParts(server=Device("srv", 2, 1000), ufm=Device("ufm", 2, 500),
                        inband_switch=Switch("sw", 32, 300), oob_switch=Switch("agg", 48, 200),
                        link_cable="aoc", oob_cable="cat6")


def test_login_nodes_and_aggregation() -> None:
    assert [login_nodes(n, RULES) for n in (1, 64, 65, 128, 129)] == [2, 2, 2, 2, 3]
    # two uplinks a rack: 32 ports take 16 racks' uplinks, a pair is the least
    # (counted by out-of-band access switches, two uplinks each)
    assert [aggregation_switches(r, RULES, 32) for r in (1, 2, 16, 32, 33)] == [0, 2, 2, 2, 3]


def test_management_plane_by_hand() -> None:
    # 128 nodes, InfiniBand, 10 out-of-band access switches (300 ports on 48-port switches in
    # 4 rows); front end already has 128 node + 16 storage ports
    plan = plan_management(nodes=128, infiniband=True, access_switches=10, frontend_endpoints=144,
                           oob_devices=300, rules=RULES, parts=PARTS)
    assert (plan.head_nodes, plan.login_nodes, plan.ufm_appliances) == (2, 2, 2)
    # in-band: (2 + 2) servers × 2 + 2 UFM × 2 = 12 ports; 144 -> 156 endpoints on 32-port
    # switches: leaves ceil(144/16) = 9 -> ceil(156/16) = 10, spines 5 -> 5: one more switch,
    # and 16 more uplinks (10 × 16 - 9 × 16)
    assert plan.inband_endpoints == 12
    assert plan.inband_switches == 1
    assert plan.inband_links == 12 + 16
    # out-of-band: 10 access switches × 2 uplinks = 20 on 48-port switches: ceil(20/48) = 1,
    # a pair at least
    assert (plan.oob_aggregation_switches, plan.oob_uplinks) == (2, 20)
    # every management port: 300 given + 4 servers + 2 UFM + 1 in-band + 2 aggregation
    assert plan.oob_ports == 309
    assert plan.power_w == 4 * 1000 + 2 * 500 + 1 * 300 + 2 * 200
    assert dict(plan.parts) == {"srv": 4, "ufm": 2, "sw": 1, "agg": 2, "aoc": 28 + 20, "cat6": 309}


def test_no_fabric_manager_without_infiniband_nor_aggregation_in_one_rack() -> None:
    plan = plan_management(nodes=1, infiniband=False, access_switches=1, frontend_endpoints=1,
                           oob_devices=3, rules=RULES, parts=PARTS)
    assert plan.ufm_appliances == 0
    assert plan.oob_aggregation_switches == 0 and plan.oob_uplinks == 0
    assert plan.inband_switches == 0  # 1 + 8 ports fit the front-end switch already there


def test_switch_to_switch_links_on_their_own_cable() -> None:
    # the same plane as above with the in-band switch links on a 200G cable: the 12 endpoint
    # links and 20 uplinks stay on the 100G AOC, the 16 new leaf uplinks go on the 200G one;
    # 120 of the 309 management ports are cabled from another rack, on the long cord
    parts = ManagementParts(server=PARTS.server, ufm=PARTS.ufm, inband_switch=PARTS.inband_switch,
                            oob_switch=PARTS.oob_switch, link_cable="aoc", oob_cable="cat6",
                            switch_link_cable="aoc200", oob_long_cable="cat6-10m")
    plan = plan_management(nodes=128, infiniband=True, access_switches=10, frontend_endpoints=144,
                           oob_devices=300, rules=RULES, parts=parts, long_cords=120)
    assert plan.inband_switch_links == 16
    assert dict(plan.parts)["aoc"] == 12 + 20 and dict(plan.parts)["aoc200"] == 16
    assert (dict(plan.parts)["cat6"], dict(plan.parts)["cat6-10m"]) == (309 - 120, 120)

