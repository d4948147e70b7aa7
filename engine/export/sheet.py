"""A worksheet writer that keeps text safe, formulas explicit, and widths fitted."""

from __future__ import annotations

import datetime
import math
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from engine.export.safe import clean_text, put_formula, put_text

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

LATIN_STYLES = {"cq_wrap": "cq_wrap_latin", "cq_note_wrap": "cq_note_wrap_latin"}
SMALL_STYLES = {"cq_note_wrap", "cq_note_wrap_latin"}  # 9 pt where the rest is 10 pt
SMALL_PT_RATIO = 0.9
HEADER_WIDTH_CAP = 11  # header cells wrap: beyond this they take a second line
LINE_HEIGHT = 15.0  # points per wrapped line of 10 pt text with CJK characters (Noto CJK: 1.45 em)
LATIN_LINE_HEIGHT = 12.6  # and of Latin text only (Calibri/Carlito 10 pt: about 12.2)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a grid: East Asian wide characters count twice."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_NARROW = set(" .,:;'|!()[]ijlftrI-/")
_WIDE = set("MWmw@%")


def wrap_width(text: str, latin: float = 1.0) -> float:
    """About how many '0' widths ``text`` takes in a proportional font, to count wrapped lines:
    CJK 2, capitals and m/w a little wider than a digit, i, l, spaces and stops about half.
    A column's unit is the digit of the 11 pt default font and cells are set in 10 pt
    Calibri/Carlito, whose lowercase letters average about 0.86 of it: 0.92 leaves a margin.
    ``latin`` scales the non-CJK part for a wider font standing in for the styled one."""
    total = 0.0
    for ch in text:
        if unicodedata.east_asian_width(ch) in "WF":
            total += 2.0
        elif ch in _NARROW:
            total += 0.6 * latin
        elif ch in _WIDE or ch.isupper():
            total += 1.1 * latin
        else:
            total += 0.92 * latin
    return total


def wrapped_lines(text: str, room: float, latin: float = 1.0) -> int:
    """Lines ``text`` takes in a column ``room`` digits wide, wrapped at spaces as Excel and
    LibreOffice do (a word longer than a line is broken; CJK breaks anywhere)."""
    lines = 0
    for paragraph in text.split("\n"):
        used, count = 0.0, 1
        for word in paragraph.split(" "):
            width = wrap_width(word, latin)
            space = wrap_width(" ", latin) if used else 0.0
            if used and used + space + width > room:
                count += 1
                used, space = 0.0, 0.0
            if width > room:  # broken across lines (or CJK, which breaks between characters)
                extra = math.ceil(width / room) - 1
                count += extra
                width -= extra * room
            used += space + width
        lines += count
    return lines


def latin_scale(ws: Worksheet) -> float:
    """1.2 in a Chinese workbook: where DengXian is missing (LibreOffice on Linux) its Latin
    letters are drawn in a wider fallback (DejaVu Sans); 1.0 otherwise."""
    for style in getattr(ws.parent, "_named_styles", []):
        if style.name == "cq_text":
            return 1.2 if style.font.name == "DengXian" else 1.0
    return 1.0


def shown_width(value: object, style: str) -> int:
    """About how many characters a number shows in ``style``."""
    if isinstance(value, datetime.date):
        return 10
    if not isinstance(value, int | float):
        return display_width(str(value))
    if style.startswith("cq_money"):
        return len(f"{value:,.2f}") + 2
    if style.endswith("pct"):
        return len(f"{value * 100:.2f}%")
    if style == "cq_sci":
        return 10
    if style in ("cq_int", "cq_input_int", "cq_center"):
        return len(f"{value:,.0f}")
    if style == "cq_num1":
        return len(f"{value:,.1f}")
    return len(f"{value:,.2f}")


