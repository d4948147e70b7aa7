"""Data-centre invariants of every feasible plan (hypothesis, as tests/engine/test_properties.py):
every node has a storage path at its stated GB/s, and the plan's prices stand on one basis.
(No PDU past 80%, every fabric service on a port and no liquid server without its loop are
checked in test_properties.py.)"""

from __future__ import annotations

from hypothesis import given

from engine.assumptions import default
from engine.catalog import load_catalog
from engine.model import PlanRequest
from engine.money.prices import BASES, read_price_list, shipped_price_list_path
from engine.planning.parts import parts
from tests.engine.test_properties import FAST, feasible_plan, requests

SHIPPED = read_price_list(shipped_price_list_path())


@FAST
@given(requests())
def test_every_node_has_a_storage_path_at_its_stated_rate(request: PlanRequest) -> None:
    plan = feasible_plan(request)
    if plan is None or plan.storage is None or request.finance.hosting == "cloud":
        return
    catalog, eth = load_catalog(), parts()["ethernet"]
    nic = catalog.network[eth["node_nic"]]
    ports = int(eth["storage_ports_per_node"])
    s = plan.storage
    # the stated rate is the node adapter's ports at line rate: 2 × 200 Gb/s = 50 GB/s
    assert s.node_gbs == ports * nic.port_gbps / 8 > 0
    # ... and the adapter is in every system, with a cable for each of its ports
    system = next(b for b in plan.bom if b.category == "compute" and b.item == plan.config)
    assert [c.qty for c in system.components if c.item == nic.id] == [1], plan.config
    # (the switch-to-switch links of the 200GbE front end run on the same 200G cable)
    cables = sum(b.qty for b in plan.bom if b.item == eth["node_link_cable"]
                 and b.category in ("storage", "management"))
    isl = s.switch_links if parts()["planes"]["switch_link_cable"] == eth["node_link_cable"] else 0
    inband_isl = plan.management.inband_switch_links if plan.management else 0
    assert cables == ports * plan.nodes + isl + inband_isl, (plan.config, cables)
    # the class's single-node read fits the path, or the plan says it does not
    need = default(f"storage.{s.performance}_node_read_gbps").value
    said = any(m.code == "storage-node-path" for m in plan.warnings)
    assert (s.node_gbs >= need) != said
    # and the file system serves what the class asks of the cluster
    assert s.read_gbps >= s.need_read_gbps - 1e-9 and s.write_gbps >= s.need_write_gbps - 1e-9


@FAST
@given(requests())
def test_a_plans_prices_stand_on_one_basis(request: PlanRequest) -> None:
    plan = feasible_plan(request)
    if plan is None:
        return
    catalog = load_catalog()
    priced = [b for b in plan.bom if b.item in SHIPPED and not b.overridden]
    assert all(SHIPPED.entry(b.item).basis in BASES for b in priced)
    # the GPUs, most of the money, are priced on the buyer's market: the system's and the spares'
    cfg = catalog.configurations[plan.config]
    gpu_rows = {cfg.gpu} | {b.item for b in plan.bom if b.item in catalog.gpus}
    if catalog.gpus[cfg.gpu].form_factor.startswith("sxm"):
        assert {SHIPPED.entry(g).basis for g in gpu_rows} == {"CN"}, plan.config
