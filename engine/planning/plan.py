"""One configuration, one request: the planning steps in order, with warnings and refusals.

GPUs (gpus.py) -> rack budget (budget.py) -> fabric (fabric.py) -> storage and management
(storage_management.py) -> racks (racks.py) -> power (power.py) -> cooling (cooling.py)
-> bill of materials (bill.py) -> money (engine.money) -> warnings and assumptions.
"""

from __future__ import annotations

from dataclasses import replace

from engine.catalog import Catalog, Configuration, Gpu, Server
from engine.facility.fabric import FabricTooLarge
from engine.facility.racks import RackRefusal
from engine.lead_times import default_lead_time
from engine.model import ComputeNeed, Message, Plan, PlanRequest
from engine.money.cloud import cloud_rates
from engine.money.prices import PriceList
from engine.money.totals import money
from engine.planning.assumed import model_assumptions, schedule_assumptions
from engine.planning.bill import bill
from engine.planning.budget import rack_budget
from engine.planning.cooling import cooling as plan_cooling
from engine.planning.cooling import heat_rejection
from engine.planning.fabric import plan_compute_fabric, service_leaves_warning
from engine.planning.gpus import Sized, size_gpus
from engine.planning.market import gpu_market
from engine.planning.power import plan_power
from engine.planning.racks import place
from engine.planning.storage_management import size_equipment, storage_management
from engine.planning.warnings import facility_warnings, plan_warnings
from engine.resolve import Resolved


def _refused(cfg: Configuration, server: Server, gpu: Gpu, *reasons: Message) -> Plan:
    return Plan(
        config=cfg.id, vendor=server.vendor, server=f"{server.vendor} {server.model}",
        gpu=gpu.id, gpu_name=gpu.name, gpus_per_node=cfg.gpu_count, feasible=False,
        refusals=reasons, warnings=(),
        node_peak_dense_pflops=cfg.gpu_count * gpu.dense_tflops["bf16"] / 1000,
        node_peak_sparse_pflops=cfg.gpu_count * gpu.sparse_tflops.get("bf16", 0.0) / 1000,
    )


def lead_time_for(request: PlanRequest, res: Resolved, architecture: str) -> Resolved:
    """``res`` with the default lead time of this GPU generation in the buyer's market, unless
    the request gave one (resources/lead_times.toml)."""
    if request.schedule.lead_time_days is not None:
        return res
    lead = default_lead_time(architecture, request.finance.market)
    kept = tuple(a for a in res.assumptions if a.key != "lead_time_days")
    return replace(res, lead_time_days=lead.days, assumptions=(
        *kept, lead.assumption()))


def plan_configuration(
    request: PlanRequest, cfg_id: str, need: ComputeNeed, res: Resolved,
    catalog: Catalog, prices: PriceList,
) -> Plan:
    cfg = catalog.configuration(cfg_id)
    server, gpu = catalog.servers[cfg.server], catalog.gpus[cfg.gpu]
    nic = catalog.network[cfg.compute_nic]
    facility = request.facility
    warnings: list[Message] = []

    if facility.cooling == "liquid" and server.cooling != "liquid":
        return _refused(cfg, server, gpu, Message.of(
            "cooling-kind", server=f"{server.model} {server.variant}", server_zh=server.name_zh,
            cooling=server.cooling,
        ))
    if server.cooling == "liquid" and facility.cooling != "liquid":
        # its heat leaves in coolant: air units alone cannot take it (fix: cooling = liquid)
        return _refused(cfg, server, gpu, Message.of(
            "liquid-needs-loop", server=f"{server.vendor} {server.model}", server_zh=server.name_zh,
            cooling=facility.cooling, fix="cooling = liquid",
        ))
    res = lead_time_for(request, res, gpu.architecture)
    sized = size_gpus(cfg, gpu, need, res, request.schedule.precision, catalog,
                      request.efficiency)
    if not isinstance(sized, Sized):
        return _refused(cfg, server, gpu, sized)
    sizing, floor = sized.sizing, sized.floor
    warnings += sized.warnings

    rack_kw, budget_assumption = rack_budget(request, res, gpu)
    if facility.cooling == "rdhx":
        door = max((u for u in catalog.cooling.values() if u.kind == "rdhx"),
                   key=lambda u: u.capacity_kw)
        if door.capacity_kw < rack_kw:
            warnings.append(Message.of("rdhx-budget", budget=rack_kw, door=door.capacity_kw))
            rack_kw = door.capacity_kw

    hosting = request.finance.hosting
    rate = cloud_rates().get(gpu.id)
    cloud_rate = rate.rate(request.finance.currency, res.exchange_rate) if rate else 0.0
    if hosting == "cloud" and rate is None:
        return _refused(cfg, server, gpu, Message.of(
            "cloud-rate", gpu=gpu.name))
    try:
        fp = plan_compute_fabric(cfg, nic.technology, sizing.nodes, rack_kw, request, res,
                                 catalog, prices)
        warnings += service_leaves_warning(fp, sizing.nodes, cfg.compute_nics)
        market = gpu_market(request, catalog, cfg.gpu)
        equipment = size_equipment(request, need, sizing.gpus, sizing.nodes, fp.fabric,
                                   server.vendor, catalog)
        fabric, layout = place(cfg, server, sizing.nodes, fp, equipment, rack_kw, request, res,
                               catalog)
    except (RackRefusal, FabricTooLarge) as exc:
        return _refused(cfg, server, gpu,
                        Message.of("racks", why=exc.text("en"), why_zh=exc.text("zh")))
    planes = storage_management(equipment, layout, request, res, fabric, sizing.gpus, catalog)

    power = plan_power(sizing.nodes, cfg.typical_power_w, fabric, layout, planes.power_w,
                       res.pue, sizing.days, catalog)
    cooling = plan_cooling(facility.cooling, layout, catalog, hosting, res)
    bom, override_warnings = bill(request, cfg, sizing, fabric, layout, cooling, planes, res,
                                  catalog, prices, power)
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
    warnings += plan_warnings(cfg, server, gpu, sizing, layout, request, res)
    if hosting != "cloud":  # the provider's racks, power and cables
        warnings += facility_warnings(cfg, server, fabric, layout, request, catalog)
    if hosting == "own" and not res.ups:  # the buyer's own hall: say what the plant must supply
        warnings.append(Message.of("plant-out-of-scope", it_kw=power.it_max_kw,
                                   facility_kw=power.facility_max_kw))
    # market availability first: it can stop a purchase
    warnings = [*market.warnings, *planes.warnings, *warnings]
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
        days_p10=sizing.days_low, days_p50=sizing.days_p50, days_p90=sizing.days_high,
        confidence=sizing.confidence, days_at_confidence=sizing.days_at_confidence,
        node_peak_dense_pflops=cfg.gpu_count * eff.peak_dense_tflops / 1000,
        node_peak_sparse_pflops=cfg.gpu_count * eff.peak_sparse_tflops / 1000,
        fabric=fabric, racks=layout, cooling=cooling, power=power, bom=bom, money=cash,
        assumptions=(
            *res.assumptions, budget_assumption,
            *model_assumptions(eff, cfg, gpu, floor),
            *schedule_assumptions(sizing, res),
            heat_rejection(hosting, layout),
            *market.assumptions, *planes.assumptions,
        ),
        storage=planes.storage, management=planes.management, availability=market.status,
    )
