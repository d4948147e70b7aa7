"""The Comparison sheet: configurations side by side, a few per block so each prints legibly.

Fifteen configurations would make a side-by-side table 16 columns wide; it is cut into
blocks of ``PER_BLOCK``. The tables below it have one row per configuration (capex by
category, yearly costs, TCO by year), so they stay narrow however many are compared.
The TCO chart draws only the few lowest, the best one highlighted. A configuration with
a BOM sheet in the workbook is referred to by formula; one without (not detailed) by its
figures. A warning that several configurations share is printed once, with their names.
"""

from __future__ import annotations

import math

from openpyxl.chart import BarChart, LineChart, Reference, Series
from openpyxl.chart.marker import Marker
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties, RichTextProperties
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from engine.export.common import BomRefs, PlanRefs, currency_of, priced
from engine.export.labels import Labels
from engine.export.names import config_title, vendor_name
from engine.export.safe import sheet_ref
from engine.export.sheet import PrintHeading, SheetWriter, print_setup
from engine.export.styles import money_style
from engine.figures import FIGURE
from engine.model import CATEGORIES, Comparison, Money, Plan

PER_BLOCK = 5  # configurations side by side in one block
CHART_SERIES = 5  # TCO lines drawn: the lowest ones
_DASHES = ("solid", "dash", "sysDot", "lgDash", "dashDot")
_MARKERS = ("circle", "square", "triangle", "diamond", "x")
_COLOURS = ("1F3864", "C55A11", "548235", "7030A0", "808080")
_EMU_PER_PT = 12_700
TITLE_COLUMN = 38  # "联想 SR680a V3 · 8× H800 SXM5" on one line, its Latin letters drawn wider
OPEX_YEAR_1 = 6  # the operating-cost table's column of year 1
MAX_TEXTS_A_WARNING = 3  # more distinct texts of one warning print as its gist

# Rows that show an engine figure (engine.figures) as a number, each under the figure's label.
NUMBER_FIGURES = ("gpus", "nodes", "racks", "rack_power_kw", "it_power_kw", "facility_power_kw",
                  "cooling_kw", "days", "energy_per_run_mwh", "energy_per_run")
NUMBER_STYLES = {"int": "cq_int", "float1": "cq_num1"}  # the cell style of a figure's kind
METRICS = ["col.vendor", "col.server", "col.gpu", "col.gpus", "col.nodes", "col.racks",
           "cmp.rack_kw", "col.it_kw", "col.facility_kw", "cmp.cooling_kw", "col.days",
           "cmp.days_band", "col.meets", "cmp.energy_run", "cmp.energy_run_cost",
           "col.capex", "col.tco", "col.pf_days_delivered", "col.cost_per_pf_day"]


def title(plan: Plan, L: Labels) -> str:
    """The configuration as this document names it (unique among its configurations)."""
    return L.titles.get(plan.config) or config_title(plan, vendor_name(plan.vendor, L.lang))


def _figure(w: SheetWriter, row: int, col: int, bom: BomRefs | None, name: str, value: float,
            style: str) -> None:
    """A BOM total by formula when the configuration has a BOM sheet, else its figure."""
    if bom is None:
        w.number(row, col, value, style)
    else:
        w.formula(row, col, f"={getattr(bom, name)}", style, shown=value)


def grouped_warnings(priced_plans: list[tuple[Plan, Money]], L: Labels) -> list[tuple[str, str]]:
    """(configurations, text) of every warning, each said once: a text several configurations
    share lists them; a warning whose text differs in every configuration (its days, its
    ids) gives its gist once, the figures being in the tables above."""
    by_code: dict[str, dict[str, list[str]]] = {}  # code -> text -> configurations
    for plan, _ in priced_plans:
        for msg in plan.warnings:
            if msg.code != "indicative-prices":  # said once, under the title
                texts = by_code.setdefault(msg.code, {})
                texts.setdefault(L.say(msg), []).append(title(plan, L))
    n = len(priced_plans)

    def names(configs: list[str]) -> str:
        return L("cmp.every_config") if len(configs) == n else ", ".join(configs)

    found: list[tuple[str, str]] = []
    for code, texts in by_code.items():
        gist = L.gist(code)
        if len(texts) > MAX_TEXTS_A_WARNING and gist:
            found.append((names([c for configs in texts.values() for c in configs]), gist))
        else:
            found.extend((names(configs), text) for text, configs in texts.items())
    return found


