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
from engine.facility.cooling import Unit, plan_cooling
from engine.facility.elevation import Mounted, derive_slots
from engine.facility.fabric import FabricTooLarge, plan_fabric
from engine.facility.racks import Box, RackRefusal, RackSpec, lay_out, nodes_per_rack
from engine.model import (
    CATEGORIES,
    Assumption,
    BomLine,
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
from engine.money.overrides import apply_overrides
from engine.money.planes import Planes, plan_planes
from engine.money.prices import PriceList
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
        node_peak_sparse_pflops=cfg.gpu_count * gpu.sparse_tflops["bf16"] / 1000,
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

    rack_budget = res.rack_kw
    if facility.cooling == "rdhx":
        door = max((u for u in catalog.cooling.values() if u.kind == "rdhx"),
                   key=lambda u: u.capacity_kw)
        if door.capacity_kw < rack_budget:
            rack_budget = door.capacity_kw
            warnings.append(Message(
                "rdhx-budget", f"rack budget lowered from {res.rack_kw:g} kW to the rear door's "
                f"{door.capacity_kw:g} kW"))

    try:
        fabric = _fabric(cfg, nic.technology, sizing.nodes, catalog)
        # racks are laid out once with storage and management equipment in them
        planes = plan_planes(
            request, res, need, cfg.gpu, sizing.gpus, sizing.nodes, fabric,
            _racks_estimate(cfg, server, sizing.nodes, fabric, rack_budget, request, catalog),
            server.vendor,
            catalog, parts(),
            lambda extra: _network_and_racks(cfg, server, nic.technology, sizing.nodes,
                                             rack_budget, request, catalog, extra)[1],
        )
        layout = planes.layout
        fabric = replace(fabric, mgmt_switches=layout.count)  # one management switch a rack
    except (RackRefusal, FabricTooLarge) as exc:
        return _refused(cfg, server, gpu, Message("racks", str(exc)))

    switch_w = _switch_watts(fabric, catalog) + planes.power_w
    it_max = (sizing.nodes * cfg.max_power_w + switch_w) / 1000
    it_typical = (sizing.nodes * cfg.typical_power_w + switch_w) / 1000
    power = PowerPlan(
        it_max_kw=it_max, it_typical_kw=it_typical, pue=res.pue, facility_kw=it_typical * res.pue,
        energy_per_run_mwh=it_typical * res.pue * sizing.days * 24 / 1000,
    )
    cooling = _cooling(facility.cooling, layout, catalog)
    bom, override_warnings = _bill(request, cfg, gpu, sizing, fabric, layout, cooling, planes, res,
                                   catalog, prices)
    warnings += override_warnings
    eff = sizing.efficiency
    cash = money(
        bom=bom, currency=request.finance.currency, discount_rate=request.finance.discount,
        vat_rate=res.vat, facility_kw=power.facility_kw, power_price=res.power_price,
        years=res.years, warranty_years=res.warranty_years, maintenance_rate=res.maintenance_rate,
        colo_rent_kw_month=res.colo_rent_kw_month if request.finance.hosting == "colo" else None,
        rack_budget_kw=rack_budget, racks=layout.count,
        energy_per_run_mwh=power.energy_per_run_mwh,
        delivered_pflops=sizing.gpus * eff.delivered_tflops / 1000,
    )
    warnings += _warnings(cfg, server, gpu, sizing, layout, request, res, catalog)
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
        assumptions=res.assumptions + _model_assumptions(eff, cfg, gpu, floor)
        + _schedule_assumptions(sizing, res) + planes.assumptions,
        storage=planes.storage, management=planes.management, availability=planes.availability,
    )


