"""Step 2: delivered FLOP/s per GPU = dense peak × MFU × goodput.

MFU = base(architecture, precision) × model size × intra-node link × cluster scale
(× MoE), each factor a parameter in resources/efficiency.toml with its source.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from engine.errors import RequestError
from engine.model import EfficiencyEstimate, Precision
from engine.resources import resource_path

if TYPE_CHECKING:
    from engine.catalog import Gpu


@cache
def _params() -> dict[str, Any]:
    with resource_path("efficiency.toml").open("rb") as fh:
        return tomllib.load(fh)


def _v(section: str, key: str) -> float:
    return float(_params()[section][key]["value"])


def parameter_notes() -> list[tuple[str, float, str]]:
    """Every model parameter with its note, for the assumptions sheet and the docs."""
    out: list[tuple[str, float, str]] = []
    for section, entries in _params().items():
        if not isinstance(entries, dict):
            continue
        for key, entry in entries.items():
            if isinstance(entry, dict) and "value" in entry:
                out.append((f"{section}.{key}", float(entry["value"]), entry.get("note", "")))
            elif isinstance(entry, dict):  # base_mfu.bf16.ampere
                for arch, sub in entry.items():
                    out.append((f"{section}.{key}.{arch}", float(sub["value"]), sub.get("note", "")))
    return out


@dataclass(frozen=True)
class NodeTraits:
    """What the efficiency model needs to know of a server configuration."""

    architecture: str
    peak_dense: dict[str, float]  # TFLOP/s per precision
    peak_sparse: dict[str, float]
    link: str  # nvswitch | nvlink-mesh | nvlink-bridge | pcie
    link_gbs: float
    nics_per_gpu: float


def gpu_traits(gpu: Gpu, *, link: str, link_gbs: float, nics_per_gpu: float) -> NodeTraits:
    """The traits of a server holding ``gpu``s joined by ``link``."""
    return NodeTraits(
        architecture=gpu.architecture,
        peak_dense={str(k): v for k, v in gpu.dense_tflops.items()},
        peak_sparse={str(k): v for k, v in gpu.sparse_tflops.items()},
        link=link, link_gbs=link_gbs, nics_per_gpu=nics_per_gpu,
    )


def link_factor(link: str, link_gbs: float, params: float | None) -> float:
    if link == "nvswitch":
        full = _v("link", "nvswitch_full_gbs")
        loss = _v("link", "nvswitch_slope") * max(0.0, 1 - link_gbs / full)
        factor = _v("link", "nvswitch") - loss
    else:
        factor = _v("link", link)
    # Small models train data-parallel and feel the intra-node link less.
    if params is None:
        weight = 1.0
    else:
        small = _v("link", "weight_small")
        weight = small + (1 - small) * min(1.0, max(0.0, math.log10(params / 1e9) / 2))
    return 1 - (1 - factor) * weight


def size_factor(params: float | None) -> float:
    if params is None:
        return _v("size", "unknown_model")
    doublings = math.log2(params / float(_params()["reference_params"]))
    if doublings < 0:
        return max(_v("size", "floor"), 1 + _v("size", "loss_per_halving") * doublings)
    return min(_v("size", "cap"), 1 + _v("size", "gain_per_doubling") * doublings)


def scale_factor(gpus: int, nics_per_gpu: float) -> float:
    reference = int(_params()["reference_gpus"])
    doublings = math.log2(max(gpus, reference) / reference)
    loss = _v("scale", "loss_per_doubling") * (
        1 + _v("scale", "nic_penalty") * max(0.0, 1 - nics_per_gpu)
    )
    return max(0.05, 1 - loss * doublings)


def peak_for(traits: NodeTraits, precision: Precision, gpu_name: str) -> tuple[float, float]:
    dense = traits.peak_dense.get(precision)
    if dense is None:
        have = ", ".join(p for p in ("bf16", "fp8") if p in traits.peak_dense)
        raise RequestError("schedule.precision", precision, f"the {gpu_name} supports {have}")
    return dense, traits.peak_sparse.get(precision, 2 * dense)


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
    band_low, band_high = _v("band", "low"), _v("band", "high")
    if mfu_override is not None:
        mfu = mfu_override
        factors: tuple[tuple[str, float], ...] = (("override", mfu_override),)
    else:
        bases = _params()["base_mfu"][precision]
        if traits.architecture not in bases:
            raise RequestError(
                "schedule.precision", precision,
                f"no efficiency figure for {precision} on {traits.architecture} GPUs; use bf16",
            )
        factors = (
            ("base", float(bases[traits.architecture]["value"])),
            ("model size", size_factor(params)),
            ("intra-node link", link_factor(traits.link, traits.link_gbs, params)),
            ("cluster scale", scale_factor(gpus, traits.nics_per_gpu)),
        )
        if moe:
            factors += (("mixture of experts", _v("moe", "factor")),)
        mfu = math.prod(f for _, f in factors)
    return EfficiencyEstimate(
        precision=precision,
        peak_dense_tflops=dense,
        peak_sparse_tflops=sparse,
        mfu=mfu,
        mfu_low=mfu * band_low,
        mfu_high=min(1.0, mfu * band_high),
        goodput=goodput,
        factors=factors,
        overridden=mfu_override is not None,
    )
