"""Team profiles, measured calibration, quantiles of the days and the confidence a fleet is sized
for: through the engine, the command line and plan files."""

from __future__ import annotations

import io
import json
import math
from contextlib import redirect_stderr, redirect_stdout

import pytest

from engine.cli import main
from engine.compute.estimate import estimate
from engine.compute.team import (
    band_quantile,
    centred_scatter,
    kind_scatter,
    predictive_quantile,
    ratio_at,
    residuals,
    spread,
)
from engine.errors import RequestError
from engine.model import Efficiency, PlanRequest, Schedule, Workload
from engine.planfile import plan_from_json, plan_to_json

SEVEN_B = Workload(params=7e9, tokens=1e12)


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def test_the_prediction_interval_by_hand() -> None:
    # log-ratios 0, 0.1, 0.2, 0.3: mean 0.15, s = 0.1291; P90 = mean + t(0.9, 3) · s · √(1 + 1/4)
    # with t(0.9, 3) = 1.638 (tables): 0.15 + 1.638 × 0.1291 × 1.1180 = 0.3864
    assert predictive_quantile([0.0, 0.1, 0.2, 0.3], 0.9) == pytest.approx(0.3864, abs=0.002)
    assert predictive_quantile([0.0, 0.1, 0.2, 0.3], 0.5) == pytest.approx(0.15)
    with pytest.raises(ValueError):
        predictive_quantile([0.0, 0.1], 0.9)


def test_the_pooled_scatter_by_hand() -> None:
    # profile a: 0 and 0.2 about 0.1, ±0.1 × √(2/1) = ±0.1414; profile b: 1.0 and 1.4 about 1.2,
    # ±0.2 × √2 = ±0.2828; profile c has one run and no scatter of its own
    pairs = [("a", 0.0), ("a", 0.2), ("b", 1.0), ("b", 1.4), ("c", 5.0)]
    assert centred_scatter(pairs) == pytest.approx((-0.2828, -0.1414, 0.1414, 0.2828), abs=1e-4)


def test_the_band_is_the_wider_of_the_two_estimates_by_hand() -> None:
    runs = [0.0, 0.1, 0.2, 0.3]  # Student-t: P10 = 0.15 − 0.2364 = −0.0864, P90 = 0.3864
    wide = tuple(x / 10 for x in range(-4, 5))  # nine runs of the kind, −0.4 … 0.4 about their means
    # P90: the ⌈0.9 × 10⌉ = 9th of 9, 0.4; 0.15 + 0.4 × √(1 + 1/4) = 0.5972, wider than 0.3864
    assert band_quantile(runs, wide, 0.9) == pytest.approx(0.5972, abs=1e-4)
    # P10: the ⌊0.1 × 10⌋ = 1st, −0.4; 0.15 − 0.4472 = −0.2972, below −0.0864
    assert band_quantile(runs, wide, 0.1) == pytest.approx(-0.2972, abs=1e-4)
    assert band_quantile(runs, wide, 0.5) == pytest.approx(0.15)  # the centre stays
    # a kind whose runs scatter little never narrows the profile's own band
    narrow = tuple(x / 100 for x in range(-4, 5))
    assert band_quantile(runs, narrow, 0.9) == pytest.approx(predictive_quantile(runs, 0.9))
    assert band_quantile(runs, narrow, 0.1) == pytest.approx(predictive_quantile(runs, 0.1))


def test_plans_read_a_band_at_least_as_wide_as_the_student_t_one() -> None:
    assert len(kind_scatter("production")) >= 15  # every production fit run of a profile of two+
    for team in ("tuned", "typical", "first-run"):
        for q in (0.8, 0.9, 0.95):
            assert ratio_at(team, q) >= math.exp(predictive_quantile(spread(team), q)) - 1e-12
            assert ratio_at(team, 1 - q) <= math.exp(predictive_quantile(spread(team), 1 - q))


def test_estimate_gives_p10_p50_p90_and_a_slower_team_takes_longer() -> None:
    days = {}
    for team in ("tuned", "typical", "first-run"):
        est = estimate(SEVEN_B, "h100-sxm5-80gb", 256, efficiency=Efficiency(team=team))  # type: ignore[arg-type]
        assert est.efficiency.team == team
        assert est.days_p10 < est.days_p50 < est.days_p90
        assert est.days_p50 == pytest.approx(est.days * ratio_at(team, 0.5), rel=1e-9)
        assert est.gpu_hours_p90 == pytest.approx(256 * est.days_p90 * 24)
        assert est.calendar_days_p90 == pytest.approx(est.lead_time_days + est.days_p90)
        days[team] = est.days_p50
    assert days["tuned"] < days["typical"] < days["first-run"]


