"""A Chinese comparison quote of configurations refused by the rack budget and by the GPU's
precision says why in Chinese: the refusal cells carry no English (they once carried the
engine's English detail in brackets)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from engine.compare import compare
from engine.export import write_quote
from engine.model import Facility, PlanRequest, Schedule, Workload
from tests.zh_words import english_words

# a 2 kW rack budget holds no 8-GPU server; the A800 (Ampere) has no FP8
REQUEST = PlanRequest(Workload(preset="gpt3-xl"), Schedule(gpus=8, precision="fp8"),
                      configs=("inspur-nf5688m7-h800", "inspur-nf5688m6-a800"),
                      facility=Facility(rack_kw=2.0))


def test_the_refusals_of_a_chinese_quote_are_chinese(tmp_path: Path) -> None:
    path = write_quote(compare(REQUEST), tmp_path / "quote_zh.xlsx", lang="zh")
    cells = [c.value for ws in openpyxl.load_workbook(path).worksheets for row in ws.iter_rows()
             for c in row if isinstance(c.value, str) and c.value.startswith("不可行：")]
    assert sorted(cells) == sorted([
        "不可行：服务器无法装入机柜：单台节点最大功耗 10.2 kW，超过 2 kW 的单机柜功率预算",
        "不可行：GPU 不支持所选精度：NVIDIA A800 SXM4 80GB 支持的精度为 bf16"]), cells
    for text in cells:
        assert english_words(text, {"NVIDIA", "A800", "SXM4", "bf16"}) == [], text
