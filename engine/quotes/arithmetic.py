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


def check(quote: VendorQuote, vat_rate: float, vat_rates: tuple[float, ...] = ()) -> list[Finding]:
    """Every sum that does not add up, with its row.

    A tax row is checked at the rate it states, else ``vat_rate``. Several tax rows (VAT on
    goods and on services) are checked together, at the grand total beneath them: between
    the lowest and the highest rate of ``vat_rates`` (the plan's) and those they state, since
    which lines each row taxes is not written.
    """
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
    taxes = [s for s in quote.sums if s.kind == "tax"]
    rates = sorted({vat_rate, *vat_rates, *(s.rate for s in taxes if s.rate is not None)})
    tax_seen: float | None = None
    pending: list[SumRow] = []  # several tax rows, checked together
    by_row = {s.row: s for s in quote.sums}
    included = quote.vat_basis == "included"
    for row, kind, amount in rows:
        if kind in ("line", "discount"):
            section += amount
            running += amount
        elif kind == "subtotal":
            if not close(section, amount):
                found.append(_sum(row, "subtotal", section, amount, "the lines above it"))
            section = 0.0
        elif kind == "tax":
            tax_seen = (tax_seen or 0.0) + amount
            if len(taxes) > 1:
                pending.append(by_row[row])
                continue
            stated = by_row[row].rate
            rate = stated if stated is not None else vat_rate
            expected = _vat(running, rate, included)
            if not close(expected, amount):
                found.append(_sum(row, "VAT", expected, amount,
                                  f"{rate:.0%} of the lines {'(included)' if included else ''}".strip()))
        elif kind == "grand_total":
            found += _taxes_together(pending, running, rates[0], rates[-1], included)
            pending = []
            expected = _expected_total(quote, by_row[row], running, tax_seen, vat_rate)
            if not close(expected, amount):
                found.append(_sum(row, "grand total", expected, amount, "the lines, discounts and VAT"))
    found += _taxes_together(pending, running, rates[0], rates[-1], included)
    return found


def _vat(base: float, rate: float, included: bool) -> float:
    """The VAT on ``base`` at ``rate``: added to it, or inside it when prices include VAT."""
    return base - base / (1 + rate) if included else base * rate


def _taxes_together(taxes: list[SumRow], running: float, low: float, high: float,
                    included: bool) -> list[Finding]:
    """Several tax rows: their sum lies between the lines' VAT at the lowest and highest rate."""
    if not taxes:
        return []
    total = sum(s.amount for s in taxes)
    least, most = _vat(running, low, included), _vat(running, high, included)
    if close(total, least) or close(total, most) or least <= total <= most:
        return []
    nearest = least if total < least else most
    rows = ", ".join(str(s.row) for s in taxes)
    return [Finding("arithmetic", taxes[0].row, "", round(nearest, 2), round(total, 2),
                    f"rows {rows}: the VAT rows add up to {_money(total)}, but the lines' VAT at "
                    f"{low:.0%} to {high:.0%} is {_money(least)} to {_money(most)} "
                    f"(off by {_money(total - nearest)})")]


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
    return running - tax if tax is not None else running / (1 + vat_rate)


def _sum(row: int, what: str, expected: float, found: float, of: str) -> Finding:
    return Finding("arithmetic", row, "", round(expected, 2), found,
                   f"row {row}: the {what} should be {_money(expected)} ({of}), "
                   f"but the quotation says {_money(found)} (off by {_money(found - expected)})")