class SheetWriter:
    """Writes cells of one worksheet by kind, and sets column widths that fit them."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self._widths: dict[int, int] = {}
        self._headers: list[tuple[int, int, list[str]]] = []
        self._wrapped: list[tuple[int, int, str]] = []
        self._merged: list[tuple[int, int, int, str]] = []
        self.latin = latin_scale(ws)
        self._latin_cells: set[tuple[int, int]] = set()  # English text set in the Latin font
        self._small_cells: set[tuple[int, int]] = set()  # 9 pt notes: more per line, lower lines

    def _fit(self, col: int, width: int) -> None:
        if width > self._widths.get(col, 0):
            self._widths[col] = width

    def text(self, row: int, col: int, value: object, style: str = "cq_text",
             *, fit: bool = True) -> Cell:
        cell = self.ws.cell(row=row, column=col)
        cell.style = style  # first: a named style resets the quote prefix put_text may set
        put_text(cell, value)
        if fit:
            width = max((display_width(part) for part in str(cell.value).split("\n")), default=0)
            self._fit(col, min(width, HEADER_WIDTH_CAP) if style == "cq_header" else width)
        return cell

    def _latin(self, row: int, col: int, value: object, style: str) -> str:
        """The Latin-font style for English text in a Chinese workbook (where the CJK font's
        Latin letters are wider), remembered so the row height counts it in that font."""
        latin = LATIN_STYLES.get(style)
        text = str(value)
        if latin is None or self.latin == 1.0 or display_width(text) > len(text):
            return style
        self._latin_cells.add((row, col))
        return latin

    def wrapped(self, row: int, col: int, value: object, style: str = "cq_wrap",
                *, width: int = 50) -> Cell:
        """Long text that wraps in a column about ``width`` wide; the row grows to show it."""
        style = self._latin(row, col, value, style)
        if style in SMALL_STYLES:
            self._small_cells.add((row, col))
        cell = self.text(row, col, value, style, fit=False)
        self._fit(col, min(width, max(display_width(str(cell.value)), 8)))
        self._wrapped.append((row, col, str(cell.value)))
        return cell

    def merged(self, row: int, first: int, last: int, value: object,
               style: str = "cq_wrap") -> Cell:
        """Text across columns ``first``..``last`` that wraps; the row grows to show it."""
        style = self._latin(row, first, value, style)
        if style in SMALL_STYLES:
            self._small_cells.add((row, first))
        cell = self.text(row, first, value, style, fit=False)
        if last > first:
            self.ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        self._merged.append((row, first, last, str(cell.value)))
        return cell

    def number(self, row: int, col: int, value: float | datetime.date | None, style: str,
               *, fit: bool = True) -> Cell:
        cell = self.ws.cell(row=row, column=col)
        cell.value = value
        cell.style = style
        if fit and value is not None:
            self._fit(col, shown_width(value, style))
        return cell

    def formula(self, row: int, col: int, formula: str, style: str,
                *, shown: float | None = None) -> Cell:
        """A formula; ``shown`` is the value it is expected to show, for the width."""
        cell = self.ws.cell(row=row, column=col)
        put_formula(cell, formula)
        cell.style = style
        self._fit(col, shown_width(shown if shown is not None else 0.0, style))
        return cell

    def styled(self, row: int, cols: range, style: str) -> None:
        """Give empty cells a style (a group band or a total line across a table)."""
        for col in cols:
            cell = self.ws.cell(row=row, column=col)
            if cell.value is None:
                cell.style = style

    def header(self, row: int, col: int, labels: list[str]) -> None:
        for i, label in enumerate(labels):
            self.text(row, col + i, label, "cq_header")
        self._headers.append((row, col, labels))

    def finish(self, *, minimum: int = 8, maximum: int = 60,
               fixed: dict[int, int] | None = None) -> None:
        """Set every used column's width to fit its content, within bounds."""
        fixed = fixed or {}
        if self.ws["A1"].style == "cq_title":  # room for the larger title font
            self.ws.row_dimensions[1].height = 24
        for col, width in self._widths.items():
            if col in fixed:
                continue
            self.ws.column_dimensions[get_column_letter(col)].width = (
                max(minimum, min(maximum, width)) + 3  # padding, the indent, a fallback font
            )
        for col, width in fixed.items():
            self.ws.column_dimensions[get_column_letter(col)].width = width
        heights: dict[int, float] = {}
        spans = [(row, col, col, text) for row, col, text in self._wrapped] + self._merged
        for row, first, last, text in spans:
            room = max(sum(int(self.ws.column_dimensions[get_column_letter(c)].width or 10)
                           for c in range(first, last + 1)) - 3, 4)
            latin = 1.0 if (row, first) in self._latin_cells else self.latin
            small = (row, first) in self._small_cells
            lines = wrapped_lines(text, room * (SMALL_PT_RATIO ** -1 if small else 1.0), latin)
            line = LINE_HEIGHT if display_width(text) > len(text) else LATIN_LINE_HEIGHT
            line *= SMALL_PT_RATIO if small else 1.0
            if lines > 1:
                heights[row] = max(heights.get(row, 0.0), line * min(lines, 30) + 2)
        for row, height in heights.items():
            self.ws.row_dimensions[row].height = height
        for row, col, labels in self._headers:  # wrapped headers: room for their lines
            lines = 1
            for i, label in enumerate(labels):
                letter = get_column_letter(col + i)
                room = max(int(self.ws.column_dimensions[letter].width or 10) - 2, 4)
                lines = max(lines, -(-display_width(label) // room))
            self.ws.row_dimensions[row].height = 13.0 * min(lines, 3) + 5


@dataclass(frozen=True)
class PrintHeading:
    """What every printed page carries: the document and its number, the date, page N of M."""

    left: str  # e.g. "Quotation Q-2024-001"
    right: str  # the quote date
    footer: str  # "Page &P of &N" in the workbook's language


def _header_text(text: str) -> str:
    """User text in a page header: "&" starts a code there, so it is doubled."""
    return clean_text(text).replace("&", "&&")[:120]


def print_setup(ws: Worksheet, heading: PrintHeading, *, title_rows: str | None,
                portrait: bool = False, area: str | None = None) -> None:
    """A4, one page wide, header rows repeated, the quote number, date and page N of M on
    every page, and a print area that holds what the sheet shows."""
    ws.page_setup.orientation = "portrait" if portrait else "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.75, bottom=0.6,
                                  header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = True
    if title_rows:
        ws.print_title_rows = title_rows
    for part in (ws.oddHeader, ws.evenHeader):
        part.left.text = _header_text(heading.left)
        part.left.size = 8
        part.right.text = _header_text(heading.right)
        part.right.size = 8
    for part in (ws.oddFooter, ws.evenFooter):
        part.left.text = "&A"
        part.left.size = 8
        part.right.text = heading.footer
        part.right.size = 8
    ws.print_area = area or f"A1:{get_column_letter(max(ws.max_column, 1))}{max(ws.max_row, 1)}"
    if not ws.row_breaks.brk:  # page breaks of its own: the sheet decides its pages
        pages = _fewest_legible_pages(ws, portrait)
        if pages:
            ws.page_setup.fitToHeight = pages


ONE_PAGE_MIN_SCALE = 0.63  # below this (10 pt type printed under 6.3 pt), one more page reads better
_PT_PER_WIDTH = 5.6  # a column width unit (one '0' of 11 pt Calibri plus padding) in points
_DEFAULT_ROW_PT = 13.5  # LibreOffice sizes unset rows to their font: Carlito 10 pt, about 13.5
_DEFAULT_ROW_PT_CJK = 14.0  # and Noto CJK 10 pt, about 14


def _fewest_legible_pages(ws: Worksheet, portrait: bool) -> int:
    """How many pages tall to fit the sheet on, when a page fewer than fitting the width alone
    keeps the type at ONE_PAGE_MIN_SCALE or more (a last page holding a few rows, or one page
    in all); 0 to let the width decide."""
    page_w, page_h = (595.0, 842.0) if portrait else (842.0, 595.0)
    room_w = page_w - 0.8 * 72  # left and right margins
    room_h = page_h - (0.75 + 0.6) * 72 - 10  # top and bottom margins, header and footer text
    width = sum((ws.column_dimensions[get_column_letter(c)].width or 8.43) * _PT_PER_WIDTH
                for c in range(1, ws.max_column + 1))
    default = _DEFAULT_ROW_PT_CJK if latin_scale(ws) > 1 else _DEFAULT_ROW_PT
    height = sum(ws.row_dimensions[r].height or default for r in range(1, ws.max_row + 1))
    by_width = min(1.0, room_w / max(width, 1.0))
    pages = 1.1 * height * by_width / room_h  # 10% for what the estimate misses (title rows)
    fewer = max(math.ceil(pages) - 1, 1)
    if room_h * fewer / max(height, 1.0) >= ONE_PAGE_MIN_SCALE and fewer < math.ceil(pages):
        return fewer
    return 1 if pages <= 1 else 0