def status_text(plan: Plan, deadline: bool, L: Labels) -> str:
    """Feasible, at risk at the slow end of the band, or late. (Which configurations need an
    export licence the recommendation's note says, above the table.)"""
    if deadline and not plan.meets_deadline:
        return L("status.late")
    if deadline and any(m.code == "deadline-risk" for m in plan.warnings):
        return L("status.at_risk")
    return L("status.ok")


def recommended(comparison: Comparison, L: Labels) -> list[tuple[str, str]]:
    """(label, configuration) of the recommendation's picks, as the documents print them: with
    a fixed fleet and no deadline, the cheapest is only the cheapest."""
    rec = comparison.recommendation
    deadline = comparison.request.schedule.days is not None
    picks = ((L("rec.cheapest") if deadline else L("rec.cheapest_fleet"),
              rec.cheapest_meeting_deadline),
             (L("rec.fastest"), rec.fastest), (L("rec.lowest_tco"), rec.lowest_tco))
    named = {p.config: title(p, L) for p in comparison.plans}
    if rec.only:  # one configuration in scope: named, never ranked against nothing
        return [(L("rec.only"), named.get(rec.only, rec.only))]
    return [(label, named.get(config, config) if config else L("rec.none"))
            for label, config in picks]


def recommendation_notes(comparison: Comparison, servers: dict[str, str],
                          L: Labels) -> list[str]:
    """Why configurations are not recommended (their GPU needs an export licence: the
    titles name the GPUs), or that every one needs it."""
    rec = comparison.recommendation
    plans = {p.config: p for p in comparison.plans}
    by_rule: dict[tuple[str, str], list[str]] = {}  # (market, since) -> configurations
    for config, _ in rec.skipped:
        status = plans[config].availability
        key = (status.market, status.since or "") if status else ("", "")
        by_rule.setdefault(key, []).append(servers[config])
    notes = [L("rec.skipped", market=market, since=since, configs="; ".join(names))
             for (market, since), names in by_rule.items()]
    if rec.note:
        notes.append(L("rec.all_restricted"))
    # the scope the titles hold in, the best of the other market-status groups, and what the
    # figures rest on: the same sentences as the CLI and the app
    notes += [L.say(m) for m in rec.caveat_messages]
    return notes


def _block_starts(n: int, header_row: int) -> list[int]:
    """The header row of each side-by-side block."""
    return [header_row + b * (len(METRICS) + 2) for b in range(math.ceil(n / PER_BLOCK))]


