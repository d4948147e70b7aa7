"""Hand-worked sizing examples, each written out, and the fabric against NVIDIA's SuperPOD."""

from __future__ import annotations

import math

import pytest

from engine.compare import compare
from engine.facility.fabric import fat_tree
from engine.model import Efficiency, Facility, Finance, Plan, PlanRequest, Schedule, Workload

GPT3 = Workload(preset="gpt3-175b")  # 6 × 174.6e9 × 300e9 = 3.1428e23 FLOPs


def _plan(schedule: Schedule, config: str, efficiency: Efficiency | None = None,
          facility: Facility | None = None) -> Plan:
    request = PlanRequest(GPT3, schedule, efficiency or Efficiency(), facility or Facility(),
                          Finance(), configs=(config,))
    return compare(request).plans[0]


def test_gpus_for_a_30_day_deadline_by_hand() -> None:
    # A800 SXM4: 312 TFLOP/s dense BF16. MFU fixed at 0.40, goodput 1, sized at 50% confidence
    # (a stated MFU is the median of the days).
    # GPUs = 3.1428e23 / (312e12 × 0.40 × 30 × 86400) = 971.6 -> 972 -> whole 8-GPU nodes: 976
    # no lead time: all 30 days train
    plan = _plan(Schedule(days=30, lead_time_days=0, confidence=0.5), "inspur-nf5688m6-a800",
                 efficiency=Efficiency(mfu=0.4, goodput=1.0))
    assert pytest.approx(971.6, abs=0.1) == 3.1428e23 / (312e12 * 0.40 * 30 * 86_400)
    assert plan.gpus == 976 and plan.nodes == 122
    # days at 976 GPUs: 3.1428e23 / (976 × 312e12 × 0.4 × 86400) = 29.86
    assert plan.days == pytest.approx(29.86, abs=0.01)


def test_the_deadline_counts_the_lead_time_by_hand() -> None:
    # 120 calendar days with 90 of delivery and acceptance leave the same 30 training days as
    # above: 976 GPUs, 29.86 training days, 119.86 calendar days
    plan = _plan(Schedule(days=120, lead_time_days=90, confidence=0.5), "inspur-nf5688m6-a800",
                 efficiency=Efficiency(mfu=0.4, goodput=1.0))
    assert plan.gpus == 976
    assert plan.lead_time_days == 90
    assert plan.calendar_days == pytest.approx(90 + 29.86, abs=0.01)
    assert plan.meets_deadline
    lead = next(a for a in plan.assumptions if a.key == "lead_time_days")
    assert lead.value == 90 and lead.origin == "request"


def test_the_fleet_is_the_smallest_that_meets_the_deadline_at_the_confidence() -> None:
    # At 80% confidence the 30 training days must hold the days' 80% quantile: days × r(0.8) <= 30,
    # r the ratio of published to predicted days at that quantile (engine.compute.team)
    from engine.compute.team import ratio_at

    plans = {c: _plan(Schedule(days=30, lead_time_days=0, confidence=c), "inspur-nf5688m6-a800",
                      efficiency=Efficiency(mfu=0.4, goodput=1.0)) for c in (0.5, 0.8, 0.95)}
    assert plans[0.5].gpus < plans[0.8].gpus < plans[0.95].gpus
    for c, plan in plans.items():
        r = ratio_at("typical", c, measured=True)  # a stated MFU: the team's level is known
        assert plan.confidence == c and plan.meets_deadline
        assert plan.days_at_confidence == pytest.approx(plan.days * r, rel=1e-9)
        assert plan.days * r <= 30 * (1 + 1e-9)
        fewer = 3.1428e23 / ((plan.gpus - 8) * 312e12 * 0.4 * 86_400)  # one server less
        assert fewer * r > 30
        assert plan.days_p10 < plan.days_p50 < plan.days_p90
        assert plan.days_p50 == pytest.approx(plan.days, rel=1e-9)  # stated MFU: P50 is it
        assert plan.calendar_days_p90 == pytest.approx(plan.lead_time_days + plan.days_p90)


def test_a_deadline_inside_the_lead_time_is_refused_with_the_reason() -> None:
    plan = _plan(Schedule(days=60, lead_time_days=90), "inspur-nf5688m6-a800")
    assert not plan.feasible
    assert plan.refusals[0].code == "lead-time" and "90 days" in plan.refusals[0].text


def test_the_default_lead_time_is_an_assumption_of_the_plan() -> None:
    # resources/lead_times.toml: Hopper servers in China ship in 84 days, Ampere ones in 56, and
    # installation, burn-in and acceptance add 21: 105 and 77 days before training starts
    for config, lead_days in (("inspur-nf5688m7-h800", 84 + 21), ("inspur-nf5688m6-a800", 56 + 21)):
        plan = _plan(Schedule(days=365), config)
        lead = next(a for a in plan.assumptions if a.key == "lead_time_days")
        assert lead.origin == "default" and "weeks" in lead.note and "acceptance" in lead.note
        assert plan.lead_time_days == lead.value == lead_days
        assert plan.calendar_days == pytest.approx(lead_days + plan.days)
        band = next(a for a in plan.assumptions if a.key == "training_days_band")
        assert "leave-one-out" in band.note
        assert plan.days_low < plan.days < plan.days_high
        assert "lead-time-unset" not in {w.code for w in plan.warnings}
    # a market without its own table takes the others' figures: Hopper 70 + 21 days
    plan = _plan(Schedule(days=365), "inspur-nf5688m7-h800")
    other = compare(PlanRequest(GPT3, Schedule(days=365), finance=Finance(market="DE"),
                                configs=("inspur-nf5688m7-h800",))).plans[0]
    assert other.lead_time_days == 70 + 21 < plan.lead_time_days


