"""Peaks by precision, per server: the seed's rack statement and the CLI's `peaks`."""

from __future__ import annotations

import json

import pytest

from engine.catalog import load_catalog, server_peaks


def test_the_seeds_rack_of_13_sr670_v2_is_2_pf_fp64_tensor() -> None:
    # "a rack of 13 SR670 V2 gives about 2 PFLOPS": 13 servers × 8 A100 PCIe × 19.5 TFLOPS
    # FP64 tensor = 2,028 TFLOPS = 2.03 PF; dense BF16 13 × 8 × 312 = 32,448 TFLOPS = 32.4 PF
    catalog = load_catalog()
    cfg = catalog.configurations["lenovo-sr670v2-a100-pcie"]
    peaks = server_peaks(cfg, catalog.gpus[cfg.gpu])
    assert round(13 * peaks["fp64_tensor"]["dense"], 2) == 2.03  # type: ignore[operator]
    assert round(13 * peaks["bf16/fp16"]["dense"], 1) == 32.4  # type: ignore[operator]
    # and 13 × 3U = 39U fit a 42U rack
    assert 13 * catalog.servers[cfg.server].rack_units <= 42
    # FP64 has no sparse peak; BF16's is twice the dense
    assert peaks["fp64_tensor"]["sparse"] is None
    assert peaks["bf16/fp16"]["sparse"] == 2 * peaks["bf16/fp16"]["dense"]  # type: ignore[operator]
    # A100 datasheet: FP64 9.7, FP32 19.5, TF32 156, INT8 624 TOPS per card
    assert peaks["fp64"]["dense"] == pytest.approx(8 * 9.7 / 1000)
    assert peaks["fp32"]["dense"] == pytest.approx(8 * 19.5 / 1000)
    assert peaks["tf32"]["dense"] == pytest.approx(8 * 156 / 1000)
    assert peaks["int8"]["dense"] == pytest.approx(8 * 624 / 1000)


def test_a_part_without_a_precision_has_no_peak_for_it_and_a_range_shows_both_ends() -> None:
    catalog = load_catalog()
    a40 = server_peaks(catalog.configurations["lenovo-sr670v2-a40"], catalog.gpus["a40-48gb"])
    assert "fp64_tensor" not in a40 and "fp8" not in a40  # the A40 has neither
    atlas = catalog.configurations["huawei-atlas800t-a2-910b"]
    peaks = server_peaks(atlas, catalog.gpus[atlas.gpu])
    # Ascend 910B FP16 280-320 TFLOPS: 8 × 280 planned on, 8 × 320 shown beside it
    assert peaks["bf16/fp16"] == {"dense": 2.24, "sparse": None, "dense_high": 2.56}


def test_catalog_configs_json_has_peaks_and_keeps_its_fields(capsys: pytest.CaptureFixture[str]) -> None:
    from engine.cli import main

    assert main(["catalog", "configs", "--format", "json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    h200 = rows["lenovo-sr680av3-h200"]
    assert {"id", "vendor", "server", "gpus", "node_pflops_dense_bf16", "node_pflops_sparse_bf16",
            "units", "max_kw", "verified"} <= set(h200)
    assert h200["peaks"]["fp8"] == {"dense": pytest.approx(8 * 1979 / 1000),
                                    "sparse": pytest.approx(8 * 3958 / 1000)}
    assert h200["peaks"]["bf16/fp16"]["dense"] == h200["node_pflops_dense_bf16"]
    assert h200["price_missing"] == ["h200-sxm5-141gb"]
    assert main(["catalog", "configs"]) == 0  # the table keeps to flat columns
    assert "peaks" not in capsys.readouterr().out.splitlines()[0]
