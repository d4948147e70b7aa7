"""Published training runs (resources/calibration/runs.csv), the performance model's prediction
of each, the fit of its constants and leave-one-out cross-validation.

Fitted: each team profile's software efficiency η and production stall on that profile's runs,
and the small-GEMM penalty κ and fixed step cost shared by all; the bandwidth efficiency c stays
at its stored fit. A hero run (GPU-hours of the training steps alone) is compared with the step
model; a production run (wall-clock × GPUs) with the step model × the profile's goodput at its
GPU count. A profile with production runs only (first-run) cannot tell its stall from its η: it
takes the typical profile's stall and its η takes the rest.

Used by test_calibration.py (which keeps the figures) and tests/bench/calibration_report.py
(which prints them and writes resources/calibration/residuals.csv).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from engine.catalog import load_catalog
from engine.compute.parameters import value
from engine.compute.performance import Grid, Hardware, StepParts, Tuning, grid, shape_for
from engine.compute.team import (
    DEFAULT_TEAM,
    MIN_RUNS,
    TEAMS,
    band_quantile,
    centred_scatter,
    goodput,
    profile,
)
from engine.model import Layout
from engine.resources import resource_path

HERE = Path(__file__).resolve().parent
PREVIOUS_MODEL = HERE.parent / "bench" / "previous_model.csv"
ETAS = np.round(np.arange(0.10, 1.0001, 0.01), 2)
KAPPAS = np.array([0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0])
OVERHEADS = np.array([0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5])
STALLS = np.round(np.arange(0.0, 0.5001, 0.025), 3)
BASELINES = ("flat40", "flat50", "previous")
STACK_TEAM = {"tuned": "tuned", "typical": "typical", "unknown": "typical"}


@dataclass(frozen=True)
class Run:
    id: str
    name: str
    params: float
    total_params: float
    tokens: float
    gpu: str
    gpus: int
    gpus_per_node: int
    link_gbs: float
    nic_gbps: float
    precision: str
    seq: int
    batch_tokens: float | None
    recompute: str | None
    basis: str  # gpu_hours | mfu | tflops | tflops_recompute
    published: float
    includes_restarts: str  # yes | no | unknown
    use: str  # fit | excluded
    quality: str
    source: str
    kind: str  # hero | production
    stack: str  # tuned | typical | unknown
    split: str  # fit | holdout
    team: str  # the profile the run belongs to

    @property
    def peak_precision(self) -> str:
        return "bf16" if self.precision == "fp16" else self.precision  # same tensor peak

    @property
    def peak(self) -> float:
        return load_catalog().gpu(self.gpu).dense_tflops[self.peak_precision]  # type: ignore[index]

    @property
    def goodput(self) -> float:
        """Hero figures count the training steps only; production ones the wall clock (the
        interruption model and the stalls, at the stored constants)."""
        return goodput(self.gpus, self.team) if self.kind == "production" else 1.0

    @property
    def interruption_goodput(self) -> float:
        """The interruption model alone: the fit adds the stall share it is fitting."""
        if self.kind != "production":
            return 1.0
        return goodput(self.gpus, self.team) / (1 - profile(self.team).production_stall)

    @property
    def published_mfu(self) -> float:
        """Published figure as MFU of the dense peak (for GPU-hours: wall time, goodput in)."""
        if self.basis == "mfu":
            return self.published
        if self.basis == "tflops":
            return self.published / self.peak
        if self.basis == "tflops_recompute":  # 8·N·D counted: model FLOPs are 6/8 of it
            return self.published * 6 / 8 / self.peak
        return 6 * self.params * self.tokens / (self.published * 3600 * self.peak * 1e12)

    @property
    def published_gpu_hours(self) -> float:
        return self.gpu_hours_at(self.published_mfu)

    def gpu_hours_at(self, wall_mfu: float) -> float:
        return 6 * self.params * self.tokens / (wall_mfu * self.peak * 1e12) / 3600


def _float(text: str | None) -> float | None:
    return float(text) if text and text.strip() else None


@cache
def runs() -> tuple[Run, ...]:
    with resource_path("calibration/runs.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return tuple(Run(
        id=r["id"], name=r["name"], params=float(r["params"]),
        total_params=_float(r["total_params"]) or float(r["params"]), tokens=float(r["tokens"]),
        gpu=r["gpu"], gpus=int(r["gpus"]), gpus_per_node=int(r["gpus_per_node"]),
        link_gbs=float(r["link_gbs"]), nic_gbps=float(r["nic_gbps_per_gpu"]),
        precision=r["precision"], seq=int(r["seq_len"]), batch_tokens=_float(r["batch_tokens"]),
        recompute=r["recompute"] or None, basis=r["basis"], published=float(r["published"]),
        includes_restarts=r["includes_restarts"], use=r["use"], quality=r["quality"],
        source=r["source"], kind=r["kind"], stack=r["stack"], split=r["split"] or "fit",
        team=r.get("team") or STACK_TEAM[r["stack"]],
    ) for r in rows)


def modelled(run: Run) -> bool:
    """The model can predict the run: its GPU is in the catalog and the step model is fitted for
    it. A part planned on its stated MFU (calibration = "published" or "uncalibrated", such as
    the Ascend 910B) has no kernel efficiency and stays out of the NVIDIA fit."""
    gpus = load_catalog().gpus
    return run.gpu in gpus and gpus[run.gpu].calibration == "model"


def fitted_runs() -> tuple[Run, ...]:
    return tuple(r for r in runs() if r.use == "fit" and r.split == "fit" and modelled(r))


def holdout_runs() -> tuple[Run, ...]:
    return tuple(r for r in runs() if r.use == "fit" and r.split == "holdout" and modelled(r))


def hardware(run: Run) -> Hardware:
    gpu = load_catalog().gpu(run.gpu)
    return Hardware(
        peak_tflops=run.peak, peak_bf16_tflops=gpu.dense_tflops["bf16"], memory_gb=gpu.memory_gb,
        gpus_per_node=run.gpus_per_node, link="nvswitch", link_gbs=run.link_gbs,
        nic_gbps=run.nic_gbps, kernel_efficiency=value("kernel_efficiency", gpu.architecture),
        memory_gbs=gpu.bandwidth_gbs,
    )


def _grid(run: Run) -> Grid:
    shape = shape_for(run.params, total_params=run.total_params, seq=run.seq,
                      batch_tokens=run.batch_tokens, gpus=run.gpus)
    return grid(hardware(run), shape, run.gpus, run.recompute)


def _usable(g: Grid) -> np.ndarray:
    """Rows that fit memory, or the leanest one if none does (as the engine chooses)."""
    if g.fits.any():
        return np.asarray(g.fits)
    return np.arange(len(g.fits)) == int(np.argmin(g.memory_gb))


def layouts(run: Run) -> tuple[StepParts, ...]:
    g = _grid(run)
    return tuple(g.row(i) for i in np.flatnonzero(_usable(g)))


@cache
def mfu_grid(run: Run) -> np.ndarray:
    """Step MFU of the best layout at every (η, κ, overhead): (len(ETAS), len(KAPPAS), len(OVERHEADS))."""
    g = _grid(run)
    keep = _usable(g)
    comm = value("fit", "bandwidth_efficiency")
    eta = ETAS[:, None, None]
    over = OVERHEADS[None, :, None]
    fixed = g.comm_s[keep] / comm
    out = np.empty((len(ETAS), len(KAPPAS), len(OVERHEADS)))
    for k, kappa in enumerate(KAPPAS):
        slow = (1 + kappa * g.shape_q[keep]) / eta
        step = (g.compute_s[keep] * slow * (1 + g.bubble[keep]) + fixed
                + np.maximum(0.0, g.dp_s[keep] / comm - g.dp_hidden_s[keep] * slow) + over)
        out[:, k, :] = (g.useful_tflop[keep] / (run.peak * step)).max(axis=2)
    return out


@cache
def abs_log_errors(run: Run) -> np.ndarray:
    """|log(predicted / published GPU-hours)| at every (η, κ, overhead, stall) grid point."""
    base = np.log(run.published_mfu / (mfu_grid(run) * run.interruption_goodput))
    if run.kind != "production":
        return np.repeat(np.abs(base)[..., None], len(STALLS), axis=3)
    return np.abs(base[..., None] - np.log(1 - STALLS))


@dataclass(frozen=True)
class Fit:
    kappa: float
    overhead_s: float
    etas: dict[str, float]  # per team profile; a profile without runs is absent
    stalls: dict[str, float]  # per profile: share of a production run's wall clock lost beyond
    # interruptions

    def tuning(self, team: str) -> Tuning:
        return Tuning(eta=self.etas[team], comm=value("fit", "bandwidth_efficiency"),
                      kappa=self.kappa, overhead_s=self.overhead_s)


STALL_FROM = {"first-run": "typical"}  # production runs only: the stall of this profile


def _fit(selected: tuple[Run, ...]) -> Fit:
    """Least mean |log error|: each profile's η and stall on its runs, κ and the overhead over
    all; a profile in STALL_FROM takes that profile's stall and fits its η alone."""
    losses = {t: sum(abs_log_errors(r) for r in selected if r.team == t) for t in TEAMS}
    present = {t: loss for t, loss in losses.items() if isinstance(loss, np.ndarray)}
    own = {t: loss for t, loss in present.items() if t not in STALL_FROM}
    total = sum(loss.min(axis=(0, 3)) for loss in own.values())
    assert isinstance(total, np.ndarray)
    k, o = np.unravel_index(int(total.argmin()), total.shape)
    etas: dict[str, float] = {}
    stalls: dict[str, float] = {}
    for t, loss in own.items():
        e, st = np.unravel_index(int(loss[:, k, o, :].argmin()), loss[:, k, o, :].shape)
        etas[t], stalls[t] = float(ETAS[e]), float(STALLS[st])
    for t, source in STALL_FROM.items():
        if t in present and source in stalls:
            st = _index(STALLS, stalls[source])
            etas[t] = float(ETAS[int(present[t][:, k, o, st].argmin())])
            stalls[t] = stalls[source]
    return Fit(float(KAPPAS[k]), float(OVERHEADS[o]), etas, stalls)


