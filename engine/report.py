"""Plain-text tables for the command line. Every figure says its unit and which peak it is."""

from __future__ import annotations

from typing import Any

from engine.compute.estimate import Estimate
from engine.model import PF_DAY_FLOPS, Comparison, ComputeNeed, Layout

SYMBOL = {"CNY": "¥", "USD": "$"}


def text_table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "(nothing)"
    heads = list(rows[0])
    cells = [[_cell(r.get(h)) for h in heads] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(heads)]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if _numeric(v) else v.ljust(w)
                         for v, w in zip(values, widths, strict=True)).rstrip()

    return "\n".join([line(heads), line(["-" * w for w in widths]), *map(line, cells)])


def _numeric(text: str) -> bool:
    return bool(text) and (text[0].isdigit() or text[0] in "¥$-") and text != "-"


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 1e6 else f"{value:,.0f}"
    return str(value)


def money_text(value: float, currency: str) -> str:
    return f"{SYMBOL.get(currency, '')}{value:,.0f}"


def compute_text(need: ComputeNeed) -> str:
    parts = [f"Workload: {need.label}"]
    parts.append(f"  compute: {need.flops:.3e} FLOPs = {need.pf_days:,.1f} PF/s-days"
                 f" (6 FLOPs per parameter per token)")
    if need.runs > 1 or need.finetune_flops or need.tuning_flops:
        parts.append(f"  = {need.runs} pre-training run(s) × {need.pretrain_flops:.3e}"
                     f" + fine-tuning {need.finetune_flops:.3e} + tuning/RLHF {need.tuning_flops:.3e}")
    return "\n".join(parts)


def comparison_table(comparison: Comparison) -> str:
    s = comparison.request.schedule
    lines = [compute_text(comparison.compute)]
    when = f"deadline {s.days:g} days" if s.days else f"fleet of {s.gpus} GPUs"
    lines.append(f"Schedule: {when}, precision {s.precision}" + _lead_text(comparison))
    lines.append(_confidence_text(comparison))
    rows = []
    for p in comparison.plans:
        if not p.feasible:
            rows.append({"config": p.config, "vendor": p.vendor, "feasible": False, "gpus": None,
                         "nodes": None, "racks": None, "days": None, "calendar P50/P90": None,
                         "MFU %": None,
                         "IT kW": None, "capex": None, "TCO": None, "facility kW": None,
                         "rent TCO": None})
            continue
        assert p.efficiency and p.power and p.money and p.racks
        cur = p.money.currency
        rows.append({
            "config": p.config, "vendor": p.vendor, "feasible": True, "gpus": p.gpus,
            "nodes": p.nodes, "racks": p.racks.count,
            "days": f"{p.days:.1f} ({p.days_low:.0f}-{p.days_high:.0f})",
            "calendar P50/P90": f"{p.calendar_days_p50:.0f}/{p.calendar_days_p90:.0f}",
            "MFU %": f"{100 * p.efficiency.mfu:.1f}",
            "IT kW": f"{p.power.it_max_kw:,.0f}",
            "capex": money_text(p.money.capex, cur), "TCO": money_text(p.money.tco, cur),
            "facility kW": f"{p.power.facility_max_kw:,.0f}",
            "rent TCO": (money_text(p.money.cloud_per_year * p.money.years, cur)
                         if p.money.cloud_rate else "n/a"),
        })
    lines += ["", text_table(rows), ""]
    lines.append("days: expected training days (P10-P90); calendar P50/P90: lead time + the "
                 "training days half and nine in ten such runs finish within; MFU of the dense peak; "
                 "IT kW at maximum draw; capex with VAT; TCO over "
                 f"{_years(comparison)} years; facility kW = IT maximum × PUE; rent TCO: the same "
                 "GPUs rented from a cloud all year at the hourly rate in resources/prices/cloud.csv.")
    rec = comparison.recommendation
    scope = f" among {len(rec.scope)} {rec.scope_group}" if rec.scope_group else ""
    if rec.only:
        lines.append(f"Recommended{scope}: {rec.only}, the only one: named, not ranked")
    else:
        lines.append(f"Recommended{scope}: cheapest meeting the deadline: "
                     f"{rec.cheapest_meeting_deadline or 'none'}; fastest: {rec.fastest or 'none'}; "
                     f"lowest TCO: {rec.lowest_tco or 'none'}")
    lines += [f"Caveat: {text}" for text in rec.caveats]
    lines += [f"Not recommended: {config}: {why}" for config, why in rec.skipped]
    if rec.note:
        lines.append(f"Note: {rec.note}")
    for p in comparison.plans:
        notes = [m.text for m in p.refusals] or [m.text for m in p.warnings
                                                 if m.code != "indicative-prices"]
        if notes:
            lines.append(f"  {p.config}: " + "; ".join(notes))
    lines.append(f"Prices are indicative ({comparison.price_list}); replace them with vendor quotes.")
    return "\n".join(lines)


