"""The Options sheet of the internal comparison: the optimiser's answer (engine.optimise) beside
the plans: the chosen variant and its odds against the request's own plan, the Pareto front of
cost against calendar days, and two native charts (the front with the deadline, and the chosen
variant's odds of finishing by each day).

Written only when the quote is given an optimiser result (``quote --options``): a search of
ten thousand variants is not part of an ordinary quote."""

from __future__ import annotations

from typing import Any

from openpyxl.chart import Reference, ScatterChart, Series
from openpyxl.chart.marker import Marker
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from engine.export.labels import Labels
from engine.export.sheet import PrintHeading, SheetWriter, print_setup
from engine.export.styles import money_style

LAST = 12  # columns of the front's table
WIDTHS = {1: 38, 2: 8, 3: 12, 4: 8, 5: 15, 6: 16, 7: 16, 8: 8, 9: 8, 10: 8, 11: 9, 12: 8}
CHART_ROWS = 20  # rows a chart stands on (15 pt rows: about 10.5 cm; a chart is 8 cm tall)
LEFT = Alignment(horizontal="left", vertical="top")
RIGHT = Alignment(horizontal="right", vertical="top")


def _title(config: str, L: Labels) -> str:
    return L.titles.get(config, config)


def _choice(value: str, L: Labels) -> str:
    """A cooling kind, hosting or market group in words."""
    return L(f"options-choice-{value}") if L.has(f"options-choice-{value}") else value


def _dots(series: Series, color: str, symbol: str, size: int) -> None:
    series.marker = Marker(symbol=symbol, size=size)
    series.marker.graphicalProperties = GraphicalProperties(solidFill=color)
    series.marker.graphicalProperties.line.solidFill = color
    series.graphicalProperties.line.noFill = True


def _rule(series: Series, color: str) -> None:
    series.marker = Marker(symbol="none")
    series.graphicalProperties.line.solidFill = color
    series.graphicalProperties.line.dashStyle = "dash"
    series.graphicalProperties.line.width = 19050  # 1.5 pt in EMU


