"""The assumptions a plan states about the model it trains and the schedule it keeps; their
notes are catalogue sentences (resources/i18n/<lang>/assumed.ftl)."""

from __future__ import annotations

import re
from functools import cache

from engine.assumptions import default
from engine.catalog import Configuration, Gpu
from engine.compute.efficiency import band, band_coverage
from engine.compute.sizing import Sizing
from engine.i18n import t
from engine.model import Assumption, EfficiencyEstimate
from engine.resolve import Resolved


def _factors(eff: EfficiencyEstimate, lang: str) -> str:
    """The MFU's factors and their values, named in ``lang``."""
    return " × ".join(f"{_factor_name(n, lang)} {v:.3f}" for n, v in eff.factors)


@cache
def _factor_name(text: str, lang: str) -> str:
    """A factor's name in ``lang``: a handful of names, written for every plan."""
    return t("assumed.factor", lang, name=re.sub(r"[^a-z]+", "-", text.lower()), text=text)


def model_assumptions(
    eff: EfficiencyEstimate, cfg: Configuration, gpu: Gpu, floor: int
) -> tuple[Assumption, ...]:
    goodput = (Assumption.said("goodput", round(eff.goodput, 4), "", "model", "assumed.goodput",
                               team=eff.team)
               if eff.goodput_modelled else
               Assumption.said("goodput", round(eff.goodput, 4), "", "request", "assumed.given"))
    facts = [
        Assumption.said("peak_dense_tflops", eff.peak_dense_tflops, "TFLOP/s", "catalog",
                        "assumed.peak-dense", gpu=gpu.name, precision=eff.precision),
        Assumption.said("peak_sparse_tflops", eff.peak_sparse_tflops, "TFLOP/s", "catalog",
                        "assumed.peak-sparse"),
        Assumption.said("mfu", round(eff.mfu, 4), "", "request" if eff.overridden else "model",
                        "assumed.mfu", factors=_factors(eff, "en"), factors_zh=_factors(eff, "zh")),
        Assumption.said("mfu_band", f"{eff.mfu_low:.3f}–{eff.mfu_high:.3f}", "", "model",
                        "assumed.mfu-band"),
        goodput,
        Assumption.said("intra_node_link", f"{cfg.intra_node_link} {cfg.intra_node_gbs:g} GB/s",
                        "", "catalog", "assumed.intra-node"),
        Assumption.said("memory_floor_gpus", floor, "GPUs", "model", "assumed.memory-floor",
                        bytes=f"{default('memory.bytes_per_param').value:g}",
                        reserve=f"{default('memory.activation_reserve').value:.0%}"),
    ]
    return tuple(facts)


def schedule_assumptions(sizing: Sizing, res: Resolved) -> tuple[Assumption, ...]:
    """The layout the days rest on and what the band means."""
    eff = sizing.efficiency
    measured = eff.calibration is not None or eff.overridden
    low, high = band(eff.team, measured)
    out = [Assumption.said(
        "training_days_band", f"{sizing.days_low:.1f}–{sizing.days_high:.1f}", "days", "model",
        "assumed.days-band", low=f"{low:.2f}", high=f"{high:.2f}",
        coverage=f"{band_coverage(eff.team, measured):.0%}", runs="resources/calibration/runs.csv")]
    if eff.calibration is not None:
        out.append(Assumption.said("measured_calibration", round(eff.calibration, 3), "",
                                   "request", "assumed.calibration"))
    if eff.layout is not None:
        lay = eff.layout
        out.append(Assumption.said(
            "parallel_layout", f"tp {lay.tp} × pp {lay.pp} × dp {lay.dp}", "", "model",
            "assumed.layout", microbatch=lay.microbatch, recompute=lay.recompute,
            share=f"{lay.recomputed_share:.0%}"))
    lead = res.lead_time_days
    out.append(Assumption.said(
        "calendar_days", round(lead + sizing.days, 1), "days", "model", "assumed.calendar-days",
        lead=f"{lead:g}", days=f"{sizing.days:.1f}"))
    out.append(Assumption.said(
        "calendar_days_p50_p90", f"{lead + sizing.days_p50:.1f} / {lead + sizing.days_high:.1f}",
        "days", "model", "assumed.calendar-p50-p90", confidence=f"{sizing.confidence:.0%}",
        at=f"{lead + sizing.days_at_confidence:.1f}"))
    return tuple(out)
