"""The 2026 China-market catalog: H20 (96 and 141 GB) and H200 systems from Lenovo and Inspur,
and a domestic accelerator (Huawei Ascend 910B in the Atlas 800T A2), each figure sourced."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from engine.catalog import Gpu, load_catalog
from engine.compare import compare, default_configs
from engine.model import Finance, PlanRequest, Schedule, Workload


def test_h20_and_h200_from_both_vendors_and_a_domestic_system() -> None:
    catalog = load_catalog()
    by_gpu: dict[str, set[str]] = {}
    for cfg in catalog.configurations.values():
        by_gpu.setdefault(cfg.gpu, set()).add(catalog.servers[cfg.server].vendor)
    assert {"Lenovo", "Inspur"} <= by_gpu["h20-96gb"]
    assert {"Lenovo", "Inspur"} <= by_gpu["h20-141gb"]
    assert {"Lenovo", "Inspur"} <= by_gpu["h200-sxm5-141gb"]
    assert by_gpu["ascend-910b"] == {"Huawei"}
    # every new record says where its figures come from and is not marked verified
    for cfg_id in ("inspur-nf5688m7-h20", "lenovo-wa7780g3-h20", "huawei-atlas800t-a2-910b"):
        cfg = catalog.configurations[cfg_id]
        assert cfg.source and not cfg.verified
    # the default comparison takes a third vendor, after Lenovo and Inspur
    vendors = [catalog.servers[catalog.configurations[c].server].vendor for c in default_configs(catalog)]
    assert vendors.index("Huawei") > max(i for i, v in enumerate(vendors) if v == "Inspur")


def test_conflicting_sources_are_a_range_planned_on_the_conservative_end() -> None:
    ascend = load_catalog().gpus["ascend-910b"]
    # Ascend 910B FP16: 280 in some reports, about 320 in others
    assert ascend.dense_tflops["fp16"] == 280 and ascend.dense_tflops_high["fp16"] == 320
    plan = compare(PlanRequest(Workload(preset="gpt3-xl"), Schedule(gpus=64),
                               configs=("huawei-atlas800t-a2-910b",),
                               finance=Finance(purchase_date="2026-12-07"))).plans[0]
    assert plan.efficiency is not None and plan.efficiency.peak_dense_tflops == 280
    with pytest.raises(ValidationError, match="at least"):
        Gpu.model_validate({**ascend.model_dump(), "dense_tflops_high": {"fp16": 200}})


def test_an_accelerator_without_calibration_runs_plans_on_its_published_mfu() -> None:
    ascend = load_catalog().gpus["ascend-910b"]
    assert ascend.calibration == "published" and "Pangu" in ascend.mfu_source
    plan = compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=120),
                               configs=("huawei-atlas800t-a2-910b",),
                               finance=Finance(purchase_date="2026-12-07"))).plans[0]
    eff = plan.efficiency
    assert eff is not None
    # Pangu Ultra MoE: MFU 30.0% on 6K Ascend NPUs; the band is the record's, wide on purpose
    assert (eff.mfu_low, eff.mfu, eff.mfu_high) == (0.20, 0.30, 0.45)
    assert eff.factors == (("published MFU", 0.30),)
    # and the days band follows it: expected × 0.30/0.20 at the slow end
    assert plan.days_high == pytest.approx(plan.days * 0.30 / 0.20)
    # a part off the model without a stated MFU is refused, naming what is missing
    with pytest.raises(ValidationError, match="needs mfu, mfu_low, mfu_high and mfu_source"):
        Gpu.model_validate({**ascend.model_dump(), "calibration": "uncalibrated", "mfu": None})


def test_missing_prices_are_flagged_on_the_configuration() -> None:
    catalog = load_catalog()
    from engine.money.prices import load_price_list

    prices = load_price_list()
    for cfg in catalog.configurations.values():
        for item in cfg.price_missing:
            assert item in prices and "PRICE MISSING" in prices.entry(item).source
    assert "ascend-910b" in catalog.configurations["huawei-atlas800t-a2-910b"].price_missing
    assert catalog.configurations["inspur-nf5688m7-h20"].price_missing == ()
