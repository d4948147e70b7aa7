"""Goods and services at their own VAT rates in the quote and the RFQ, every total a formula
that recalculates to the engine's figure; and the RFQ's amount in words warns once the
figures it was written from have changed."""

from __future__ import annotations

import datetime
from pathlib import Path

import openpyxl
import pytest

from engine.export import write_quote
from engine.export.labels import Labels
from engine.export.names import titles
from engine.export.rmb import rmb_capital, to_fen
from tests.export.quote_fixtures import Recalculated, bom_sheet_name, cents, find_row, services_comparison

# By hand (quote_fixtures.services_comparison): goods 2 × 450 000 + 100 000 = 1 000 000,
# services 4 × 5 000 + 80 000 = 100 000; 10 % off: net 900 000 + 90 000 = 990 000;
# VAT 13 % × 900 000 = 117 000 on goods, 6 % × 90 000 = 5 400 on services; capex 1 112 400.
GOODS_VAT, SERVICES_VAT, NET, CAPEX = 117_000.0, 5_400.0, 990_000.0, 1_112_400.0


def test_the_engine_prices_the_hand_case() -> None:
    money = services_comparison().plans[0].money
    assert money is not None
    assert (money.hardware, money.services) == (1_000_000.0, 100_000.0)
    assert cents(money.net, NET) and cents(money.vat_goods, GOODS_VAT)
    assert cents(money.vat_services, SERVICES_VAT) and cents(money.capex, CAPEX)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_quote_with_services_recalculates_to_the_engine_capex(tmp_path: Path, lang: str) -> None:
    L = Labels(lang)  # type: ignore[arg-type]
    comparison = services_comparison()
    path = write_quote(comparison, tmp_path / f"q-{lang}.xlsx", lang=lang)  # type: ignore[arg-type]
    wb = openpyxl.load_workbook(path)
    name = bom_sheet_name(wb, "gamma-cfg")
    ws = wb[name]
    values = Recalculated(path)
    goods = find_row(ws, "C", L("bom.vat_goods"))
    services = find_row(ws, "C", L("bom.vat_services"))
    assert cents(values(name, f"F{goods}"), GOODS_VAT)
    assert cents(values(name, f"F{services}"), SERVICES_VAT)
    assert (values(name, f"E{goods}"), values(name, f"E{services}")) == (0.13, 0.06)  # the rates
    assert cents(values(name, f"F{find_row(ws, 'C', L('bom.net'))}"), NET)
    total = find_row(ws, "C", L("bom.grand_total"))
    assert ws[f"F{total}"].value == f"=F{find_row(ws, 'C', L('bom.net'))}+F{goods}+F{services}"
    assert cents(values(name, f"F{total}"), CAPEX)
    summary = wb[L("sheet.summary")]
    row = find_row(summary, "A", titles(comparison.plans, lang)["gamma-cfg"], start=17)
    assert cents(values(summary.title, f"I{row}"), CAPEX)


def test_the_services_rate_is_its_own_input(tmp_path: Path) -> None:
    path = write_quote(services_comparison(), tmp_path / "q.xlsx")
    wb = openpyxl.load_workbook(path)
    summary = wb["Summary"]
    assert summary["A12"].value == "VAT rate on services"
    assert wb.defined_names["VATRateServices"].attr_text == "'Summary'!$B$12"
    summary["B12"].value = 0.09
    wb.save(path)
    values = Recalculated(path)
    name = bom_sheet_name(wb, "gamma-cfg")
    bom = wb[name]
    # only the services' VAT moves: 9 % × 90 000 = 8 100; capex 990 000 + 117 000 + 8 100
    assert cents(values(name, f"F{find_row(bom, 'C', 'VAT on goods')}"), GOODS_VAT)
    assert cents(values(name, f"F{find_row(bom, 'C', 'VAT on services')}"), 8_100.0)
    assert cents(values(name, f"F{find_row(bom, 'C', 'Grand total (incl. VAT)')}"), 1_115_100.0)


