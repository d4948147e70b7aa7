"""Our own request for quotation, read back as a vendor returns it: unchanged it finds nothing;
a changed price and a changed quantity are found, and nothing else. With a discount in the
plan, the RFQ's prices excluding VAT are net (list × (1 − Discount)) and compare with the
plan's list prices less its discount."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from engine import Finance, PlanRequest, Schedule, Workload, compare
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
    # a fixed fleet of 384 H800s (the 30-day plan before team profiles and confidence): the
    # quantities below are this fleet's; the performance model is not what is tested here
    return compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(gpus=384), configs=(CONFIG,)))


@pytest.fixture(scope="module")
def discounted() -> Any:
    """The same plan at a 15% discount (85折): its BOM keeps list prices, the total is net."""
    return compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(gpus=384), configs=(CONFIG,),
                               finance=Finance(discount=0.15)))


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
    write_quote(comparison, path, kind="rfq", prices="list", vendor="inspur", lang=lang)
    return path


def _row_of(sheet: Any, part: str) -> int:
    (row,) = [r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value == part]
    return row


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_our_rfq_read_back_unchanged_finds_nothing(rfq_comparison: Any, tmp_path: Path, lang: str) -> None:
    quote = read_quote(_saved(_rfq(rfq_comparison, tmp_path, lang), tmp_path / "saved"))
    rec = reconcile(rfq_comparison, quote)
    assert (rec.config, rec.chosen_by, quote.config_id) == (CONFIG, "rfq", CONFIG)
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
    # 4 out-of-band access switches take the management ports of the plan's 28 racks
    assert (sheet.cell(switch, 5).value, sheet.cell(mgmt, 4).value) == (360_000, 4)
    sheet.cell(switch, 5).value = 380_000  # the list price, the yellow input column
    sheet.cell(mgmt, 4).value = 5
    edited = tmp_path / "edited" / original.name
    edited.parent.mkdir()
    book.save(edited)
    rec = reconcile(rfq_comparison, read_quote(_saved(edited, tmp_path / "after")))
    found = sorted((f.kind, f.row, f.item, f.expected, f.found) for f in rec.findings)
    assert found == [("price_diff", switch, "ib-switch-qm9700", 360_000, 380_000),
                     ("qty_mismatch", mgmt, "eth-mgmt-sn2201", 4, 5)]
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


def _edited(original: Path, folder: Path, edit: Any) -> Path:
    """``original`` changed by ``edit(book, sheet)`` as a vendor would, then saved by LibreOffice."""
    book = openpyxl.load_workbook(original)
    edit(book, book.active)
    edited = folder / "edited" / original.name
    edited.parent.mkdir(parents=True)
    book.save(edited)
    return _saved(edited, folder / "after")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_discounted_rfq_read_back_unchanged_finds_nothing(discounted: Any, tmp_path: Path,
                                                            lang: str) -> None:
    rec = reconcile(discounted, read_quote(_saved(_rfq(discounted, tmp_path, lang), tmp_path / "saved")))
    assert (rec.plan_discount, rec.list_prices) == (0.15, False)  # net prices, no discount row
    assert [f.message for f in rec.findings] == []
    plan = next(p for p in discounted.plans if p.config == CONFIG)
    assert plan.money.discount_rate == 0.15
    assert rec.computed_total == pytest.approx(plan.money.net, abs=1)
    assert rec.stated_total == pytest.approx(rec.computed_total, abs=1)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_changed_list_price_under_a_discount_is_one_net_price_difference(
        discounted: Any, tmp_path: Path, lang: str) -> None:
    original = _rfq(discounted, tmp_path, lang)
    before = reconcile(discounted, read_quote(_saved(original, tmp_path / "before")))
    switch = _row_of(openpyxl.load_workbook(original).active, "MQM9700-NS2F")

    def dearer(book: Any, sheet: Any) -> None:
        assert sheet.cell(switch, 5).value == 360_000
        sheet.cell(switch, 5).value = 380_000  # the list price, the yellow input column

    rec = reconcile(discounted, read_quote(_edited(original, tmp_path, dearer)))
    (finding,) = rec.findings
    # both net: the plan's 360 000 less 15% is 306 000; the vendor's 380 000 less 15% is 323 000
    assert (finding.kind, finding.row, finding.item) == ("price_diff", switch, "ib-switch-qm9700")
    assert (finding.expected, finding.found) == (306_000, 323_000)
    assert "after its 15% discount" in finding.message and "+5.6%" in finding.message
    # 24 switches, each 20 000 dearer at list, 17 000 net
    assert rec.computed_total - before.computed_total == pytest.approx(24 * 17_000, abs=0.01)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_vendors_larger_discount_shows_on_every_priced_line(discounted: Any, tmp_path: Path,
                                                              lang: str) -> None:
    original = _rfq(discounted, tmp_path, lang)

    def twenty_off(book: Any, sheet: Any) -> None:
        ((title, cell),) = book.defined_names["Discount"].destinations
        assert book[title][cell].value == 0.15
        book[title][cell].value = 0.20

    quote = read_quote(_edited(original, tmp_path, twenty_off))
    rec = reconcile(discounted, quote)
    priced = [line.row for line in quote.items if line.unit_price]
    assert sorted(f.row for f in rec.findings) == priced
    for f in rec.findings:  # 80% of list against the plan's 85%: (0.80 − 0.85) / 0.85 = −5.88%
        assert f.kind == "price_diff" and "-5.9%" in f.message
        assert isinstance(f.expected, float) and isinstance(f.found, float)
        assert f.found / f.expected == pytest.approx(0.80 / 0.85, abs=1e-4)
    # the switch, by hand: list 360 000, the plan's 306 000, the vendor's 288 000
    switch = next(f for f in rec.findings if f.item == "ib-switch-qm9700")
    assert (switch.expected, switch.found) == (306_000, 288_000)
    # the total: 5% more off the gross (list) total than the plan's 15%
    plan = next(p for p in discounted.plans if p.config == CONFIG)
    gross = plan.money.hardware + plan.money.services
    assert rec.computed_total == pytest.approx(plan.money.net - 0.05 * gross, abs=1)
    assert rec.computed_total == pytest.approx(0.80 * gross, abs=1)


def test_an_rfq_of_one_of_two_alike_configurations_reconciles_with_the_one_asked(tmp_path: Path) -> None:
    """NF5688M6 with A800 or A100: one vendor, one server, most part numbers shared. The RFQ
    for the A800 comes back against the A800 (its configuration id), unchanged: no finding."""
    from engine.naming import rfq_reference

    a800, a100 = "inspur-nf5688m6-a800", "inspur-nf5688m6-a100"
    twins = compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=60, lead_time_days=0),
                                configs=(a800, a100)))
    path = tmp_path / "rfq.xlsx"
    write_quote(twins, path, kind="rfq", prices="list", vendor="inspur", lang="zh", quote_no="RFQ-2026-017",
                detail=(a800,))
    quote = read_quote(_saved(path, tmp_path / "saved"))
    # the number the RFQ printed for the A800: the RFQ's and the configuration's code
    assert (quote.rfq_no, quote.config_id) == (rfq_reference("RFQ-2026-017", a800), a800)
    rec = reconcile(twins, quote)
    assert (rec.config, rec.chosen_by) == (a800, "rfq")
    assert [f.message for f in rec.findings] == []


def _priced_by_vendor(comparison: Any, folder: Path, lang: str,
                      change: dict[str, float]) -> tuple[Path, dict[str, int]]:
    """Our RFQ as sent (blank prices), priced by a vendor: each line's unit price typed into
    the blank column, the plan's except ``change`` (part number -> price)."""
    original = folder / f"blank-{lang}.xlsx"
    folder.mkdir()
    write_quote(comparison, original, kind="rfq", vendor="inspur", lang=lang)
    plan = next(p for p in comparison.plans if p.config == CONFIG)
    prices = {b.part_number: b.unit_price for b in plan.bom}
    rows: dict[str, int] = {}

    def price(book: Any, sheet: Any) -> None:
        for r in range(1, sheet.max_row + 1):
            part = sheet.cell(r, 2).value
            if part in prices and sheet.cell(r, 4).value is not None:
                assert sheet.cell(r, 5).value in (None, "")  # sent blank
                sheet.cell(r, 5).value = change.get(part, prices[part])
                rows[part] = r

    return _edited(original, folder, price), rows


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_our_blank_rfq_priced_by_a_vendor(rfq_comparison: Any, tmp_path: Path, lang: str) -> None:
    unchanged, _ = _priced_by_vendor(rfq_comparison, tmp_path / "same", lang, {})
    rec = reconcile(rfq_comparison, read_quote(unchanged))
    assert (rec.config, rec.chosen_by) == (CONFIG, "rfq")
    assert [f.message for f in rec.findings] == []
    changed, rows = _priced_by_vendor(rfq_comparison, tmp_path / "changed", lang,
                                      {"MQM9700-NS2F": 380_000})
    rec = reconcile(rfq_comparison, read_quote(changed))
    found = [(f.kind, f.row, f.item, f.expected, f.found) for f in rec.findings]
    assert found == [("price_diff", rows["MQM9700-NS2F"], "ib-switch-qm9700", 360_000, 380_000)]
