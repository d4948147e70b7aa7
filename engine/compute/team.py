"""The team that trains: its software profile, the wall-clock goodput of its runs, the spread of
published runs around the model for such a team, and a measured calibration of its own.

A profile's constants live in resources/efficiency.toml [team.<profile>], each with its source
or fit note; the spread is the leave-one-out residuals of the runs in
resources/calibration/residuals.csv (written by tests/bench/calibration_report.py --write).
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import cache
from statistics import NormalDist

import numpy as np

from engine.compute.parameters import params, value
from engine.errors import RequestError, allowed, one_of
from engine.model import DEFAULT_TEAM, TEAMS
from engine.resources import resource_path

__all__ = ["DEFAULT_TEAM", "TEAMS", "band_quantile", "centred_scatter", "goodput", "profile",
           "ratio_at", "spread"]
MIN_SAME_KIND = 5  # fewer production runs of a profile than this: its runs of every kind
MIN_RUNS = 3  # a profile's spread needs at least this many runs


@dataclass(frozen=True)
class Profile:
    name: str
    software_efficiency: float  # η
    restart_hours: float  # from an interruption to training again, the lost work aside
    checkpoint_minutes: float  # training stalls this long for each checkpoint
    production_stall: float  # share of wall clock lost beyond interruptions (evaluation, ...)


def check_team(team: str) -> str:
    if team not in TEAMS:
        raise RequestError("efficiency.team", team, one_of(TEAMS))
    return team


@cache
def profile(team: str) -> Profile:
    t = params()["team"][check_team(team)]
    return Profile(team, float(t["software_efficiency"]["value"]),
                   float(t["restart_hours"]["value"]), float(t["checkpoint_minutes"]["value"]),
                   float(t["production_stall"]["value"]))


def goodput(gpus: int, team: str) -> float:
    """Share of wall-clock time that trains, with interruptions growing with GPUs × days.

    The job is interrupted λ·GPUs times a day (λ from the Llama 3 paper's 419 unexpected
    interruptions in 54 days on 16 384 GPUs). Each costs the restart and, on average, half a
    checkpoint interval of lost work; checkpoints taken every τ = √(2·C·MTBF) (Young 1974)
    stall C each. Lost share = C/τ + (R + τ/2)/MTBF; the count of interruptions grows with
    GPUs × days, the share of time they take with GPUs. Beyond them the profile's stall share is
    lost (evaluation pauses, restarts after loss spikes, data and configuration fixes)."""
    p = profile(team)
    rate = value("goodput", "interruptions_per_gpu_day") * gpus / 24  # per hour
    mtbf = 1 / rate
    ckpt = p.checkpoint_minutes / 60
    tau = math.sqrt(2 * ckpt * mtbf)
    lost = ckpt / tau + (p.restart_hours + tau / 2) / mtbf
    return max(value("goodput", "floor"), (1 - lost) * (1 - p.production_stall))


# ---------------------------------------------------------------- spread of published runs


@dataclass(frozen=True)
class Residual:
    id: str
    kind: str  # hero | production
    team: str
    split: str  # fit | holdout
    log_ratio: float  # log(published / predicted GPU-hours), each run predicted without itself


@cache
def residuals() -> tuple[Residual, ...]:
    with resource_path("calibration/residuals.csv").open(newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(line for line in fh if not line.startswith("#"))]
    return tuple(Residual(r["id"], r["kind"], r["team"], r["split"], float(r["log_ratio"]))
                 for r in rows)


@cache
def spread(team: str, measured: bool = False) -> tuple[float, ...]:
    """Sorted log-ratios (published / predicted) a plan's quantiles are read from.

    A plan predicts wall-clock days, so the production runs of the team's profile are used when
    there are enough of them, else all the profile's runs. A measured calibration fixes the
    team's level (so does an MFU the user states): what remains is the model's error from one
    configuration to another, the tuned runs' residuals about their mean (the same teams at
    many sizes), so that P50 is the expected figure."""
    fitted = [r for r in residuals() if r.split == "fit"]
    if measured:
        same = [r.log_ratio for r in fitted if r.team == "tuned"]
        centre = float(np.mean(same))
        return tuple(sorted(x - centre for x in same))
    mine = [r for r in fitted if r.team == check_team(team)]
    production = [r for r in mine if r.kind == "production"]
    chosen = production if len(production) >= MIN_SAME_KIND else mine
    if len(chosen) < MIN_RUNS:  # too few runs of its own for a spread: the default profile's
        return spread(DEFAULT_TEAM)
    return tuple(sorted(r.log_ratio for r in chosen))


def predictive_quantile(log_ratios: tuple[float, ...] | list[float], q: float) -> float:
    """Quantile ``q`` of the next run's log-ratio, given the runs seen: a Student-t prediction
    interval, mean + t(q, n − 1) · s · √(1 + 1/n). With a handful of runs per profile the
    empirical quantiles of the runs themselves would hold far fewer than 80% of new runs."""
    x = np.asarray(log_ratios, dtype=float)
    n = len(x)
    if n < 3:
        raise ValueError("a spread needs at least three runs")
    return float(x.mean() + _student_t(q, n - 1) * x.std(ddof=1) * math.sqrt(1 + 1 / n))


def _student_t(q: float, nu: int) -> float:
    """Student's t quantile from the normal one (Cornish-Fisher expansion; Abramowitz and
    Stegun 26.7.5): within 0.5% of the tables for ν ≥ 3 between 0.05 and 0.95."""
    z = NormalDist().inv_cdf(q)
    return (z + (z**3 + z) / (4 * nu) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * nu**2)
            + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * nu**3))


def centred_scatter(pairs: list[tuple[str, float]] | tuple[tuple[str, float], ...]
                    ) -> tuple[float, ...]:
    """Sorted log-ratios of one run kind about their profile's mean, pooled over the profiles
    (each with at least two runs). A centred residual is scaled by √(n/(n − 1)), so that it
    scatters as a new run does about a mean taken without it."""
    groups: dict[str, list[float]] = {}
    for team, log_ratio in pairs:
        groups.setdefault(team, []).append(log_ratio)
    out: list[float] = []
    for values in groups.values():
        n = len(values)
        if n >= 2:
            mean = sum(values) / n
            out += [(x - mean) * math.sqrt(n / (n - 1)) for x in values]
    return tuple(sorted(out))


@cache
def kind_scatter(kind: str = "production") -> tuple[float, ...]:
    """The fit runs' scatter of ``kind`` about their profiles' means (plans are production)."""
    return centred_scatter([(r.team, r.log_ratio) for r in residuals()
                            if r.split == "fit" and r.kind == kind])


def band_quantile(log_ratios: tuple[float, ...] | list[float], scatter: tuple[float, ...],
                  q: float) -> float:
    """Quantile ``q`` of the next run's log-ratio: the wider of two estimates, each honest on
    its own. (1) The Student-t prediction interval of the profile's runs
    (``predictive_quantile``), which assumes they scatter normally. (2) The profile's mean plus
    the order statistic of the pooled scatter of all profiles' runs of that kind
    (``centred_scatter``): the ⌈q·(N + 1)⌉-th of N for q above one half, the ⌊q·(N + 1)⌋-th
    below, which holds a share q of new runs whatever their distribution (split conformal
    prediction; Vovk et al. 2005, Lei et al. 2018), widened by √(1 + 1/n) for the mean of the
    profile's n runs. A profile of a few close runs does not vouch for a narrow band on its
    own, and a kind whose runs scatter widely widens every profile's band."""
    own = predictive_quantile(log_ratios, q)
    n_scatter = len(scatter)
    if q == 0.5 or n_scatter < 2:
        return own
    rank = math.ceil(q * (n_scatter + 1)) if q > 0.5 else math.floor(q * (n_scatter + 1))
    rank = min(n_scatter, max(1, rank))
    n = len(log_ratios)
    pooled = sum(log_ratios) / n + scatter[rank - 1] * math.sqrt(1 + 1 / n)
    return max(own, pooled) if q > 0.5 else min(own, pooled)


