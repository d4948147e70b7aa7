"""Step 7: what the plan needs to buy, as bill-of-materials needs that engine.money prices;
then the user's overrides."""

from __future__ import annotations

import math
from typing import Any

from engine.assumptions import default
from engine.catalog import Catalog, Configuration
from engine.compute.sizing import Sizing
from engine.model import (
    CATEGORIES,
    BomLine,
    CableRun,
    CoolingPlan,
    Fabric,
    Message,
    PlanRequest,
    PowerPlan,
    RackLayout,
    note,
)
from engine.money.bom import Need, configured_system_line, price_lines
from engine.money.overrides import apply_overrides
from engine.money.prices import PriceList
from engine.money.services import (
    covered_service,
    equipment_value,
    open_software_lines,
    rated_service_lines,
)
from engine.planning.parts import parts
from engine.planning.site_lines import (
    border,
    coolant_loop,
    cords_and_rails,
    plant,
    plant_needs,
    spares_kit,
    structured_cabling,
)
from engine.planning.storage_management import Planes
from engine.resolve import Resolved


def _cable_needs(runs: tuple[CableRun, ...], fp: dict[str, Any]) -> list[Need]:
    """Cables by part with where they run, and the transceivers the fibre runs need."""
    out: list[Need] = []
    for part in dict.fromkeys(r.cable_part for r in runs):
        mine = [r for r in runs if r.cable_part == part]
        notes = tuple(note("cable-run", cables=r.cables, span=r.span, ends=r.ends,
                           longest=f"{r.longest_m:g}") for r in mine)
        out.append(Need("network", part, sum(r.cables for r in mine), notes))
    out.append(Need("network", fp["node_transceiver"], sum(r.node_transceivers for r in runs),
                    (note("hca-end"),)))
    out.append(Need("network", fp["switch_transceiver"], sum(r.switch_transceivers for r in runs),
                    (note("switch-end"),)))
    return out


def _spares(needs: list[Need], items: set[str], share: float) -> list[Need]:
    """A share of the optics, cables and HCAs, rounded up, as on-site spares."""
    if share <= 0:
        return []
    counted: dict[str, int] = {}  # an item needed in several places is spared once, on its total
    for n in needs:
        if n.item in items and n.qty > 0:
            counted[n.item] = counted.get(n.item, 0) + n.qty
    return [Need("spares", item, math.ceil(qty * share - 1e-9), (note("spares", share=share, of=qty),))
            for item, qty in counted.items()]


def cooling_needs(cooling: CoolingPlan | None) -> list[Need]:
    """The cooling units bought (none when the site cools, or ``cooling`` is None)."""
    if cooling is None or not cooling.bought:
        return []
    return [Need("cooling", part, count,
                 (note("one-per-compute-rack") if cooling.kind == "rdhx" and i == 0
                  else note("n-plus-one-rows", rows=cooling.rows),))
            for i, (part, count, _kw) in enumerate(cooling.units)]


def rack_needs(layout: RackLayout) -> list[Need]:
    """The racks and their PDUs, when bought."""
    return [
        Need("rack_power", layout.rack_model, layout.count),
        Need("rack_power", layout.pdu_part, layout.pdus,
             (note("feeds", kw=layout.feed_kw),
              note("inlets", inlets=layout.inlets_per_node, inlet=layout.inlet_type))),
    ]


def needs(
    cfg: Configuration, sizing: Sizing, fabric: Fabric, layout: RackLayout,
    cooling: CoolingPlan | None, res: Resolved, catalog: Catalog,
) -> list[Need]:
    """Network, racks and power, cooling, installation services and spares. ``cooling`` None:
    without the cooling units (cooling_needs adds them; the optimiser prices them apart)."""
    fp, eth = parts()["fabric"][fabric.technology], parts()["ethernet"]
    services = {s.kind: s.id for s in catalog.services.values()}
    fabric_note = note("fat-tree", tiers=fabric.tiers, leaves=fabric.leaves, spines=fabric.spines,
                       cores=fabric.cores)
    network = [
        Need("network", fabric.switch_part, fabric.switches, (fabric_note,)),
        *([Need("network", fabric.director_part, fabric.directors, (note("director"),))]
          if fabric.director_part else []),
        *_cable_needs(fabric.runs, fp),
    ]
    # the configured systems are their own lines (engine.money.bom.configured_system_line);
    # their HCAs count here for the spares
    hcas = [Need("compute", cfg.compute_nic, fabric.hcas, (note("one-per-rail"),))]
    spare_items = {cfg.compute_nic, fp["node_transceiver"], fp["switch_transceiver"],
                   *(r.cable_part for r in fabric.runs)}
    racks = rack_needs(layout) if layout.bought else []
    return [
        *network,
        Need("network", eth["storage_switch"], fabric.storage_switches, (note("storage-front-end"),)),
        # the out-of-band access switches: engine.planning.storage_management, by their ports
        *racks,
        *cooling_needs(cooling),
        Need("services", services["install-node"], sizing.nodes),
        Need("services", services["install-rack"], layout.count),
        Need("services", services["fabric-commissioning"], fabric.switches + fabric.directors),
        Need("services", services["acceptance-node"], sizing.nodes, (note("acceptance"),)),
        *_spares(hcas + network, spare_items, res.spares),
    ]


