"""One configuration, one request: compute need -> GPUs -> nodes -> fabric -> racks ->
cooling -> power -> bill of materials -> money, with warnings and refusals."""

from __future__ import annotations

import math
import tomllib
from collections.abc import Callable
from dataclasses import replace
from functools import cache, partial
from typing import Any

from engine.assumptions import default
from engine.catalog import Catalog, Configuration, Gpu, Server
from engine.compute.efficiency import NodeTraits, band, band_coverage, estimate, gpu_traits
from engine.compute.sizing import Sizing, memory_floor_gpus, size_for_deadline, size_for_fleet
from engine.errors import RequestError
from engine.facility.cabling import Geometry, Medium, plan_cabling
from engine.facility.cooling import Unit, plan_cooling
from engine.facility.fabric import FabricTooLarge, TreeCounts, fat_tree, plan_fabric
from engine.facility.racks import (
    Box,
    PduModel,
    RackRefusal,
    RackSpec,
    lay_out,
    network_rack_count,
    nodes_per_rack,
)
from engine.model import (
    CATEGORIES,
    Assumption,
    BomLine,
    CableRun,
    ComputeNeed,
    CoolingPlan,
    EfficiencyEstimate,
    Fabric,
    Message,
    Plan,
    PlanRequest,
    PowerPlan,
    Rack,
    RackLayout,
)
from engine.money.bom import Need, configured_system_line, price_lines
from engine.money.cloud import cloud_rates
from engine.money.overrides import apply_overrides
from engine.money.planes import Planes, plan_planes
from engine.money.prices import PriceError, PriceList
from engine.money.services import equipment_value, open_software_lines, rated_service_lines
from engine.money.totals import money
from engine.resolve import Resolved
from engine.resources import resource_path

LARGEST_PUBLISHED_RUN_GPUS = 16_384  # Llama 3 405B on 16K H100 (calibration.md)


@cache
def parts() -> dict[str, Any]:
    with resource_path("parts.toml").open("rb") as fh:
        return tomllib.load(fh)


def traits_of(cfg: Configuration, gpu: Gpu, catalog: Catalog | None = None) -> NodeTraits:
    nic_gbps = None
    if catalog is not None and cfg.compute_nic in catalog.network:
        nic_gbps = cfg.compute_nics * catalog.network[cfg.compute_nic].port_gbps / cfg.gpu_count
    return gpu_traits(gpu, link=cfg.intra_node_link, link_gbs=cfg.intra_node_gbs,
                      nics_per_gpu=cfg.compute_nics / cfg.gpu_count,
                      gpus_per_node=cfg.gpu_count, nic_gbps=nic_gbps)


def _refused(cfg: Configuration, server: Server, gpu: Gpu, *reasons: Message) -> Plan:
    return Plan(
        config=cfg.id, vendor=server.vendor, server=f"{server.vendor} {server.model}",
        gpu=gpu.id, gpu_name=gpu.name, gpus_per_node=cfg.gpu_count, feasible=False,
        refusals=reasons, warnings=(),
        node_peak_dense_pflops=cfg.gpu_count * gpu.dense_tflops["bf16"] / 1000,
        node_peak_sparse_pflops=cfg.gpu_count * gpu.sparse_tflops.get("bf16", 0.0) / 1000,
    )


