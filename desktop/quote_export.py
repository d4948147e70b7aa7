"""Export the quote: a dialog for its kind, vendor, buyer and terms, then .xlsx or PDF.

The dialog remembers the buyer, the terms file, the kind and the vendor in the app's
settings. PDF comes from LibreOffice when it is installed (the workbook exactly as it
prints); otherwise Qt lays out the same content from HTML (QTextDocument → QPdfWriter).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QSaveFile, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.pairing import by_vendor, config_label, vendor_name
from desktop.settings import Setting
from engine.bounds import limit
from engine.export import ExportError, quote_as_html, vendors, write_quote
from engine.export.pdf import find_libreoffice, xlsx_to_pdf
from engine.export.terms import BUYER_FIELDS, Buyer, TermsError, buyer_text, load_terms, parse_buyer
from engine.model import Comparison

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from desktop.session import PlanSession
    from desktop.settings import Settings


class ExportSettings:
    """What the export dialog remembers, in the app's settings file."""

    buyer: Setting[str] = Setting("export/buyer", str, "")
    terms_file: Setting[str] = Setting("export/terms_file", str, "")
    kind: Setting[str] = Setting("export/kind", str, "comparison")
    vendor: Setting[str] = Setting("export/vendor", str, "")
    detail: Setting[str] = Setting("export/detail", str, "shortlist")

    def __init__(self, qsettings: QSettings) -> None:
        self.qsettings = qsettings


