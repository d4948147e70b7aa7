"""The quote workbook: Summary, Comparison, one BOM per configuration, Assumptions, Sources.

Every derived figure is a formula: line totals (Qty × Unit price), group subtotals,
discount, VAT and grand totals on the BOM sheets; capex, TCO and cost per PF/s-day
on the Summary and Comparison sheets refer to them. VAT rates (goods, services), discount
and the exchange rate are named input cells on the Summary sheet, so changing one number
in Excel or WPS updates every total. Yearly energy, maintenance and hosting are
the engine's numbers; the TCO over the years is built from them by formula.
"""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from engine.export.assumptions_sheet import write_assumptions
from engine.export.common import (
    NAME_DISCOUNT,
    NAME_EXCHANGE_RATE,
    NAME_VAT,
    NAME_VAT_SERVICES,
    BomRefs,
    PlanRefs,
    QuoteInfo,
    absolute,
    amount_text,
    currency_of,
    description,
    exchange_rate,
    other_currency,
    part_number_said,
    price_list_name,
    priced,
    rates,
    sci,
)
from engine.export.comparison_sheet import (
    TITLE_COLUMN,
    recommendation_notes,
    recommended,
    status_text,
    title,
    write_comparison,
)
from engine.export.labels import Labels
from engine.export.names import Detail, bom_sheet_name, detailed, titles, vendor_name
from engine.export.notes import component_in
from engine.export.racks_sheet import write_racks
from engine.export.safe import sheet_name, sheet_ref
from engine.export.sheet import PrintHeading, SheetWriter, print_setup
from engine.export.sources_sheet import PriceListLike, write_sources
from engine.export.styles import money_style, register_styles
from engine.model import CATEGORIES, BomLine, Comparison, Component, Money, Plan

SUMMARY_COLUMNS = 12
# A BOM line's description and note wrap in columns of about equal width: engine notes
# (English in both languages) run long, and a narrow note column makes rows tall.
DESCRIPTION_WIDTH = 42
NOTE_WIDTH = 42
PART_ROW_HEIGHT = 12.5  # one line of 9 pt type (Noto CJK 9 pt: about 12.3)


# ---------------------------------------------------------------- BOM sheets


def _name_configuration(ws: Worksheet, config: str) -> None:
    """Record which configuration a BOM sheet prices, for programs: a custom document
    property "BOM <sheet title>" holding the configuration id."""
    from openpyxl.packaging.custom import StringProperty

    ws.parent.custom_doc_props.append(StringProperty(name=f"BOM {ws.title}", value=config))


