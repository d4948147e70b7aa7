"""A 1024-GPU bill: configured systems with components, every category, rated services."""

from __future__ import annotations

import pytest

from engine.catalog import load_catalog
from engine.compare import compare
from engine.model import Finance, PlanRequest, Schedule, Workload
from engine.money.bom import system_components
from engine.money.services import EQUIPMENT, equipment_value


@pytest.fixture(scope="module")
def plan_1024():  # type: ignore[no-untyped-def]
    request = PlanRequest(Workload(preset="gpt3-175b"), Schedule(gpus=1024),
                          finance=Finance(ai_enterprise=True, warranty_years=3),
                          configs=("inspur-nf5688m7-h800",))
    return compare(request).plans[0]


def test_bill_has_every_part_of_a_real_quote(plan_1024) -> None:  # type: ignore[no-untyped-def]
    categories = {line.category for line in plan_1024.bom}
    assert {"compute", "network", "storage", "management", "software", "services"} <= categories
    items = {line.item for line in plan_1024.bom}
    # named open-source choices at zero price, the fabric manager's licence, AI Enterprise
    assert {"rocky-linux", "warewulf", "slurm", "ufm-licence", "nvidia-ai-enterprise"} <= items
    assert all(line.unit_price == 0 for line in plan_1024.bom
               if line.item in ("rocky-linux", "warewulf", "slurm"))
    # services: installation, acceptance, project management, logistics, warranty
    assert {"install-node", "acceptance-node", "project-management", "logistics", "warranty"} <= items
    # no loose GPUs or HCAs beside a GPU-less server: one configured system per node
    # (spare HCAs kept on site are spares, not part of a system)
    bought = {line.item for line in plan_1024.bom if line.category != "spares"}
    assert "h800-sxm5-80gb" not in bought and "hca-cx7-ndr" not in bought
    system = plan_1024.bom[0]
    assert (system.category, system.item, system.qty) == ("compute", "inspur-nf5688m7-h800", 128)


def test_configured_system_carries_its_components() -> None:
    parts = {c.kind: c for c in system_components(load_catalog(), "inspur-nf5688m7-h800")}
    # servers.toml: 2 × 8468, 32 × 64 GB, 2 boot + 4 NVMe, 6 × 3200 W PSUs (4+2); 8 × CX-7
    assert (parts["baseboard"].qty, parts["gpu"].qty, parts["cpu"].qty, parts["memory"].qty) == (1, 8, 2, 32)
    assert parts["nic"].qty == 8 and parts["nic"].item == "hca-cx7-ndr"
    assert parts["psu"].qty == 6 and "4+2" in parts["psu"].description
    drives = [c for c in system_components(load_catalog(), "inspur-nf5688m7-h800") if c.kind == "drive"]
    assert [d.qty for d in drives] == [2, 4]
    # PCIe cards have no HGX baseboard
    pcie = system_components(load_catalog(), "lenovo-sr670v2-a100-pcie")
    assert not any(c.kind == "baseboard" for c in pcie)


def test_management_and_storage_lines_by_hand(plan_1024) -> None:  # type: ignore[no-untyped-def]
    mgmt, storage = plan_1024.management, plan_1024.storage
    assert mgmt is not None and storage is not None
    # 128 nodes: 2 head + max(2, ceil(128 / 64)) = 2 login; a UFM pair for the InfiniBand fabric
    assert (mgmt.head_nodes, mgmt.login_nodes, mgmt.ufm_appliances) == (2, 2, 2)
    lines = {(line.category, line.item): line for line in plan_1024.bom}
    assert lines["management", "inspur-nf5280m7-mgmt"].qty == 4
    assert lines["software", "ufm-licence"].qty == 128 * 3  # nodes × warranty years
    assert lines["software", "nvidia-ai-enterprise"].qty == 1024 * 3
    # one RJ45 cord per out-of-band port (3 m in the access switch's rack, 10 m from another),
    # an uplink pair per out-of-band access switch
    assert (lines["management", "cable-cat6a-3m"].qty + lines["management", "cable-cat6a-10m"].qty
            == mgmt.oob_ports)
    assert mgmt.oob_uplinks == 2 * mgmt.oob_access_switches
    assert lines["network", "eth-mgmt-sn2201"].qty == mgmt.oob_access_switches < plan_1024.racks.count
    # storage at the RA's 'Good' class for language models (RA-11333-001 Tables 5-6: 60 / 30
    # GB/s read / write for 4 SUs of 1 024 GPUs): 60 GB/s read on 12 GB/s AS13000 nodes = 5,
    # 30 GB/s write on 6 GB/s = 5 (a tie: read is named first)
    assert storage.need_read_gbps == pytest.approx(60.0) and storage.need_write_gbps == pytest.approx(30.0)
    assert storage.blocks == 5 and storage.limited_by == "read"
    assert lines["storage", "inspur-as13000-nvme"].qty == 5


def test_rated_services_follow_the_equipment_value(plan_1024) -> None:  # type: ignore[no-untyped-def]
    value = equipment_value(plan_1024.bom)
    assert value == pytest.approx(sum(line.total for line in plan_1024.bom if line.category in EQUIPMENT))
    lines = {line.item: line for line in plan_1024.bom}
    assert lines["warranty"].qty == 3
    assert lines["warranty"].unit_price == pytest.approx(0.015 * value, abs=0.01)
    assert lines["project-management"].unit_price == pytest.approx(0.01 * value, abs=0.01)
    assert lines["logistics"].unit_price == pytest.approx(0.008 * value, abs=0.01)


def test_storage_and_management_are_in_racks_and_it_power(plan_1024) -> None:  # type: ignore[no-untyped-def]
    power, racks, cooling = plan_1024.power, plan_1024.racks, plan_1024.cooling
    assert power is not None and racks is not None and cooling is not None
    assert sum(r.power_kw for r in racks.racks) == pytest.approx(power.it_max_kw)
    nodes_w = plan_1024.nodes * 10_200
    assert power.it_max_kw * 1000 > nodes_w + plan_1024.storage.power_w + plan_1024.management.power_w