def write_options(ws: Worksheet, result: Any, L: Labels, heading: PrintHeading) -> None:
    """``result``: an engine.optimise.search.Result."""
    w = SheetWriter(ws)
    cur = result.currency
    m, m_bold = money_style(cur), money_style(cur, "bold")
    cost_key = result.objective
    w.text(1, 1, L("options-title"), "cq_title", fit=False)
    w.merged(2, 1, LAST, L("options-searched", variants=result.variants_evaluated,
                           draws=result.draws, seed=result.seed, deadline=result.deadline,
                           confidence=result.confidence), "cq_note_wrap")
    row = 4
    best, own = result.best, result.best_plan
    if best is None:
        w.merged(row, 1, LAST, L("optimise-none"), "cq_warning")
        row += 2
    else:
        w.text(row, 1, L("options-chosen"), "cq_group", fit=False)
        w.styled(row, range(2, LAST + 1), "cq_group")
        row += 1
        facts: list[tuple[str, object, str]] = [
            (L("options-config"), _title(best["config"], L), "cq_text"),
            (L("options-gpus"), best["gpus"], "cq_int"),
            (L("options-cooling"), _choice(best["cooling"], L), "cq_text"),
            (L("options-rack-kw"), best["rack_kw"], "cq_num1"),
            (L("options-hosting"), _choice(best["hosting"], L), "cq_text"),
            (L("options-market"), _choice(best.get("market", "unsure"), L), "cq_text"),
            (L("options-capex"), best["capex"], m_bold),
            (L("options-tco"), best["tco"], m_bold),
            (L("options-days"), f"{best['days_p10']:.0f} / {best['days_p50']:.0f} / "
                                f"{best['days_p90']:.0f}", "cq_text"),
            (L("options-tco-range"), f"{best['tco_p10']:,.0f} / {best['tco_p50']:,.0f} / "
                                     f"{best['tco_p90']:,.0f}", "cq_text"),
            (L("options-p-meets"), best["p_meets"], "cq_pct"),
        ]
        # one column of values: labels left, figures (the P10/P50/P90 ranges too) right, at
        # its right edge; words (the configuration, cooling, hosting) left
        figures = {L("options-days"), L("options-tco-range")}
        for label, value, style in facts:
            w.text(row, 1, label, "cq_label_top")
            if isinstance(value, (int, float)):
                w.number(row, 2, value, style)
                ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=5)
                ws.cell(row, 2).alignment = RIGHT
            else:
                w.merged(row, 2, 5, value, style)
                ws.cell(row, 2).alignment = RIGHT if label in figures else LEFT
            row += 1
        if own is not None:
            text = (L("options-versus-plan", config=_title(own["config"], L), gpus=own["gpus"],
                      cost=own[cost_key], saving=own[cost_key] - best[cost_key],
                      p_meets=own["p_meets"])
                    if own["meets_confidence"] else
                    L("options-plan-short", config=_title(own["config"], L), gpus=own["gpus"],
                      cost=own[cost_key], p_meets=own["p_meets"]))
            w.merged(row, 1, LAST, text, "cq_note_wrap")
            ws.row_dimensions[row].height = 26
            row += 1
        row += 1

    # the charts stand on a page of their own, between the choice and the front (drawn last,
    # from the front's figures): never cut by a page break, never under the front's header
    ws.row_breaks.append(Break(id=row - 1))
    chart_row = row + 1  # a row below the break: a chart's frame drawn a hair above its anchor
    row = chart_row + CHART_ROWS
    ws.row_breaks.append(Break(id=row - 1))

    # the front
    w.text(row, 1, L("options-front", quantile=result.confidence * 100), "cq_group", fit=False)
    w.styled(row, range(2, LAST + 1), "cq_group")
    row += 1
    w.header(row, 1, [
        L("options-config"), L("options-gpus"), L("options-cooling"), L("options-rack-kw"),
        L("options-hosting"), L("options-capex"), L("options-tco"), "P10", "P50", "P90",
        L("options-p-meets"), L("options-chosen-mark"),
    ])
    header_row = row
    row += 1
    first = row
    chosen_row = None
    for v in result.front:
        is_best = best is not None and all(v[k] == best[k] for k in
                                           ("config", "gpus", "cooling", "rack_kw", "hosting"))
        w.wrapped(row, 1, _title(v["config"], L), width=WIDTHS[1] - 2)
        w.number(row, 2, v["gpus"], "cq_int")
        w.text(row, 3, _choice(v["cooling"], L))
        w.number(row, 4, v["rack_kw"], "cq_num1")
        w.text(row, 5, _choice(v["hosting"], L))
        w.number(row, 6, v["capex"], m)
        w.number(row, 7, v["tco"], m)
        w.number(row, 8, v["days_p10"], "cq_num1")
        w.number(row, 9, v["days_p50"], "cq_num1")
        w.number(row, 10, v["days_p90"], "cq_num1")
        w.number(row, 11, v["p_meets"], "cq_pct")
        w.text(row, 12, "●" if is_best else "", "cq_center")
        # the charts' hidden columns: the front's quantile of days, and the deadline's line
        w.number(row, LAST + 2, v["days_quantile"], "cq_num1")
        w.number(row, LAST + 3, v[cost_key] / 1e6, "cq_num1")  # millions: a legible axis
        if is_best:
            chosen_row = row
        row += 1
    last = row - 1
    # the deadline as a vertical line, and the chosen point, for the chart
    lo = min(v[cost_key] for v in result.front) if result.front else 0.0
    hi = max(v[cost_key] for v in result.front) if result.front else 0.0
    helper = LAST + 4
    w.text(first - 1, helper, L("options-deadline"), "cq_text")
    w.number(first, helper, result.deadline, "cq_num1")
    w.number(first + 1, helper, result.deadline, "cq_num1")
    w.number(first, helper + 1, lo / 1e6, "cq_num1")
    w.number(first + 1, helper + 1, hi / 1e6, "cq_num1")
    cost_col = LAST + 3

    chart = _scatter(L("options-chart-front", quantile=result.confidence * 100),
                     L("options-axis-days", quantile=result.confidence * 100),
                     L("options-axis-cost-m", objective=L(f"options-{cost_key}"), currency=cur),
                     "#,##0")
    # the days near the deadline, where the choice is; a front's slowest, far beyond, are cut
    days_q = [v["days_quantile"] for v in result.front]
    if days_q:
        chart.x_axis.scaling.min = max(0.0, 10 * int(min(days_q) * 0.9 / 10))
        chart.x_axis.scaling.max = 10 * int(min(max(days_q), 2 * result.deadline) / 10 + 1)
    xs = Reference(ws, min_col=LAST + 2, min_row=first, max_row=last)
    ys = Reference(ws, min_col=cost_col, min_row=first, max_row=last)
    front = Series(ys, xs, title=L("options-front-series"))
    _dots(front, "1F3864", "circle", 6)
    chart.series.append(front)
    if chosen_row is not None:
        pick = Series(Reference(ws, min_col=cost_col, min_row=chosen_row, max_row=chosen_row),
                      Reference(ws, min_col=LAST + 2, min_row=chosen_row, max_row=chosen_row),
                      title=L("options-chosen"))
        _dots(pick, "C00000", "diamond", 11)
        chart.series.append(pick)
    line = Series(Reference(ws, min_col=helper + 1, min_row=first, max_row=first + 1),
                  Reference(ws, min_col=helper, min_row=first, max_row=first + 1),
                  title=L("options-deadline"))
    _rule(line, "C00000")
    chart.series.append(line)
    ws.add_chart(chart, f"A{chart_row}")

    # the chosen variant's odds of finishing by each day: P0..P100 of its calendar days
    end = last  # the front's last row: the charts stand above it
    quantiles = result.best_days_quantiles
    if quantiles:
        qcol = helper + 3
        w.text(first - 1, qcol, L("options-days-short"), "cq_text")
        w.text(first - 1, qcol + 1, L("options-p-meets"), "cq_text")
        for i, days in enumerate(quantiles):
            w.number(first + i, qcol, days, "cq_num1")
            w.number(first + i, qcol + 1, i / 100, "cq_pct")
        cdf = _scatter(L("options-chart-odds"), L("options-days-short"), L("options-p-meets"), "0%")
        cdf.y_axis.scaling.min, cdf.y_axis.scaling.max = 0.0, 1.0
        cdf.x_axis.scaling.min = 10 * int(min(quantiles[0], result.deadline) * 0.95 / 10)
        cdf.x_axis.scaling.max = 10 * int(max(quantiles[-1], result.deadline) / 10 + 1)
        curve = Series(Reference(ws, min_col=qcol + 1, min_row=first, max_row=first + 100),
                       Reference(ws, min_col=qcol, min_row=first, max_row=first + 100),
                       title=L("options-chosen"))
        curve.marker = Marker(symbol="none")
        curve.graphicalProperties.line.solidFill = "1F3864"
        curve.graphicalProperties.line.width = 22225  # 1.75 pt
        cdf.series.append(curve)
        w.number(first, helper + 2, 0.0, "cq_pct")
        w.number(first + 1, helper + 2, 1.0, "cq_pct")
        bound = Series(Reference(ws, min_col=helper + 2, min_row=first, max_row=first + 1),
                       Reference(ws, min_col=helper, min_row=first, max_row=first + 1),
                       title=L("options-deadline"))
        _rule(bound, "C00000")
        cdf.series.append(bound)
        ws.add_chart(cdf, f"F{chart_row}")  # beside the front's: one page holds both
    for col in range(LAST + 1, helper + 5):  # the charts' figures: kept, not printed
        ws.column_dimensions[get_column_letter(col)].hidden = True
    w.finish(maximum=40, fixed=WIDTHS)
    print_setup(ws, heading, title_rows=f"{header_row}:{header_row}",
                area=f"A1:{get_column_letter(LAST)}{end}")


def _scatter(title: str, x_title: str, y_title: str, y_format: str) -> ScatterChart:
    """A chart of the sheet: both axes shown and titled, days on x, as large as half a page
    holds, drawn from figures in hidden columns."""
    chart = ScatterChart()
    chart.title, chart.style = title, 13
    chart.x_axis.title, chart.y_axis.title = x_title, y_title
    chart.x_axis.number_format, chart.y_axis.number_format = "#,##0", y_format
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.width, chart.height = 14.5, 8.0
    chart.visible_cells_only = False  # its figures stand in hidden columns
    return chart
