"""Step 3: the storage tier and the management plane around the compute.

Sizes the parallel file system and the management plane, gives the boxes they put in
the network racks for a given rack count, and, once the racks are laid out, their
bill-of-materials needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.assumptions import default, default_note
from engine.bounds import check
from engine.catalog import Catalog, ManagementPart, NetworkPart, StorageProduct
from engine.errors import RequestError, allowed, one_of
from engine.facility.management import (
    Device,
    ManagementParts,
    ManagementRules,
    Switch,
    plan_management,
)
from engine.facility.racks import Box
from engine.facility.storage import Block, FrontEnd, StorageNeed, size_storage, switch_links
from engine.model import (
    Assumption,
    ComputeNeed,
    Fabric,
    ManagementPlan,
    Message,
    PlanRequest,
    RackLayout,
    StoragePlan,
    note,
)
from engine.money.bom import Need
from engine.planning.oob_access import cooling_ports, oob_groups
from engine.planning.parts import parts
from engine.resolve import Resolved


def _value(out: list[Assumption], key: str, given: float | None = None) -> float:
    """The request's ``key`` (checked against resources/bounds.toml), else its default."""
    d = default(key)
    if given is None:
        out.append(Assumption(key, d.value, d.unit, "default", d.note))
        return d.value
    check(key, given)
    out.append(Assumption.said(key, given, d.unit, "request", "assumed.given"))
    return float(given)


# The RA's storage performance classes, by workload (RA-11333-001 Table 5): language models
# "Good", compressed images "Better", large uncompressed images, video or 3-D data "Best".
STORAGE_CLASSES = ("good", "better", "best")


def storage_need(request: PlanRequest, compute: ComputeNeed, gpus: int,
                 out: list[Assumption]) -> StorageNeed:
    r = request.storage
    kept = _value(out, "storage.checkpoints_kept", r.checkpoints_kept)
    minutes = _value(out, "storage.checkpoint_minutes", r.checkpoint_minutes)
    check("storage.dataset_tb", r.dataset_tb)
    keys = ("dataset_bytes_per_token", "checkpoint_bytes_per_param", "headroom")
    figures = {k: _value(out, f"storage.{k}") for k in keys}
    performance = r.performance or "good"
    if performance not in STORAGE_CLASSES:
        raise RequestError("storage.performance", performance,
                           allowed("allowed.one-of-or-empty", choices="good, better, best"))
    out.append(Assumption.said(
        "storage.performance", performance, "", "request" if r.performance else "default",
        "assumed.given" if r.performance else "assumed.storage-class"))
    node = default(f"storage.{performance}_node_read_gbps")
    out.append(Assumption("storage.node_read_gbps", node.value, node.unit, "default", node.note))
    per = default("storage.su_gpus").value
    for way in ("read", "write"):
        d = default(f"storage.{performance}_{way}_gbps")
        figures[f"{way}_gbps_per_gpu"] = d.value / per
        key = f"storage.{performance}_{way}_gbps"
        out.append(Assumption.said(f"storage.{way}_gbps_per_gpu", round(d.value / per, 4), "GB/s",
                                   "default", "assumed.storage-bandwidth", gbps=f"{d.value:g}",
                                   gpus=f"{per:g}", note=d.note, note_zh=default_note(key, "zh")))
    return StorageNeed(gpus=gpus, params=compute.params, tokens=compute.tokens,
                       dataset_tb=r.dataset_tb, checkpoints_kept=int(kept),
                       checkpoint_minutes=minutes, performance=performance, **figures)


def node_gbs(catalog: Catalog) -> float:
    """GB/s from one compute node to storage: its storage ports' line rate together."""
    eth = parts()["ethernet"]
    nic = catalog.network[eth["node_nic"]]
    return int(eth["storage_ports_per_node"]) * nic.port_gbps / 8


def storage_product(catalog: Catalog, choice: str, vendor: str) -> StorageProduct | None:
    wanted = "neutral" if choice == "neutral" else vendor
    found = sorted((p for p in catalog.storage.values() if p.serves == wanted), key=lambda p: p.id)
    return found[0] if found else None


@dataclass(frozen=True)
class _Tier:
    plan: StoragePlan
    product: StorageProduct


def _storage_tier(
    request: PlanRequest, compute: ComputeNeed, gpus: int, fabric: Fabric, vendor: str,
    catalog: Catalog, out: list[Assumption], warnings: list[Message],
) -> _Tier | None:
    choice = request.storage.product
    if choice not in ("vendor", "neutral", "none"):
        raise RequestError("storage.product", choice, one_of(("vendor", "neutral", "none")))
    if choice == "none":
        return None
    product = storage_product(catalog, choice, vendor)
    if product is None:
        product = storage_product(catalog, "neutral", vendor)
        warnings.append(Message.of("storage-neutral", vendor=vendor))
    assert product is not None, "the catalog has a vendor-neutral storage product"
    planes, eth = parts()["planes"], parts()["ethernet"]
    switch = catalog.network[planes["frontend_switch"]]
    plan = size_storage(
        storage_need(request, compute, gpus, out),
        Block(product.id, product.name, product.file_system, product.usable_tb, product.read_gbps,
              product.write_gbps, product.min_blocks, product.ports, product.power_w),
        FrontEnd(switch.id, switch.ports, planes["link_cable"], fabric.storage_endpoints,
                 fabric.storage_switches, node_cable=eth["node_link_cable"],
                 node_gbs=node_gbs(catalog), fabric="converged-ethernet",
                 switch_cable=planes["switch_link_cable"]),
    )
    need = default(f"storage.{plan.performance}_node_read_gbps").value
    if plan.node_gbs < need:  # a node's ports must carry its class's single-node read
        warnings.append(Message.of("storage-node-path", node=plan.node_gbs, need=need,
                                   performance=plan.performance))
    return _Tier(plan, product)