def _write_bom(ws: Worksheet, plan: Plan, money: Money, L: Labels, indicative: str,
               heading: PrintHeading) -> BomRefs:
    w = SheetWriter(ws)
    cur = money.currency
    m, m_sub, m_total = money_style(cur), money_style(cur, "sub"), money_style(cur, "total")
    w.text(1, 1, L("bom.title", server=plan.server, gpus_per_node=plan.gpus_per_node,
                   gpu=plan.gpu_name), "cq_title", fit=False)
    # an English reader may pass the configuration's id to the command line; a Chinese one
    # reads its name (programs find the id in the workbook's custom properties either way)
    config = plan.config if L.lang == "en" else L.titles.get(plan.config, plan.config)
    w.text(2, 1, L("bom.subtitle", config=config, vendor=vendor_name(plan.vendor, L.lang),
                   currency=cur), "cq_subtitle", fit=False)
    _name_configuration(ws, plan.config)
    w.text(3, 1, indicative, "cq_subtitle", fit=False)
    entered = next((m for m in plan.warnings if m.code == "user-entered"), None)
    if entered is not None:  # a system the user entered says so on its own bill
        w.text(4, 1, L.say(entered), "cq_note", fit=False)
    header_row = 5
    w.header(header_row, 1, [L("bom.no"), L("bom.part_number"), L("bom.description"),
                             L("bom.qty"), L("bom.unit_price"), L("bom.total"),
                             L("bom.vendor"), L("bom.note")])
    width = range(1, 9)

    groups: dict[str, list[BomLine]] = {c: [] for c in CATEGORIES}
    for line in plan.bom:
        groups.setdefault(line.category, []).append(line)

    subtotals: dict[str, str] = {}
    spans: dict[str, tuple[int, int]] = {}  # each category's line rows, first and last
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
            marked = line.overridden  # set or added by the user: shaded, and the note says how
            w.text(row, 1, f"{number}.{i}", "cq_override" if marked else "cq_text")
            w.wrapped(row, 2, part_number_said(line, L), width=20)
            w.wrapped(row, 3, description(line, L.lang),
                      "cq_override_wrap" if marked else "cq_wrap", width=DESCRIPTION_WIDTH)
            w.number(row, 4, line.qty, "cq_int")
            w.number(row, 5, line.unit_price, money_style(line.currency or cur))
            w.formula(row, 6, f"=D{row}*E{row}", m, shown=line.total)
            w.text(row, 7, vendor_name(line.vendor, L.lang))
            if line.note:
                w.wrapped(row, 8, L.notes(line.notes, line.note),
                          "cq_override_wrap" if marked else "cq_wrap", width=NOTE_WIDTH)
            row += 1
            for k, part in enumerate(line.components, 1):  # a configured system's parts, unpriced
                row = _component_row(w, row, f"{number}.{i}.{k}", part, L, first=k == 1)
        w.text(row, 3, L("bom.subtotal", category=L.category(category)), "cq_sub_label")
        subtotal = sum(line.total for line in lines)
        w.formula(row, 6, f"=SUM(F{first}:F{row - 1})", m_sub, shown=subtotal)
        w.styled(row, width, "cq_sub_label")
        subtotals[category] = f"F{row}"
        spans[category] = (first, row - 1)
        row += 1
    ws.auto_filter.ref = f"A{header_row}:H{max(row - 1, header_row + 1)}"

    def net_of(rows: list[tuple[int, int]]) -> str:
        """Σ quantity × unit price after the discount (rounded to the fen) over line rows."""
        terms = [f"SUMPRODUCT(D{a}:D{z},ROUND(E{a}:E{z}*(1-{NAME_DISCOUNT}),2))" for a, z in rows]
        return "+".join(terms) or "0"

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
    # one rounding rule (engine.money.totals), an invoice's: each unit price after the
    # discount to the fen, lines at quantity × that, each rate's VAT to the fen once
    net_goods = net_of([span for c, span in spans.items() if c != "services"])
    net_services = net_of([span for c, span in spans.items() if c == "services"])
    discount = total_line("bom.discount", f"=ROUND({net_goods}+{net_services}-{before},2)",
                          rate=NAME_DISCOUNT, style=b, label_style=plain)
    net = total_line("bom.net", f"={before}+{discount}")
    # goods and services are taxed at their own rates, each after the discount
    vat_goods = total_line("bom.vat_goods", f"=ROUND(({net_goods})*{NAME_VAT},2)",
                           rate=NAME_VAT, style=b, label_style=plain)
    vat_services = total_line("bom.vat_services", f"=ROUND(({net_services})*{NAME_VAT_SERVICES},2)",
                              rate=NAME_VAT_SERVICES, style=b, label_style=plain)
    capex = total_line("bom.grand_total", f"={net}+{vat_goods}+{vat_services}", style=m_total,
                       label_style="cq_total_label")
    other = other_currency(cur)
    op = "/" if cur == "CNY" else "*"
    total_line("bom.grand_total_in", f"={capex}{op}{NAME_EXCHANGE_RATE}",
               rate=NAME_EXCHANGE_RATE, style=money_style(other), label_style=plain,
               label=L("bom.grand_total_in", currency=other))

    if any(line.overridden for line in plan.bom):
        w.text(4, 1, L("bom.overridden_legend"), "cq_override", fit=False)
    ws.freeze_panes = f"A{header_row + 1}"
    w.finish(maximum=70, fixed={1: 7, 4: 8})
    print_setup(ws, heading, title_rows=f"{header_row}:{header_row}")

    title = ws.title

    def ref(coordinate: str) -> str:
        return sheet_ref(title, absolute(coordinate))

    return BomRefs(
        sheet=title,
        subtotals={c: ref(v) for c, v in subtotals.items()},
        hardware=ref(hardware), services=ref(services), before_discount=ref(before),
        discount=ref(discount), net=ref(net), vat_goods=ref(vat_goods),
        vat_services=ref(vat_services), capex=ref(capex),
    )


def _component_row(w: SheetWriter, row: int, number: str, part: Component, L: Labels, *,
                   first: bool) -> int:
    """One part of a configured system, in small type on one line under it: what a buyer
    checks against the vendor's configuration, without a price of its own."""
    w.text(row, 1, number, "cq_part")
    w.text(row, 2, part.part_number or L("bom.part-none"), "cq_part")
    name = part.description_zh if L.lang == "zh" and part.description_zh else part.description
    w.text(row, 3, f"    {component_in(L.lang, name)}", "cq_part")
    w.number(row, 4, part.qty, "cq_part_int")
    if first:  # said once for the block of parts
        w.text(row, 8, L("bom.per_system"), "cq_part", fit=False)
    w.ws.row_dimensions[row].height = PART_ROW_HEIGHT
    return row + 1


# ---------------------------------------------------------------- summary


