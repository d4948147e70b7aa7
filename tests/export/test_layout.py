"""What the workbook looks like: sheets, names, styles, print set-up, charts, Chinese labels."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import openpyxl
import pytest
from openpyxl.chart import BarChart, LineChart

from engine.export import write_quote
from engine.export.common import part_number
from engine.export.labels import Labels
from engine.export.names import titles
from engine.i18n import codes, placeholders, t
from engine.model import Comparison
from tests.export.quote_fixtures import bom_sheet_name, find_row, hand_comparison

_CJK = re.compile(r"[\u4e00-\u9fff]")
_FORBIDDEN = set("[]:*?/\\")


def _check_sheet_names(names: list[str]) -> None:
    assert len({n.lower() for n in names}) == len(names)
    for name in names:
        assert 0 < len(name) <= 31, name
        assert not (_FORBIDDEN & set(name)), name
        assert not name.startswith("'") and not name.endswith("'")


def test_english_workbook_structure(tmp_path: Path) -> None:
    path = write_quote(hand_comparison(), tmp_path / "q.xlsx", customer="Acme", quote_no="Q-1",
                       valid_days=45, quote_date=datetime.date(2024, 5, 1))
    wb = openpyxl.load_workbook(path)
    # sheets are named for people, never by a configuration's id: "BOM Inspur Server · 8× A800
    # SXM4" is a character too long, so the vendor goes (its model names are its own); beta
    # would then take alpha's name, and keeps its vendor instead of the word (its title,
    # "Lenovo Server · 8× A800 SXM4 (beta-cfg)", holds the id that tells it from gamma's)
    alpha = "BOM Server · 8× A800 SXM4"
    assert wb.sheetnames == ["Summary", "Comparison", alpha, "Lenovo Server · 8× A800 SXM4",
                             "Assumptions", "Sources"]  # the refused configuration has no BOM
    _check_sheet_names(wb.sheetnames)

    # named inputs on the Summary sheet
    names = {name: dn.attr_text for name, dn in wb.defined_names.items()}
    assert names == {"ExchangeRate": "'Summary'!$B$10", "VATRate": "'Summary'!$B$11",
                     "VATRateServices": "'Summary'!$B$12", "Discount": "'Summary'!$B$13"}
    summary = wb["Summary"]
    assert [summary[f"B{r}"].value for r in range(10, 14)] == [7.0, 0.13, 0.06, 0.05]
    assert summary["B7"].value == "=B5+B6"  # valid until = date + days
    assert summary["B5"].value == datetime.datetime(2024, 5, 1)
    assert summary["B6"].value == 45

    # the Summary refers to the BOM and TCO cells, it does not copy numbers
    row = find_row(summary, "A", "Inspur Server · 8× A800 SXM4", start=17)
    assert summary[f"I{row}"].value.startswith(f"='{alpha}'!$F$")
    assert summary[f"J{row}"].value.startswith("='Comparison'!$E$")  # TCO by year, a row each
    assert summary[f"K{row}"].value.startswith("='Comparison'!$B$")  # TCO / PF/s-days there
    assert summary["C13"].value == "=1-Discount"  # the price factor beside the discount
    assert summary["C13"].number_format == '"pay "0.0%" of list"'
    gamma = find_row(summary, "A", "Lenovo Server · 8× A800 SXM4 (gamma-cfg)", start=17)
    assert summary[f"C{gamma}"].value.startswith("Refused: A100 SXM4 is an SXM4 GPU")

    # BOM: formulas, autofilter, frozen header, print set-up
    bom = wb[alpha]
    assert [bom.cell(row=5, column=c).value for c in range(1, 9)] == [
        "No.", "Part number", "Description", "Qty", "Unit price", "Total", "Vendor", "Notes"]
    row = find_row(bom, "B", "A800-80G")
    assert bom[f"F{row}"].value == f"=D{row}*E{row}"
    assert bom[f"F{find_row(bom, 'C', 'Subtotal: Compute')}"].value.startswith("=SUM(F")
    # the one rounding rule: each rate's VAT rounded to the fen once
    assert bom[f"F{find_row(bom, 'C', 'VAT on goods')}"].value.endswith("*VATRate,2)")
    assert bom[f"F{find_row(bom, 'C', 'VAT on services')}"].value.endswith("*VATRateServices,2)")
    # the discount: what each unit price less the discount, to the fen, takes off the list
    discount = bom[f"F{find_row(bom, 'C', 'Discount')}"].value
    assert discount.startswith("=ROUND(SUMPRODUCT(D") and "ROUND(E" in discount
    assert "*(1-Discount),2)" in discount
    assert bom.auto_filter.ref.startswith("A5:H")
    assert bom.freeze_panes == "A6"
    assert bom.print_title_rows == "$5:$5"
    assert "¥" in bom[f"E{row}"].number_format
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight in (0, 1), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text
        assert ws.freeze_panes is not None, ws.title
        widths = [d.width for d in ws.column_dimensions.values() if d.width]
        assert widths and all(6 <= w <= 80 for w in widths), ws.title

    # named styles registered once each
    style_names = [s for s in wb.named_styles if s.startswith("cq_")]
    assert len(style_names) == len(set(style_names)) > 10

    # charts: capex by category stacked, TCO over the years
    charts = wb["Comparison"]._charts
    assert [type(c) for c in charts] == [BarChart, LineChart]
    assert charts[0].grouping == "stacked"
    # every configuration named on the capex chart's axis, not every other one
    axis = charts[0].x_axis
    assert axis.tickLblSkip == 1 and axis.tickMarkSkip == 1
    assert axis.txPr.p[0].pPr.defRPr.sz <= 900  # a smaller type: each name keeps to its bar


def test_usd_quote_uses_dollar_format(tmp_path: Path) -> None:
    from engine import Finance, PlanRequest, Schedule, Workload, compare

    comparison = compare(PlanRequest(Workload(preset="gpt3-xl"), Schedule(days=10, lead_time_days=0),
                                     finance=Finance(currency="USD"),
                                     configs=("inspur-nf5688m6-a800",)))
    path = write_quote(comparison, tmp_path / "usd.xlsx")
    wb = openpyxl.load_workbook(path)
    bom = wb[bom_sheet_name(wb, "inspur-nf5688m6-a800")]
    total = find_row(bom, "C", "Grand total (incl. VAT)")
    assert "$" in bom[f"F{total}"].number_format and "¥" not in bom[f"F{total}"].number_format
    in_cny = find_row(bom, "C", "Grand total in CNY")
    assert bom[f"F{in_cny}"].value == f"=F{total}*ExchangeRate"
    assert "¥" in bom[f"F{in_cny}"].number_format


def test_label_tables_cover_the_same_keys() -> None:
    assert codes("en") == {c for c in codes("zh") if not c.startswith(("default-", "leadtime-"))}
    untranslated = [k for k in codes("zh") if k.startswith(("sheet-", "quote-", "col-", "bom-", "rfq-"))
                    and not _CJK.search(t(k, "zh", **dict.fromkeys(placeholders(k, "zh"), 1)))]
    # a few labels are the same in both languages (GPU)
    assert set(untranslated) <= {"col-gpu"}, untranslated



def test_chinese_workbook_speaks_chinese(tmp_path: Path) -> None:
    path = write_quote(hand_comparison(), tmp_path / "zh.xlsx", lang="zh", customer="某某研究院")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["报价汇总", "方案对比", "清单 浪潮 Server · 8× A800 SXM4",
                             "清单 Server · 8× A800 SXM4", "假设", "来源"]  # never an id
    _check_sheet_names(wb.sheetnames)
    summary = wb["报价汇总"]
    assert summary["A1"].value == "AI 训练集群：配置方案与预算报价"
    assert summary["B8"].value == "某某研究院"
    assert summary["C13"].number_format == '"按标价的 "0.0%" 支付"'
    top = find_row(summary, "A", "配置方案", start=find_row(summary, "A", "配置方案") + 1)
    header = [summary.cell(row=top, column=c).value for c in range(1, 13)]
    assert all(_CJK.search(h) for h in header if h != "GPU 型号"), header
    bom = wb["清单 浪潮 Server · 8× A800 SXM4"]
    assert [bom.cell(row=5, column=c).value for c in range(1, 9)] == [
        "序号", "料号", "描述", "数量", "单价", "金额", "厂商", "备注"]
    assert find_row(bom, "C", "总计（含税）")
    assert find_row(bom, "C", "货物增值税") and find_row(bom, "C", "服务增值税")
    assert find_row(bom, "C", "GPU 服务器基础系统")  # the Chinese description of the line
    assert find_row(bom, "B", "计算")
    assert "第 &P 页" in bom.oddFooter.right.text
    assumptions = wb["假设"]
    assert find_row(assumptions, "A", "总计算量（PF/s-天）")
    sources = wb["来源"]
    assert sources["A2"].value.startswith("价格仅供参考")


def test_every_configuration_of_a_comparison(tmp_path: Path,
                                                  comparison: Comparison) -> None:
    path = write_quote(comparison, tmp_path / "all.xlsx", lang="zh", detail="all")
    wb = openpyxl.load_workbook(path)
    priced = [p for p in comparison.plans if p.money is not None]
    # summary, comparison, a BOM each, the recommended configuration's racks, assumptions (and
    # those that differ, side by side), sources
    assert len(wb.sheetnames) == 6 + len(priced) >= 8
    assert wb.sheetnames[2 + len(priced)] == "机柜布置"
    _check_sheet_names(wb.sheetnames)
    for plan in priced:  # every BOM sheet carries every line and the engine's capex as formulas
        bom = wb[bom_sheet_name(wb, plan.config)]
        formulas = [c.value for row in bom.iter_rows(min_col=6, max_col=6) for c in row
                    if isinstance(c.value, str) and c.value.startswith("=")]
        assert len(formulas) >= len(plan.bom) + 8
    assumptions = wb["假设"]
    flops = find_row(assumptions, "A", "总计算量（FLOPs）")
    assert assumptions[f"C{flops}"].value == pytest.approx(comparison.compute.flops)
    pf_days = find_row(assumptions, "A", "总计算量（PF/s-天）")
    assert assumptions[f"C{pf_days}"].value == pytest.approx(comparison.compute.pf_days)
    # every engine assumption appears, for every configuration
    keys = {a.key for p in comparison.plans for a in p.assumptions}
    shown = {assumptions[f"A{r}"].value for r in range(1, assumptions.max_row + 1)}
    assert keys and {Labels("zh").key(k) for k in keys} <= shown
    # Sources: every configuration by its title, and every part of every BOM by its name
    sources = wb["来源"]
    names = {sources[f"A{r}"].value for r in range(1, sources.max_row + 1)}
    assert set(titles(comparison.plans, "zh").values()) <= names
    parts = {part_number(line) for p in priced for line in p.bom} - {""}  # services have none
    shown = {sources[f"B{r}"].value for r in range(1, sources.max_row + 1)}
    assert parts <= shown, parts - shown
    confidence = {sources[f"F{r}"].value for r in range(1, sources.max_row + 1)}
    assert confidence & {"低", "中", "高"}