def _side_by_side(w: SheetWriter, priced_plans: list[tuple[Plan, Money]], boms: dict[str, BomRefs],
                  refs: dict[str, PlanRefs], header_row: int, L: Labels, currency: str,
                  years: int) -> None:
    m, m_sub = money_style(currency), money_style(currency, "sub")
    for block, start in enumerate(_block_starts(len(priced_plans), header_row)):
        chunk = priced_plans[block * PER_BLOCK:(block + 1) * PER_BLOCK]
        w.header(start, 1, [L("cmp.metric"), *(title(p, L) for p, _ in chunk)])
        r = {k: start + 1 + i for i, k in enumerate(METRICS)}
        for key, row in r.items():
            w.text(row, 1, L(key, years=years) if key in ("col.tco", "col.pf_days_delivered")
                   else L(key), "cq_label")
        for col, (plan, money) in enumerate(chunk, 2):
            letter = get_column_letter(col)
            w.text(r["col.vendor"], col, vendor_name(plan.vendor, L.lang))
            w.wrapped(r["col.server"], col, plan.server, width=16)
            w.wrapped(r["col.gpu"], col, plan.gpu_name, width=16)
            for key in NUMBER_FIGURES:
                figure = FIGURE[key]
                value = figure.get(plan)
                style = m if figure.kind == "money" else NUMBER_STYLES[figure.kind]
                w.number(r[figure.label], col, value if isinstance(value, int | float) else 0.0, style)
            w.text(r["cmp.days_band"], col, f"{plan.days_low:,.1f} – {plan.days_high:,.1f}")
            w.text(r["col.meets"], col, L.yes_no(plan.meets_deadline), "cq_center")
            _figure(w, r["col.capex"], col, boms.get(plan.config), "capex", money.capex, m_sub)
            w.formula(r["col.tco"], col, f"={refs[plan.config].tco}", m_sub, shown=money.tco)
            delivered = money.tco / money.cost_per_pf_day if money.cost_per_pf_day else None
            w.number(r["col.pf_days_delivered"], col, delivered, "cq_num1")
            if delivered:
                w.formula(r["col.cost_per_pf_day"], col,
                          f"={letter}{r['col.tco']}/{letter}{r['col.pf_days_delivered']}", m,
                          shown=money.cost_per_pf_day)
                refs[plan.config].cost_per_pf_day = sheet_ref(
                    w.ws.title, f"${letter}${r['col.cost_per_pf_day']}")


def _tco_chart(ws: Worksheet, priced_plans: list[tuple[Plan, Money]], tco_header: int,
               years: int, L: Labels, currency: str) -> LineChart:
    """The lowest TCOs only, each with its own dash and marker; the lowest drawn thick."""
    order = sorted(range(len(priced_plans)), key=lambda i: priced_plans[i][1].tco)
    shown = order[:CHART_SERIES]
    line = LineChart()
    n = len(priced_plans)
    line.title = (L("chart.tco_best", k=len(shown), n=n) if n > len(shown) else L("chart.tco"))
    line.y_axis.title = L("chart.amount", currency=currency)
    line.x_axis.title = L("cmp.year")
    line.y_axis.numFmt = "#,##0"
    line.y_axis.delete = False
    line.x_axis.delete = False
    for k, i in enumerate(shown):
        row = tco_header + 1 + i
        values = Reference(ws, min_col=2, max_col=2 + years, min_row=row, max_row=row)
        series = Series(values, title=title(priced_plans[i][0], L))
        series.graphicalProperties.line.solidFill = _COLOURS[k]
        series.graphicalProperties.line.prstDash = _DASHES[k]
        series.graphicalProperties.line.width = (4.0 if k == 0 else 1.75) * _EMU_PER_PT
        series.marker = Marker(symbol=_MARKERS[k], size=8 if k == 0 else 6)
        series.marker.graphicalProperties = None
        series.smooth = False
        line.series.append(series)
    line.set_categories(Reference(ws, min_col=2, max_col=2 + years, min_row=tco_header,
                                  max_row=tco_header))
    line.legend.position = "r"
    return line


def _capex_chart(ws: Worksheet, cat_header: int, n: int, L: Labels, currency: str) -> BarChart:
    bar = BarChart()
    bar.type = "bar"  # horizontal: configuration names read along the axis
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
    # every configuration named, not every other one as a crowded axis defaults to, in a
    # smaller type so each name keeps to its bar
    bar.x_axis.tickLblSkip = 1
    bar.x_axis.tickMarkSkip = 1
    bar.x_axis.txPr = RichText(bodyPr=RichTextProperties(), p=[Paragraph(
        pPr=ParagraphProperties(defRPr=CharacterProperties(sz=800)),
        endParaRPr=CharacterProperties(sz=800))])
    bar.legend.position = "b"
    return bar