def _storage_needs(tier: _Tier | None) -> list[Need]:
    if tier is None:
        return []
    s, planes = tier.plan, parts()["planes"]
    node_links = s.cables - s.ports - s.switch_links
    return [
        Need("storage", s.product, s.blocks,
             (note("storage-capacity", usable=s.usable_tb, need=s.need_tb),
              note("storage-bandwidth", read=f"{s.read_gbps:g}", write=f"{s.write_gbps:g}"),
              note("storage-blocks", by=s.limited_by))),
        Need("storage", planes["frontend_switch"], s.switches, (note("storage-network"),)),
        Need("storage", planes["link_cable"], s.ports, (note("storage-server-links"),)),
        Need("storage", parts()["ethernet"]["node_link_cable"], node_links, (note("node-links"),)),
        Need("storage", planes["switch_link_cable"], s.switch_links,
             (note("front-end-switch-links"),)),
        Need("services", "storage-commissioning", s.blocks),
    ]


def _management_rules() -> ManagementRules:
    return ManagementRules(
        head_nodes=int(default("management.head_nodes").value),
        login_nodes_min=int(default("management.login_nodes_min").value),
        nodes_per_login_node=int(default("management.nodes_per_login_node").value),
        ufm_appliances=int(default("management.ufm_appliances").value),
        oob_uplinks=int(default("management.oob_uplinks").value),
    )


def _box(part: NetworkPart | ManagementPart | StorageProduct, role: str) -> Box:
    """``part`` as the racks hold it; ``role`` names it in the rack elevation."""
    return Box(part.rack_units, part.power_w, part.weight_kg, role=role, part=part.id,
               label=part.name.split(",")[0])


@dataclass(frozen=True)
class Equipment:
    """Storage and management sized for the compute, before the racks are counted: only the
    out-of-band aggregation switches depend on how many racks there are."""

    tier: _Tier | None
    server: ManagementPart
    ufm: ManagementPart
    frontend_switch: NetworkPart
    oob_switch: NetworkPart
    parts: ManagementParts
    rules: ManagementRules
    nodes: int
    infiniband: bool
    frontend_endpoints: int
    oob_devices: int  # management ports of nodes, switches and storage (PDUs come with the racks)
    warnings: tuple[Message, ...]
    assumptions: tuple[Assumption, ...]

    @property
    def storage(self) -> StoragePlan | None:
        return self.tier.plan if self.tier else None

    def management(self, access: int, others: int, long_cords: int = 0) -> ManagementPlan:
        """``others``: management ports that come with the racks (PDUs, cooling controllers)."""
        return plan_management(nodes=self.nodes, infiniband=self.infiniband, access_switches=access,
                               frontend_endpoints=self.frontend_endpoints,
                               oob_devices=self.oob_devices + others, rules=self.rules,
                               parts=self.parts, long_cords=long_cords)

    def boxes(self, access: int) -> tuple[Box, ...]:
        """What storage and management put in the network racks for ``access`` out-of-band
        access switches."""
        mgmt = self.management(access, 0)
        storage: list[Box] = []
        if self.tier is not None:
            storage = ([_box(self.tier.product, "storage")] * self.tier.plan.blocks
                       + [_box(self.frontend_switch, "storage_switch")] * self.tier.plan.switches)
        return tuple(storage + [_box(self.server, "management")] * (mgmt.head_nodes + mgmt.login_nodes)
                     + [_box(self.ufm, "management")] * mgmt.ufm_appliances
                     + [_box(self.frontend_switch, "frontend_switch")] * mgmt.inband_switches
                     + [_box(self.oob_switch, "oob_switch")] * mgmt.oob_aggregation_switches)


