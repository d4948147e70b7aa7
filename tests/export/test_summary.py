"""The Summary says why configurations are left out of the recommendation, and does not speak
of a deadline where there is none."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from engine import Finance, PlanRequest, Schedule, Workload, compare
from engine.export import write_quote
from engine.export.labels import Labels
from engine.export.names import titles

CONFIGS = ("lenovo-sr670v2-a40", "lenovo-sr680av3-h800", "inspur-nf5688m7-h800")


def _column(ws: openpyxl.worksheet.worksheet.Worksheet, letter: str) -> list[object]:
    return [ws[f"{letter}{r}"].value for r in range(1, ws.max_row + 1)]


def test_left_out_of_the_recommendation_and_why(tmp_path: Path) -> None:
    # bought in mid-2025, before the case-by-case rule of 2026-01-15
    comparison = compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30, lead_time_days=0),
                                     configs=CONFIGS, finance=Finance(purchase_date="2025-06-01")))
    rec = comparison.recommendation
    # in CN the H800s need an export licence; the A40 has no rule recorded: it is the only one
    # left, so it is named, not crowned cheapest, fastest and lowest TCO at once (issue 19)
    assert rec.only == "lenovo-sr670v2-a40" and rec.scope == ("lenovo-sr670v2-a40",)
    assert (rec.cheapest_meeting_deadline, rec.fastest, rec.lowest_tco) == (None, None, None)
    assert {c for c, _ in rec.skipped} == {"lenovo-sr680av3-h800", "inspur-nf5688m7-h800"}
    for lang in ("en", "zh"):
        L = Labels(lang)  # type: ignore[arg-type]
        named = titles(comparison.plans, lang)
        ws = openpyxl.load_workbook(write_quote(comparison, tmp_path / f"{lang}.xlsx",
                                                lang=lang))[L("sheet.summary")]  # type: ignore[arg-type]
        notes = [v for v in _column(ws, "B") if isinstance(v, str) and v.startswith(
            L("rec.skipped", market="CN", since="2023-10-23", configs="")[:12])]
        assert len(notes) == 1
        assert named["lenovo-sr680av3-h800"] in notes[0] and named["inspur-nf5688m7-h800"] in notes[0]
        assert named["lenovo-sr670v2-a40"] not in notes[0]
        # at the slow end of the efficiency band every one of them misses 30 days: at risk
        assert _column(ws, "L").count(L("status.at_risk")) == 3


def test_a_fixed_fleet_has_no_deadline_to_meet(tmp_path: Path) -> None:
    comparison = compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(gpus=1024),
                                     configs=CONFIGS))
    L = Labels("en")
    ws = openpyxl.load_workbook(write_quote(comparison, tmp_path / "q.xlsx"))["Summary"]
    assert L("rec.cheapest_fleet") in _column(ws, "A") and L("rec.cheapest") not in _column(ws, "A")
    top = _column(ws, "H").index(L("col.meets")) + 1
    assert _column(ws, "H")[top:top + 3] == ["—", "—", "—"]
    assert _column(ws, "L")[top:top + 3] == [L("status.ok")] * 3
