"""What a vendor quotation holds once read, and what reconciling it finds."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from engine.money.discount import price_factor

FIELDS: tuple[str, ...] = ("seq", "part_number", "description", "qty", "unit_price", "total", "remark")
FindingKind = Literal["qty_mismatch", "price_diff", "missing", "extra", "arithmetic", "ambiguous"]
SumKind = Literal["subtotal", "tax", "grand_total", "discount"]
VatBasis = Literal["excluded", "included", "unknown"]


class QuoteError(ValueError):
    """A quotation file cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class ColumnMap:
    """Which column (0-based) holds which field, found under the header row (1-based)."""

    header_row: int
    columns: tuple[tuple[str, int], ...]  # (field, column index), fields from FIELDS
    headers: tuple[str, ...] = ()  # the header row's text, one per column
    origin: Literal["detected", "remembered", "corrected"] = "detected"

    def get(self, name: str) -> int | None:
        return next((col for field_, col in self.columns if field_ == name), None)

    def all(self, name: str) -> tuple[int, ...]:
        """Every column of ``name``: a description may span a name and a configuration column."""
        return tuple(col for field_, col in self.columns if field_ == name)

    def label(self, name: str) -> str:
        index = self.get(name)
        if index is None or index >= len(self.headers):
            return ""
        return self.headers[index]


@dataclass(frozen=True)
class QuoteLine:
    """One quoted item, or one component line of a configured system."""

    row: int  # 1-based row in the file
    part_number: str
    description: str
    qty: float  # as written
    unit_price: float | None  # as written, in the quote's currency and VAT basis
    total: float | None  # as written
    parent_row: int | None = None  # a configured system's component: the system's row
    qty_total: float = 0.0  # a component's quantity over all systems (qty for an item)
    remark: str = ""
    group: str = ""  # the heading the line sits under ("9 Spares", "二、网络"), "" when none

    @property
    def is_component(self) -> bool:
        return self.parent_row is not None

    @property
    def amount(self) -> float:
        """What the line costs: qty × unit price (the price agreed per unit), else its total."""
        if self.unit_price:
            return self.qty * self.unit_price
        return self.total or 0.0

    @property
    def stated_amount(self) -> float:
        """What the line costs as the vendor wrote it: its total, else qty × unit price."""
        return self.total if self.total is not None else self.amount


@dataclass(frozen=True)
class SumRow:
    """A subtotal, tax, discount or grand-total row as the vendor wrote it."""

    row: int
    kind: SumKind
    label: str
    amount: float
    rate: float | None = None  # a tax row's rate when it states one
    vat_included: bool | None = None  # a grand total's basis when its label says


@dataclass(frozen=True)
class Finding:
    kind: str  # one of FindingKind
    row: int | None
    item: str  # plan item id, or "" when there is none
    expected: float | str | None
    found: float | str | None
    message: str  # in English
    code: str = ""  # what engine.quotes.texts says it in any language ("" : the message only)
    params: tuple[tuple[str, Any], ...] = ()

    def text(self, lang: str = "en") -> str:
        """The finding in ``lang`` ("en" or "zh")."""
        if not self.code:
            return self.message
        from engine.quotes.texts import render

        return render(self.code, lang, dict(self.params))

    def part(self, lang: str = "en") -> str:
        """The plan line it is about as a buyer names it (description and part number)."""
        params = dict(self.params)
        return str(params.get("part_zh" if lang == "zh" else "part") or params.get("part") or self.item)


def said(kind: str, row: int | None, item: str, expected: float | str | None,
         found: float | str | None, code: str, /, **params: Any) -> Finding:
    """A finding made from its code and named parameters (its row among them)."""
    from engine.quotes.texts import render

    params.setdefault("row", row)
    return Finding(kind, row, item, expected, found, render(code, "en", params), code,
                   tuple(params.items()))


@dataclass(frozen=True)
class VendorQuote:
    file: str
    sheet: str
    vendor: str  # "Lenovo", "Inspur", or "" when the file does not say
    quote_no: str
    date: str
    currency: str  # ISO code
    vat_basis: VatBasis  # of the unit prices and line totals
    vat_rate: float | None  # stated in the file, else None
    mapping: ColumnMap
    lines: tuple[QuoteLine, ...]
    sums: tuple[SumRow, ...]
    issues: tuple[Finding, ...]  # ambiguities met while reading, each with its row
    notes: tuple[str, ...] = ()  # how the file was read (basis, currency, per-system quantities)
    letterhead: tuple[str, ...] = field(default=(), repr=False)
    rfq_no: str = ""  # the buyer's RFQ number the reply quotes ("询价单号"), "" when it names none
    config_id: str = ""  # the configuration id the RFQ named, when the reply carries it

    @property
    def items(self) -> tuple[QuoteLine, ...]:
        return tuple(line for line in self.lines if not line.is_component)

    @cached_property
    def _blocks(self) -> dict[int, tuple[QuoteLine, ...]]:
        blocks: dict[int, list[QuoteLine]] = {}
        for line in self.lines:
            if line.parent_row is not None:
                blocks.setdefault(line.parent_row, []).append(line)
        return {row: tuple(parts) for row, parts in blocks.items()}

    def components(self, parent_row: int) -> tuple[QuoteLine, ...]:
        """The component lines of the configured system in ``parent_row`` (none for an item)."""
        return self._blocks.get(parent_row, ())


@dataclass(frozen=True)
class LineMatch:
    row: int
    item: str | None
    score: float
    how: str  # "part_number", "description", "" for none
    category: str  # the plan line's category, or the parent's, or "unmatched"


