"""Hostile vendor quotations, made from the Lenovo sample by changing a cell or the file around it.

Each case is a function writing one file into a folder and returning its path; the tests
(tests/fuzz/test_hostile_quotes.py) and the benchmark (tests/bench/bench_hostile.py) use them.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LENOVO = FIXTURES / "quotes" / "lenovo_dcsc_export.xlsx"
PLAN = FIXTURES / "quotes" / "h800_plan.cqplan"
SYSTEM_ROW = 8  # the configured SR680a V3 (35 systems); its parts follow
SWITCH_ROW = 15  # QM9700 switches, 24 at 52,000 USD


def lenovo_rows() -> list[list[object]]:
    sheet = load_workbook(LENOVO).active
    assert sheet is not None
    return [[c.value for c in row] for row in sheet.iter_rows()]


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Quote"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_csv(path: Path, rows: list[list[object]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows([["" if v is None else v for v in row] for row in rows])
    return path


def patch_sheet(path: Path, old: bytes, new: bytes) -> Path:
    """Replace bytes in the worksheet XML: values openpyxl refuses to write (400 digits)."""
    with zipfile.ZipFile(path) as src:
        parts = [(info, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in parts:
            out.writestr(info.filename, data.replace(old, new) if "worksheets/" in info.filename else data)
    return path


def with_cell(row: int, col: int, value: object) -> Callable[[Path], Path]:
    """The sample with one cell (1-based row and column) set to ``value``."""
    def make(path: Path) -> Path:
        rows = lenovo_rows()
        rows[row - 1][col - 1] = value
        return write_xlsx(path, rows)
    return make


def integer_of_400_digits(path: Path) -> Path:
    rows = lenovo_rows()
    rows[SYSTEM_ROW - 1][3] = 987654321
    write_xlsx(path, rows)
    return patch_sheet(path, b"<v>987654321</v>", b"<v>" + b"9" * 400 + b"</v>")


QTY, PRICE = 3, 4  # columns of the sample
# name -> (file maker, suffix)
CRASHES: dict[str, Callable[[Path], Path]] = {
    "system-of-quantity-0": with_cell(SYSTEM_ROW, QTY, 0),
    "price-of-400-digits": integer_of_400_digits,
    "price-text-1e308": with_cell(SWITCH_ROW, PRICE, "1e308"),
    "price-true": with_cell(SWITCH_ROW, PRICE, True),
    "price-text-1e999": with_cell(SWITCH_ROW, PRICE, "1e999"),
    "price-inf": with_cell(SWITCH_ROW, PRICE, "inf"),
    "quantity-400-digits-text": with_cell(SWITCH_ROW, QTY, "9" * 400),
}
