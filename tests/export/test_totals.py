"""Every total of the written workbook, recalculated by the ``formulas`` package,
equals the engine's figure to the cent; editing the workbook moves the totals."""

from __future__ import annotations

import datetime
from pathlib import Path

import openpyxl
import pytest

from engine.export import write_quote
from engine.export.common import description, part_number_said
from engine.export.labels import Labels
from engine.export.names import titles
from engine.model import CATEGORIES, Comparison, Plan
from tests.export.quote_fixtures import (
    Recalculated,
    bom_sheet_name,
    cents,
    find_row,
    hand_comparison,
)


def check_totals(path: Path, comparison: Comparison, lang: str) -> int:
    """Assert every total equals the comparison's figures; return how many were checked."""
    L = Labels(lang)  # type: ignore[arg-type]
    values = Recalculated(path)
    wb = openpyxl.load_workbook(path)
    checked = 0
    summary = wb[L("sheet.summary")]
    compare_ws = wb[L("sheet.comparison")]
    named = titles(comparison.plans, lang)
    # the workbook's custom properties name the configuration each BOM sheet prices
    detailed = {p.value for p in wb.custom_doc_props.props if p.name.startswith("BOM ")}
    for plan in comparison.plans:
        money = plan.money
        if money is None:
            continue
        if plan.config in detailed:
            checked += _check_bom(wb, values, plan, L)
        # Summary: capex, TCO and cost per PF/s-day refer to the BOM and the TCO table, or
        # (a configuration the document does not detail) hold the engine's figures
        row = find_row(summary, "A", named[plan.config], start=17)
        assert cents(values(summary.title, f"I{row}"), money.capex)
        assert cents(values(summary.title, f"J{row}"), money.tco)
        assert cents(values(summary.title, f"K{row}"), money.cost_per_pf_day)
        checked += 3

        # Comparison: TCO over the years, a row per configuration, year 0 in column B
        header = find_row(compare_ws, "B", L("cmp.year_n", n=0))
        row = find_row(compare_ws, "A", named[plan.config], start=header)
        for year, figure in enumerate(money.tco_by_year):
            letter = openpyxl.utils.get_column_letter(2 + year)
            assert cents(values(compare_ws.title, f"{letter}{row}"), figure), (plan.config, year)
            checked += 1
    return checked


def _check_bom(wb: openpyxl.Workbook, values: Recalculated, plan: Plan, L: Labels) -> int:
    """Every line and total of ``plan``'s BOM sheet equals the engine's figure."""
    money = plan.money
    assert money is not None
    checked = 0
    name = bom_sheet_name(wb, plan.config)
    ws = wb[name]
    # every line: Qty × Unit price
    for line in plan.bom:
        row = next(r for r in range(6, ws.max_row + 1)
                   if (ws[f"B{r}"].value or "") == part_number_said(line, L)
                   and ws[f"C{r}"].value == description(line, L.lang) and ws[f"D{r}"].value == line.qty)
        assert cents(values(name, f"F{row}"), line.total), (plan.config, line.item)
        checked += 1
    subtotals = dict(money.subtotals)
    for category in CATEGORIES:
        label = L("bom.subtotal", category=L.category(category))
        if not any(line.category == category for line in plan.bom):
            assert subtotals.get(category, 0.0) == 0.0
            continue
        row = find_row(ws, "C", label)
        assert cents(values(name, f"F{row}"), subtotals[category]), (plan.config, category)
        checked += 1
    expected = {
        "bom.hardware": money.hardware, "bom.services": money.services,
        "bom.before_discount": money.hardware + money.services,
        "bom.discount": -money.discount, "bom.net": money.net,
        "bom.vat_goods": money.vat_goods, "bom.vat_services": money.vat_services,
        "bom.grand_total": money.capex,
    }
    for key, figure in expected.items():
        row = find_row(ws, "C", L(key))
        assert cents(values(name, f"F{row}"), figure), (plan.config, key)
        checked += 1
    other = "USD" if money.currency == "CNY" else "CNY"
    row = find_row(ws, "C", L("bom.grand_total_in", currency=other))
    rate = values(L("sheet.summary"), "B10")
    in_other = money.capex / rate if money.currency == "CNY" else money.capex * rate
    assert cents(values(name, f"F{row}"), in_other)
    return checked


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_hand_built_totals_equal_the_figures_to_the_cent(tmp_path: Path, lang: str) -> None:
    comparison = hand_comparison()
    path = write_quote(comparison, tmp_path / f"q-{lang}.xlsx", lang=lang,  # type: ignore[arg-type]
                       customer="Acme", quote_no="Q-7", quote_date=datetime.date(2024, 5, 1))
    assert check_totals(path, comparison, lang) > 40