def _confidence_text(comparison: Comparison) -> str:
    """The team profile the days are for, and the confidence the fleet was sized for."""
    plan = next((p for p in comparison.plans if p.feasible and p.efficiency), None)
    if plan is None or plan.efficiency is None:
        return "Team: no feasible plan"
    eff = plan.efficiency
    team = f"Team: {eff.team}" + (" (calibrated on the team's measured run)"
                                  if eff.calibration is not None else "")
    if comparison.request.schedule.days is None:
        return team + "; a fixed fleet: the days are its P10-P90"
    return (team + f"; fleets sized so that the deadline holds with {plan.confidence:.0%} "
            "confidence (meets deadline: lead time + training days at that probability)")


def _lead_text(comparison: Comparison) -> str:
    lead = next((p.lead_time_days for p in comparison.plans if p.feasible), None)
    if lead is None:
        return ""
    return (f", lead time {lead:g} days before training starts"
            + (f" ({comparison.request.schedule.days - lead:g} training days)"
               if comparison.request.schedule.days else ""))


def _layout_text(layout: Layout | None) -> str:
    if layout is None:
        return "given MFU: no layout modelled"
    return (f"tp {layout.tp} × pp {layout.pp} × dp {layout.dp}, micro-batch {layout.microbatch}, "
            f"{layout.recompute} recomputation"
            + (f" ({layout.recomputed_share:.0%} of layers)" if layout.recompute == "partial" else ""))


def _years(comparison: Comparison) -> int:
    for p in comparison.plans:
        if p.money:
            return p.money.years
    return 0


def estimate_table(est: Estimate) -> str:
    eff = est.efficiency
    return "\n".join([
        compute_text(est.compute),
        f"GPUs: {est.gpus} × {est.gpu_name} (a typical 8-GPU server)",
        f"Peak per GPU: {eff.peak_dense_tflops:g} TFLOP/s dense {eff.precision} (planned on); "
        f"{eff.peak_sparse_tflops:g} sparse (marketing, not used)",
        f"Team: {eff.team}" + (f", calibrated on the measured run (× {eff.calibration:.2f})"
                               if eff.calibration is not None else ""),
        f"MFU: {eff.mfu:.1%} (P90-P10 of days: {eff.mfu_low:.1%}-{eff.mfu_high:.1%}); "
        f"goodput {eff.goodput:.0%}" + ("; MFU given by the user" if eff.overridden else ""),
        f"Layout: {_layout_text(est.layout)}",
        f"Days to train: {est.days:,.1f} expected; P10 {est.days_p10:,.1f}, P50 {est.days_p50:,.1f}, "
        f"P90 {est.days_p90:,.1f}; at {est.confidence:.0%} confidence {est.days_at_confidence:,.1f}",
        f"Calendar days with a lead time of {est.lead_time_days:g} days: {est.calendar_days:,.1f} "
        f"expected, P50 {est.calendar_days_p50:,.1f}, P90 {est.calendar_days_p90:,.1f}",
        f"GPU-hours: {est.gpu_hours:,.0f}; P10 {est.gpu_hours_p10:,.0f}, P50 {est.gpu_hours_p50:,.0f}, "
        f"P90 {est.gpu_hours_p90:,.0f}",
        *([f"Warning: {est.gpus} GPUs cannot hold the model; at least {est.memory_floor_gpus} needed"]
          if est.gpus < est.memory_floor_gpus else []),
    ])


