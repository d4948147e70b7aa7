"""Print the performance model against every published run in resources/calibration/runs.csv:
predicted and published GPU-hours, the leave-one-out error, the same errors of three baselines
(flat 40% MFU, flat 50% MFU, the model before issue 18), by run kind and by team profile, the
share of runs inside P10-P90 and P50-P90, the held-out runs apart, then the fit.

    uv run python tests/bench/calibration_report.py            # print
    uv run python tests/bench/calibration_report.py --write    # also write residuals.csv
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from engine.compute.parameters import value
from engine.compute.team import MIN_SAME_KIND, TEAMS, profile
from engine.resources import resource_path
from tests.engine.calibration_runs import (
    BASELINES,
    Prediction,
    baseline_gpu_hours,
    coverage,
    fit,
    fitted_runs,
    held_out,
    leave_one_out,
    modelled,
    runs,
    scatter_of,
    summary,
)

NAMES = {"model": "this model", "flat40": "flat 40% MFU", "flat50": "flat 50% MFU",
         "previous": "previous model"}


def _hours(h: float) -> str:
    return f"{h / 1e6:.3f}M" if h >= 1e6 else f"{h / 1e3:.1f}k"


def errors_of(predictions: tuple[Prediction, ...]) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"model": [p.error for p in predictions]}
    for b in BASELINES:
        out[b] = [baseline_gpu_hours(p.run, b) / p.run.published_gpu_hours - 1 for p in predictions]
    return out


def table(title: str, predictions: tuple[Prediction, ...]) -> None:
    if not predictions:
        return
    print(f"\n{title} ({len(predictions)} runs)")
    print(f"  {'':16} {'median |err|':>12} {'worst |err|':>12} {'mean err':>9}")
    for name, errs in errors_of(predictions).items():
        median, worst, mean = summary(errs)
        print(f"  {NAMES[name]:16} {median:12.1%} {worst:12.1%} {mean:+9.1%}")


def rows(predictions: tuple[Prediction, ...]) -> None:
    header = (f"{'run':20} {'kind':10} {'team':8} {'GPUs':>6} {'published':>9} {'model':>9} "
              f"{'err':>7} | " + " ".join(f"{b:>8}" for b in BASELINES) + "  layout")
    print(header)
    print("-" * len(header))
    for p in predictions:
        run, lay = p.run, p.layout
        cells = " ".join(f"{baseline_gpu_hours(run, b) / run.published_gpu_hours - 1:+8.1%}"
                         for b in BASELINES)
        print(f"{run.id:20} {run.kind:10} {run.team:8} {run.gpus:6d} "
              f"{_hours(run.published_gpu_hours):>9} {_hours(p.gpu_hours):>9} {p.error:+7.1%} | "
              f"{cells}  {lay.tp}×{lay.pp}×{lay.dp} mb{lay.microbatch} {lay.recompute}")


def write_residuals(loo: tuple[Prediction, ...], held: tuple[Prediction, ...]) -> Path:
    lines = ["# Leave-one-out residuals of the performance model: log(published / predicted",
             "# GPU-hours) of each run of runs.csv predicted by the model fitted without it",
             "# (split=holdout: by the model fitted on all fit runs, never on it). Plans read their",
             "# P10/P50/P90 and the confidence they are sized for from the fit rows of their team",
             "# profile (engine/compute/team.py). Written by tests/bench/calibration_report.py --write.",
             "id,kind,team,split,log_ratio"]
    lines += [f"{p.run.id},{p.run.kind},{p.run.team},{p.run.split},{p.log_ratio:.5f}"
              for p in (*loo, *held)]
    path = Path(str(resource_path("calibration/residuals.csv")))
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, path)  # never half a file
    return path


def main() -> None:
    loo = leave_one_out()
    held = held_out()
    print("GPU-hours of each published run; errors = predicted / published − 1, the model's under "
          "leave-one-out\n(each run predicted by the model fitted on all the others). Baselines: "
          "flat MFU and the previous\nmodel, with the old flat 0.9 goodput on production runs.\n")
    rows(loo)
    table("Leave-one-out, all fit runs", loo)
    for kind in ("hero", "production"):
        table(f"Leave-one-out, {kind} runs", tuple(p for p in loo if p.run.kind == kind))
    for team in TEAMS:
        table(f"Leave-one-out, team profile {team}", tuple(p for p in loo if p.run.team == team))

    print("\nShare of runs inside their profile's band (each run's band from the other runs; a band is")
    print("the wider of the profile's Student-t interval and the pooled scatter of the run's kind):")
    for kind in ("hero", "production"):
        scatter = scatter_of(loo, kind)
        sd = (sum(x * x for x in scatter) / max(1, len(scatter) - 1)) ** 0.5
        print(f"  {kind} runs scatter about their profile's mean with σ = {sd:.2f} "
              f"(log-ratio, {len(scatter)} runs)")
    print(f"  {'':24} {'P10-P90':>8} {'P50-P90':>8}")
    groups = {"all": loo, **{k: tuple(p for p in loo if p.run.kind == k)
                             for k in ("hero", "production")},
              **{f"team {t}": tuple(p for p in loo if p.run.team == t) for t in TEAMS}}
    for name, group in groups.items():
        if group:
            inside = [p for p in loo if p in group]
            c1 = _share(inside, loo, 0.10, 0.90)
            c2 = _share(inside, loo, 0.50, 0.90)
            print(f"  {name:24} {c1:8.0%} {c2:8.0%}")

    if held:
        print("\nHeld-out runs (split=holdout, never fitted on):")
        rows(held)
        table("Held-out", held)
        print(f"  inside P10-P90: {coverage(held, 0.1, 0.9, MIN_SAME_KIND, loo):.0%}, "
              f"inside P50-P90: {coverage(held, 0.5, 0.9, MIN_SAME_KIND, loo):.0%}")

    f = fit()
    print(f"\nFitted on all {len(fitted_runs())} fit runs: κ = {f.kappa:g} (efficiency.toml "
          f"{value('fit', 'small_gemm'):g}), fixed step cost {f.overhead_s:g} s (efficiency.toml "
          f"{value('fit', 'step_overhead_s'):g} s)")
    for team, eta in f.etas.items():
        stored = profile(team)
        print(f"  η {team:9} = {eta:.2f} (efficiency.toml {stored.software_efficiency:.2f}), "
              f"production stall {f.stalls[team]:.3f} (efficiency.toml "
              f"{stored.production_stall:.3f}), {sum(r.team == team for r in fitted_runs())} runs")
    for r in runs():
        if r.use != "fit":
            print(f"Excluded: {r.id}: {r.source}")
        elif not modelled(r):
            print(f"Not modelled (GPU {r.gpu} not in the catalog): {r.id}")
    if "--write" in sys.argv:
        print(f"\nWrote {write_residuals(loo, held)}")


def _share(group: list[Prediction], loo: tuple[Prediction, ...], low: float, high: float) -> float:
    """Coverage of ``group`` with each run's band from all the other leave-one-out runs."""
    inside = 0
    for p in group:
        k = loo.index(p)
        inside += coverage((p,), low, high, MIN_SAME_KIND, loo[:k] + loo[k + 1:]) == 1
    return inside / len(group)


if __name__ == "__main__":
    main()
