"""The discount's price factor, the export dialog, and PDF through LibreOffice or Qt."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from desktop import i18n
from desktop.discount_field import attach_price_factor, discount_parser
from desktop.fields import ValueField
from desktop.pdf_fonts import cjk_font_available
from desktop.quote_export import ExportDialog, ExportSettings, write_pdf
from engine.export.pdf import find_libreoffice
from engine.export.safe import ExportError


def _discount_field(qtbot) -> tuple[ValueField, object]:  # type: ignore[no-untyped-def]
    field = ValueField(discount_parser(), optional=True)
    qtbot.addWidget(field)
    return field, attach_price_factor(field)


@pytest.mark.parametrize(("typed", "share_off", "shown"), [
    ("0.15", 0.15, "Pay 85% of list (15% off)"),
    ("15%", 0.15, "Pay 85% of list (15% off)"),
    ("85折", 0.15, "Pay 85% of list (15% off)"),  # Chinese input, English words back
    ("0.1", 0.1, "Pay 90% of list (10% off)"),
    ("0.125", 0.125, "Pay 87.5% of list (12.5% off)"),
    ("", None, "Pay 100% of list (no discount)"),
])
def test_english_discount_field_shows_the_price_paid(qtbot, typed: str, share_off: float,  # type: ignore[no-untyped-def]
                                                     shown: str) -> None:
    field, label = _discount_field(qtbot)
    field.setText(typed)
    assert field.value() == pytest.approx(share_off)
    assert label.text() == shown  # type: ignore[attr-defined]
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in label.text())  # no Chinese in English


def test_chinese_discount_field_accepts_zhe_and_says_it(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    try:
        i18n.install_translators(qapp, "zh_CN")
        field, label = _discount_field(qtbot)
        field.setText("八五折")
        assert field.value() == pytest.approx(0.15)  # pay 85%: 15% off, never 85% off
        assert label.text() == "按标价的 85% 支付（85折）"  # type: ignore[attr-defined]
        field.setText("")
        assert label.text() == "按标价的 100% 支付（不打折）"  # type: ignore[attr-defined]
        field.setText("85折")
        field.setText("85")  # ambiguous: 85% off or 85折? the field says what it takes
        assert field.value() is None
        assert "85折" in field.error() and "减免" in field.error()
    finally:
        i18n.install_translators(qapp, "en")


def test_export_dialog_remembers_buyer_kind_vendor_and_terms(qtbot, settings, comparison,  # type: ignore[no-untyped-def]
                                                             tmp_path: Path) -> None:
    remembered = ExportSettings(settings.qsettings)
    dialog = ExportDialog(comparison, remembered, customer="Acme")
    qtbot.addWidget(dialog)
    assert dialog.buyer_edits["company"].text() == "Acme"
    dialog.kind.setCurrentIndex(dialog.kind.findData("rfq"))
    assert dialog.vendor.currentData() in ("lenovo", "inspur")  # an RFQ goes to one vendor
    dialog.vendor.setCurrentIndex(dialog.vendor.findData("inspur"))
    dialog.buyer_edits["contact"].setText("李明")
    terms = tmp_path / "terms.toml"
    terms.write_text("[terms]\ndelivery_days = 21\n", encoding="utf-8")
    dialog.terms.setText(str(terms))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    options = dialog.options()
    assert options["kind"] == "rfq" and options["vendor"] == "inspur"
    assert options["buyer"].contact == "李明" and options["terms"].delivery_days == 21

    again = ExportDialog(comparison, ExportSettings(settings.qsettings))
    qtbot.addWidget(again)
    assert again.kind.currentData() == "rfq" and again.vendor.currentData() == "inspur"
    assert again.buyer_edits["company"].text() == "Acme"
    assert again.buyer_edits["contact"].text() == "李明"
    assert again.terms.text() == str(terms)


def test_export_dialog_details_the_vendors_configurations(qtbot, settings, comparison) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(comparison, ExportSettings(settings.qsettings))
    qtbot.addWidget(dialog)
    assert dialog.detail.currentData() == "shortlist"
    assert dialog.options()["detail"] == "shortlist"
    inspur = next(p for p in comparison.plans if p.vendor == "Inspur" and p.money is not None)
    lenovo = next(p for p in comparison.plans if p.vendor == "Lenovo" and p.money is not None)
    dialog.kind.setCurrentIndex(dialog.kind.findData("rfq"))
    dialog.vendor.setCurrentIndex(dialog.vendor.findData("inspur"))
    model = dialog.detail.model()
    assert not model.item(dialog.detail.findData(lenovo.config)).isEnabled()  # another vendor's
    dialog.detail.setCurrentIndex(dialog.detail.findData(inspur.config))
    assert dialog.options()["detail"] == [inspur.config]
    dialog.vendor.setCurrentIndex(dialog.vendor.findData("lenovo"))  # its choice falls back
    assert dialog.detail.currentData() == "shortlist"
    dialog.detail.setCurrentIndex(dialog.detail.findData("all"))
    dialog.accept()
    again = ExportDialog(comparison, ExportSettings(settings.qsettings))
    qtbot.addWidget(again)
    assert again.detail.currentData() == "all"


def test_a_bad_terms_file_keeps_the_dialog_open(qtbot, settings, comparison,  # type: ignore[no-untyped-def]
                                                tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[terms]\nvalidity_days = -1\n", encoding="utf-8")
    dialog = ExportDialog(comparison, ExportSettings(settings.qsettings))
    qtbot.addWidget(dialog)
    dialog.terms.setText(str(bad))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "validity_days" in dialog.problem.text()


def _text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils reads the PDF back")
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize("use_libreoffice", [False, True])
def test_pdf_of_an_inspur_rfq(qapp, comparison, tmp_path: Path, use_libreoffice: bool) -> None:  # type: ignore[no-untyped-def]
    if use_libreoffice and find_libreoffice() is None:
        pytest.skip("LibreOffice is not installed")
    target = tmp_path / "rfq.pdf"
    if not use_libreoffice and not cjk_font_available():  # a fresh machine: Qt would drop every glyph
        with pytest.raises(ExportError, match=r"no Chinese font to draw it; install a Chinese font"):
            write_pdf(comparison, target, use_libreoffice=False, kind="rfq", vendor="inspur", lang="zh",
                      quote_no="RFQ-9")
        assert not target.exists()
        return
    path, renderer = write_pdf(comparison, target, use_libreoffice=use_libreoffice, kind="rfq",
                               vendor="inspur", lang="zh", quote_no="RFQ-9")
    assert renderer == ("LibreOffice" if use_libreoffice else "Qt")
    assert path.read_bytes().startswith(b"%PDF")
    text = "".join(_text(path).split())
    assert "询价单" in text and "含税合计" in text and "RFQ-9" in text
    assert "元" in text and ("整" in text or "分" in text or "角" in text)  # the amount in words
    assert "lenovo" not in text.lower()


def test_back_to_the_comparison_after_an_rfq_holds_every_vendor(qtbot, settings, comparison) -> None:  # type: ignore[no-untyped-def]
    """After an Inspur RFQ, the internal comparison holds every vendor again: the vendor box
    goes back to all and is disabled; the RFQ's prices are blank unless asked."""
    dialog = ExportDialog(comparison, ExportSettings(settings.qsettings))
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("rfq"))
    dialog.vendor.setCurrentIndex(dialog.vendor.findData("inspur"))
    assert dialog.options()["prices"] == "blank" and dialog.prices.isEnabled()
    dialog.prices.setCurrentIndex(dialog.prices.findData("target"))
    assert dialog.options()["prices"] == "target"
    dialog.kind.setCurrentIndex(dialog.kind.findData("comparison"))
    options = dialog.options()
    assert options["vendor"] is None and dialog.vendor.currentData() == ""
    assert not dialog.vendor.isEnabled() and not dialog.prices.isEnabled()
    dialog.kind.setCurrentIndex(dialog.kind.findData("rfq"))
    assert dialog.options()["vendor"] in ("inspur", "lenovo")


def test_without_a_chinese_font_qt_refuses_a_chinese_pdf_and_writes_an_english_one(
    qapp, comparison, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import desktop.pdf_fonts as fonts

    monkeypatch.setattr(fonts, "cjk_font_available", lambda: False)  # as on a fresh machine
    with pytest.raises(ExportError, match=r"rfq\.pdf: it holds Chinese text .*fonts-noto-cjk"):
        write_pdf(comparison, tmp_path / "rfq.pdf", use_libreoffice=False, kind="rfq", vendor="inspur",
                  lang="zh", quote_no="RFQ-9")
    assert not (tmp_path / "rfq.pdf").exists()
    # an English quote in USD holds no Chinese (in CNY it has the amount in Chinese words)
    from engine import compare
    from engine.model import Finance, PlanRequest, Schedule, Workload

    in_usd = compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30.0),
                                 finance=Finance(currency="USD")))
    path, renderer = write_pdf(in_usd, tmp_path / "en.pdf", use_libreoffice=False, lang="en", quote_no="Q-1")
    assert renderer == "Qt" and path.read_bytes().startswith(b"%PDF")
