"""Print the performance model against every published run in resources/calibration/runs.csv:
predicted and published GPU-hours, the leave-one-out error, and the same errors of three
baselines (flat 50% MFU, NeMo's 140 TFLOP/s per A100, the model before issue 13), then the fit
and the band.

    uv run python tests/bench/calibration_report.py
"""

from __future__ import annotations

from engine.compute.parameters import value
from tests.engine.calibration_runs import (
    BASELINES,
    band,
    baseline_gpu_hours,
    fit,
    fitted_runs,
    leave_one_out,
    runs,
    summary,
)

NAMES = {"flat50": "flat 50% MFU", "nemo140": "NeMo 140 TFLOP/s/A100", "previous": "previous model"}


def _hours(h: float) -> str:
    return f"{h / 1e6:.3f}M" if h >= 1e6 else f"{h / 1e3:.1f}k"


def main() -> None:
    loo = leave_one_out()
    print("GPU-hours of each published run; errors = predicted / published − 1, the model's under "
          "leave-one-out\n(each run predicted by the model fitted on all the others).\n")
    header = (f"{'run':26} {'GPUs':>6} {'published':>9} {'model':>9} {'LOO err':>8} | "
              + " ".join(f"{b:>9}" for b in BASELINES) + "  layout")
    print(header)
    print("-" * len(header))
    errors: dict[str, list[float]] = {b: [] for b in ("model", *BASELINES)}
    for p in loo:
        run = p.run
        errors["model"].append(p.error)
        cells = []
        for b in BASELINES:
            e = baseline_gpu_hours(run, b) / run.published_gpu_hours - 1
            errors[b].append(e)
            cells.append(f"{e:+9.1%}")
        lay = p.layout
        print(f"{run.id:26} {run.gpus:6d} {_hours(run.published_gpu_hours):>9} "
              f"{_hours(p.gpu_hours):>9} {p.error:+8.1%} | {' '.join(cells)}  "
              f"{lay.tp}×{lay.pp}×{lay.dp} mb{lay.microbatch} {lay.recompute}"
              + (f" {lay.recomputed_share:.0%}" if lay.recompute == "partial" else ""))
    print("\nOn the runs the model was not fitted to (leave-one-out), "
          f"{len(loo)} runs:")
    print(f"{'':24} {'median |err|':>12} {'worst |err|':>12} {'mean err':>9}")
    for name, errs in errors.items():
        median, worst, mean = summary(errs)
        print(f"{NAMES.get(name, 'this model'):24} {median:12.1%} {worst:12.1%} {mean:+9.1%}")

    eta, comm = fit(fitted_runs())
    print(f"\nFitted on all {len(fitted_runs())} runs: software efficiency η = {eta:.2f} "
          f"(efficiency.toml {value('fit', 'software_efficiency'):.2f}), bandwidth efficiency "
          f"c = {comm:.2f} (efficiency.toml {value('fit', 'bandwidth_efficiency'):.2f})")
    tail, low, high, coverage = band(loo)
    print(f"Band: published / predicted GPU-hours from {low:.2f} to {high:.2f} (the "
          f"{tail:.0%}-{1 - tail:.0%} percentiles under leave-one-out, the narrowest that holds "
          f"80%; efficiency.toml {value('band', 'low'):.2f}-{value('band', 'high'):.2f}); it held "
          f"{coverage:.0%} of the runs when each run's band came from the other runs")
    excluded = [r for r in runs() if r.use != "fit"]
    for r in excluded:
        print(f"Excluded: {r.id}: {r.source}")


if __name__ == "__main__":
    main()
