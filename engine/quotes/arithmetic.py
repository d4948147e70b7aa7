"""Checking the vendor's sums: line totals, subtotals, discounts, VAT and the grand total."""

from __future__ import annotations

from engine.quotes.model import Finding, SumRow, VendorQuote
from engine.quotes.rules import tolerance


def close(a: float, b: float) -> bool:
    """Equal within rounding: one currency unit, or 0.05% of the larger figure."""
    return abs(a - b) <= max(tolerance("arithmetic_abs"), tolerance("arithmetic_rel") * max(abs(a), abs(b)))


def _money(value: float) -> str:
    return f"{value:,.2f}"


def lines_sum(quote: VendorQuote) -> float:
    """The quoted lines at qty × unit price, and discounts (the lines' VAT basis and currency)."""
    return sum(line.amount for line in quote.items) + sum(s.amount for s in quote.sums
                                                          if s.kind == "discount")


def check(quote: VendorQuote, vat_rate: float) -> list[Finding]:
    """Every sum that does not add up, with its row."""
    found: list[Finding] = []
    for line in quote.lines:
        if line.unit_price is not None and line.total is not None and line.unit_price:
            expected = line.qty * line.unit_price
            if not close(expected, line.total):
                found.append(Finding(
                    "arithmetic", line.row, "", round(expected, 2), line.total,
                    f"row {line.row}: {line.qty:g} × {_money(line.unit_price)} = {_money(expected)}, "
                    f"but the line total says {_money(line.total)}"))
    section = 0.0
    running = 0.0
    rows = sorted([(line.row, "line", line.stated_amount) for line in quote.items]
                  + [(s.row, s.kind, s.amount) for s in quote.sums])
    tax_seen: float | None = None
    by_row = {s.row: s for s in quote.sums}
    for row, kind, amount in rows:
        if kind in ("line", "discount"):
            section += amount
            running += amount
        elif kind == "subtotal":
            if not close(section, amount):
                found.append(_sum(row, "subtotal", section, amount, "the lines above it"))
            section = 0.0
        elif kind == "tax":
            tax_seen = amount
            included = quote.vat_basis == "included"
            expected = running - running / (1 + vat_rate) if included else running * vat_rate
            if not close(expected, amount):
                found.append(_sum(row, "VAT", expected, amount,
                                  f"{vat_rate:.0%} of the lines {'(included)' if included else ''}".strip()))
        elif kind == "grand_total":
            expected = _expected_total(quote, by_row[row], running, tax_seen, vat_rate)
            if not close(expected, amount):
                found.append(_sum(row, "grand total", expected, amount, "the lines, discounts and VAT"))
    return found


def _expected_total(quote: VendorQuote, total: SumRow, running: float, tax: float | None,
                    vat_rate: float) -> float:
    lines_included = quote.vat_basis == "included"
    total_included = total.vat_included
    if total_included is None:  # unlabelled: includes the VAT row above it, if there is one
        total_included = lines_included or tax is not None
    if total_included == lines_included:
        return running
    if total_included:
        return running + (tax if tax is not None else running * vat_rate)
    return running / (1 + vat_rate)


def _sum(row: int, what: str, expected: float, found: float, of: str) -> Finding:
    return Finding("arithmetic", row, "", round(expected, 2), found,
                   f"row {row}: the {what} should be {_money(expected)} ({of}), "
                   f"but the quotation says {_money(found)} (off by {_money(found - expected)})")
