"""Time of one training step for the best parallel layout that fits memory.

In the spirit of Calculon and llm-analysis: for every tensor (tp) × pipeline (pp) × data (dp)
parallel layout, micro-batch size and recomputation choice, the step takes

    compute × (1 + κ·q) / η  × (1 + pipeline bubble)
  + tensor-parallel all-reduces over the intra-node link / c
  + pipeline sends and MoE all-to-alls over the inter-node fabric / c
  + the gradient all-reduce over the fabric / c that the last micro-batch's backward cannot hide
  + a fixed cost per step (optimizer step, data loading, logging, evaluation) of the team's stack

with η (the team's software efficiency), κ (how far small matrix multiplies fall below the
large-GEMM rate), the fixed step cost and c (achieved share of link bandwidth) the constants
fitted on resources/calibration/runs.csv. q is the GPU's ridge point (peak FLOP/s over memory
bandwidth) over the arithmetic intensity of the layer's GEMMs, 1/(1/M + 1/N + 1/K) FLOP per
byte for M = micro-batch × sequence, N = 4·hidden / tp, K = hidden: small hidden sizes and small
micro-batches make it large. The layout with the highest MFU that fits memory wins. Every other
constant lives in resources/efficiency.toml with its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
import numpy.typing as npt

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
    memory_gbs: float  # HBM bandwidth, GB/s: with the peak, where GEMMs stop being compute-bound


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
class Tuning:
    """The fitted constants a step is evaluated at (a team profile's, or trial ones in the fit)."""

    eta: float  # software efficiency η
    comm: float  # bandwidth efficiency c
    kappa: float = 0.0  # small-GEMM penalty κ
    overhead_s: float = 0.0  # fixed seconds per step


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
    shape_q: float = 0.0  # ridge point / GEMM intensity: the small-GEMM slowdown is 1 + κ·q

    def compute_at(self, t: Tuning) -> float:
        return self.compute_s * (1 + t.kappa * self.shape_q) / t.eta

    def step_s(self, t: Tuning) -> float:
        compute = self.compute_at(t)
        hidden = self.dp_hidden_s * (1 + t.kappa * self.shape_q) / t.eta
        return (compute * (1 + self.bubble) + self.comm_s / t.comm
                + max(0.0, self.dp_s / t.comm - hidden) + t.overhead_s)


@lru_cache(maxsize=4096)
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


@dataclass(frozen=True)
class Constants:
    """efficiency.toml's figures the step model reads, looked up once."""

    pcie_gbs: float
    gemm_share: float
    attention: float
    interleave: float
    top_k: float
    a2a_exposed: float
    grad_bytes: float
    weight_grad_bytes: float
    optimizer_bytes: float
    usable_share: float


@cache
def constants() -> Constants:
    return Constants(
        pcie_gbs=value("link", "pcie_gbs"), gemm_share=value("compute", "gemm_share"),
        attention=value("compute", "attention_causal_share"),
        interleave=value("pipeline", "interleave"), top_k=value("moe", "top_k"),
        a2a_exposed=value("moe", "a2a_exposed"), grad_bytes=value("memory", "grad_bytes"),
        weight_grad_bytes=value("memory", "weight_grad_bytes"),
        optimizer_bytes=value("memory", "optimizer_bytes"),
        usable_share=value("memory", "usable_share"),
    )


def _compute_rate(hw: Hardware, precision_speedup: float) -> float:
    """FLOP/s a GPU sustains at η = 1: GEMMs at the kernel efficiency, the rest at bf16 speed."""
    gemm = constants().gemm_share
    per_bf16 = gemm / precision_speedup + (1 - gemm)
    return hw.peak_bf16_tflops * 1e12 * hw.kernel_efficiency / per_bf16


TPS = (1, 2, 4, 8)
PPS = (1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 35, 40, 48, 56, 64)
MICROBATCHES = (1, 2, 4)
# Megatron-LM's block recomputation: a share of each stage's layers keeps only its input
SHARES = (0.0, 0.25, 0.5, 0.75, 1.0)


def recompute_name(share: float) -> str:
    if share <= 0:
        return "selective"
    return "full" if share >= 1 else "partial"
FLOAT = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Grid:
    """Every buildable layout of one cluster, one row each, as arrays (fast to search)."""

    tp: FLOAT
    pp: FLOAT
    dp: FLOAT
    mb: FLOAT
    full: FLOAT  # share of layers fully recomputed; the rest recompute attention only
    fits: npt.NDArray[np.bool_]
    memory_gb: FLOAT
    useful_tflop: FLOAT
    hardware_tflop: FLOAT
    compute_s: FLOAT
    bubble: FLOAT
    comm_s: FLOAT
    dp_s: FLOAT
    dp_hidden_s: FLOAT
    shape_q: FLOAT

    def step_s(self, t: Tuning) -> FLOAT:
        slow = (1 + t.kappa * self.shape_q) / t.eta
        return np.asarray(self.compute_s * slow * (1 + self.bubble) + self.comm_s / t.comm
                          + np.maximum(0.0, self.dp_s / t.comm - self.dp_hidden_s * slow)
                          + t.overhead_s)

    def row(self, i: int) -> StepParts:
        return StepParts(
            layout=Layout(tp=int(self.tp[i]), pp=int(self.pp[i]), dp=int(self.dp[i]),
                          microbatch=int(self.mb[i]),
                          recompute=recompute_name(float(self.full[i])),
                          recomputed_share=float(self.full[i])),
            fits=bool(self.fits[i]), memory_gb=float(self.memory_gb[i]),
            useful_tflop=float(self.useful_tflop[i]),
            hardware_tflop=float(self.hardware_tflop[i]),
            compute_s=float(self.compute_s[i]), bubble=float(self.bubble[i]),
            comm_s=float(self.comm_s[i]), dp_s=float(self.dp_s[i]),
            dp_hidden_s=float(self.dp_hidden_s[i]), shape_q=float(self.shape_q[i]),
        )


def _layouts(hw: Hardware, shape: Shape, gpus: int, recompute: str | None
             ) -> npt.NDArray[np.float64]:
    return _layout_rows(hw.gpus_per_node, shape.layers, shape.batch_tokens / shape.seq, gpus,
                        recompute)


@lru_cache(maxsize=1024)
def _layout_rows(gpus_per_node: int, layers: int, seqs: float, gpus: int, recompute: str | None
                 ) -> npt.NDArray[np.float64]:
    """(tp, pp, micro-batch, share of layers fully recomputed) of every layout the cluster can run.

    A layout need not divide the cluster: dp = ⌊GPUs / (tp·pp)⌋ replicas train and the GPUs
    left over idle (127 servers, as in NVIDIA's SuperPOD, cannot split into 8-way pipelines).
    The idle GPUs count against the MFU, so a dividing layout wins where one is as fast."""
    # every candidate of the node and the model, in search order; the cluster keeps those it
    # can run (a sizing asks for many cluster sizes of the same node and model)
    rows = _candidates(gpus_per_node, layers, recompute)
    tp, pp, mb = rows[:, 0], rows[:, 1], rows[:, 2]
    split = tp * pp
    dp = np.floor_divide(gpus, split)
    # a larger micro-batch needs the sequences
    keep = (split <= gpus) & ((mb == 1) | (seqs >= dp * mb))
    kept: npt.NDArray[np.float64] = rows[keep]
    kept.flags.writeable = False  # shared by every grid of the same cluster
    return kept


@lru_cache(maxsize=256)
def _candidates(gpus_per_node: int, layers: int, recompute: str | None
                ) -> npt.NDArray[np.float64]:
    """(tp, pp, micro-batch, recomputed share) of every layout the node and the model allow."""
    out = [(tp, pp, mb, full)
           for tp in TPS if tp <= gpus_per_node
           for pp in PPS if pp <= layers
           for full in ((1.0 if recompute == "full" else 0.0,) if recompute else SHARES)
           for mb in MICROBATCHES]
    rows = np.array(out, dtype=np.float64).reshape(-1, 4)
    rows.flags.writeable = False
    return rows


@lru_cache(maxsize=4096)
def grid(hw: Hardware, shape: Shape, gpus: int, recompute: str | None = None) -> Grid:
    """The step of every layout split into its parts (η = c = 1), for the search and the fit."""
    rows = _layouts(hw, shape, gpus, recompute)
    tp, pp, mb, full = rows[:, 0], rows[:, 1], rows[:, 2], rows[:, 3]
    k = constants()
    s, d, layers = float(shape.seq), float(shape.hidden), float(shape.layers)
    dp = np.floor(gpus / (tp * pp))
    used = tp * pp * dp  # the GPUs that train; the rest of the cluster idles
    seqs = np.maximum(shape.batch_tokens / s, dp * mb)
    m = seqs / (dp * mb)  # micro-batches per pipeline per step
    useful = 6 * shape.params * s / used * seqs  # a cluster wider than the batch grows it

    attention = k.attention * s / (6 * d)
    extra = full * (1 + attention) / 3 + (1 - full) * attention / 3
    hw_flops = useful * (1 + attention + extra)
    compute = hw_flops / _compute_rate(hw, hw.peak_tflops / hw.peak_bf16_tflops)
    chunks = np.maximum(1.0, np.minimum(k.interleave, layers / pp))
    bubble = (pp - 1) / (m * chunks)

    act_bytes = mb * s * d * 2  # one micro-batch's activations of one layer, bf16
    nic = hw.nic_gbps / 8 * GB
    stage_layers = layers / pp
    # _tp_bandwidth for every row at once: bridged pairs cross PCIe beyond a pair
    tp_bw = np.where((tp > 2) & (hw.link == "nvlink-bridge"), k.pcie_gbs / 2,
                     max(hw.link_gbs, k.pcie_gbs) / 2) * GB
    all_reduces = 4 + 2 * full
    tp_s = m * stage_layers * all_reduces * 2 * (tp - 1) / tp * act_bytes / tp_bw
    # steady-state sends overlap the next micro-batch; those of the fill and drain cannot
    pp_s = 2 * (pp - 1) * act_bytes / nic
    a2a_s = np.zeros_like(tp)
    if shape.moe:
        ep_remote = 1 - np.minimum(1.0, hw.gpus_per_node / np.maximum(1, dp * tp))
        a2a_s = m * stage_layers * 4 * k.top_k * act_bytes / tp * ep_remote / nic * k.a2a_exposed
    dense = shape.params / (tp * pp)
    # NCCL reduces inside the node over NVLink first; each GPU's own NIC then carries its 1/local
    # share of the node's copy of the gradients (rail-optimised fabric).
    local = np.minimum(dp, np.maximum(1, hw.gpus_per_node // tp))
    dp_bw = np.where(dp > local, nic, max(hw.link_gbs, k.pcie_gbs) / 2 * GB)
    dp_s = 2 * (dp - 1) / dp * dense / local * k.grad_bytes / dp_bw
    hidden = 2 / 3 * compute / m  # only the last micro-batch's backward overlaps the reduce
    # GEMM arithmetic intensity (FLOP per byte, bf16) of the MLP's M×K by K×N multiply
    intensity = 1 / (1 / (mb * s) + tp / (4 * d) + 1 / d)
    ridge = hw.peak_bf16_tflops * 1e12 / (hw.memory_gbs * GB)

    states = dense * (k.weight_grad_bytes + k.optimizer_bytes / dp)
    states += (shape.total_params - shape.params) * 16 / used
    per_layer = act_bytes / 2 * (2 * full + 34 * (1 - full)) / tp
    act = per_layer * stage_layers * np.minimum(pp, np.ceil(m))
    act += np.where(full > 0, act_bytes / 2 * 34 / tp, 0.0)  # the layer being recomputed
    memory = (states + act) / GB
    return Grid(
        tp=tp, pp=pp, dp=dp, mb=mb, full=full, fits=memory <= hw.memory_gb * k.usable_share,
        memory_gb=memory, useful_tflop=useful * used / gpus / 1e12,  # per GPU of the cluster
        hardware_tflop=hw_flops / 1e12, compute_s=compute, bubble=bubble,
        comm_s=tp_s + pp_s + a2a_s, dp_s=dp_s, dp_hidden_s=hidden, shape_q=ridge / intensity,
    )


@lru_cache(maxsize=4096)
def best(hw: Hardware, shape: Shape, gpus: int, tuning: Tuning, recompute: str | None = None,
         ) -> tuple[StepParts, float]:
    """The layout with the highest MFU that fits memory (or, if none fits, the smallest one)."""
    g = grid(hw, shape, gpus, recompute)
    mfu = g.useful_tflop / (hw.peak_tflops * g.step_s(tuning))
    i = int(np.argmax(np.where(g.fits, mfu, -1.0))) if g.fits.any() else int(np.argmin(g.memory_gb))
    return g.row(i), float(mfu[i])
