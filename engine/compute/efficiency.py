"""Step 2: delivered FLOP/s per GPU = dense peak × MFU × goodput.

MFU comes from the step-time model (engine/compute/performance.py) for the best parallel layout
of the cluster, at the team profile's software efficiency (engine/compute/team.py) and a measured
calibration if the user gave one; goodput from the interruption model of the same profile. Its
band is the spread of published runs of that profile around the model under leave-one-out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from engine.compute.parameters import parameter_notes, params, value
from engine.compute.performance import Hardware, Tuning, best, shape_for
from engine.compute.team import DEFAULT_TEAM, profile, ratio_at, spread
from engine.compute.team import goodput as team_goodput
from engine.errors import RequestError, allowed
from engine.memo import HeldCache
from engine.model import EfficiencyEstimate, Precision

if TYPE_CHECKING:
    from engine.catalog import Gpu

__all__ = ["NodeTraits", "band", "band_coverage", "estimate", "gpu_traits", "parameter_notes", "peak_for",
           "tuning"]


@dataclass(frozen=True)
class NodeTraits:
    """What the performance model needs to know of a server configuration."""

    architecture: str
    peak_dense: dict[str, float]  # TFLOP/s per precision
    peak_sparse: dict[str, float]
    link: str  # nvswitch | nvlink-mesh | nvlink-bridge | pcie
    link_gbs: float
    nics_per_gpu: float
    memory_gb: float = 80.0
    gpus_per_node: int = 8
    nic_gbps: float = 200.0  # compute fabric per GPU, Gbit/s
    memory_gbs: float = 2039.0  # HBM bandwidth per GPU, GB/s (A100-80GB when not given)
    # Catalog hook (Gpu.calibration): a part the step-time model is not fitted for plans on
    # the MFU its catalog record states, with that record's band and source.
    calibration: str = "model"  # model | published | uncalibrated
    stated_mfu: tuple[float, float, float] | None = None  # (low, expected, high)
    mfu_source: str = ""


def gpu_traits(gpu: Gpu, *, link: str, link_gbs: float, nics_per_gpu: float,
               gpus_per_node: int = 8, nic_gbps: float | None = None) -> NodeTraits:
    """The traits of a server holding ``gpu``s joined by ``link``."""
    if nic_gbps is None:
        nic_gbps = nics_per_gpu * value("typical_server", f"nic_gbps_{gpu.architecture}")
    stated = None
    if gpu.calibration != "model":
        assert gpu.mfu is not None and gpu.mfu_low is not None and gpu.mfu_high is not None
        stated = (gpu.mfu_low, gpu.mfu, gpu.mfu_high)
    return NodeTraits(
        calibration=gpu.calibration, stated_mfu=stated, mfu_source=gpu.mfu_source,
        architecture=gpu.architecture,
        peak_dense={str(k): v for k, v in gpu.dense_tflops.items()},
        peak_sparse={str(k): v for k, v in gpu.sparse_tflops.items()},
        link=link, link_gbs=link_gbs, nics_per_gpu=nics_per_gpu, memory_gb=gpu.memory_gb,
        gpus_per_node=gpus_per_node, nic_gbps=nic_gbps, memory_gbs=gpu.bandwidth_gbs,
    )


def peak_for(traits: NodeTraits, precision: Precision, gpu_name: str) -> tuple[float, float]:
    dense = traits.peak_dense.get(precision)
    if dense is None:
        have = ", ".join(p for p in ("bf16", "fp8") if p in traits.peak_dense)
        raise RequestError("schedule.precision", precision,
                           allowed("allowed.gpu-precision", gpu=gpu_name, have=have))
    return dense, traits.peak_sparse.get(precision, 2 * dense)


def band(team: str = DEFAULT_TEAM, measured: bool = False) -> tuple[float, float]:
    """GPU-hours (and days) at P10 and P90, as multiples of the expected figure."""
    return ratio_at(team, 0.10, measured), ratio_at(team, 0.90, measured)


def band_coverage(team: str = DEFAULT_TEAM, measured: bool = False) -> float:
    """Share of the profile's published runs inside its P10-P90 band under leave-one-out."""
    low, high = (_log(x) for x in band(team, measured))
    runs = spread(team, measured)
    return sum(low <= r <= high for r in runs) / len(runs)


def _log(x: float) -> float:
    return math.log(x)


def tuning(team: str = DEFAULT_TEAM) -> Tuning:
    """The step model's constants for a team profile."""
    return Tuning(eta=profile(team).software_efficiency,
                  comm=value("fit", "bandwidth_efficiency"), kappa=value("fit", "small_gemm"),
                  overhead_s=value("fit", "step_overhead_s"))


