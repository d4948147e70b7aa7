"""Hand-made quotations in the layouts vendors send, each with errors planted on purpose:
every planted error is found, nothing else is reported, against the right configuration."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import chinese_layout
import openpyxl
import pytest
from make_quotes import PLANTED
from quote_files import LENOVO

from engine.quotes import read_quote, reconcile
from engine.quotes.matching import has_cjk


def _plan(comparison: Any, config: str) -> Any:
    return next(p for p in comparison.plans if p.config == config)


def test_an_ordinary_chinese_quotation(comparison: Any, tmp_path: Path) -> None:
    path, planted = chinese_layout.write(_plan(comparison, chinese_layout.CONFIG), tmp_path / "报价单.xlsx")
    quote = read_quote(path)
    assert quote.quote_no == "IEIT-BJ-20261201-07" and quote.vat_basis == "excluded"
    rec = reconcile(comparison, quote)
    assert (rec.config, rec.chosen_by) == (chinese_layout.CONFIG, "server_line")
    found = sorted(((f.kind, f.row, f.item) for f in rec.findings), key=lambda p: (p[1] or 0, p[0]))
    assert found == planted, "\n".join(f.message for f in rec.findings)
    _speaks_chinese(rec)
    by_item = {f.item: f.text("zh") for f in rec.findings if f.item}
    # named by description and part number, as the buyer knows them
    assert by_item["eth-mgmt-sn2201"].startswith("第 17 行：NVIDIA SN2201 管理交换机")
    sn2201 = by_item["eth-mgmt-sn2201"]
    assert "（MSN2201-CB2F） 不含税单价 38,000.00 CNY，方案价格 36,000.00（+5.6%）" in sn2201
    assert by_item["install-rack"] == "方案中有 机柜安装（就位、PDU、接地），每柜 × 21，报价中没有"
    (total,) = [f for f in rec.findings if f.kind == "arithmetic" and f.found == f.expected + 55_555]
    assert "相差 55,555.00" in total.text("zh") and total.text("zh").startswith("第 ")


def _speaks_chinese(rec: Any) -> None:
    """Every finding reads in Chinese and names no internal id of the plan."""
    ids = {m.item for m in rec.matches if m.item} | {f.item for f in rec.findings if f.item}
    for f in rec.findings:
        text = f.text("zh")
        assert has_cjk(text), text
        assert not [i for i in ids if i in text.replace(f.part("zh"), "")], text
        assert f.part("zh") not in ids or not f.item, f.part("zh")


def test_spares_folded_into_the_installed_lines_compare_pooled(comparison: Any, tmp_path: Path) -> None:
    """The same quotation without its 七、备品备件 section, each part's spares added to its
    installed line: compared with the plan's installed plus spares, nothing is missing."""
    plan = _plan(comparison, chinese_layout.CONFIG)
    path, planted = chinese_layout.write(plan, tmp_path / "folded.xlsx", fold_spares=True)
    rec = reconcile(comparison, read_quote(path))
    found = sorted(((f.kind, f.row, f.item) for f in rec.findings), key=lambda p: (p[1] or 0, p[0]))
    assert found == planted, "\n".join(f.message for f in rec.findings)
    # the HCA is no installed line of the plan (it sits inside the server): its spares stay apart
    assert not any(f.kind == "missing" and f.item.startswith("spare:") for f in rec.findings)


@pytest.mark.parametrize("summed", [False, True], ids=["total-from-prices", "total-from-line-totals"])
def test_a_dcsc_export_with_a_10000_slip_in_one_line_total(comparison: Any, tmp_path: Path,
                                                           summed: bool) -> None:
    """The DCSC export of the samples, its server line's total 10 000 too high: that line is
    the one new finding, whether the vendor's total adds the slip or not."""
    book = openpyxl.load_workbook(LENOVO)
    sheet = book.active
    assert (sheet["C8"].value, sheet["D8"].value, sheet["E8"].value) == (35, 331_892, 11_616_220)
    sheet["E8"].value = 11_626_220
    total = next(r for r in range(sheet.max_row, 0, -1) if sheet.cell(r, 5).value)
    if summed:
        sheet.cell(total, 5).value += 10_000
    path = tmp_path / "dcsc.xlsx"
    book.save(path)
    rec = reconcile(comparison, read_quote(path))
    found = sorted((f.kind, f.row or 0, f.item) for f in rec.findings)
    planted = [*PLANTED[LENOVO.name], ("arithmetic", 8, "")]
    assert found == sorted((k, r or 0, i) for k, r, i in planted)
    (slip,) = [f for f in rec.findings if f.kind == "arithmetic"]
    assert (slip.expected, slip.found) == (11_616_220, 11_626_220)
