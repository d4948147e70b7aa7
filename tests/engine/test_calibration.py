"""The performance model against published runs (resources/calibration/runs.csv).

`uv run python tests/bench/calibration_report.py` prints every error. The figures below are the
ones the model reaches under leave-one-out and on the held-out runs, so a change that moves them
fails here and has to say so.
"""

from __future__ import annotations

import csv
import math

import pytest

from engine.catalog import load_catalog
from engine.compare import compare
from engine.compute.efficiency import estimate as estimate_efficiency
from engine.compute.efficiency import gpu_traits
from engine.compute.parameters import value
from engine.compute.team import MIN_SAME_KIND, TEAMS, goodput, profile, residuals
from engine.model import Efficiency, PlanRequest, Schedule, Workload
from engine.resources import resource_path
from tests.engine.calibration_runs import (
    BASELINES,
    baseline_gpu_hours,
    coverage,
    fit,
    fitted_runs,
    held_out,
    holdout_runs,
    leave_one_out,
    runs,
    summary,
)

# Reached (tests/bench/calibration_report.py): leave-one-out over the fit runs ...
# (the targets: a median of 12%, means within ±8%, 80% inside P10-P90, and on held-out
# runs 20%, ±10%, 80%; all met). The band is the wider of the profile's Student-t interval and
# the pooled scatter of the kind's runs (engine.compute.team.band_quantile): hero 46 of 55 runs
# inside, production 18 of 21. The medians came down from 16.3% and 25.2% with the Pythia rows'
# full recomputation and 2M-token batch read from their training configs, LLM Foundry's own
# throughput table counted with the tuned profile as Megatron-LM's and NeMo's are, and a
# production stall per profile (tuned teams lose less wall clock beyond interruptions).
RUNS = 93
LOO_MEDIAN = 0.1109
LOO_MEAN = {"hero": 0.0153, "production": -0.0148}
LOO_COVERAGE = {"hero": 46 / 55, "production": 18 / 21}  # inside P10-P90, each band from the others
# ... and on the runs never shown to the fit (split=holdout)
HELD_MEDIAN = 0.1878
HELD_MEAN = -0.0103
HELD_COVERAGE = 10 / 12


def test_the_set_is_broad_tagged_and_sourced() -> None:
    every = runs()
    assert len(every) == RUNS
    fitted = fitted_runs()
    assert len(fitted) + len(holdout_runs()) >= 70  # the issue: at least 70 published runs
    assert min(r.params for r in fitted) < 2e9 and max(r.params for r in fitted) >= 400e9
    assert {"a100-sxm4-40gb", "a100-sxm4-80gb", "h100-sxm5-80gb", "h800-sxm5-80gb"} <= {
        r.gpu for r in fitted}
    assert any(r.total_params > r.params for r in fitted)
    assert {r.kind for r in fitted} == {"hero", "production"}
    for r in every:
        assert r.source and r.quality in ("reference", "secondary copy", "from memory")
        assert r.includes_restarts in ("yes", "no", "unknown")
        assert r.kind in ("hero", "production") and r.stack in ("tuned", "typical", "unknown")
        assert r.split in ("fit", "holdout") and r.team in TEAMS
    assert len({r.id for r in every}) == len(every)


def test_gpu_hours_rows_reproduce_their_published_figures() -> None:
    # Llama 2 70B: 6 × 70e9 × 2e12 = 8.4e23 FLOPs in 1 720 320 A100 hours
    llama = next(r for r in runs() if r.id == "llama2-70b")
    assert llama.published_gpu_hours == pytest.approx(1_720_320)
    assert llama.published_mfu == pytest.approx(8.4e23 / (1_720_320 * 3600 * 312e12))
    # Megatron 2021 counts 8·N·D: 141 TFLOP/s is 141 × 6/8 = 105.75 model TFLOP/s
    megatron = next(r for r in runs() if r.id == "megatron21-175b-1536")
    assert megatron.published_mfu == pytest.approx(105.75 / 312)


