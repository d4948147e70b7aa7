"""The assumptions a plan states about the model it trains and the schedule it keeps."""

from __future__ import annotations

from engine.assumptions import default
from engine.catalog import Configuration, Gpu
from engine.compute.efficiency import band, band_coverage
from engine.compute.sizing import Sizing
from engine.model import Assumption, EfficiencyEstimate
from engine.resolve import Resolved


def model_assumptions(
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
                   "MFU at P90 and P10 of the training days"),
        Assumption("goodput", round(eff.goodput, 4), "", "model" if eff.goodput_modelled
                   else "request", "share of wall-clock time that trains: interruptions grow with "
                   f"GPUs × days, each costs the {eff.team} team's restart and lost work, "
                   "checkpoints stall training (resources/efficiency.toml [goodput], [team])"
                   if eff.goodput_modelled else "given in the request"),
        Assumption("intra_node_link", f"{cfg.intra_node_link} {cfg.intra_node_gbs:g} GB/s", "",
                   "catalog", "how the GPUs in a server are connected"),
        Assumption("memory_floor_gpus", floor, "GPUs", "model",
                   f"{default('memory.bytes_per_param').value:g} bytes per parameter, "
                   f"{default('memory.activation_reserve').value:.0%} of memory kept for activations"),
    ]
    return tuple(facts)


def schedule_assumptions(sizing: Sizing, res: Resolved) -> tuple[Assumption, ...]:
    """The layout the days rest on and what the band means."""
    eff = sizing.efficiency
    measured = eff.calibration is not None or eff.overridden
    low, high = band(eff.team, measured)
    out = [Assumption(
        "training_days_band", f"{sizing.days_low:.1f}–{sizing.days_high:.1f}", "days", "model",
        f"days_low–days_high: {low:.2f}–{high:.2f} × the expected days, the range that held "
        f"{band_coverage(eff.team, measured):.0%} of published training runs under "
        "leave-one-out (resources/calibration/runs.csv)")]
    if eff.calibration is not None:
        out.append(Assumption(
            "measured_calibration", round(eff.calibration, 3), "", "request",
            "the team's measured MFU over the model's for the same run: it scales the MFU"))
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
        f"lead time {res.lead_time_days:g} days + {sizing.days:.1f} training days"))
    out.append(Assumption(
        "calendar_days_p50_p90",
        f"{res.lead_time_days + sizing.days_p50:.1f} / {res.lead_time_days + sizing.days_high:.1f}",
        "days", "model", f"lead time + P50 and P90 training days; the fleet is sized so that "
        f"lead time + {sizing.confidence:.0%}-quantile days "
        f"({res.lead_time_days + sizing.days_at_confidence:.1f}) fit the deadline"))
    return tuple(out)
