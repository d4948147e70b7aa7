"""The comparison quote's Options sheet: written only when an optimiser result is given, with
the front, the chosen variant and its odds, and native charts, in both languages."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from engine.compare import compare
from engine.export import write_quote
from engine.model import PlanRequest, Schedule, Workload
from engine.optimise.search import optimise

REQUEST = PlanRequest(workload=Workload(preset="gpt3-175b"), schedule=Schedule(days=150),
                      configs=("inspur-nf5688m7-h200", "lenovo-sr670v2-a800-pcie"))
SHEET = {"en": "Options", "zh": "优化方案"}


@pytest.fixture(scope="module")
def result():
    return optimise(REQUEST, confidence=0.8, draws=1_000, seed=3)


@pytest.fixture(scope="module")
def comparison():
    return compare(REQUEST)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_options_sheet_holds_the_front_the_choice_and_charts(tmp_path, result, comparison,
                                                                  lang):
    path = write_quote(comparison, tmp_path / f"q-{lang}.xlsx", lang=lang, options=result)
    wb = load_workbook(path)
    names = wb.sheetnames
    assert names.index(SHEET[lang]) == 2  # right after the Summary and the Comparison
    ws = wb[SHEET[lang]]
    assert len(ws._charts) == 2  # the front with the deadline; the chosen variant's odds
    cells = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    # every variant of the front has its row: its GPUs beside its TCO
    tcos = {round(c) for c in cells if isinstance(c, float)}
    for v in result.front:
        assert round(v["tco"]) in tcos
    assert result.best is not None and round(result.best["tco"]) in tcos
    assert cells.count("●") == 1  # the chosen variant, marked once in the front
    assert any(isinstance(c, str) and "P10" in c for c in cells)
    if lang == "zh":
        assert any(isinstance(c, str) and "按期完成概率" in c for c in cells)


def test_an_ordinary_quote_has_no_options_sheet(tmp_path, comparison):
    wb = load_workbook(write_quote(comparison, tmp_path / "q.xlsx"))
    assert "Options" not in wb.sheetnames


def test_quote_options_from_the_command(tmp_path, capsys):
    from engine.cli import main

    out = tmp_path / "q.xlsx"
    assert main(["quote", "--preset", "gpt3-175b", "--days", "150", "--config",
                 "inspur-nf5688m7-h200", "--options", "--draws", "1000", "--out", str(out)]) == 0
    assert "Options" in load_workbook(out).sheetnames


def test_quote_options_refuses_an_rfq(tmp_path, capsys):
    from engine.cli import main

    assert main(["quote", "--preset", "gpt3-175b", "--days", "150", "--vendor", "inspur",
                 "--kind", "rfq", "--options", "--out", str(tmp_path / "r.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "--options" in err and "Traceback" not in err


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_charts_print_whole_on_a_page_of_their_own(tmp_path, result, comparison, lang):
    from engine.export.options_sheet import CHART_ROWS

    ws = load_workbook(write_quote(comparison, tmp_path / f"p-{lang}.xlsx", lang=lang,
                                   options=result))[SHEET[lang]]
    breaks = sorted(b.id for b in ws.row_breaks.brk)  # a break after row id
    header = int(ws.print_title_rows.split(":")[0].lstrip("$"))
    for chart in ws._charts:
        top = chart.anchor._from.row + 1  # 1-based row the chart starts on
        rows = -(-chart.height * 28.35 // 15)  # cm in rows of 15 pt (28.35 pt a cm)
        # a page starts above the chart and the next one only below its foot
        before = max(b for b in breaks if b < top)
        after = min(b for b in breaks if b >= top)
        assert top + rows - 1 <= after <= before + CHART_ROWS + 1
        # the front's header, repeated on the front's pages, is not above the charts
        assert after < header


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_chosen_variant_reads_labels_left_figures_right(tmp_path, result, comparison, lang):
    ws = load_workbook(write_quote(comparison, tmp_path / f"a-{lang}.xlsx", lang=lang,
                                   options=result))[SHEET[lang]]
    end = min(b.id for b in ws.row_breaks.brk)  # the chosen block ends where the charts' page starts
    rows = [(ws.cell(r, 1), ws.cell(r, 2)) for r in range(5, end + 1)
            if ws.cell(r, 1).value and ws.cell(r, 2).value is not None]
    assert len(rows) == 11  # configuration, GPUs, ..., P(meets deadline)
    figures = [v for _, v in rows if isinstance(v.value, int | float)
               or v.value.replace(" / ", "").replace(",", "").isdigit()]
    words = [v for _, v in rows if v not in figures]
    assert len(figures) == 7 and len(words) == 4  # GPUs, rack kW, capex, TCO, days, TCO range, odds
    assert all(label.alignment.horizontal in (None, "general", "left") for label, _ in rows)
    assert all(v.alignment.horizontal == "right" for v in figures)
    assert all(v.alignment.horizontal == "left" for v in words)
