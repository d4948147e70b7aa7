"""The "Import vendor quote" dialog: mapping preview, correction remembered, reconciliation table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.quotes.quote_files import INSPUR, LENOVO, MESSY, plan_as_quoted


@pytest.fixture(scope="module")
def h800() -> Any:
    """The plan as quoted: priced from the snapshot it was saved with."""
    return plan_as_quoted()


@pytest.fixture
def dialog(qtbot: Any, h800: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    from PySide6.QtWidgets import QMessageBox

    from desktop.quote_import import QuoteImportDialog

    shown: list[str] = []
    warn = staticmethod(lambda _parent, _title, text, *a, **k: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", warn)
    d = QuoteImportDialog(h800)
    d.shown_warnings = shown
    qtbot.addWidget(d)
    d.show()
    return d


def test_imports_reconciles_and_compares(dialog: Any, qtmodeltester: Any) -> None:
    assert dialog.add_file(LENOVO) and dialog.add_file(INSPUR)
    assert dialog.chooser.count() == 2 and dialog.current() == 1
    findings = dialog.findings_model
    kinds = sorted(findings.rows[i].kind for i in range(findings.rowCount()))
    assert kinds == ["missing", "missing", "missing", "price_diff", "qty_mismatch"]
    lines = dialog.lines_model
    # the server, its 6 feature lines (the 2 × 200GbE adapter among them) and 44 items (the
    # out-of-band network's 10 m cords the 44th)
    assert lines.rowCount() == 51
    assert lines.data(lines.index(0, 6)) == "inspur-nf5688m7-h800"
    qtmodeltester.check(lines)
    qtmodeltester.check(findings)
    assert dialog.like_table.columnCount() == 2
    normalised_row = dialog.like_table.rowCount() - 2
    assert dialog.like_table.verticalHeaderItem(normalised_row).text() == "Normalised total"
    assert dialog.field_boxes["part_number"].currentText() == "C: 型号"
    assert "Inspur quote IS-BJ-20240820-0032" in dialog.summary.text()


def test_bad_file_is_refused_and_nothing_is_added(dialog: Any, tmp_path: Path) -> None:
    bad = tmp_path / "offer.docx"
    bad.write_bytes(b"PK\x03\x04")
    assert not dialog.add_file(bad)
    assert dialog.chooser.count() == 0 and not dialog.quotes
    assert dialog.shown_warnings == [
        "offer.docx: not a spreadsheet; a quotation must be .xlsx, .csv or a PDF with text, not .docx"]
    assert not dialog.report_button.isEnabled()


def test_mapping_correction_is_applied_and_remembered(dialog: Any) -> None:
    from engine.quotes import read_quote, remembered_mapping

    assert dialog.add_file(MESSY)
    assert dialog.field_boxes["unit_price"].currentText() == "E: 单价 不含税"
    box = dialog.field_boxes["unit_price"]
    box.setCurrentIndex(box.findText("F: 单价 含税"))  # the user picks the VAT-included column
    assert dialog.apply_mapping()
    assert dialog.quotes[0].mapping.origin == "corrected"
    assert dialog.quotes[0].lines[0].unit_price == pytest.approx(2_401_075.60 * 1.13, abs=0.005)
    assert remembered_mapping("Inspur")["unit_price"] == "单价 含税"
    assert read_quote(MESSY).mapping.origin == "remembered"


def test_report_and_learned_prices(dialog: Any, tmp_path: Path, data_dir: Path) -> None:
    assert dialog.add_file(INSPUR)
    report = dialog.save_report(tmp_path / "r.xlsx")
    assert report is not None and report.is_file()
    learned = dialog.learn(confirm=False)
    assert learned == data_dir / "prices.csv" and "Prices learned into" in dialog.summary.text()


def test_comparison_window_offers_the_import(window: Any, comparison: Any) -> None:
    assert not window.import_quote_action.isEnabled()  # nothing planned yet
    assert window.import_quote_action.text() == "&Import vendor quote…"


def test_a_plan_with_nothing_feasible_refuses_the_quote(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.quote_import import QuoteImportDialog
    from engine.compare import compare
    from engine.model import PlanRequest, Schedule, Workload

    shown: list[str] = []
    warn = staticmethod(lambda _parent, _title, text, *a, **k: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", warn)
    refused = compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(gpus=8),
                                  configs=("inspur-nf5688m7-h800",)))
    d = QuoteImportDialog(refused)
    qtbot.addWidget(d)
    assert not d.add_file(INSPUR) and not d.quotes
    assert shown == ["inspur_quotation_zh.xlsx: the plan has no feasible configuration to reconcile a "
                     "quotation with"]


def test_learning_prices_asks_first(dialog: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def no(_parent: Any, _title: str, text: str, *a: Any, **k: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(no))
    assert dialog.add_file(INSPUR)
    assert dialog.learn() is None and not (data_dir / "prices.csv").exists()
    # one price per item: the server; QM9700, 10 m and 30 m fibre, DAC, HCA-end transceiver, SN2700,
    # SN2201; the switch-end transceiver (quoted only as a spare); AS13000 and its AOC; NF5280M7,
    # UFM appliance, Cat6A 3 m and 10 m; rack and PDU; UFM licence; installation, fabric commissioning,
    # acceptance, storage commissioning, software deployment; the spare HCA (24); and the lines a
    # vendor's quote carries: SN3700, 200GbE AOC, border firewall, C19 and C13 cords, rail kit,
    # patch panel, MPO cassette, cable tray, blanking, UPS per kW, storage renewal, spare PSU,
    # fan, DIMM and drive (16 more: 40). Project management and logistics are rated by value,
    # not list prices: not learned
    assert asked and asked[0].startswith("Put 40 quoted prices into your price list?")


def test_the_configuration_is_shown_and_the_users_to_change(dialog: Any) -> None:
    assert dialog.add_file(INSPUR)
    box = dialog.config_box
    assert box.currentData() == "inspur-nf5688m7-h800" and dialog.recs[0].chosen_by != "user"
    other = box.findData("lenovo-sr680av3-h800")
    box.setCurrentIndex(other)
    box.activated.emit(other)
    assert (dialog.recs[0].config, dialog.recs[0].chosen_by) == ("lenovo-sr680av3-h800", "user")
    assert dialog.chosen_label.text() == "(your choice)"
    assert "reconciled with lenovo-sr680av3-h800" in dialog.summary.text()


def test_hostile_quotations_are_imported_or_refused_with_one_dialog(
    dialog: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.fuzz.hostile_quotes import CRASHES

    for name, make in sorted(CRASHES.items()):
        assert dialog.add_file(make(tmp_path / f"{name}.xlsx")), dialog.last_error
    assert dialog.chooser.count() == len(CRASHES) and not dialog.shown_warnings
    import desktop.quote_import as module

    def broken(*_a: Any, **_k: Any) -> Any:  # whatever a reader lets escape is still a dialog
        return 1 / 0

    monkeypatch.setattr(module, "read_quote", broken)
    assert not dialog.add_file(LENOVO)
    assert len(dialog.shown_warnings) == 1 and LENOVO.name in dialog.shown_warnings[0]
    assert "\n" not in dialog.shown_warnings[0]
