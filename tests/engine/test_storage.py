"""The storage tier, sized by hand: capacity, bandwidth, checkpoint time and network."""

from __future__ import annotations

import pytest

from engine.compare import compare
from engine.facility.storage import Block, FrontEnd, StorageNeed, size_storage, switch_links
from engine.model import Finance, PlanRequest, Schedule, StorageRequest, Workload

BLOCK = Block("blk", "test block", "fs", usable_tb=100, read_gbps=20, write_gbps=10, min_blocks=2,
              ports=4, power_w=1000)
NET = FrontEnd("sw", radix=32, cable="aoc", node_ports=16, switches_before=1)


def need(**kw: float | int | None) -> StorageNeed:
    base: dict[str, float | int | None] = dict(
        gpus=128, params=70e9, tokens=2e12, dataset_tb=None, checkpoints_kept=5, headroom=0.3,
        dataset_bytes_per_token=6, checkpoint_bytes_per_param=16, read_gbps_per_gpu=0.16,
        write_gbps_per_gpu=0.08, checkpoint_minutes=10)
    base.update(kw)
    return StorageNeed(**base)  # type: ignore[arg-type]


def test_capacity_by_hand() -> None:
    # data 2e12 tokens × 6 B = 12 TB; one checkpoint 70e9 × 16 B = 1.12 TB, 5 kept = 5.6 TB;
    # (12 + 5.6) / 0.7 = 25.14 TB needed: one 100 TB block would do, the minimum is 2
    plan = size_storage(need(), BLOCK, NET)
    assert plan.dataset_tb == pytest.approx(12)
    assert plan.checkpoint_tb == pytest.approx(1.12)
    assert plan.need_tb == pytest.approx(17.6 / 0.7)
    # read 128 × 0.16 = 20.48 GB/s -> 2 blocks of 20; write max(128 × 0.08, 1120 GB / 600 s) =
    # max(10.24, 1.87) -> 2 blocks of 10; minimum 2
    assert plan.need_read_gbps == pytest.approx(20.48)
    assert plan.need_write_gbps == pytest.approx(10.24)
    assert plan.blocks == 2 and plan.limited_by == "minimum"
    assert (plan.usable_tb, plan.read_gbps, plan.write_gbps) == (200, 40, 20)
    # one checkpoint of 1 120 GB at 20 GB/s: 56 s
    assert plan.checkpoint_minutes == pytest.approx(1120 / 20 / 60)


def test_capacity_and_checkpoints_set_the_blocks() -> None:
    big = size_storage(need(dataset_tb=700), BLOCK, NET)  # (700 + 5.6) / 0.7 = 1008 TB
    assert (big.blocks, big.limited_by) == (11, "capacity")
    # a 1T-parameter checkpoint (16 TB) in 10 minutes needs 26.7 GB/s of writes: 3 blocks
    huge = size_storage(need(params=1e12, tokens=0, checkpoints_kept=0, gpus=8), BLOCK, NET)
    assert (huge.blocks, huge.limited_by) == (3, "checkpoint")
    assert huge.checkpoint_minutes == pytest.approx(16_000 / 30 / 60)


def test_storage_network_by_hand() -> None:
    # 16 node ports + 2 blocks × 4 = 24 endpoints fit one 32-port switch, which the fabric bought
    plan = size_storage(need(), BLOCK, NET)
    assert (plan.ports, plan.switches, plan.cables) == (8, 0, 24)
    # 40 node ports + 8: 48 endpoints > 32: 3 leaves of 16 down + 2 spines, 48 uplinks
    wide = size_storage(need(), BLOCK, FrontEnd("sw", 32, "aoc", node_ports=40, switches_before=5))
    assert wide.switches == 0  # 40 ports alone already needed 3 leaves + 2 spines
    assert wide.cables == 48 + 48
    assert switch_links(48, 32) == 48 and switch_links(32, 32) == 0


