"""Checking the vendor's sums to the fen: line totals, subtotals, discounts, VAT and the
grand total.

The tolerance is the document's own rounding, never a share of the figure: the smallest
step its money is written in (a fen, a jiao or a yuan: ``rounding_step``), times the figures
that each carry half a step of rounding into the sum (a line total is its quantity times a
rounded unit price; a sum, its rounded terms). On ¥100 000 000 that is a few fen, so a
grand total ¥55 555 off, or a line total ¥10 000 off, is always a finding.
"""

from __future__ import annotations

from collections.abc import Callable

from engine.quotes.model import Finding, QuoteLine, SumRow, VendorQuote, said


def rounding_step(quote: VendorQuote) -> float:
    """The smallest step the quotation writes its money in: 0.01, 0.1 or 1 (of its currency)."""
    figures = [v for line in quote.lines for v in (line.unit_price, line.total) if v]
    figures += [s.amount for s in quote.sums]
    cents = [round(abs(f) * 100) for f in figures]
    if any(c % 10 for c in cents):
        return 0.01
    if any(c % 100 for c in cents):
        return 0.1
    return 1.0 if figures else 0.01


def within(a: float, b: float, step: float, terms: float = 1.0) -> bool:
    """Equal up to the rounding of ``terms`` figures written to ``step`` (at least one step)."""
    return abs(a - b) <= step * max(1.0, terms / 2) + 1e-9 * max(abs(a), abs(b))


def lines_sum(quote: VendorQuote) -> float:
    """The quoted lines at qty × unit price, and discounts (the lines' VAT basis and currency)."""
    return sum(line.amount for line in quote.items) + sum(s.amount for s in quote.sums
                                                          if s.kind == "discount")


def check(quote: VendorQuote, vat_rate: float, vat_rates: tuple[float, ...] = (),
          rate_of: Callable[[QuoteLine], float] | None = None) -> list[Finding]:
    """Every sum that does not add up to the fen (the document's rounding), with its row.

    ``rate_of`` gives each line's VAT rate as the plan's request sets it (13% on goods, 6% on
    services). A tax row that states one rate is checked at it; one that states none, or
    several, at the lines' own rates (a single 税额 row at 13% on goods and 6% on services),
    and at ``vat_rate`` when no line rate is known. Several tax rows (VAT on goods and on
    services) are checked together at the grand total beneath them: between the lowest and the
    highest rate, and at the lines' own rates.
    """
    step = rounding_step(quote)
    found: list[Finding] = []
    for line in quote.lines:
        if line.unit_price is not None and line.total is not None and line.unit_price:
            expected = line.qty * line.unit_price
            if not within(expected, line.total, step, 2 + abs(line.qty)):
                found.append(said(
                    "arithmetic", line.row, "", round(expected, 2), line.total, "line_total",
                    qty=line.qty, unit=line.unit_price, expected=expected, found=line.total,
                    off=line.total - expected))
    section, running, terms, section_terms = 0.0, 0.0, 0, 0
    # the same sums over qty × unit price: a vendor's slip in one line total is that line's
    # finding, whether the sums beneath add its figure or the right one
    section_at, running_at = 0.0, 0.0
    by_rate: dict[float, float] = {}  # the lines' amounts by their VAT rate
    rows = sorted([(line.row, "line", line) for line in quote.items]
                  + [(s.row, s.kind, s) for s in quote.sums], key=lambda r: r[0])
    taxes = [s for s in quote.sums if s.kind == "tax"]
    rates = sorted({vat_rate, *vat_rates, *(s.rate for s in taxes if s.rate is not None)})
    tax_seen: float | None = None
    pending: list[SumRow] = []  # several tax rows, checked together
    included = quote.vat_basis == "included"
    for row, kind, what in rows:
        if isinstance(what, QuoteLine):
            amount = what.stated_amount
            section_at += what.amount
            running_at += what.amount
            rate = rate_of(what) if rate_of is not None else vat_rate
            by_rate[rate] = by_rate.get(rate, 0.0) + amount
        else:
            amount = what.amount
            if kind == "discount":
                section_at += amount
                running_at += amount
        if kind in ("line", "discount"):
            section += amount
            running += amount
            terms += 1
            section_terms += 1
            if kind == "discount":  # off every rate in proportion
                by_rate = _scaled(by_rate, running - amount, running)
        elif kind == "subtotal":
            if not (within(section, amount, step, section_terms)
                    or within(section_at, amount, step, section_terms)):
                found.append(_sum(row, "subtotal", section, amount))
            section, section_at, section_terms = 0.0, 0.0, 0
        elif kind == "tax":
            assert isinstance(what, SumRow)
            tax_seen = (tax_seen or 0.0) + amount
            if len(taxes) > 1:
                pending.append(what)
                continue
            finding = _tax_row(what, running, by_rate, vat_rate, included, step, terms)
            if finding is not None:
                found.append(finding)
        elif kind == "grand_total":
            assert isinstance(what, SumRow)
            found += _taxes_together(pending, running, by_rate, rates[0], rates[-1], included, step,
                                     terms)
            pending = []
            expected = _expected_total(quote, what, running, tax_seen, vat_rate)
            computed = _expected_total(quote, what, running_at, tax_seen, vat_rate)
            slack = terms + (1 if tax_seen is not None else 0)
            if not (within(expected, amount, step, slack) or within(computed, amount, step, slack)):
                found.append(_sum(row, "grand_total", expected, amount))
    found += _taxes_together(pending, running, by_rate, rates[0], rates[-1], included, step, terms)
    return found


