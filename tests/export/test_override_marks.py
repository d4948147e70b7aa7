"""Lines the user set or added are marked in both kinds of quote: shaded (a named style),
with a legend saying what the shading means, and the note saying what changed."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl

from engine.compare import compare
from engine.export import write_quote
from engine.export.labels import Labels
from engine.model import CATEGORIES, Finance, LineOverride, PlanRequest, Schedule, Workload
from tests.export.quote_fixtures import bom_sheet_name

A800 = "inspur-nf5688m6-a800"
REQUEST = PlanRequest(
    Workload(preset="gpt3-175b"), Schedule(days=30, lead_time_days=0), finance=Finance(discount=0.05),
    configs=(A800,),
    overrides=(
        LineOverride(A800, A800, unit_price=1_000_000.0),
        LineOverride(A800, "added-1", qty=3, unit_price=12_500.0, added=True,
                     category="services", description="Site survey"),
    ),
)


def test_comparison_marks_the_users_lines(tmp_path: Path) -> None:
    comparison = compare(REQUEST)
    plan = comparison.plans[0]
    marked = {line.description_en for line in plan.bom if line.overridden}
    assert len(marked) == 2  # the system's price and the added survey
    for lang in ("en", "zh"):
        L = Labels(lang)  # type: ignore[arg-type]
        path = write_quote(comparison, tmp_path / f"{lang}.xlsx", lang=lang)  # type: ignore[arg-type]
        wb = openpyxl.load_workbook(path)
        ws = wb[bom_sheet_name(wb, A800)]
        assert ws["A4"].value == L("bom.overridden_legend")
        # the priced lines' rows, numbered "group.line", in the plan's category order
        numbered = [r for r in range(6, ws.max_row + 1)
                    if re.fullmatch(r"\d+\.\d+", str(ws[f"A{r}"].value or ""))]
        lines = sorted(plan.bom, key=lambda line: CATEGORIES.index(line.category))
        rows = dict(zip(numbered, lines, strict=True))
        for r, line in rows.items():
            shaded = ws[f"A{r}"].style == "cq_override"
            assert shaded == line.overridden, (lang, line.item)
            assert (ws[f"C{r}"].style == "cq_override_wrap") == line.overridden
            if line.overridden:
                assert ws[f"A{r}"].fill.fgColor.rgb.endswith("FCE4D6")
                assert line.note and ws[f"H{r}"].value == L.notes(line.notes, line.note)
                if lang == "zh":  # said in Chinese: "unit price set by the user (...)"
                    assert re.search("单价由用户设定（价目表|由用户添加的行", ws[f"H{r}"].value)


def test_rfq_never_marks_the_buyers_lines(tmp_path: Path) -> None:
    """Which lines the buyer set is the buyer's business: the RFQ shades none and has no legend
    (it used to; the vendor was told which prices the buyer had edited)."""
    comparison = compare(REQUEST)
    plan = comparison.plans[0]
    assert any(line.overridden for line in plan.bom)
    path = write_quote(comparison, tmp_path / "rfq.xlsx", kind="rfq", vendor="inspur")
    ws = openpyxl.load_workbook(path).worksheets[0]
    L = Labels("en")
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert L("rfq.overridden_legend") not in texts
    assert not [c.coordinate for row in ws.iter_rows() for c in row
                if c.style in ("cq_override", "cq_override_wrap")]
    system = next(r for r in range(1, ws.max_row + 1) if ws[f"B{r}"].value == plan.bom[0].part_number)
    assert plan.bom[0].note and plan.bom[0].note not in ws[f"C{system}"].value
