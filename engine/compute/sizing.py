"""Step 3: GPUs and nodes, for a deadline or from a fixed fleet, above the memory floor."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

from engine.assumptions import default
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
    days_low: float  # if MFU reaches the band's high end
    days_high: float  # if MFU only reaches the band's low end
    meets_deadline: bool


def memory_floor_gpus(params: float | None, memory_gb: float) -> int:
    """GPUs whose memory holds the model states (sharded) with room left for activations."""
    if params is None:
        return 1
    states = params * default("memory.bytes_per_param").value
    usable = memory_gb * 1e9 * (1 - default("memory.activation_reserve").value)
    return max(1, math.ceil(states / usable))


def days_for(flops: float, gpus: int, tflops_per_gpu: float) -> float:
    return flops / (gpus * tflops_per_gpu * 1e12 * SECONDS_PER_DAY)


def days_with_band(flops: float, gpus: int, eff: EfficiencyEstimate) -> tuple[float, float, float]:
    """Expected days, and the days at the band's high and low MFU."""
    peak = eff.peak_dense_tflops * eff.goodput
    return (days_for(flops, gpus, peak * eff.mfu), days_for(flops, gpus, peak * eff.mfu_high),
            days_for(flops, gpus, peak * eff.mfu_low))


def _sizing(flops: float, gpus: int, gpn: int, floor: int, eff: EfficiencyEstimate,
            deadline: float | None) -> Sizing:
    days, days_low, days_high = days_with_band(flops, gpus, eff)
    return Sizing(
        gpus=gpus, nodes=gpus // gpn, memory_floor_gpus=floor, efficiency=eff, days=days,
        days_low=days_low, days_high=days_high,
        meets_deadline=deadline is None or days <= deadline * (1 + 1e-9),
    )


def size_for_deadline(
    flops: float, days: float, gpus_per_node: int, floor: int, efficiency_at: EfficiencyAt
) -> Sizing | None:
    """The fewest whole nodes that finish ``flops`` within ``days``; None if beyond MAX_GPUS.

    MFU falls as the cluster grows, but GPUs × MFU still rises, so the smallest
    sufficient node count is found by bisection and more days never need more GPUs.
    """
    def enough(nodes: int) -> bool:
        eff = efficiency_at(nodes * gpus_per_node)
        rate = nodes * gpus_per_node * eff.peak_dense_tflops * eff.mfu * eff.goodput * 1e12
        return rate * days * SECONDS_PER_DAY >= flops

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
    return _sizing(flops, gpus, gpus_per_node, floor, efficiency_at(gpus), days)


def size_for_fleet(
    flops: float, fleet_gpus: int, gpus_per_node: int, floor: int, efficiency_at: EfficiencyAt
) -> Sizing:
    """A fixed fleet, rounded up to whole nodes, and the days it needs."""
    gpus = math.ceil(fleet_gpus / gpus_per_node) * gpus_per_node
    return _sizing(flops, gpus, gpus_per_node, floor, efficiency_at(gpus), None)
