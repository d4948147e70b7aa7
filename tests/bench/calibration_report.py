"""Print the efficiency model's error against every published run in calibration.md.

    uv run python tests/bench/calibration_report.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "engine"))

from calibration_runs import DEEPSEEK_V3, RUNS, deepseek_gpu_hours, predicted_mfu


def main() -> None:
    print(f"{'run':34} {'GPUs':>5} {'published':>9} {'engine':>7} {'error':>7}  {'band':>11}  in band")
    for run in RUNS:
        mfu, low, high = predicted_mfu(run)
        error = mfu / run.published_mfu - 1
        inside = "yes" if low <= run.published_mfu <= high else "NO"
        print(f"{run.name:34} {run.gpus:5d} {run.published_mfu:9.1%} {mfu:7.1%} {error:+7.1%}"
              f"  {low:5.1%}-{high:5.1%}  {inside}")
    hours = deepseek_gpu_hours(goodput=1.0)
    print(f"\nDeepSeek-V3 pre-training (MoE, FP8, 2048 H800): published "
          f"{DEEPSEEK_V3['gpu_hours'] / 1e6:.3f}M GPU-hours, engine {hours / 1e6:.3f}M "
          f"({hours / DEEPSEEK_V3['gpu_hours'] - 1:+.1%}) at goodput 1.0")


if __name__ == "__main__":
    main()
