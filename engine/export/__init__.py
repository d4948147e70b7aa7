"""The Excel quote: a workbook purchasing can send, edit and compare.

``write_quote(comparison, path)`` writes one of two kinds of document, replacing
``path`` atomically; pure Python and openpyxl, never Qt:

* ``kind="comparison"`` (internal, for the buyer's management): Summary, Comparison,
  a BOM sheet per detailed configuration, Racks, Assumptions and Sources;
* ``kind="rfq"`` (for one vendor): a request for quotation per detailed configuration of
  that vendor, with the buyer's letterhead, 不含税/含税 prices, the total in 人民币大写,
  terms, and a signature and seal block; no competitor, path, source or engine warning.

``detail`` says which configurations are detailed: "shortlist" (the default: the
recommendation and each vendor's best), "all", or configuration ids.

Every total is a formula.
"""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path
from typing import Any, Literal

from engine.bounds import bound
from engine.export.common import RFQ_PRICES, QuoteInfo, QuoteKind, RfqPrices
from engine.export.labels import Labels
from engine.export.names import Detail, detailed
from engine.export.safe import ExportError, save_atomically
from engine.export.sources_sheet import PriceListLike
from engine.export.terms import Buyer, QuoteTerms
from engine.export.workbook import build_workbook
from engine.model import Comparison

__all__ = ["Detail", "ExportError", "PriceListLike", "detailed", "for_vendor", "prepare_quote",
           "quote_as_html", "vendors", "write_quote"]

KINDS: tuple[QuoteKind, ...] = ("comparison", "rfq")


def vendors(comparison: Comparison) -> list[str]:
    """The vendors of the comparison's priced configurations, lower case, in order."""
    return list(dict.fromkeys(p.vendor.lower() for p in comparison.plans if p.money is not None))


def for_vendor(comparison: Comparison, vendor: str) -> Comparison:
    """Only ``vendor``'s configurations (case-insensitive); the recommendation keeps its own."""
    wanted = vendor.strip().lower()
    plans = tuple(p for p in comparison.plans if p.vendor.lower() == wanted)
    if not plans:
        known = ", ".join(sorted({p.vendor.lower() for p in comparison.plans})) or "none"
        raise ValueError(f"vendor {vendor!r} has no configuration in this plan; allowed: {known}")
    ids = {p.config for p in plans}
    rec = comparison.recommendation
    def own(config: str | None) -> str | None:
        return config if config in ids else None

    kept = dataclasses.replace(
        rec, cheapest_meeting_deadline=own(rec.cheapest_meeting_deadline), fastest=own(rec.fastest),
        lowest_tco=own(rec.lowest_tco), skipped=tuple(s for s in rec.skipped if s[0] in ids))
    return dataclasses.replace(comparison, plans=plans, recommendation=kept)