def test_plan_json_carries_storage_for_each_vendor_line() -> None:
    request = PlanRequest(Workload(preset="gpt3-175b"), Schedule(gpus=256),
                          configs=("inspur-nf5688m7-h800", "lenovo-sr680av3-h800"))
    inspur, lenovo = compare(request).plans
    assert inspur.storage is not None and lenovo.storage is not None
    assert inspur.storage.product == "inspur-as13000-nvme"
    assert lenovo.storage.product == "lenovo-dss-g-flash"
    assert inspur.storage.blocks >= 3  # AS13000 needs three nodes for erasure coding
    neutral = compare(PlanRequest(request.workload, request.schedule, configs=request.configs[:1],
                                  storage=StorageRequest(product="neutral"))).plans[0]
    assert neutral.storage is not None and neutral.storage.product == "pfs-nvme-appliance"
    none = compare(PlanRequest(request.workload, request.schedule, configs=request.configs[:1],
                               storage=StorageRequest(product="none"))).plans[0]
    assert none.storage is None and not any(line.category == "storage" for line in none.bom)
    # without storage the 32 nodes' front-end links (2 × 200GbE a node, bonded) are cabled as
    # in-band management links: 64 on 200G cables; 64 ports on 32-port switches are a leaf-spine
    # of 4 leaves with 16 uplinks each = 64 switch links, on 200G cables at the SN3700's port
    # speed; the management servers' and UFM's 100GbE ports and the out-of-band uplinks on 100G
    assert none.management is not None
    m = none.management
    mgmt = {line.item: line.qty for line in none.bom if line.category == "management"}
    assert mgmt["cable-200g-aoc"] == 2 * 32 + 64 + m.inband_switch_links
    assert mgmt["cable-100g-aoc"] == m.inband_links - m.inband_switch_links + m.oob_uplinks
    # storage servers take rack space and power
    assert neutral.power is not None and none.power is not None
    assert neutral.power.it_max_kw > none.power.it_max_kw


def test_bad_storage_request_names_the_field() -> None:
    from engine.errors import RequestError

    request = PlanRequest(Workload(preset="gpt3-xl"), Schedule(gpus=8), configs=("inspur-nf5688m6-a800",),
                          storage=StorageRequest(checkpoints_kept=-1))
    with pytest.raises(RequestError, match=r"storage\.checkpoints_kept"):
        compare(request)
    with pytest.raises(RequestError, match=r"finance\.purchase_date"):
        compare(PlanRequest(request.workload, request.schedule, configs=request.configs,
                            finance=Finance(purchase_date="2026-13-01")))


def test_a_vendor_without_a_storage_line_gets_the_neutral_one() -> None:
    from engine.catalog import load_catalog

    catalog = load_catalog()
    neutral_only = catalog.model_copy(update={"storage": {
        k: v for k, v in catalog.storage.items() if v.serves == "neutral"}})
    plan = compare(PlanRequest(Workload(preset="gpt3-xl"), Schedule(gpus=64),
                               configs=("inspur-nf5688m6-a800",)), catalog=neutral_only).plans[0]
    assert plan.storage is not None and plan.storage.product == "pfs-nvme-appliance"
    assert any(m.code == "storage-neutral" for m in plan.warnings)