def _scaled(by_rate: dict[float, float], before: float, after: float) -> dict[float, float]:
    factor = after / before if before else 1.0
    return {rate: amount * factor for rate, amount in by_rate.items()}


def _vat(base: float, rate: float, included: bool) -> float:
    """The VAT on ``base`` at ``rate``: added to it, or inside it when prices include VAT."""
    return base - base / (1 + rate) if included else base * rate


def _mixed(by_rate: dict[float, float], included: bool) -> float:
    return sum(_vat(amount, rate, included) for rate, amount in by_rate.items())


def _tax_row(tax: SumRow, running: float, by_rate: dict[float, float], vat_rate: float,
             included: bool, step: float, terms: int) -> Finding | None:
    """One tax row: at the rate it states, else at the lines' own rates (goods and services)."""
    mixed = _mixed(by_rate, included)
    if len(by_rate) > 1 and (tax.rate is None or within(mixed, tax.amount, step, terms)):
        if within(mixed, tax.amount, step, terms):
            return None  # "税额 13%" over services at 6% too: the lines' own rates hold
        (high, goods), (low, services) = sorted(by_rate.items(), reverse=True)[:2]
        return _sum(tax.row, "tax_mixed", mixed, tax.amount, goods_rate=high, goods=goods,
                    services_rate=low, services=services, included=included)
    rate = tax.rate if tax.rate is not None else vat_rate
    expected = _vat(running, rate, included)
    if within(expected, tax.amount, step, terms):
        return None
    return _sum(tax.row, "tax_rate", expected, tax.amount, rate=rate, included=included)


def _taxes_together(taxes: list[SumRow], running: float, by_rate: dict[float, float], low: float,
                    high: float, included: bool, step: float, terms: int) -> list[Finding]:
    """Several tax rows: their sum is the lines' VAT at their own rates, or lies between the
    lines' VAT at the lowest and the highest rate (which lines each row taxes is not written)."""
    if not taxes:
        return []
    total = sum(s.amount for s in taxes)
    least, most = _vat(running, low, included), _vat(running, high, included)
    if within(total, _mixed(by_rate, included), step, terms) or within(total, least, step, terms) \
            or within(total, most, step, terms) or least <= total <= most:
        return []
    nearest = least if total < least else most
    rows = ", ".join(str(s.row) for s in taxes)
    return [said("arithmetic", taxes[0].row, "", round(nearest, 2), round(total, 2), "taxes_together",
                 rows=rows, found=total, low=low, high=high, least=least, most=most,
                 off=total - nearest)]


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


def _sum(row: int, code: str, expected: float, found: float, **params: object) -> Finding:
    return said("arithmetic", row, "", round(expected, 2), found, code, expected=expected,
                found=found, off=found - expected, **params)