def write_comparison(ws: Worksheet, comparison: Comparison, boms: dict[str, BomRefs],
                     L: Labels, indicative: str, heading: PrintHeading) -> dict[str, PlanRefs]:
    w = SheetWriter(ws)
    priced_plans = priced(comparison)
    currency = currency_of(comparison)
    m = money_style(currency)
    w.text(1, 1, L("cmp.title"), "cq_title", fit=False)
    w.text(2, 1, indicative, "cq_subtitle", fit=False)
    header_row = 4
    if not priced_plans:
        w.text(header_row, 1, L("rec.none"))
        w.finish()
        print_setup(ws, heading, title_rows=None)
        return {}
    n = len(priced_plans)
    years = max(money.years for _, money in priced_plans)

    # Layout first: the side-by-side blocks refer to the TCO table below them.
    blocks_end = _block_starts(n, header_row)[-1] + len(METRICS) + 1
    cat_header = blocks_end + 3
    opex_header = cat_header + n + 3
    tco_header = opex_header + n + 3
    warnings = grouped_warnings(priced_plans, L)
    warnings_header = tco_header + n + 3
    charts_row = warnings_header + max(len(warnings), 1) + 3

    # capex by category
    w.text(cat_header - 1, 1, L("cmp.capex_by_category"), "cq_section", fit=False)
    w.header(cat_header, 1, [L("col.configuration"), *(L.category(c) for c in CATEGORIES),
                             L("bom.before_discount")])
    for i, (plan, money) in enumerate(priced_plans):
        row = cat_header + 1 + i
        bom = boms.get(plan.config)
        w.wrapped(row, 1, title(plan, L), width=30)
        amounts = dict(money.subtotals)
        for j, category in enumerate(CATEGORIES):
            ref = bom.subtotals.get(category) if bom else None
            if ref is None:
                w.number(row, 2 + j, amounts.get(category, 0.0), m)
            else:
                w.formula(row, 2 + j, f"={ref}", m, shown=amounts.get(category, 0.0))
        last = get_column_letter(1 + len(CATEGORIES))
        w.formula(row, 2 + len(CATEGORIES), f"=SUM(B{row}:{last}{row})",
                  money_style(currency, "sub"), shown=money.hardware + money.services)

    # operating cost per year, one configuration a row: energy and hosting every year,
    # maintenance after the warranty; year y (column OPEX_YEAR_1 + y - 1) adds them up
    w.text(opex_header - 1, 1, L("cmp.opex"), "cq_section", fit=False)
    w.header(opex_header, 1, [L("col.configuration"), L("cmp.energy"), L("cmp.hosting"),
                              L("cmp.maintenance_after"), L("cmp.warranty_years"),
                              *(L("cmp.year_n", n=y) for y in range(1, years + 1))])
    opex_rows: dict[str, int] = {}
    for i, (plan, money) in enumerate(priced_plans):
        row = opex_header + 1 + i
        opex_rows[plan.config] = row
        paid = [k for k, value in enumerate(money.maintenance_per_year) if value]
        warranty = paid[0] if paid else money.years  # maintenance starts after the warranty
        w.wrapped(row, 1, title(plan, L), width=30)
        w.number(row, 2, money.energy_per_year, m)
        w.number(row, 3, money.hosting_per_year, m)
        w.number(row, 4, money.maintenance_per_year[paid[0]] if paid else 0.0, m)
        w.number(row, 5, warranty, "cq_int")
        for y in range(1, money.years + 1):
            w.formula(row, OPEX_YEAR_1 + y - 1, f"=$B{row}+$C{row}+IF({y}>$E{row},$D{row},0)", m,
                      shown=money.energy_per_year + money.hosting_per_year
                      + money.maintenance_per_year[y - 1])

    # TCO by year, one configuration a row: year 0 is capex, each year adds its costs
    w.text(tco_header - 1, 1, L("cmp.tco_years"), "cq_section", fit=False)
    w.header(tco_header, 1, [L("col.configuration"),
                             *(L("cmp.year_n", n=y) for y in range(years + 1))])
    refs: dict[str, PlanRefs] = {}
    for i, (plan, money) in enumerate(priced_plans):
        row = tco_header + 1 + i
        w.wrapped(row, 1, title(plan, L), width=30)
        opex_row = opex_rows[plan.config]
        tco_years: list[str] = []
        for y in range(money.years + 1):
            col = 2 + y
            letter = get_column_letter(col)
            if y == 0 and plan.config not in boms:
                w.number(row, col, money.capex, m)
                tco_years.append(sheet_ref(ws.title, f"${letter}${row}"))
                continue
            if y == 0:
                formula = f"={boms[plan.config].capex}"
            else:
                opex = get_column_letter(OPEX_YEAR_1 + y - 1)
                formula = f"={get_column_letter(col - 1)}{row}+{opex}{opex_row}"
            w.formula(row, col, formula, m, shown=money.tco_by_year[y]
                      if y < len(money.tco_by_year) else money.tco)
            tco_years.append(sheet_ref(ws.title, f"${letter}${row}"))
        refs[plan.config] = PlanRefs(bom=boms.get(plan.config), tco=tco_years[-1],
                                     tco_years=tco_years)

    _side_by_side(w, priced_plans, boms, refs, header_row, L, currency, years)

    # warnings, one a row across the table's width, the configurations it concerns after it
    # (a long list of names in a column of its own made rows ten lines tall)
    w.text(warnings_header - 1, 1, L("cmp.warnings"), "cq_section", fit=False)
    width = max(PER_BLOCK, len(CATEGORIES)) + 1
    w.merged(warnings_header, 1, width, L("cmp.warnings_header"), "cq_header")
    for k, (names, text) in enumerate(warnings or [("", L("rec.none"))]):
        shown = L("cmp.warning_concerns", text=text, names=names) if names else text
        w.merged(warnings_header + 1 + k, 1, width, shown, "cq_note_wrap")

    # the titles' column holds the longest title on one line, in Chinese too (its Latin
    # letters drawn wider): rows of one line, not rows sized for two
    w.finish(maximum=40, minimum=12, fixed={1: TITLE_COLUMN})

    bar = _capex_chart(ws, cat_header, n, L, currency)
    line = _tco_chart(ws, priced_plans, tco_header, years, L, currency)
    # both charts on one page, as wide as the tables above them; 0.6 cm a bar (up to 18 cm:
    # 20 configurations) keeps every configuration's name on the axis, in Chinese too
    chart_w = 34.0
    bar_h, line_h = min(6.0 + 0.6 * n, 18.0), 10.0
    bar.width, bar.height = chart_w, bar_h
    line.width, line.height = chart_w, line_h
    ws.add_chart(bar, f"A{charts_row}")
    line_row = charts_row + math.ceil(bar_h / 0.53) + 2  # rows of 15 pt
    ws.add_chart(line, f"A{line_row}")
    for start in _block_starts(n, header_row)[2::2]:  # two blocks a page
        ws.row_breaks.append(Break(id=start - 1))
    ws.row_breaks.append(Break(id=cat_header - 2))  # tables start a page
    ws.row_breaks.append(Break(id=tco_header - 2))
    ws.row_breaks.append(Break(id=charts_row - 2))  # both charts on a page of their own
    last_row = line_row + math.ceil(line_h / 0.53) + 1
    last_col = get_column_letter(max(ws.max_column, 2 + years, width))
    # the blocks and tables carry their own header rows (each starts a page); the title and
    # the indicative-price line head every page, so no page is read without them
    print_setup(ws, heading, title_rows="1:2", area=f"A1:{last_col}{last_row}")
    ws.freeze_panes = "B3"  # labels stay in view; blocks have their own headers
    return refs