def test_storage_class_and_node_path_follow_the_ra() -> None:
    # 1 024 H800 GPUs, a language model: the RA's 'Good' class, 60 / 30 GB/s read / write for
    # 4 SUs of 1 024 GPU positions (RA-11333-001 Tables 5-6): 60 GB/s read needed. Each node
    # reaches storage on 2 × 200GbE, bonded: 2 × 200 / 8 = 50 GB/s, on two 200G links.
    from engine.model import Facility, Plan

    def plan(performance: str | None) -> Plan:
        return compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(gpus=1024),
                                   facility=Facility(rack_kw=41),
                                   storage=StorageRequest(performance=performance),  # type: ignore[arg-type]
                                   configs=("lenovo-sr680av3-h800",))).plans[0]

    good = plan(None)
    s = good.storage
    assert s is not None and (s.performance, s.fabric, s.inband) == ("good", "converged-ethernet", "bonded")
    assert s.need_read_gbps == pytest.approx(60.0) and s.need_write_gbps >= 30.0 - 1e-9
    assert s.node_gbs == pytest.approx(50.0)
    bom = {(b.category, b.item): b.qty for b in good.bom}
    system = next(b for b in good.bom if b.category == "compute")
    assert any(c.item == "nic-cx7-2x200gbe" and c.qty == 1 for c in system.components)
    # two 200G links a node, and the leaf-spine links of the 200GbE storage network (the
    # SN3700's port speed): 128 × 2 node ports + 2 DSS-G blocks × 8 = 272 endpoints on 32-port
    # switches = 17 leaves × 16 uplinks = 272 switch links; 256 + 272 = 528
    assert (good.nodes, s.ports, s.switch_links) == (128, 16, 272)
    assert bom[("storage", "cable-200g-aoc")] == 2 * 128 + 272 == 528
    assert bom[("storage", "cable-100g-aoc")] == 16  # the blocks' 100GbE ports
    better = plan("better").storage
    assert better is not None and better.need_read_gbps == pytest.approx(160.0)


def test_the_best_class_is_selectable_and_sized_to_the_ra() -> None:
    # 'Best' (RA-11333-001 Table 6, remembered: unverified): 500 / 250 GB/s read / write for
    # 4 SUs of 1 024 GPU positions, 40 GB/s read for one node. 512 GPUs: 250 / 125 GB/s.
    # The vendor-neutral appliance reads at 90 and writes at 65 GB/s a block: ceil(250 / 90) = 3
    # blocks by read (ceil(125 / 65) = 2 by write).
    from engine.cli import main

    request = PlanRequest(Workload(preset="gpt3-175b"), Schedule(gpus=512),
                          storage=StorageRequest(product="neutral", performance="best"),
                          configs=("inspur-nf5688m7-h800",))
    plan = compare(request).plans[0]
    s = plan.storage
    assert s is not None and s.performance == "best"
    assert (s.need_read_gbps, s.need_write_gbps) == (pytest.approx(250.0), pytest.approx(125.0))
    assert (s.blocks, s.limited_by) == (3, "read") and s.read_gbps >= s.need_read_gbps
    # every node's path (2 × 200GbE = 50 GB/s) carries the class's 40 GB/s of one node: no warning
    assert s.node_gbs >= 40.0 and not any(m.code == "storage-node-path" for m in plan.warnings)
    node = next(a for a in plan.assumptions if a.key == "storage.node_read_gbps")
    assert node.value == 40.0
    # and the CLI takes it
    assert main(["plan", "--preset", "gpt3-175b", "--gpus", "512", "--config", "inspur-nf5688m7-h800",
                 "--storage-class", "best", "--format", "json"]) == 0


def test_a_node_path_below_its_class_is_said(monkeypatch: pytest.MonkeyPatch) -> None:
    # one 200GbE port a node (25 GB/s) cannot carry the 'Best' class's 40 GB/s of one node
    import engine.planning.storage_management as sm

    monkeypatch.setattr(sm, "node_gbs", lambda catalog: 25.0)
    plan = compare(PlanRequest(Workload(preset="gpt3-xl"), Schedule(gpus=64),
                               storage=StorageRequest(performance="best"),
                               configs=("inspur-nf5688m7-h800",))).plans[0]
    said = [m for m in plan.warnings if m.code == "storage-node-path"]
    assert len(said) == 1 and "25 GB/s" in said[0].text and "40 GB/s" in said[0].text
    assert "每个计算节点" in said[0].render("zh")
    good = compare(PlanRequest(Workload(preset="gpt3-xl"), Schedule(gpus=64),
                               configs=("inspur-nf5688m7-h800",))).plans[0]
    assert not any(m.code == "storage-node-path" for m in good.warnings)  # 25 >= 4 GB/s
