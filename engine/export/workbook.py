"""The quote workbook: Summary, Comparison, one BOM per configuration, Assumptions, Sources.

Every derived figure is a formula: line totals (Qty × Unit price), group subtotals,
discount, VAT and grand totals on the BOM sheets; capex, TCO and cost per PF/s-day
on the Summary and Comparison sheets refer to them. VAT rate, discount and the
exchange rate are named input cells on the Summary sheet, so changing one number
in Excel or WPS updates every total. Yearly energy, maintenance and hosting are
the engine's numbers; the TCO over the years is built from them by formula.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Protocol

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from engine.export.labels import Labels, Lang
from engine.export.safe import MAX_SHEET_NAME, sheet_name, sheet_ref
from engine.export.sheet import SheetWriter, print_setup
from engine.export.styles import money_style, register_styles
from engine.model import CATEGORIES, BomLine, Comparison, Money, Plan

NAME_EXCHANGE_RATE = "ExchangeRate"
NAME_VAT = "VATRate"
NAME_DISCOUNT = "Discount"

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


class PriceEntryLike(Protocol):
    """What the workbook reads of a price-list entry (engine.money.prices.PriceEntry)."""

    @property
    def item(self) -> object: ...
    @property
    def vendor(self) -> object: ...
    @property
    def part_number(self) -> object: ...
    @property
    def description_en(self) -> object: ...
    @property
    def description_zh(self) -> object: ...
    @property
    def unit_price(self) -> object: ...
    @property
    def currency(self) -> object: ...
    @property
    def date(self) -> object: ...
    @property
    def source(self) -> object: ...
    @property
    def confidence(self) -> object: ...


class PriceListLike(Protocol):
    """What the workbook reads of a price list (engine.money.prices.PriceList)."""

    @property
    def entries(self) -> Mapping[str, PriceEntryLike]: ...


@dataclass(frozen=True)
class QuoteInfo:
    lang: Lang
    customer: str
    quote_no: str
    valid_days: int
    quote_date: datetime.date


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
    vat: str
    capex: str


@dataclass
class PlanRefs:
    bom: BomRefs
    tco: str  # the last year of the TCO table
    tco_years: list[str]  # year 0 .. N


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


def _amount(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.2f}"


def _abs(coordinate: str) -> str:
    col = coordinate.rstrip("0123456789")
    return f"${col}${coordinate[len(col):]}"


def _priced(comparison: Comparison) -> list[tuple[Plan, Money]]:
    return [(p, p.money) for p in comparison.plans if p.money is not None]


def _description(line: BomLine, lang: Lang) -> str:
    if lang == "zh" and line.description_zh:
        return line.description_zh
    return line.description_en


def _assumption(comparison: Comparison, name: str) -> float | None:
    for plan in comparison.plans:
        for a in plan.assumptions:
            if a.key.rsplit(".", 1)[-1] == name and isinstance(a.value, int | float):
                return float(a.value)
    return None


def _exchange_rate(comparison: Comparison) -> float:
    found = _assumption(comparison, "exchange_rate")
    if found is not None:
        return found
    if comparison.request.finance.exchange_rate is not None:
        return comparison.request.finance.exchange_rate
    from engine.assumptions import default

    return default("finance.exchange_rate").value


def _rates(comparison: Comparison) -> tuple[float, float]:
    """(VAT rate, discount rate) the plans were priced with."""
    for _, money in _priced(comparison):
        return money.vat_rate, money.discount_rate
    finance = comparison.request.finance
    vat = finance.vat if finance.vat is not None else _assumption(comparison, "vat")
    if vat is None:
        from engine.assumptions import default

        vat = default("finance.vat").value
    return vat, finance.discount


def _currency(comparison: Comparison) -> str:
    for _, money in _priced(comparison):
        return money.currency
    return comparison.request.finance.currency


def _other_currency(currency: str) -> str:
    return "USD" if currency == "CNY" else "CNY"


# ---------------------------------------------------------------- BOM sheets


def _write_bom(ws: Worksheet, plan: Plan, money: Money, L: Labels, indicative: str) -> BomRefs:
    w = SheetWriter(ws)
    cur = money.currency
    m, m_sub, m_total = money_style(cur), money_style(cur, "sub"), money_style(cur, "total")
    w.text(1, 1, L("bom.title", server=plan.server, gpus_per_node=plan.gpus_per_node,
                   gpu=plan.gpu_name), "cq_title", fit=False)
    w.text(2, 1, L("bom.subtitle", config=plan.config, vendor=plan.vendor, currency=cur),
           "cq_subtitle", fit=False)
    w.text(3, 1, indicative, "cq_subtitle", fit=False)
    header_row = 5
    w.header(header_row, 1, [L("bom.no"), L("bom.part_number"), L("bom.description"),
                             L("bom.qty"), L("bom.unit_price"), L("bom.total"),
                             L("bom.vendor"), L("bom.note")])
    width = range(1, 9)

    groups: dict[str, list[BomLine]] = {c: [] for c in CATEGORIES}
    for line in plan.bom:
        groups.setdefault(line.category, []).append(line)

    subtotals: dict[str, str] = {}
    row = header_row + 1
    number = 0
    for category, lines in groups.items():
        if not lines:
            continue
        number += 1
        w.text(row, 1, str(number), "cq_group")
        w.text(row, 2, L.category(category), "cq_group", fit=False)
        w.styled(row, width, "cq_group")
        row += 1
        first = row
        for i, line in enumerate(lines, 1):
            w.text(row, 1, f"{number}.{i}")
            w.text(row, 2, line.part_number)
            w.text(row, 3, _description(line, L.lang))
            w.number(row, 4, line.qty, "cq_int")
            w.number(row, 5, line.unit_price, money_style(line.currency or cur))
            w.formula(row, 6, f"=D{row}*E{row}", m, shown=line.total)
            w.text(row, 7, line.vendor)
            if line.note:
                w.text(row, 8, line.note)
            row += 1
            for k, part in enumerate(line.components, 1):  # a configured system's parts, unpriced
                w.text(row, 1, f"{number}.{i}.{k}")
                w.text(row, 2, part.item)
                name = part.description_zh if L.lang == "zh" and part.description_zh else part.description
                w.text(row, 3, f"    {name}")
                w.number(row, 4, part.qty, "cq_int")
                w.text(row, 8, L("bom.per_system"))
                row += 1
        w.text(row, 3, L("bom.subtotal", category=L.category(category)), "cq_sub_label")
        subtotal = sum(line.total for line in lines)
        w.formula(row, 6, f"=SUM(F{first}:F{row - 1})", m_sub, shown=subtotal)
        w.styled(row, width, "cq_sub_label")
        subtotals[category] = f"F{row}"
        row += 1
    ws.auto_filter.ref = f"A{header_row}:H{max(row - 1, header_row + 1)}"

    def total_line(key: str, formula: str, *, rate: str | None = None, style: str = m_sub,
                   label_style: str = "cq_sub_label", label: str | None = None) -> str:
        nonlocal row
        w.text(row, 3, label or L(key), label_style)
        if rate is not None:
            w.formula(row, 5, f"={rate}", "cq_pct" if rate != NAME_EXCHANGE_RATE else "cq_num3")
        w.formula(row, 6, formula, style, shown=money.capex)
        if label_style == "cq_total_label":
            w.styled(row, range(4, 6), label_style)
        coordinate = f"F{row}"
        row += 1
        return coordinate

    row += 1
    b, plain = money_style(cur, "bold"), "cq_sum_label"
    hardware_parts = [ref for c, ref in subtotals.items() if c != "services"]
    hardware = total_line("bom.hardware", "=" + ("+".join(hardware_parts) or "0"),
                          style=b, label_style=plain)
    services = total_line("bom.services", "=" + subtotals.get("services", "0"),
                          style=b, label_style=plain)
    before = total_line("bom.before_discount", f"={hardware}+{services}")
    discount = total_line("bom.discount", f"=-{before}*{NAME_DISCOUNT}", rate=NAME_DISCOUNT,
                          style=b, label_style=plain)
    net = total_line("bom.net", f"={before}+{discount}")
    vat = total_line("bom.vat", f"={net}*{NAME_VAT}", rate=NAME_VAT, style=b,
                     label_style=plain)
    capex = total_line("bom.grand_total", f"={net}+{vat}", style=m_total,
                       label_style="cq_total_label")
    other = _other_currency(cur)
    op = "/" if cur == "CNY" else "*"
    total_line("bom.grand_total_in", f"={capex}{op}{NAME_EXCHANGE_RATE}",
               rate=NAME_EXCHANGE_RATE, style=money_style(other), label_style=plain,
               label=L("bom.grand_total_in", currency=other))

    ws.freeze_panes = f"A{header_row + 1}"
    w.finish(maximum=70, fixed={1: 7, 4: 8})
    print_setup(ws, title_rows=f"{header_row}:{header_row}", footer=L("footer.page"))

    title = ws.title

    def ref(coordinate: str) -> str:
        return sheet_ref(title, _abs(coordinate))

    return BomRefs(
        sheet=title,
        subtotals={c: ref(v) for c, v in subtotals.items()},
        hardware=ref(hardware), services=ref(services), before_discount=ref(before),
        discount=ref(discount), net=ref(net), vat=ref(vat), capex=ref(capex),
    )


# ---------------------------------------------------------------- comparison


def _write_comparison(ws: Worksheet, comparison: Comparison, boms: dict[str, BomRefs],
                      L: Labels, indicative: str) -> dict[str, PlanRefs]:
    w = SheetWriter(ws)
    priced = _priced(comparison)
    currency = _currency(comparison)
    m = money_style(currency)
    w.text(1, 1, L("cmp.title"), "cq_title", fit=False)
    w.text(2, 1, indicative, "cq_subtitle", fit=False)
    header_row = 4
    if not priced:
        w.text(header_row, 1, L("rec.none"))
        w.finish()
        print_setup(ws, title_rows=None, footer=L("footer.page"))
        return {}
    n = len(priced)
    cols = range(2, 2 + n)
    w.header(header_row, 1, [L("cmp.metric"), *(p.config for p, _ in priced)])

    # Layout first: the side-by-side block refers to the TCO table below it.
    metric_keys = ["col.vendor", "col.server", "col.gpu", "col.gpus", "col.nodes", "col.racks",
                   "cmp.rack_kw", "col.it_kw", "col.facility_kw", "cmp.cooling_kw", "col.days",
                   "cmp.days_band", "col.meets", "cmp.energy_run", "cmp.energy_run_cost",
                   "col.capex", "col.tco", "col.pf_days_delivered", "col.cost_per_pf_day"]
    metric_row = {k: header_row + 1 + i for i, k in enumerate(metric_keys)}
    years = max(money.years for _, money in priced)

    cat_header = header_row + len(metric_keys) + 3
    tco_header = cat_header + n + 3
    opex_header = tco_header + years + 4
    warnings = [(plan.config, L.message(msg.code, msg.text))
                for plan, _ in priced for msg in plan.warnings]
    warnings_header = opex_header + 3 * n + 3
    charts_row = warnings_header + max(len(warnings), 1) + 3

    # capex by category
    w.text(cat_header - 1, 1, L("cmp.capex_by_category"), "cq_section", fit=False)
    w.header(cat_header, 1, [L("col.configuration"), *(L.category(c) for c in CATEGORIES),
                             L("bom.before_discount")])
    for i, (plan, money) in enumerate(priced):
        row = cat_header + 1 + i
        bom = boms[plan.config]
        w.text(row, 1, plan.config)
        amounts = dict(money.subtotals)
        for j, category in enumerate(CATEGORIES):
            ref = bom.subtotals.get(category)
            if ref is None:
                w.number(row, 2 + j, 0, m)
            else:
                w.formula(row, 2 + j, f"={ref}", m, shown=amounts.get(category, 0.0))
        last = get_column_letter(1 + len(CATEGORIES))
        w.formula(row, 2 + len(CATEGORIES), f"=SUM(B{row}:{last}{row})", money_style(currency, "sub"),
                  shown=money.hardware + money.services)

    # operating cost per year (the engine's figures)
    w.text(opex_header - 1, 1, L("cmp.opex"), "cq_section", fit=False)
    w.header(opex_header, 1, [L("col.configuration"), L("cmp.cost"),
                              *(L("cmp.year_n", n=y) for y in range(1, years + 1))])
    opex_rows: dict[str, list[int]] = {}
    for i, (plan, money) in enumerate(priced):
        base = opex_header + 1 + 3 * i
        opex_rows[plan.config] = [base, base + 1, base + 2]
        costs = [
            ("cmp.energy", [money.energy_per_year] * money.years),
            ("cmp.maintenance", list(money.maintenance_per_year)),
            ("cmp.hosting", [money.hosting_per_year] * money.years),
        ]
        for k, (key, values) in enumerate(costs):
            w.text(base + k, 1, plan.config)
            w.text(base + k, 2, L(key))
            for y, value in enumerate(values[:money.years], 1):
                w.number(base + k, 2 + y, value, m)

    # TCO over the years, built from capex and the yearly costs
    w.text(tco_header - 1, 1, L("cmp.tco_years"), "cq_section", fit=False)
    w.header(tco_header, 1, [L("cmp.year"), *(p.config for p, _ in priced)])
    refs: dict[str, PlanRefs] = {}
    for y in range(years + 1):
        w.number(tco_header + 1 + y, 1, y, "cq_center")
    for i, (plan, money) in enumerate(priced):
        col = 2 + i
        letter = get_column_letter(col)
        tco_years: list[str] = []
        for y in range(money.years + 1):
            row = tco_header + 1 + y
            if y == 0:
                formula = f"={boms[plan.config].capex}"
            else:
                year_col = get_column_letter(2 + y)
                first, _, last = opex_rows[plan.config]
                formula = f"={letter}{row - 1}+SUM({year_col}{first}:{year_col}{last})"
            w.formula(row, col, formula, m, shown=money.tco_by_year[y]
                      if y < len(money.tco_by_year) else money.tco)
            tco_years.append(sheet_ref(ws.title, f"${letter}${row}"))
        refs[plan.config] = PlanRefs(bom=boms[plan.config], tco=tco_years[-1],
                                     tco_years=tco_years)

    # side by side
    for key, row in metric_row.items():
        label = L(key, years=years) if key == "col.tco" else L(key)
        w.text(row, 1, label, "cq_label")
    for col, (plan, money) in zip(cols, priced, strict=True):
        letter = get_column_letter(col)
        r = metric_row
        w.text(r["col.vendor"], col, plan.vendor)
        w.text(r["col.server"], col, plan.server)
        w.text(r["col.gpu"], col, plan.gpu_name)
        w.number(r["col.gpus"], col, plan.gpus, "cq_int")
        w.number(r["col.nodes"], col, plan.nodes, "cq_int")
        w.number(r["col.racks"], col, plan.racks.count if plan.racks else 0, "cq_int")
        w.number(r["cmp.rack_kw"], col, plan.racks.max_power_kw if plan.racks else 0.0, "cq_num1")
        w.number(r["col.it_kw"], col, plan.power.it_max_kw if plan.power else 0.0, "cq_num1")
        w.number(r["col.facility_kw"], col, plan.power.facility_max_kw if plan.power else 0.0,
                 "cq_num1")
        w.number(r["cmp.cooling_kw"], col, plan.cooling.capacity_kw if plan.cooling else 0.0,
                 "cq_num1")
        w.number(r["col.days"], col, plan.days, "cq_num1")
        w.text(r["cmp.days_band"], col, f"{plan.days_low:,.1f} – {plan.days_high:,.1f}")
        w.text(r["col.meets"], col, L.yes_no(plan.meets_deadline), "cq_center")
        w.number(r["cmp.energy_run"], col,
                 plan.power.energy_per_run_mwh if plan.power else 0.0, "cq_num1")
        w.number(r["cmp.energy_run_cost"], col, money.energy_per_run, m)
        w.formula(r["col.capex"], col, f"={boms[plan.config].capex}", money_style(currency, "sub"),
                  shown=money.capex)
        w.formula(r["col.tco"], col, f"={refs[plan.config].tco}", money_style(currency, "sub"),
                  shown=money.tco)
        delivered = money.tco / money.cost_per_pf_day if money.cost_per_pf_day else None
        w.number(r["col.pf_days_delivered"], col, delivered, "cq_num1")
        if delivered:
            w.formula(r["col.cost_per_pf_day"], col,
                      f"={letter}{r['col.tco']}/{letter}{r['col.pf_days_delivered']}", m,
                      shown=money.cost_per_pf_day)

    # warnings, one a row
    w.text(warnings_header - 1, 1, L("cmp.warnings"), "cq_section", fit=False)
    w.header(warnings_header, 1, [L("col.configuration"), L("cmp.warnings")])
    for k, (config, text) in enumerate(warnings or [("", L("rec.none"))]):
        w.text(warnings_header + 1 + k, 1, config)
        w.text(warnings_header + 1 + k, 2, text, "cq_note", fit=False)

    w.finish(maximum=48, minimum=12)

    # charts
    bar = BarChart()
    bar.type = "col"
    bar.grouping = "stacked"
    bar.overlap = 100
    bar.title = L("chart.capex")
    bar.y_axis.title = L("chart.amount", currency=currency)
    bar.y_axis.numFmt = "#,##0"
    bar.y_axis.delete = False
    bar.x_axis.delete = False
    data = Reference(ws, min_col=2, max_col=1 + len(CATEGORIES), min_row=cat_header,
                     max_row=cat_header + n)
    bar.add_data(data, titles_from_data=True)
    bar.set_categories(Reference(ws, min_col=1, min_row=cat_header + 1, max_row=cat_header + n))
    # charts grow with the number of configurations, as the tables above them do
    chart_w, chart_h = min(max(20.0, 3.0 * n + 10), 60.0), (9.0 if n <= 4 else 13.0)
    bar.width, bar.height = chart_w, chart_h
    bar.legend.position = "b"
    ws.add_chart(bar, f"A{charts_row}")

    line = LineChart()
    line.title = L("chart.tco")
    line.y_axis.title = L("chart.amount", currency=currency)
    line.x_axis.title = L("cmp.year")
    line.y_axis.numFmt = "#,##0"
    line.y_axis.delete = False
    line.x_axis.delete = False
    data = Reference(ws, min_col=2, max_col=1 + n, min_row=tco_header,
                     max_row=tco_header + 1 + years)
    line.add_data(data, titles_from_data=True)
    line.set_categories(Reference(ws, min_col=1, min_row=tco_header + 1,
                                  max_row=tco_header + 1 + years))
    line.width, line.height = chart_w, chart_h
    line.legend.position = "b"
    ws.add_chart(line, f"A{charts_row + math.ceil(chart_h / 0.53) + 2}")  # rows of 15 pt
    ws.row_breaks.append(Break(id=charts_row - 2))  # both charts on a page of their own

    ws.freeze_panes = f"B{header_row + 1}"
    print_setup(ws, title_rows=None, footer=L("footer.page"))
    return refs


# ---------------------------------------------------------------- summary


def _workload_sentence(comparison: Comparison, L: Labels) -> str:
    need = comparison.compute
    schedule = comparison.request.schedule
    common = {"label": need.label, "flops": sci(need.flops), "pf_days": _amount(need.pf_days),
              "precision": schedule.precision.upper()}
    if schedule.gpus is not None:
        return L("quote.fleet", gpus=f"{schedule.gpus:,}", **common)
    days = f"{schedule.days:g}" if schedule.days is not None else "?"
    return L("quote.deadline", days=days, **common)


def _write_summary(ws: Worksheet, wb: Workbook, comparison: Comparison,
                   refs: dict[str, PlanRefs], info: QuoteInfo, L: Labels,
                   indicative: str) -> None:
    w = SheetWriter(ws)
    currency = _currency(comparison)
    m, m_bold = money_style(currency), money_style(currency, "bold")
    vat_rate, discount_rate = _rates(comparison)
    w.text(1, 1, L("quote.title"), "cq_title", fit=False)
    w.text(2, 1, indicative, "cq_subtitle", fit=False)

    row = 4
    w.text(row, 1, L("quote.no"), "cq_label")
    w.text(row, 2, info.quote_no, fit=False)
    w.text(row + 1, 1, L("quote.date"), "cq_label")
    w.number(row + 1, 2, info.quote_date, "cq_date", fit=False)
    w.text(row + 2, 1, L("quote.valid_days"), "cq_label")
    w.number(row + 2, 2, info.valid_days, "cq_input_int", fit=False)
    w.text(row + 3, 1, L("quote.valid_until"), "cq_label")
    w.formula(row + 3, 2, f"=B{row + 1}+B{row + 2}", "cq_date")
    w.text(row + 4, 1, L("quote.customer"), "cq_label")
    w.text(row + 4, 2, info.customer, fit=False)
    w.text(row + 5, 1, L("quote.currency"), "cq_label")
    w.text(row + 5, 2, currency, fit=False)
    inputs = [
        (row + 6, "quote.exchange_rate", _exchange_rate(comparison), "cq_input_num",
         NAME_EXCHANGE_RATE, DataValidation(type="decimal", operator="greaterThan",
                                            formula1="0", allow_blank=False)),
        (row + 7, "quote.vat_rate", vat_rate, "cq_input_pct", NAME_VAT,
         DataValidation(type="decimal", operator="between", formula1="0", formula2="1")),
        (row + 8, "quote.discount_rate", discount_rate, "cq_input_pct", NAME_DISCOUNT,
         DataValidation(type="decimal", operator="between", formula1="0", formula2="1")),
    ]
    for r, key, value, style, name, validation in inputs:
        w.text(r, 1, L(key), "cq_label")
        w.number(r, 2, value, style, fit=False)
        wb.defined_names[name] = DefinedName(name, attr_text=sheet_ref(ws.title, f"$B${r}"))
        validation.add(f"B{r}")
        ws.add_data_validation(validation)
    w.text(row + 9, 2, L("quote.inputs_note"), "cq_note", fit=False)
    w.text(row + 10, 1, L("quote.workload"), "cq_label")
    w.text(row + 10, 2, _workload_sentence(comparison, L), fit=False)

    section_row = row + 12
    header_row = section_row + 1
    years = max((money.years for _, money in _priced(comparison)), default=0)
    w.text(section_row, 1, L("quote.configurations"), "cq_section", fit=False)
    w.header(header_row, 1, [
        L("col.configuration"), L("col.vendor"), L("col.server"), L("col.gpu"), L("col.gpus"),
        L("col.nodes"), L("col.racks"), L("col.it_kw"), L("col.facility_kw"), L("col.days"),
        L("col.meets"), L("col.capex"), L("col.tco", years=years), L("col.pf_days_delivered"),
        L("col.cost_per_pf_day"), L("col.status"),
    ])
    row = header_row + 1
    for plan in comparison.plans:
        w.text(row, 1, plan.config)
        w.text(row, 2, plan.vendor)
        w.text(row, 3, plan.server)
        w.text(row, 4, plan.gpu_name)
        money = plan.money
        if plan.refusals or money is None:
            reasons = "; ".join(L.message(msg.code, msg.text) for msg in plan.refusals)
            w.text(row, 16, L("status.refused", reasons=reasons or "—"), fit=False)
            row += 1
            continue
        w.number(row, 5, plan.gpus, "cq_int")
        w.number(row, 6, plan.nodes, "cq_int")
        w.number(row, 7, plan.racks.count if plan.racks else 0, "cq_int")
        w.number(row, 8, plan.power.it_max_kw if plan.power else 0.0, "cq_num1")
        w.number(row, 9, plan.power.facility_max_kw if plan.power else 0.0, "cq_num1")
        w.number(row, 10, plan.days, "cq_num1")
        w.text(row, 11, L.yes_no(plan.meets_deadline), "cq_center")
        plan_refs = refs[plan.config]
        w.formula(row, 12, f"={plan_refs.bom.capex}", m_bold, shown=money.capex)
        w.formula(row, 13, f"={plan_refs.tco}", m_bold, shown=money.tco)
        delivered = money.tco / money.cost_per_pf_day if money.cost_per_pf_day else None
        w.number(row, 14, delivered, "cq_num1")
        if delivered:
            w.formula(row, 15, f"=M{row}/N{row}", m, shown=money.cost_per_pf_day)
        status = L("status.ok") if plan.meets_deadline else L("status.late")
        w.text(row, 16, status)
        row += 1
    last_row = max(row - 1, header_row)

    row += 1
    w.text(row, 1, L("quote.recommendation"), "cq_section", fit=False)
    rec = comparison.recommendation
    servers = {p.config: f"{p.config} ({p.server}, {p.gpu_name})" for p in comparison.plans}
    for key, config in (("rec.cheapest", rec.cheapest_meeting_deadline),
                        ("rec.fastest", rec.fastest), ("rec.lowest_tco", rec.lowest_tco)):
        row += 1
        w.text(row, 1, L(key), "cq_label")
        w.text(row, 2, servers.get(config, config) if config else L("rec.none"), fit=False)

    ws.freeze_panes = f"B{header_row + 1}"
    w.finish(maximum=40, fixed={2: 12})
    print_setup(ws, title_rows=f"{header_row}:{header_row}", footer=L("footer.page"))
    ws.print_area = f"A1:P{max(row, last_row)}"


# ---------------------------------------------------------------- assumptions


def _write_assumptions(ws: Worksheet, comparison: Comparison, L: Labels) -> None:
    w = SheetWriter(ws)
    need = comparison.compute
    request = comparison.request
    w.text(1, 1, L("asm.title"), "cq_title", fit=False)
    w.text(2, 1, need.label, "cq_subtitle", fit=False)

    row = 4
    w.text(row, 1, L("asm.workload"), "cq_section", fit=False)
    w.header(row + 1, 1, [L("asm.item"), L("asm.value")])
    row += 2
    items: list[tuple[str, object, str]] = [
        ("wl.label", need.label, "cq_text"),
        ("wl.params", need.params, "cq_sci"),
        ("wl.tokens", need.tokens, "cq_sci"),
        ("wl.runs", need.runs, "cq_int"),
        ("wl.pretrain_flops", need.pretrain_flops, "cq_sci"),
        ("wl.finetune_flops", need.finetune_flops, "cq_sci"),
        ("wl.tuning_flops", need.tuning_flops, "cq_sci"),
        ("wl.flops", need.flops, "cq_sci"),
        ("wl.pf_days", need.pf_days, "cq_num"),
    ]
    if request.schedule.days is not None:
        items.append(("wl.days", request.schedule.days, "cq_num1"))
    if request.schedule.gpus is not None:
        items.append(("wl.gpus", request.schedule.gpus, "cq_int"))
    items.append(("wl.precision", request.schedule.precision.upper(), "cq_text"))
    for key, value, style in items:
        if value is None:
            continue
        w.text(row, 1, L(key), "cq_label")
        if isinstance(value, int | float):
            w.number(row, 2, value, style)
        else:
            w.text(row, 2, value, fit=False)
        row += 1

    row += 1
    w.text(row, 1, L("asm.inputs"), "cq_section", fit=False)
    w.header(row + 1, 1, [L("asm.item"), L("asm.value")])
    row += 2
    for group_name in ("efficiency", "facility", "finance"):
        group = getattr(request, group_name)
        for f in fields(group):
            value = getattr(group, f.name)
            w.text(row, 1, L.key(f.name), "cq_label")
            if value is None:
                w.text(row, 2, L("asm.default"), "cq_note")
            elif isinstance(value, bool) or not isinstance(value, int | float):
                w.text(row, 2, L.value(value))
            else:
                w.number(row, 2, value, "cq_num3" if isinstance(value, float) else "cq_int")
            row += 1

    plans = [p for p in comparison.plans if p.assumptions or p.efficiency]
    if plans:
        row += 1
        w.text(row, 1, L("asm.per_config"), "cq_section", fit=False)
        n = len(plans)
        w.header(row + 1, 1, [L("asm.assumption"), L("asm.unit"), *(p.config for p in plans),
                              L("asm.origin"), L("asm.note")])
        row += 2
        table: dict[str, dict[str, tuple[object, str, str, str]]] = {}
        labels: dict[str, str] = {}
        for plan in plans:
            eff = plan.efficiency
            if eff is not None:
                origin = "request" if eff.overridden else "model"
                given = {a.key.rsplit(".", 1)[-1] for a in plan.assumptions}
                rows = [
                    ("eff.peak_dense", "peak_dense_tflops", eff.peak_dense_tflops, "TFLOP/s",
                     "catalog"),
                    ("eff.peak_sparse", "peak_sparse_tflops", eff.peak_sparse_tflops, "TFLOP/s",
                     "catalog"),
                    ("eff.mfu", "mfu", eff.mfu, "", origin),
                    ("eff.mfu_low", "", eff.mfu_low, "", "model"),
                    ("eff.mfu_high", "", eff.mfu_high, "", "model"),
                    ("eff.goodput", "goodput", eff.goodput, "", "model"),
                    ("eff.delivered", "", eff.delivered_tflops, "TFLOP/s", "model"),
                ]
                for key, same_as, value, unit, orig in rows:
                    if same_as in given:  # the engine lists it among its assumptions
                        continue
                    labels[key] = L(key, precision=eff.precision.upper())
                    table.setdefault(key, {})[plan.config] = (value, unit, orig, "")
            for a in plan.assumptions:
                key = f"a:{a.key}"
                labels.setdefault(key, L.key(a.key))
                table.setdefault(key, {})[plan.config] = (a.value, a.unit, a.origin, a.note)
        for key, by_plan in table.items():
            w.text(row, 1, labels[key], "cq_label")
            first = next(iter(by_plan.values()))
            w.text(row, 2, first[1])
            for i, plan in enumerate(plans):
                cell = by_plan.get(plan.config)
                if cell is None:
                    continue
                value = cell[0]
                if isinstance(value, bool) or not isinstance(value, int | float):
                    w.text(row, 3 + i, L.value(value))
                else:
                    if float(value).is_integer():
                        style = "cq_int"
                    else:
                        style = "cq_num3" if abs(value) < 10 else "cq_num"
                    w.number(row, 3 + i, value, style)
            origins = sorted({L.origin(c[2]) for c in by_plan.values()})
            w.text(row, 3 + n, ", ".join(origins))
            notes = list(dict.fromkeys(c[3] for c in by_plan.values() if c[3]))
            if notes:
                w.wrapped(row, 4 + n, "\n".join(notes), "cq_note_wrap", width=70)
            row += 1

    ws.freeze_panes = "B4"
    w.finish(maximum=70)
    print_setup(ws, title_rows="1:2", footer=L("footer.page"))


# ---------------------------------------------------------------- sources


def _catalog_rows(comparison: Comparison, lang: Lang) -> list[tuple[str, str, str, str, bool]] | None:
    """(kind, id, name, source, verified) of every catalog record the plans used."""
    try:
        from engine.catalog import load_catalog

        catalog = load_catalog()
    except (ImportError, OSError, ValueError):
        return None
    sections: list[tuple[str, Mapping[str, object]]] = [
        ("configuration", catalog.configurations), ("server", catalog.servers),
        ("gpu", catalog.gpus), ("network", catalog.network), ("rack", catalog.racks),
        ("pdu", catalog.pdus), ("cooling", catalog.cooling), ("service", catalog.services),
        ("storage", catalog.storage), ("management", catalog.management),
        ("software", catalog.software), ("open_software", catalog.open_software),
        ("rated_service", catalog.rated_services),
    ]
    rows: dict[tuple[str, str], tuple[str, str, str, str, bool]] = {}

    def add(kind: str, record: object) -> None:
        rid = str(getattr(record, "id", ""))
        if (kind, rid) in rows:
            return
        if kind == "configuration":
            name = getattr(record, "description_zh" if lang == "zh" else "description_en", rid)
        elif kind == "market":
            name = getattr(record, "rule_zh" if lang == "zh" else "rule", rid)
        elif kind == "server":
            name = (getattr(record, "name_zh", "") if lang == "zh" else "") or " ".join(
                str(getattr(record, a, "")) for a in ("vendor", "model", "variant"))
        else:
            name = (getattr(record, "name_zh", "") if lang == "zh" else "") or getattr(
                record, "name", rid)
        rows[(kind, rid)] = (kind, rid, str(name), str(getattr(record, "source", "")),
                             bool(getattr(record, "verified", False)))

    for plan in comparison.plans:
        config = catalog.configurations.get(plan.config)
        if config is not None:
            add("configuration", config)
            server = catalog.servers.get(config.server)
            if server is not None:
                add("server", server)
        gpu = catalog.gpus.get(plan.gpu)
        if gpu is not None:
            add("gpu", gpu)
        status = plan.availability
        for rule in catalog.availability.values():  # the market rule the plan's status rests on
            if status is not None and (rule.market, rule.since) == (status.market, status.since) \
                    and plan.gpu in rule.gpus:
                add("market", rule)
        for line in plan.bom:
            for kind, section in sections:
                record = section.get(line.item)
                if record is not None:
                    add(kind, record)
                    break
    return list(rows.values())


def _write_sources(ws: Worksheet, comparison: Comparison, price_list: PriceListLike | None,
                   L: Labels, indicative: str) -> None:
    w = SheetWriter(ws)
    w.text(1, 1, L("src.title"), "cq_title", fit=False)
    w.text(2, 1, indicative, "cq_label", fit=False)
    w.text(3, 1, f"{L('src.price_list')}: {comparison.price_list}", "cq_subtitle", fit=False)

    row = 5
    w.text(row, 1, L("src.catalog"), "cq_section", fit=False)
    records = _catalog_rows(comparison, L.lang)
    row += 1
    if records is None:
        w.text(row, 1, L("src.no_catalog"), "cq_note", fit=False)
        row += 1
    else:
        w.header(row, 1, [L("src.kind"), L("src.id"), L("src.name"), L("src.source"),
                          L("src.verified")])
        row += 1
        for kind, rid, name, source, verified in records:
            w.text(row, 1, L(f"kind.{kind}"))
            w.text(row, 2, rid)
            w.wrapped(row, 3, name, width=45)
            w.wrapped(row, 4, source, width=60)
            w.text(row, 5, L.yes_no(verified), "cq_center")
            row += 1

    row += 1
    w.text(row, 1, L("src.prices"), "cq_section", fit=False)
    row += 1
    w.header(row, 1, [L("src.item"), L("bom.vendor"), L("bom.part_number"), L("bom.description"),
                      L("src.unit_price"), L("src.currency"), L("src.date"), L("src.source"),
                      L("src.confidence")])
    row += 1
    seen: dict[str, BomLine] = {}
    for plan in comparison.plans:
        for line in plan.bom:
            seen.setdefault(line.item, line)
    entries = price_list.entries if price_list is not None else {}
    for item, line in seen.items():
        entry = entries.get(item)
        w.text(row, 1, item)
        if entry is None:
            w.text(row, 2, line.vendor)
            w.text(row, 3, line.part_number)
            w.wrapped(row, 4, _description(line, L.lang), width=45)
            w.number(row, 5, line.unit_price, money_style(line.currency))
            w.text(row, 6, line.currency)
            w.wrapped(row, 8, comparison.price_list, width=60)
        else:
            description = entry.description_zh if L.lang == "zh" else entry.description_en
            currency = str(entry.currency)
            w.text(row, 2, entry.vendor)
            w.text(row, 3, entry.part_number)
            w.wrapped(row, 4, description or entry.description_en, width=45)
            price = entry.unit_price
            if isinstance(price, int | float) and not isinstance(price, bool):
                w.number(row, 5, float(price), money_style(currency)
                         if currency in ("CNY", "USD") else "cq_num")
            else:
                w.text(row, 5, price)
            w.text(row, 6, currency)
            date = entry.date
            if isinstance(date, datetime.date):
                w.number(row, 7, date, "cq_date")
            elif date:
                w.text(row, 7, date)
            w.wrapped(row, 8, entry.source, width=60)
            confidence = entry.confidence
            if isinstance(confidence, int | float) and not isinstance(confidence, bool):
                w.number(row, 9, float(confidence), "cq_pct")
            else:
                w.text(row, 9, L.value(confidence))
        row += 1

    ws.freeze_panes = "A4"
    w.finish(maximum=60)
    print_setup(ws, title_rows="1:3", footer=L("footer.page"))


# ---------------------------------------------------------------- the workbook


def _price_list_used(comparison: Comparison) -> PriceListLike | None:
    """The user's or shipped price list, when it is the one the comparison was priced from."""
    try:
        from engine.money.prices import load_price_list

        found = load_price_list()
    except (ImportError, OSError, ValueError):
        return None
    return found if found.name == comparison.price_list else None