def _workload_sentence(comparison: Comparison, L: Labels) -> str:
    need = comparison.compute
    schedule = comparison.request.schedule
    common = {"label": need.label, "flops": sci(need.flops), "pf_days": amount_text(need.pf_days),
              "precision": schedule.precision.upper()}
    if schedule.gpus is not None:
        return L("quote.fleet", gpus=f"{schedule.gpus:,}", **common)
    days = f"{schedule.days:g}" if schedule.days is not None else "?"
    return L("quote.deadline", days=days, **common)


def _write_summary(ws: Worksheet, wb: Workbook, comparison: Comparison,
                   refs: dict[str, PlanRefs], info: QuoteInfo, L: Labels,
                   indicative: str, heading: PrintHeading, detailed: list[str]) -> None:
    w = SheetWriter(ws)
    currency = currency_of(comparison)
    m, m_bold = money_style(currency), money_style(currency, "bold")
    vat_rate, services_rate, discount_rate = rates(comparison)
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
        (row + 6, "quote.exchange_rate", exchange_rate(comparison), "cq_input_num",
         NAME_EXCHANGE_RATE, DataValidation(type="decimal", operator="greaterThan",
                                            formula1="0", allow_blank=False)),
        (row + 7, "quote.vat_rate", vat_rate, "cq_input_pct", NAME_VAT,
         DataValidation(type="decimal", operator="between", formula1="0", formula2="1")),
        (row + 8, "quote.vat_rate_services", services_rate, "cq_input_pct",
         NAME_VAT_SERVICES,
         DataValidation(type="decimal", operator="between", formula1="0", formula2="1")),
        (row + 9, "quote.discount_rate", discount_rate, "cq_input_pct", NAME_DISCOUNT,
         DataValidation(type="decimal", operator="between", formula1="0", formula2="1")),
    ]
    for r, key, value, style, name, validation in inputs:
        w.text(r, 1, L(key), "cq_label")
        w.number(r, 2, value, style, fit=False)
        if name == NAME_DISCOUNT:  # what is paid, next to what is taken off
            w.formula(r, 3, f"=1-{NAME_DISCOUNT}", "cq_price_factor")
            ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=5)  # room for words
        wb.defined_names[name] = DefinedName(name, attr_text=sheet_ref(ws.title, f"$B${r}"))
        validation.add(f"B{r}")
        ws.add_data_validation(validation)
    w.text(row + 10, 2, L("quote.inputs_note"), "cq_note", fit=False)
    w.text(row + 11, 1, L("quote.workload"), "cq_label")
    w.text(row + 11, 2, _workload_sentence(comparison, L), fit=False)

    # the recommendation first: it is what the reader of a summary comes for, with why the
    # configurations left out of it were left out
    row += 13
    w.text(row, 1, L("quote.recommendation"), "cq_section", fit=False)
    servers = {p.config: title(p, L) for p in comparison.plans}
    deadline = comparison.request.schedule.days is not None
    for label, named in recommended(comparison, L):
        row += 1
        w.text(row, 1, label, "cq_label")
        w.text(row, 2, named, fit=False)
    for text in recommendation_notes(comparison, servers, L):
        row += 1
        w.merged(row, 2, SUMMARY_COLUMNS, text, "cq_note_wrap")
    row += 1
    w.text(row, 1, L("quote.detailed"), "cq_label")  # which configurations have a BOM sheet
    w.merged(row, 2, SUMMARY_COLUMNS, L("quote.detailed_value", configs="; ".join(
        servers[c] for c in detailed), n=len(detailed), total=len(priced(comparison))),
        "cq_note_wrap")

    section_row = row + 2
    header_row = section_row + 1
    years = max((money.years for _, money in priced(comparison)), default=0)
    w.text(section_row, 1, L("quote.configurations"), "cq_section", fit=False)
    # the title names vendor, server and GPUs; the GPU column adds the GPU's memory
    w.header(header_row, 1, [
        L("col.configuration"), L("col.gpu"), L("col.gpus"), L("col.nodes"),
        L("col.racks"), L("col.it_kw"), L("col.days"), L("col.meets"), L("col.capex"),
        L("col.tco", years=years), L("col.cost_per_pf_day"), L("col.status"),
    ])
    row = header_row + 1
    for plan in comparison.plans:
        w.wrapped(row, 1, title(plan, L), width=30)
        w.wrapped(row, 2, plan.gpu_name.removeprefix("NVIDIA "), width=16)
        money = plan.money
        if plan.refusals or money is None:
            reasons = "; ".join(L.say(msg) for msg in plan.refusals)
            w.merged(row, 3, SUMMARY_COLUMNS, L("status.refused", reasons=reasons or "—"),
                     "cq_note_wrap")
            row += 1
            continue
        w.number(row, 3, plan.gpus, "cq_int")
        w.number(row, 4, plan.nodes, "cq_int")
        w.number(row, 5, plan.racks.count if plan.racks else 0, "cq_int")
        w.number(row, 6, plan.power.it_max_kw if plan.power else 0.0, "cq_num1")
        w.number(row, 7, plan.days, "cq_num1")
        w.text(row, 8, L.yes_no(plan.meets_deadline) if deadline else "—", "cq_center")
        plan_refs = refs[plan.config]
        if plan_refs.bom is None:
            w.number(row, 9, money.capex, m_bold)
        else:
            w.formula(row, 9, f"={plan_refs.bom.capex}", m_bold, shown=money.capex)
        w.formula(row, 10, f"={plan_refs.tco}", m_bold, shown=money.tco)
        if plan_refs.cost_per_pf_day:
            w.formula(row, 11, f"={plan_refs.cost_per_pf_day}", m, shown=money.cost_per_pf_day)
        w.wrapped(row, 12, status_text(plan, deadline, L), width=18)
        row += 1
    last_row = max(row - 1, header_row)

    ws.freeze_panes = f"B{header_row + 1}"
    w.finish(maximum=40, fixed={1: TITLE_COLUMN, 2: 19})
    print_setup(ws, heading, title_rows=f"{header_row}:{header_row}",
                area=f"A1:{get_column_letter(SUMMARY_COLUMNS)}{max(row, last_row)}")


