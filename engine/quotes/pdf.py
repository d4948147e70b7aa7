"""A PDF quotation with a text layer (printed from a spreadsheet or a quoting tool, often
stamped) as one grid of cells, read with pdfplumber's table extraction.

The lines of text above the first table are the letterhead (one row each, split where the
text leaves a gap); every table row follows, pages in order, a header row repeated at the
top of a later page left out; text beneath the tables (totals written outside the ruled
table, terms) follows as rows. A PDF whose pages hold no text is a scan: it is refused
with a message saying so, never guessed at.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from engine.quotes.model import QuoteError
from engine.quotes.rules import limit

_GAP = re.compile(r"\s{2,}|\s(?=\S+[:：])")  # cells of a text line: a wide gap, or before "label:"
_LINES = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
_TEXT = {"vertical_strategy": "text", "horizontal_strategy": "text"}


def pdf_rows(path: Path) -> tuple[tuple[object, ...], ...]:
    """The rows of the quotation in ``path``; QuoteError for a scan or a damaged file."""
    import pdfplumber

    name = path.name
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many kinds on a damaged file
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise QuoteError(f"{name}: not a readable PDF ({reason[:120]})") from None
    with pdf:
        pages = pdf.pages
        if not any(page.chars for page in pages):
            raise QuoteError(
                f"{name}: the PDF has no text, only images of its pages (a scan); nothing can be "
                "read from it without guessing. Ask the vendor for the .xlsx, or for a PDF saved "
                "from the spreadsheet rather than scanned")
        rows: list[tuple[object, ...]] = []
        header: tuple[object, ...] | None = None
        for number, page in enumerate(pages):
            tables = page.find_tables(_LINES) or page.find_tables(_TEXT)
            top = min((t.bbox[1] for t in tables), default=page.height)
            bottom = max((t.bbox[3] for t in tables), default=page.height)
            if number == 0:
                rows += _text_rows(page, 0, top)
            for table in tables:
                for row in table.extract():
                    cells = tuple(_clean(c) for c in row)
                    if not any(cells):
                        continue
                    if header is not None and cells == header:
                        continue  # the header repeated on a later page
                    header = header or cells
                    rows.append(cells)
            if tables:
                rows += _text_rows(page, bottom, page.height)
            if len(rows) > limit("max_rows"):
                raise QuoteError(f"{name}: more than {int(limit('max_rows')):,} rows, more than a "
                                 "quotation has; nothing was imported")
    return tuple(rows)


def _clean(cell: Any) -> str | None:
    if cell is None:
        return None
    text = " ".join(str(cell).split())
    return text or None


def _text_rows(page: Any, top: float, bottom: float) -> list[tuple[object, ...]]:
    """Lines of text between ``top`` and ``bottom``, each a row of its cells."""
    if bottom - top < 1:
        return []
    text = page.crop((0, top, page.width, bottom)).extract_text(layout=False) or ""
    out: list[tuple[object, ...]] = []
    for line in text.splitlines():
        cells = tuple(c.strip() for c in _GAP.split(line.strip()) if c.strip())
        if cells:
            out.append(cells)
    return out
