"""Prices learned from reconciled quotations, kept in the user's price list with their source.

A line priced on its own gives its item's price directly (confidence high). A
configured system's price also pays for the GPUs, HCAs and warranty inside it: the
base system's price is what is left after those are valued at the list's prices,
and says so (confidence medium). The shipped list is never written.

The price list holds list prices (a plan takes its discount off the total), so a list
price is learned: as quoted when the quotation states a discount of its own (its lines
are list prices), else the price asked grossed up by the plan's discount. Priced with
that discount, the plan then pays what the vendor asked; and from our own RFQ, whose
list prices the vendor fills in, it is the list price the vendor wrote.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import cast

from engine.money.prices import (
    CURRENCIES,
    Currency,
    PriceEntry,
    PriceError,
    PriceList,
    load_price_list,
    save_user_price_list,
)
from engine.quotes.matching import SPARE, plain_item
from engine.quotes.model import QuoteError, Reconciliation
from engine.quotes.rules import tolerance


def learned_entries(rec: Reconciliation, prices: PriceList, *, today: dt.date | None = None
                    ) -> list[PriceEntry]:
    """One price entry per plan item ``rec`` prices, in the quote's currency, excluding VAT."""
    quote = rec.quote
    currency = cast(Currency, quote.currency if quote.currency in CURRENCIES else rec.plan_currency)
    date = quote.date or (today or dt.date.today()).isoformat()
    label = f"{quote.vendor or 'vendor'} quote {quote.quote_no or quote.file} ({date})"
    out: list[PriceEntry] = []
    lines = {q.row: q for q in quote.lines}
    learned: set[str] = set()
    # one entry per item: an item quoted installed and as a spare takes the installed line's price
    for m in sorted(rec.matches, key=lambda m: (m.item or "").startswith(SPARE)):
        line = lines[m.row]
        item = None if m.item is None else plain_item(m.item)
        if item is None or line.is_component or not line.unit_price or not line.qty \
                or item not in prices or item in learned:
            continue
        # the quote's currency, excluding VAT, a list price (what the GPUs etc. inside are valued at)
        unit = line.unit_price / rec.factor(line.row) / rec.line_factor
        inside: list[tuple[str, float]] = []
        for part in quote.components(line.row):
            pm = rec.match(part.row)
            if pm is not None and pm.item is not None and pm.item in prices and pm.how != "bundled":
                inside.append((pm.item, part.qty_total / line.qty))
        inside += [(item, qty / line.qty) for row, item, qty in rec.bundled  # warranty years, …
                   if row == line.row and item in prices]
        for name, per_unit in inside:
            unit -= per_unit * prices.price(name, currency, rec.exchange_rate)
        for row, service, value in rec.bundled_values:  # a warranty, at the plan's rate
            if row == line.row:
                unit -= value / line.qty / rec.rate_to_plan / rec.line_factor
                inside.append((service, 0.0))
        if unit <= 0:
            continue
        learned.add(item)
        base = prices.entry(item)
        how = (f"row {line.row}: system price less " + ", ".join(i for i, _ in inside)
               + " at list prices") if inside else f"row {line.row}"
        if rec.line_factor != 1.0:  # a price asked, grossed up to a list price
            how += f", ÷ {rec.line_factor:g} (the plan's {rec.plan_discount * 100:g}% discount)"
        out.append(replace(base, unit_price=round(unit, 2), currency=currency, date=date,
                           source=f"{label}, {how}", confidence="medium" if inside else "high"))
    return out


def far_from_list(entry: PriceEntry, prices: PriceList, exchange_rate: float) -> str:
    """Why a learned price is too far from the list's to be learned without being asked
    (more than tolerances.learn_factor times it, or less than its inverse), or ""."""
    factor = tolerance("learn_factor")
    try:
        listed = prices.price(entry.item, entry.currency, exchange_rate)
    except PriceError:
        return ""
    if listed <= 0 or 1 / factor <= entry.unit_price / listed <= factor:
        return ""
    return (f"{entry.item}: the quotation's {entry.unit_price:,.2f} {entry.currency} is "
            f"{entry.unit_price / listed:.3g} times the list's {listed:,.2f} {entry.currency}, past the "
            f"{factor:g}× a quoted price plausibly differs by; check the quotation's figures and "
            "currency, or learn it anyway")


def learn_prices(recs: list[Reconciliation], prices: PriceList | None = None, *,
                 accept_far: bool = False) -> tuple[PriceList, Path]:
    """Put the prices of ``recs`` into the user's price list (atomically); return it and its path.

    A price more than tolerances.learn_factor times from the list's (a full-width "１２３"
    read as US$123 for a US$50,000 switch) is refused with QuoteError, and nothing is
    learned, unless ``accept_far``."""
    current = prices or load_price_list()
    entries = dict(current.entries)
    for rec in recs:
        for entry in learned_entries(rec, current):
            far = far_from_list(entry, current, rec.exchange_rate)
            if far and not accept_far:
                raise QuoteError(f"{rec.quote.file}: no price was learned: {far}")
            entries[entry.item] = entry
    learned = PriceList(name=current.name, entries=entries)
    path = save_user_price_list(learned)
    return PriceList(name=str(path), entries=entries), path
