"""The request for quotation: one vendor's configuration(s), clean enough to send.

One sheet per configuration, as a Chinese quotation is laid out: title, number, date
and validity; the buyer's letterhead and a supplier block to fill in; lines with unit
price and amount excluding and including VAT (不含税/含税); totals in figures and in
capital numerals (人民币大写); delivery, place, payment, warranty and Incoterms; a
signature and seal block. It never carries a competitor's figure, a local path, the
sources or the engine's warnings.
"""

from __future__ import annotations

import contextlib
import datetime
import math
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from engine.export.common import (
    NAME_DISCOUNT,
    NAME_VAT,
    NAME_VAT_SERVICES,
    QuoteInfo,
    currency_of,
    description,
    exchange_rate,
    part_number,
    priced,
)
from engine.export.labels import Labels
from engine.export.names import Detail, bom_sheet_name, detailed, server_name, titles, vendor_name
from engine.export.rfq_texts import text as rfq_text
from engine.export.rmb import rmb_capital, to_fen
from engine.export.safe import MAX_SHEET_NAME, sheet_name, sheet_ref
from engine.export.sheet import PrintHeading, SheetWriter, print_setup
from engine.export.styles import WARNING_FILL, WARNING_RED, money_style, register_styles
from engine.export.terms import QuoteTerms, load_terms
from engine.i18n import t
from engine.model import CATEGORIES, BomLine, Comparison, Money, Plan
from engine.money.discount import price_factor, zhe
from engine.money.totals import net_unit
from engine.naming import rfq_reference

# No. | part number | description | qty | list price | unit excl. | amount excl. | unit incl. | amount incl.
# The description takes the room: amounts up to ¥999,999,999.99 need 17, unit prices 15.
WIDTHS = {1: 6, 2: 18, 3: 60, 4: 7, 5: 16, 6: 15, 7: 17, 8: 15, 9: 17}
LEFT = Alignment(horizontal="left", vertical="top")  # level with its label's first line
LAST_COL = 9


def line_vat_rate(money: Money, line: BomLine) -> float:
    """A service line's VAT rate is the services rate, every other line's the goods rate."""
    return money.vat_rate_services if line.category == "services" else money.vat_rate


def unit_prices(money: Money, line: BomLine) -> tuple[Decimal, Decimal]:
    """The line's unit price excluding and including VAT, each rounded to the fen as an
    invoice states it (and as the sheet's ROUND formulas do): list × (1 − discount), then
    × (1 + the line's VAT rate). Amounts are quantity × these, so they check by hand."""
    excl = to_fen(f"{net_unit(line.unit_price, money.discount_rate):.2f}")
    incl = _excel_round(float(excl) * (1 + line_vat_rate(money, line)))
    return excl, incl


def _excel_round(value: float) -> Decimal:
    """ROUND(value, 2) as Excel and LibreOffice work it: on the value's 15 significant digits
    (95,000.475 is 95,000.47499… in binary, and ROUND gives 95,000.48), half away from zero."""
    return to_fen(f"{value:.15g}")


def total_incl_vat(money: Money, bom: tuple[BomLine, ...], prices: str = "list") -> Decimal:
    """What the sheet's formulas add up to: Σ qty × unit price excl. VAT, plus each rate's VAT
    on its lines rounded to the fen once; the same whether asked as list less discount or as
    target prices."""
    if prices == "blank":
        return Decimal(0)
    by_rate: dict[float, Decimal] = {}
    for line in bom:
        rate = line_vat_rate(money, line)
        by_rate[rate] = by_rate.get(rate, Decimal(0)) + Decimal(line.qty) * unit_prices(money, line)[0]
    excl = sum(by_rate.values(), Decimal(0))
    return excl + sum((_excel_round(float(amount) * rate) for rate, amount in by_rate.items()),
                      Decimal(0))