def _fabric(cfg: Configuration, technology: str, nodes: int, catalog: Catalog) -> Fabric:
    fp, eth = parts()["fabric"][technology], parts()["ethernet"]
    switch = catalog.network[fp["switch"]]
    return plan_fabric(
        nodes=nodes, rails=cfg.compute_nics, technology=technology, switch_part=switch.id,
        radix=switch.ports, storage_radix=catalog.network[eth["storage_switch"]].ports,
        storage_ports_per_node=int(eth["storage_ports_per_node"]),
        ports_per_switch_transceiver=catalog.network[fp["switch_transceiver"]].ports,
    )


def _rack_spec(request: PlanRequest, rack_budget: float, catalog: Catalog) -> RackSpec:
    rack = catalog.racks[parts()["facility"][f"rack_{request.facility.rack_units}"]]
    return RackSpec(
        model=rack.id, units=rack.units, max_load_kg=rack.max_load_kg,
        usable_fraction=default("facility.rack_usable_fraction").value,
        reserved_units=int(default("facility.rack_reserved_units").value),
        budget_kw=rack_budget,
        network_units=int(default("facility.network_rack_units").value),
        network_kw=default("facility.network_rack_kw").value,
    )


def _racks_estimate(
    cfg: Configuration, server: Server, nodes: int, fabric: Fabric, rack_budget: float,
    request: PlanRequest, catalog: Catalog,
) -> Callable[[tuple[Box, ...]], int]:
    """How many racks a layout with these extra boxes has, without laying out every compute
    rack: full compute racks, plus the network racks that laying out the boxes alone gives
    (exact unless the boxes would ride in the last compute rack)."""
    spec = _rack_spec(request, rack_budget, catalog)
    mgmt = catalog.network[parts()["ethernet"]["mgmt_switch"]]
    node, mgmt_box = (Box(server.rack_units, cfg.max_power_w, server.weight_kg),
                      Box(mgmt.rack_units, mgmt.power_w, mgmt.weight_kg))
    compute_racks = math.ceil(nodes / nodes_per_rack(node, mgmt_box, spec)[0])
    fabric_boxes = _fabric_boxes(fabric, catalog)
    pdus = [(p.id, p.capacity_kw) for p in catalog.pdus.values()]

    def estimate(extra: tuple[Box, ...]) -> int:
        return compute_racks + lay_out(0, node, mgmt_box, fabric_boxes + list(extra), spec, pdus).count

    return estimate


def _fabric_boxes(fabric: Fabric, catalog: Catalog) -> list[Box]:
    switch = catalog.network[fabric.switch_part]
    storage = catalog.network[parts()["ethernet"]["storage_switch"]]
    return ([Box(switch.rack_units, switch.power_w, switch.weight_kg)] * fabric.switches
            + [Box(storage.rack_units, storage.power_w, storage.weight_kg)] * fabric.storage_switches)


def _network_and_racks(
    cfg: Configuration, server: Server, technology: str, nodes: int, rack_budget: float,
    request: PlanRequest, catalog: Catalog, extra: tuple[Box, ...] = (),
) -> tuple[Fabric, RackLayout]:
    mgmt = catalog.network[parts()["ethernet"]["mgmt_switch"]]
    fabric = _fabric(cfg, technology, nodes, catalog)
    spec = _rack_spec(request, rack_budget, catalog)
    switches = _fabric_boxes(fabric, catalog) + list(extra)  # and storage and management gear
    layout = lay_out(
        nodes, Box(server.rack_units, cfg.max_power_w, server.weight_kg),
        Box(mgmt.rack_units, mgmt.power_w, mgmt.weight_kg), switches, spec,
        [(p.id, p.capacity_kw) for p in catalog.pdus.values()],
    )
    return replace(fabric, mgmt_switches=layout.count), layout


def _switch_watts(fabric: Fabric, catalog: Catalog) -> float:
    eth = parts()["ethernet"]
    return (fabric.switches * catalog.network[fabric.switch_part].power_w
            + fabric.storage_switches * catalog.network[eth["storage_switch"]].power_w
            + fabric.mgmt_switches * catalog.network[eth["mgmt_switch"]].power_w)


