"""The "Import vendor quote" dialog: read quotations, check the column mapping, reconcile.

Thin over ``engine.quotes``: each file is read whole or refused with the engine's
one-line reason (nothing is imported half-way); the mapping the engine chose is
shown as one drop-down per field, a correction re-reads the file and can be
remembered for the vendor; the reconciliation table, the findings and the
like-for-like totals follow the plan's comparison.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import format as fmt
from desktop.messages import catalogue_text
from desktop.models import SORT_ROLE, category_name
from desktop.quote_models import FindingsModel, QuoteLinesModel
from engine.model import Comparison
from engine.money.prices import load_price_list
from engine.quotes import (
    ColumnMap,
    LikeForLike,
    Reconciliation,
    VendorQuote,
    compare_quotes,
    learn_prices,
    learned_entries,
    read_quote,
    reconcile,
    remember_mapping,
)
from engine.quotes.model import FIELDS
from engine.safeio import DATA_ERRORS, data_error_message

if TYPE_CHECKING:
    from desktop.session import PlanSession
    from desktop.settings import Settings


class QuoteImportDialog(QDialog):
    """Vendor quotations read and reconciled with the comparison's plans."""

    def __init__(self, comparison: Comparison, *, lang: str = "en", folder: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quoteImportDialog")
        self.setWindowTitle(self.tr("Import vendor quote"))
        self.resize(1180, 760)
        self.comparison = comparison
        self.lang = lang
        self.folder = folder
        self.quotes: list[VendorQuote] = []
        self.paths: list[Path] = []
        self.configs: list[str | None] = []  # per quotation: the configuration the user chose
        self.recs: list[Reconciliation] = []
        self.like: LikeForLike | None = None
        self.last_error = ""
        self._build()
        self._refresh()

    # ------------------------------------------------------------ construction
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add quotation…"), self)
        self.add_button.clicked.connect(lambda: self.add_file())
        self.chooser = QComboBox(self)
        self.chooser.currentIndexChanged.connect(lambda _i: self._show_current())
        top.addWidget(self.add_button)
        top.addWidget(QLabel(self.tr("Quotation:"), self))
        top.addWidget(self.chooser, 1)
        # the configuration the quotation is reconciled with: shown before anything is
        # compared, and the user's to change
        self.config_box = QComboBox(self)
        self.config_box.setObjectName("quoteConfig")
        for plan in self.comparison.plans:
            if plan.feasible and plan.money is not None:
                self.config_box.addItem(f"{plan.server} · {plan.gpus_per_node}× {plan.gpu_name} "
                                        f"({plan.config})", plan.config)
        self.config_box.activated.connect(lambda _i: self.choose_config(self.config_box.currentData()))
        self.chosen_label = QLabel(self)
        top.addWidget(QLabel(self.tr("Configuration:"), self))
        top.addWidget(self.config_box, 1)
        top.addWidget(self.chosen_label)
        layout.addLayout(top)
        hint = self.tr("Add a vendor's quotation (.xlsx or .csv) to check it against the plan.")
        self.summary = QLabel(hint, self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)

        mapping = QGroupBox(self.tr("Columns read"), self)
        grid = QFormLayout(mapping)
        names = {
            "seq": self.tr("Line number"), "part_number": self.tr("Part number"),
            "description": self.tr("Description"), "qty": self.tr("Quantity"),
            "unit_price": self.tr("Unit price"), "total": self.tr("Line total"), "remark": self.tr("Remark"),
        }
        self.field_boxes: dict[str, QComboBox] = {}
        row = QHBoxLayout()
        for name in FIELDS:
            box = QComboBox(mapping)
            box.setObjectName(f"map_{name}")
            self.field_boxes[name] = box
            cell = QVBoxLayout()
            cell.addWidget(QLabel(names[name], mapping))
            cell.addWidget(box)
            row.addLayout(cell)
        grid.addRow(row)
        actions = QHBoxLayout()
        self.header_label = QLabel(mapping)
        self.remember_box = QCheckBox(self.tr("Remember for this vendor"), mapping)
        self.remember_box.setChecked(True)
        self.apply_button = QPushButton(self.tr("Apply mapping"), mapping)
        self.apply_button.clicked.connect(self.apply_mapping)
        actions.addWidget(self.header_label, 1)
        actions.addWidget(self.remember_box)
        actions.addWidget(self.apply_button)
        grid.addRow(actions)
        layout.addWidget(mapping)

        self.tabs = QTabWidget(self)
        self.lines_model = QuoteLinesModel(self)
        self.findings_model = FindingsModel(self, "zh" if self.lang.startswith("zh") else "en")
        self.lines_view = self._table(self.lines_model)
        self.findings_view = self._table(self.findings_model)
        like = QWidget(self)
        like_layout = QVBoxLayout(like)
        self.like_table = QTableWidget(like)
        self.like_table.setObjectName("likeForLike")
        self.like_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.like_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.adjust_table = QTableWidget(like)
        self.adjust_table.setObjectName("adjustments")
        self.adjust_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.adjust_table.verticalHeader().setVisible(False)
        self.adjust_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.adjust_table.horizontalHeader().setStretchLastSection(True)
        like_layout.addWidget(self.like_table, 3)
        self.drivers_label = QLabel(like)
        self.drivers_label.setWordWrap(True)
        like_layout.addWidget(self.drivers_label)
        like_layout.addWidget(QLabel(self.tr("Adjustments to the plan's scope, each with its source:"), like))
        like_layout.addWidget(self.adjust_table, 2)
        self.tabs.addTab(self.lines_view, self.tr("Reconciliation"))
        self.tabs.addTab(self.findings_view, self.tr("Findings"))
        self.tabs.addTab(like, catalogue_text("recon.like"))
        layout.addWidget(self.tabs, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.report_button = buttons.addButton(self.tr("Save report…"), role)
        self.learn_button = buttons.addButton(self.tr("Learn prices"), role)
        self.report_button.clicked.connect(lambda: self.save_report())
        self.learn_button.clicked.connect(self.learn)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _table(self, model: Any) -> QTableView:
        view = QTableView(self)
        proxy = QSortFilterProxyModel(view)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.setWordWrap(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        view.verticalHeader().setVisible(False)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the file's order until the user sorts
        return view

    # ------------------------------------------------------------ actions
    def add_file(self, path: Path | None = None) -> bool:
        """Read ``path`` (asks for it when None); False, with the reason shown, when it is refused."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import vendor quote"), self.folder,
                self.tr("Quotations (*.xlsx *.csv *.pdf)"))
            if not name:
                return False
            path = Path(name)
        try:
            quote = read_quote(path)
        except DATA_ERRORS as exc:
            self.last_error = data_error_message(exc, path.name)
            QMessageBox.warning(self, self.tr("Cannot import the quotation"), self.last_error)
            return False
        try:
            reconcile(self.comparison, quote)
        except DATA_ERRORS as exc:  # no feasible configuration to reconcile with, or a figure it cannot use
            self.last_error = f"{quote.file}: {data_error_message(exc)}"
            QMessageBox.warning(self, self.tr("Cannot import the quotation"), self.last_error)
            return False
        self.paths.append(path)
        self.quotes.append(quote)
        self.configs.append(None)
        self.chooser.addItem(f"{quote.vendor or '?'} · {quote.file}")
        self._refresh()
        self.chooser.setCurrentIndex(len(self.quotes) - 1)
        return True

    def current(self) -> int:
        return self.chooser.currentIndex()

    def choose_config(self, config: str | None) -> None:
        """Reconcile the current quotation with ``config`` (None: as anchored on what was asked)."""
        index = self.current()
        if index < 0 or index >= len(self.configs):
            return
        self.configs[index] = config
        self._refresh()

    def corrected_mapping(self) -> ColumnMap | None:
        index = self.current()
        if index < 0:
            return None
        quote = self.quotes[index]
        columns = [(name, box.currentData()) for name, box in self.field_boxes.items()
                   if box.currentData() is not None]
        described = quote.mapping.all("description")
        if described and self.field_boxes["description"].currentData() == described[0]:
            columns += [("description", col) for col in described[1:]]  # 产品名称 + 配置描述 stay together
        return ColumnMap(quote.mapping.header_row, tuple(columns), quote.mapping.headers)

    def apply_mapping(self) -> bool:
        """Re-read the current file with the columns chosen; remember them for its vendor if asked."""
        index = self.current()
        mapping = self.corrected_mapping()
        if mapping is None:
            return False
        try:
            quote = read_quote(self.paths[index], mapping=mapping, vendor=self.quotes[index].vendor)
        except DATA_ERRORS as exc:
            self.last_error = data_error_message(exc, self.paths[index].name)
            QMessageBox.warning(self, self.tr("Cannot import the quotation"), self.last_error)
            return False
        self.quotes[index] = quote
        if self.remember_box.isChecked() and quote.vendor:
            remember_mapping(quote.vendor, quote.mapping)
        self._refresh()
        return True

    def save_report(self, path: Path | None = None) -> Path | None:
        if not self.recs or self.like is None:
            return None
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save reconciliation report"),
                str(Path(self.folder) / "reconciliation.xlsx"), self.tr("Excel workbooks (*.xlsx)"))
            if not name:
                return None
            path = Path(name)
        from engine.export.reconciliation import write_reconciliation
        from engine.export.safe import ExportError

        try:
            return write_reconciliation(self.recs, self.like, path, lang="zh" if self.lang == "zh" else "en")
        except ExportError as exc:
            QMessageBox.warning(self, self.tr("Cannot save the report"), str(exc))
            return None

    def learn(self, *, confirm: bool = True) -> Path | None:
        """Put the quoted prices into the user's price list, with their source."""
        if not self.recs:
            return None
        if confirm:
            count = sum(len(learned_entries(r, load_price_list())) for r in self.recs)
            answer = QMessageBox.question(
                self, self.tr("Learn prices"),
                self.tr("Put %1 quoted prices into your price list? The next plans are priced from them; the shipped list stays as it is.")  # noqa: E501
                .replace("%1", str(count)))
            if answer != QMessageBox.StandardButton.Yes:
                return None
        try:
            _, path = learn_prices(self.recs)
        except DATA_ERRORS as exc:  # a price far from the list's, or a disk that failed
            QMessageBox.warning(self, self.tr("Learn prices"), data_error_message(exc))
            return None
        self.summary.setText(self.summary.text() + "<br>" + self.tr("Prices learned into %1").replace(
            "%1", str(path)))
        return path

    # ------------------------------------------------------------ showing
    def _refresh(self) -> None:
        self.recs = [reconcile(self.comparison, q, config=c) for q, c in zip(self.quotes, self.configs,
                                                                          strict=True)]
        self.like = compare_quotes(self.comparison, self.recs) if self.recs else None
        has = bool(self.recs)
        for widget in (self.apply_button, self.report_button, self.learn_button, self.remember_box):
            widget.setEnabled(has)
        self._show_current()
        self._show_like()

    def _show_current(self) -> None:
        index = self.current()
        if index < 0 or index >= len(self.recs):
            return
        rec, quote = self.recs[index], self.quotes[index]
        self.lines_model.set_reconciliation(rec)
        self.findings_model.set_findings(rec.findings)
        for view in (self.lines_view, self.findings_view):
            view.resizeColumnsToContents()
        description = 2  # long descriptions would push the plan item and score out of sight
        self.lines_view.setColumnWidth(description, min(self.lines_view.columnWidth(description), 420))
        headers = [self.tr("(none)")] + [f"{_letter(i)}: {h}" for i, h in enumerate(quote.mapping.headers)]
        for name, box in self.field_boxes.items():
            box.blockSignals(True)
            box.clear()
            box.addItem(headers[0], None)
            for i, label in enumerate(headers[1:]):
                box.addItem(label, i)
            col = quote.mapping.get(name)
            box.setCurrentIndex(0 if col is None else col + 1)
            box.blockSignals(False)
        self.remember_box.setEnabled(bool(quote.vendor))
        self.config_box.setCurrentIndex(max(0, self.config_box.findData(rec.config)))
        self.chosen_label.setText({
            "user": self.tr("(your choice)"), "rfq": self.tr("(the RFQ it answers)"),
            "server_line": self.tr("(named in its server line)"),
            "only": self.tr("(the vendor's only one)"),
            "best_fit": self.tr("(best matching lines: check it)")}.get(rec.chosen_by, ""))
        origin = {"detected": self.tr("found by ClusterQuote"), "remembered": self.tr("remembered"),
                  "corrected": self.tr("corrected")}[quote.mapping.origin]
        self.header_label.setText(self.tr("Header row %1 (%2)").replace("%1", str(quote.mapping.header_row))
                                  .replace("%2", origin))
        cur = rec.plan_currency
        counts = {k: sum(1 for f in rec.findings if f.kind == k) for k in
                  ("qty_mismatch", "price_diff", "missing", "extra", "arithmetic", "ambiguous")}
        basis = {"excluded": self.tr("excluding VAT"), "included": self.tr("including VAT"),
                 "unknown": catalogue_text("recon.unknown")}[quote.vat_basis]
        self.summary.setText(
            self.tr("%1 quote %2 of %3, %4, prices %5; reconciled with %6.")
            .replace("%1", quote.vendor or "?").replace("%2", quote.quote_no or "-")
            .replace("%3", quote.date or "-").replace("%4", quote.currency or cur).replace("%5", basis)
            .replace("%6", rec.config)
            + "<br>" + self.tr("Vendor's total %1, computed %2 (%3, excluding VAT).")
            .replace("%1", fmt.money(rec.stated_total, cur)).replace("%2", fmt.money(rec.computed_total, cur))
            .replace("%3", cur)
            + "<br>" + self.tr("Findings: %1 quantity, %2 price, %3 missing, %4 extra, %5 arithmetic, %6 ambiguous.")  # noqa: E501
            .replace("%1", str(counts["qty_mismatch"])).replace("%2", str(counts["price_diff"]))
            .replace("%3", str(counts["missing"])).replace("%4", str(counts["extra"]))
            .replace("%5", str(counts["arithmetic"])).replace("%6", str(counts["ambiguous"])))

    def _show_like(self) -> None:
        like = self.like
        table = self.like_table
        table.clear()
        if like is None:
            table.setRowCount(0)
            table.setColumnCount(0)
            return
        table.setColumnCount(len(like.vendors))
        table.setHorizontalHeaderLabels([f"{t.vendor or '?'}\n{t.file}" for t in like.vendors])
        rows = [*(self._category(c) for c in like.categories), self.tr("Normalised total"),
                self.tr("As quoted")]
        table.setRowCount(len(rows))
        table.setVerticalHeaderLabels(rows)
        for col, t in enumerate(like.vendors):
            values = [*(dict(t.by_category).get(c, 0.0) for c in like.categories), t.normalised_total,
                      t.computed_total]
            for row, value in enumerate(values):
                item = QTableWidgetItem(fmt.money(value, like.currency))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, col, item)
        roles = {"server": self.tr("GPU server"), "storage-system": self.tr("Storage system"),
                 "management-server": self.tr("Management servers")}  # each vendor's own kit
        drivers = ", ".join(f"{roles.get(i, i)} "
                            f"{fmt.money(d, like.currency)}" for i, d in like.item_drivers[:4])
        self.drivers_label.setText(self.tr("Largest differences (second minus first): %1").replace(
            "%1", drivers) if drivers else "")
        adjustments = [(t, a) for t in like.vendors for a in t.adjustments]
        adjust = self.adjust_table
        adjust.clear()
        adjust.setColumnCount(5)
        adjust.setHorizontalHeaderLabels([self.tr("Quotation"), self.tr("Change"), self.tr("Item"),
                                          self.tr("Amount"), self.tr("Source")])
        adjust.setRowCount(len(adjustments))
        for row, (t, a) in enumerate(adjustments):
            cells = [t.vendor or t.file, self._change(a.kind), a.item, fmt.money(a.amount, like.currency),
                     a.source]
            for col, text in enumerate(cells):
                adjust.setItem(row, col, QTableWidgetItem(text))
        adjust.resizeColumnsToContents()
        table.resizeColumnsToContents()


    def _category(self, category: str) -> str:
        if category == "unmatched":
            return catalogue_text("recon.unmatched")
        if category == "discount":
            return self.tr("Discount")
        return category_name(category)

    def _change(self, kind: str) -> str:
        return {
            "omitted": self.tr("Omitted: added"), "qty_shortfall": self.tr("Quantity short: added"),
            "qty_excess": self.tr("Quantity over: removed"),
            "bundled_service": self.tr("Bundled service: separated"),
            "out_of_scope": self.tr("Outside the plan: set aside"),
        }.get(kind, kind)


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def open_quote_import(session: PlanSession, settings: Settings,
                      parent: QWidget | None = None) -> QuoteImportDialog | None:
    """Open the dialog over the session's comparison (the comparison window's action)."""
    if session.result is None:
        return None
    lang = "zh" if settings.effective_language().startswith("zh") else "en"
    dialog = QuoteImportDialog(session.result.comparison, lang=lang, folder=settings.last_folder or "",
                               parent=parent)
    dialog.show()
    return dialog