def asked_price(line: BomLine, money: Money, info: QuoteInfo) -> float | None:
    """The price the RFQ fills in for the vendor: none (blank), the plan's net price
    (target, rounded to the fen as the sheet rounds it) or its list price."""
    if info.prices == "blank":
        return None
    if info.prices == "target":
        return float(unit_prices(money, line)[0])
    return line.unit_price


def _formula_text(text: str) -> str:
    """``text`` as a string literal inside a formula."""
    return '"' + text.replace('"', '""') + '"'


def _letterhead(w: SheetWriter, row: int, info: QuoteInfo, L: Labels) -> int:
    """The buyer block (left) and the supplier block to fill in (right); the next free row."""
    w.merged(row, 2, 3, L("rfq.buyer"), "cq_section")
    w.merged(row, 5, LAST_COL, L("rfq.supplier"), "cq_section")
    buyer = info.buyer
    left = [("rfq.company", buyer.company), ("rfq.department", buyer.department),
            ("rfq.contact", buyer.contact), ("rfq.phone", buyer.phone),
            ("rfq.email", buyer.email), ("rfq.address", buyer.address)]
    right = ["rfq.company", "rfq.contact", "rfq.phone", "rfq.email", "rfq.address",
             "rfq.tax_id", "rfq.bank"]
    for i in range(max(len(left), len(right))):
        r = row + 1 + i
        if i < len(left):
            key, value = left[i]
            w.text(r, 2, L(key), "cq_label", fit=False)
            w.merged(r, 3, 3, value, "cq_wrap")
        if i < len(right):
            w.text(r, 5, L(right[i]), "cq_label", fit=False)
            w.merged(r, 6, LAST_COL, "", "cq_fill")
    return row + 2 + max(len(left), len(right))


def delivery(plan: Plan, comparison: Comparison, info: QuoteInfo
             ) -> tuple[datetime.date, datetime.date, int, bool, float | None]:
    """(order date, required delivery date, days between, whether the buyer set it, days to
    spare against the deadline: None without one). The order date is the request's purchase
    date, else the RFQ's date; the delivery is due the plan's lead time later, unless the
    buyer sets the date."""
    finance = comparison.request.finance
    ordered = info.quote_date
    if finance.purchase_date:
        with contextlib.suppress(ValueError):  # a bad date is refused where it is read
            ordered = datetime.date.fromisoformat(finance.purchase_date)
    terms = info.terms
    lead = (terms.delivery_days if terms is not None and terms.delivery_days
            else math.ceil(plan.lead_time_days))
    due = info.delivery_date or ordered + datetime.timedelta(days=lead)
    days = (due - ordered).days
    deadline = comparison.request.schedule.days
    slack = None if deadline is None else deadline - (plan.calendar_days - plan.lead_time_days + days)
    set_by_buyer = info.delivery_date is not None or bool(terms is not None and terms.delivery_days)
    return ordered, due, days, set_by_buyer, slack


def _delivery_text(plan: Plan, comparison: Comparison, info: QuoteInfo, lang: str) -> str:
    ordered, due, days, set_by_buyer, slack = delivery(plan, comparison, info)
    deadline = comparison.request.schedule.days
    if slack is None or deadline is None:
        cost = rfq_text(lang, "rfq.delivery_cost_open")
    elif slack >= 0:
        cost = rfq_text(lang, "rfq.delivery_cost_slack", deadline=f"{deadline:g}", slack=math.floor(slack))
    else:
        cost = rfq_text(lang, "rfq.delivery_cost_late", deadline=f"{deadline:g}",
                        calendar=math.ceil(deadline - slack))
    basis = rfq_text(lang, "rfq.delivery_basis_buyer" if set_by_buyer else "rfq.delivery_basis_plan")
    return rfq_text(lang, "rfq.term_delivery_date_value", date=due.isoformat(), days=days,
                    ordered=ordered.isoformat(), basis=basis, cost=cost)


def _place_text(comparison: Comparison, info: QuoteInfo, terms: QuoteTerms, lang: str) -> str:
    """Delivery to the buyer's own site, or to the leased IDC the plan is hosted in."""
    if comparison.request.finance.hosting in ("colo", "wholesale"):
        return rfq_text(lang, "rfq.place_idc", idc=info.idc or rfq_text(lang, "rfq.idc_unnamed"))
    return terms.delivery_place.in_(lang)


