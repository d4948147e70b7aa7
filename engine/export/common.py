"""What the quote's sheets share: names of the input cells, where totals are, helpers."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field
from pathlib import PureWindowsPath
from typing import Literal

from engine.export.labels import Labels, Lang
from engine.export.sheet import PrintHeading
from engine.export.terms import Buyer, QuoteTerms
from engine.model import BomLine, Comparison, Money, Plan

NAME_EXCHANGE_RATE = "ExchangeRate"
NAME_VAT = "VATRate"  # on goods
NAME_VAT_SERVICES = "VATRateServices"  # on the services category
NAME_DISCOUNT = "Discount"

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


QuoteKind = Literal["comparison", "rfq"]


RfqPrices = Literal["blank", "target", "list"]
RFQ_PRICES: tuple[str, ...] = ("blank", "target", "list")


@dataclass(frozen=True)
class QuoteInfo:
    lang: Lang
    customer: str
    quote_no: str
    valid_days: int
    quote_date: datetime.date
    kind: QuoteKind = "comparison"
    vendor: str | None = None  # only this vendor's configurations ("lenovo", "inspur")
    buyer: Buyer = field(default_factory=Buyer)
    terms: QuoteTerms | None = None  # None: the shipped terms
    # an RFQ's price columns: "blank" for the vendor to fill in (the default), the plan's
    # "target" (net) prices, or its "list" prices and discount
    prices: RfqPrices = "blank"
    delivery_date: datetime.date | None = None  # the buyer's; None: order date + lead time
    idc: str = ""  # the leased data centre that takes delivery (hosting colo or wholesale)

    def heading(self, L: Labels) -> PrintHeading:
        title = L("rfq.title") if self.kind == "rfq" else L("quote.title")
        no = L("rfq.no") if self.kind == "rfq" else L("quote.no")
        number = f"{no} {self.quote_no}" if self.quote_no else ""
        return PrintHeading(left=" · ".join(t for t in (title, number) if t),
                            right=self.quote_date.isoformat(), footer=L("footer.page"))


@dataclass
class BomRefs:
    """Where one BOM sheet keeps its totals (absolute references with the sheet name)."""

    sheet: str
    subtotals: dict[str, str]
    hardware: str
    services: str
    before_discount: str
    discount: str
    net: str
    vat_goods: str
    vat_services: str
    capex: str


@dataclass
class PlanRefs:
    bom: BomRefs | None  # None: the configuration has no BOM sheet (not detailed)
    tco: str  # the last year of the TCO table
    tco_years: list[str]  # year 0 .. N
    cost_per_pf_day: str = ""  # on the Comparison sheet; empty when nothing is delivered


# ---------------------------------------------------------------- helpers


def sci(x: float) -> str:
    """3.14e23 as "3.14 × 10²³"."""
    if x == 0 or not math.isfinite(x):
        return f"{x:g}"
    exponent = math.floor(math.log10(abs(x)))
    mantissa = x / 10**exponent
    if round(mantissa, 2) >= 10:
        mantissa /= 10
        exponent += 1
    return f"{mantissa:.2f} × 10{str(exponent).translate(_SUPERSCRIPT)}"


def amount_text(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.2f}"


def absolute(coordinate: str) -> str:
    col = coordinate.rstrip("0123456789")
    return f"${col}${coordinate[len(col):]}"


def priced(comparison: Comparison) -> list[tuple[Plan, Money]]:
    return [(p, p.money) for p in comparison.plans if p.money is not None]


def part_number(line: BomLine) -> str:
    """The line's part number as a document shows it: a service or open-source line has
    none of its own (its part number is the engine's id), nor has generic equipment (its
    "part number" is its English description), so the cell stays empty."""
    return "" if line.part_number in (line.item, line.description_en) else line.part_number


def part_number_said(line: BomLine, L: Labels) -> str:
    """The part number a bill of materials shows, or words saying there is none: a service
    has none, and no maker's number is known for generic equipment or where the catalog
    lacks it (none is made up)."""
    return part_number(line) or L("bom.part-service" if line.category == "services" else "bom.part-none")


def description(line: BomLine, lang: Lang) -> str:
    if lang == "zh" and line.description_zh:
        return line.description_zh
    return line.description_en


def assumption_value(comparison: Comparison, name: str) -> float | None:
    for plan in comparison.plans:
        for a in plan.assumptions:
            if a.key.rsplit(".", 1)[-1] == name and isinstance(a.value, int | float):
                return float(a.value)
    return None


def exchange_rate(comparison: Comparison) -> float:
    found = assumption_value(comparison, "exchange_rate")
    if found is not None:
        return found
    if comparison.request.finance.exchange_rate is not None:
        return comparison.request.finance.exchange_rate
    from engine.assumptions import default

    return default("finance.exchange_rate").value


def rates(comparison: Comparison) -> tuple[float, float, float]:
    """(VAT rate on goods, VAT rate on services, discount rate) the plans were priced with;
    without a priced plan, the request's, else the defaults."""
    for _, money in priced(comparison):
        return money.vat_rate, money.vat_rate_services, money.discount_rate
    finance = comparison.request.finance

    def given(value: float | None, name: str) -> float:
        if value is None:
            value = assumption_value(comparison, name)
        if value is None:
            from engine.assumptions import default

            value = default(f"finance.{name}").value
        return value

    return given(finance.vat, "vat"), given(finance.vat_services, "vat_services"), finance.discount


def currency_of(comparison: Comparison) -> str:
    for _, money in priced(comparison):
        return money.currency
    return comparison.request.finance.currency


def price_list_name(comparison: Comparison, lang: str = "en") -> str:
    """The price list's file name (a local folder is nobody else's business), or where the
    prices came from in ``lang``."""
    if comparison.price_list_about is not None:
        return comparison.price_list_about.render(lang)
    return PureWindowsPath(comparison.price_list).name or comparison.price_list


def other_currency(currency: str) -> str:
    return "USD" if currency == "CNY" else "CNY"