def racked_needs(sizing: Sizing, fabric: Fabric, layout: RackLayout, planes: Planes
                 ) -> list[Need]:
    """What racks bought add to a vendor's quote: cords and rails, structured cabling."""
    leaving = sum(r.links for r in fabric.runs if r.span != "in-rack" and r.ends == "node-switch")
    return [*cords_and_rails(sizing.nodes, layout, planes.servers),
            *structured_cabling(layout, leaving, default("cabling.rack_width_m").value)]


def site_needs(cfg: Configuration, sizing: Sizing, fabric: Fabric, layout: RackLayout,
               cooling: CoolingPlan | None, planes: Planes, power: PowerPlan | None,
               res: Resolved, catalog: Catalog) -> list[Need]:
    """What a vendor's quote adds: cords and rails, structured cabling, the coolant loop, the
    field spares kit, the border and the UPS (engine.planning.site_lines). ``cooling`` None:
    without the coolant loop; ``power`` None: without the UPS (the optimiser prices them
    apart, per cooling kind and hosting)."""
    psus = catalog.servers[cfg.server].psu.count
    out = racked_needs(sizing, fabric, layout, planes) if layout.bought else []
    if cooling is not None:
        out += coolant_loop(cooling, layout)
    if res.spares > 0:  # --spares 0: no spares kept on site, of any kind
        out += spares_kit(cfg, sizing.nodes, psus)
    out += border()
    if power is not None:
        out += plant_needs(plant(power.it_max_kw, power.facility_max_kw, res.ups))
    storage = planes.storage
    later = max(0, res.warranty_years - 1)
    if storage is not None and later:
        tb = math.ceil(storage.usable_tb * default("site.storage_renewal_tb_year").value)
        out.append(Need("software", "storage-renewal-tb-year", tb * later,
                        (note("storage-renewal", tb=tb, years=later),)))
    return out


def bill(
    request: PlanRequest, cfg: Configuration, sizing: Sizing, fabric: Fabric,
    layout: RackLayout, cooling: CoolingPlan, planes: Planes, res: Resolved, catalog: Catalog,
    prices: PriceList, power: PowerPlan | None = None,
) -> tuple[tuple[BomLine, ...], tuple[Message, ...]]:
    """Configured systems, then priced needs, open-source software and value-rated services,
    with the user's overrides applied; and the warnings the overrides raise.

    Rated services (warranty, project management, logistics) are a share of the equipment
    value, so they are rated on the equipment as the user set it."""
    currency = request.finance.currency
    if request.finance.hosting == "cloud":  # rented: nothing is bought but what the user adds
        return apply_overrides((), request.overrides, cfg.id, currency, request.finance.discount)
    wanted = needs(cfg, sizing, fabric, layout, cooling, res, catalog) + list(planes.needs)
    if power is not None:
        wanted += site_needs(cfg, sizing, fabric, layout, cooling, planes, power, res, catalog)
    lines = [configured_system_line(catalog, cfg.id, sizing.nodes, prices, currency, res.exchange_rate,
                                    parts()["ethernet"]["node_nic"]),
             *price_lines(wanted, prices, currency, res.exchange_rate),
             *open_software_lines(catalog, currency, sizing.nodes + planes.servers)]
    discount = request.finance.discount  # a net price typed is never discounted again
    as_set, _ = apply_overrides(tuple(lines), request.overrides, cfg.id, currency, discount)
    lines += rated_service_lines(catalog, currency, equipment_value(as_set), res.warranty_years,
                                 covered_service(as_set))
    ordered = tuple(sorted(lines, key=lambda line: CATEGORIES.index(line.category)))  # stable
    return apply_overrides(ordered, request.overrides, cfg.id, currency, discount)