def prepare_quote(
    comparison: Comparison,
    *,
    lang: Literal["en", "zh"] = "en",
    customer: str = "",
    quote_no: str = "",
    valid_days: int | None = None,
    quote_date: datetime.date | None = None,
    kind: QuoteKind = "comparison",
    vendor: str | None = None,
    buyer: Buyer | None = None,
    terms: QuoteTerms | None = None,
    prices: RfqPrices = "blank",
    delivery_date: datetime.date | None = None,
    idc: str = "",
) -> tuple[Comparison, QuoteInfo]:
    """The comparison as the document shows it (one vendor's, when asked) and its QuoteInfo.

    Raises ValueError for a bad argument (language, kind, days, vendor).
    """
    Labels(lang)  # a bad language fails here, before any work
    if prices not in RFQ_PRICES:
        raise ValueError(f"prices must be one of {', '.join(RFQ_PRICES)}, not {prices!r}")
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    days = bound("quote.valid_days")  # resources/bounds.toml
    if valid_days is not None and not (isinstance(valid_days, int) and days.admits(valid_days)):
        raise ValueError(f"valid_days {days.allowed}, not {valid_days!r}")
    if vendor:
        comparison = for_vendor(comparison, vendor)
    elif kind == "rfq" and len(vendors(comparison)) > 1:
        raise ValueError(f"an RFQ goes to one vendor; choose one of {', '.join(vendors(comparison))}")
    if terms is None and (kind == "rfq" or valid_days is None):
        from engine.export.terms import load_terms

        terms = load_terms()[1]
    if valid_days is None:
        valid_days = terms.validity_days if terms is not None else 30
    buyer = buyer or Buyer(company=customer)
    quote_date = quote_date or datetime.date.today()
    if not quote_no.strip():  # a document sent out needs a number to be answered by
        quote_no = "-".join(part for part in ("RFQ" if kind == "rfq" else "Q",
                                              f"{quote_date:%Y%m%d}", (vendor or "").upper())
                            if part)
    info = QuoteInfo(
        lang=lang,
        customer=customer or buyer.company,
        quote_no=quote_no,
        valid_days=valid_days,
        quote_date=quote_date,
        kind=kind,
        vendor=vendor,
        buyer=buyer,
        terms=terms,
        prices=prices,
        delivery_date=delivery_date,
        idc=idc.strip(),
    )
    return comparison, info


def quote_as_html(comparison: Comparison, *, detail: Detail = "shortlist", **options: Any) -> str:
    """The same document as ``write_quote`` (same keyword arguments) as one HTML page,
    for printing without LibreOffice."""
    from engine.export.html import quote_html

    return quote_html(*prepare_quote(comparison, **options), detail)


def write_quote(
    comparison: Comparison,
    path: Path,
    *,
    lang: Literal["en", "zh"] = "en",
    customer: str = "",
    quote_no: str = "",
    valid_days: int | None = None,
    quote_date: datetime.date | None = None,
    price_list: PriceListLike | None = None,
    kind: QuoteKind = "comparison",
    vendor: str | None = None,
    buyer: Buyer | None = None,
    terms: QuoteTerms | None = None,
    prices: RfqPrices = "blank",
    delivery_date: datetime.date | None = None,
    idc: str = "",
    detail: Detail = "shortlist",
    options: Any | None = None,
) -> Path:
    """Write the quote workbook for ``comparison`` to ``path`` (.xlsx) and return the path.

    ``kind`` is "comparison" or "rfq"; ``vendor`` keeps one vendor's configurations (an
    RFQ of a comparison with more than one vendor needs it). ``buyer`` fills the
    letterhead (``customer`` is its company when no buyer is given); ``terms`` the
    commercial terms (default: resources/quote_terms.toml), whose validity applies when
    ``valid_days`` is None. ``price_list`` (an ``engine.money.prices.PriceList``) fills the
    Sources sheet. Raises ExportError, with one line saying why, when the file cannot be
    written (an existing file at ``path`` is then left as it was); ValueError for a bad
    argument. ``detail``: which configurations get a BOM or quotation sheet (see above).
    An RFQ's ``prices``: "blank" (the default: the vendor fills them in), "target" (the plan's
    net prices) or "list" (its list prices and discount); ``delivery_date`` the date the buyer
    requires (default: the order date plus the plan's lead time); ``idc`` the leased data
    centre that takes delivery when the plan is hosted in one. ``options``: an optimiser result
    (engine.optimise.search.Result) the comparison gains an Options sheet from.
    """
    comparison, info = prepare_quote(
        comparison, lang=lang, customer=customer, quote_no=quote_no, valid_days=valid_days,
        quote_date=quote_date, kind=kind, vendor=vendor, buyer=buyer, terms=terms, prices=prices,
        delivery_date=delivery_date, idc=idc)
    if kind == "rfq":
        from engine.export.rfq import build_rfq

        workbook = build_rfq(comparison, info, detail)
    else:
        workbook = build_workbook(comparison, info, price_list, detail, options)
    return save_atomically(workbook, Path(path))
