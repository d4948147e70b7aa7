"""A quotation file as a grid of cell values, or a QuoteError naming the file and the problem.

Guards come first, before anything is parsed: the file must exist, be of a size and a
row count a quotation has, be a real .xlsx (a password-protected workbook is an
encrypted OLE file, an old .xls is OLE too) or a text .csv. Formulas are never
evaluated: their results as last saved are read, and a formula without a saved
result refuses the file, since its value would be a guess.
"""

from __future__ import annotations

import csv
import io
import itertools
import zipfile
from dataclasses import dataclass
from pathlib import Path

from engine.quotes.model import QuoteError
from engine.quotes.rules import limit

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Grid:
    """One sheet's cells: ``rows[i]`` is file row i + 1; merged text repeated across its columns."""

    sheet: str
    rows: tuple[tuple[object, ...], ...]
    formulas: int = 0  # cells that were formulas, read as their saved results


def load_grids(path: Path) -> list[Grid]:
    """Every sheet of ``path`` as a grid, the active sheet first."""
    name = path.name
    if not path.is_file():
        raise QuoteError(f"{name}: no such file")
    size = path.stat().st_size
    if size > limit("max_bytes"):
        raise QuoteError(f"{name}: {size / 1e6:.0f} MB is too large for a quotation "
                         f"(at most {limit('max_bytes') / 1e6:.0f} MB)")
    with path.open("rb") as fh:
        head = fh.read(8)
    suffix = path.suffix.lower()
    if head.startswith(_OLE_MAGIC):
        raise QuoteError(f"{name}: the workbook is password-protected or an old .xls; "
                         "remove the password or save it as .xlsx, then import it again")
    if suffix in (".xlsx", ".xlsm"):
        if not head.startswith(_ZIP_MAGIC):
            raise QuoteError(f"{name}: not a spreadsheet (the file is not an Excel .xlsx workbook)")
        return _xlsx_grids(path)
    if suffix == ".csv":
        return [_csv_grid(path)]
    raise QuoteError(f"{name}: not a spreadsheet; a quotation must be .xlsx or .csv, "
                     f"not {suffix or 'a file without an extension'}")


def _too_many(name: str, rows: int) -> QuoteError:
    most = int(limit("max_rows"))
    counted = f"{rows:,} rows" if rows != most + 1 else f"more than {most:,} rows"
    return QuoteError(f"{name}: {counted}, more than a quotation has (at most {most:,}); "
                      "nothing was imported")


def _csv_grid(path: Path) -> Grid:
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise QuoteError(f"{path.name}: not a spreadsheet (a binary file named .csv)")
    for encoding in ("utf-8-sig", "gb18030"):  # Excel in China saves CSV as GBK
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes almost any byte string
        raise QuoteError(f"{path.name}: not a text file in UTF-8 or GBK")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        rows = [tuple(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:
        raise QuoteError(f"{path.name}: malformed CSV ({exc})") from None
    if len(rows) > limit("max_rows"):
        raise _too_many(path.name, len(rows))
    return Grid(sheet="", rows=tuple(rows))


def _xlsx_grids(path: Path) -> list[Grid]:
    from openpyxl import load_workbook

    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                raise QuoteError(f"{name}: not a spreadsheet (a zip file without a workbook)")
        book = load_workbook(path, read_only=True, data_only=True)
        try:  # before the whole file is loaded: the size the sheet states, else counted by streaming
            for sheet in book.worksheets:
                rows = sheet.max_row or 0
                if rows <= 1:  # no size stated (some exporters write none)
                    rows = sum(1 for _ in itertools.islice(sheet.iter_rows(values_only=True),
                                                           int(limit("max_rows")) + 1))
                if rows > limit("max_rows"):
                    raise _too_many(name, rows)
        finally:
            book.close()
        book = load_workbook(path, data_only=False)
    except QuoteError:
        raise
    except Exception as exc:  # openpyxl and zipfile raise many kinds on a damaged file
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise QuoteError(f"{name}: not a readable .xlsx workbook ({reason[:120]})") from None
    saved = None
    order = [book.active] + [s for s in book.worksheets if s is not book.active]
    read = []
    for sheet in order:
        if sheet is None or not hasattr(sheet, "merged_cells"):
            continue
        formulas = [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
        if formulas and saved is None:
            saved = load_workbook(path, data_only=True)
        values = [[c.value for c in row] for row in sheet.iter_rows()]
        percent = [c for row in sheet.iter_rows() for c in row if "%" in (c.number_format or "")]
        if len(values) > limit("max_rows"):
            raise _too_many(name, len(values))
        results = [(cell, saved[sheet.title][cell.coordinate].value if saved is not None else None)
                   for cell in formulas]
        read.append((sheet, formulas, values, results, percent))
    # A file saved by a spreadsheet program holds its formulas' results; openpyxl reads an
    # empty text result (a check that shows nothing) as none, so a missing result counts as
    # empty there. A file whose formulas all lack results was never calculated.
    calculated = any(result is not None for _, _, _, results, _ in read for _, result in results)
    grids = []
    for sheet, formulas, values, results, percent in read:
        for cell, result in results:
            if result is None and not calculated:
                raise QuoteError(
                    f"{name}: cell {sheet.title}!{cell.coordinate} holds a formula "
                    f"({str(cell.value)[:40]}) with no saved result; open the file in Excel or "
                    "WPS, save it, and import it again"
                )
            values[cell.row - 1][cell.column - 1] = "" if result is None else result
        for cell in percent:  # a rate reads as it shows ("13%"), not as a figure (0.13)
            value = values[cell.row - 1][cell.column - 1]
            if isinstance(value, int | float) and not isinstance(value, bool):
                values[cell.row - 1][cell.column - 1] = f"{round(value * 100, 6):g}%"
        for merged in sheet.merged_cells.ranges:  # merged text reads in every column it spans
            top = values[merged.min_row - 1][merged.min_col - 1]
            if isinstance(top, str):
                for col in range(merged.min_col + 1, merged.max_col + 1):
                    values[merged.min_row - 1][col - 1] = top
        grids.append(Grid(sheet=sheet.title, rows=tuple(tuple(r) for r in values),
                          formulas=len(formulas)))
    return grids