def plan_configuration(
    request: PlanRequest, cfg_id: str, need: ComputeNeed, res: Resolved,
    catalog: Catalog, prices: PriceList,
) -> Plan:
    cfg = catalog.configuration(cfg_id)
    server, gpu = catalog.servers[cfg.server], catalog.gpus[cfg.gpu]
    nic = catalog.network[cfg.compute_nic]
    precision = request.schedule.precision
    facility = request.facility
    warnings: list[Message] = []

    if facility.cooling == "liquid" and server.cooling != "liquid":
        return _refused(cfg, server, gpu, Message(
            "cooling-kind",
            f"the {server.model} {server.variant} is {server.cooling.replace('-', ' ')} cooled; "
            "direct liquid cooling needs liquid-cooled servers (choose air or rdhx cooling)",
        ))
    traits = traits_of(cfg, gpu, catalog)
    efficiency_at = partial(
        estimate, traits, gpu_name=gpu.name, precision=precision, params=need.params,
        moe=need.moe, goodput=res.goodput, mfu_override=res.mfu_override,
    )
    try:
        efficiency_at(gpus=cfg.gpu_count)
    except RequestError as exc:
        return _refused(cfg, server, gpu, Message("precision", exc.allowed))

    floor = memory_floor_gpus(need.params, gpu.memory_gb)
    sizing: Sizing | None
    if res.days is not None:
        window = res.days - res.lead_time_days
        if window <= 0:
            return _refused(cfg, server, gpu, Message(
                "lead-time", f"the deadline of {res.days:g} days from the order falls within the "
                f"{res.lead_time_days:g} days of delivery, installation and acceptance; allow more "
                "days or give the lead time you were quoted"))
        sizing = size_for_deadline(need.flops, window, cfg.gpu_count, floor,
                                   lambda g: efficiency_at(gpus=g))
        if sizing is None:
            return _refused(cfg, server, gpu, Message(
                "too-large", f"finishing in {res.days:g} days would need more than a million "
                f"{gpu.name} GPUs"))
    else:
        assert res.fleet_gpus is not None
        sizing = size_for_fleet(need.flops, res.fleet_gpus, cfg.gpu_count, floor,
                                lambda g: efficiency_at(gpus=g))
        if sizing.gpus != res.fleet_gpus:
            warnings.append(Message(
                "fleet-rounded", f"{res.fleet_gpus} GPUs rounded up to {sizing.gpus}: "
                f"{sizing.nodes} whole servers of {cfg.gpu_count}"))
        if sizing.gpus < floor:
            return _refused(cfg, server, gpu, Message(
                "memory", f"{sizing.gpus} × {gpu.memory_gb:g} GB cannot hold the model states and "
                f"activations: at least {floor} {gpu.name} GPUs are needed"))

    rack_budget, budget_assumption = _rack_budget(request, res, gpu)
    if facility.cooling == "rdhx":
        door = max((u for u in catalog.cooling.values() if u.kind == "rdhx"),
                   key=lambda u: u.capacity_kw)
        if door.capacity_kw < rack_budget:
            warnings.append(Message(
                "rdhx-budget", f"rack budget lowered from {rack_budget:g} kW to the rear door's "
                f"{door.capacity_kw:g} kW"))
            rack_budget = door.capacity_kw

    hosting = request.finance.hosting
    rate = cloud_rates().get(gpu.id)
    cloud_rate = rate.rate(request.finance.currency, res.exchange_rate) if rate else 0.0
    if hosting == "cloud" and rate is None:
        return _refused(cfg, server, gpu, Message(
            "cloud-rate", f"no hourly cloud rate for the {gpu.name} in resources/prices/cloud.csv"))
    try:
        fabric, tree, boxes = _fabric(cfg, nic.technology, sizing.nodes, rack_budget, request, res,
                                      catalog, prices)
        laid: list[tuple[Fabric, RackLayout]] = []

        def relay(extra: tuple[Box, ...]) -> RackLayout:
            laid.append(_racks(cfg, server, sizing.nodes, fabric, tree, boxes + list(extra),
                               rack_budget, request, res, catalog))
            return laid[-1][1]

        # racks are laid out with the storage and management equipment in them
        planes = plan_planes(
            request, res, need, cfg.gpu, sizing.gpus, sizing.nodes, fabric,
            _racks_estimate(cfg, server, sizing.nodes, boxes, rack_budget, request, res, catalog),
            server.vendor, catalog, parts(), relay,
        )
        fabric, layout = laid[-1]
        assert layout is planes.layout
    except (RackRefusal, FabricTooLarge) as exc:
        return _refused(cfg, server, gpu, Message("racks", str(exc)))

    switch_w = _switch_watts(fabric, catalog) + planes.power_w
    optics_w = _optics_watts(fabric, catalog)
    # Maximum: every box in every rack at its maximum, every switch cage with a powered module.
    it_max = sum(r.power_kw for r in layout.racks)
    it_typical = (sizing.nodes * cfg.typical_power_w + switch_w + optics_w) / 1000
    power = PowerPlan(
        it_max_kw=it_max, it_typical_kw=it_typical, pue=res.pue, facility_kw=it_typical * res.pue,
        energy_per_run_mwh=it_typical * res.pue * sizing.days * 24 / 1000,
        facility_max_kw=it_max * res.pue, optics_kw=optics_w / 1000,
    )
    cooling = _cooling(facility.cooling, layout, catalog, hosting, res)
    bom, override_warnings = _bill(request, cfg, gpu, sizing, fabric, layout, cooling, planes, res,
                                   catalog, prices)
    warnings += override_warnings
    eff = sizing.efficiency
    rent = {"colo": res.colo_rent_kw_month, "wholesale": res.wholesale_rent_kw_month}.get(hosting)
    cash = money(
        bom=bom, currency=request.finance.currency, discount_rate=request.finance.discount,
        vat_rate=res.vat, vat_rate_services=res.vat_services,
        facility_kw=power.facility_kw, power_price=res.power_price,
        years=res.years, warranty_years=res.warranty_years, maintenance_rate=res.maintenance_rate,
        rent_kw_month=rent, contracted_kw=sum(r.power_kw for r in layout.racks),
        energy_per_run_mwh=power.energy_per_run_mwh,
        delivered_pflops=sizing.gpus * eff.delivered_tflops / 1000, hosting=hosting,
        gpus=sizing.gpus, gpu_hours=sizing.gpus * sizing.days * 24, cloud_rate=cloud_rate,
    )
    warnings += _warnings(cfg, server, gpu, sizing, layout, request, res, catalog)
    if hosting != "cloud":  # the provider's racks, power and cables
        warnings += _facility_warnings(cfg, server, fabric, layout, request, catalog)
    warnings = list(planes.warnings) + warnings  # market availability first: it can stop a purchase
    return Plan(
        config=cfg.id, vendor=server.vendor, server=f"{server.vendor} {server.model}",
        gpu=gpu.id, gpu_name=gpu.name, gpus_per_node=cfg.gpu_count, feasible=True, refusals=(),
        warnings=tuple(warnings), gpus=sizing.gpus, nodes=sizing.nodes,
        memory_floor_gpus=floor, days=sizing.days, days_low=sizing.days_low,
        days_high=sizing.days_high, gpu_hours=sizing.gpus * sizing.days * 24,
        meets_deadline=sizing.meets_deadline, efficiency=eff,
        gpu_hours_low=sizing.gpus * sizing.days_low * 24,
        gpu_hours_high=sizing.gpus * sizing.days_high * 24,
        lead_time_days=res.lead_time_days, calendar_days=res.lead_time_days + sizing.days,
        node_peak_dense_pflops=cfg.gpu_count * eff.peak_dense_tflops / 1000,
        node_peak_sparse_pflops=cfg.gpu_count * eff.peak_sparse_tflops / 1000,
        fabric=fabric, racks=layout, cooling=cooling, power=power, bom=bom, money=cash,
        assumptions=(
            *(a for a in res.assumptions if a.key != "rack_kw"), budget_assumption,
            *_model_assumptions(eff, cfg, gpu, floor),
            *_schedule_assumptions(sizing, res),
            Assumption("heat_rejection", cooling.heat_rejection, "", "model",
                       "how the heat leaves the building"),
            *planes.assumptions,
        ),
        storage=planes.storage, management=planes.management, availability=planes.availability,
    )


