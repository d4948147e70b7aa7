"""A GPU's market status where no recorded rule decides: the sentences come from the
catalogue (resources/i18n/<lang>/market.ftl) in both languages, never built inline."""

from __future__ import annotations

from engine.catalog import load_catalog
from engine.money.availability import market_status
from tests.zh_words import english_words


def test_no_rule_at_all_is_said_in_both_languages() -> None:
    # no rule of either gate is recorded for Germany (tests/engine/test_availability.py)
    got = market_status(load_catalog(), "h100-sxm5-80gb", "DE", "2026-01-01")
    assert got.rule == "no rule on buying this GPU in DE is recorded: check with the vendor"
    assert got.rule_zh == "未记录该 GPU 在 DE 的采购规定：请向厂商确认"
    assert english_words(got.rule_zh, {"DE"}) == []
    assert got.import_rule == ("no import rule for this GPU in DE is recorded as of 2026-01-01: "
                               "ask the vendor")
    assert english_words(got.import_rule_zh, {"DE"}) == []
    assert got.import_rule_zh.startswith("截至 2026-01-01 ")


def test_a_rule_from_a_later_date_is_quoted_with_its_date() -> None:
    # A100 in CN: the first export rule is from 2022-08-26; the day before, none is in force
    catalog = load_catalog()
    got = market_status(catalog, "a100-sxm4-80gb", "CN", "2022-08-25")
    first = next(r for r in sorted(catalog.availability.values(), key=lambda r: r.since)
                 if r.market == "CN" and "a100-sxm4-80gb" in r.gpus and r.gate == "export")
    assert got.rule == f"no recorded rule in force on 2022-08-25; from {first.since}: {first.rule}"
    assert got.rule_zh == f"2022-08-25 无已生效的已记录限制；自 {first.since} 起：{first.rule_zh}"


def test_an_import_rule_from_a_later_date_is_quoted_in_each_language() -> None:
    # H100 before the 2025-11-05 import rule (test_availability: state-funded projects)
    before = market_status(load_catalog(), "h100-sxm5-80gb", "CN", "2025-01-01")
    assert before.import_status == "unsure"
    assert "from 2025-11-05: " in before.import_rule and "state-funded" in before.import_rule
    assert before.import_rule.endswith(": ask the vendor")
    assert "自 2025-11-05 起：" in before.import_rule_zh
    assert before.import_rule_zh.endswith("：请向厂商确认")
    assert "state-funded" not in before.import_rule_zh
