"""A configuration refused because no server or switch fits a rack, or because its GPU lacks
the precision, says why in the reader's language (racks.ftl, request.ftl), not in English
built inline."""

from __future__ import annotations

import dataclasses

import pytest

from engine.compare import compare
from engine.errors import SaidError
from engine.facility.fabric import FabricTooLarge
from engine.facility.racks import RackRefusal
from engine.model import Facility, PlanRequest, Schedule, Workload
from tests.zh_words import english_words


@pytest.mark.parametrize(("error", "english", "chinese"), [
    (RackRefusal("rack-refused.budget", kw="10.2", budget="8"),
     "one node draws up to 10.2 kW, over the 8 kW rack budget",
     "单台节点最大功耗 10.2 kW，超过 8 kW 的单机柜功率预算"),
    (RackRefusal("rack-refused.space", units=8, usable=6),
     "a 8U node does not fit the 6U usable in a rack", "8U 的节点放不进机柜可用的 6U"),
    (RackRefusal("rack-refused.weight", kg="130"),
     "a 130 kg node exceeds the rack's load limit", "130 kg 的节点超过机柜承重上限"),
    # 64-port switches: a three-tier fat tree holds 64^3 / 4 = 65,536 endpoints
    (FabricTooLarge("rack-refused.fabric", endpoints=70000, radix=64, most=65536),
     "70,000 fabric endpoints exceed a three-tier fat tree of 64-port switches (65,536)",
     "70,000 个网络端点超过 64 端口交换机三层胖树的上限（65,536）"),
])
def test_a_rack_refusal_is_said_in_both_languages(error: SaidError, english: str,
                                                  chinese: str) -> None:
    assert str(error) == error.text("en") == english
    assert error.text("zh") == chinese
    assert english_words(chinese) == []


def test_a_plan_refused_by_its_rack_budget_says_why_in_chinese() -> None:
    # a 2 kW rack budget holds no 8-GPU server (each draws several kW)
    request = PlanRequest(Workload(preset="gpt3-xl"), Schedule(gpus=8),
                          configs=("inspur-nf5688m7-h800",))
    request = dataclasses.replace(request, facility=Facility(rack_kw=2.0))
    plan = compare(request).plans[0]
    assert not plan.feasible and plan.refusals[0].code == "racks"
    refusal = plan.refusals[0]
    assert refusal.text.startswith("the servers do not fit the racks: one node draws up to ")
    assert refusal.text.endswith("over the 2 kW rack budget")
    zh = refusal.render("zh")
    assert zh.startswith("服务器无法装入机柜：单台节点最大功耗 ")
    assert zh.endswith("超过 2 kW 的单机柜功率预算")
    assert english_words(zh) == []


def test_a_gpu_without_the_precision_is_refused_in_both_languages() -> None:
    # the A800 (Ampere) has no FP8 tensor cores: it supports bf16 only
    request = PlanRequest(Workload(preset="gpt3-xl"), Schedule(gpus=8, precision="fp8"),
                          configs=("inspur-nf5688m6-a800",))
    plan = compare(request).plans[0]
    assert plan.refusals[0].code == "precision"
    assert plan.refusals[0].text == ("the GPU does not support the chosen precision: "
                                     "the NVIDIA A800 SXM4 80GB supports bf16")
    zh = plan.refusals[0].render("zh")
    assert zh == "GPU 不支持所选精度：NVIDIA A800 SXM4 80GB 支持的精度为 bf16", zh
    assert english_words(zh, {"NVIDIA", "A800", "SXM4", "bf16"}) == [], zh


def test_an_implausible_price_on_saving_is_said_in_both_languages() -> None:
    from engine.money.prices import ImplausiblePrice, PriceError

    # a GPU's range is 5,000-600,000 CNY (resources/quotes.toml [plausible.parts.gpu])
    exc = ImplausiblePrice({"item": "gpu-h800"}, 5.0, "CNY", "NVIDIA H800 SXM5 80GB GPU")
    assert isinstance(exc, PriceError)  # caught where a price list's errors are
    assert str(exc).startswith("item gpu-h800, column unit_price: unit price 5 CNY is not ")
    zh = exc.text("zh")
    assert zh.startswith("物料 gpu-h800 的 unit_price 列：单价 5 CNY 不是GPU类部件的合理价格")
    line = ImplausiblePrice({"path": "prices.csv", "line": "12"}, 5.0, "CNY", "H800 GPU")
    assert str(line).startswith("prices.csv, line 12, column unit_price: unit price 5 CNY")
    assert line.text("zh").startswith("prices.csv 第 12 行 unit_price 列：单价 5 CNY")