# ---------------------------------------------------------------- the workbook


def _price_list_used(comparison: Comparison) -> PriceListLike | None:
    """The user's or shipped price list, when it is the one the comparison was priced from."""
    try:
        from engine.money.prices import load_price_list

        found = load_price_list()
    except (ImportError, OSError, ValueError):
        return None
    return found if found.name == comparison.price_list else None


def build_workbook(comparison: Comparison, info: QuoteInfo, price_list: PriceListLike | None,
                   detail: Detail = "shortlist", options: Any | None = None, *,
                   catalog: object | None = None) -> Workbook:
    """The internal comparison; a BOM sheet for each configuration ``detail`` names; an Options
    sheet after the Comparison when ``options`` (an engine.optimise.search.Result) is given."""
    L = Labels(info.lang)
    L.titles = titles(comparison.plans, info.lang)
    currency = currency_of(comparison)
    wb = Workbook()
    currencies = {currency, other_currency(currency)}
    currencies |= {line.currency for p in comparison.plans for line in p.bom if line.currency}
    register_styles(wb, info.lang, currencies)
    wb.properties.title = L("quote.title")
    wb.properties.creator = "ClusterQuote"
    wb.properties.subject = comparison.compute.label

    indicative = L("quote.indicative", source=price_list_name(comparison, L.lang))
    heading = info.heading(L)
    taken: set[str] = set()
    summary = wb.active
    assert summary is not None
    summary.title = sheet_name(L("sheet.summary"), taken)
    comparison_ws = wb.create_sheet(sheet_name(L("sheet.comparison"), taken))
    if options is not None:
        from engine.export.options_sheet import write_options

        write_options(wb.create_sheet(sheet_name(L("options-sheet"), taken)), options, L, heading)

    chosen = detailed(comparison, detail)
    boms: dict[str, BomRefs] = {}
    for plan, money in priced(comparison):
        if plan.config not in chosen:
            continue
        wanted = bom_sheet_name(plan, L("sheet.bom"), title(plan, L), L.lang, taken)
        ws = wb.create_sheet(sheet_name(wanted, taken))
        boms[plan.config] = _write_bom(ws, plan, money, L, indicative, heading)
    racks_ws = wb.create_sheet(sheet_name(L("sheet.racks"), taken))
    if not write_racks(racks_ws, comparison, L, heading, chosen):  # no configuration has racks
        wb.remove(racks_ws)
    assumptions_ws = wb.create_sheet(sheet_name(L("sheet.assumptions"), taken))
    per_config_ws = wb.create_sheet(sheet_name(L("asm.per_config"), taken))
    sources_ws = wb.create_sheet(sheet_name(L("sheet.sources"), taken))

    if price_list is None:
        price_list = _price_list_used(comparison)
    refs = write_comparison(comparison_ws, comparison, boms, L, indicative, heading)
    _write_summary(summary, wb, comparison, refs, info, L, indicative, heading, chosen)
    if not write_assumptions(assumptions_ws, comparison, L, heading, per_config_ws):
        wb.remove(per_config_ws)  # every configuration shares every assumption
    write_sources(sources_ws, comparison, price_list, L, indicative, heading, chosen,
                  catalog=catalog)
    wb.active = 0
    return wb
