"""Time of one training step for the best parallel layout that fits memory.

In the spirit of Calculon and llm-analysis: for every tensor (tp) × pipeline (pp) × data (dp)
parallel layout, micro-batch size and recomputation choice, the step takes

    compute / η  × (1 + pipeline bubble)
  + tensor-parallel all-reduces over the intra-node link / c
  + pipeline sends and MoE all-to-alls over the inter-node fabric / c
  + the gradient all-reduce over the fabric / c that the last micro-batch's backward cannot hide

with η (software efficiency) and c (achieved share of link bandwidth) the two constants fitted
on resources/calibration/runs.csv. The layout with the highest MFU that fits memory wins.
Every other constant lives in resources/efficiency.toml with its source.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from engine.compute.parameters import value
from engine.model import Layout

GB = 1e9


@dataclass(frozen=True)
class Hardware:
    """One GPU and how it is joined to the others."""

    peak_tflops: float  # dense peak of the planned precision
    peak_bf16_tflops: float
    memory_gb: float
    gpus_per_node: int
    link: str  # nvswitch | nvlink-mesh | nvlink-bridge | pcie
    link_gbs: float  # GPU-to-GPU, both directions, per GPU
    nic_gbps: float  # inter-node fabric per GPU, Gbit/s one way
    kernel_efficiency: float  # share of the bf16 peak large GEMMs reach on this architecture


@dataclass(frozen=True)
class Shape:
    """The model as the step-time model sees it; derived from parameters when not known."""

    params: float  # active per token
    total_params: float  # all weights (larger for a mixture of experts)
    layers: int
    hidden: int
    seq: int
    batch_tokens: float

    @property
    def moe(self) -> bool:
        return self.total_params > self.params * 1.001


@dataclass(frozen=True)
class StepParts:
    """One layout's step, split so that η and c can be applied afterwards (and fitted)."""

    layout: Layout
    fits: bool
    memory_gb: float
    useful_tflop: float  # 6·N·tokens per GPU per step, in TFLOP
    hardware_tflop: float  # what the GPU really runs: attention and recomputation added
    compute_s: float  # at η = 1
    bubble: float  # pipeline idle time as a share of compute
    comm_s: float  # exposed tensor/pipeline/all-to-all time at c = 1
    dp_s: float  # gradient all-reduce at c = 1
    dp_hidden_s: float  # the share of compute at η = 1 it can hide behind

    def step_s(self, eta: float, comm: float) -> float:
        compute = self.compute_s / eta
        return (compute * (1 + self.bubble) + self.comm_s / comm
                + max(0.0, self.dp_s / comm - self.dp_hidden_s / eta))


def shape_for(params: float, *, total_params: float | None = None, seq: int | None = None,
              batch_tokens: float | None = None, gpus: int = 1) -> Shape:
    """Layers and width of a transformer of ``params`` (N ≈ 12·L·d², d/L from efficiency.toml)."""
    aspect = value("shape", "width_per_layer")
    hidden = max(128, round((aspect * params / 12) ** (1 / 3) / 128) * 128)
    layers = max(1, round(params / (12 * hidden**2)))
    seq = seq or int(value("shape", "seq_len"))
    if batch_tokens is None:
        batch_tokens = max(value("shape", "batch_tokens_min"),
                           value("shape", "batch_tokens_per_gpu") * gpus)
    return Shape(params=params, total_params=total_params or params, layers=layers,
                 hidden=hidden, seq=seq, batch_tokens=batch_tokens)


def _tp_bandwidth(hw: Hardware, tp: int) -> float:
    """GB/s one way per GPU for a tensor-parallel group of ``tp``."""
    if hw.link == "nvlink-bridge" and tp > 2:
        return value("link", "pcie_gbs") / 2  # bridges join pairs; the rest crosses PCIe
    return max(hw.link_gbs, value("link", "pcie_gbs")) / 2


def _compute_rate(hw: Hardware, precision_speedup: float) -> float:
    """FLOP/s a GPU sustains at η = 1: GEMMs at the kernel efficiency, the rest at bf16 speed."""
    gemm = value("compute", "gemm_share")
    per_bf16 = gemm / precision_speedup + (1 - gemm)
    return hw.peak_bf16_tflops * 1e12 * hw.kernel_efficiency / per_bf16