def _rack_budget(request: PlanRequest, res: Resolved, gpu: Gpu) -> tuple[float, Assumption]:
    """The request's rack budget, or the default for its cooling kind and the GPU's generation."""
    if request.facility.rack_kw is not None:
        return res.rack_kw, Assumption("rack_kw", res.rack_kw, "kW", "request", "given in the request")
    d = default(f"rack_kw.{request.facility.cooling}_{gpu.architecture}")
    return d.value, Assumption("rack_kw", d.value, d.unit, "default",
                               f"{request.facility.cooling} cooling, {gpu.architecture} GPUs: {d.note}")


def _switch_box(part_id: str, role: str, catalog: Catalog, optics_part: str | None) -> Box:
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
    if _switch_box(director, "director", catalog, fp["switch_transceiver"]).max_w \
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


def _fabric(
    cfg: Configuration, technology: str, nodes: int, rack_budget: float, request: PlanRequest,
    res: Resolved, catalog: Catalog, prices: PriceList,
) -> tuple[Fabric, TreeCounts, list[Box]]:
    """The compute fabric (a fat tree, or a director where that is cheaper) and the boxes its
    switches and the storage network's switches take in the network racks."""
    fp, eth = parts()["fabric"][technology], parts()["ethernet"]
    switch = catalog.network[fp["switch"]]
    storage = catalog.network[eth["storage_switch"]]
    fabric = plan_fabric(
        nodes=nodes, rails=cfg.compute_nics, technology=technology, switch_part=switch.id,
        radix=switch.ports, storage_radix=storage.ports,
        storage_ports_per_node=int(eth["storage_ports_per_node"]),
        ports_per_switch_transceiver=catalog.network[fp["switch_transceiver"]].ports,
    )
    tree = fat_tree(nodes, cfg.compute_nics, switch.ports)
    network_kw = min(default("facility.network_rack_kw").value, rack_budget)
    director = director_if_cheaper(tree, fabric.endpoints, technology, catalog, prices,
                                   request.finance.currency, res.exchange_rate, network_kw * 1000)
    xcvr = fp["switch_transceiver"]
    if director:
        tree = TreeCounts(1, 1, 0, 0, 0)
        fabric = replace(fabric, tiers=1, leaves=0, spines=0, cores=0, switch_cables=0,
                         switch_ports=catalog.network[director].ports, ports_used=fabric.endpoints,
                         director_part=director, directors=1)
        fabric_boxes = [_switch_box(director, "director", catalog, xcvr)]
    else:
        fabric_boxes = ([_switch_box(switch.id, "leaf", catalog, xcvr)] * tree.leaves
                        + [_switch_box(switch.id, "spine", catalog, xcvr)] * tree.spines
                        + [_switch_box(switch.id, "core", catalog, xcvr)] * tree.cores)
    others = [_switch_box(storage.id, "storage_switch", catalog, None)] * fabric.storage_switches
    return fabric, tree, fabric_boxes + others


