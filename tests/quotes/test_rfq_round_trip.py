"""Our own request for quotation, read back as a vendor returns it: unchanged it finds nothing;
a changed price and a changed quantity are found, and nothing else."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from engine import PlanRequest, Schedule, Workload, compare
from engine.export import write_quote
from engine.export.pdf import find_libreoffice
from engine.quotes import read_quote, reconcile
from engine.quotes.arithmetic import check
from engine.quotes.matching import SPARE

SOFFICE = find_libreoffice()
pytestmark = pytest.mark.skipif(SOFFICE is None and not os.environ.get("CI"),
                                reason="needs LibreOffice to save the workbook with its formulas' results")
CONFIG = "inspur-nf5688m7-h800"


@pytest.fixture(scope="module")
def rfq_comparison() -> Any:
    return compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30), configs=(CONFIG,)))


def _saved(book: Path, folder: Path) -> Path:
    """``book`` opened and saved by a spreadsheet program: its formulas now hold their results."""
    assert SOFFICE is not None, "LibreOffice is installed in CI"
    folder.mkdir(exist_ok=True)
    profile = (folder / "profile").as_uri()  # its own profile: another LibreOffice does not block it
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", "xlsx", "--outdir", str(folder), str(book)],
                   check=True, capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
    return folder / book.name


def _rfq(comparison: Any, folder: Path, lang: str) -> Path:
    path = folder / f"rfq-{lang}.xlsx"
    write_quote(comparison, path, kind="rfq", vendor="inspur", lang=lang)
    return path


def _row_of(sheet: Any, part: str) -> int:
    (row,) = [r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value == part]
    return row


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_our_rfq_read_back_unchanged_finds_nothing(rfq_comparison: Any, tmp_path: Path, lang: str) -> None:
    quote = read_quote(_saved(_rfq(rfq_comparison, tmp_path, lang), tmp_path / "saved"))
    rec = reconcile(rfq_comparison, quote)
    assert rec.config == CONFIG
    assert [f.message for f in rec.findings] == []
    assert all(m.item for m in rec.matches), "every line matched"
    spares = [line for line in quote.lines if line.group.endswith(("Spares", "备件"))]
    assert spares and all(str(getattr(rec.match(line.row), "item", "")).startswith(SPARE)
                          for line in spares)
    assert [s.rate for s in quote.sums if s.kind == "tax"] == [0.13, 0.06]  # goods, services
    plan = next(p for p in rfq_comparison.plans if p.config == CONFIG)
    assert rec.computed_total == pytest.approx(plan.money.net, abs=1)
    assert rec.stated_total == pytest.approx(rec.computed_total, abs=1)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_vendors_changed_price_and_quantity_are_found(rfq_comparison: Any, tmp_path: Path,
                                                          lang: str) -> None:
    original = _rfq(rfq_comparison, tmp_path, lang)
    before = reconcile(rfq_comparison, read_quote(_saved(original, tmp_path / "before")))
    book = openpyxl.load_workbook(original)
    sheet = book.active
    switch, mgmt = _row_of(sheet, "MQM9700-NS2F"), _row_of(sheet, "MSN2201-CB2F")
    assert (sheet.cell(switch, 5).value, sheet.cell(mgmt, 4).value) == (360_000, 28)
    sheet.cell(switch, 5).value = 380_000  # the list price, the yellow input column
    sheet.cell(mgmt, 4).value = 29
    edited = tmp_path / "edited" / original.name
    edited.parent.mkdir()
    book.save(edited)
    rec = reconcile(rfq_comparison, read_quote(_saved(edited, tmp_path / "after")))
    found = sorted((f.kind, f.row, f.item, f.expected, f.found) for f in rec.findings)
    assert found == [("price_diff", switch, "ib-switch-qm9700", 360_000, 380_000),
                     ("qty_mismatch", mgmt, "eth-mgmt-sn2201", 28, 29)]
    # 24 switches 20 000 dearer, one more management switch at 36 000
    assert rec.computed_total - before.computed_total == pytest.approx(24 * 20_000 + 36_000, abs=0.01)


def test_several_vat_rows_are_checked_together(tmp_path: Path) -> None:
    def quote(vat_goods: float, total: float) -> Any:
        path = tmp_path / f"q{vat_goods}-{total}.csv"
        path.write_text("Inspur quotation\nCurrency: CNY\nPart number,Description,Qty,Unit price,Total\n"
                        "A1,Switch,2,1000,2000\nS1,Installation,1,1000,1000\n"
                        f"VAT on goods 13%,,,,{vat_goods}\nVAT on services 6%,,,,60\n"
                        f"Total incl. VAT,,,,{total}\n", encoding="utf-8")
        return read_quote(path)

    assert check(quote(260, 3320), 0.13, (0.13, 0.06)) == []
    (wrong_total,) = check(quote(260, 3400), 0.13, (0.13, 0.06))
    assert (wrong_total.kind, wrong_total.row, wrong_total.expected) == ("arithmetic", 8, 3320)
    (too_much_vat,) = check(quote(900, 3960), 0.13, (0.13, 0.06))  # 960 is more than 13% of 3 000
    assert too_much_vat.row == 6 and "6%" in too_much_vat.message and "13%" in too_much_vat.message