def parts(hw: Hardware, shape: Shape, gpus: int, layout: Layout) -> StepParts | None:
    """The step split into its parts for one layout; None if the layout cannot be built."""
    tp, pp, mb = layout.tp, layout.pp, layout.microbatch
    if tp > hw.gpus_per_node or gpus % (tp * pp) or pp > shape.layers:
        return None
    dp = gpus // (tp * pp)
    seqs = max(shape.batch_tokens / shape.seq, dp * mb)
    m = seqs / (dp * mb)  # micro-batches per pipeline per step
    if mb > 1 and m < 1:
        return None
    tokens = seqs * shape.seq
    s, d, layers = shape.seq, shape.hidden, shape.layers

    attention = value("compute", "attention_causal_share") * s / (6 * d)
    recompute = (1 + attention) / 3 if layout.recompute == "full" else attention / 3
    useful = 6 * shape.params * tokens / gpus
    hw_flops = useful * (1 + attention + recompute)
    compute = hw_flops / _compute_rate(hw, hw.peak_tflops / hw.peak_bf16_tflops)
    chunks = max(1.0, min(value("pipeline", "interleave"), shape.layers / pp))
    bubble = (pp - 1) / (m * chunks)

    act_bytes = mb * s * d * 2  # one micro-batch's activations of one layer, bf16
    nic = hw.nic_gbps / 8 * GB
    stage_layers = layers / pp
    tp_s = 0.0
    if tp > 1:
        all_reduces = 6 if layout.recompute == "full" else 4
        per = 2 * (tp - 1) / tp * act_bytes / (_tp_bandwidth(hw, tp) * GB)
        tp_s = m * stage_layers * all_reduces * per
    # steady-state sends overlap the next micro-batch; those of the fill and drain cannot
    pp_s = 2 * (pp - 1) * act_bytes / nic if pp > 1 else 0.0
    a2a_s = 0.0
    if shape.moe:
        ep_remote = 1 - min(1.0, hw.gpus_per_node / max(1, dp * tp))
        a2a_s = (m * stage_layers * 4 * value("moe", "top_k") * act_bytes / tp * ep_remote
                 / nic * value("moe", "a2a_exposed"))
    dense = shape.params / (tp * pp)
    # NCCL reduces inside the node over NVLink first; each GPU's own NIC then carries its 1/local
    # share of the node's copy of the gradients (rail-optimised fabric).
    local = min(dp, max(1, hw.gpus_per_node // tp))
    dp_bw = nic if dp > local else hw.link_gbs / 2 * GB
    dp_s = (2 * (dp - 1) / dp * dense / local * value("memory", "grad_bytes") / dp_bw
            if dp > 1 else 0.0)
    hidden = 2 / 3 * compute / m  # only the last micro-batch's backward overlaps the reduce

    states = dense * (value("memory", "weight_grad_bytes") + value("memory", "optimizer_bytes") / dp)
    states += (shape.total_params - shape.params) * 16 / gpus
    per_layer = act_bytes / 2 * (2 if layout.recompute == "full" else 34) / tp
    in_flight = min(pp, math.ceil(m))
    act = per_layer * stage_layers * in_flight
    if layout.recompute == "full":
        act += act_bytes / 2 * 34 / tp  # the layer being recomputed
    memory = (states + act) / GB
    return StepParts(
        layout=Layout(tp=tp, pp=pp, dp=dp, microbatch=mb, recompute=layout.recompute),
        fits=memory <= hw.memory_gb * value("memory", "usable_share"), memory_gb=memory,
        useful_tflop=useful / 1e12, hardware_tflop=hw_flops / 1e12, compute_s=compute, bubble=bubble,
        comm_s=tp_s + pp_s + a2a_s, dp_s=dp_s, dp_hidden_s=hidden,
    )


TPS = (1, 2, 4, 8)
PPS = (1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 35, 40, 48, 56, 64)
MICROBATCHES = (1, 2, 4)


@lru_cache(maxsize=4096)
def candidates(hw: Hardware, shape: Shape, gpus: int, recompute: str | None = None
               ) -> tuple[StepParts, ...]:
    """Every buildable layout of ``gpus`` GPUs (recomputation fixed if ``recompute``)."""
    out = []
    for rc in ((recompute,) if recompute else ("selective", "full")):
        for tp in TPS:
            for pp in PPS:
                for mb in MICROBATCHES:
                    p = parts(hw, shape, gpus, Layout(tp=tp, pp=pp, dp=0, microbatch=mb,
                                                      recompute=rc))
                    if p is not None:
                        out.append(p)
    return tuple(out)


def mfu_of(p: StepParts, hw: Hardware, eta: float, comm: float) -> float:
    return p.useful_tflop / (hw.peak_tflops * p.step_s(eta, comm))


@lru_cache(maxsize=4096)
def best(hw: Hardware, shape: Shape, gpus: int, recompute: str | None = None,
         eta: float | None = None, comm: float | None = None) -> tuple[StepParts, float]:
    """The layout with the highest MFU that fits memory (or, if none fits, the smallest one)."""
    eta = value("fit", "software_efficiency") if eta is None else eta
    comm = value("fit", "bandwidth_efficiency") if comm is None else comm
    options = candidates(hw, shape, gpus, recompute)
    if not options:  # fewer GPUs than a tensor-parallel group: run on one
        raise ValueError(f"no layout for {gpus} GPUs")
    fitting = [p for p in options if p.fits]
    if not fitting:
        p = min(options, key=lambda q: q.memory_gb)
        return p, mfu_of(p, hw, eta, comm)
    p = max(fitting, key=lambda q: mfu_of(q, hw, eta, comm))
    return p, mfu_of(p, hw, eta, comm)
