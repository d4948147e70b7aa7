"""Step 1 against Table D.1 of the GPT-3 paper (Brown et al. 2020), as calibration.md quotes it."""

from __future__ import annotations

import pytest

from engine.compute.workload import compute_need, load_presets, parse_count
from engine.errors import RequestError
from engine.model import PF_DAY_FLOPS, Workload

# preset id, PF/s-days and FLOPs exactly as printed in Table D.1
TABLE_D1 = [
    ("gpt3-small", "2.60", "2.25E+20"),
    ("gpt3-medium", "7.42", "6.41E+20"),
    ("gpt3-large", "15.8", "1.37E+21"),
    ("gpt3-xl", "27.5", "2.38E+21"),
    ("gpt3-2.7b", "55.2", "4.77E+21"),
    ("gpt3-6.7b", "139", "1.20E+22"),
    ("gpt3-13b", "268", "2.31E+22"),
    ("gpt3-175b", "3640", "3.14E+23"),
]


def _round_sig(value: float, sig: int) -> float:
    return float(f"{value:.{sig}g}")


@pytest.mark.parametrize(("preset", "pf_days", "flops"), TABLE_D1)
def test_gpt3_rows_match_table_d1_to_its_printed_precision(preset: str, pf_days: str, flops: str) -> None:
    need = compute_need(Workload(preset=preset))
    sig = len(pf_days.replace(".", "").lstrip("0")) if "." in pf_days else 3  # "2.60" has 3
    assert _round_sig(need.pf_days, sig) == pytest.approx(float(pf_days))
    assert f"{need.flops:.2E}" == flops


def test_the_seed_takes_chatgpt_as_gpt3_xl() -> None:
    # Huatai note: one ChatGPT training run ≈ 27.5 PF/s-days, i.e. 27.5 days at 10^15 FLOP/s
    need = compute_need(Workload(preset="chatgpt-seed"))
    assert round(need.pf_days, 1) == 27.5
    assert need.flops / 1e15 / 86_400 == pytest.approx(need.pf_days)


def test_pf_day_is_8_64e19_flops() -> None:
    assert PF_DAY_FLOPS == 8.64e19


def test_phases_add_up() -> None:
    # 2 development runs of 7B × 1T, fine-tuning on 100B tokens, 50 PF/s-days of RLHF:
    # 2 × 6 × 7e9 × 1e12 + 6 × 7e9 × 1e11 + 50 × 8.64e19
    need = compute_need(Workload(params=7e9, tokens=1e12, runs=2, finetune_tokens=1e11,
                                 tuning_pf_days=50))
    assert need.flops == pytest.approx(8.4e22 + 4.2e21 + 4.32e21)
    assert need.pretrain_flops == pytest.approx(4.2e22)


def test_flops_and_pf_days_inputs_agree() -> None:
    assert compute_need(Workload(pf_days=3640)).flops == pytest.approx(3640 * 8.64e19)
    assert compute_need(Workload(flops=3.14e23)).pf_days == pytest.approx(3634.26, rel=1e-5)


@pytest.mark.parametrize(("text", "value"), [
    ("175B", 175e9), ("300B", 300e9), ("1.5T", 1.5e12), ("175e9", 175e9), ("125M", 125e6),
    ("2,000", 2000.0), ("7b", 7e9), (" 13B ", 13e9),
])
def test_counts_accept_suffixes_and_exponents(text: str, value: float) -> None:
    assert parse_count(text, "workload.params") == pytest.approx(value)


@pytest.mark.parametrize("text", ["-5", "0", "175X", "abc", "", "1e999", "B"])
def test_bad_counts_name_the_field(text: str) -> None:
    with pytest.raises(RequestError) as info:
        parse_count(text, "workload.params")
    assert info.value.field == "workload.params"


@pytest.mark.parametrize(("workload", "field"), [
    (Workload(params=-1.0, tokens=1e9), "workload.params"),
    (Workload(params=1e9), "workload.tokens"),
    (Workload(preset="gpt-9"), "workload.preset"),
    (Workload(), "workload"),
    (Workload(preset="gpt3-xl", flops=1e20), "workload"),
    (Workload(flops=1e20, runs=0), "workload.runs"),
    (Workload(flops=1e20, finetune_tokens=1e9), "workload.finetune_tokens"),
])
def test_bad_workloads_name_the_field(workload: Workload, field: str) -> None:
    with pytest.raises(RequestError) as info:
        compute_need(workload)
    assert info.value.field == field


def test_presets_have_sources_and_published_sizes() -> None:
    presets = load_presets()
    for required in ("llama2-7b", "llama2-13b", "llama2-70b", "chatgpt-seed", "deepseek-v3"):
        assert required in presets
    assert all(p.source for p in presets.values())
    assert presets["llama2-70b"].tokens == 2e12
    assert presets["deepseek-v3"].moe