def hardware(traits: NodeTraits, precision: Precision, gpu_name: str) -> Hardware:
    dense, _ = peak_for(traits, precision, gpu_name)
    if traits.architecture not in params()["kernel_efficiency"]:
        raise RequestError("schedule.precision", precision,
                           allowed("allowed.kernel-efficiency", architecture=traits.architecture))
    return Hardware(
        peak_tflops=dense, peak_bf16_tflops=traits.peak_dense.get("bf16", dense),
        memory_gb=traits.memory_gb, gpus_per_node=traits.gpus_per_node, link=traits.link,
        link_gbs=traits.link_gbs, nic_gbps=traits.nic_gbps,
        kernel_efficiency=value("kernel_efficiency", traits.architecture),
        memory_gbs=traits.memory_gbs,
    )


def estimate(
    traits: NodeTraits,
    *,
    gpu_name: str,
    precision: Precision,
    gpus: int,
    params: float | None,
    moe: bool,
    goodput: float | None,
    mfu_override: float | None,
    team: str = DEFAULT_TEAM,
    calibration: float | None = None,
) -> EfficiencyEstimate:
    """MFU and goodput on ``gpus`` GPUs. ``goodput`` None: the team's interruption model.
    ``calibration``: measured / modelled MFU of the user's own run (sets the team's level)."""
    # Sizing for a deadline asks for a dozen cluster sizes per configuration, and a comparison
    # redone after an edit asks for the same ones again: the estimates are kept (they are frozen).
    key = (_traits_key(traits), gpu_name, precision, gpus, params, moe, goodput, mfu_override,
           team, calibration)
    return _ESTIMATES.get(key, (), lambda: _estimate(
        traits, gpu_name=gpu_name, precision=precision, gpus=gpus, params=params, moe=moe,
        goodput=goodput, mfu_override=mfu_override, team=team, calibration=calibration))


_ESTIMATES: HeldCache[EfficiencyEstimate] = HeldCache(8192)


def _traits_key(traits: NodeTraits) -> tuple[object, ...]:
    return (traits.architecture, tuple(traits.peak_dense.items()),
            tuple(traits.peak_sparse.items()), traits.link, traits.link_gbs, traits.nics_per_gpu,
            traits.memory_gb, traits.gpus_per_node, traits.nic_gbps, traits.memory_gbs,
            traits.calibration, traits.stated_mfu, traits.mfu_source)


def _estimate(
    traits: NodeTraits,
    *,
    gpu_name: str,
    precision: Precision,
    gpus: int,
    params: float | None,
    moe: bool,
    goodput: float | None,
    mfu_override: float | None,
    team: str,
    calibration: float | None,
) -> EfficiencyEstimate:
    dense, sparse = peak_for(traits, precision, gpu_name)
    good = team_goodput(gpus, team) if goodput is None else goodput
    measured = calibration is not None or mfu_override is not None
    low, high = band(team, measured)
    if mfu_override is not None:
        return EfficiencyEstimate(
            precision=precision, peak_dense_tflops=dense, peak_sparse_tflops=sparse,
            mfu=mfu_override, mfu_low=mfu_override / high, mfu_high=min(1.0, mfu_override / low),
            goodput=good, factors=(("override", mfu_override),), overridden=True, team=team,
            goodput_modelled=goodput is None,
        )
    if traits.stated_mfu is not None:  # not a part the model is fitted for: its stated MFU
        mfu_low, mfu, mfu_high = traits.stated_mfu
        return EfficiencyEstimate(
            precision=precision, peak_dense_tflops=dense, peak_sparse_tflops=sparse,
            mfu=mfu, mfu_low=mfu_low, mfu_high=mfu_high, goodput=good,
            factors=((f"{traits.calibration} MFU", mfu),), overridden=False, team=team,
            goodput_modelled=goodput is None, stated_band=True,
        )
    hw = hardware(traits, precision, gpu_name)
    active = value("shape", "unknown_model_params") if params is None else params
    total = active * value("moe", "total_to_active") if moe else active
    shape = shape_for(active, total_params=total, gpus=gpus)
    t = tuning(team)
    part, mfu = best(hw, shape, gpus, t)
    compute = part.compute_at(t)
    with_bubble = compute * (1 + part.bubble)
    step = part.step_s(t)
    factors: tuple[tuple[str, float], ...] = (  # their product is the MFU
        ("kernels", part.hardware_tflop / compute / hw.peak_tflops),
        ("model FLOPs share", part.useful_tflop / part.hardware_tflop),
        ("pipeline bubble", compute / with_bubble),
        ("communication", with_bubble / (step - t.overhead_s)),
        ("fixed step costs", (step - t.overhead_s) / step),
    )
    if calibration is not None:
        calibrated = min(1.0, mfu * calibration)
        factors += (("measured calibration", calibrated / mfu),)
        mfu = calibrated
    return EfficiencyEstimate(
        precision=precision, peak_dense_tflops=dense, peak_sparse_tflops=sparse,
        mfu=mfu, mfu_low=mfu / high, mfu_high=min(1.0, mfu / low), goodput=good,
        factors=factors, overridden=False, layout=part.layout, memory_fits=part.fits, team=team,
        calibration=calibration, goodput_modelled=goodput is None,
    )
