"""Plans and comparisons as plain JSON-ready dicts (numbers stay numbers)."""

from __future__ import annotations

import math
from dataclasses import asdict
from typing import Any

from engine.compute.estimate import Estimate
from engine.model import (
    Comparison,
    ComputeNeed,
    EfficiencyEstimate,
    Layout,
    MarketStatus,
    Message,
    Plan,
    RackLayout,
    RackSlot,
    StoragePlan,
)

REFUSED_NULLS = (
    "precision", "peak_dense_tflops", "peak_sparse_tflops", "mfu", "mfu_low", "mfu_high", "goodput",
    "mfu_factors", "delivered_tflops_per_gpu", "it_power_kw", "it_typical_kw", "pue",
    "facility_power_kw", "energy_per_run_mwh", "cooling", "cooling_capacity_kw", "rack_power_kw",
    "rack_layout", "network", "capex", "tco", "cost_per_pf_day", "money", "layout", "storage",
    "management", "facility_typical_kw", "optics_kw",
)


def _num(value: float) -> float | None:
    return value if math.isfinite(value) else None


def _message(message: Message) -> dict[str, str]:
    """A message as JSON: its code and English text (its figures are in the text)."""
    return {"code": message.code, "text": message.text}


def _without_notes(line: dict[str, Any]) -> dict[str, Any]:
    """A BOM line as JSON: its note is the English text; the codes behind it stay inside."""
    line.pop("notes", None)
    return line


def layout_dict(layout: Layout | None) -> dict[str, Any] | None:
    return None if layout is None else asdict(layout)


def workload_dict(need: ComputeNeed) -> dict[str, Any]:
    return {
        "label": need.label, "flops": need.flops, "pf_days": need.pf_days,
        "pretrain_flops": need.pretrain_flops, "runs": need.runs,
        "finetune_flops": need.finetune_flops, "tuning_flops": need.tuning_flops,
        "params": need.params, "tokens": need.tokens, "moe": need.moe,
    }


def plan_dict(plan: Plan) -> dict[str, Any]:
    eff, fabric, racks, cooling, power, money = (
        plan.efficiency, plan.fabric, plan.racks, plan.cooling, plan.power, plan.money)
    out: dict[str, Any] = {
        "config": plan.config, "vendor": plan.vendor, "server": plan.server, "gpu": plan.gpu,
        "gpu_name": plan.gpu_name, "gpus_per_node": plan.gpus_per_node,
        "feasible": plan.feasible,
        "refusals": [_message(m) for m in plan.refusals],
        "warnings": [_message(m) for m in plan.warnings],
        "node_peak_dense_pflops": plan.node_peak_dense_pflops,
        "node_peak_sparse_pflops": plan.node_peak_sparse_pflops,
        "availability": availability_dict(plan.availability),
        "gpus": plan.gpus, "nodes": plan.nodes, "memory_floor_gpus": plan.memory_floor_gpus,
        "racks": racks.count if racks else 0,
        "days": plan.days, "days_low": plan.days_low, "days_high": plan.days_high,
        "gpu_hours": plan.gpu_hours, "meets_deadline": plan.meets_deadline,
        "currency": money.currency if money else None,
        "gpu_hours_low": plan.gpu_hours_low, "gpu_hours_high": plan.gpu_hours_high,
        "lead_time_days": plan.lead_time_days, "calendar_days": plan.calendar_days,
        **_quantiles(plan),
        "confidence": plan.confidence, "days_at_confidence": plan.days_at_confidence,
    }
    if eff is not None:
        out.update({
            "precision": eff.precision, "peak_dense_tflops": eff.peak_dense_tflops,
            "peak_sparse_tflops": eff.peak_sparse_tflops, "mfu": eff.mfu,
            "mfu_low": eff.mfu_low, "mfu_high": eff.mfu_high, "goodput": eff.goodput,
            "mfu_factors": dict(eff.factors), "delivered_tflops_per_gpu": eff.delivered_tflops,
            "layout": layout_dict(eff.layout), **_team(eff),
        })
    if not plan.feasible or power is None or cooling is None or racks is None \
            or fabric is None or money is None:
        # a refused plan keeps every key of the contract, with nothing to report in it
        out.update({k: None for k in REFUSED_NULLS if k not in out})
        out.update({"bom": [], "assumptions": [], "tco_by_year": []})
        return out
    out.update({
        "it_power_kw": power.it_max_kw, "it_typical_kw": power.it_typical_kw, "pue": power.pue,
        "facility_power_kw": power.facility_max_kw, "energy_per_run_mwh": power.energy_per_run_mwh,
        "facility_typical_kw": power.facility_kw, "optics_kw": power.optics_kw,
        "cooling": {"kind": cooling.kind, "heat_kw": cooling.heat_kw,
                    "units": [{"part": p, "count": n, "capacity_kw": kw} for p, n, kw in cooling.units],
                    "btu_per_hour": cooling.btu_per_hour, "tons": cooling.tons,
                    "rows": cooling.rows, "bought": cooling.bought,
                    "heat_rejection": cooling.heat_rejection},
        "cooling_capacity_kw": cooling.capacity_kw,
        "rack_power_kw": racks.max_power_kw,
        "rack_layout": {
            "rack_model": racks.rack_model, "rack_units": racks.rack_units,
            "budget_kw": racks.budget_kw, "nodes_per_rack": racks.nodes_per_rack,
            "limited_by": racks.limited_by, "pdus": racks.pdus, "pdu_part": racks.pdu_part,
            **_racks_dict(racks),
            "rows": racks.rows, "row_racks": racks.row_racks,
            "inlets_per_node": racks.inlets_per_node, "inlet_type": racks.inlet_type,
            "feed_kw": racks.feed_kw, "bought": racks.bought,
        },
        "network": {**asdict(fabric), "switches": fabric.switches,
                    "cables": fabric.node_cables + fabric.switch_cables},
        "capex": money.capex, "tco": money.tco, "tco_by_year": list(money.tco_by_year),
        "cost_per_pf_day": _num(money.cost_per_pf_day),
        "money": {
            "subtotals": dict(money.subtotals), "hardware": money.hardware,
            "services": money.services, "discount_rate": money.discount_rate,
            "discount": money.discount, "net": money.net, "vat_rate": money.vat_rate,
            "vat_rate_services": money.vat_rate_services, "vat": money.vat,
            "energy_per_year": money.energy_per_year,
            "maintenance_per_year": list(money.maintenance_per_year),
            "hosting_per_year": money.hosting_per_year, "years": money.years,
            "energy_per_run": money.energy_per_run,
            "hosting": money.hosting, "contracted_kw": money.contracted_kw,
            "cloud_rate_per_gpu_hour": money.cloud_rate, "cloud_per_run": money.cloud_per_run,
            "cloud_per_year": money.cloud_per_year,
        },
        "bom": [{**_without_notes(asdict(line)), "description": line.description_en, "total": line.total}
                for line in plan.bom],
        "assumptions": [asdict(a) for a in plan.assumptions],
        "storage": storage_dict(plan.storage),
        "management": asdict(plan.management) if plan.management else None,
    })
    return out


