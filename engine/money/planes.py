"""The planes around the compute: storage, management and software, and the GPU's market status.

Sizes the storage tier and the management plane, lays them into the racks
(as non-compute boxes), and turns them into bill-of-materials needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from engine.assumptions import default
from engine.catalog import Catalog, ManagementPart, NetworkPart, StorageProduct
from engine.errors import RequestError
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
    MarketStatus,
    Message,
    PlanRequest,
    RackLayout,
    StoragePlan,
)
from engine.money.availability import (
    availability_assumption,
    availability_messages,
    buyer,
    market_status,
)
from engine.money.bom import Need
from engine.resolve import Resolved

Relay = Callable[[tuple[Box, ...]], RackLayout]
Estimate = Callable[[tuple[Box, ...]], int]


@dataclass(frozen=True)
class Planes:
    storage: StoragePlan | None
    management: ManagementPlan
    availability: MarketStatus
    layout: RackLayout  # the racks with storage and management equipment in them
    power_w: float  # maximum draw of storage and management equipment
    servers: int  # management servers that run the cluster's operating system
    needs: tuple[Need, ...]
    warnings: tuple[Message, ...]
    assumptions: tuple[Assumption, ...]


def _value(out: list[Assumption], key: str, given: float | None, field: str, low: float,
           high: float, allowed: str) -> float:
    d = default(key)
    if given is None:
        out.append(Assumption(key, d.value, d.unit, "default", d.note))
        return d.value
    if isinstance(given, bool) or not low <= given <= high:
        raise RequestError(field, given, allowed)
    out.append(Assumption(key, given, d.unit, "request", "given in the request"))
    return float(given)


def storage_need(request: PlanRequest, compute: ComputeNeed, gpus: int,
                 out: list[Assumption]) -> StorageNeed:
    r = request.storage
    kept = _value(out, "storage.checkpoints_kept", r.checkpoints_kept, "storage.checkpoints_kept",
                  0, 1000, "must be a whole number of checkpoints from 0 to 1000")
    if int(kept) != kept:
        raise RequestError("storage.checkpoints_kept", kept, "must be a whole number from 0 to 1000")
    minutes = _value(out, "storage.checkpoint_minutes", r.checkpoint_minutes,
                     "storage.checkpoint_minutes", 0.1, 1440, "must be from 0.1 to 1440 minutes")
    if r.dataset_tb is not None and not 0 <= r.dataset_tb <= 1e6:
        raise RequestError("storage.dataset_tb", r.dataset_tb, "must be from 0 to 1 000 000 TB")
    keys = ("dataset_bytes_per_token", "checkpoint_bytes_per_param", "headroom",
            "read_gbps_per_gpu", "write_gbps_per_gpu")
    figures = {k: _value(out, f"storage.{k}", None, "", 0, 0, "") for k in keys}
    return StorageNeed(gpus=gpus, params=compute.params, tokens=compute.tokens,
                       dataset_tb=r.dataset_tb, checkpoints_kept=int(kept),
                       checkpoint_minutes=minutes, **figures)


def storage_product(catalog: Catalog, choice: str, vendor: str) -> StorageProduct | None:
    wanted = "neutral" if choice == "neutral" else vendor
    found = sorted((p for p in catalog.storage.values() if p.serves == wanted), key=lambda p: p.id)
    return found[0] if found else None


def _availability(request: PlanRequest, catalog: Catalog, gpu: str, out: list[Assumption],
                  warnings: list[Message]) -> MarketStatus:
    fin = request.finance
    market, as_of = buyer(fin.market, fin.purchase_date, dt.date.today())
    out.append(Assumption("purchase_date", as_of, "", "request" if fin.purchase_date else "default",
                          "market availability of the GPU is taken as of this date"))
    out.append(Assumption("market", market, "", "request" if market != "CN" else "default",
                          "where the cluster is bought (buyer's country)"))
    status = market_status(catalog, gpu, market, as_of)
    warnings += availability_messages(status, catalog.gpus[gpu].name)
    out.append(availability_assumption(status))
    return status


@dataclass(frozen=True)
class _Tier:
    plan: StoragePlan
    product: StorageProduct


def _storage_tier(
    request: PlanRequest, compute: ComputeNeed, gpus: int, fabric: Fabric, vendor: str,
    catalog: Catalog, planes: Mapping[str, Any], out: list[Assumption], warnings: list[Message],
) -> _Tier | None:
    choice = request.storage.product
    if choice not in ("vendor", "neutral", "none"):
        raise RequestError("storage.product", choice, "must be vendor, neutral or none")
    if choice == "none":
        return None
    product = storage_product(catalog, choice, vendor)
    if product is None:
        product = storage_product(catalog, "neutral", vendor)
        warnings.append(Message("storage-neutral", f"no {vendor} storage line in the catalog: "
                                                   "a vendor-neutral one is quoted"))
    assert product is not None, "the catalog has a vendor-neutral storage product"
    switch = catalog.network[planes["frontend_switch"]]
    plan = size_storage(
        storage_need(request, compute, gpus, out),
        Block(product.id, product.name, product.file_system, product.usable_tb, product.read_gbps,
              product.write_gbps, product.min_blocks, product.ports, product.power_w),
        FrontEnd(switch.id, switch.ports, planes["link_cable"], fabric.storage_endpoints,
                 fabric.storage_switches),
    )
    return _Tier(plan, product)


def _storage_needs(tier: _Tier | None, fabric: Fabric, planes: Mapping[str, Any]) -> list[Need]:
    if tier is None:
        return []
    s = tier.plan
    return [
        Need("storage", s.product, s.blocks,
             f"{s.usable_tb:,.0f} TB usable for {s.need_tb:,.0f} TB needed; "
             f"{s.read_gbps:g}/{s.write_gbps:g} GB/s read/write; blocks set by {s.limited_by}"),
        Need("storage", planes["frontend_switch"], s.switches,
             "storage network, added for the storage servers"),
        Need("storage", planes["link_cable"], s.cables,
             "front-end links of compute nodes and storage servers, and switch-to-switch links"),
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


def plan_planes(
    request: PlanRequest, res: Resolved, compute: ComputeNeed, gpu: str, gpus: int, nodes: int,
    fabric: Fabric, estimate: Estimate, vendor: str, catalog: Catalog, parts: Mapping[str, Any],
    relay: Relay,
) -> Planes:
    """``relay`` lays the racks out with the given non-compute boxes; ``estimate`` guesses the
    rack count it would give (only the out-of-band aggregation depends on it), so that one
    layout usually does."""
    out: list[Assumption] = []
    warnings: list[Message] = []
    status = _availability(request, catalog, gpu, out, warnings)
    planes = parts["planes"]
    tier = _storage_tier(request, compute, gpus, fabric, vendor, catalog, planes, out, warnings)
    storage = tier.plan if tier else None

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
    )
    storage_boxes: list[Box] = []
    oob_devices = nodes + fabric.switches + fabric.storage_switches
    if tier is not None:
        storage_boxes = ([_box(tier.product, "storage")] * tier.plan.blocks
                         + [_box(switch_part, "storage_switch")] * tier.plan.switches)
        oob_devices += tier.plan.switches + tier.plan.blocks * tier.product.oob_ports
    frontend = fabric.storage_endpoints + (storage.ports if storage else 0)
    rules = _management_rules()

    def boxes_for(mgmt: ManagementPlan) -> list[Box]:
        return (storage_boxes + [_box(server, "management")] * (mgmt.head_nodes + mgmt.login_nodes)
                + [_box(ufm, "management")] * mgmt.ufm_appliances
                + [_box(switch_part, "frontend_switch")] * mgmt.inband_switches
                + [_box(agg_part, "oob_switch")] * mgmt.oob_aggregation_switches)

    def management(racks: int, pdus: int) -> ManagementPlan:
        return plan_management(nodes=nodes, infiniband=fabric.switches > 0, racks=racks,
                               frontend_endpoints=frontend, oob_devices=oob_devices + pdus,
                               rules=rules, parts=mparts)

    boxes = boxes_for(management(1, 0))  # without aggregation switches
    for _ in range(4):  # settle the estimate first: estimating is cheap, laying out is not
        again = boxes_for(management(estimate(tuple(boxes)), 0))
        if again == boxes:
            break
        boxes = again
    layout = relay(tuple(boxes))
    for _ in range(3):  # the aggregation switches follow the rack count: settle
        again = boxes_for(management(layout.count, 0))
        if again == boxes:
            break
        boxes, layout = again, relay(tuple(again))
    mgmt = management(layout.count, layout.pdus)
    servers = mgmt.head_nodes + mgmt.login_nodes

    needs = _storage_needs(tier, fabric, planes)
    if tier is None:  # without storage the compute nodes' front-end links still carry in-band management
        links = fabric.storage_endpoints + switch_links(fabric.storage_endpoints, switch_part.ports)
        needs.append(Need("management", planes["link_cable"], links, "front-end links of the compute nodes"))
    needs += [Need("management", part, count, note) for (part, count), note in zip(mgmt.parts, (
        f"{mgmt.head_nodes} head nodes (high-availability pair) and {mgmt.login_nodes} login nodes",
        "InfiniBand fabric manager, high-availability pair",
        "in-band switches added to the front-end network",
        "out-of-band aggregation: joins the racks' management switches",
        f"{mgmt.inband_links} in-band links, {mgmt.oob_uplinks} management-switch uplinks",
        "one per out-of-band management port",
    ), strict=True)]
    years = max(1, res.warranty_years)
    if mgmt.ufm_appliances:
        needs.append(Need("software", "ufm-licence", nodes * years, f"{nodes} nodes × {years} years"))
    if request.finance.ai_enterprise:
        needs.append(Need("software", "nvidia-ai-enterprise", gpus * years, f"{gpus} GPUs × {years} years"))
    needs.append(Need("services", "software-deployment", nodes + servers))
    storage_w = (storage.power_w + storage.switches * switch_part.power_w) if storage else 0.0
    out.append(Assumption("storage_management_kw", round((storage_w + mgmt.power_w) / 1000, 3), "kW",
                          "model", "storage and management equipment at its maximum draw, counted in "
                          "IT power and, conservatively, at the same figure for energy"))
    return Planes(storage=storage, management=mgmt, availability=status, layout=layout,
                  power_w=storage_w + mgmt.power_w, servers=servers, needs=tuple(needs),
                  warnings=tuple(warnings), assumptions=tuple(out))
