"""The seed's rack statement, from the catalog's peaks and by hand."""

from __future__ import annotations

import pytest

from engine.catalog import SEED_RACK, load_catalog, rack_peaks


def test_thirteen_sr670_v2_with_eight_a100_pcie_give_2_03_pf_fp64_tensor_and_32_4_pf_bf16() -> None:
    config, servers = SEED_RACK
    catalog = load_catalog()
    cfg = catalog.configurations[config]
    assert (servers, cfg.gpu_count, catalog.gpus[cfg.gpu].name) == (13, 8, "NVIDIA A100 PCIe 80GB")
    assert catalog.servers[cfg.server].model == "ThinkSystem SR670 V2"
    peaks = rack_peaks(catalog, config, servers)
    # By hand, from NVIDIA's A100 datasheet: FP64 tensor core 19.5 TFLOPS, BF16 tensor core
    # 312 TFLOPS dense (624 with 2:4 sparsity), per GPU.
    #   13 servers × 8 GPUs = 104 GPUs
    #   104 × 19.5 TFLOPS = 2 028 TFLOPS = 2.028 PF  -> "2.03 PF FP64 tensor" (the seed's "about 2")
    #   104 × 312 TFLOPS = 32 448 TFLOPS = 32.448 PF -> "32.4 PF dense BF16"
    assert peaks["fp64_tensor"]["dense"] == pytest.approx(2.028)
    assert peaks["bf16/fp16"]["dense"] == pytest.approx(32.448)
    assert peaks["bf16/fp16"]["sparse"] == pytest.approx(64.896)
    assert f"{peaks['fp64_tensor']['dense']:.3g}" == "2.03"
    assert f"{peaks['bf16/fp16']['dense']:.3g}" == "32.4"
    # FP64 without tensor cores is half: 104 × 9.7 = 1 008.8 TFLOPS, not the seed's 2 PF
    assert peaks["fp64"]["dense"] == pytest.approx(1.0088)
    # 13 × 3U fill 39U: the statement needs no more rack than a 42U one gives
    assert servers * catalog.servers[cfg.server].rack_units == 39