@cache
def fit() -> Fit:
    return _fit(fitted_runs())


@dataclass(frozen=True)
class Prediction:
    run: Run
    mfu: float  # step MFU at the fit's constants, before goodput
    gpu_hours: float
    layout: Layout

    @property
    def error(self) -> float:
        return self.gpu_hours / self.run.published_gpu_hours - 1

    @property
    def log_ratio(self) -> float:
        """log(published / predicted GPU-hours): what the plan's quantiles are read from."""
        return float(np.log(self.run.published_gpu_hours / self.gpu_hours))


def _index(grid_values: np.ndarray, x: float) -> int:
    return int(np.abs(grid_values - x).argmin())


def predict(run: Run, f: Fit) -> Prediction:
    team = run.team if run.team in f.etas else "typical"
    t = f.tuning(team)
    mfu = float(mfu_grid(run)[_index(ETAS, t.eta), _index(KAPPAS, t.kappa),
                              _index(OVERHEADS, t.overhead_s)])
    chosen = max(layouts(run), key=lambda p: p.useful_tflop / p.step_s(t))
    stall = f.stalls.get(team, 0.0) if run.kind == "production" else 0.0
    good = run.interruption_goodput * (1 - stall)
    return Prediction(run, mfu, run.gpu_hours_at(mfu * good), chosen.layout)