class ExportDialog(QDialog):
    """Kind (internal comparison or RFQ to one vendor), vendor, the buyer's letterhead, terms."""

    def __init__(self, comparison: Comparison, remembered: ExportSettings, *, customer: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export quote"))
        self.remembered = remembered
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        self.kind.addItem(self.tr("Internal comparison (every configuration)"), "comparison")
        self.kind.addItem(self.tr("Request for quotation (one vendor, to send)"), "rfq")
        self.vendor = QComboBox(self)
        self.vendor.setObjectName("vendor")
        self.vendor.addItem(self.tr("All vendors"), "")
        for name in vendors(comparison):
            self.vendor.addItem(vendor_name(name.capitalize()), name)  # 联想, 浪潮 in Chinese
        self.detail = QComboBox(self)  # which configurations get a BOM or a quotation sheet
        self.detail.setObjectName("detail")
        self.detail.addItem(self.tr("Shortlist: the recommendation and each vendor's best"),
                            "shortlist")
        self.detail.addItem(self.tr("Every configuration"), "all")
        self.vendor_of: dict[str, str] = {}
        for plan in by_vendor([p for p in comparison.plans if p.money is not None]):
            self.detail.addItem(self.tr("Only %1").replace("%1", config_label(plan)), plan.config)
            self.vendor_of[plan.config] = plan.vendor.lower()
        # an RFQ's price columns: blank for the vendor (the default), the plan's target (net)
        # prices, or its list prices and discount
        self.prices = QComboBox(self)
        self.prices.setObjectName("rfqPrices")
        self.prices.addItem(self.tr("Blank, for the vendor to fill in"), "blank")
        self.prices.addItem(self.tr("The plan's target (net) prices"), "target")
        self.prices.addItem(self.tr("The plan's list prices and discount"), "list")
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Vendor:"), self.vendor)
        form.addRow(self.tr("RFQ prices:"), self.prices)
        form.addRow(self.tr("In detail:"), self.detail)
        layout.addLayout(form)

        buyer_box = QGroupBox(self.tr("Buyer (letterhead)"), self)
        buyer_form = QFormLayout(buyer_box)
        labels = {"company": self.tr("Company:"), "department": self.tr("Department:"),
                  "contact": self.tr("Contact:"), "phone": self.tr("Phone:"),
                  "email": self.tr("E-mail:"), "address": self.tr("Address:")}
        self.buyer_edits: dict[str, QLineEdit] = {}
        for name in BUYER_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"buyer_{name}")
            edit.setMaxLength(limit(f"text.buyer_{name}"))  # resources/bounds.toml
            buyer_form.addRow(labels[name], edit)
            self.buyer_edits[name] = edit
        layout.addWidget(buyer_box)

        terms_row = QHBoxLayout()
        self.terms = QLineEdit(self)
        self.terms.setObjectName("termsFile")
        self.terms.setPlaceholderText(self.tr("shipped terms (resources/quote_terms.toml)"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose_terms)
        terms_row.addWidget(self.terms)
        terms_row.addWidget(browse)
        form2 = QFormLayout()
        form2.addRow(self.tr("Terms file:"), terms_row)
        layout.addLayout(form2)
        self.problem = QLabel(self)
        self.problem.setObjectName("exportProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.vendor.currentIndexChanged.connect(self._vendor_changed)
        self._restore(customer)

    def _restore(self, customer: str) -> None:
        r = self.remembered
        self.kind.setCurrentIndex(max(self.kind.findData(r.kind), 0))
        self.vendor.setCurrentIndex(max(self.vendor.findData(r.vendor), 0))
        self.detail.setCurrentIndex(max(self.detail.findData(r.detail), 0))
        try:
            buyer = parse_buyer(r.buyer)
        except TermsError:
            buyer = Buyer()
        if customer and not buyer.company:
            buyer = Buyer(**{**buyer.__dict__, "company": customer})
        for name, edit in self.buyer_edits.items():
            edit.setText(getattr(buyer, name))
        self.terms.setText(r.terms_file)
        self._kind_changed()

    def _kind_changed(self) -> None:
        """An RFQ goes to one vendor; the internal comparison always holds every vendor (a
        vendor left from an RFQ would silently drop the others from it)."""
        rfq = self.kind.currentData() == "rfq"
        if rfq and not self.vendor.currentData() and self.vendor.count() > 1:
            self.vendor.setCurrentIndex(max(self.vendor.findData(self.remembered.vendor), 1))
        if not rfq:
            self.vendor.setCurrentIndex(0)
        self.vendor.model().item(0).setEnabled(not rfq)  # type: ignore[attr-defined]
        self.vendor.setEnabled(rfq)
        self.prices.setEnabled(rfq)
        self._vendor_changed()

    def _vendor_changed(self) -> None:
        """Only the chosen vendor's configurations can be detailed."""
        vendor = self.vendor.currentData()
        model = self.detail.model()
        for i in range(2, self.detail.count()):
            own = not vendor or self.vendor_of.get(self.detail.itemData(i)) == vendor
            model.item(i).setEnabled(own)  # type: ignore[attr-defined]
            if not own and self.detail.currentIndex() == i:
                self.detail.setCurrentIndex(0)

    def _choose_terms(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Terms file"), self.terms.text(),
                                              self.tr("TOML files (*.toml)"))
        if name:
            self.terms.setText(name)

    def buyer(self) -> Buyer:
        return Buyer(**{name: edit.text().strip() for name, edit in self.buyer_edits.items()})

    def options(self) -> dict[str, Any]:
        """Keyword arguments for write_quote / quote_as_html; TermsError when the file is bad."""
        terms_path = self.terms.text().strip()
        _, terms = load_terms(Path(terms_path) if terms_path else None)
        detail = self.detail.currentData()
        rfq = self.kind.currentData() == "rfq"
        return {"kind": self.kind.currentData(),
                "vendor": (self.vendor.currentData() or None) if rfq else None,
                "prices": self.prices.currentData() if rfq else "blank",
                "buyer": self.buyer(), "terms": terms,
                "detail": detail if detail in ("shortlist", "all") else [detail]}

    def accept(self) -> None:
        try:
            self.options()
        except TermsError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            return
        r = self.remembered
        r.kind = str(self.kind.currentData())
        r.vendor = str(self.vendor.currentData() or "")
        r.detail = str(self.detail.currentData())
        r.buyer = buyer_text(self.buyer())
        r.terms_file = self.terms.text().strip()
        super().accept()


def html_to_pdf(html: str, target: Path) -> Path:
    """Qt's layout of ``html`` on A4 landscape pages, written through QSaveFile."""
    from desktop.pdf_fonts import missing_font_for

    problem = missing_font_for(html)  # Qt would leave every Chinese glyph out without a word
    if problem:
        raise ExportError(f"cannot write {target.name}: {problem}")
    document = QTextDocument()
    document.setHtml(html)
    out = QSaveFile(str(target))
    if not out.open(QSaveFile.OpenModeFlag.WriteOnly):
        raise ExportError(f"cannot write {target}: {out.errorString()}")
    writer = QPdfWriter(out)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Landscape, QMarginsF(12, 12, 12, 12),
                                     QPageLayout.Unit.Millimeter))
    writer.setTitle(target.stem)
    writer.setCreator("ClusterQuote")
    document.print_(writer)
    del writer  # finishes the PDF before the file is committed
    if not out.commit():
        raise ExportError(f"cannot write {target}: {out.errorString()}")
    return target


