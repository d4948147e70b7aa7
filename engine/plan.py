"""One configuration, one request: compute need -> GPUs -> nodes -> fabric -> racks ->
cooling -> power -> bill of materials -> money, with warnings and refusals."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from functools import cache, partial
from typing import Any

from engine.assumptions import default
from engine.catalog import Catalog, Configuration, Gpu, Server
from engine.compute.efficiency import NodeTraits, estimate, gpu_traits
from engine.compute.sizing import Sizing, memory_floor_gpus, size_for_deadline, size_for_fleet
from engine.errors import RequestError
from engine.facility.cooling import Unit, plan_cooling
from engine.facility.elevation import Mounted, derive_slots
from engine.facility.fabric import FabricTooLarge, plan_fabric
from engine.facility.racks import Box, RackRefusal, RackSpec, lay_out
from engine.model import (
    Assumption,
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
from engine.money.bom import Need, price_lines
from engine.money.prices import PriceList
from engine.money.totals import money
from engine.resolve import Resolved
from engine.resources import resource_path

LARGEST_PUBLISHED_RUN_GPUS = 16_384  # Llama 3 405B on 16K H100 (calibration.md)


@cache
def parts() -> dict[str, Any]:
    with resource_path("parts.toml").open("rb") as fh:
        return tomllib.load(fh)


def traits_of(cfg: Configuration, gpu: Gpu) -> NodeTraits:
    return gpu_traits(gpu, link=cfg.intra_node_link, link_gbs=cfg.intra_node_gbs,
                      nics_per_gpu=cfg.compute_nics / cfg.gpu_count)


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
    traits = traits_of(cfg, gpu)
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
        sizing = size_for_deadline(need.flops, res.days, cfg.gpu_count, floor,
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
        fabric, layout = _network_and_racks(cfg, server, nic.technology, sizing.nodes,
                                            rack_budget, request, catalog)
    except (RackRefusal, FabricTooLarge) as exc:
        return _refused(cfg, server, gpu, Message("racks", str(exc)))

    switch_w = _switch_watts(fabric, catalog)
    it_max = (sizing.nodes * cfg.max_power_w + switch_w) / 1000
    it_typical = (sizing.nodes * cfg.typical_power_w + switch_w) / 1000
    power = PowerPlan(
        it_max_kw=it_max, it_typical_kw=it_typical, pue=res.pue, facility_kw=it_typical * res.pue,
        energy_per_run_mwh=it_typical * res.pue * sizing.days * 24 / 1000,
    )
    cooling = _cooling(facility.cooling, layout, catalog)
    bom = price_lines(_needs(cfg, gpu, sizing, fabric, layout, cooling, res, catalog),
                      prices, request.finance.currency, res.exchange_rate)
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
    return Plan(
        config=cfg.id, vendor=server.vendor, server=f"{server.vendor} {server.model}",
        gpu=gpu.id, gpu_name=gpu.name, gpus_per_node=cfg.gpu_count, feasible=True, refusals=(),
        warnings=tuple(warnings), gpus=sizing.gpus, nodes=sizing.nodes,
        memory_floor_gpus=floor, days=sizing.days, days_low=sizing.days_low,
        days_high=sizing.days_high, gpu_hours=sizing.gpus * sizing.days * 24,
        meets_deadline=sizing.meets_deadline, efficiency=eff,
        node_peak_dense_pflops=cfg.gpu_count * eff.peak_dense_tflops / 1000,
        node_peak_sparse_pflops=cfg.gpu_count * eff.peak_sparse_tflops / 1000,
        fabric=fabric, racks=layout, cooling=cooling, power=power, bom=bom, money=cash,
        assumptions=res.assumptions + _model_assumptions(eff, cfg, gpu, floor),
    )


def _network_and_racks(
    cfg: Configuration, server: Server, technology: str, nodes: int, rack_budget: float,
    request: PlanRequest, catalog: Catalog,
) -> tuple[Fabric, RackLayout]:
    fp, eth = parts()["fabric"][technology], parts()["ethernet"]
    switch = catalog.network[fp["switch"]]
    storage = catalog.network[eth["storage_switch"]]
    mgmt = catalog.network[eth["mgmt_switch"]]
    fabric = plan_fabric(
        nodes=nodes, rails=cfg.compute_nics, technology=technology, switch_part=switch.id,
        radix=switch.ports, storage_radix=storage.ports,
        storage_ports_per_node=int(eth["storage_ports_per_node"]),
        ports_per_switch_transceiver=catalog.network[fp["switch_transceiver"]].ports,
    )
    rack = catalog.racks[parts()["facility"][f"rack_{request.facility.rack_units}"]]
    spec = RackSpec(
        model=rack.id, units=rack.units, max_load_kg=rack.max_load_kg,
        usable_fraction=default("facility.rack_usable_fraction").value,
        reserved_units=int(default("facility.rack_reserved_units").value),
        budget_kw=rack_budget,
        network_units=int(default("facility.network_rack_units").value),
        network_kw=default("facility.network_rack_kw").value,
    )
    switches = ([Box(switch.rack_units, switch.power_w, switch.weight_kg)] * fabric.switches
                + [Box(storage.rack_units, storage.power_w, storage.weight_kg)] * fabric.storage_switches)
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
        Need("compute", cfg.id, sizing.nodes, "base system without GPUs and compute HCAs"),
        Need("compute", gpu.id, sizing.gpus),
        Need("compute", cfg.compute_nic, fabric.hcas, "one per rail"),
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
        Need("services", services["warranty-node-year"], sizing.nodes * res.warranty_years,
             f"{res.warranty_years} years × {sizing.nodes} servers"),
        Need("services", services["fabric-commissioning"], fabric.switches),
    ]


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
    if request.schedule.days is not None and sizing.days_high > request.schedule.days:
        out.append(Message("deadline-risk", f"at the low end of the efficiency band "
                                            f"(MFU {eff.mfu_low:.0%}) training takes "
                                            f"{sizing.days_high:.1f} days, past the deadline"))
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
