"""A recommendation that tells the truth: each title is chosen within the scope it names (the
most buyable market-status group), a lone configuration is named, not crowned, and the best of
every other group is shown (issue 19)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from engine import Finance, PlanRequest, Schedule, Workload, compare
from engine.model import STATUS_GROUPS, Comparison
from engine.naming import titles

TODAY = "2026-12-07"


@pytest.fixture(scope="module")
def gpt3_today() -> Comparison:
    """A Chinese plan made today for GPT-3 175B, on the whole 2026 catalog."""
    return compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=120),
                               finance=Finance(purchase_date=TODAY)))


def _titles(comparison: Comparison) -> list[str]:
    rec = comparison.recommendation
    return [c for c in (rec.cheapest_meeting_deadline, rec.fastest, rec.lowest_tco) if c]


def test_titles_are_true_within_their_scope(gpt3_today: Comparison) -> None:
    rec = gpt3_today.recommendation
    plans = {p.config: p for p in gpt3_today.plans}
    groups = {c: plans[c].availability.group for c in plans  # type: ignore[union-attr]
              if plans[c].feasible}
    # the scope is the most buyable group there is, all of it, and nothing else
    best = next(g for g in STATUS_GROUPS if g in groups.values())
    assert rec.scope_group == best
    assert set(rec.scope) == {c for c, g in groups.items() if g == best}
    assert set(_titles(gpt3_today)) <= set(rec.scope)
    # the domestic Ascend system is the one clear to buy (no US export, import permitted):
    # alone in its group, it is named and not ranked against nothing
    assert rec.scope == ("huawei-atlas800t-a2-910b",) and rec.only == "huawei-atlas800t-a2-910b"
    assert _titles(gpt3_today) == []
    # the best of each other group is given beside it, and said
    by_group = dict(rec.best_by_group)
    assert by_group["clear"] == "huawei-atlas800t-a2-910b" and "unsure" in by_group
    assert any(c.startswith("Best of the unsure group") for c in rec.caveats)
    assert any("only clear-to-buy option" in c for c in rec.caveats)
    # what the figures rest on: a published MFU, placeholder prices
    assert any("MFU stated in the catalog" in c for c in rec.caveats)
    ascend = titles(gpt3_today.plans, "en")["huawei-atlas800t-a2-910b"]  # named as buyers do
    assert "·" in ascend and "huawei-atlas800t-a2-910b" not in ascend
    assert any(c.startswith("Prices are missing for") and ascend in c for c in rec.caveats)
    assert not any("huawei-atlas800t-a2-910b" in c for c in rec.caveats)


def test_where_nothing_is_clearly_buyable_it_says_so_and_ranks_within_a_group() -> None:
    nvidia = ("lenovo-wa7780g3-h20", "inspur-nf5688m7-h20", "lenovo-sr680av3-h200",
              "inspur-nf5688m7-h200", "lenovo-sr670v2-a40")
    # 130 days: after Hopper's 105-day lead time in China, 25 days of training; in 15 the H20
    # fleet sized for the 80% band outgrows a three-tier fat tree of 64-port switches
    comparison = compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=130),
                                     finance=Finance(purchase_date=TODAY), configs=nvidia))
    rec = comparison.recommendation
    assert rec.scope_group == "unsure" and set(rec.scope) == set(nvidia) and rec.only is None
    assert rec.caveats[0].startswith(f"Nothing is clearly buyable in CN as of {TODAY}")
    titles = _titles(comparison)
    assert titles and set(titles) <= set(rec.scope)
    # each title is true within the scope: no configuration in it is cheaper / faster
    plans = [p for p in comparison.plans if p.config in rec.scope and p.money]
    fastest = min(plans, key=lambda p: p.days)
    assert rec.fastest == fastest.config


def test_the_only_one_left_is_never_given_three_titles() -> None:
    # the case: bought when every other GPU needed an export licence, the A40 (no rule
    # recorded) was left alone and crowned cheapest, fastest and lowest TCO at once
    comparison = compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=120),
                                     finance=Finance(purchase_date="2025-06-01"),
                                     configs=("lenovo-sr670v2-a40", "inspur-nf5688m6-a800",
                                              "inspur-nf5688m7-h800")))
    rec = comparison.recommendation
    assert rec.only == "lenovo-sr670v2-a40" and _titles(comparison) == []
    assert {c for c, _ in rec.skipped} == {"inspur-nf5688m6-a800", "inspur-nf5688m7-h800"}
    assert dict(rec.best_by_group)["blocked"] in ("inspur-nf5688m6-a800", "inspur-nf5688m7-h800")


def test_cli_json_and_table_say_the_same(capsys: pytest.CaptureFixture[str]) -> None:
    from engine.cli import main

    args = ["plan", "--preset", "gpt3-175b", "--days", "120", "--purchase-date", TODAY]
    assert main([*args, "--format", "json"]) == 0
    rec = json.loads(capsys.readouterr().out)["recommendation"]
    # the fields it always had, and the new ones
    assert {"cheapest_meeting_deadline", "fastest", "lowest_tco", "skipped", "note"} <= set(rec)
    assert rec["scope"] == ["huawei-atlas800t-a2-910b"] and rec["only"] == rec["scope"][0]
    assert rec["caveats"] and all(isinstance(c, str) for c in rec["caveats"])
    assert main(args) == 0
    table = capsys.readouterr().out
    assert "Recommended among 1 clear: huawei-atlas800t-a2-910b, the only one" in table
    for caveat in rec["caveats"]:
        assert f"Caveat: {caveat}" in table


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_workbook_summary_says_the_same(gpt3_today: Comparison, lang: str,
                                            tmp_path: Path) -> None:
    from engine.export import write_quote
    from engine.export.labels import Labels

    L = Labels(lang)  # type: ignore[arg-type]
    ws = openpyxl.load_workbook(write_quote(gpt3_today, tmp_path / f"{lang}.xlsx",
                                            lang=lang))[L("sheet.summary")]  # type: ignore[arg-type]
    cells = [c for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert L("rec.only") in cells
    for message in gpt3_today.recommendation.caveat_messages:
        assert L.say(message) in cells
    if lang == "zh":  # in Chinese, with the date
        ascend = titles(gpt3_today.plans, "zh")["huawei-atlas800t-a2-910b"]  # 华为 Atlas 800T A2 · …
        assert ascend.startswith("华为")
        assert any(c.startswith(f"{ascend} 是“可明确采购”组的唯一方案") for c in cells)
        assert any(TODAY in c and "可明确采购" in c for c in cells)