def write_pdf(comparison: Comparison, target: Path, *, use_libreoffice: bool | None = None,
              **options: Any) -> tuple[Path, str]:
    """The quote as PDF; returns the path and which renderer wrote it ("LibreOffice" or "Qt")."""
    if use_libreoffice is None:
        use_libreoffice = find_libreoffice() is not None
    if use_libreoffice:
        with tempfile.TemporaryDirectory(prefix="cq-quote-") as folder:
            xlsx = write_quote(comparison, Path(folder) / f"{target.stem[:60] or 'quote'}.xlsx",
                               **options)
            return xlsx_to_pdf(xlsx, target), "LibreOffice"
    options.pop("price_list", None)
    options.pop("catalog", None)  # the HTML quote has no Sources sheet
    return html_to_pdf(quote_as_html(comparison, **options), target), "Qt"


def export_with_dialog(session: PlanSession, settings: Settings, folder: str, *, pdf: bool,
                       parent: QWidget | None = None) -> Path | None:
    """The comparison window's Export quote / Export PDF: ask, choose a file, write it."""
    result = session.result
    if result is None:
        return None
    comparison: Comparison = result.comparison
    remembered = ExportSettings(settings.qsettings)
    dialog = ExportDialog(comparison, remembered, customer=session.customer, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    options = dialog.options()
    suffix = ".pdf" if pdf else ".xlsx"
    suggested = str(Path(folder) / f"{session.quote_no or 'quote'}{suffix}")
    if pdf:
        title = QCoreApplication.translate("QuoteExport", "Export PDF")
        kinds = QCoreApplication.translate("QuoteExport", "PDF documents (*.pdf)")
    else:
        title = QCoreApplication.translate("QuoteExport", "Export quote")
        kinds = QCoreApplication.translate("QuoteExport", "Excel workbooks (*.xlsx)")
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, kinds)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    return write_export(session, settings, path, pdf=pdf, parent=parent, **options)


def write_export(session: PlanSession, settings: Settings, path: Path, *, pdf: bool = False,
                 parent: QWidget | None = None, **options: Any) -> Path | None:
    """Write the session's comparison as a quote (or its PDF) to ``path``, in the GUI's
    language and the plan's quote number; a failure is a warning, never a crash."""
    if session.result is None:
        return None
    lang = "zh" if settings.effective_language().startswith("zh") else "en"
    from desktop import user_systems

    # the catalog planned on: the Sources sheet names the user's systems and marks them
    options.update(lang=lang, quote_no=session.quote_no, catalog=user_systems.catalog())
    comparison: Comparison = session.result.comparison
    if parent is not None:
        parent.setCursor(Qt.CursorShape.WaitCursor)
    try:
        if pdf:
            written, _renderer = write_pdf(comparison, path, **options)
        else:
            written = write_quote(comparison, path, **options)
    except (ExportError, ValueError, OSError) as exc:
        QMessageBox.warning(parent, QCoreApplication.translate(
            "QuoteExport", "Cannot export the quote"), str(exc))
        return None
    finally:
        if parent is not None:
            parent.unsetCursor()
    settings.last_folder = str(path.parent)
    return Path(written)
