"""The quote workbook: Summary, Comparison, one BOM per configuration, Assumptions, Sources.

Every derived figure is a formula: line totals (Qty × Unit price), group subtotals,
discount, VAT and grand totals on the BOM sheets; capex, TCO and cost per PF/s-day
on the Summary and Comparison sheets refer to them. VAT rates (goods, services), discount
and the exchange rate are named input cells on the Summary sheet, so changing one number
in Excel or WPS updates every total. Yearly energy, maintenance and hosting are
the engine's numbers; the TCO over the years is built from them by formula.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import fields
from typing import Protocol

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

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
    price_list_name,
    priced,
    rates,
    sci,
    services_vat_rate,
)
from engine.export.comparison_sheet import PER_BLOCK, write_comparison
from engine.export.labels import Labels, Lang
from engine.export.racks_sheet import write_racks
from engine.export.safe import MAX_SHEET_NAME, sheet_name, sheet_ref
from engine.export.sheet import PrintHeading, SheetWriter, print_setup
from engine.export.styles import money_style, register_styles
from engine.model import CATEGORIES, BomLine, Comparison, Component, Money, Plan

SUMMARY_COLUMNS = 13
# A BOM line's description and note wrap in columns of about equal width: engine notes
# (English in both languages) run long, and a narrow note column makes rows tall.
DESCRIPTION_WIDTH = 42
NOTE_WIDTH = 42
ASSUMPTION_NOTE_WIDTH = 56  # notes run long (sources, calibration): wide and low, not tall
PART_ROW_HEIGHT = 12.5  # one line of 9 pt type (Noto CJK 9 pt: about 12.3)


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


# ---------------------------------------------------------------- BOM sheets


def _write_bom(ws: Worksheet, plan: Plan, money: Money, L: Labels, indicative: str,
               heading: PrintHeading) -> BomRefs:
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
            marked = line.overridden  # set or added by the user: shaded, and the note says how
            w.text(row, 1, f"{number}.{i}", "cq_override" if marked else "cq_text")
            w.wrapped(row, 2, line.part_number, width=20)
            w.wrapped(row, 3, description(line, L.lang),
                      "cq_override_wrap" if marked else "cq_wrap", width=DESCRIPTION_WIDTH)
            w.number(row, 4, line.qty, "cq_int")
            w.number(row, 5, line.unit_price, money_style(line.currency or cur))
            w.formula(row, 6, f"=D{row}*E{row}", m, shown=line.total)
            w.text(row, 7, line.vendor)
            if line.note:
                w.wrapped(row, 8, line.note, "cq_override_wrap" if marked else "cq_wrap",
                          width=NOTE_WIDTH)
            row += 1
            for k, part in enumerate(line.components, 1):  # a configured system's parts, unpriced
                row = _component_row(w, row, f"{number}.{i}.{k}", part, L, first=k == 1)
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
    # goods and services are taxed at their own rates, each after the discount
    vat_goods = total_line("bom.vat_goods", f"={hardware}*(1-{NAME_DISCOUNT})*{NAME_VAT}",
                           rate=NAME_VAT, style=b, label_style=plain)
    vat_services = total_line("bom.vat_services",
                              f"={services}*(1-{NAME_DISCOUNT})*{NAME_VAT_SERVICES}",
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
    w.text(row, 2, part.item, "cq_part")
    name = part.description_zh if L.lang == "zh" and part.description_zh else part.description
    w.text(row, 3, f"    {name}", "cq_part")
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
                   indicative: str, heading: PrintHeading) -> None:
    w = SheetWriter(ws)
    currency = currency_of(comparison)
    m, m_bold = money_style(currency), money_style(currency, "bold")
    vat_rate, discount_rate = rates(comparison)
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
        (row + 8, "quote.vat_rate_services", services_vat_rate(comparison), "cq_input_pct",
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

    section_row = row + 13
    header_row = section_row + 1
    years = max((money.years for _, money in priced(comparison)), default=0)
    w.text(section_row, 1, L("quote.configurations"), "cq_section", fit=False)
    w.header(header_row, 1, [
        L("col.configuration"), L("col.server"), L("col.gpu"), L("col.gpus"), L("col.nodes"),
        L("col.racks"), L("col.it_kw"), L("col.days"), L("col.meets"), L("col.capex"),
        L("col.tco", years=years), L("col.cost_per_pf_day"), L("col.status"),
    ])
    row = header_row + 1
    for plan in comparison.plans:
        w.text(row, 1, plan.config)
        w.wrapped(row, 2, f"{plan.vendor} {plan.server.removeprefix(plan.vendor).strip()}",
                  width=18)
        w.wrapped(row, 3, plan.gpu_name, width=14)
        money = plan.money
        if plan.refusals or money is None:
            reasons = "; ".join(L.message(msg.code, msg.text) for msg in plan.refusals)
            w.merged(row, 4, SUMMARY_COLUMNS, L("status.refused", reasons=reasons or "—"),
                     "cq_note_wrap")
            row += 1
            continue
        w.number(row, 4, plan.gpus, "cq_int")
        w.number(row, 5, plan.nodes, "cq_int")
        w.number(row, 6, plan.racks.count if plan.racks else 0, "cq_int")
        w.number(row, 7, plan.power.it_max_kw if plan.power else 0.0, "cq_num1")
        w.number(row, 8, plan.days, "cq_num1")
        w.text(row, 9, L.yes_no(plan.meets_deadline), "cq_center")
        plan_refs = refs[plan.config]
        w.formula(row, 10, f"={plan_refs.bom.capex}", m_bold, shown=money.capex)
        w.formula(row, 11, f"={plan_refs.tco}", m_bold, shown=money.tco)
        if plan_refs.cost_per_pf_day:
            w.formula(row, 12, f"={plan_refs.cost_per_pf_day}", m, shown=money.cost_per_pf_day)
        status = L("status.ok") if plan.meets_deadline else L("status.late")
        w.wrapped(row, 13, status, width=14)
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
    w.finish(maximum=40, fixed={2: 20})
    print_setup(ws, heading, title_rows=f"{header_row}:{header_row}",
                area=f"A1:{get_column_letter(SUMMARY_COLUMNS)}{max(row, last_row)}")


# ---------------------------------------------------------------- assumptions


def _write_assumptions(ws: Worksheet, comparison: Comparison, L: Labels,
                       heading: PrintHeading) -> None:
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
        w.wrapped(row, 1, L(key), "cq_label_wrap", width=34)
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
            w.wrapped(row, 1, L.key(f.name), "cq_label_wrap", width=34)
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
        row += 1
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
        for start in range(0, len(plans), PER_BLOCK):  # a few configurations side by side
            chunk = plans[start:start + PER_BLOCK]
            row = _assumption_block(w, row, chunk, table, labels, L) + 1
        if "a:training_days_band" in table:  # what the band the days carry means
            from engine.compute.efficiency import band, band_coverage

            low, high = band()
            w.merged(row, 1, 4 + min(len(plans), PER_BLOCK),
                     L("asm.days_band_note", low=low, high=high, coverage=band_coverage()),
                     "cq_note_wrap")
            row += 1

    ws.freeze_panes = "B4"
    w.finish(maximum=ASSUMPTION_NOTE_WIDTH)
    print_setup(ws, heading, title_rows="1:2")


def _assumption_block(w: SheetWriter, row: int, chunk: list[Plan],
                      table: dict[str, dict[str, tuple[object, str, str, str]]],
                      labels: dict[str, str], L: Labels) -> int:
    """One block of the per-configuration assumptions; returns the row after it."""
    n = len(chunk)
    w.header(row, 1, [L("asm.assumption"), L("asm.unit"), *(p.config for p in chunk),
                      L("asm.origin"), L("asm.note")])
    row += 1
    for key, by_all in table.items():
        by_plan = {p.config: by_all[p.config] for p in chunk if p.config in by_all}
        if not by_plan:
            continue
        w.wrapped(row, 1, labels[key], "cq_label_wrap", width=34)
        first = next(iter(by_plan.values()))
        w.text(row, 2, first[1])
        for i, plan in enumerate(chunk):
            cell = by_plan.get(plan.config)
            if cell is None:
                continue
            value = cell[0]
            if isinstance(value, bool) or not isinstance(value, int | float):
                w.wrapped(row, 3 + i, L.value(value), width=12)
            elif float(value).is_integer():
                w.number(row, 3 + i, value, "cq_int")
            else:
                w.number(row, 3 + i, value, "cq_num3" if abs(value) < 10 else "cq_num")
        origins = sorted({L.origin(c[2]) for c in by_plan.values()})
        w.wrapped(row, 3 + n, ", ".join(origins), width=14)
        notes = list(dict.fromkeys(c[3] for c in by_plan.values() if c[3]))
        if notes:
            w.wrapped(row, 4 + n, "\n".join(notes), "cq_note_wrap", width=ASSUMPTION_NOTE_WIDTH)
        row += 1
    return row


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
                   L: Labels, indicative: str, heading: PrintHeading) -> None:
    w = SheetWriter(ws)
    w.text(1, 1, L("src.title"), "cq_title", fit=False)
    w.text(2, 1, indicative, "cq_label", fit=False)
    w.text(3, 1, f"{L('src.price_list')}: {price_list_name(comparison)}", "cq_subtitle",
           fit=False)

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
            w.wrapped(row, 2, rid, width=22)
            w.wrapped(row, 3, name, width=30)
            w.wrapped(row, 4, source, width=34)
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
        w.wrapped(row, 1, item, width=22)
        if entry is None:
            w.text(row, 2, line.vendor)
            w.wrapped(row, 3, line.part_number, width=20)
            w.wrapped(row, 4, description(line, L.lang), width=30)
            w.number(row, 5, line.unit_price, money_style(line.currency))
            w.text(row, 6, line.currency)
            w.wrapped(row, 8, price_list_name(comparison), width=34)
        else:
            text = entry.description_zh if L.lang == "zh" else entry.description_en
            currency = str(entry.currency)
            w.text(row, 2, entry.vendor)
            w.wrapped(row, 3, entry.part_number, width=20)
            w.wrapped(row, 4, text or entry.description_en, width=30)
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
            w.wrapped(row, 8, entry.source, width=34)
            confidence = entry.confidence
            if isinstance(confidence, int | float) and not isinstance(confidence, bool):
                w.number(row, 9, float(confidence), "cq_pct")
            else:
                w.text(row, 9, L.value(confidence))
        row += 1

    ws.freeze_panes = "A4"
    w.finish(maximum=60)
    print_setup(ws, heading, title_rows="1:3")


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
    currency = currency_of(comparison)
    wb = Workbook()
    currencies = {currency, other_currency(currency)}
    currencies |= {line.currency for p in comparison.plans for line in p.bom if line.currency}
    register_styles(wb, info.lang, currencies)
    wb.properties.title = L("quote.title")
    wb.properties.creator = "ClusterQuote"
    wb.properties.subject = comparison.compute.label

    indicative = L("quote.indicative", source=price_list_name(comparison))
    heading = info.heading(L)
    taken: set[str] = set()
    summary = wb.active
    assert summary is not None
    summary.title = sheet_name(L("sheet.summary"), taken)
    comparison_ws = wb.create_sheet(sheet_name(L("sheet.comparison"), taken))

    boms: dict[str, BomRefs] = {}
    for plan, money in priced(comparison):
        wanted = f"{L('sheet.bom')} {plan.config}"
        if len(wanted) > MAX_SHEET_NAME:  # keep the whole id rather than the prefix
            wanted = plan.config
        ws = wb.create_sheet(sheet_name(wanted, taken))
        boms[plan.config] = _write_bom(ws, plan, money, L, indicative, heading)
    racks_ws = wb.create_sheet(sheet_name(L("sheet.racks"), taken))
    if not write_racks(racks_ws, comparison, L, heading):  # no configuration has racks
        wb.remove(racks_ws)
    assumptions_ws = wb.create_sheet(sheet_name(L("sheet.assumptions"), taken))
    sources_ws = wb.create_sheet(sheet_name(L("sheet.sources"), taken))

    if price_list is None:
        price_list = _price_list_used(comparison)
    refs = write_comparison(comparison_ws, comparison, boms, L, indicative, heading)
    _write_summary(summary, wb, comparison, refs, info, L, indicative, heading)
    _write_assumptions(assumptions_ws, comparison, L, heading)
    _write_sources(sources_ws, comparison, price_list, L, indicative, heading)
    wb.active = 0
    return wb