def rfq(tmp_path: Path, lang: str, currency: str = "CNY") -> tuple[Path, Labels]:
    path = write_quote(services_comparison(currency), tmp_path / f"rfq-{lang}-{currency}.xlsx",
                       lang=lang, kind="rfq", prices="list", vendor="inspur",  # type: ignore[arg-type]
                       quote_date=datetime.date(2024, 5, 1))
    return path, Labels(lang)  # type: ignore[arg-type]


def row_of(ws: openpyxl.worksheet.worksheet.Worksheet, label: str) -> int:
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == label:
                return cell.row
    raise AssertionError(f"{label!r} not on {ws.title}")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rfq_lines_and_totals_by_rate(tmp_path: Path, lang: str) -> None:
    path, L = rfq(tmp_path, lang)
    ws = openpyxl.load_workbook(path).worksheets[0]
    values = Recalculated(path)
    install = find_row(ws, "B", "SVC-INST")
    server = find_row(ws, "B", "NF5688M7")
    assert ws[f"H{install}"].value == f"=ROUND(F{install}*(1+VATRateServices),2)"
    assert ws[f"H{server}"].value == f"=ROUND(F{server}*(1+VATRate),2)"
    # a service line: 5 000 × 0.9 × 1.06 = 4 770 a server, 19 080 for four
    assert cents(values(ws.title, f"I{install}"), 19_080.0)
    for label, figure in ((L("rfq.total_excl"), NET), (L("rfq.vat_goods"), GOODS_VAT),
                          (L("rfq.vat_services"), SERVICES_VAT), (L("rfq.total_incl"), CAPEX)):
        row = row_of(ws, label)
        assert ws[f"I{row}"].data_type == "f", label  # every total a formula
        assert cents(values(ws.title, f"I{row}"), figure), label
    assert ws[f"H{row_of(ws, L('rfq.vat_services'))}"].value == "=VATRateServices"
    words = row_of(ws, L("rfq.in_words"))
    assert ws[f"D{words}"].value == rmb_capital(CAPEX) == "壹佰壹拾壹万贰仟肆佰元整"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_words_warn_when_a_price_changes(tmp_path: Path, lang: str) -> None:
    path, L = rfq(tmp_path, lang)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    check = row_of(ws, L("rfq.words_figure"))
    assert ws[f"D{check}"].value == CAPEX  # the figure the words state, printed beside them
    formula = ws[f"F{check}"].value
    assert formula.startswith("=IF(ROUND(") and "NUMBERSTRING" not in formula.upper()
    assert ws.conditional_formatting  # the words and the warning turn red
    values = Recalculated(path)
    assert values(ws.title, f"F{check}") == ""  # unchanged: nothing to say

    server = find_row(ws, "B", "NF5688M7")
    ws[f"E{server}"].value = 440_000.00  # the supplier corrects a price
    wb.save(path)
    values = Recalculated(path)
    assert values(ws.title, f"F{check}") == L("rfq.words_stale")
    assert L("rfq.words_stale") in (
        "Prices changed: rewrite the amount in words from the total", "金额已修改：请按合计重新填写大写金额")


def test_usd_words_are_checked_in_yuan_at_the_rate_they_name(tmp_path: Path) -> None:
    path, L = rfq(tmp_path, "en", "USD")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    words = row_of(ws, L("rfq.in_words_cny", rate="7"))
    check = row_of(ws, L("rfq.words_figure"))
    # 1 112 400 USD × 7 = 7 786 800 CNY, in words and in figures
    assert ws[f"D{words}"].value == rmb_capital(CAPEX * 7)
    assert ws[f"D{check}"].value == float(to_fen(CAPEX * 7)) == 7_786_800.0
    assert "¥" in ws[f"D{check}"].number_format
    assert Recalculated(path)(ws.title, f"F{check}") == ""
    install = find_row(ws, "B", "SVC-INST")
    ws[f"D{install}"].value = 5  # one more installation: 4 500 × 1.06 USD more
    wb.save(path)
    assert Recalculated(path)(ws.title, f"F{check}") == L("rfq.words_stale")
