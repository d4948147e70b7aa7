"""Published training runs (resources/calibration/runs.csv), the performance model's prediction
of each, the fit of its two constants and leave-one-out cross-validation.

Used by test_calibration.py (which keeps the figures) and tests/bench/calibration_report.py
(which prints them).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from engine.assumptions import default
from engine.catalog import load_catalog
from engine.compute.parameters import value
from engine.compute.performance import Grid, Hardware, StepParts, grid, shape_for
from engine.model import Layout
from engine.resources import resource_path

HERE = Path(__file__).resolve().parent
PREVIOUS_MODEL = HERE.parent / "bench" / "previous_model.csv"
ETAS = np.round(np.arange(0.40, 1.0001, 0.01), 2)
COMMS = np.round(np.arange(0.20, 1.0001, 0.05), 2)
BASELINES = ("flat50", "nemo140", "previous")
NEMO_A100_TFLOPS = 140.0  # NeMo launcher default, counted on 8·N·D (calibration.md)


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

    @property
    def peak(self) -> float:
        return load_catalog().gpu(self.gpu).dense_tflops[self.precision]  # type: ignore[index]

    @property
    def goodput(self) -> float:
        """Published GPU-hours that may count restarts are compared at the default goodput."""
        if self.basis == "gpu_hours" and self.includes_restarts != "no":
            return default("schedule.goodput").value
        return 1.0

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


def _float(text: str) -> float | None:
    return float(text) if text.strip() else None


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
        source=r["source"],
    ) for r in rows)


def fitted_runs() -> tuple[Run, ...]:
    return tuple(r for r in runs() if r.use == "fit")


def hardware(run: Run) -> Hardware:
    gpu = load_catalog().gpu(run.gpu)
    return Hardware(
        peak_tflops=run.peak, peak_bf16_tflops=gpu.dense_tflops["bf16"], memory_gb=gpu.memory_gb,
        gpus_per_node=run.gpus_per_node, link="nvswitch", link_gbs=run.link_gbs,
        nic_gbps=run.nic_gbps, kernel_efficiency=value("kernel_efficiency", gpu.architecture),
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
    """MFU of the best layout at every (η, c) of the grid: shape (len(ETAS), len(COMMS))."""
    g = _grid(run)
    keep = _usable(g)
    eta = ETAS[:, None, None]
    c = COMMS[None, :, None]
    step = (g.compute_s[keep] / eta * (1 + g.bubble[keep]) + g.comm_s[keep] / c
            + np.maximum(0.0, g.dp_s[keep] / c - g.dp_hidden_s[keep] / eta))
    return np.asarray((g.useful_tflop[keep] / (run.peak * step)).max(axis=2))


def log_errors(selected: tuple[Run, ...]) -> np.ndarray:
    """log(predicted / published GPU-hours) per grid point and run: (etas, comms, runs)."""
    return np.stack([np.log(r.published_mfu / (mfu_grid(r) * r.goodput)) for r in selected],
                    axis=2)


def fit(selected: tuple[Run, ...]) -> tuple[float, float]:
    """η and c with the least mean |log error| over ``selected``."""
    loss = np.abs(log_errors(selected)).mean(axis=2)
    i, j = np.unravel_index(int(loss.argmin()), loss.shape)
    return float(ETAS[i]), float(COMMS[j])


@dataclass(frozen=True)
class Prediction:
    run: Run
    eta: float
    comm: float
    mfu: float  # at the fitted constants, before goodput
    gpu_hours: float
    layout: Layout

    @property
    def error(self) -> float:
        return self.gpu_hours / self.run.published_gpu_hours - 1


def _predict(run: Run, eta: float, comm: float) -> Prediction:
    grid = mfu_grid(run)
    mfu = float(grid[int(np.abs(ETAS - eta).argmin()), int(np.abs(COMMS - comm).argmin())])
    chosen = max(layouts(run), key=lambda p: p.useful_tflop / p.step_s(eta, comm))
    return Prediction(run, eta, comm, mfu, run.gpu_hours_at(mfu * run.goodput), chosen.layout)


def in_sample() -> list[Prediction]:
    eta, comm = fit(fitted_runs())
    return [_predict(r, eta, comm) for r in fitted_runs()]


@cache
def leave_one_out() -> tuple[Prediction, ...]:
    """Each run predicted by the model fitted on every other run."""
    selected = fitted_runs()
    errors = np.abs(log_errors(selected))
    total = errors.sum(axis=2)
    out = []
    for k, run in enumerate(selected):
        loss = total - errors[:, :, k]
        i, j = np.unravel_index(int(loss.argmin()), loss.shape)
        out.append(_predict(run, float(ETAS[i]), float(COMMS[j])))
    return tuple(out)


def band_ratios(predictions: tuple[Prediction, ...], *, low_q: float = 0.10,
                high_q: float = 0.90) -> tuple[float, float]:
    """Published / predicted GPU-hours at the band's quantiles."""
    ratios = np.array([1 / (1 + p.error) for p in predictions])
    return float(np.quantile(ratios, low_q)), float(np.quantile(ratios, high_q))


def band_coverage(predictions: tuple[Prediction, ...], tail: float = 0.10) -> float:
    """Share of runs whose published figure falls in a band built from the OTHER runs."""
    inside = 0
    for k, p in enumerate(predictions):
        low, high = band_ratios(predictions[:k] + predictions[k + 1:], low_q=tail, high_q=1 - tail)
        inside += low * p.gpu_hours <= p.run.published_gpu_hours <= high * p.gpu_hours
    return inside / len(predictions)


def band_tail(predictions: tuple[Prediction, ...], target: float = 0.80) -> float:
    """The largest tail share (narrowest band) whose held-out coverage reaches ``target``."""
    for percent in range(10, 0, -1):
        if band_coverage(predictions, percent / 100) >= target:
            return percent / 100
    return 0.0


def band(predictions: tuple[Prediction, ...]) -> tuple[float, float, float, float]:
    """Tail share, band ends (published / predicted) and held-out coverage of the chosen band."""
    tail = band_tail(predictions)
    low, high = band_ratios(predictions, low_q=tail, high_q=1 - tail)
    return tail, low, high, band_coverage(predictions, tail)


# ---------------------------------------------------------------- baselines


@cache
def previous_model_mfu() -> dict[str, float]:
    """The model before issue 13, computed once from its code (see the file's header)."""
    with PREVIOUS_MODEL.open(newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return {r["id"]: float(r["mfu"]) for r in csv.DictReader(lines)}


def baseline_gpu_hours(run: Run, which: str) -> float:
    """flat50: 50% MFU; nemo140: 140 TFLOP/s per A100 on 8·N·D (scaled by the dense BF16 peak
    for other GPUs); previous: the model before issue 13."""
    if which == "flat50":
        mfu = 0.5
    elif which == "nemo140":
        bf16 = load_catalog().gpu(run.gpu).dense_tflops["bf16"]
        mfu = NEMO_A100_TFLOPS * 6 / 8 * (bf16 / 312) / run.peak
    else:
        mfu = previous_model_mfu()[run.id]
    return run.gpu_hours_at(mfu * run.goodput)


def summary(errors: list[float]) -> tuple[float, float, float]:
    """Median |error|, worst |error| and mean signed error."""
    absolute = sorted(abs(e) for e in errors)
    return (float(np.median(absolute)), max(absolute), sum(errors) / len(errors))

