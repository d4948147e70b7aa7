"""Every row of the BOM sheet names a part number, or says in the reader's language that none
is known (none is made up), and the catalog's maker's numbers reach the system's parts."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from engine import PlanRequest, Schedule, Workload, compare
from engine.export import write_quote
from engine.model import Finance
from tests.export.quote_fixtures import bom_sheet_name, find_row

SAID = {"en": ("no part number known", "service, no part number"),
        "zh": ("暂无已知料号", "服务项，无料号")}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_blank_part_number_on_the_bom_sheet(tmp_path: Path, lang: str) -> None:
    comparison = compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(gpus=256),
                                     finance=Finance(purchase_date="2026-01-01"),
                                     configs=("inspur-nf5688m7-h800",)))
    plan = comparison.plans[0]
    path = write_quote(comparison, tmp_path / f"q-{lang}.xlsx", lang=lang)
    ws = openpyxl.load_workbook(path)[bom_sheet_name(openpyxl.load_workbook(path), plan.config)]
    system = find_row(ws, "B", plan.bom[0].part_number)
    rows = [r for r in range(system, ws.max_row + 1)
            if str(ws[f"A{r}"].value or "").count(".") >= 1 and ws[f"D{r}"].value is not None]
    assert len(rows) >= len(plan.bom)
    assert all(ws[f"B{r}"].value for r in rows), [ws[f"C{r}"].value for r in rows if not ws[f"B{r}"].value]
    cells = {ws[f"B{r}"].value for r in rows}
    none, service = SAID[lang]
    assert none in cells and service in cells
    # the catalog's NVIDIA numbers: the compute HCA and the node's 2 × 200GbE adapter
    assert {"MCX75310AAS-NEAT", "MCX755106AS-HEAT"} <= cells
    # a generic Cat6A cord has no maker's number: it says so
    cord = next(r for r in rows if "Cat6A" in str(ws[f"C{r}"].value))
    assert ws[f"B{cord}"].value == none