def catalog_rows(section: str, *, market: str = "CN", date: str | None = None) -> list[dict[str, Any]]:
    from engine.catalog import load_catalog

    catalog = load_catalog()
    if section == "availability":
        return availability_rows(catalog, market, date)
    if section == "gpus":
        import datetime as dt

        from engine.money.availability import market_status

        today = dt.date.today().isoformat()
        return [{
            "id": g.id, "name": g.name, "form": g.form_factor, "memory_gb": g.memory_gb,
            "bf16_dense_tflops": g.dense_tflops.get("bf16"),
            "bf16_sparse_tflops": g.sparse_tflops.get("bf16"),
            "fp8_dense_tflops": g.dense_tflops.get("fp8"), "link": g.link,
            "link_gbs": g.link_gbs, "tdp_w": g.tdp_w, "verified": g.verified,
            "china_today": market_status(catalog, g.id, "CN", today).status,
        } for g in catalog.gpus.values()]
    if section == "configs":
        from engine.catalog import server_peaks

        rows = []
        for c in catalog.configurations.values():
            server, gpu = catalog.servers[c.server], catalog.gpus[c.gpu]
            rows.append({
                "id": c.id, "vendor": server.vendor, "server": f"{server.model} ({server.variant})",
                "gpus": f"{c.gpu_count} × {gpu.name}",
                "node_pflops_dense_bf16": round(c.gpu_count * gpu.dense_tflops["bf16"] / 1000, 3),
                "node_pflops_sparse_bf16": round(c.gpu_count * gpu.sparse_tflops.get("bf16", 0.0) / 1000, 3),
                "units": server.rack_units, "max_kw": c.max_power_w / 1000, "verified": c.verified,
                "peaks": server_peaks(c, gpu), "price_missing": list(c.price_missing),
            })
        return rows
    if section == "presets":
        from engine.compute.workload import load_presets

        return [{"id": p.id, "name": p.name, "params": p.params, "tokens": p.tokens,
                 "pf_days": p.flops / PF_DAY_FLOPS, "source": p.source}
                for p in load_presets().values()]
    from engine.money.prices import load_price_list

    prices = load_price_list()
    return [{"item": e.item, "vendor": e.vendor, "part_number": e.part_number,
             "unit_price": e.unit_price, "currency": e.currency, "date": e.date,
             "confidence": e.confidence, "source": e.source}
            for e in prices.entries.values()]


def availability_rows(catalog: Any, market: str, date: str | None) -> list[dict[str, Any]]:
    """One row per GPU: both gates in ``market`` on ``date`` (today if None), dated and sourced."""
    import datetime as dt

    from engine.errors import RequestError
    from engine.money.availability import buyer, market_status

    try:
        code, as_of = buyer(market, date, dt.date.today())
    except RequestError as exc:  # the catalog command's flags are --market and --date
        flag = "--date" if exc.field == "finance.purchase_date" else "--market"
        raise RequestError(flag, exc.value, exc.said or exc.allowed) from None
    rows = []
    for gpu in catalog.gpus.values():
        s = market_status(catalog, gpu.id, code, as_of)
        dates = [d for d in (s.export_since, s.import_since) if d]
        sources = [f"export: {s.source}" + ("" if s.verified or not s.source else " (unverified)")
                   if s.source else "export: no rule recorded",
                   f"import: {s.import_source}" if s.import_source else "import: no rule recorded"]
        rows.append({
            "gpu": gpu.id, "name": gpu.name, "market": code, "as_of": as_of,
            "export_status": s.export_status, "export_since": s.export_since,
            "import_status": s.import_status, "import_since": s.import_since,
            "group": s.group, "since": max(dates) if dates else None,
            "fee": s.fee or None, "source": "; ".join(sources),
            "rules": len(s.history),
        })
    return rows