def test_stored_constants_are_the_fit() -> None:
    f = fit()
    assert value("fit", "small_gemm") == pytest.approx(f.kappa)
    assert value("fit", "step_overhead_s") == pytest.approx(f.overhead_s)
    for team, eta in f.etas.items():
        assert profile(team).software_efficiency == pytest.approx(eta), team
        assert profile(team).production_stall == pytest.approx(f.stalls[team]), team


def test_stored_residuals_are_the_leave_one_out_ones() -> None:
    computed = {p.run.id: p.log_ratio for p in (*leave_one_out(), *held_out())}
    stored = {r.id: r.log_ratio for r in residuals()}
    assert stored.keys() == computed.keys()
    for run_id, log_ratio in computed.items():
        assert stored[run_id] == pytest.approx(log_ratio, abs=1e-4), run_id
    with resource_path("calibration/residuals.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    assert {r["id"]: (r["kind"], r["team"], r["split"]) for r in rows} == {
        r.id: (r.kind, r.team, r.split) for r in (*fitted_runs(), *holdout_runs())}


def test_leave_one_out_errors_stay_at_the_figures_reached() -> None:
    loo = leave_one_out()
    median, _, _ = summary([p.error for p in loo])
    assert median == pytest.approx(LOO_MEDIAN, abs=0.0015)
    assert median <= 0.12  # the target, met
    for kind, mean in LOO_MEAN.items():
        errors = [p.error for p in loo if p.run.kind == kind]
        assert summary(errors)[2] == pytest.approx(mean, abs=0.0015), kind
        assert abs(mean) <= 0.08  # the target, met


def test_p10_p90_holds_the_runs_of_each_kind() -> None:
    loo = leave_one_out()
    for kind, share in LOO_COVERAGE.items():
        group = tuple(p for p in loo if p.run.kind == kind)
        reached = sum(
            coverage((p,), 0.10, 0.90, MIN_SAME_KIND, loo[:loo.index(p)] + loo[loo.index(p) + 1:])
            for p in group) / len(group)
        assert reached == pytest.approx(share, abs=0.005), kind
        assert reached >= 0.80  # the target, met


def test_the_model_beats_flat_40_percent_on_production_runs() -> None:
    production = tuple(p for p in leave_one_out() if p.run.kind == "production")
    ours = summary([p.error for p in production])
    flat = summary([baseline_gpu_hours(p.run, "flat40") / p.run.published_gpu_hours - 1
                    for p in production])
    assert ours[0] < flat[0]


@pytest.mark.parametrize("baseline", BASELINES)
def test_the_model_beats_every_baseline_on_median_error(baseline: str) -> None:
    # over all fit runs: 11.1% against flat 40% MFU's 18.0%, flat 50%'s 24.1% and the previous
    # model's 19.8% (on the hero runs alone 8.4% against the previous model's 13.4%)
    loo = leave_one_out()
    ours = summary([p.error for p in loo])
    theirs = summary([baseline_gpu_hours(p.run, baseline) / p.run.published_gpu_hours - 1
                      for p in loo])
    assert ours[0] < theirs[0]


def test_held_out_runs_stay_at_the_figures_reached() -> None:
    held = held_out()
    assert held, "runs.csv has runs marked split=holdout"
    median, _, mean = summary([p.error for p in held])
    assert median == pytest.approx(HELD_MEDIAN, abs=0.0015)
    assert mean == pytest.approx(HELD_MEAN, abs=0.0015)
    assert median <= 0.20 and abs(mean) <= 0.10  # the targets, met
    assert coverage(held, 0.10, 0.90, MIN_SAME_KIND, leave_one_out()) == pytest.approx(
        HELD_COVERAGE, abs=0.005)


def test_goodput_of_llama3_by_hand() -> None:
    # 419 interruptions in 54 days on 16 384 GPUs: MTBF = 24 / (419 / 54) = 3.093 h. Tuned team:
    # checkpoint C = 0.5 min, restart R = 5 min (0.083 h). τ = √(2 × C × MTBF) = 0.2270 h;
    # lost = C/τ + (R + τ/2)/MTBF = 0.0367 + 0.0635 = 0.1002: Meta's "more than 90%" of
    # effective training time. Production runs lose a fitted share besides (stalls).
    mtbf = 24 / (419 / 54)
    c = 0.5 / 60
    tau = math.sqrt(2 * c * mtbf)
    lost = c / tau + (0.083 + tau / 2) / mtbf
    assert 1 - lost == pytest.approx(0.90, abs=0.002)
    stall = profile("tuned").production_stall
    assert goodput(16_384, "tuned") == pytest.approx((1 - lost) * (1 - stall), rel=1e-3)


