"""The step-time model: a hand-worked step, and properties every layout search must keep."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.compute.efficiency import tuning
from engine.compute.performance import Hardware, Tuning, best, grid, shape_for

A100 = Hardware(peak_tflops=312, peak_bf16_tflops=312, memory_gb=80, gpus_per_node=8,
                link="nvswitch", link_gbs=600, nic_gbps=200, kernel_efficiency=0.85,
                memory_gbs=2039)
TUNED = tuning("tuned")


def test_shape_from_parameters_by_hand() -> None:
    # d = (128 × 175e9 / 12)^(1/3) = 12 311 -> 12 288 (a multiple of 128); L = 175e9 / (12 d²) = 96.6
    shape = shape_for(175e9, seq=2048, batch_tokens=3.15e6)
    assert shape.hidden == 12_288
    assert shape.layers == 97


def test_one_gpu_step_by_hand() -> None:
    # 1.3B model on one A100, batch 64 × 2048 tokens, micro-batch 1, selective recomputation:
    # useful = 6 × 1.3e9 × 131 072 = 1.0224e15 FLOP
    # hidden d = (128 × 1.3e9 / 12)^(1/3) = 2 403 -> 2 432; attention share = 0.5 × 2048/(6 × 2432)
    #   = 0.0702; selective recomputation adds a third of it: 0.0234
    # kernel rate = 312e12 × 0.85 = 265.2e12 FLOP/s; compute = 1.0224e15 × 1.0936 / 265.2e12 = 4.216 s
    shape = shape_for(1.3e9, seq=2048, batch_tokens=64 * 2048)
    assert shape.hidden == 2432
    g = grid(A100, shape, 1)
    i = next(k for k in range(len(g.tp)) if g.mb[k] == 1 and g.full[k] == 0)
    row = g.row(i)
    attention = 0.5 * 2048 / (6 * 2432)
    useful = 6 * 1.3e9 * 64 * 2048
    assert row.useful_tflop == pytest.approx(useful / 1e12)
    assert row.compute_s == pytest.approx(useful * (1 + attention * 4 / 3) / 265.2e12, rel=1e-9)
    assert row.bubble == 0 and row.comm_s == 0 and row.dp_s == 0  # one GPU: nothing to talk to
    plain = Tuning(eta=0.68, comm=0.70)  # no small-GEMM penalty, no fixed step cost
    _, mfu = best(A100, shape, 1, plain)
    # the best one-GPU layout is this one (or a larger micro-batch, equally fast here)
    assert mfu == pytest.approx(useful / (312e12 * row.compute_s / 0.68), rel=1e-9)


def test_small_gemms_and_fixed_step_costs_by_hand() -> None:
    # The same 1.3B step with κ = 1 and a fixed 0.5 s per step. The MLP GEMM at micro-batch 1:
    # M = 2048, N = 4 × 2432 = 9728, K = 2432: intensity 1/(1/2048 + 1/9728 + 1/2432) = 998 FLOP/B;
    # the A100's ridge point is 312e12 / 2039e9 = 153 FLOP/B, so q = 0.1534 and compute is 15.3%
    # slower; the step adds 0.5 s.
    shape = shape_for(1.3e9, seq=2048, batch_tokens=64 * 2048)
    g = grid(A100, shape, 1)
    i = next(k for k in range(len(g.tp)) if g.mb[k] == 1 and g.full[k] == 0)
    row = g.row(i)
    q = (312e12 / 2039e9) / (1 / (1 / 2048 + 1 / 9728 + 1 / 2432))
    assert row.shape_q == pytest.approx(q, rel=1e-9)
    assert round(q, 4) == 0.1534
    t = Tuning(eta=0.68, comm=0.70, kappa=1.0, overhead_s=0.5)
    assert row.step_s(t) == pytest.approx(row.compute_s * (1 + q) / 0.68 + 0.5, rel=1e-9)
    # a larger micro-batch makes the GEMMs bigger: q falls
    j = next(k for k in range(len(g.tp)) if g.mb[k] == 4 and g.full[k] == 0)
    assert g.shape_q[j] < row.shape_q
    # a smaller model's GEMMs are smaller: q rises
    small = grid(A100, shape_for(125e6, seq=2048, batch_tokens=64 * 2048), 1)
    assert float(small.shape_q.max()) > float(g.shape_q.max())


PARAMS = st.sampled_from([1.3e9, 7e9, 13e9, 70e9, 175e9, 530e9])
GPUS = st.sampled_from([8, 64, 256, 1024, 4096])


@settings(max_examples=40, deadline=None)
@given(PARAMS, GPUS)
def test_the_chosen_layout_idles_less_than_a_pipeline_and_a_plausible_mfu(params: float, gpus: int) -> None:
    shape = shape_for(params, gpus=gpus)
    part, mfu = best(A100, shape, gpus, TUNED)
    lay = part.layout
    assert gpus - lay.tp * lay.pp < lay.tp * lay.pp * lay.dp <= gpus
    assert lay.tp <= A100.gpus_per_node and lay.pp <= shape.layers
    assert 0 < mfu < A100.kernel_efficiency * TUNED.eta
    if part.fits:
        assert part.memory_gb <= A100.memory_gb


@settings(max_examples=40, deadline=None)
@given(PARAMS, GPUS, st.sampled_from([50.0, 100.0, 200.0]), st.sampled_from([300.0, 400.0]))
def test_more_bandwidth_never_slows_training(params: float, gpus: int, nic: float,
                                             link: float) -> None:
    shape = shape_for(params, gpus=gpus)
    slow = Hardware(**{**A100.__dict__, "nic_gbps": nic, "link_gbs": link})
    fast = Hardware(**{**A100.__dict__, "nic_gbps": 2 * nic, "link_gbs": 600.0})
    assert best(fast, shape, gpus, TUNED)[1] >= best(slow, shape, gpus, TUNED)[1] - 1e-12


@settings(max_examples=30, deadline=None)
@given(PARAMS, st.sampled_from([64, 256, 1024]))
def test_more_memory_never_slows_training(params: float, gpus: int) -> None:
    shape = shape_for(params, gpus=gpus)
    small = Hardware(**{**A100.__dict__, "memory_gb": 40.0})
    part_small, mfu_small = best(small, shape, gpus, TUNED)
    if part_small.fits:
        assert best(A100, shape, gpus, TUNED)[1] >= mfu_small - 1e-12


@pytest.mark.parametrize("gpu", ["a100-sxm4-40gb", "a100-pcie-80gb", "a800-pcie-80gb",
                                 "h100-pcie-80gb", "h20-96gb", "l40s-48gb", "a40-48gb"])
def test_every_catalog_gpu_gets_a_finite_estimate(gpu: str) -> None:
    # PCIe-only cards (L40S: no NVLink at all) talk inside the server over PCIe
    from engine.compute.estimate import estimate
    from engine.model import Workload

    est = estimate(Workload(preset="gpt3-175b"), gpu, 512)
    assert 0 < est.efficiency.mfu < 1
    assert 0 < est.days_low < est.days < est.days_high


def test_mfu_factors_multiply_to_the_mfu() -> None:
    # the JSON's mfu_factors explain the MFU: kernels × model-FLOPs share × bubble × communication
    # × the fixed step costs
    import math

    from engine.compute.estimate import estimate
    from engine.model import Workload

    eff = estimate(Workload(preset="gpt3-175b"), "a800-sxm4-80gb", 1024).efficiency
    names = [n for n, _ in eff.factors]
    assert names == ["kernels", "model FLOPs share", "pipeline bubble", "communication",
                     "fixed step costs"]
    assert math.prod(v for _, v in eff.factors) == pytest.approx(eff.mfu, rel=1e-9)
    assert all(0 < v <= 1 for _, v in eff.factors)


def test_a_cluster_of_a_prime_number_of_servers_still_trains_at_full_speed() -> None:
    # NVIDIA's DGX SuperPOD has 127 nodes (1016 GPUs): no 8-way tensor × pipeline split divides
    # it, so a layout leaves a few GPUs idle rather than falling back to pp = 1 or dp = 1.
    shape = shape_for(175e9, gpus=1016)
    part, mfu = best(A100, shape, 1016, TUNED)
    _, mfu_1024 = best(A100, shape_for(175e9, gpus=1024), 1024, TUNED)
    lay = part.layout
    assert 1016 - lay.tp * lay.pp < lay.tp * lay.pp * lay.dp < 1016
    assert mfu > 0.9 * mfu_1024  # at most a pipeline's GPUs idle: a few percent, not half