def test_a_measured_run_sets_the_teams_level_by_hand() -> None:
    # 3100 tokens/s per H100 on a 7B model: 6 × 7e9 × 3100 / 989e12 = 13.2% MFU. Measured on the
    # same model and GPU count as planned, the plan's MFU is that figure (goodput apart).
    measured = Efficiency(measured_tokens_per_s=3100, measured_params=7e9, measured_gpus=256,
                          measured_gpu="h100-sxm5-80gb")
    est = estimate(SEVEN_B, "h100-sxm5-80gb", 256, efficiency=measured)
    assert est.efficiency.mfu == pytest.approx(6 * 7e9 * 3100 / 989e12, rel=1e-9)
    assert est.efficiency.calibration is not None
    plain = estimate(SEVEN_B, "h100-sxm5-80gb", 256)
    # the band narrows to the model's own error between configurations
    assert est.days_p90 / est.days_p10 < plain.days_p90 / plain.days_p10
    assert est.days_p50 == pytest.approx(est.days, rel=1e-9)  # centred on the measured level
    # ... read from every tuned fit run's residual, about their mean
    tuned = [r.log_ratio for r in residuals() if r.team == "tuned" and r.split == "fit"]
    assert len(spread("typical", measured=True)) == len(tuned)
    assert sum(spread("typical", measured=True)) == pytest.approx(0, abs=1e-9)


@pytest.mark.parametrize(("efficiency", "field"), [
    (Efficiency(measured_mfu=0.3, measured_params=7e9), "efficiency.measured_gpus"),
    (Efficiency(measured_mfu=0.3, measured_tokens_per_s=100, measured_params=7e9,
                measured_gpus=8, measured_gpu="h100-sxm5-80gb"), "efficiency.measured_mfu"),
    (Efficiency(measured_tokens_per_s=1e6, measured_params=7e9, measured_gpus=8,
                measured_gpu="h100-sxm5-80gb"), "efficiency.measured_tokens_per_s"),
    (Efficiency(measured_mfu=0.3, measured_params=7e9, measured_gpus=8, measured_gpu="x100"),
     "efficiency.measured_gpu"),
])
def test_a_bad_measured_run_names_its_field(efficiency: Efficiency, field: str) -> None:
    with pytest.raises(RequestError) as info:
        estimate(SEVEN_B, "h100-sxm5-80gb", 256, efficiency=efficiency)
    assert info.value.field == field


def test_cli_team_confidence_and_measured_reach_the_json() -> None:
    code, out, err = run(["estimate", "--params", "7B", "--tokens", "1T", "--gpu", "h100-sxm5-80gb",
                          "--gpus", "256", "--team", "tuned", "--confidence", "0.9",
                          "--measured", "mfu=0.35,params=7B,gpus=64,gpu=h100-sxm5-80gb",
                          "--format", "json"])
    assert code == 0, err
    data = json.loads(out)
    assert data["team"] == "tuned" and data["confidence"] == 0.9
    assert data["measured_calibration"] is not None
    for key in ("days", "days_low", "days_high", "days_p10", "days_p50", "days_p90",
                "gpu_hours_p10", "gpu_hours_p50", "gpu_hours_p90", "calendar_days_p50",
                "calendar_days_p90", "days_at_confidence"):
        assert math.isfinite(data[key]), key
    assert data["days_low"] == data["days_p10"] and data["days_high"] == data["days_p90"]
    assert data["days_p50"] <= data["days_at_confidence"] <= data["days_p90"]


@pytest.mark.parametrize(("argv", "says"), [
    (["--confidence", "0.99"], "--confidence: 0.99 is not allowed; must be at least 0.5 and at most 0.95"),
    (["--team", "heroes"], "--team"),
    (["--measured", "speed=3"], "--measured"),
])
def test_cli_refuses_bad_team_inputs_with_exit_2(argv: list[str], says: str) -> None:
    code, _, err = run(["plan", "--preset", "gpt3-175b", "--days", "200", *argv])
    assert code == 2 and says in err and "Traceback" not in err


def test_plan_json_sizes_for_the_confidence_and_says_so() -> None:
    base = ["plan", "--preset", "gpt3-175b", "--days", "200", "--config", "inspur-nf5688m7-h800",
            "--format", "json"]
    plans = {}
    for c in ("0.5", "0.9"):
        code, out, err = run([*base, "--confidence", c])
        assert code == 0, err
        plans[c] = json.loads(out)["plans"][0]
    assert plans["0.5"]["gpus"] < plans["0.9"]["gpus"]
    for c, p in plans.items():
        assert p["confidence"] == float(c) and p["meets_deadline"]
        assert p["lead_time_days"] + p["days_at_confidence"] <= 200
        assert p["calendar_days_p50"] <= p["calendar_days_p90"]


def test_plan_files_keep_the_profile_the_confidence_and_the_measured_run() -> None:
    request = PlanRequest(
        Workload(preset="gpt3-175b"), Schedule(days=200, confidence=0.9),
        Efficiency(team="first-run", measured_tokens_per_s=2500, measured_params=7e9,
                   measured_gpus=64, measured_gpu="a800-sxm4-80gb"))
    text = plan_to_json(request)
    assert plan_from_json(text).request == request
    # a file written before these fields existed reads with the defaults
    old = json.loads(text)
    for key in ("team", "measured_tokens_per_s", "measured_mfu", "measured_params",
                "measured_gpus", "measured_gpu"):
        del old["request"]["efficiency"][key]
    del old["request"]["schedule"]["confidence"]
    back = plan_from_json(json.dumps(old)).request
    assert back.efficiency.team is None and back.schedule.confidence is None
    assert not back.efficiency.measured
    # and a wrong profile is named with what is allowed
    old["request"]["efficiency"]["team"] = "heroes"
    with pytest.raises(ValueError, match=r"efficiency\.team"):
        plan_from_json(json.dumps(old))