def test_interruptions_cost_more_with_more_gpus_and_a_less_practised_team() -> None:
    for team in TEAMS:
        assert goodput(64, team) > goodput(1024, team) > goodput(16_384, team)
    for gpus in (64, 1024, 16_384):
        assert goodput(gpus, "tuned") > goodput(gpus, "typical") > goodput(gpus, "first-run")


def _mfu(gpu_id: str, gpus: int, *, link: str = "nvswitch", link_gbs: float | None = None,
         nic_gbps: float | None = None, params: float = 175e9, nics: float = 1.0,
         team: str = "tuned") -> float:
    gpu = load_catalog().gpu(gpu_id)
    traits = gpu_traits(gpu, link=link, link_gbs=gpu.link_gbs if link_gbs is None else link_gbs,
                        nics_per_gpu=nics, nic_gbps=nic_gbps)
    return estimate_efficiency(traits, gpu_name=gpu.name, precision="bf16", gpus=gpus,
                               params=params, moe=False, goodput=1.0, mfu_override=None,
                               team=team).mfu


def test_relative_effects_come_out_of_the_step_model() -> None:
    # Megatron README on H100: MFU falls from 47% at 96 GPUs to 42% at 4608
    assert _mfu("h100-sxm5-80gb", 4608) < _mfu("h100-sxm5-80gb", 96)
    # the A800's 400 GB/s NVSwitch costs against the A100's 600 for a tensor-parallel model
    assert _mfu("a800-sxm4-80gb", 1024) < _mfu("a100-sxm4-80gb", 1024)
    # a weaker fabric per GPU costs at scale
    assert _mfu("a100-sxm4-80gb", 2048, nic_gbps=50) < _mfu("a100-sxm4-80gb", 2048, nic_gbps=200)
    # PCIe servers (bridged pairs, one HCA per two GPUs) lose against NVSwitch with one per GPU;
    # bridged pairs do no worse than cards that talk over PCIe alone
    sxm = _mfu("a100-sxm4-80gb", 1024)
    bridged = _mfu("a100-pcie-80gb", 1024, link="nvlink-bridge", nics=0.5)
    pcie_only = _mfu("a100-pcie-80gb", 1024, link="pcie", link_gbs=64, nics=0.5)
    assert pcie_only <= bridged < sxm
    # a typical team's stack sustains less of the same hardware than a tuned one
    assert _mfu("a100-sxm4-80gb", 256, params=7e9, team="typical") < _mfu(
        "a100-sxm4-80gb", 256, params=7e9)


def test_plan_layout_is_what_the_days_rest_on() -> None:
    request = PlanRequest(Workload(params=175e9, tokens=180e9), Schedule(gpus=992),
                          Efficiency(goodput=1.0, team="tuned"), configs=("inspur-nf5688m6-a100",))
    plan = compare(request).plans[0]
    assert plan.efficiency is not None and plan.efficiency.layout is not None
    lay = plan.efficiency.layout
    # every GPU trains, or fewer than one pipeline's worth idles (992 = 8 × 124 servers)
    assert plan.gpus - lay.tp * lay.pp < lay.tp * lay.pp * lay.dp <= plan.gpus
    # OPT-175B: 180B tokens on 992 A100-80GB at 147 TFLOP/s per GPU:
    # 6 × 175e9 × 180e9 / (992 × 147e12 × 86 400) = 15.0 days; P10-P90 holds it
    published_days = 6 * 175e9 * 180e9 / (992 * 147e12 * 86_400)
    assert round(published_days, 1) == 15.0
    assert plan.days_p10 <= published_days <= plan.days_p90
    assert plan.gpu_hours_p90 == pytest.approx(plan.gpus * plan.days_p90 * 24)
