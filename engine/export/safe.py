"""Safe text, sheet names and atomic saving for the quote workbook.

Text that came from a user or a file is never a formula: it is cleaned of the
characters XML forbids and stored as a string cell (with Excel's quote prefix
when it starts like a formula, so editing the cell in Excel keeps it text).
Formulas are written only by :func:`put_formula`, with text built by this package.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from engine.safeio import output_problem, workbook_in_memory, write_atomically, write_error

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell

MAX_CELL_CHARS = 32_767  # Excel's limit for one cell
MAX_SHEET_NAME = 31
_SHEET_NAME_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\'"})
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportError(Exception):
    """The workbook could not be written; the message is one line that says why."""


def clean_text(value: object) -> str:
    """``value`` as text Excel can store: no XML-forbidden characters, within the cell limit."""
    text: str = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    return text[:MAX_CELL_CHARS]


def put_text(cell: Cell, value: object) -> None:
    """Store ``value`` as a string cell, never as a formula, whatever it starts with."""
    text = clean_text(value)
    cell.value = text
    cell.data_type = "s"
    if text.startswith(_FORMULA_STARTS):
        cell.quotePrefix = True


def put_formula(cell: Cell, formula: str) -> None:
    """Store a formula this package built (never user text)."""
    if not formula.startswith("="):
        raise ValueError(f"not a formula: {formula!r}")
    cell.value = formula
    cell.data_type = "f"


def sheet_ref(title: str, coordinate: str) -> str:
    """A reference such as ``'BOM x'!$F$12``, quoted so any sheet name works."""
    return "'" + title.replace("'", "''") + "'!" + coordinate


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A sheet name within Excel's rules, unique (case-insensitively) among ``taken``.

    At most 31 characters, none of ``[]:*?/\\`` (nor an apostrophe, which formulas
    would have to escape), not blank, not Excel's reserved "History". ``taken``
    receives the lower-cased result.
    """
    base = " ".join(clean_text(wanted).translate(_SHEET_NAME_FORBIDDEN).split())
    if not base or base.lower() == "history":
        base = f"Sheet {base}".strip()
    base = base[:MAX_SHEET_NAME].rstrip()
    name = base
    n = 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name = base[: MAX_SHEET_NAME - len(suffix)].rstrip() + suffix
        n += 1
    taken.add(name.lower())
    return name


def save_atomically(workbook: Workbook, target: Path) -> Path:
    """Write ``workbook`` to a temporary file beside ``target``, then move it over ``target``.

    A failure at any point leaves an existing ``target`` as it was and raises
    :class:`ExportError` with one line.
    """
    target = Path(target)
    existed = target.exists()
    kept = (
        "the existing file was left unchanged" if existed else "no file was written"
    )

    def fail(reason: str) -> ExportError:
        return ExportError(f"cannot write {target}: {reason}; {kept}")

    if target.suffix.lower() != ".xlsx":
        raise fail("the file name must end in .xlsx")
    folder = target.parent
    if not folder.is_dir():
        raise fail(f"folder {folder} does not exist")
    problem = output_problem(target)
    if problem:
        raise fail(problem)
    # Built in memory first: a full disk then fails one plain write, not a ZipFile that
    # complains again when it is garbage-collected ("Exception ignored in ZipFile.__del__").
    buffer = workbook_in_memory(workbook)
    if isinstance(buffer, str):
        raise fail(buffer)
    try:
        return write_atomically(target, lambda tmp: tmp.write_bytes(buffer.getbuffer()),
                                prefix=f".~{target.stem[:40]}-", suffix=".xlsx.tmp")
    except Exception as exc:
        raise fail(write_error(exc)) from exc