def _export_text(plan: Plan, lang: str) -> str:
    """Each GPU of the configuration with the plan's reading of its market status."""
    status = plan.availability
    if status is None or status.status == "unknown":
        said = rfq_text(lang, "rfq.export_unknown")
    else:
        word = (t(f"value.{status.status}", lang) if lang == "zh"
                else status.status.replace("-", " "))
        rule = status.rule_zh if lang == "zh" and status.rule_zh else status.rule
        said = f"{word} ({status.market}, {status.as_of}{'; ' + rule if rule else ''})"
    line = rfq_text(lang, "rfq.export_line", gpu=f"{plan.gpus} × {plan.gpu_name}", status=said)
    return rfq_text(lang, "rfq.export_clause", status=line)


def terms_items(terms: QuoteTerms, warranty_years: int, L: Labels, plan: Plan,
                comparison: Comparison, info: QuoteInfo) -> list[tuple[str, str]]:
    """The RFQ's terms, (label, text), as the workbook and the HTML print them."""
    lang = L.lang
    return [
        (rfq_text(lang, "rfq.term_delivery_date"), _delivery_text(plan, comparison, info, lang)),
        (L("rfq.term_place"), _place_text(comparison, info, terms, lang)),
        (rfq_text(lang, "rfq.term_export"), _export_text(plan, lang)),
        (L("rfq.term_payment"), terms.payment.in_(lang)),
        (L("rfq.term_warranty"), terms.warranty.in_(lang, years=warranty_years)),
        (L("rfq.term_incoterms"), terms.incoterms_note.in_(lang, incoterms=terms.incoterms)),
        (L("rfq.term_prices"), terms.price_note.in_(lang)),
    ]


def _terms(w: SheetWriter, row: int, terms: QuoteTerms, warranty_years: int, L: Labels,
           plan: Plan, comparison: Comparison, info: QuoteInfo) -> int:
    w.merged(row, 1, LAST_COL, L("rfq.terms"), "cq_section")
    items = terms_items(terms, warranty_years, L, plan, comparison, info)
    for i, (label, text) in enumerate(items, 1):
        w.merged(row + i, 1, 2, label, "cq_label_top")
        w.merged(row + i, 3, LAST_COL, text, "cq_wrap")
    return row + len(items) + 2


def _signatures(w: SheetWriter, row: int, L: Labels) -> int:
    w.merged(row, 1, LAST_COL, L("rfq.signatures"), "cq_section")
    w.merged(row + 1, 2, 3, L("rfq.buyer_seal"), "cq_label")
    w.merged(row + 1, 5, LAST_COL, L("rfq.supplier_seal"), "cq_label")
    for i, key in enumerate(("rfq.signature", "rfq.sign_date"), 2):
        w.text(row + i, 2, L(key), "cq_label", fit=False)
        w.merged(row + i, 3, 3, "", "cq_fill")
        w.text(row + i, 5, L(key), "cq_label", fit=False)
        w.merged(row + i, 6, LAST_COL, "", "cq_fill")
    w.ws.row_dimensions[row + 1].height = 70  # room for the seal
    return row + 4


def _words_guard(w: SheetWriter, words_row: int, live: str, stated: float, L: Labels) -> int:
    """Under the amount in words (fixed text), the figure it states and a formula that warns,
    in red, once the live total no longer rounds to that figure; the next free row."""
    row = words_row + 1
    w.merged(row, 1, 3, L("rfq.words_figure"), "cq_sum_label")
    w.number(row, 4, stated, money_style("CNY"), fit=False)
    w.ws.merge_cells(start_row=row, start_column=4, end_row=row, end_column=5)
    w.formula(row, 6, f'=IF(ROUND({live},2)=D{row},"",{_formula_text(L("rfq.words_stale"))})',
              "cq_warning")
    w.ws.merge_cells(start_row=row, start_column=6, end_row=row, end_column=LAST_COL)
    stale = FormulaRule(formula=[f'$F${row}<>""'], font=Font(color=WARNING_RED),
                        fill=PatternFill("solid", start_color=WARNING_FILL, end_color=WARNING_FILL))
    w.ws.conditional_formatting.add(f"D{words_row}:{get_column_letter(LAST_COL)}{row}", stale)
    return row + 2


