"""Overrides go into the quote: the workbook's lines carry the user's quantity and unit
price, say so in their note, and every total still equals the engine's to the cent."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl

from engine.compare import compare
from engine.export import write_quote
from engine.export.labels import Labels
from engine.model import CATEGORIES, Finance, LineOverride, PlanRequest, Schedule, Workload
from tests.export.quote_fixtures import Recalculated, bom_sheet_name, cents, find_row

A800 = "inspur-nf5688m6-a800"


def test_quote_carries_the_overrides_and_their_totals(tmp_path: Path) -> None:
    request = PlanRequest(
        Workload(preset="gpt3-175b"), Schedule(days=30, lead_time_days=0), finance=Finance(discount=0.05),
        configs=(A800,),
        overrides=(
            LineOverride(A800, A800, unit_price=1_000_000.0),  # the vendor's system price
            LineOverride(A800, "added-1", qty=3, unit_price=12_500.0, added=True,
                         category="services", description="Site survey"),
        ),
    )
    comparison = compare(request)
    path = write_quote(comparison, tmp_path / "q.xlsx", lang="en")
    book = openpyxl.load_workbook(path)
    name = bom_sheet_name(book, A800)
    ws = book[name]
    plan = comparison.plans[0]
    # the priced lines' rows, numbered "group.line" in column A, grouped by category in the
    # plan's order; matched by place, as one description can be on several lines (a switch
    # model bought for the network, the storage and the management groups)
    numbered = [r for r in range(6, ws.max_row + 1)
                if re.fullmatch(r"\d+\.\d+", str(ws[f"A{r}"].value or ""))]
    lines = sorted(plan.bom, key=lambda line: CATEGORIES.index(line.category))
    assert len(numbered) == len(lines)
    for line, r in zip(lines, numbered, strict=True):
        assert (ws[f"C{r}"].value, ws[f"D{r}"].value) == (line.description_en, line.qty), line.item
    row_of = {(line.category, line.item): r for line, r in zip(lines, numbered, strict=True)}
    assert len(row_of) == len(lines)
    system = row_of[("compute", A800)]
    assert ws[f"E{system}"].value == 1_000_000.0
    assert "unit price set by the user" in ws[f"H{system}"].value
    survey = row_of[("services", "added-1")]
    assert ws[f"C{survey}"].value == "Site survey"
    assert (ws[f"D{survey}"].value, ws[f"E{survey}"].value) == (3, 12_500.0)
    assert ws[f"H{survey}"].value == "line added by the user"

    # the workbook's formulas, recalculated, give the engine's totals with the overrides
    values = Recalculated(path)
    assert plan.money is not None
    for line in plan.bom:
        assert cents(values(name, f"F{row_of[(line.category, line.item)]}"), line.total), line.item
    grand = find_row(ws, "C", Labels("en")("bom.grand_total"))
    assert cents(values(name, f"F{grand}"), plan.money.capex)