def build_workbook(comparison: Comparison, info: QuoteInfo,
                   price_list: PriceListLike | None) -> Workbook:
    L = Labels(info.lang)
    currency = _currency(comparison)
    wb = Workbook()
    currencies = {currency, _other_currency(currency)}
    currencies |= {line.currency for p in comparison.plans for line in p.bom if line.currency}
    register_styles(wb, info.lang, currencies)
    wb.properties.title = L("quote.title")
    wb.properties.creator = "ClusterQuote"
    wb.properties.subject = comparison.compute.label

    indicative = L("quote.indicative", source=comparison.price_list)
    taken: set[str] = set()
    summary = wb.active
    assert summary is not None
    summary.title = sheet_name(L("sheet.summary"), taken)
    comparison_ws = wb.create_sheet(sheet_name(L("sheet.comparison"), taken))

    boms: dict[str, BomRefs] = {}
    for plan, money in _priced(comparison):
        wanted = f"{L('sheet.bom')} {plan.config}"
        if len(wanted) > MAX_SHEET_NAME:  # keep the whole id rather than the prefix
            wanted = plan.config
        ws = wb.create_sheet(sheet_name(wanted, taken))
        boms[plan.config] = _write_bom(ws, plan, money, L, indicative)
    assumptions_ws = wb.create_sheet(sheet_name(L("sheet.assumptions"), taken))
    sources_ws = wb.create_sheet(sheet_name(L("sheet.sources"), taken))

    if price_list is None:
        price_list = _price_list_used(comparison)
    refs = _write_comparison(comparison_ws, comparison, boms, L, indicative)
    _write_summary(summary, wb, comparison, refs, info, L, indicative)
    _write_assumptions(assumptions_ws, comparison, L)
    _write_sources(sources_ws, comparison, price_list, L, indicative)
    wb.active = 0
    return wb
