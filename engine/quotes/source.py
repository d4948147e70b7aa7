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
import zipfile
from dataclasses import dataclass
from pathlib import Path

from engine.quotes.model import QuoteError
from engine.quotes.rules import limit
from engine.safeio import (
    UnsafeFileError,
    check_xlsx_archive,
    count_xlsx_cells,
    csv_records,
    read_bytes,
    xlsx_rows,
)

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
    try:  # a regular file (a FIFO would wait for ever) within the size limit, read once
        raw = read_bytes(path, max_bytes=int(limit("max_bytes")), name=name)
    except UnsafeFileError as exc:
        raise QuoteError(str(exc)) from None
    head = raw[:8]
    suffix = path.suffix.lower()
    if head.startswith(_OLE_MAGIC):
        raise QuoteError(f"{name}: the workbook is password-protected or an old .xls; "
                         "remove the password or save it as .xlsx, then import it again")
    try:
        if suffix in (".xlsx", ".xlsm"):
            if not head.startswith(_ZIP_MAGIC):
                raise QuoteError(f"{name}: not a spreadsheet (the file is not an Excel .xlsx workbook)")
            return _xlsx_grids(name, raw)
        if suffix == ".csv":
            return [_csv_grid(name, raw)]
    except UnsafeFileError as exc:
        raise QuoteError(str(exc)) from None
    if suffix == ".pdf":
        if not head.startswith(b"%PDF"):
            raise QuoteError(f"{name}: not a PDF (the file does not start as one)")
        from engine.quotes.pdf import pdf_rows

        return [Grid(sheet="", rows=pdf_rows(path))]
    raise QuoteError(f"{name}: not a spreadsheet; a quotation must be .xlsx, .csv or a PDF with "
                     f"text, not {suffix or 'a file without an extension'}")


def _too_many(name: str, rows: int) -> QuoteError:
    most = int(limit("max_rows"))
    counted = f"{rows:,} rows" if rows != most + 1 else f"more than {most:,} rows"
    return QuoteError(f"{name}: {counted}, more than a quotation has (at most {most:,}); "
                      "nothing was imported")


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # what Excel's "Unicode text" and Notepad's "Unicode" write


def _csv_text(name: str, raw: bytes) -> str:
    if raw.startswith(_UTF16_BOMS):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise QuoteError(f"{name}: not readable UTF-16 text (it starts like UTF-16 but is damaged)"
                             ) from None
    if b"\x00" in raw:
        raise QuoteError(f"{name}: not a spreadsheet (a binary file named .csv)")
    for encoding in ("utf-8-sig", "gb18030"):  # Excel in China saves CSV as GBK
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise QuoteError(f"{name}: not a text file in UTF-8 or GBK")  # pragma: no cover - gb18030 reads most


_SAMPLE_CHARS = 65_536  # the delimiter is judged on the first lines, never the whole file
_SAMPLE_LINES = 40


def _delimiter(text: str) -> str:
    """The delimiter the first lines are written with: the one of , ; and tab that splits the
    most of them into several cells (ties to the comma). Bounded work whatever the file,
    unlike csv.Sniffer, whose regular expressions can take minutes on a hostile line."""
    sample = "".join(io.StringIO(text[:_SAMPLE_CHARS], newline="").readlines()[:_SAMPLE_LINES])
    best, score = ",", (0, 0)
    for candidate in ",;\t":
        try:
            widths = [len(r) for r in csv.reader(io.StringIO(sample, newline=""), delimiter=candidate)]
        except csv.Error:
            continue
        split = [w for w in widths if w > 1]
        judged = (len(split), max((split.count(w) for w in split), default=0))
        if judged > score:
            best, score = candidate, judged
    return best


def _csv_grid(name: str, raw: bytes) -> Grid:
    text = _csv_text(name, raw)
    most = int(limit("max_rows"))
    rows: list[tuple[str, ...]] = []
    for _, row in csv_records(text, name, delimiter=_delimiter(text)):
        rows.append(tuple(row))
        if len(rows) > most:
            lines = text.count("\n") + (not text.endswith("\n"))  # cheap: the file is within its size
            raise _too_many(name, max(lines, most + 1))
    return Grid(sheet="", rows=tuple(rows))


def _xlsx_grids(name: str, raw: bytes) -> list[Grid]:
    from openpyxl import load_workbook

    check_xlsx_archive(io.BytesIO(raw), name)
    most = int(limit("max_rows"))
    try:
        count_xlsx_cells(io.BytesIO(raw), name, most_cells=int(limit("max_cells")), most_rows=most,
                         kind="a quotation")
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                raise QuoteError(f"{name}: not a spreadsheet (a zip file without a workbook)")
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        try:  # and counted again as openpyxl streams them, before the whole file is loaded
            for sheet in book.worksheets:
                for number, _ in xlsx_rows(sheet, name, most_cells=int(limit("max_cells"))):
                    if number > most:
                        raise _too_many(name, most + 1)
        finally:
            book.close()
        book = load_workbook(io.BytesIO(raw), data_only=False)
    except (QuoteError, UnsafeFileError):
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
            saved = load_workbook(io.BytesIO(raw), data_only=True)
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