def _write_quotation(ws: Worksheet, wb: Workbook, plan: Plan, money: Money, info: QuoteInfo,
                     terms: QuoteTerms, L: Labels, heading: PrintHeading, *, first: bool,
                     comparison: Comparison) -> None:
    w = SheetWriter(ws)
    cur = money.currency
    m, m_total = money_style(cur), money_style(cur, "total")
    w.merged(1, 1, LAST_COL, L("rfq.title"), "cq_title")
    w.merged(2, 1, LAST_COL, L("rfq.subtitle", vendor=vendor_name(plan.vendor, L.lang),
                                server=server_name(plan, L.lang, vendor=False),
                                per_node=plan.gpus_per_node, gpu=plan.gpu_name), "cq_subtitle")
    w.merged(3, 1, LAST_COL, L("rfq.instructions"), "cq_note_wrap")

    until = info.quote_date + datetime.timedelta(days=info.valid_days)
    w.text(5, 2, L("rfq.no"), "cq_label", fit=False)
    w.merged(5, 3, 3, rfq_reference(info.quote_no, plan.config), "cq_wrap")
    w.text(5, 5, L("rfq.date"), "cq_label", fit=False)
    w.number(5, 6, info.quote_date, "cq_date", fit=False)
    w.text(6, 2, L("rfq.validity"), "cq_label", fit=False)
    w.merged(6, 3, 3, L("rfq.validity_value", days=info.valid_days, until=until.isoformat()))
    w.text(6, 5, L("rfq.currency"), "cq_label", fit=False)
    w.text(6, 6, cur, fit=False)
    # the configuration id beside the RFQ number: the reply is tied back to what was asked
    w.text(7, 2, rfq_text(L.lang, "rfq.config_id"), "cq_label", fit=False)
    w.merged(7, 3, 3, plan.config, "cq_wrap")
    w.merged(7, 5, LAST_COL, rfq_text(L.lang, "rfq.reference_note"), "cq_note_wrap")
    row = _letterhead(w, 8, info, L)

    w.text(row, 2, L("rfq.configuration"), "cq_label_top", fit=False)
    racks = plan.racks.count if plan.racks else 0
    it_kw = plan.power.it_max_kw if plan.power else 0.0
    w.merged(row, 3, LAST_COL, L("rfq.configuration_value", nodes=plan.nodes,
                                 server=server_name(plan, L.lang),
                                 per_node=plan.gpus_per_node, gpu=plan.gpu_name, gpus=plan.gpus,
                                 racks=racks, it_kw=f"{it_kw:,.1f}"))
    row += 1
    # the vendor's prices: blank (the default) or the plan's net ones carry no discount of the
    # buyer's; its list prices carry the plan's
    discount = money.discount_rate if info.prices == "list" else 0.0
    inputs = ((NAME_VAT, "rfq.vat_rate", money.vat_rate),
              (NAME_VAT_SERVICES, "rfq.vat_rate_services", money.vat_rate_services),
              (NAME_DISCOUNT, "rfq.discount", discount))
    for r, (name, key, value) in enumerate(inputs, row):
        w.merged(r, 1, 2, L(key), "cq_label_wrap")
        if first:  # the named inputs every sheet's formulas use
            w.number(r, 3, value, "cq_input_pct", fit=False)
            wb.defined_names[name] = DefinedName(name, attr_text=sheet_ref(ws.title, f"$C${r}"))
            check = DataValidation(type="decimal", operator="between", formula1="0", formula2="0.99")
            check.add(f"C{r}")
            ws.add_data_validation(check)
        else:
            w.formula(r, 3, f"={name}", "cq_pct")
            ws.cell(r, 3).alignment = LEFT  # under the first sheet's inputs
    row += len(inputs)  # the discount's row is the last
    w.merged(row, 1, 2, L("quote.price_factor"), "cq_label_wrap")
    w.formula(row, 3, f"=1-{NAME_DISCOUNT}", "cq_pct")
    ws.cell(row, 3).alignment = LEFT  # under the inputs it follows from, not 60 characters away
    factor = price_factor(discount)
    shown = f"{factor:.0%}" if round(factor * 100, 6).is_integer() else f"{factor:.1%}"
    w.merged(row - 1, 4, LAST_COL, L("quote.price_factor_note", factor=shown,
                                      zhe=zhe(discount)), "cq_note_wrap")
    row += 2

    header_row = row
    w.header(header_row, 1, [L("bom.no"), L("bom.part_number"), L("bom.description"),
                             L("bom.qty"), L("rfq.list_price"), L("rfq.unit_excl"),
                             L("rfq.amount_excl"), L("rfq.unit_incl"), L("rfq.amount_incl")])
    row += 1
    first_line = row
    groups: dict[str, list[BomLine]] = {c: [] for c in CATEGORIES}
    for line in plan.bom:
        groups.setdefault(line.category, []).append(line)
    number = 0
    services: tuple[int, int] | None = None  # the service lines' rows, first and last
    for category, lines in groups.items():
        if not lines:
            continue
        number += 1
        vat_name = NAME_VAT_SERVICES if category == "services" else NAME_VAT
        if category == "services":
            services = (row + 1, row + len(lines))
        w.text(row, 1, str(number), "cq_group", fit=False)
        w.text(row, 2, L.category(category), "cq_group", fit=False)
        w.styled(row, range(1, LAST_COL + 1), "cq_group")
        row += 1
        for i, line in enumerate(lines, 1):
            # never a mark of the lines the buyer set: that is the buyer's, not the vendor's
            w.text(row, 1, f"{number}.{i}", "cq_text", fit=False)
            w.wrapped(row, 2, part_number(line))
            # the description alone: the engine's notes hold our price build-up and figures
            # (a system's base and GPU prices, the equipment value) a vendor must not see
            w.wrapped(row, 3, description(line, L.lang), "cq_wrap")
            w.number(row, 4, line.qty, "cq_int", fit=False)
            asked = asked_price(line, money, info)
            if asked is None:
                w.text(row, 5, "", money_style(cur, "input"), fit=False)
            else:
                w.number(row, 5, asked, money_style(cur, "input"), fit=False)
            w.formula(row, 6, f"=ROUND(E{row}*(1-{NAME_DISCOUNT}),2)", m)
            w.formula(row, 7, f"=D{row}*F{row}", m)
            w.formula(row, 8, f"=ROUND(F{row}*(1+{vat_name}),2)", m)
            w.formula(row, 9, f"=D{row}*H{row}", m)
            row += 1
    last_line = row - 1
    row += 1
    excl = f"SUM(G{first_line}:G{last_line})"
    bold = money_style(cur, "bold")
    # VAT by rate on the lines' amounts excluding VAT, each rounded to the fen once: the one
    # rounding rule of every document (engine.money.totals), so the total is the plan's
    services_excl = f"SUM(G{services[0]}:G{services[1]})" if services else "0"
    w.merged(row, 5, 8, L("rfq.total_excl"), "cq_sum_label")
    w.formula(row, 9, f"={excl}", bold)
    w.merged(row + 1, 5, 7, L("rfq.vat_goods"), "cq_sum_label")
    w.formula(row + 1, 8, f"={NAME_VAT}", "cq_pct")
    w.formula(row + 1, 9, f"=ROUND(({excl}-{services_excl})*{NAME_VAT},2)", bold)
    w.merged(row + 2, 5, 7, L("rfq.vat_services"), "cq_sum_label")
    w.formula(row + 2, 8, f"={NAME_VAT_SERVICES}", "cq_pct")
    w.formula(row + 2, 9, f"=ROUND({services_excl}*{NAME_VAT_SERVICES},2)", bold)
    w.merged(row + 3, 5, 8, L("rfq.total_incl"), "cq_total_label")
    total_cell = f"I{row + 3}"
    w.formula(row + 3, 9, f"=I{row}+I{row + 1}+I{row + 2}", m_total)
    row += 4

    total: Decimal | float = total_incl_vat(money, plan.bom, info.prices)
    live = total_cell
    if cur == "CNY":
        words_label = L("rfq.in_words")
    else:  # the words are in yuan at the exchange rate the label names
        rate = exchange_rate(comparison)
        total = float(total) * rate
        live = f"{total_cell}*{rate!r}"
        words_label = L("rfq.in_words_cny", rate=f"{rate:g}")
    w.merged(row, 1, 3, words_label, "cq_total_label")
    if info.prices == "blank":  # the vendor's total: the vendor writes it in words
        w.merged(row, 4, LAST_COL, "", "cq_fill")
        row += 2
    else:
        w.merged(row, 4, LAST_COL, rmb_capital(total), "cq_words")
        row = _words_guard(w, row, live, float(to_fen(total)), L)

    warranty = comparison.request.finance.warranty_years
    for a in plan.assumptions:
        if a.key.rsplit(".", 1)[-1] == "warranty_years" and isinstance(a.value, int | float):
            warranty = int(a.value)
    row = _terms(w, row, terms, warranty if warranty is not None else terms.warranty_years, L,
                 plan, comparison, info)
    last = _signatures(w, row, L)

    w.finish(fixed=WIDTHS)
    ws.freeze_panes = f"A{header_row + 1}"
    print_setup(ws, heading, title_rows=f"{header_row}:{header_row}",
                area=f"A1:I{last}")


