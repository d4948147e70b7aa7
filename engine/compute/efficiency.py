"""Step 2: delivered FLOP/s per GPU = dense peak × MFU × goodput.

MFU comes from the step-time model (engine/compute/performance.py) for the best parallel layout
of the cluster; its band is the spread of published runs around the model under leave-one-out
(resources/efficiency.toml [band]).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from engine.compute.parameters import parameter_notes, params, value
from engine.compute.performance import Hardware, best, shape_for
from engine.errors import RequestError
from engine.model import EfficiencyEstimate, Precision

if TYPE_CHECKING:
    from engine.catalog import Gpu

__all__ = ["NodeTraits", "band", "band_coverage", "estimate", "gpu_traits", "parameter_notes", "peak_for"]


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
        gpus_per_node=gpus_per_node, nic_gbps=nic_gbps,
    )


def peak_for(traits: NodeTraits, precision: Precision, gpu_name: str) -> tuple[float, float]:
    dense = traits.peak_dense.get(precision)
    if dense is None:
        have = ", ".join(p for p in ("bf16", "fp8") if p in traits.peak_dense)
        raise RequestError("schedule.precision", precision, f"the {gpu_name} supports {have}")
    return dense, traits.peak_sparse.get(precision, 2 * dense)


def band() -> tuple[float, float]:
    """GPU-hours (and days) at the band's ends, as multiples of the expected figure."""
    return value("band", "low"), value("band", "high")


def band_coverage() -> float:
    """Share of published runs the band held under leave-one-out."""
    return value("band", "coverage")


def hardware(traits: NodeTraits, precision: Precision, gpu_name: str) -> Hardware:
    dense, _ = peak_for(traits, precision, gpu_name)
    if traits.architecture not in params()["kernel_efficiency"]:
        raise RequestError("schedule.precision", precision,
                           f"no kernel efficiency for {traits.architecture} GPUs")
    return Hardware(
        peak_tflops=dense, peak_bf16_tflops=traits.peak_dense.get("bf16", dense),
        memory_gb=traits.memory_gb, gpus_per_node=traits.gpus_per_node, link=traits.link,
        link_gbs=traits.link_gbs, nic_gbps=traits.nic_gbps,
        kernel_efficiency=value("kernel_efficiency", traits.architecture),
    )


def estimate(
    traits: NodeTraits,
    *,
    gpu_name: str,
    precision: Precision,
    gpus: int,
    params: float | None,
    moe: bool,
    goodput: float,
    mfu_override: float | None,
) -> EfficiencyEstimate:
    dense, sparse = peak_for(traits, precision, gpu_name)
    low, high = band()
    if mfu_override is not None:
        return EfficiencyEstimate(
            precision=precision, peak_dense_tflops=dense, peak_sparse_tflops=sparse,
            mfu=mfu_override, mfu_low=mfu_override / high, mfu_high=min(1.0, mfu_override / low),
            goodput=goodput, factors=(("override", mfu_override),), overridden=True,
        )
    if traits.stated_mfu is not None:  # not a part the model is fitted for: its stated MFU
        mfu_low, mfu, mfu_high = traits.stated_mfu
        return EfficiencyEstimate(
            precision=precision, peak_dense_tflops=dense, peak_sparse_tflops=sparse,
            mfu=mfu, mfu_low=mfu_low, mfu_high=mfu_high, goodput=goodput,
            factors=((f"{traits.calibration} MFU", mfu),), overridden=False,
        )
    hw = hardware(traits, precision, gpu_name)
    active = value("shape", "unknown_model_params") if params is None else params
    total = active * value("moe", "total_to_active") if moe else active
    shape = shape_for(active, total_params=total, gpus=gpus)
    part, mfu = best(hw, shape, gpus)
    eta, comm = value("fit", "software_efficiency"), value("fit", "bandwidth_efficiency")
    compute = part.compute_s / eta
    with_bubble = compute * (1 + part.bubble)
    factors = (  # their product is the MFU
        ("kernels", part.hardware_tflop / compute / hw.peak_tflops),
        ("model FLOPs share", part.useful_tflop / part.hardware_tflop),
        ("pipeline bubble", compute / with_bubble),
        ("communication", with_bubble / part.step_s(eta, comm)),
    )
    return EfficiencyEstimate(
        precision=precision, peak_dense_tflops=dense, peak_sparse_tflops=sparse,
        mfu=mfu, mfu_low=mfu / high, mfu_high=min(1.0, mfu / low), goodput=goodput,
        factors=factors, overridden=False, layout=part.layout, memory_fits=part.fits,
    )