def size_equipment(request: PlanRequest, compute: ComputeNeed, gpus: int, nodes: int,
                   fabric: Fabric, vendor: str, catalog: Catalog) -> Equipment:
    out: list[Assumption] = []
    warnings: list[Message] = []
    tier = _storage_tier(request, compute, gpus, fabric, vendor, catalog, out, warnings)
    planes = parts()["planes"]
    switch_part = catalog.network[planes["frontend_switch"]]
    agg_part = catalog.network[planes["oob_aggregation_switch"]]
    server = next(p for p in sorted(catalog.management.values(), key=lambda p: p.id)
                  if p.kind == "server" and p.serves in (vendor, "any"))
    ufm = next(p for p in catalog.management.values() if p.kind == "ufm-appliance")
    mparts = ManagementParts(
        server=Device(server.id, server.inband_ports, server.power_w),
        ufm=Device(ufm.id, ufm.inband_ports, ufm.power_w),
        inband_switch=Switch(switch_part.id, switch_part.ports, switch_part.power_w),
        oob_switch=Switch(agg_part.id, agg_part.ports, agg_part.power_w),
        link_cable=planes["link_cable"], oob_cable=planes["oob_cable"],
        switch_link_cable=planes["switch_link_cable"], oob_long_cable=planes["oob_long_cable"],
    )
    oob_devices = nodes + fabric.switches + fabric.storage_switches
    if tier is not None:
        oob_devices += tier.plan.switches + tier.plan.blocks * tier.product.oob_ports
    frontend = fabric.storage_endpoints + (tier.plan.ports if tier else 0)
    return Equipment(tier=tier, server=server, ufm=ufm, frontend_switch=switch_part,
                     oob_switch=agg_part, parts=mparts, rules=_management_rules(), nodes=nodes,
                     infiniband=fabric.tiers > 0, frontend_endpoints=frontend,
                     oob_devices=oob_devices, warnings=tuple(warnings), assumptions=tuple(out))


@dataclass(frozen=True)
class Planes:
    """Storage and management as built in the racks laid out."""

    storage: StoragePlan | None
    management: ManagementPlan
    power_w: float  # maximum draw of storage and management equipment
    servers: int  # management servers that run the cluster's operating system
    needs: tuple[Need, ...]
    warnings: tuple[Message, ...]
    assumptions: tuple[Assumption, ...]


def storage_management(eq: Equipment, layout: RackLayout, request: PlanRequest, res: Resolved,
                       fabric: Fabric, gpus: int, catalog: Catalog) -> Planes:
    """The management plane for the racks as laid out, and what storage and management need."""
    planes = parts()["planes"]
    cooling = cooling_ports(layout)
    # the ports of racks other than the one their access switch stands in take a long cord
    long_cords = sum(g.long_cords for g in oob_groups(layout, catalog))
    mgmt = eq.management(fabric.mgmt_switches, layout.pdus + sum(cooling), long_cords)
    servers = mgmt.head_nodes + mgmt.login_nodes
    nodes, storage = eq.nodes, eq.storage
    needs = _storage_needs(eq.tier)
    eth = parts()["ethernet"]
    if eq.tier is None:  # without storage the compute nodes' front-end links still carry in-band management
        needs.append(Need("management", eth["node_link_cable"], fabric.storage_endpoints,
                          (note("node-links"),)))
        needs.append(Need("management", planes["switch_link_cable"],
                          switch_links(fabric.storage_endpoints, eq.frontend_switch.ports),
                          (note("front-end-switch-links"),)))
    mp, inband = eq.parts, mgmt.inband_links - mgmt.inband_switch_links
    access = catalog.network[parts()["ethernet"]["mgmt_switch"]]
    needs.append(Need("network", access.id, mgmt.oob_access_switches, (note(
        "oob-access", ports=mgmt.oob_ports, radix=access.ports,
        cord=f'{default("management.oob_cord_m").value:g}'),)))
    needs += [Need("management", part, count, (why,)) for part, count, why in (
        (mp.server.id, servers, note("head-login", heads=mgmt.head_nodes, logins=mgmt.login_nodes)),
        (mp.ufm.id, mgmt.ufm_appliances, note("ufm-pair")),
        (mp.inband_switch.id, mgmt.inband_switches, note("inband-switches")),
        (mp.oob_switch.id, mgmt.oob_aggregation_switches, note("oob-aggregation")),
        (mp.link_cable, inband + mgmt.oob_uplinks,
         note("management-links", inband=inband, uplinks=mgmt.oob_uplinks)),
        (mp.oob_cable, mgmt.oob_ports - mgmt.oob_long_cords, note("oob-port")),
        (mp.oob_long_cable or mp.oob_cable, mgmt.oob_long_cords,
         note("oob-long-cords", racks=default("management.oob_cord_m").value)),
        (mp.switch_link_cable or mp.link_cable, mgmt.inband_switch_links, note("front-end-switch-links")),
    )]
    years = max(1, res.warranty_years)
    if mgmt.ufm_appliances:
        needs.append(Need("software", "ufm-licence", nodes * years,
                          (note("nodes-years", nodes=nodes, years=years),)))
    if request.finance.ai_enterprise:
        needs.append(Need("software", "nvidia-ai-enterprise", gpus * years,
                          (note("gpus-years", gpus=gpus, years=years),)))
    needs.append(Need("services", "software-deployment", nodes + servers))
    storage_w = (storage.power_w + storage.switches * eq.frontend_switch.power_w) if storage else 0.0
    kw = Assumption.said("storage_management_kw", round((storage_w + mgmt.power_w) / 1000, 3),
                         "kW", "model", "assumed.storage-management-kw")
    return Planes(storage=storage, management=mgmt, power_w=storage_w + mgmt.power_w,
                  servers=servers, needs=tuple(needs), warnings=eq.warnings,
                  assumptions=(*eq.assumptions, kw))