@cache
def ratio_at(team: str, q: float, measured: bool = False) -> float:
    """Published / predicted GPU-hours at quantile ``q`` for the profile's next run. A measured
    calibration keeps the tuned runs' Student-t band about their mean (the team's level is
    known; what remains is the model's error from one configuration to another)."""
    if measured:
        return math.exp(predictive_quantile(spread(team, measured), q))
    return math.exp(band_quantile(spread(team), kind_scatter("production"), q))


def spread_runs(team: str, measured: bool = False) -> int:
    return len(spread(team, measured))


def check_confidence(confidence: float) -> float:
    """The confidence a fleet is sized for, within resources/bounds.toml's schedule.confidence."""
    from engine.bounds import check

    check("schedule.confidence", confidence)
    return confidence


MEASURED_KEYS = {"tokens_per_s": "measured_tokens_per_s", "mfu": "measured_mfu",
                 "params": "measured_params", "gpus": "measured_gpus", "gpu": "measured_gpu"}
MEASURED_FORM = ("tokens_per_s=T (or mfu=M),params=P,gpus=N,gpu=GPU_ID, e.g. "
                 "tokens_per_s=3100,params=7B,gpus=64,gpu=h100-sxm5-80gb")


def parse_measured(text: str) -> dict[str, float | int | str]:
    """'tokens_per_s=3100,params=7B,gpus=64,gpu=h100-sxm5-80gb' as Efficiency's measured_*
    fields; RequestError naming what is wrong. An empty text is no calibration."""
    from engine.compute.workload import parse_count

    values: dict[str, float | int | str] = {}
    if not text.strip():
        return values
    for part in text.split(","):
        key, sep, raw = (x.strip() for x in part.partition("="))
        if not sep or key not in MEASURED_KEYS or not raw:
            raise RequestError("efficiency.measured", text,
                               allowed("allowed.measured-form", form=MEASURED_FORM))
        field = MEASURED_KEYS[key]
        try:
            if key == "gpu":
                values[field] = raw
            elif key == "gpus":
                values[field] = int(raw) if len(raw) <= 9 else int("x")
            elif key == "params":
                values[field] = parse_count(raw, f"efficiency.{field}")
            else:
                values[field] = float(raw)
                if not math.isfinite(float(raw)):
                    raise ValueError(raw)
        except (RequestError, ValueError):
            raise RequestError(f"efficiency.{field}", raw,
                               allowed("allowed.measured-form", form=MEASURED_FORM)) from None
    return values
