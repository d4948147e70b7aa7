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