def _cooling(kind: str, layout: RackLayout, catalog: Catalog) -> CoolingPlan:
    def units(k: str) -> list[Unit]:
        return [Unit(u.id, u.capacity_kw) for u in catalog.cooling.values() if u.kind == k]

    return plan_cooling(
        kind=kind,
        compute_rack_kw=[r.power_kw for r in layout.racks if r.kind == "compute"],
        other_kw=sum(r.power_kw for r in layout.racks if r.kind == "network"),
        crah=units("crah"), rdhx=units("rdhx"), cdu=units("cdu"),
        liquid_capture=default("facility.liquid_capture").value,
    )


def _needs(
    cfg: Configuration, gpu: Gpu, sizing: Sizing, fabric: Fabric, layout: RackLayout,
    cooling: CoolingPlan, res: Resolved, catalog: Catalog,
) -> list[Need]:
    fp, eth = parts()["fabric"][fabric.technology], parts()["ethernet"]
    services = {s.kind: s.id for s in catalog.services.values()}
    node_xcvr = fabric.endpoints
    return [
        Need("network", fabric.switch_part, fabric.switches,
             f"{fabric.tiers}-tier fat tree: {fabric.leaves} leaf, {fabric.spines} spine, "
             f"{fabric.cores} core"),
        Need("network", fp["cable"], fabric.node_cables + fabric.switch_cables),
        Need("network", fp["node_transceiver"], node_xcvr),
        Need("network", fp["switch_transceiver"], fabric.transceivers - node_xcvr),
        Need("network", eth["storage_switch"], fabric.storage_switches, "storage / front end"),
        Need("network", eth["mgmt_switch"], fabric.mgmt_switches, "one per rack"),
        Need("rack_power", layout.rack_model, layout.count),
        Need("rack_power", layout.pdu_part, layout.pdus, "A and B feed in every rack"),
        *(Need("cooling", part, count, "N+1" if cooling.kind != "rdhx" or i else "one per compute rack")
          for i, (part, count, _kw) in enumerate(cooling.units)),
        Need("services", services["install-node"], sizing.nodes),
        Need("services", services["install-rack"], layout.count),
        Need("services", services["fabric-commissioning"], fabric.switches),
        Need("services", services["acceptance-node"], sizing.nodes,
             "48-hour burn-in, HPL and NCCL tests per server and across the cluster"),
    ]


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


def rack_elevation(plan: Plan, catalog: Catalog) -> tuple[Rack, ...]:
    """The plan's racks with what each holds, for the elevation drawing.

    Racks that carry slots keep them; the others get slots derived from their
    counts (engine.facility.elevation) with the catalog's parts this plan built with.
    """
    layout, fabric = plan.racks, plan.fabric
    if layout is None or fabric is None:
        return ()
    if all(r.slots for r in layout.racks):
        return layout.racks
    cfg = catalog.configuration(plan.config)
    server = catalog.servers[cfg.server]
    eth = parts()["ethernet"]

    def switch(part_id: str, role: str) -> Mounted:
        part = catalog.network[part_id]
        return Mounted(part.rack_units, part.power_w, part.weight_kg, role, part.id,
                       part.name.split(",")[0])

    node = Mounted(server.rack_units, cfg.max_power_w, server.weight_kg, "server", cfg.id, plan.server)
    boxes = ([switch(fabric.switch_part, "leaf")] * fabric.leaves
             + [switch(fabric.switch_part, "spine")] * fabric.spines
             + [switch(fabric.switch_part, "core")] * fabric.cores
             + [switch(eth["storage_switch"], "storage_switch")] * fabric.storage_switches)
    pdu = catalog.pdus[layout.pdu_part]
    return derive_slots(layout, node, switch(eth["mgmt_switch"], "mgmt_switch"), boxes,
                        Mounted(0, 0.0, 0.0, "pdu", pdu.id, pdu.name.split(",")[0]), pdu.capacity_kw)
