"""Hand-made quotations in the layouts vendors send, each with errors planted on purpose:
every planted error is found, nothing else is reported, against the right configuration."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from engine.export.pdf import find_libreoffice
from engine.quotes import QuoteError, read_quote, reconcile
from tests.fixtures.quotes.make_quotes import PLANTED
from tests.quotes import chinese_layout
from tests.quotes.quote_files import LENOVO

SOFFICE = find_libreoffice()


def has_cjk(text: str) -> bool:
    return re.search(r"[\u4e00-\u9fff]", text) is not None


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


def _pdf_of(book_path: Path, folder: Path) -> Path:
    """``book_path`` printed to PDF by LibreOffice, as a vendor prints a quotation to stamp it."""
    assert SOFFICE is not None
    folder.mkdir(exist_ok=True)
    profile = (folder / "profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(folder), str(book_path)],
                   check=True, capture_output=True, timeout=180, stdin=subprocess.DEVNULL)
    return folder / book_path.with_suffix(".pdf").name


def _ruled(path: Path) -> Path:
    """The quotation laid out to print: ruled table, columns wide enough, one page wide."""
    from openpyxl.styles import Border, Side

    book = openpyxl.load_workbook(path)
    ws = book.active
    thin = Side(style="thin")
    header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "序号")
    last = max(r for r in range(1, ws.max_row + 1) if ws.cell(r, 8).value is not None)
    for row in ws.iter_rows(min_row=header, max_row=last, max_col=9):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            if cell.column in (7, 8) and isinstance(cell.value, float):
                cell.number_format = "#,##0.00"
    for col, width in zip("ABCDEFGHI", (7, 16, 20, 62, 8, 6, 16, 18, 6), strict=True):
        ws.column_dimensions[col].width = width
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    book.save(path)
    return path


@pytest.mark.skipif(SOFFICE is None and not os.environ.get("CI"),
                    reason="needs LibreOffice to print the quotation to PDF")
def test_the_chinese_quotation_as_a_text_pdf(comparison: Any, tmp_path: Path) -> None:
    """The same quotation printed to PDF: read through its text layer, the same five
    findings, in Chinese, against the same configuration."""
    book, planted = chinese_layout.write(_plan(comparison, chinese_layout.CONFIG), tmp_path / "报价单.xlsx")
    pdf = _pdf_of(_ruled(book), tmp_path / "pdf")
    quote = read_quote(pdf)
    assert quote.quote_no == "IEIT-BJ-20261201-07" and quote.vendor == "Inspur"
    rec = reconcile(comparison, quote)
    assert (rec.config, rec.chosen_by) == (chinese_layout.CONFIG, "server_line")
    from_pdf = sorted((f.kind, f.item, f.expected, f.found) for f in rec.findings)
    from_xlsx = sorted((f.kind, f.item, f.expected, f.found)
                       for f in reconcile(comparison, read_quote(book)).findings)
    assert from_pdf == from_xlsx, "\n".join(f.message for f in rec.findings)
    assert len(from_pdf) == len(planted)
    _speaks_chinese(rec)


def test_a_scanned_pdf_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    """A PDF whose page is an image (no text layer) says so; nothing is guessed."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter

    image = QImage(QSize(400, 300), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    path = tmp_path / "扫描件.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawImage(0, 0, image)
    painter.end()
    with pytest.raises(QuoteError, match=r"扫描件\.pdf: the PDF has no text, only images of its pages"):
        read_quote(path)