def test_real_comparison_totals_equal_the_engine_to_the_cent(tmp_path: Path) -> None:
    from engine import Facility, Finance, PlanRequest, Schedule, Workload, compare

    # 60 days: every fleet sized for the same deadline finishes within days of the others, and at
    # 30 the A100 PCIe fleet came out a third of a day the fastest and joined the shortlist
    request = PlanRequest(
        Workload(preset="gpt3-175b"), Schedule(days=60, lead_time_days=0),
        facility=Facility(cooling="rdhx"),
        finance=Finance(discount=0.07, hosting="colo", years=4, currency="USD"),
        configs=("inspur-nf5688m6-a800", "lenovo-sr680av3-h800", "lenovo-sr670v2-a100-pcie"),
    )
    comparison = compare(request)
    assert sum(p.money is not None for p in comparison.plans) >= 2
    path = write_quote(comparison, tmp_path / "real.xlsx", lang="zh")
    assert check_totals(path, comparison, "zh") > 60
    # the configurations it does not detail have no BOM sheet, but their figures are right
    wb = openpyxl.load_workbook(path)
    boms = [p.value for p in wb.custom_doc_props.props if p.name.startswith("BOM ")]
    assert set(boms) == {"lenovo-sr680av3-h800", "inspur-nf5688m6-a800"}  # the shortlist


def test_editing_a_quantity_and_the_vat_rate_moves_the_totals(tmp_path: Path) -> None:
    path = write_quote(hand_comparison(), tmp_path / "edit.xlsx")
    wb = openpyxl.load_workbook(path)
    bom = wb[bom_sheet_name(wb, "alpha-cfg")]
    row = find_row(bom, "B", "A800-80G")
    assert bom[f"D{row}"].value == 16
    bom[f"D{row}"].value = 18  # two more GPUs at 100,000.50
    summary = wb["Summary"]
    assert summary["A11"].value == "VAT rate on goods"
    summary["B11"].value = 0.06
    wb.save(path)

    values = Recalculated(path)
    name = bom.title
    # Worked by hand: hardware 3,786,477.45 + 200,001.00 = 3,986,478.45;
    # before discount + 15,001.98 services = 4,001,480.43. Each unit price 5 % off, to the
    # fen (quote_fixtures.ALPHA_MONEY): goods 3,597,153.72 + 2 × 95,000.48 = 3,787,154.68,
    # services 14,251.86; net 3,801,406.54, discount 4,001,480.43 − that = 200,073.89;
    # VAT 6 % on goods 3,787,154.68 = 227,229.2808 → 227,229.28, services stay at 6 %:
    # 855.11; capex 4,029,490.93;
    # TCO over 3 years: + 3 × (100,000 energy + 12,000 hosting) + 287,772.29 maintenance.
    assert cents(values(name, f"F{row}"), 1_800_009.00)
    assert cents(values(name, f"F{find_row(bom, 'C', 'Subtotal: Compute')}"), 3_800_009.00)
    assert cents(values(name, f"F{find_row(bom, 'C', 'Hardware')}"), 3_986_478.45)
    assert cents(values(name, f"F{find_row(bom, 'C', 'Discount')}"), -200_073.89)
    assert cents(values(name, f"F{find_row(bom, 'C', 'Net (excl. VAT)')}"), 3_801_406.54)
    assert cents(values(name, f"F{find_row(bom, 'C', 'VAT on goods')}"), 227_229.28)
    assert cents(values(name, f"F{find_row(bom, 'C', 'VAT on services')}"), 855.11)
    assert cents(values(name, f"F{find_row(bom, 'C', 'Grand total (incl. VAT)')}"), 4_029_490.93)
    alpha = find_row(summary, "A", "Inspur Server · 8× A800 SXM4", start=17)
    assert cents(values("Summary", f"I{alpha}"), 4_029_490.93)
    assert cents(values("Summary", f"J{alpha}"), 4_653_263.22)
    # the other configuration moved only by the VAT rate: goods net 957,599.97 × 6 % =
    # 57,456.00, services 570.00: 967,099.97 + 57,456.00 + 570.00
    beta = find_row(summary, "A", "Lenovo Server · 8× A800 SXM4 (beta-cfg)", start=17)
    assert cents(values("Summary", f"I{beta}"), 1_025_125.97)
