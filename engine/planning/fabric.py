"""Step 2: the compute fabric (a fat tree, or a director where that is cheaper) and the
switch boxes it and the storage network put in the network racks."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from engine.assumptions import default
from engine.catalog import Catalog, Configuration
from engine.facility.cabling import Medium
from engine.facility.fabric import TreeCounts, fat_tree, plan_fabric
from engine.facility.racks import Box
from engine.model import Fabric, Message, PlanRequest
from engine.money.prices import PriceError, PriceList
from engine.planning.budget import network_rack_kw
from engine.planning.parts import parts
from engine.resolve import Resolved


def switch_box(part_id: str, role: str, catalog: Catalog, optics_part: str | None) -> Box:
    """A switch at its maximum draw: itself, plus a powered transceiver in every cage."""
    part = catalog.network[part_id]
    optics = 0.0
    if optics_part:
        module = catalog.network[optics_part]
        optics = -(-part.ports // module.ports) * module.power_w
    return Box(part.rack_units, part.power_w + optics, part.weight_kg, role=role, part=part.id,
               label=f"{part.vendor} {part.part_number}",
               inlets=int(default("facility.switch_inlets").value), inlet="C14")


def director_if_cheaper(tree: TreeCounts, endpoints: int, technology: str, catalog: Catalog,
                        prices: PriceList, currency: str, rate: float, room_w: float) -> str:
    """The director part id when one chassis serving every endpoint costs less than the
    tree's switches and switch-to-switch links; else ""."""
    fp = parts()["fabric"][technology]
    director = fp.get("director")
    if not director or tree.tiers < 2 or endpoints > catalog.network[director].ports:
        return ""
    if switch_box(director, "director", catalog, fp["switch_transceiver"]).max_w \
            + catalog.network[parts()["ethernet"]["mgmt_switch"]].power_w > room_w:
        return ""  # it must fit a network rack's power budget
    try:
        price = partial(prices.price, currency=currency, exchange_rate=rate)
        module = catalog.network[fp["switch_transceiver"]]
        link = price(fp["cable"]) + 2 * price(module.id) / module.ports
        tree_cost = (tree.leaves + tree.spines + tree.cores) * price(fp["switch"]) \
            + tree.switch_cables * link
        return director if price(director) < tree_cost else ""
    except PriceError:
        return ""  # an unpriced director is never chosen


def fabric_service_ports() -> int:
    """Leaf ports the fabric services take: the UFM pair's fabric ports."""
    return int(default("management.ufm_appliances").value
               * default("management.ufm_fabric_ports").value)


@dataclass(frozen=True)
class FabricPlan:
    fabric: Fabric  # before the racks: cables and management switches come from the layout
    tree: TreeCounts
    boxes: tuple[Box, ...]  # fabric and storage-network switches, in the order they are racked


def plan_compute_fabric(
    cfg: Configuration, technology: str, nodes: int, rack_kw: float, request: PlanRequest,
    res: Resolved, catalog: Catalog, prices: PriceList,
) -> FabricPlan:
    """The compute fabric and the boxes its switches and the storage network's switches take
    in the network racks."""
    fp, eth = parts()["fabric"][technology], parts()["ethernet"]
    switch = catalog.network[fp["switch"]]
    storage = catalog.network[eth["storage_switch"]]
    fabric = plan_fabric(
        nodes=nodes, rails=cfg.compute_nics, technology=technology, switch_part=switch.id,
        radix=switch.ports, storage_radix=storage.ports,
        storage_ports_per_node=int(eth["storage_ports_per_node"]),
        ports_per_switch_transceiver=catalog.network[fp["switch_transceiver"]].ports,
        services=fabric_service_ports(),
    )
    tree = fat_tree(nodes, cfg.compute_nics, switch.ports, fabric_service_ports())
    director = director_if_cheaper(tree, fabric.endpoints + fabric.ufm_links, technology, catalog, prices,
                                   request.finance.currency, res.exchange_rate,
                                   network_rack_kw(rack_kw) * 1000)
    xcvr = fp["switch_transceiver"]
    if director:
        tree = TreeCounts(1, 1, 0, 0, 0)
        fabric = replace(fabric, tiers=1, leaves=0, spines=0, cores=0, switch_cables=0,
                         switch_ports=catalog.network[director].ports,
                         ports_used=fabric.endpoints + fabric.ufm_links,
                         director_part=director, directors=1)
        fabric_boxes = [switch_box(director, "director", catalog, xcvr)]
    else:
        fabric_boxes = ([switch_box(switch.id, "leaf", catalog, xcvr)] * tree.leaves
                        + [switch_box(switch.id, "spine", catalog, xcvr)] * tree.spines
                        + [switch_box(switch.id, "core", catalog, xcvr)] * tree.cores)
    others = [switch_box(storage.id, "storage_switch", catalog, None)] * fabric.storage_switches
    return FabricPlan(fabric, tree, tuple(fabric_boxes + others))


def service_leaves_warning(fp: FabricPlan, nodes: int, rails: int) -> list[Message]:
    """When the nodes fill every leaf port, say what the fabric services' ports cost in leaves,
    and what NVIDIA's SuperPOD does instead (one node out)."""
    fabric = fp.fabric
    if not fabric.ufm_links or fabric.director_part or fabric.tiers < 2:
        return []
    without = fat_tree(nodes, rails, fabric.radix)
    more = fabric.leaves - without.leaves
    if more <= 0:
        return []
    return [Message.of("ufm-leaf-group", nodes=nodes, ports=fabric.ufm_links, leaves=more,
                       spines=fabric.spines + fabric.cores - without.spines - without.cores,
                       fewer=nodes - 1)]


def media(fp: dict[str, Any], catalog: Catalog) -> list[Medium]:
    """Ways to carry a link, shortest reach first: DAC in a rack, AOC, then fibre."""
    out = [Medium("dac", fp["dac_node"], catalog.network[fp["dac_node"]].length_m,
                  catalog.network[fp["dac_node"]].ports, "node-switch"),
           Medium("dac", fp["dac_switch"], catalog.network[fp["dac_switch"]].length_m,
                  catalog.network[fp["dac_switch"]].ports, "switch-switch")]
    if "aoc" in fp:
        out.append(Medium("aoc", fp["aoc"], catalog.network[fp["aoc"]].length_m))
    fibres = sorted(fp.get("fibres", [fp["cable"]]), key=lambda f: catalog.network[f].length_m)
    out += [Medium("fibre", f, catalog.network[f].length_m) for f in fibres]
    return out