def build_rfq(comparison: Comparison, info: QuoteInfo, detail: Detail = "shortlist") -> Workbook:
    """The RFQ workbook of ``comparison``'s priced plans (already one vendor's): a quotation
    sheet for each configuration ``detail`` names (by default the vendor's shortlist)."""
    L = Labels(info.lang)
    L.titles = titles(comparison.plans, info.lang)
    terms = info.terms or load_terms()[1]
    currency = currency_of(comparison)
    wb = Workbook()
    register_styles(wb, info.lang, {currency})
    wb.properties.title = L("rfq.title")
    wb.properties.creator = "ClusterQuote"
    wb.properties.identifier = info.quote_no
    heading = info.heading(L)
    ws0 = wb.active
    assert ws0 is not None
    chosen = detailed(comparison, detail) if priced(comparison) else []
    plans = [(p, m) for p, m in priced(comparison) if p.config in chosen]
    taken: set[str] = set()
    if not plans:
        ws0.title = sheet_name(L("sheet.quotation"), taken)
        ws0["A1"] = L("rfq.no_plans")
        return wb
    for i, (plan, money) in enumerate(plans):
        name = L.titles[plan.config]
        # the whole title where it fits, else a shorter readable form: never the id
        wanted = L("sheet.quotation") if len(plans) == 1 else next(
            (n for n in (f"{L('sheet.quotation')} {name}", name)
             if len(n) <= MAX_SHEET_NAME and n.lower() not in taken),
            None) or bom_sheet_name(plan, L("sheet.quotation"), name, L.lang, taken)
        ws = ws0 if i == 0 else wb.create_sheet()
        ws.title = sheet_name(wanted, taken)
        _write_quotation(ws, wb, plan, money, info, terms, L, heading, first=i == 0,
                         comparison=comparison)
    wb.properties.keywords = (f"rfq={info.quote_no}; config=" + ",".join(p.config for p, _ in plans)
                              + "; ref=" + ",".join(rfq_reference(info.quote_no, p.config)
                                                    for p, _ in plans))
    wb.active = 0
    return wb
