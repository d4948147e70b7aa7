"""A quotation line whose figures are no cluster's (engine/quotes/read.py) and a unit price
out of its kind's range (engine/plausible.py) are findings of the catalogue
(resources/i18n/<lang>/findings.ftl): the same row, value and bound in English and Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from engine.plausible import price_problem
from engine.quotes.read import read_quote
from tests.fuzz.hostile_quotes import ABSURD
from tests.zh_words import english_words

# a Chinese finding keeps the file it cites and the word a discount line may carry
_CITED = re.compile(r"（resources/quotes\.toml \[[a-z_.]+\]）")


@pytest.mark.parametrize("name", sorted(ABSURD))
def test_an_absurd_line_is_said_in_both_languages(tmp_path: Path, name: str) -> None:
    make, row, says = ABSURD[name]
    quote = read_quote(make(tmp_path / f"{name}.xlsx"))
    found = [f for f in quote.issues if f.row == row and f.code == "implausible"]
    assert len(found) == 1, [f.message for f in quote.issues]
    finding = found[0]
    english = finding.text("en")
    assert english == finding.message and re.search(says, english)
    assert english.startswith(f"row {row}: ") and english.endswith("; the line was left out, not summed")
    zh = finding.text("zh")
    assert zh.startswith(f"第 {row} 行：") and zh.endswith("；该行未计入合计")
    assert english_words(_CITED.sub("", zh), {"discount", "e"}) == [], zh  # 1e+19: a figure


def test_a_price_out_of_its_kinds_range_names_value_and_range_in_both_languages() -> None:
    # a GPU's range is 5,000-600,000 CNY (resources/quotes.toml [plausible.parts.gpu])
    en = price_problem(5.0, "CNY", "NVIDIA H800 SXM5 80GB GPU")
    assert en == ("unit price 5 CNY is not a plausible price of gpu parts, which lie between 5,000 "
                  "and 600,000 CNY (resources/quotes.toml [plausible.parts.gpu])")
    zh = price_problem(5.0, "CNY", "NVIDIA H800 SXM5 80GB GPU", "zh")
    assert "单价 5 CNY" in zh and "5,000 至 600,000 CNY" in zh and "GPU类部件" in zh
    assert english_words(_CITED.sub("", zh)) == [], zh
    # rack and power parts keep their two-word name in English; a price in range says nothing
    assert "of rack and power parts" in price_problem(1.0, "USD", "rack PDU 32A")
    assert price_problem(6000.0, "CNY", "NVIDIA H800 SXM5 80GB GPU") == ""