def _rack_spec(request: PlanRequest, res: Resolved, rack_budget: float, catalog: Catalog) -> RackSpec:
    rack = catalog.racks[parts()["facility"][f"rack_{request.facility.rack_units}"]]
    return RackSpec(
        model=rack.id, units=rack.units, max_load_kg=rack.max_load_kg,
        usable_fraction=default("facility.rack_usable_fraction").value,
        reserved_units=int(default("facility.rack_reserved_units").value),
        budget_kw=rack_budget,
        network_units=int(default("facility.network_rack_units").value),
        network_kw=default("facility.network_rack_kw").value,
        row_racks=res.row_racks,
    )


def _node_box(cfg: Configuration, server: Server) -> Box:
    psu = server.psu
    inlet = psu.inlet or ("C20" if psu.watts >= default("facility.psu_c20_from_w").value else "C14")
    return Box(server.rack_units, cfg.max_power_w, server.weight_kg, role="server", part=cfg.id,
               label=f"{server.vendor} {server.model}", inlets=psu.count, inlet=inlet)


def _pdu_models(catalog: Catalog) -> list[PduModel]:
    return [PduModel(p.id, p.capacity_kw, p.c19_outlets, p.c13_outlets) for p in catalog.pdus.values()]


def _racks(
    cfg: Configuration, server: Server, nodes: int, fabric: Fabric, tree: TreeCounts,
    boxes: list[Box], rack_budget: float, request: PlanRequest, res: Resolved, catalog: Catalog,
) -> tuple[Fabric, RackLayout]:
    """Servers in compute racks, ``boxes`` (switches, storage, management) in network racks,
    PDUs; then every fabric link's cable from the layout."""
    fp = parts()["fabric"][fabric.technology]
    mgmt = _switch_box(parts()["ethernet"]["mgmt_switch"], "mgmt_switch", catalog, None)
    layout = lay_out(nodes, _node_box(cfg, server), mgmt, boxes,
                     _rack_spec(request, res, rack_budget, catalog), _pdu_models(catalog))
    if not res.buy_racks:
        layout = replace(layout, bought=False)
    xcvr = fp["switch_transceiver"]
    runs = plan_cabling(
        tree, rails=cfg.compute_nics, half=catalog.network[fabric.switch_part].ports // 2,
        layout=layout,
        geometry=Geometry(*(default(f"cabling.{k}").value
                            for k in ("in_rack_m", "rack_width_m", "row_pitch_m", "slack_m"))),
        media=_media(fp, catalog), switch_ports_per_module=catalog.network[xcvr].ports,
        leaf_role="director" if fabric.director_part else "leaf",
    )
    return replace(
        fabric, mgmt_switches=_count_role(layout, "mgmt_switch"),
        runs=runs, transceivers=sum(r.node_transceivers + r.switch_transceivers for r in runs),
    ), layout