@cache
def leave_one_out() -> tuple[Prediction, ...]:
    """Each fitted run predicted by the model fitted on every other run."""
    selected = fitted_runs()
    return tuple(predict(run, _fit(selected[:k] + selected[k + 1:]))
                 for k, run in enumerate(selected))


@cache
def held_out() -> tuple[Prediction, ...]:
    """Runs never shown to the fit, predicted by the fit on all the others."""
    return tuple(predict(r, fit()) for r in holdout_runs())


# ---------------------------------------------------------------- spread and coverage


def scatter_of(predictions: tuple[Prediction, ...], kind: str) -> tuple[float, ...]:
    """The pooled scatter of ``kind`` about each profile's mean (as engine.compute.team)."""
    return centred_scatter([(p.run.team, p.log_ratio) for p in predictions if p.run.kind == kind])


def spread_of(predictions: tuple[Prediction, ...], team: str, kind: str,
              min_same_kind: int) -> list[float]:
    """The log-ratios a run of ``team`` and ``kind`` reads its quantiles from: those of its kind
    and profile when there are enough, else its profile's (as engine.compute.team for plans,
    which are of the production kind)."""
    mine = [p for p in predictions if p.run.team == team]
    same = [p.log_ratio for p in mine if p.run.kind == kind]
    chosen = same if len(same) >= min_same_kind else [p.log_ratio for p in mine]
    if len(chosen) < MIN_RUNS and team != DEFAULT_TEAM:  # as the engine: the default's
        return spread_of(predictions, DEFAULT_TEAM, kind, min_same_kind)
    return chosen


def coverage(predictions: tuple[Prediction, ...], low_q: float, high_q: float,
             min_same_kind: int, reference: tuple[Prediction, ...] | None = None) -> float:
    """Share of runs inside their profile's [low_q, high_q] band; with no ``reference`` the
    band of each run comes from the OTHER runs (leave-one-out), else from ``reference``."""
    inside = 0
    for k, p in enumerate(predictions):
        others = (predictions[:k] + predictions[k + 1:]) if reference is None else reference
        spread = spread_of(others, p.run.team, p.run.kind, min_same_kind)
        scatter = scatter_of(others, p.run.kind)
        inside += (band_quantile(spread, scatter, low_q) <= p.log_ratio
                   <= band_quantile(spread, scatter, high_q))
    return inside / len(predictions)


# ---------------------------------------------------------------- baselines


@cache
def previous_model_mfu() -> dict[str, float]:
    """The model before issue 18, computed once from its code (see the file's header)."""
    with PREVIOUS_MODEL.open(newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return {r["id"]: float(r["mfu"]) for r in csv.DictReader(lines)}


def baseline_gpu_hours(run: Run, which: str) -> float:
    """flat40 / flat50: 40% / 50% MFU, times 0.9 goodput for a production run (the old flat
    default); previous: the model before issue 18 as its plans printed it (MFU × 0.9 goodput
    for production runs, as its calibration compared hero runs at 1.0)."""
    if which in ("flat40", "flat50"):
        mfu = 0.4 if which == "flat40" else 0.5
    else:
        mfu = previous_model_mfu()[run.id]
    return run.gpu_hours_at(mfu * (0.9 if run.kind == "production" else 1.0))


def summary(errors: list[float]) -> tuple[float, float, float]:
    """Median |error|, worst |error| and mean signed error."""
    absolute = sorted(abs(e) for e in errors)
    return (float(np.median(absolute)), max(absolute), sum(errors) / len(errors))