def test_days_for_a_fixed_fleet_by_hand() -> None:
    # 1024 H100 SXM5 at 989 TFLOP/s, MFU 0.4, goodput 0.9:
    # 3.1428e23 / (1024 × 989e12 × 0.4 × 0.9 × 86400) = 9.98 days
    plan = _plan(Schedule(gpus=1024), "lenovo-sr680av3-h100",
                 efficiency=Efficiency(mfu=0.4, goodput=0.9))
    assert plan.days == pytest.approx(9.98, abs=0.01)
    assert plan.gpu_hours == pytest.approx(1024 * 9.98 * 24, rel=1e-3)


def test_memory_floor_by_hand() -> None:
    # 174.6e9 params × 16 B = 2.794e12 B; 80 GB × (1 − 0.25) = 60e9 B usable -> 46.6 -> 47 GPUs
    plan = _plan(Schedule(days=10_000, lead_time_days=0), "inspur-nf5688m6-a800")
    assert plan.memory_floor_gpus == 47
    assert plan.gpus == 48  # six whole nodes, though one node would meet the deadline


def test_a_fleet_below_the_memory_floor_is_refused() -> None:
    plan = _plan(Schedule(gpus=16), "inspur-nf5688m6-a800")
    assert not plan.feasible
    assert "47" in plan.refusals[0].text


def test_racks_by_hand() -> None:
    # NF5688M6: 6.5 kW max, 6U. 20 kW budget less a 1U management switch:
    # power allows floor((20000 − mgmt W) / 6500) = 3 per rack; space allows (floor(42 × 0.9) − 2) / 6 = 5.
    plan = _plan(Schedule(gpus=976), "inspur-nf5688m6-a800", facility=Facility(rack_kw=20))
    racks = plan.racks
    assert racks is not None
    assert racks.nodes_per_rack == 3 and racks.limited_by == "power"
    compute = [r for r in racks.racks if r.kind == "compute"]
    assert len(compute) == math.ceil(122 / 3) == 41
    assert all(r.power_kw <= 20 for r in racks.racks)


def test_the_seed_node_peaks() -> None:
    # "5 PFLOPS" per NF5688M6 = 8 × 624 sparse FP16 TFLOP/s; dense is 8 × 312
    plan = _plan(Schedule(gpus=8), "inspur-nf5688m6-a800")
    assert plan.node_peak_sparse_pflops == pytest.approx(4.992)
    assert plan.node_peak_dense_pflops == pytest.approx(2.496)


@pytest.mark.parametrize(("nodes", "leaves", "spines"), [(31, 8, 4), (63, 16, 8), (127, 32, 16)])
def test_fat_tree_matches_the_dgx_h100_superpod(nodes: int, leaves: int, spines: int) -> None:
    # NVIDIA DGX SuperPOD (H100) reference architecture: 1, 2 and 4 scalable units of 32 nodes
    # (less the UFM slot) on 64-port NDR switches, 8 rails; 4 SU: 1024 spine-leaf cables.
    tree = fat_tree(nodes, rails=8, radix=64)
    assert (tree.tiers, tree.leaves, tree.spines) == (2, leaves, spines)
    assert tree.switch_cables == leaves * 32


def test_three_scalable_units_keep_the_full_spine_set() -> None:
    # RA-11333-001 Table 4: 3 SUs (95 nodes + UFM) have 24 leaves and 16 spines, not 24 × 32 / 64
    # = 12: every leaf sends 2 links to each of the 16 spines, so a 4th SU adds without re-cabling.
    tree = fat_tree(95, rails=8, radix=64, services=4)
    assert (tree.tiers, tree.leaves, tree.spines, tree.switch_cables) == (2, 24, 16, 24 * 32)
    # 5 SUs: 40 leaves × 32 uplinks = 1 280 need 20 spines; 20 does not divide 32, so 32
    assert fat_tree(159, rails=8, radix=64).spines == 32


def test_fabric_services_take_leaf_ports() -> None:
    # 127 nodes leave one port free on each of the 8 rail leaves of the last SU: the UFM pair's
    # 4 ports fit (the RA's 1 020 node-to-leaf cables). 128 nodes fill every port, so the UFM
    # needs a 5th group of leaves (NVIDIA takes a node out instead).
    assert fat_tree(127, rails=8, radix=64, services=4).leaves == 32
    assert fat_tree(128, rails=8, radix=64, services=4).leaves == 40
    assert fat_tree(128, rails=8, radix=64).leaves == 32
    # one switch: 8 nodes × 8 rails fill a 64-port switch, so the UFM's ports need two tiers
    assert fat_tree(7, rails=8, radix=64, services=4).tiers == 1
    assert fat_tree(8, rails=8, radix=64, services=4).tiers == 2


def test_fat_tree_goes_to_three_tiers_past_r_squared_over_two() -> None:
    # 40-port HDR: two tiers up to 40² / 2 = 800 endpoints; 200 nodes × 8 rails = 1600 need three.
    assert fat_tree(100, rails=8, radix=40).tiers == 2
    tree = fat_tree(200, rails=8, radix=40)
    # leaves = 8 rails × ceil(200 / 20) = 80; pods of 20 leaves: 4 pods × 20 spines = 80 spines;
    # cores = 80 × 20 / 40 = 40
    assert (tree.tiers, tree.leaves, tree.spines, tree.cores) == (3, 80, 80, 40)


def test_one_node_needs_no_fabric_and_a_few_share_one_switch() -> None:
    assert fat_tree(1, rails=8, radix=40).leaves == 0
    assert (fat_tree(4, rails=8, radix=40).tiers, fat_tree(4, rails=8, radix=40).leaves) == (1, 1)