def _racks_estimate(
    cfg: Configuration, server: Server, nodes: int, boxes: list[Box], rack_budget: float,
    request: PlanRequest, res: Resolved, catalog: Catalog,
) -> Callable[[tuple[Box, ...]], int]:
    """How many racks a layout with these extra boxes has, without laying out every compute
    rack: full compute racks, plus the network racks that laying out the boxes alone gives
    (exact unless the boxes would ride in the last compute rack)."""
    spec = _rack_spec(request, res, rack_budget, catalog)
    node = _node_box(cfg, server)
    mgmt = _switch_box(parts()["ethernet"]["mgmt_switch"], "mgmt_switch", catalog, None)
    compute_racks = math.ceil(nodes / nodes_per_rack(node, spec)[0])

    def estimate(extra: tuple[Box, ...]) -> int:
        return compute_racks + network_rack_count(boxes + list(extra), mgmt, spec)

    return estimate


def _count_role(layout: RackLayout, role: str) -> int:
    """Items of ``role`` in all racks (racks alike share their slots: each kind counted once)."""
    per_kind: dict[int, int] = {}
    total = 0
    for rack in layout.racks:
        key = id(rack.slots)
        if key not in per_kind:
            per_kind[key] = sum(1 for s in rack.slots if s.role == role)
        total += per_kind[key]
    return total


def _media(fp: dict[str, Any], catalog: Catalog) -> list[Medium]:
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


def _switch_watts(fabric: Fabric, catalog: Catalog) -> float:
    """Switches without their optics (counted apart, from the links that use them)."""
    eth = parts()["ethernet"]
    director = catalog.network[fabric.director_part].power_w * fabric.directors \
        if fabric.director_part else 0.0
    return (fabric.switches * catalog.network[fabric.switch_part].power_w + director
            + fabric.storage_switches * catalog.network[eth["storage_switch"]].power_w
            + fabric.mgmt_switches * catalog.network[eth["mgmt_switch"]].power_w)


def _optics_watts(fabric: Fabric, catalog: Catalog) -> float:
    """Switch-end transceivers and active cables. HCA-end modules are in the server's maximum."""
    fp = parts()["fabric"][fabric.technology]
    module = catalog.network[fp["switch_transceiver"]].power_w
    return sum(r.switch_transceivers * module + r.cables * catalog.network[r.cable_part].power_w
               for r in fabric.runs)


def _cooling(kind: str, layout: RackLayout, catalog: Catalog, hosting: str, res: Resolved
             ) -> CoolingPlan:
    def units(k: str) -> list[Unit]:
        return [Unit(u.id, u.capacity_kw) for u in catalog.cooling.values() if u.kind == k]

    rows: list[tuple[list[float], float]] = [([], 0.0) for _ in range(layout.rows)]
    for r in layout.racks:
        compute, other = rows[r.row - 1]
        if r.kind == "compute":
            compute.append(r.power_kw)
        else:
            rows[r.row - 1] = (compute, other + r.power_kw)
    heat = sum(r.power_kw for r in layout.racks)
    rejection = {
        "own": f"out of scope: the site's chillers, dry coolers or cooling towers must reject "
               f"{heat:.0f} kW of IT heat plus the cooling units' own power; not quoted",
        "colo": "the colocation site's plant",
        "wholesale": "the landlord's plant, built to suit",
        "cloud": "the cloud provider's",
    }[hosting]
    return plan_cooling(
        kind=kind, compute_rack_kw=[], other_kw=0.0, rows=rows,
        crah=units("crah"), rdhx=units("rdhx"), cdu=units("cdu"),
        liquid_capture=default("facility.liquid_capture").value,
        bought=res.buy_cooling, heat_rejection=rejection,
    )


