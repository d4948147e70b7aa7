"""Published training runs from shared/reference/calibration.md, and the engine's prediction of each.

Used by test_calibration.py (which asserts the errors) and tests/bench/calibration_report.py
(which prints them).
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.catalog import load_catalog
from engine.compute.efficiency import estimate
from engine.compute.estimate import typical_traits
from engine.model import Precision

RECOMPUTE = 6 / 8  # Megatron-2021 counts 8·N·D (full recomputation); model FLOPs are 6·N·D


@dataclass(frozen=True)
class Run:
    name: str
    source: str
    gpu: str
    gpus: int
    params: float
    published_mfu: float
    era: str  # "current": selective recomputation or FP8 software; "2021": full recomputation
    precision: Precision = "bf16"
    moe: bool = False


RUNS = [
    # Megatron-LM README (Korthikanti et al. 2022), A100, selective recomputation. The GPU counts
    # (8, 64, 280, 512) are the paper's; calibration.md gives only the MFU.
    Run("Megatron 22B", "Megatron-LM README", "a100-sxm4-80gb", 8, 22e9, 0.415, "current"),
    Run("Megatron 175B", "Megatron-LM README", "a100-sxm4-80gb", 64, 175e9, 0.514, "current"),
    Run("Megatron 530B", "Megatron-LM README", "a100-sxm4-80gb", 280, 530e9, 0.560, "current"),
    Run("Megatron 1T", "Megatron-LM README", "a100-sxm4-80gb", 512, 1e12, 0.563, "current"),
    Run("Megatron H100 175B, 96 GPUs", "Megatron-LM README", "h100-sxm5-80gb", 96, 175e9, 0.47, "current"),
    Run("Megatron H100 175B, 4608 GPUs", "Megatron-LM README", "h100-sxm5-80gb", 4608, 175e9, 0.42,
        "current"),
    Run("NeMo GPT-3 175B FP8", "NVIDIA NeMo performance summary: 888 TFLOP/s", "h100-sxm5-80gb", 512,
        175e9, 888 / 1979, "current", precision="fp8"),
    Run("OPT-175B", "OPT paper summaries: 147 TFLOP/s", "a100-sxm4-80gb", 992, 175e9, 147 / 312,
        "current"),
    # Megatron-LM 2021 (Narayanan et al.), Table 2: TFLOP/s with full recomputation
    Run("Megatron-2021 175B, 384", "Narayanan et al. 2021", "a100-sxm4-80gb", 384, 175e9,
        153 * RECOMPUTE / 312, "2021"),
    Run("Megatron-2021 175B, 768", "Narayanan et al. 2021", "a100-sxm4-80gb", 768, 175e9,
        149 * RECOMPUTE / 312, "2021"),
    Run("Megatron-2021 175B, 1536", "Narayanan et al. 2021", "a100-sxm4-80gb", 1536, 175e9,
        141 * RECOMPUTE / 312, "2021"),
    Run("Megatron-2021 530B, 560", "Narayanan et al. 2021", "a100-sxm4-80gb", 560, 530e9,
        171 * RECOMPUTE / 312, "2021"),
    Run("Megatron-2021 530B, 1120", "Narayanan et al. 2021", "a100-sxm4-80gb", 1120, 530e9,
        167 * RECOMPUTE / 312, "2021"),
    Run("Megatron-2021 530B, 2240", "Narayanan et al. 2021", "a100-sxm4-80gb", 2240, 530e9,
        159 * RECOMPUTE / 312, "2021"),
    Run("Megatron-2021 1T, 3072", "Narayanan et al. 2021 (52% of peak)", "a100-sxm4-80gb", 3072, 1e12,
        163 * RECOMPUTE / 312, "2021"),
    # MT-NLG 530B on A100-40GB: TFLOP/s as reported (whether they count recomputation is not
    # stated in calibration.md; read as model FLOPs here)
    Run("MT-NLG 530B, 2240", "MT-NLG via llm-analysis", "a100-sxm4-40gb", 2240, 530e9, 126 / 312, "2021"),
    Run("MT-NLG 530B, 2800", "MT-NLG via llm-analysis", "a100-sxm4-40gb", 2800, 530e9, 121 / 312, "2021"),
    Run("MT-NLG 530B, 3360", "MT-NLG via llm-analysis", "a100-sxm4-40gb", 3360, 530e9, 113 / 312, "2021"),
]

# DeepSeek-V3: 37B active of 671B, 14.8T tokens, FP8 on 2048 H800; 2.664M GPU-hours of the
# 2.788M total were pre-training (DeepSeek-V3 README; the split is the README's).
DEEPSEEK_V3 = {"params": 37e9, "tokens": 14.8e12, "gpus": 2048, "gpu_hours": 2.664e6}


def predicted_mfu(run: Run) -> tuple[float, float, float]:
    """Expected, low and high MFU the engine gives for ``run``."""
    gpu = load_catalog().gpu(run.gpu)
    eff = estimate(typical_traits(gpu), gpu_name=gpu.name, precision=run.precision, gpus=run.gpus,
                   params=run.params, moe=run.moe, goodput=1.0, mfu_override=None)
    return eff.mfu, eff.mfu_low, eff.mfu_high


def deepseek_gpu_hours(goodput: float) -> float:
    gpu = load_catalog().gpu("h800-sxm5-80gb")
    eff = estimate(typical_traits(gpu), gpu_name=gpu.name, precision="fp8",
                   gpus=DEEPSEEK_V3["gpus"], params=DEEPSEEK_V3["params"], moe=True,
                   goodput=goodput, mfu_override=None)
    flops = 6 * DEEPSEEK_V3["params"] * DEEPSEEK_V3["tokens"]
    return flops / (eff.delivered_tflops * 1e12) / 3600
