"""What a printed quote looks like to a buyer: sheets named in words, not ids, and at
thousands of GPUs the racks drawing printed over several pages at a legible scale rather than
shrunk onto one."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.cell import coordinate_from_string
from PIL import Image

from engine import PlanRequest, Schedule, Workload, compare
from engine.export import write_quote
from engine.export.labels import Labels
from engine.export.racks_png import slices
from engine.export.racks_sheet import COLUMN_PX, COLUMNS, PICTURE_DPI, PX_PT, SLICE_PT, write_racks
from engine.export.sheet import PrintHeading
from engine.export.styles import register_styles
from engine.model import Comparison

CATALOG_ID = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b")  # huawei-atlas800t-a2-910b


@pytest.fixture(scope="module")
def fleet_16k() -> Comparison:
    return compare(PlanRequest(Workload(preset="llama3.1-405b"), Schedule(gpus=16384)))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bom_sheets_are_named_in_words_never_by_id(tmp_path: Path, comparison: Comparison,
                                                   lang: str) -> None:
    path = write_quote(comparison, tmp_path / "q.xlsx", lang=lang, detail="all")  # type: ignore[arg-type]
    book = openpyxl.load_workbook(path)
    ids = {p.config for p in comparison.plans}
    names = book.sheetnames
    assert len({n.lower() for n in names}) == len(names)
    boms = [n for n in names if n.startswith(Labels(lang)("sheet.bom"))]
    assert len(boms) >= len([p for p in comparison.plans if p.money is not None]) - 3
    for name in names:
        assert len(name) <= 31 and not set("[]:*?/\\") & set(name), name
        assert name not in ids and not CATALOG_ID.search(name), name


def test_slices_join_bands_up_to_the_height_and_cut_only_at_edges() -> None:
    # bands of 3, 4, 2, 5 and 1 inches; slices of at most 7 inches
    edges = [0.0, 3.0, 7.0, 9.0, 14.0, 15.0]
    assert slices(edges, 7.0) == [(0.0, 7.0), (7.0, 14.0), (14.0, 15.0)]
    # a band taller than the page is a slice of its own, never cut through
    assert slices([0.0, 9.0, 10.0], 7.0) == [(0.0, 9.0), (9.0, 10.0)]
    assert slices([0.0, 5.0], 7.0) == [(0.0, 5.0)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_racks_at_16k_gpus_print_a_slice_a_page_at_a_legible_scale(fleet_16k: Comparison,
                                                                  lang: str) -> None:
    wb = openpyxl.Workbook()
    register_styles(wb, lang, {"CNY"})
    ws = wb.active
    assert write_racks(ws, fleet_16k, Labels(lang), PrintHeading("Q-1", "2026-01-01", "&P/&N"))
    pictures = ws._images
    # hundreds of racks: three rows of elevations and a floor of 45 rows, not one page
    assert len(pictures) >= 4
    assert len(ws.row_breaks.brk) == len(pictures) - 1
    assert ws.print_title_rows == "$1:$1"  # the sheet's title on every page
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToHeight == 0
    page_width_pt = COLUMNS * COLUMN_PX * PX_PT
    assert page_width_pt <= 842 - 0.8 * 72  # the columns fit the page: printed at 100%
    breaks = sorted(b.id for b in ws.row_breaks.brk)
    for n, picture in enumerate(pictures):
        shown_w, shown_h = picture.width * PX_PT, picture.height * PX_PT
        assert shown_w <= page_width_pt + 1 and shown_h <= SLICE_PT + 1
        natural_w = Image.open(io.BytesIO(picture._data())).width / PICTURE_DPI * 72
        # the drawing's 5.5 pt labels print at 3.9 pt or more (one page: about 1.6 pt)
        assert shown_w / natural_w >= 0.7, (n, shown_w / natural_w)
        anchor_row = coordinate_from_string(picture.anchor)[1]
        assert all(anchor_row > b for b in breaks[:n]) and all(anchor_row <= b for b in breaks[n:])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_long_list_of_rack_numbers_is_cut_and_counts_the_rest(fleet_16k: Comparison,
                                                                  lang: str) -> None:
    """Hundreds of racks alike that stand apart: a few lines of their numbers under the
    elevation, then how many more there are (the floor sketch numbers every rack)."""
    from engine.catalog import load_catalog
    from engine.export.racks_png import MAX_NUMBER_LINES, number_lines, rack_view

    plan = next(p for p in fleet_16k.plans if p.feasible)
    view = rack_view(plan, load_catalog(), lang=lang)
    assert view is not None
    numbers = list(range(1, 400, 3))  # 133 racks, none beside another: 133 runs
    lines = number_lines(numbers, 1.0, view)
    assert len(lines) <= MAX_NUMBER_LINES
    listed = [n for n in " ".join(lines).replace(",", " ").split() if re.fullmatch(r"R\d+", n)]
    more = re.search(r"and (\d+) more" if lang == "en" else r"另有 (\d+)", " ".join(lines))
    assert more is not None
    counted = int(more.group(1))
    assert len(listed) + counted == len(numbers)
    assert number_lines([3, 4, 5], 1.0, view) == []  # "R03–R05" fits the title