def _cable_needs(runs: tuple[CableRun, ...], fp: dict[str, Any]) -> list[Need]:
    """Cables by part with where they run, and the transceivers the fibre runs need."""
    out: list[Need] = []
    for part in dict.fromkeys(r.cable_part for r in runs):
        mine = [r for r in runs if r.cable_part == part]
        note = "; ".join(f"{r.cables} {r.span} {r.ends} (up to {r.longest_m:g} m)" for r in mine)
        out.append(Need("network", part, sum(r.cables for r in mine), note))
    out.append(Need("network", fp["node_transceiver"], sum(r.node_transceivers for r in runs),
                    "one at the HCA end of every fibre link"))
    out.append(Need("network", fp["switch_transceiver"], sum(r.switch_transceivers for r in runs),
                    "at the switch ports of every fibre link"))
    return out


def _spares(needs: list[Need], items: set[str], share: float) -> list[Need]:
    """A share of the optics, cables and HCAs, rounded up, as on-site spares."""
    if share <= 0:
        return []
    counted: dict[str, int] = {}  # an item needed in several places is spared once, on its total
    for n in needs:
        if n.item in items and n.qty > 0:
            counted[n.item] = counted.get(n.item, 0) + n.qty
    return [Need("spares", item, math.ceil(qty * share - 1e-9), f"{share:.0%} of {qty}")
            for item, qty in counted.items()]


def _needs(
    cfg: Configuration, gpu: Gpu, sizing: Sizing, fabric: Fabric, layout: RackLayout,
    cooling: CoolingPlan, res: Resolved, catalog: Catalog,
) -> list[Need]:
    fp, eth = parts()["fabric"][fabric.technology], parts()["ethernet"]
    services = {s.kind: s.id for s in catalog.services.values()}
    fabric_note = (f"{fabric.tiers}-tier fat tree: {fabric.leaves} leaf, {fabric.spines} spine, "
                   f"{fabric.cores} core")
    network = [
        Need("network", fabric.switch_part, fabric.switches, fabric_note),
        *([Need("network", fabric.director_part, fabric.directors,
                "one director for every endpoint: cheaper than leaves, spines and their links")]
          if fabric.director_part else []),
        *_cable_needs(fabric.runs, fp),
    ]
    # the configured systems are their own lines (engine.money.bom.configured_system_line);
    # their HCAs count here for the spares
    hcas = [Need("compute", cfg.compute_nic, fabric.hcas, "one per rail")]
    spare_items = {cfg.compute_nic, fp["node_transceiver"], fp["switch_transceiver"],
                   *(r.cable_part for r in fabric.runs)}
    racks = [
        Need("rack_power", layout.rack_model, layout.count),
        Need("rack_power", layout.pdu_part, layout.pdus,
             f"A and B feeds, each carrying its rack alone (up to {layout.feed_kw:.1f} kW); "
             f"{layout.inlets_per_node} {layout.inlet_type} inlets a server"),
    ] if layout.bought else []
    return [
        *network,
        Need("network", eth["storage_switch"], fabric.storage_switches, "storage / front end"),
        Need("network", eth["mgmt_switch"], fabric.mgmt_switches, "one per rack"),
        *racks,
        *(Need("cooling", part, count,
               ("one per compute rack" if cooling.kind == "rdhx" and i == 0
                else f"N+1 in each of {cooling.rows} rows"))
          for i, (part, count, _kw) in enumerate(cooling.units) if cooling.bought),
        Need("services", services["install-node"], sizing.nodes),
        Need("services", services["install-rack"], layout.count),
        Need("services", services["fabric-commissioning"], fabric.switches + fabric.directors),
        Need("services", services["acceptance-node"], sizing.nodes,
             "48-hour burn-in, HPL and NCCL tests per server and across the cluster"),
        *_spares(hcas + network, spare_items, res.spares),
    ]


