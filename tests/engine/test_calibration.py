"""The efficiency model against published runs (shared/reference/calibration.md).

`uv run python tests/bench/calibration_report.py` prints every error.
"""

from __future__ import annotations

import pytest
from calibration_runs import DEEPSEEK_V3, RUNS, Run, deepseek_gpu_hours, predicted_mfu

from engine.compare import compare
from engine.model import Efficiency, PlanRequest, Schedule, Workload


@pytest.mark.parametrize("run", [r for r in RUNS if r.era == "current"], ids=lambda r: r.name)
def test_current_software_runs_within_12_percent(run: Run) -> None:
    expected, _, _ = predicted_mfu(run)
    assert expected == pytest.approx(run.published_mfu, rel=0.12)


@pytest.mark.parametrize("run", RUNS, ids=lambda r: r.name)
def test_every_published_run_lies_inside_the_band(run: Run) -> None:
    _, low, high = predicted_mfu(run)
    assert low <= run.published_mfu <= high


def test_efficiency_falls_as_the_cluster_grows() -> None:
    # Megatron README on H100: 47% at 96 GPUs, 42% at 4608
    small = next(r for r in RUNS if r.name.endswith("96 GPUs"))
    large = next(r for r in RUNS if r.name.endswith("4608 GPUs"))
    assert predicted_mfu(large)[0] < predicted_mfu(small)[0]


def test_deepseek_v3_gpu_hours_within_20_percent() -> None:
    # 6 × 37e9 × 14.8e12 = 3.29e24 FLOPs; published 2.664M H800 GPU-hours of pre-training
    assert deepseek_gpu_hours(goodput=1.0) == pytest.approx(DEEPSEEK_V3["gpu_hours"], rel=0.20)


def test_megatron_2021_days_are_inside_the_planned_band() -> None:
    # Narayanan et al.: 175B on 300B tokens, 1536 A100s, 141 TFLOP/s with recomputation:
    # days = 8 × 174.6e9 × 300e9 / (1536 × 141e12 × 86400) = 22.4 (the paper says 23)
    published_days = 8 * 174.6e9 * 300e9 / (1536 * 141e12 * 86_400)
    assert round(published_days) == 22
    request = PlanRequest(Workload(preset="gpt3-175b"), Schedule(gpus=1536),
                          Efficiency(goodput=1.0), configs=("inspur-nf5688m6-a100",))
    plan = compare(request).plans[0]
    assert plan.days_low <= published_days <= plan.days_high
