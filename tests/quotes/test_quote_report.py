"""The reconciliation report workbook: quote styles, formulas that add up, vendor text as text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from engine.export.reconciliation import write_reconciliation
from engine.quotes import compare_quotes, read_quote, reconcile
from tests.export.quote_fixtures import Recalculated
from tests.quotes.quote_files import INSPUR, LENOVO, MESSY


@pytest.fixture()
def report(comparison: Any, tmp_path: Path) -> Path:
    recs = [reconcile(comparison, read_quote(p)) for p in (LENOVO, INSPUR, MESSY)]
    return write_reconciliation(recs, compare_quotes(comparison, recs), tmp_path / "r.xlsx")


def test_vendor_text_is_never_a_formula(report: Path) -> None:
    book = load_workbook(report)
    cells = [c for ws in book for row in ws.iter_rows() for c in row]
    formulas = [c.value for c in cells if c.data_type == "f"]
    assert formulas and all(f.startswith("=SUM(") for f in formulas)  # only the report's own sums
    (remark,) = [c for c in cells if c.value == "=交期8周，以合同为准"]  # the reseller's remark
    assert remark.data_type == "s" and remark.quotePrefix


def test_uses_the_quote_styles_and_sums_by_formula(report: Path) -> None:
    book = load_workbook(report)
    assert "cq_header" in book.named_styles and "cq_money_CNY_total" in book.named_styles
    like = book.worksheets[0]
    total_row = next(r for r in like.iter_rows() if r[0].value in ("Normalised total",))
    assert total_row[1].value.startswith("=SUM(B6:") and total_row[1].style == "cq_money_CNY_total"


def test_formulas_compute_what_the_engine_says(comparison: Any, tmp_path: Path) -> None:
    recs = [reconcile(comparison, read_quote(p)) for p in (LENOVO, INSPUR)]
    like = compare_quotes(comparison, recs)
    path = write_reconciliation(recs, like, tmp_path / "calc.xlsx")
    calc = Recalculated(path)
    ws = load_workbook(path).worksheets[0]
    row = next(r[0].row for r in ws.iter_rows() if r[0].value == "Normalised total")
    for col, t in zip("BC", like.vendors, strict=True):
        assert calc(ws.title, f"{col}{row}") == pytest.approx(t.normalised_total, abs=0.05)
    lenovo = load_workbook(path).worksheets[1]
    sum_row = next(r[0].row for r in lenovo.iter_rows() if r[2].value == "Sum of quoted lines (as quoted)")
    assert calc(lenovo.title, f"F{sum_row}") == pytest.approx(  # the vendor's own line totals, in USD
        sum(line.stated_amount for line in recs[0].quote.items), abs=0.01)


def _zh_report(comparison: Any, tmp_path: Path) -> Path:
    recs = [reconcile(comparison, read_quote(p)) for p in (LENOVO, INSPUR, MESSY)]
    return write_reconciliation(recs, compare_quotes(comparison, recs), tmp_path / "zh.xlsx", lang="zh")


def test_print_titles_repeat_only_the_table_on_the_page(report: Path) -> None:
    like = load_workbook(report).worksheets[0]
    # the adjustments start a page of their own, and it is their header that repeats
    (brk,) = like.row_breaks.brk
    section = like.cell(brk.id + 1, 1).value
    assert section == "Adjustments to the plan's scope"
    header = brk.id + 2
    assert like.cell(header, 1).value == "Vendor" and like.cell(header, 6).value == "Source"
    assert like.print_title_rows == f"${header}:${header}"


def test_nothing_is_clipped_or_broken_inside_a_word(report: Path) -> None:
    book = load_workbook(report)
    like = book.worksheets[0]
    for col, name in zip("BCD", ("lenovo_dcsc_export.xlsx", "inspur_quotation_zh.xlsx",
                                 "messy_reseller_quote.xlsx"), strict=True):
        assert name in like[f"{col}5"].value
        assert like.column_dimensions[col].width >= len(name) + 1  # the file's name on one line
    header = like.row_breaks.brk[0].id + 2  # the adjustments' items wrap in their column
    items = [c for c in like["C"][header:] if c.value]
    assert items and all(c.alignment.wrap_text for c in items)
    for ws in book.worksheets[1:]:
        first_line = int(ws.freeze_panes.removeprefix("A"))  # the quoted lines' first row
        parts = [c for c in ws["B"][first_line - 1:] if c.value]
        width = ws.column_dimensions["B"].width
        assert all(len(str(c.value)) <= width or c.alignment.wrap_text for c in parts)


def test_chinese_report_names_services_as_the_catalogue_does(comparison: Any, tmp_path: Path) -> None:
    from engine.catalog import load_catalog

    like = load_workbook(_zh_report(comparison, tmp_path)).worksheets[0]
    texts = {c.value for r in like.iter_rows() for c in r if isinstance(c.value, str)}
    assert not texts & {"warranty", "project-management", "logistics"}
    assert load_catalog().rated_services["warranty"].name_zh in texts


def test_the_total_border_clears_the_row_under_it(report: Path) -> None:
    like = load_workbook(report).worksheets[0]
    total = next(r[0].row for r in like.iter_rows() if r[0].value == "Normalised total")
    assert like.cell(total + 1, 1).value == "Quoted (computed)"
    # taller rows than the 15 pt default, their text centred: clear of the double border
    for row in (total, total + 1):
        assert like.row_dimensions[row].height > 15
        assert {like.cell(row, c).alignment.vertical for c in range(1, 5)} == {"center"}
