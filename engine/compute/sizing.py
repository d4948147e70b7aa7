"""Step 3: GPUs and nodes, for a deadline or from a fixed fleet, above the memory floor.

Days come as a distribution: P10/P50/P90 of the published runs of the team's profile around the
model (engine/compute/team.py). A deadline is met when the training days at the asked confidence
fit the window, and the fleet is the smallest for which they do."""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist
from typing import Protocol

from engine.assumptions import default
from engine.compute.team import ratio_at
from engine.model import EfficiencyEstimate

SECONDS_PER_DAY = 86_400
MAX_GPUS = 1_000_000  # beyond any fabric the catalog's switches can build


class EfficiencyAt(Protocol):
    def __call__(self, gpus: int) -> EfficiencyEstimate: ...


@dataclass(frozen=True)
class Sizing:
    gpus: int
    nodes: int
    memory_floor_gpus: int
    efficiency: EfficiencyEstimate
    days: float
    days_low: float  # P10: 10% of such runs finish sooner
    days_high: float  # P90
    meets_deadline: bool  # the days at `confidence` fit the window
    days_p50: float = 0.0
    confidence: float = 0.8
    days_at_confidence: float = 0.0


def memory_floor_gpus(params: float | None, memory_gb: float) -> int:
    """GPUs whose memory holds the model states (sharded) with room left for activations."""
    if params is None:
        return 1
    states = params * default("memory.bytes_per_param").value
    usable = memory_gb * 1e9 * (1 - default("memory.activation_reserve").value)
    return max(1, math.ceil(states / usable))


def days_for(flops: float, gpus: int, tflops_per_gpu: float) -> float:
    return flops / (gpus * tflops_per_gpu * 1e12 * SECONDS_PER_DAY)


def spread_ratio(eff: EfficiencyEstimate, q: float) -> float:
    """Days at quantile ``q`` over the model's expected days, for this team and calibration
    (a measured MFU or an override fixes the team's level). A part the model is not fitted for
    keeps its catalog record's stated band, read as the MFU's P90 and P10, with the quantiles
    between and beyond them on a log-normal through the stated expected figure."""
    if eff.stated_band:
        return _stated_ratio(eff, q)
    return ratio_at(eff.team, q, eff.calibration is not None or eff.overridden)


def _stated_ratio(eff: EfficiencyEstimate, q: float) -> float:
    z = NormalDist().inv_cdf(q)
    z90 = NormalDist().inv_cdf(0.90)
    end = eff.mfu_low if z >= 0 else eff.mfu_high  # slow side: the band's low MFU
    return math.exp(math.log(eff.mfu / end) * abs(z) / z90)


def days_with_band(flops: float, gpus: int, eff: EfficiencyEstimate) -> tuple[float, float, float]:
    """Expected days (the model's), and P10 and P90 of the days."""
    days = days_for(flops, gpus, eff.peak_dense_tflops * eff.goodput * eff.mfu)
    return days, days * spread_ratio(eff, 0.10), days * spread_ratio(eff, 0.90)


def _sizing(flops: float, gpus: int, gpn: int, floor: int, eff: EfficiencyEstimate,
            deadline: float | None, confidence: float) -> Sizing:
    days, days_low, days_high = days_with_band(flops, gpus, eff)
    at_confidence = days * spread_ratio(eff, confidence)
    return Sizing(
        gpus=gpus, nodes=gpus // gpn, memory_floor_gpus=floor, efficiency=eff, days=days,
        days_low=days_low, days_high=days_high,
        meets_deadline=deadline is None or at_confidence <= deadline * (1 + 1e-9),
        days_p50=days * spread_ratio(eff, 0.5), confidence=confidence,
        days_at_confidence=at_confidence,
    )


def size_for_deadline(
    flops: float, days: float, gpus_per_node: int, floor: int, efficiency_at: EfficiencyAt,
    confidence: float = 0.5,
) -> Sizing | None:
    """The fewest whole nodes that finish ``flops`` within ``days`` with probability
    ``confidence``; None if beyond MAX_GPUS.

    MFU falls as the cluster grows, but GPUs × MFU still rises, so the smallest
    sufficient node count is found by bisection and more days never need more GPUs.
    """
    def enough(nodes: int) -> bool:
        eff = efficiency_at(nodes * gpus_per_node)
        rate = nodes * gpus_per_node * eff.peak_dense_tflops * eff.mfu * eff.goodput * 1e12
        return rate * days * SECONDS_PER_DAY >= flops * spread_ratio(eff, confidence)

    lo = max(1, math.ceil(floor / gpus_per_node))
    max_nodes = MAX_GPUS // gpus_per_node
    if not enough(lo):
        hi = lo
        while not enough(hi):
            if hi >= max_nodes:
                return None
            lo, hi = hi, min(hi * 2, max_nodes)
        while hi - lo > 1:  # invariant: not enough(lo), enough(hi)
            mid = (lo + hi) // 2
            lo, hi = (lo, mid) if enough(mid) else (mid, hi)
        lo = hi
    gpus = lo * gpus_per_node
    return _sizing(flops, gpus, gpus_per_node, floor, efficiency_at(gpus), days, confidence)


def size_for_fleet(
    flops: float, fleet_gpus: int, gpus_per_node: int, floor: int, efficiency_at: EfficiencyAt,
    confidence: float = 0.5,
) -> Sizing:
    """A fixed fleet, rounded up to whole nodes, and the days it needs."""
    gpus = math.ceil(fleet_gpus / gpus_per_node) * gpus_per_node
    return _sizing(flops, gpus, gpus_per_node, floor, efficiency_at(gpus), None, confidence)