def _facility_warnings(
    cfg: Configuration, server: Server, fabric: Fabric, layout: RackLayout,
    request: PlanRequest, catalog: Catalog,
) -> list[Message]:
    out: list[Message] = []
    limit = default("facility.air_rack_limit_kw").value
    if request.facility.cooling == "air" and layout.max_power_kw > limit:
        out.append(Message("air-rack-limit", f"racks of up to {layout.max_power_kw:.1f} kW are past "
                                             f"the practical limit of air cooling (about {limit:g} "
                                             "kW): choose rear doors or liquid cooling"))
    one_feed = server.psu.count // 2 * server.psu.watts
    if one_feed < cfg.max_power_w:
        out.append(Message("feed-loss", f"on one feed a server keeps {server.psu.count // 2} of its "
                                        f"{server.psu.count} × {server.psu.watts:.0f} W PSUs "
                                        f"({one_feed:.0f} W), below its {cfg.max_power_w:.0f} W "
                                        "maximum: losing a feed caps its power"))
    for run in fabric.runs:
        reach = catalog.network[run.cable_part].length_m
        if run.longest_m > reach:
            out.append(Message("cable-reach", f"{run.span} runs up to {run.longest_m:g} m exceed the "
                                              f"longest cable in the catalog ({reach:g} m, "
                                              f"{run.cable_part}): longer cables, and past the "
                                              "multimode reach single-mode optics, are not quoted"))
            break
    return out


def _bill(
    request: PlanRequest, cfg: Configuration, gpu: Gpu, sizing: Sizing, fabric: Fabric,
    layout: RackLayout, cooling: CoolingPlan, planes: Planes, res: Resolved, catalog: Catalog,
    prices: PriceList,
) -> tuple[tuple[BomLine, ...], tuple[Message, ...]]:
    """Configured systems, then priced needs, open-source software and value-rated services,
    with the user's overrides applied; and the warnings the overrides raise.

    Rated services (warranty, project management, logistics) are a share of the equipment
    value, so they are rated on the equipment as the user set it."""
    currency = request.finance.currency
    if request.finance.hosting == "cloud":  # rented: nothing is bought but what the user adds
        return apply_overrides((), request.overrides, cfg.id, currency)
    needs = _needs(cfg, gpu, sizing, fabric, layout, cooling, res, catalog) + list(planes.needs)
    lines = [configured_system_line(catalog, cfg.id, sizing.nodes, prices, currency, res.exchange_rate),
             *price_lines(needs, prices, currency, res.exchange_rate),
             *open_software_lines(catalog, currency, sizing.nodes + planes.servers)]
    as_set, _ = apply_overrides(tuple(lines), request.overrides, cfg.id, currency)
    lines += rated_service_lines(catalog, currency, equipment_value(as_set), res.warranty_years)
    ordered = tuple(sorted(lines, key=lambda line: CATEGORIES.index(line.category)))  # stable
    return apply_overrides(ordered, request.overrides, cfg.id, currency)


def _warnings(
    cfg: Configuration, server: Server, gpu: Gpu, sizing: Sizing, layout: RackLayout,
    request: PlanRequest, res: Resolved, catalog: Catalog,
) -> list[Message]:
    out: list[Message] = []
    eff = sizing.efficiency
    if sizing.gpus <= sizing.memory_floor_gpus and sizing.gpus > cfg.gpu_count:
        out.append(Message("memory-bound", f"the GPU count is set by memory ({sizing.memory_floor_gpus} "
                                           "GPUs hold the model), not by the deadline"))
    if sizing.gpus > LARGEST_PUBLISHED_RUN_GPUS:
        out.append(Message("beyond-published", f"{sizing.gpus} GPUs is past the largest published "
                                               f"training run ({LARGEST_PUBLISHED_RUN_GPUS}); "
                                               "efficiency is extrapolated"))
    if request.schedule.days is not None \
            and res.lead_time_days + sizing.days_high > request.schedule.days:
        lead = (f", which with the {res.lead_time_days:g}-day lead time is"
                if res.lead_time_days else ",")
        out.append(Message("deadline-risk", f"at the low end of the efficiency band "
                                            f"(MFU {eff.mfu_low:.0%}) training takes "
                                            f"{sizing.days_high:.1f} days{lead} past the "
                                            "deadline"))
    if request.schedule.days is not None and request.schedule.lead_time_days is None \
            and res.lead_time_days == 0:
        out.append(Message("lead-time-unset", "the deadline counts training from the day of the "
                                              "order; servers ship in weeks to months, so give "
                                              "the lead time the vendor quotes"))
    if not eff.memory_fits:
        out.append(Message("memory-layout", "no tensor × pipeline × data-parallel layout holds the "
                                            "model in this many GPUs without offloading"))
    if eff.overridden and not (0.15 <= eff.mfu <= 0.65):
        out.append(Message("mfu-unusual", f"MFU {eff.mfu:.0%} is outside what published runs "
                                          "achieve (about 25–55%)"))
    if cfg.intra_node_link in ("pcie", "nvlink-bridge") and (sizing.memory_floor_gpus > 8):
        out.append(Message("pcie-large-model", "a model this large needs tensor parallelism, which "
                                               "runs slowly over PCIe and NVLink bridges"))
    if layout.limited_by != "power":
        out.append(Message("rack-limit", f"racks are filled by {layout.limited_by}, not power: "
                                         f"{layout.nodes_per_rack} servers a rack"))
    unverified = [r for r in (server, gpu, cfg) if not r.verified]
    if unverified:
        out.append(Message("unverified", "unverified catalog figures: "
                                         + ", ".join(r.id for r in unverified)))
    out.append(Message("indicative-prices", "prices are indicative: replace them with vendor quotes"))
    return out