@dataclass(frozen=True)
class Adjustment:
    """One change that brings a quote to the plan's scope, clearly marked."""

    kind: str  # "omitted" | "qty_shortfall" | "qty_excess" | "bundled_service" | "out_of_scope"
    item: str
    category: str
    amount: float  # in the plan's currency, excluding VAT; + adds to the quote
    source: str  # where the price came from, in English: "Inspur quote IS-1, row 12", ...
    row: int | None = None
    code: str = ""  # the source's catalogue sentence (resources/i18n/<lang>/like.ftl)
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def said(cls, kind: str, item: str, category: str, amount: float, row: int | None,
             code: str, /, **params: Any) -> Adjustment:
        """An adjustment whose source is the catalogue's ``code`` with ``params``."""
        from engine.i18n import t

        return cls(kind, item, category, amount, t(code, "en", **params), row, code,
                   tuple(params.items()))

    def source_in(self, lang: str) -> str:
        """Where the price came from, in ``lang``."""
        from engine.i18n import t

        return t(self.code, lang, **dict(self.params)) if self.code else self.source


def line_factor(plan_discount: float, list_prices: bool) -> float:
    """What turns a plan (list) price into one on the quoted lines' basis: a quotation with a
    discount row of its own quotes list prices; any other, the plan's list less its discount."""
    return 1.0 if list_prices else price_factor(plan_discount)


@dataclass(frozen=True)
class Reconciliation:
    quote: VendorQuote
    config: str  # the plan configuration it was reconciled with
    plan_currency: str
    rate_to_plan: float  # plan currency per quote currency unit
    vat_factor: float  # divide quoted figures by this to exclude VAT
    matches: tuple[LineMatch, ...]
    findings: tuple[Finding, ...]
    stated_total: float | None  # plan currency, excl. VAT
    computed_total: float  # plan currency, excl. VAT
    by_category: tuple[tuple[str, float], ...]  # computed, plan currency, excl. VAT
    bundled: tuple[tuple[int, str, float], ...] = ()  # (system row, plan item, qty) inside its price
    exchange_rate: float = 0.0  # CNY per USD, the plan's
    # (system row, plan item, value): what a bundled service inside a system's price is worth at
    # the plan's rates, in the plan's currency excluding VAT, over all the row's systems
    bundled_values: tuple[tuple[int, str, float], ...] = ()
    # prices including VAT at two rates: divide the service lines' figures by this instead
    vat_factor_services: float | None = None
    # The plan's BOM holds list prices and its discount comes off the total. A quotation that
    # states a discount of its own (a discount row) quotes list prices, compared with the plan's;
    # any other quotes the prices it asks, compared with the plan's list less its discount.
    plan_discount: float = 0.0
    list_prices: bool = False
    quote_discount: float = 0.0  # the share the quotation's own discount rows take off its lines
    # how the configuration was chosen: "user" (given), "rfq" (the reply names the RFQ's
    # configuration or number), "server_line" (a quoted server names its model and GPU),
    # "best_fit" (the lines that match best), "only" (the vendor's one configuration)
    chosen_by: str = "best_fit"

    @property
    def line_factor(self) -> float:
        """What turns a plan (list) price into one on the basis of the quoted lines."""
        return line_factor(self.plan_discount, self.list_prices)

    def plan_paid(self, list_price: float) -> float:
        """What the plan expects to pay for ``list_price``: list less its discount."""
        return list_price * (1.0 - self.plan_discount)

    def paid(self, value: float) -> float:
        """A figure on the quoted lines' basis (plan money) as paid: less the quotation's discount."""
        return value * (1.0 - self.quote_discount)

    @cached_property
    def _by_row(self) -> dict[int, LineMatch]:
        return {m.row: m for m in self.matches}

    def match(self, row: int) -> LineMatch | None:
        return self._by_row.get(row)

    def factor(self, row: int | None = None) -> float:
        """What divides the figures of quoted row ``row`` to exclude VAT (the goods rate's
        factor for a row that is no service line, or for no row)."""
        m = None if row is None else self.match(row)
        if m is not None and m.category == "services" and self.vat_factor_services is not None:
            return self.vat_factor_services
        return self.vat_factor

    def in_plan_money(self, value: float, row: int | None = None) -> float:
        """A figure of the quotation (of row ``row``) in the plan's currency, excluding VAT."""
        return value * self.rate_to_plan / self.factor(row)

    def unit_price(self, item: str) -> tuple[float, int] | None:
        """The quoted unit price of plan item ``item`` (plan currency, excl. VAT, before the
        quotation's own discount: ``paid`` takes it off) and its row."""
        for m in self.matches:
            if m.item != item:
                continue
            line = next(q for q in self.quote.lines if q.row == m.row)
            if not line.is_component and line.unit_price:
                return self.in_plan_money(line.unit_price, line.row), line.row
        return None


@dataclass(frozen=True)
class VendorTotals:
    file: str
    vendor: str
    config: str
    computed_total: float
    normalised_total: float
    by_category: tuple[tuple[str, float], ...]  # normalised
    adjustments: tuple[Adjustment, ...]
    by_item: tuple[tuple[str, float], ...] = ()  # normalised, per plan item ("server" for the system)


@dataclass(frozen=True)
class LikeForLike:
    currency: str
    vendors: tuple[VendorTotals, ...]
    categories: tuple[str, ...]
    drivers: tuple[tuple[str, float], ...]  # category, difference (second minus first), largest first
    cheapest: str | None  # file of the lowest normalised total
    item_drivers: tuple[tuple[str, float], ...] = ()  # plan item, difference, largest first