def _racks_dict(layout: RackLayout) -> dict[str, Any]:
    """Every rack, with what it holds as an index into ``contents``: racks alike (most of a
    large hall) share one list of slots, so the JSON stays small."""
    contents: dict[tuple[RackSlot, ...], int] = {}
    racks = []
    for rack in layout.racks:
        fields = {k: v for k, v in asdict(rack).items() if k != "slots"}
        racks.append({**fields, "contents": contents.setdefault(rack.slots, len(contents))})
    return {"racks": racks, "contents": [[asdict(s) for s in slots] for slots in contents]}


def storage_dict(storage: StoragePlan | None) -> dict[str, Any] | None:
    """The storage tier; ``parts`` as {id, count} records; None when no storage is bought."""
    if storage is None:
        return None
    out = asdict(storage)
    out["parts"] = [{"part": part, "count": count} for part, count in storage.parts if count]
    return out


def availability_dict(status: MarketStatus | None) -> dict[str, Any] | None:
    if status is None:
        return None
    return {**asdict(status), "restricted": status.restricted, "group": status.group}


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    rec = comparison.recommendation
    return {
        "workload": workload_dict(comparison.compute),
        "deadline_days": comparison.request.schedule.days,
        "fleet_gpus": comparison.request.schedule.gpus,
        "price_list": comparison.price_list,
        "prices_indicative": True,
        "recommendation": asdict(rec),
        "plans": [plan_dict(p) for p in comparison.plans],
        "overrides": [asdict(o) for o in comparison.request.overrides],
    }


def estimate_dict(est: Estimate) -> dict[str, Any]:
    eff = est.efficiency
    return {
        "workload": workload_dict(est.compute),
        "flops": est.compute.flops, "pf_days": est.compute.pf_days,
        "gpu": est.gpu, "gpu_name": est.gpu_name, "gpus": est.gpus,
        "precision": eff.precision, "peak_dense_tflops": eff.peak_dense_tflops,
        "peak_sparse_tflops": eff.peak_sparse_tflops,
        "mfu": eff.mfu, "mfu_low": eff.mfu_low, "mfu_high": eff.mfu_high,
        "mfu_factors": dict(eff.factors), "goodput": eff.goodput,
        "delivered_tflops_per_gpu": eff.delivered_tflops,
        "days": est.days, "days_low": est.days_low, "days_high": est.days_high,
        "gpu_hours": est.gpu_hours, "memory_floor_gpus": est.memory_floor_gpus,
        "layout": layout_dict(est.layout),
        "gpu_hours_low": est.gpu_hours_low, "gpu_hours_high": est.gpu_hours_high,
        "lead_time_days": est.lead_time_days, "calendar_days": est.calendar_days,
        **_quantiles(est), **_team(eff),
        "confidence": est.confidence, "days_at_confidence": est.days_at_confidence,
    }


def _quantiles(x: Plan | Estimate) -> dict[str, float]:
    """P10/P50/P90 of training days, GPU-hours and calendar days (lead time + training)."""
    return {
        "days_p10": x.days_p10, "days_p50": x.days_p50, "days_p90": x.days_p90,
        "gpu_hours_p10": x.gpu_hours_p10, "gpu_hours_p50": x.gpu_hours_p50,
        "gpu_hours_p90": x.gpu_hours_p90,
        "calendar_days_p10": x.lead_time_days + x.days_p10,
        "calendar_days_p50": x.calendar_days_p50, "calendar_days_p90": x.calendar_days_p90,
    }


def _team(eff: EfficiencyEstimate) -> dict[str, Any]:
    return {"team": eff.team, "measured_calibration": eff.calibration,
            "goodput_modelled": eff.goodput_modelled}


def finite(data: Any) -> Any:
    """``data`` with every float that is not finite replaced by None: strict JSON has no NaN."""
    if isinstance(data, float):
        return _num(data)
    if isinstance(data, dict):
        return {k: finite(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [finite(v) for v in data]
    return data
