"""Every sheet that prints on more than one page repeats rows at the top of each page, and a
sheet of one table repeats that table's header row: a buyer reading page 3 of a BOM sees what
its columns are."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from engine.export import write_quote
from engine.export.labels import Labels
from engine.model import Comparison


def _title_rows(ws: openpyxl.worksheet.worksheet.Worksheet) -> range | None:
    said = ws.print_title_rows
    if not said:
        return None
    first, last = (int(part.strip("$")) for part in said.split(":"))
    return range(first, last + 1)


def _header_row(ws: openpyxl.worksheet.worksheet.Worksheet, first_header: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == first_header
                or ws.cell(r, 2).value == first_header)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_print_titles_on_every_sheet_that_needs_them(tmp_path: Path, comparison: Comparison,
                                                     lang: str) -> None:
    L = Labels(lang)
    book = openpyxl.load_workbook(write_quote(comparison, tmp_path / "q.xlsx", lang=lang))  # type: ignore[arg-type]
    for ws in book.worksheets:
        one_page = ws.page_setup.fitToHeight == 1 and not ws.row_breaks.brk
        if ws.title == L("sheet.racks"):  # the drawing: a slice a page, the title on each
            assert ws.print_title_rows == "$1:$1" and ws.page_setup.fitToHeight == 0
            assert len(ws._images) == len(ws.row_breaks.brk) + 1
            continue
        if ws.max_row > 45 and not one_page:  # more than a landscape page of rows
            assert _title_rows(ws) is not None, ws.title
    # the BOMs: one table each, its header row on every page
    boms = [ws for ws in book.worksheets if ws.cell(5, 1).value == L("bom.no")]
    assert boms
    for ws in boms:
        rows = _title_rows(ws)
        assert rows is not None and 5 in rows, ws.title
    rfq = openpyxl.load_workbook(write_quote(comparison, tmp_path / "rfq.xlsx", kind="rfq",
                                             vendor="inspur", lang=lang)).worksheets[0]  # type: ignore[arg-type]
    rows = _title_rows(rfq)
    assert rows is not None and _header_row(rfq, L("bom.part_number")) in rows


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_assumptions_and_sources_repeat_their_column_header(tmp_path: Path,
                                                          comparison: Comparison,
                                                          lang: str) -> None:
    """Both sheets hold several lists; each has one header row that names every column, and
    the print titles end with it, so page 2 of the sources is not a grid of unnamed columns."""
    L = Labels(lang)
    book = openpyxl.load_workbook(write_quote(comparison, tmp_path / "q.xlsx", lang=lang))  # type: ignore[arg-type]
    for name, first in ((L("sheet.assumptions"), L("asm.assumption")),
                        (L("sheet.sources"), L("src.name"))):
        ws = book[name]
        header = _header_row(ws, first)
        rows = _title_rows(ws)
        assert rows is not None and rows[-1] == header, name
        # the one header: no other row of the sheet repeats it as a second table's header
        assert [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == first] == [header]
        assert ws.freeze_panes == f"{ws.freeze_panes[0]}{header + 1}"
    sources = book[L("sheet.sources")]
    header = [sources.cell(_header_row(sources, L("src.name")), c).value for c in range(1, 8)]
    assert header[-1] == L("src.source") and L("bom.part_number") in header[1]
