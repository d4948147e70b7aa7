"""The Excel quote: a workbook purchasing can send, edit and compare.

``write_quote(comparison, path)`` writes Summary, Comparison, one BOM sheet per
priced configuration, Assumptions and Sources, with every total a formula, and
replaces ``path`` atomically. Pure Python and openpyxl; never Qt.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Literal

from engine.export.labels import Labels
from engine.export.safe import ExportError, save_atomically
from engine.export.workbook import PriceListLike, QuoteInfo, build_workbook
from engine.model import Comparison

__all__ = ["ExportError", "PriceListLike", "write_quote"]


def write_quote(
    comparison: Comparison,
    path: Path,
    *,
    lang: Literal["en", "zh"] = "en",
    customer: str = "",
    quote_no: str = "",
    valid_days: int = 30,
    quote_date: datetime.date | None = None,
    price_list: PriceListLike | None = None,
) -> Path:
    """Write the quote workbook for ``comparison`` to ``path`` (.xlsx) and return the path.

    ``price_list`` (an ``engine.money.prices.PriceList``) fills the Sources sheet with each
    price's date, source and confidence; without it the BOM's own figures are listed.
    Raises ExportError, with one line saying why, when the file cannot be written;
    an existing file at ``path`` is then left as it was.
    """
    Labels(lang)  # a bad language fails here, before any work
    if isinstance(valid_days, bool) or not isinstance(valid_days, int) or valid_days < 0:
        raise ValueError(f"valid_days must be a whole number of days >= 0, not {valid_days!r}")
    info = QuoteInfo(
        lang=lang,
        customer=customer,
        quote_no=quote_no,
        valid_days=valid_days,
        quote_date=quote_date or datetime.date.today(),
    )
    workbook = build_workbook(comparison, info, price_list)
    return save_atomically(workbook, Path(path))
