"""Racks, power, cooling, fabric and hosting as built, worked by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine.catalog import load_catalog
from engine.compare import compare
from engine.errors import RequestError
from engine.facility.cabling import Geometry, Medium, choose_medium, run_lengths
from engine.facility.cooling import Unit, plan_cooling
from engine.facility.fabric import fat_tree
from engine.facility.racks import Box, PduModel, RackSpec, lay_out
from engine.model import Facility, Finance, Plan, PlanRequest, Schedule, Workload
from engine.money.cloud import cloud_rates
from engine.money.prices import load_price_list
from engine.planning.fabric import director_if_cheaper

HGX_H = ("lenovo-sr680av3-h800", "inspur-nf5688m7-h800", "lenovo-sr680av3-h100")


def plan(config: str, gpus: int, preset: str = "gpt3-175b", **kw: object) -> Plan:
    facility = Facility(**{k: v for k, v in kw.items() if k in Facility.__dataclass_fields__})  # type: ignore[arg-type]
    finance = Finance(**{k: v for k, v in kw.items() if k in Finance.__dataclass_fields__})  # type: ignore[arg-type]
    request = PlanRequest(Workload(preset=preset), Schedule(gpus=gpus), facility=facility,
                          finance=finance, configs=(config,))
    result = compare(request).plans[0]
    assert result.feasible, result.refusals
    return result


# ---------------------------------------------------------------- the SuperPOD case


@pytest.mark.parametrize("config", HGX_H)
def test_127_hgx_nodes_at_41_kw_are_32_racks_of_4_and_a_superpod_fabric(config: str) -> None:
    # DGX H100 SuperPOD: 127 nodes, 4 a rack at 40.8 kW, 32 leaf and 16 spine NDR switches.
    # 4 × 10.2 kW + the 0.1 kW management switch = 40.9 kW <= 41 kW, so it stays in the rack.
    p = plan(config, 1016, rack_kw=41)
    assert p.nodes == 127 and p.racks is not None and p.fabric is not None
    compute = [r for r in p.racks.racks if r.kind == "compute"]
    assert len(compute) == 32
    assert [r.nodes for r in compute] == [4] * 31 + [3]
    assert all(r.power_kw <= 41 for r in p.racks.racks)
    assert (p.fabric.leaves, p.fabric.spines, p.fabric.cores) == (32, 16, 0)
    assert sum(s.role == "leaf" for r in p.racks.racks for s in r.slots) == 32
    assert sum(s.role == "spine" for r in p.racks.racks for s in r.slots) == 16
    assert all(s.role != "leaf" for r in compute for s in r.slots)  # leaves in network racks
    assert any(w.code == "air-rack-limit" for w in p.warnings)  # 41 kW is past air's ~30 kW


def test_superpod_optics_by_hand() -> None:
    # Network racks: 15 kW; a QM9700 at its maximum is 750 W + 32 cages × 17 W = 1 294 W, so
    # 11 switches and the 100 W management switch fit (14 334 W). Leaves 0-10, 11-21, then
    # leaves 22-31 share a rack with spine 0: those 10 leaves × 2 links to each spine = 20
    # in-rack links on 10 twin-port DACs. Fibre: 1 016 node links and the UFM pair's 4 (the RA's
    # 1 020 node-to-leaf cables, RA-11333-001 Table 4: 510 twin-port modules at the switches,
    # 1 020 single-port at the HCAs) and 1 024 - 20 = 1 004 switch links (1 004 modules).
    # Switch-end optics: (510 + 1 004) × 17 W = 25.738 kW.
    p = plan("lenovo-sr680av3-h800", 1016, rack_kw=41)
    assert p.fabric is not None and p.power is not None and p.racks is not None
    network = [r for r in p.racks.racks if r.kind == "network"]
    fabric_switches = [sum(s.role in ("leaf", "spine") for s in r.slots) for r in network]
    assert fabric_switches[:3] == [11, 11, 11]  # and room for an out-of-band switch at the top
    runs = {(r.ends, r.medium): r for r in p.fabric.runs}
    dac = runs[("switch-switch", "dac")]
    assert (dac.links, dac.cables, dac.span) == (20, 10, "in-rack")
    switch_modules = sum(r.switch_transceivers for r in p.fabric.runs)
    node_modules = sum(r.node_transceivers for r in p.fabric.runs)
    assert (node_modules, switch_modules) == (1020, 510 + 1004)
    assert p.fabric.ufm_links == 4 and p.fabric.node_cables == 1020
    assert p.power.optics_kw == pytest.approx(1514 * 17 / 1000)
    bom = {line.item: line.qty for line in p.bom if line.category == "network"}
    assert bom["xcvr-ndr-osfp-switch"] == 1514 and bom["cable-ndr-dac"] == 10
    fibres = ("cable-ndr-fiber-10m", "cable-ndr-fiber", "cable-ndr-fiber-50m")
    assert sum(bom.get(f, 0) for f in fibres) == 1020 + 1004
    # the shortest fibre that reaches: in-row runs (up to 6.4 m) on 10 m, cross-row (19 m) on 30 m
    by_run = {(r.span, r.ends): r.cable_part for r in p.fabric.runs if r.medium == "fibre"}
    assert by_run[("in-row", "switch-switch")] == "cable-ndr-fiber-10m"
    assert by_run[("cross-row", "node-switch")] == "cable-ndr-fiber"


def test_at_the_defaults_no_hgx_rack_holds_a_single_server() -> None:
    # Air, Hopper: 25 kW holds two 10.2 kW servers (one of NVIDIA's DGX H100 rack plans);
    # air, Ampere: 20 kW holds three 6.5 kW servers.
    catalog = load_catalog()
    hgx = [c for c in catalog.configurations.values() if c.intra_node_link == "nvswitch"
           and catalog.servers[c.server].cooling != "liquid"]
    assert hgx
    for cfg in hgx:
        p = plan(cfg.id, 8 * cfg.gpu_count)
        assert p.racks is not None and p.racks.nodes_per_rack >= 2, cfg.id
        assert all(r.nodes >= 2 for r in p.racks.racks if r.kind == "compute"), cfg.id
        budget = next(a for a in p.assumptions if a.key == "rack_kw")
        assert budget.origin == "default" and "hardware.md" in budget.note


def test_management_switch_moves_out_rather_than_push_a_rack_over_budget() -> None:
    # 40.8 kW: four 10.2 kW servers fill it; the 0.1 kW management switch goes to a network rack.
    p = plan("lenovo-sr680av3-h100", 64, rack_kw=40.8)
    assert p.racks is not None
    compute = [r for r in p.racks.racks if r.kind == "compute"]
    assert [r.nodes for r in compute] == [4, 4]
    assert all(r.power_kw == pytest.approx(40.8) for r in compute)
    assert all(s.role != "mgmt_switch" for r in compute for s in r.slots)
    network_mgmt = sum(s.role == "mgmt_switch" for r in p.racks.racks if r.kind == "network"
                       for s in r.slots)
    # the out-of-band access switches stand in network racks (the two moved out among them)
    assert network_mgmt == p.fabric.mgmt_switches == p.management.oob_access_switches


def test_usable_u_is_the_rack_less_what_is_mounted() -> None:
    # The seed's rack: 13 × SR670 V2 (3U) = 39U in a 42U rack with a 1U management switch and a
    # 2U patch panel mounted (42 - 1 - 2 = 39U), given the power (13 × 1.5 kW = 19.5 kW of 25 kW).
    spec = RackSpec("rack-42u", 42, 1500, 1.0, 2, 25, 38, 15, patch_units=2)
    layout = lay_out(13, Box(3, 1500, 30, part="n"), Box(1, 100, 5, role="mgmt_switch"), [],
                     spec, [PduModel("pdu-22", 22, 6, 36)])
    (rack,) = layout.racks
    assert rack.nodes == 13 and layout.limited_by == "space"
    assert [(s.position_u, s.role) for s in rack.slots if s.role != "pdu"][-2:] == [
        (40, "patch_panel"), (42, "mgmt_switch")]
    assert rack.units_used == 42 and rack.switches == 1
    # a reserve the user sets is taken off: 3U held back leave 36U, twelve servers
    reserved = RackSpec("rack-42u", 42, 1500, 1.0, 5, 25, 38, 15, patch_units=2)
    assert lay_out(13, Box(3, 1500, 30), Box(1, 100, 5, role="mgmt_switch"), [], reserved,
                   [PduModel("pdu-22", 22, 6, 36)]).nodes_per_rack == 12


def test_pdus_carry_at_most_80_percent_and_packing_respects_it() -> None:
    # 41 kW on one feed: a 43 kW PDU at 80% carries 34.4 kW, so each feed takes two (41 / 68.8 =
    # 0.596 of their rating). With room for one PDU a feed, the rack holds 34.4 kW: three
    # 10.2 kW servers (30.6 kW + 0.1 kW), not four.
    pdu = [PduModel("pdu-43", 43, 12, 24)]
    node, mgmt = Box(6, 10200, 100), Box(1, 100, 5, role="mgmt_switch")
    spec = RackSpec("rack-42u", 42, 1500, 1.0, 2, 41, 38, 15, pdu_load_limit=0.8)
    (rack,) = lay_out(4, node, mgmt, [], spec, pdu).racks
    assert rack.pdus == 4 and rack.pdu_load == pytest.approx(40.9 / 86)
    one = RackSpec("rack-42u", 42, 1500, 1.0, 2, 41, 38, 15, pdu_load_limit=0.8,
                   pdus_per_feed=1, feed_max_kw=43 * 0.8)
    layout = lay_out(4, node, mgmt, [], one, pdu)
    assert (layout.nodes_per_rack, layout.limited_by) == (3, "pdu")
    assert all(r.pdu_load <= 0.8 + 1e-9 for r in layout.racks)


def test_servers_stack_from_the_bottom_and_the_management_switch_sits_on_top() -> None:
    spec = RackSpec("rack-42u", 42, 1500, 0.9, 2, 20, 38, 15)
    layout = lay_out(3, Box(6, 6500, 100, part="n"), Box(1, 100, 5, role="mgmt_switch"), [], spec,
                     [PduModel("pdu-43", 43, 12, 24)])
    (rack,) = layout.racks
    assert [(s.position_u, s.role) for s in rack.slots] == [
        (1, "server"), (7, "server"), (13, "server"), (42, "mgmt_switch"), (0, "pdu"), (0, "pdu")]
    assert (rack.row, rack.position) == (1, 1)


def test_non_compute_boxes_fill_network_racks_in_order() -> None:
    # Storage servers and head nodes come as boxes like switches: 2U, 1 kW each. 15 kW network
    # racks with a 0.1 kW management switch hold 14 of them; 20 boxes make two racks.
    spec = RackSpec("rack-42u", 42, 1500, 0.9, 2, 20, 38, 15, row_racks=2)
    node = Box(6, 6500, 100)
    storage = Box(2, 1000, 30, role="storage", part="s", label="storage server")
    layout = lay_out(6, node, Box(1, 100, 5, role="mgmt_switch"), [storage] * 20, spec,
                     [PduModel("pdu-43", 43, 12, 24)])
    network = [r for r in layout.racks if r.kind == "network"]
    assert [sum(s.role == "storage" for s in r.slots) for r in network] == [14, 6]
    assert [(r.row, r.position) for r in layout.racks] == [(1, 1), (1, 2), (2, 1), (2, 2)]
    assert layout.rows == 2


def test_a_feed_loss_that_caps_a_server_is_flagged() -> None:
    # NF5688M7: 6 × 3 200 W, 3 a feed = 9 600 W < 10 200 W maximum. SR680a V3: 4 × 2 600 W =
    # 10 400 W >= 10 200 W.
    assert any(w.code == "feed-loss" for w in plan("inspur-nf5688m7-h800", 64).warnings)
    assert not any(w.code == "feed-loss" for w in plan("lenovo-sr680av3-h800", 64).warnings)


def test_pdus_match_psu_inlets() -> None:
    # SR680a V3 at 41 kW: 4 servers × 8 C20 cords, half on each feed = 16 C19 a feed. The 63 A
    # PDU (43 kW, 12 × C19) needs 2 a feed for the outlets; the 32 A (22 kW, 6 × C19) needs 2
    # for power and 3 for outlets. 63 A it is: 4 PDUs a full compute rack.
    p = plan("lenovo-sr680av3-h800", 1016, rack_kw=41)
    assert p.racks is not None
    assert p.racks.pdu_part == "pdu-3ph-63a" and p.racks.inlet_type == "C20"
    assert p.racks.inlets_per_node == 8
    assert p.racks.racks[0].pdus == 4


# ---------------------------------------------------------------- power and cooling


def test_facility_power_is_it_maximum_times_pue() -> None:
    p = plan("inspur-nf5688m6-a800", 128, pue=1.3)
    assert p.power is not None and p.racks is not None
    assert p.power.it_max_kw == pytest.approx(sum(r.power_kw for r in p.racks.racks))
    assert p.power.facility_max_kw == pytest.approx(p.power.it_max_kw * 1.3)
    assert p.power.facility_kw == pytest.approx(p.power.it_typical_kw * 1.3)


def test_cooling_is_n_plus_one_in_every_row() -> None:
    # Row 1: 2 × 30 kW + 10 kW = 70 kW on 40 kW units: 2 + 1. Row 2: 30 kW: 1 + 1. Five units;
    # counted capacity (spares excluded) 3 × 40 = 120 kW for 100 kW. One spare for the hall
    # would have been 3 + 1 = 4.
    cooling = plan_cooling(kind="air", compute_rack_kw=[], other_kw=0, rows=[([30, 30], 10), ([30], 0)],
                           crah=[Unit("inrow-40", 40)], rdhx=[], cdu=[], liquid_capture=0.75)
    assert cooling.units == (("inrow-40", 5, 40),)
    assert cooling.capacity_kw == 120 and cooling.heat_kw == 100 and cooling.rows == 2


def test_rows_follow_the_row_length_and_heat_rejection_is_stated() -> None:
    p = plan("inspur-nf5688m6-a800", 256, row_racks=5)
    assert p.racks is not None and p.cooling is not None
    assert p.racks.rows == math.ceil(p.racks.count / 5) == p.cooling.rows
    assert "out of scope" in p.cooling.heat_rejection
    assert any(a.key == "heat_rejection" for a in p.assumptions)


def test_default_pue_by_cooling_kind_has_a_source() -> None:
    p = plan("lenovo-sr780av3-h100", 64, cooling="liquid")
    pue = next(a for a in p.assumptions if a.key == "pue")
    assert pue.value == 1.2 and "1.25" in pue.note


# ---------------------------------------------------------------- fabric at every size


def test_a_small_fabric_is_right_sized() -> None:
    # 8 HDR nodes × 8 rails = 64 endpoints on 40-port switches: a leaf takes 2 rails of 8 nodes
    # (16 down, 16 up): 4 leaves, 64 uplinks on 2 spines. A full scalable unit would be 8 + 4.
    tree = fat_tree(8, 8, 40)
    assert (tree.leaves, tree.spines, tree.switch_cables) == (4, 2, 64)
    assert tree.leaf_of(node=5, rail=3, half=20) == 1  # rails 2 and 3 share leaf 1


def test_copper_in_the_rack_aoc_in_the_row_fibre_beyond() -> None:
    geo = Geometry(in_rack_m=2, rack_width_m=0.6, row_pitch_m=3.6, slack_m=4)
    # (rack, row, place in row): the same rack; three places along a row; a row across and
    # two places along. 2 + 5 + 1 links.
    a = np.array([(0, 1, 1), (0, 1, 1), (0, 1, 1)])
    b = np.array([(0, 1, 1), (3, 1, 4), (12, 2, 3)])
    assert run_lengths(a, b, np.array([2, 5, 1]), geo) == {
        ("in-rack", 2.0): 2, ("in-row", 4 + 3 * 0.6): 5, ("cross-row", 4 + 2 * 0.6 + 3.6): 1}
    media = [Medium("dac", "dac", 2), Medium("aoc", "aoc", 10), Medium("fibre", "fibre", 30)]
    assert choose_medium(2, "node-switch", media).kind == "dac"
    assert choose_medium(8.8, "node-switch", media).kind == "aoc"
    assert choose_medium(12, "node-switch", media).kind == "fibre"
    assert choose_medium(45, "node-switch", media).kind == "fibre"  # the plan warns of the reach


def test_small_hdr_cluster_cables_by_place() -> None:
    # 4 NF5688M6 at 20 kW: 3 in rack 1, 1 in rack 2 with the one 40-port switch (32 endpoints).
    # Rack 2's 8 links, and the UFM pair's 4 (2 ports each, racked beside the switch), are
    # in-rack DACs; rack 1's 24 go one rack along: 4 + 0.6 = 4.6 m, AOC.
    p = plan("inspur-nf5688m6-a800", 32, preset="gpt3-xl")
    assert p.fabric is not None
    runs = {(r.span, r.medium): (r.links, r.cables, r.node_transceivers) for r in p.fabric.runs}
    assert runs == {("in-rack", "dac"): (8 + 4, 8 + 4, 0), ("in-row", "aoc"): (24, 24, 0)}
    assert p.fabric.transceivers == 0


def test_spares_are_a_share_of_optics_cables_and_hcas() -> None:
    p = plan("lenovo-sr680av3-h800", 1016, rack_kw=41, spares=0.05)
    spares = {line.item: line.qty for line in p.bom if line.category == "spares"}
    # ceil(5 % × 1 016) = 51 HCAs and HCA-end modules; ceil(5 % × 1 512) = 76 switch modules
    assert spares["hca-cx7-ndr"] == 51 and spares["xcvr-ndr-osfp-node"] == 51
    assert spares["xcvr-ndr-osfp-switch"] == 76
    bought = {line.item: line.qty for line in p.bom if line.category == "network"}
    assert spares["cable-ndr-fiber"] == math.ceil(0.05 * bought["cable-ndr-fiber"])
    none = plan("lenovo-sr680av3-h800", 64, spares=0.0)
    assert not [line for line in none.bom if line.category == "spares"]


def test_an_item_needed_in_two_places_is_spared_once_on_its_total() -> None:
    # HDR: the same QSFP56 module at the HCA end and at the switch end of every fibre link
    p = plan("lenovo-sr670v2-a40", 1024, spares=0.03)
    modules = [line for line in p.bom if line.item == "xcvr-hdr-qsfp56"]
    bought = sum(line.qty for line in modules if line.category == "network")
    (spare,) = [line for line in modules if line.category == "spares"]
    # ceil(3 % of the total), not the sum of each place's ceiling; said once
    assert spare.qty == math.ceil(0.03 * bought) and spare.note == f"3% of {bought}"


def test_a_director_replaces_the_tree_where_it_fits_and_is_cheaper() -> None:
    # 100 HDR nodes × 8 = 800 endpoints: 40 leaves + 20 spines (60 × US$20 000) and 800
    # switch links (fibre US$60 + one module US$450 at each end) = US$1 968 000 against the
    # US$1 000 000 director. It needs a network rack of 19.1 kW; the default 15 kW has no room.
    catalog, prices = load_catalog(), load_price_list()
    tree = fat_tree(100, 8, 40)
    assert (tree.leaves, tree.spines, tree.switch_cables) == (40, 20, 800)
    assert director_if_cheaper(tree, 800, "HDR", catalog, prices, "USD", 7.2, 25_000) == \
        "ib-director-cs8500"
    assert director_if_cheaper(tree, 800, "HDR", catalog, prices, "USD", 7.2, 15_000) == ""
    small = fat_tree(8, 8, 40)  # 6 switches and 64 links cost far less than a director
    assert director_if_cheaper(small, 64, "HDR", catalog, prices, "USD", 7.2, 25_000) == ""
    assert director_if_cheaper(tree, 800, "NDR", catalog, prices, "USD", 7.2, 25_000) == ""


# ---------------------------------------------------------------- hosting


def test_colocation_buys_no_racks_or_cooling_unless_asked() -> None:
    # rent: 750 CNY per contracted kW-month (the racks' maximum draw) × 12
    p = plan("inspur-nf5688m6-a800", 128, hosting="colo")
    assert p.money is not None and p.racks is not None
    assert not {"rack_power", "cooling"} & {line.category for line in p.bom}
    assert p.money.contracted_kw == pytest.approx(p.power.it_max_kw if p.power else 0)
    assert p.money.hosting_per_year == pytest.approx(750 * p.money.contracted_kw * 12)
    asked = plan("inspur-nf5688m6-a800", 128, hosting="colo", buy_racks=True, buy_cooling=True)
    assert {"rack_power", "cooling"} <= {line.category for line in asked.bom}


def test_wholesale_buys_racks_not_cooling_and_rents_for_less() -> None:
    p = plan("inspur-nf5688m6-a800", 128, hosting="wholesale")
    assert p.money is not None
    categories = {line.category for line in p.bom}
    assert "rack_power" in categories and "cooling" not in categories
    assert p.money.hosting_per_year == pytest.approx(550 * p.money.contracted_kw * 12)


def test_cloud_buys_nothing_and_rents_gpu_hours() -> None:
    # 64 H100 at US$2.99 a GPU-hour: all year 64 × 8 760 × 2.99 = US$1 676 313.6
    p = plan("lenovo-sr680av3-h100", 64, hosting="cloud", currency="USD", years=3)
    assert p.money is not None
    assert p.bom == () and p.money.capex == 0 and p.money.energy_per_year == 0
    assert cloud_rates()["h100-sxm5-80gb"].price_per_gpu_hour == 2.99
    assert p.money.hosting_per_year == pytest.approx(64 * 8760 * 2.99)
    assert p.money.tco == pytest.approx(3 * 64 * 8760 * 2.99)
    assert p.money.cloud_per_run == pytest.approx(p.gpu_hours * 2.99)


def test_every_plan_shows_buy_against_rent() -> None:
    p = plan("lenovo-sr680av3-h100", 64, currency="CNY", exchange_rate=7.0)
    assert p.money is not None and p.money.capex > 0
    assert p.money.cloud_rate == pytest.approx(2.99 * 7.0)
    assert p.money.cloud_per_year == pytest.approx(64 * 8760 * 2.99 * 7.0)


def test_hosting_and_row_length_are_checked() -> None:
    with pytest.raises(RequestError, match="own, colo, wholesale or cloud"):
        compare(PlanRequest(Workload(preset="gpt3-xl"), Schedule(gpus=8),
                            finance=Finance(hosting="rent")))  # type: ignore[arg-type]
    with pytest.raises(RequestError, match="row_racks"):
        compare(PlanRequest(Workload(preset="gpt3-xl"), Schedule(gpus=8),
                            facility=Facility(row_racks=0)))


def test_rear_doors_cap_the_rack_budget_and_say_from_what() -> None:
    # 50 kW asked, 40 kW doors: the budget drops to 40 kW, three 10.2 kW servers a rack.
    p = plan("lenovo-sr680av3-h100", 64, rack_kw=50, cooling="rdhx")
    note = next(w.text for w in p.warnings if w.code == "rdhx-budget")
    assert "from 50 kW" in note and "40 kW" in note
    assert p.racks is not None and p.racks.budget_kw == 40 and p.racks.nodes_per_rack == 3


def test_air_warns_past_its_limit_only_when_racks_draw_past_it() -> None:
    # 41 kW allowed: 42U less the 1U management switch and the 2U patch panel leave 39U, so
    # six 6U servers (36U) fit: 6 × 6.5 + 0.1 = 39.1 kW, past air's 30 kW. At 25 kW: three,
    # 19.6 kW, within it.
    hot = plan("inspur-nf5688m6-a800", 128, rack_kw=41)
    assert hot.racks is not None and hot.racks.nodes_per_rack == 6
    assert any(w.code == "air-rack-limit" for w in hot.warnings)
    cool = plan("inspur-nf5688m6-a800", 128, rack_kw=25)
    assert not any(w.code == "air-rack-limit" for w in cool.warnings)


def test_three_tier_links_all_have_a_run() -> None:
    # 201 nodes × 4 HDR rails = 804 endpoints > 40²/2: three tiers. Leaves 4 × ceil(201/20) =
    # 44 in pods of 20 (20, 20, 4), as many spines, 44 × 20 / 40 = 22 cores. Switch links:
    # 44 × 20 leaf uplinks + 44 × 20 spine uplinks = 1 760, each in exactly one run.
    p = plan("inspur-nf5468m6-a100-pcie", 1608, preset="gpt3-xl", rack_kw=8)
    f = p.fabric
    assert f is not None and (f.tiers, f.leaves, f.spines, f.cores) == (3, 44, 44, 22)
    assert f.switch_cables == 1760
    assert sum(r.links for r in f.runs if r.ends == "switch-switch") == 1760
    assert sum(r.links for r in f.runs if r.ends == "node-switch") == 804 + 4  # and the UFM pair's