def _model_assumptions(
    eff: EfficiencyEstimate, cfg: Configuration, gpu: Gpu, floor: int
) -> tuple[Assumption, ...]:
    facts = [
        Assumption("peak_dense_tflops", eff.peak_dense_tflops, "TFLOP/s", "catalog",
                   f"{gpu.name} dense {eff.precision} tensor peak, per GPU; plans use it"),
        Assumption("peak_sparse_tflops", eff.peak_sparse_tflops, "TFLOP/s", "catalog",
                   "2:4 sparse peak (the marketing figure), shown only"),
        Assumption("mfu", round(eff.mfu, 4), "", "request" if eff.overridden else "model",
                   "model FLOPs utilisation: " + " × ".join(f"{n} {v:.3f}" for n, v in eff.factors)),
        Assumption("mfu_band", f"{eff.mfu_low:.3f}–{eff.mfu_high:.3f}", "", "model",
                   "low and high ends of the efficiency band"),
        Assumption("intra_node_link", f"{cfg.intra_node_link} {cfg.intra_node_gbs:g} GB/s", "",
                   "catalog", "how the GPUs in a server are connected"),
        Assumption("memory_floor_gpus", floor, "GPUs", "model",
                   f"{default('memory.bytes_per_param').value:g} bytes per parameter, "
                   f"{default('memory.activation_reserve').value:.0%} of memory kept for activations"),
    ]
    return tuple(facts)


def _schedule_assumptions(sizing: Sizing, res: Resolved) -> tuple[Assumption, ...]:
    """The layout the days rest on and what the band means."""
    eff = sizing.efficiency
    low, high = band()
    out = [Assumption(
        "training_days_band", f"{sizing.days_low:.1f}–{sizing.days_high:.1f}", "days", "model",
        f"days_low–days_high: {low:.2f}–{high:.2f} × the expected days, the range that held "
        f"{band_coverage():.0%} of published training runs under leave-one-out "
        "(resources/calibration/runs.csv)")]
    if eff.layout is not None:
        lay = eff.layout
        out.append(Assumption(
            "parallel_layout", f"tp {lay.tp} × pp {lay.pp} × dp {lay.dp}", "", "model",
            f"tensor × pipeline × data parallel, micro-batch {lay.microbatch}, "
            f"{lay.recompute} recomputation"
            + (f" ({lay.recomputed_share:.0%} of layers)" if lay.recompute == "partial" else "")
            + ": the fastest layout that fits memory"))
    out.append(Assumption(
        "calendar_days", round(res.lead_time_days + sizing.days, 1), "days", "model",
        f"lead time {res.lead_time_days:g} days + {sizing.days:.1f} training days; "
        "the deadline counts these"))
    return tuple(out)


def rack_elevation(plan: Plan) -> tuple[Rack, ...]:
    """The plan's racks with what each holds (lay_out places every item), for the drawing."""
    return plan.racks.racks if plan.racks is not None else ()
