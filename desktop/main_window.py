"""The comparison window: the app's main window.

It holds one request, plans it in a worker thread (desktop.worker) and shows the
comparison: a table with one column per configuration, the recommendation and
warnings, a bill of materials per configuration, and charts. The assumptions
panel edits the request and re-plans at once. Files: save/open plans, recent
files, export the Excel quote, and an autosaved draft.
"""

from __future__ import annotations

import dataclasses
import warnings
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import format as fmt
from desktop.discount_field import attach_price_factor, discount_parser
from desktop.draft import RequestDraft
from desktop.fields import ValueField, number_parser
from desktop.files import DraftStore, SaveError, write_plan
from desktop.messages import message_text, workload_label
from desktop.models import SORT_ROLE, BomModel, ComparisonModel, category_name
from desktop.quote_export import export_with_dialog
from desktop.settings import Settings
from desktop.worker import Planner, PlanResult
from engine.assumptions import defaults
from engine.model import Comparison, Plan, PlanRequest
from engine.planfile import SUFFIX, PlanFileError, load_plan_document

PLAN_FILTER_SUFFIX = f"*{SUFFIX}"


class AssumptionsPanel(QWidget):
    """The request's key assumptions, editable; every valid edit re-plans."""

    edited = Signal(object)  # the new PlanRequest

    DEBOUNCE_MS = 400

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assumptionsPanel")
        d = defaults()
        self._request: PlanRequest | None = None
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        def field(name: str, parser: Any, placeholder: str = "", optional: bool = True) -> ValueField:
            widget = ValueField(parser, optional=optional, placeholder=placeholder)
            widget.setObjectName(name)
            widget.changed.connect(self._schedule)
            widget.committed.connect(self.apply_now)
            return widget

        self.days = field("days", number_parser(0, 3650, low_open=True), optional=False)
        self.gpus = field("gpus", number_parser(1, 1_000_000, integer=True), optional=False)
        self.mfu = field("mfu", number_parser(0, 1, low_open=True, percent=True), self.tr("estimated"))
        self.goodput = field(
            "goodput",
            number_parser(0, 1, low_open=True, percent=True),
            f"{d['schedule.goodput'].value:g}",
        )
        self.rack_kw = field(
            "rackKw", number_parser(0, 500, low_open=True), f"{d['facility.rack_kw'].value:g}"
        )
        self.pue = field("pue", number_parser(1, 5))
        self.power_price = field("powerPrice", number_parser(0, 1e3))
        self.years = field("years", number_parser(1, 30, integer=True), f"{d['finance.years'].value:g}")
        self.exchange_rate = field(
            "exchangeRate",
            number_parser(0, 1e6, low_open=True),
            f"{d['finance.exchange_rate'].value:g}",
        )
        self.vat = field("vat", number_parser(0, 1, percent=True), f"{d['finance.vat'].value:g}")
        self.discount = field("discount", discount_parser(), "0")
        attach_price_factor(self.discount)
        self.days_label = QLabel(self.tr("Deadline (days):"))
        self.gpus_label = QLabel(self.tr("Fleet (GPUs):"))
        form.addRow(self.days_label, self.days)
        form.addRow(self.gpus_label, self.gpus)
        form.addRow(self.tr("MFU:"), self.mfu)
        form.addRow(self.tr("Goodput:"), self.goodput)
        form.addRow(self.tr("Rack budget (kW):"), self.rack_kw)
        form.addRow(self.tr("PUE:"), self.pue)
        form.addRow(self.tr("Power price (per kWh):"), self.power_price)
        form.addRow(self.tr("Years:"), self.years)
        form.addRow(self.tr("Exchange rate (CNY/USD):"), self.exchange_rate)
        form.addRow(self.tr("VAT:"), self.vat)
        form.addRow(self.tr("Discount:"), self.discount)
        note = QLabel(self.tr("Empty fields use the default shown. Changes re-plan at once."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        form.addRow(note)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply_now)
        self._loading = False
        self._fields = list(self.fields().values())

    def fields(self) -> dict[str, ValueField]:
        return {
            "schedule.days": self.days,
            "schedule.gpus": self.gpus,
            "efficiency.mfu": self.mfu,
            "efficiency.goodput": self.goodput,
            "facility.rack_kw": self.rack_kw,
            "facility.pue": self.pue,
            "finance.power_price": self.power_price,
            "finance.years": self.years,
            "finance.exchange_rate": self.exchange_rate,
            "finance.vat": self.vat,
            "finance.discount": self.discount,
        }

    def load(self, request: PlanRequest) -> None:
        self._loading = True
        try:
            self._request = request
            s, e, f, m = request.schedule, request.efficiency, request.facility, request.finance
            fleet = s.gpus is not None
            for widget, label, show in (
                (self.days, self.days_label, not fleet),
                (self.gpus, self.gpus_label, fleet),
            ):
                widget.setVisible(show)
                label.setVisible(show)
            self.days.set_value(s.days)
            self.gpus.set_value(s.gpus)
            self.mfu.set_value(e.mfu)
            self.goodput.set_value(e.goodput)
            self.rack_kw.set_value(f.rack_kw)
            self.pue.set_value(f.pue)
            self.power_price.set_value(m.power_price)
            self.years.set_value(m.years)
            self.exchange_rate.set_value(m.exchange_rate)
            self.vat.set_value(m.vat)
            self.discount.set_value(m.discount or None)
            d = defaults()
            self.pue.edit.setPlaceholderText(f"{d[f'facility.pue_{f.cooling}'].value:g}")
            price = d[f"finance.power_price_{m.currency.lower()}"]
            self.power_price.edit.setPlaceholderText(f"{price.value:g}")
        finally:
            self._loading = False

    def _schedule(self) -> None:
        if not self._loading:
            self._timer.start()

    def request(self) -> PlanRequest | None:
        """The request with the panel's values, or None while a field is wrong."""
        if self._request is None or not all(f.is_valid() for f in self._fields):
            return None
        r = self._request
        fleet = r.schedule.gpus is not None
        return dataclasses.replace(
            r,
            schedule=dataclasses.replace(
                r.schedule,
                days=None if fleet else self.days.value(),
                gpus=self.gpus.value() if fleet else None,
            ),
            efficiency=dataclasses.replace(r.efficiency, mfu=self.mfu.value(), goodput=self.goodput.value()),
            facility=dataclasses.replace(r.facility, rack_kw=self.rack_kw.value(), pue=self.pue.value()),
            finance=dataclasses.replace(
                r.finance,
                power_price=self.power_price.value(),
                years=self.years.value(),
                exchange_rate=self.exchange_rate.value(),
                vat=self.vat.value(),
                discount=self.discount.value() or 0.0,
            ),
        )

    def apply_now(self) -> None:
        self._timer.stop()
        if self._loading:
            return
        request = self.request()
        if request is not None and request != self._request:
            self._request = request
            self.edited.emit(request)

    def show_error(self, field: str, message: str) -> bool:
        widget = self.fields().get(field)
        if widget is None:
            return False
        widget.set_error(message)
        return True


class BomTab(QWidget):
    """One configuration's bill of materials and its money."""

    def __init__(self, plan: Plan, *, chinese: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chinese = chinese
        self.setObjectName(f"bom:{plan.config}")
        self.model = BomModel(plan.bom, chinese=chinese, parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.setWordWrap(False)
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        if self.view.columnWidth(2) > 200:
            self.view.setColumnWidth(2, 200)
        self.summary = QLabel(self)
        self.summary.setObjectName("bomSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.title = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        self._show(plan)

    def set_plan(self, plan: Plan) -> None:
        """Show a re-planned version of the same configuration."""
        self.model.set_lines(plan.bom)
        self._show(plan)

    def _show(self, plan: Plan) -> None:
        self.title.setText(f"<b>{escape(plan.server)}</b> — {plan.gpus_per_node} × {plan.gpu_name}")
        self.summary.setText(self._summary(plan))

    def _summary(self, plan: Plan) -> str:
        if not plan.feasible or plan.money is None:
            reasons = "<br>".join(escape(message_text(m, translated=self.chinese)) for m in plan.refusals)
            return (
                "<span style='color:#b00020'><b>"
                + self.tr("This configuration cannot be built:")
                + f"</b><br>{reasons}</span>"
            )
        m = plan.money
        cur = m.currency
        parts = [f"{category_name(cat)} {fmt.money(value, cur)}" for cat, value in m.subtotals]
        rows = [
            " · ".join(parts),
            self.tr("Discount %1: −%2")
            .replace("%1", fmt.percent(m.discount_rate))
            .replace("%2", fmt.money(m.discount, cur))
            + " · "
            + self.tr("Net %1").replace("%1", fmt.money(m.net, cur))
            + " · "
            + self.tr("VAT %1: %2")
            .replace("%1", fmt.percent(m.vat_rate))
            .replace("%2", fmt.money(m.vat, cur)),
            "<b>"
            + self.tr("Capex %1").replace("%1", fmt.money(m.capex, cur))
            + "</b> · "
            + self.tr("TCO over %n year(s): %1", "", m.years).replace("%1", fmt.money(m.tco, cur)),
        ]
        return "<br>".join(rows)


class ChartTab(QWidget):
    """A matplotlib canvas drawn by one of desktop.charts' functions, when first shown.

    matplotlib is imported on the first drawing, not when the window opens.
    """

    def __init__(self, key: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.language = language
        self.setObjectName(f"chart:{key}")
        self.figure: Any = None
        self.canvas: Any = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._comparison: Comparison | None = None
        self._drawn = True

    def set_comparison(self, comparison: Comparison) -> None:
        self._comparison = comparison
        self._drawn = False
        if self.isVisible():
            self.redraw()

    def _make_canvas(self) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from desktop.charts import configure_fonts

        configure_fonts(self.language)
        self.figure = Figure(figsize=(8, 5))
        self.canvas = FigureCanvasQTAgg(self.figure)
        self._layout.addWidget(self.canvas)

    def redraw(self) -> None:
        from desktop.charts import DRAWERS

        if self._comparison is None or self._drawn:
            return
        if self.canvas is None:
            self._make_canvas()
        with warnings.catch_warnings():
            # Without a CJK font matplotlib draws boxes for Chinese text and says so per glyph.
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            DRAWERS[self.key](self.figure, self._comparison)
            self.canvas.draw()
        self._drawn = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.redraw()


class MainWindow(QMainWindow):
    """The comparison window."""

    language_requested = Signal(str)

    def __init__(
        self,
        settings: Settings,
        *,
        planner: Planner | None = None,
        drafts: DraftStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings
        self.planner = planner or Planner(self)
        self.drafts = drafts or DraftStore()
        self.request: PlanRequest | None = None
        self.customer = ""
        self.quote_no = ""
        self.path: Path | None = None
        self.modified = False
        self.result: PlanResult | None = None
        self.error: tuple[str, str] | None = None
        self.catalog_window: Any = None
        self.wizard: Any = None

        self.setWindowTitle("ClusterQuote")
        self.resize(1280, 820)
        self._build_actions()
        self._build_menus()
        self._build_central()
        self._build_status()
        self.planner.started.connect(self._plan_started)
        self.planner.progress.connect(self._plan_progress)
        self.planner.finished.connect(self._plan_finished)
        self.planner.failed.connect(self._plan_failed)
        self._update_actions()
        geometry = settings.window_geometry
        if geometry:
            self.restoreGeometry(geometry)

    @property
    def translated(self) -> bool:
        """True when the GUI speaks another language than the engine's English."""
        return self.settings.effective_language() != "en"

    # ------------------------------------------------------------ construction
    def _action(self, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(self.tr("&New plan…"), self.new_plan, QKeySequence.StandardKey.New)
        self.open_action = self._action(
            self.tr("&Open plan…"), lambda: self.open_plan(), QKeySequence.StandardKey.Open
        )
        self.save_action = self._action(self.tr("&Save plan"), self.save_plan, QKeySequence.StandardKey.Save)
        self.save_as_action = self._action(
            self.tr("Save plan &as…"), self.save_plan_as, QKeySequence.StandardKey.SaveAs
        )
        self.export_action = self._action(
            self.tr("&Export quote (.xlsx)…"), lambda: export_with_dialog(self, pdf=False), "Ctrl+E"
        )
        self.export_pdf_action = self._action(
            self.tr("Export &PDF…"), lambda: export_with_dialog(self, pdf=True)
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.edit_action = self._action(
            self.tr("&Edit request in the wizard…"), self.edit_in_wizard, "Ctrl+W"
        )
        self.replan_action = self._action(self.tr("&Re-plan"), self.replan, "F5")
        self.catalog_action = self._action(self.tr("&Catalog and prices…"), self.show_catalog)
        self.about_action = self._action(self.tr("&About ClusterQuote"), self.about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.export_pdf_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        plan_menu = bar.addMenu(self.tr("&Plan"))
        plan_menu.addAction(self.edit_action)
        plan_menu.addAction(self.replan_action)
        tools = bar.addMenu(self.tr("&Tools"))
        tools.addAction(self.catalog_action)
        language = tools.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = self.settings.effective_language()
        for code, name in (("en", "English"), ("zh_CN", "简体中文")):
            action = QAction(name, self, checkable=True)
            action.setChecked(code == current)
            action.setData(code)
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            group.addAction(action)
            language.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _build_central(self) -> None:
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)

        # the welcome page, before any plan
        welcome = QWidget(self)
        welcome.setObjectName("welcome")
        box = QVBoxLayout(welcome)
        box.addStretch(1)
        title = QLabel("<h1>ClusterQuote</h1>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro = QLabel(
            self.tr(
                "Plan and price an AI training cluster: say what must be trained and by when, "
                "compare Lenovo and Inspur servers, and export the quote."
            )
        )
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        new_button = QPushButton(self.tr("New plan…"))
        new_button.setObjectName("welcomeNew")
        new_button.clicked.connect(self.new_plan)
        open_button = QPushButton(self.tr("Open plan…"))
        open_button.clicked.connect(lambda: self.open_plan())
        buttons.addWidget(new_button)
        buttons.addWidget(open_button)
        buttons.addStretch(1)
        self.recent_list = QListWidget(welcome)
        self.recent_list.setObjectName("recentList")
        self.recent_list.setMaximumWidth(640)
        self.recent_list.itemActivated.connect(
            lambda item: self.open_plan(Path(item.data(Qt.ItemDataRole.UserRole)))
        )
        self.recent_label = QLabel(self.tr("Recent plans:"))
        box.addWidget(title)
        box.addWidget(intro)
        box.addLayout(buttons)
        box.addSpacing(16)
        box.addWidget(self.recent_label, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(self.recent_list, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        self.stack.addWidget(welcome)

        # the comparison
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.headline = QLabel(page)
        self.headline.setObjectName("headline")
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.headline.setWordWrap(True)
        self.banner = QLabel(page)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel { background: #fdecea; color: #b00020; padding: 6px; border-radius: 3px; }"
        )
        self.banner.hide()
        self.tabs = QTabWidget(page)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.headline)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)

        overview = QWidget(self.tabs)
        overview.setObjectName("overview")
        ov = QVBoxLayout(overview)
        self.recommendation = QLabel(overview)
        self.recommendation.setObjectName("recommendation")
        self.recommendation.setTextFormat(Qt.TextFormat.RichText)
        self.recommendation.setWordWrap(True)
        self.table_model = ComparisonModel(self)
        self.table = QTableView(overview)
        self.table.setObjectName("comparisonTable")
        self.table.setModel(self.table_model)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.warnings = QTreeWidget(overview)
        self.warnings.setObjectName("warnings")
        self.warnings.setHeaderLabels([self.tr("Warning"), self.tr("Configurations")])
        self.warnings.setRootIsDecorated(False)
        self.warnings.setWordWrap(True)
        self.warnings.header().setStretchLastSection(False)
        self.warnings.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.warnings.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.warnings.header().resizeSection(1, 320)
        splitter = QSplitter(Qt.Orientation.Vertical, overview)
        splitter.addWidget(self.table)
        splitter.addWidget(self.warnings)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        ov.addWidget(self.recommendation)
        ov.addWidget(splitter, 1)
        self.tabs.addTab(overview, self.tr("Comparison"))

        self.chart_tabs: dict[str, ChartTab] = {}
        for key, label in (
            ("capex", self.tr("Capex")),
            ("power", self.tr("Power and racks")),
            ("deadline", self.tr("GPUs vs deadline")),
            ("tco", self.tr("TCO over years")),
        ):
            tab = ChartTab(key, self.settings.effective_language(), self.tabs)
            self.chart_tabs[key] = tab
            self.tabs.addTab(tab, label)
        self.fixed_tabs = self.tabs.count()
        self.bom_tabs: dict[str, BomTab] = {}
        self.stack.addWidget(page)

        self.panel = AssumptionsPanel(self)
        self.panel.edited.connect(self._panel_edited)
        self.dock = QDockWidget(self.tr("Assumptions"), self)
        self.dock.setObjectName("assumptionsDock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.dock.hide()
        self._fill_recent_list()

    def _build_status(self) -> None:
        self.progress = QProgressBar(self)
        self.progress.setObjectName("planProgress")
        self.progress.setMaximumWidth(200)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status_label = QLabel(self)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)

    # ------------------------------------------------------------ the request
    def set_request(
        self,
        request: PlanRequest,
        *,
        customer: str = "",
        quote_no: str = "",
        path: Path | None = None,
        modified: bool = True,
    ) -> None:
        """Make ``request`` the window's plan and plan it."""
        self.request = request
        self.customer, self.quote_no = customer, quote_no
        self.path = path
        self.modified = modified
        self.panel.load(request)
        self.dock.show()
        self.stack.setCurrentIndex(1)
        self._autosave()
        self._update_title()
        self.replan()

    def _panel_edited(self, request: PlanRequest) -> None:
        self.request = request
        self.modified = True
        self._autosave()
        self._update_title()
        self.replan()

    def replan(self) -> None:
        if self.request is not None:
            self.planner.start(self.request)

    def _autosave(self) -> None:
        if self.request is not None and self.settings.autosave_draft:
            self.drafts.save(self.request, customer=self.customer, quote_no=self.quote_no)

    # ------------------------------------------------------------ planning results
    def _plan_started(self) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status_label.setText(self.tr("Planning…"))

    def _plan_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _plan_failed(self, field: str, message: str) -> None:
        self.progress.hide()
        self.error = (field, message)
        self.panel.show_error(field, message)
        self.banner.setText(self.tr("Could not plan: %1").replace("%1", message))
        self.banner.show()
        self.status_label.setText(self.tr("Not planned"))
        self._update_actions()

    def _plan_finished(self, result: PlanResult) -> None:
        self.progress.hide()
        self.error = None
        self.banner.hide()
        self.result = result
        comparison = result.comparison
        self.table_model.set_result(result.frame, comparison)
        self._show_headline(comparison)
        self._show_recommendation(comparison)
        self._show_warnings(comparison)
        self._show_boms(comparison)
        for tab in self.chart_tabs.values():
            tab.set_comparison(comparison)
        n = len(comparison.plans)
        self.status_label.setText(
            self.tr("Planned %n configuration(s) in %1 ms", "", n).replace(
                "%1", f"{result.seconds * 1000:.0f}"
            )
            + " · "
            + self.tr("Prices: %1").replace("%1", Path(comparison.price_list).name)
        )
        self._update_actions()

    def _show_headline(self, comparison: Comparison) -> None:
        need, request = comparison.compute, comparison.request
        if request.schedule.gpus is not None:
            when = self.tr("on a fleet of %1 GPUs").replace("%1", fmt.number(request.schedule.gpus))
        else:
            when = self.tr("within %1 days").replace("%1", f"{request.schedule.days:g}")
        label = workload_label(need, request.workload)
        text = f"<b>{escape(label)}</b> — " + self.tr("%1 PF/s-days (%2 FLOPs), %3").replace(
            "%1", fmt.number(need.pf_days, 1 if need.pf_days < 100 else 0)
        ).replace("%2", fmt.sci(need.flops)).replace("%3", when)
        if self.customer or self.quote_no:
            text += "<br>" + escape(" · ".join(x for x in (self.customer, self.quote_no) if x))
        self.headline.setText(text)

    def _show_recommendation(self, comparison: Comparison) -> None:
        rec = comparison.recommendation
        plans = {p.config: p for p in comparison.plans}

        def describe(config: str | None) -> str:
            if config is None:
                return self.tr("none")
            plan = plans[config]
            money = plan.money
            capex = fmt.money(money.capex, money.currency) if money else "—"
            return (
                f"<b>{escape(config)}</b> ("
                + self.tr("%1 GPUs, %2 days, capex %3")
                .replace("%1", fmt.number(plan.gpus))
                .replace("%2", fmt.number(plan.days, 1))
                .replace("%3", capex)
                + ")"
            )

        lines = [
            self.tr("Cheapest that meets the deadline: %1").replace(
                "%1", describe(rec.cheapest_meeting_deadline)
            ),
            self.tr("Fastest: %1").replace("%1", describe(rec.fastest)),
            self.tr("Lowest TCO: %1").replace("%1", describe(rec.lowest_tco)),
        ]
        if comparison.request.schedule.days is not None and rec.cheapest_meeting_deadline is None:
            lines.insert(
                0,
                "<span style='color:#b00020'>" + self.tr("No configuration meets the deadline.") + "</span>",
            )
        self.recommendation.setText("<br>".join(lines))

    def _show_warnings(self, comparison: Comparison) -> None:
        """One row per distinct warning with the configurations it concerns; refusals first."""
        self.warnings.clear()
        translated = self.translated
        shared: dict[str, list[str]] = {}
        details: dict[str, list[str]] = {}
        for plan in comparison.plans:
            for message in plan.refusals:
                refused = self.tr("Refused: %1").replace("%1", message_text(message, translated=translated))
                item = QTreeWidgetItem([refused, plan.config])
                item.setForeground(0, Qt.GlobalColor.red)
                item.setToolTip(0, message.text)
                self.warnings.addTopLevelItem(item)
            for message in plan.warnings:
                text = message_text(message, translated=translated)
                shared.setdefault(text, []).append(plan.config)
                details.setdefault(text, []).append(f"{plan.config}: {message.text}")
        total = len(comparison.plans)
        for text, configs in shared.items():
            who = self.tr("all") if len(configs) == total and total > 1 else ", ".join(configs)
            item = QTreeWidgetItem([text, who])
            item.setToolTip(0, "\n".join(details[text]) if translated else text)
            item.setToolTip(1, "\n".join(configs))
            self.warnings.addTopLevelItem(item)

    def _show_boms(self, comparison: Comparison) -> None:
        if [p.config for p in comparison.plans] == list(self.bom_tabs):
            for plan in comparison.plans:  # the same configurations: update in place
                self.bom_tabs[plan.config].set_plan(plan)
            return
        current = self.tabs.currentWidget()
        keep = current.objectName() if current is not None else ""
        while self.tabs.count() > self.fixed_tabs:
            widget = self.tabs.widget(self.fixed_tabs)
            self.tabs.removeTab(self.fixed_tabs)
            widget.deleteLater()
        self.bom_tabs.clear()
        chinese = self.settings.effective_language().startswith("zh")
        for plan in comparison.plans:
            tab = BomTab(plan, chinese=chinese, parent=self.tabs)
            self.bom_tabs[plan.config] = tab
            index = self.tabs.addTab(tab, self.tr("BOM: %1").replace("%1", plan.config))
            self.tabs.setTabToolTip(index, plan.server)
        for index in range(self.tabs.count()):
            if self.tabs.widget(index).objectName() == keep:
                self.tabs.setCurrentIndex(index)
                break

    # ------------------------------------------------------------ files
    def maybe_save(self) -> bool:
        """Offer to save unsaved changes; False when the user cancels."""
        if not self.modified or self.request is None:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved plan"),
            self.tr("The plan has changes that are not saved. Save them?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save_plan()
        return answer == QMessageBox.StandardButton.Discard

    def _plan_filter(self) -> str:
        return self.tr("ClusterQuote plans (%1)").replace("%1", PLAN_FILTER_SUFFIX)

    def _folder(self) -> str:
        return self.settings.last_folder or str(Path.home())

    def open_plan(self, path: Path | None = None) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open plan"), self._folder(), self._plan_filter()
            )
            if not name:
                return False
            path = Path(name)
        try:
            document = load_plan_document(path)
        except PlanFileError as exc:
            QMessageBox.warning(self, self.tr("Cannot open the plan"), str(exc))
            if not path.exists():
                self.settings.remove_recent(str(path))
                self._fill_recent_list()
            return False
        self.settings.last_folder = str(path.parent)
        self.settings.add_recent(str(path))
        self._fill_recent_list()
        self.set_request(
            document.request,
            customer=document.customer,
            quote_no=document.quote_no,
            path=path,
            modified=False,
        )
        return True

    def save_plan(self) -> bool:
        if self.path is None:
            return self.save_plan_as()
        return self._write_plan(self.path)

    def save_plan_as(self) -> bool:
        if self.request is None:
            return False
        suggested = str(Path(self._folder()) / f"{self.quote_no or 'plan'}{SUFFIX}")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save plan"), suggested, self._plan_filter())
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        return self._write_plan(path)

    def _write_plan(self, path: Path) -> bool:
        assert self.request is not None
        try:
            write_plan(path, self.request, customer=self.customer, quote_no=self.quote_no)
        except SaveError as exc:
            QMessageBox.warning(self, self.tr("Cannot save the plan"), str(exc))
            return False
        self.path = path
        self.modified = False
        self.settings.last_folder = str(path.parent)
        self.settings.add_recent(str(path))
        self._fill_recent_list()
        self._update_title()
        self.status_label.setText(self.tr("Saved %1").replace("%1", str(path)))
        return True

    def export_quote(self, path: Path | None = None) -> Path | None:
        """Write the Excel quote; asks for a file name unless ``path`` is given."""
        if self.result is None:
            return None
        if path is None:
            suggested = str(Path(self._folder()) / f"{self.quote_no or 'quote'}.xlsx")
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export quote"), suggested, self.tr("Excel workbooks (*.xlsx)")
            )
            if not name:
                return None
            path = Path(name)
            if path.suffix.lower() != ".xlsx":
                path = path.with_name(path.name + ".xlsx")
        from engine.export import ExportError, write_quote

        lang = "zh" if self.settings.effective_language().startswith("zh") else "en"
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            written = write_quote(
                self.result.comparison,
                path,
                lang=lang,
                customer=self.customer,
                quote_no=self.quote_no,
            )
        except (ExportError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Cannot export the quote"), str(exc))
            return None
        finally:
            self.unsetCursor()
        self.settings.last_folder = str(path.parent)
        self.status_label.setText(self.tr("Quote written to %1").replace("%1", str(written)))
        return Path(written)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files
        for name in recent:
            action = self.recent_menu.addAction(name)
            action.triggered.connect(lambda _=False, p=name: self.open_plan(Path(p)))
        if not recent:
            empty = self.recent_menu.addAction(self.tr("(none)"))
            empty.setEnabled(False)

    def _fill_recent_list(self) -> None:
        self.recent_list.clear()
        recent = self.settings.recent_files
        for name in recent:
            item = QListWidgetItem(Path(name).name + "  —  " + str(Path(name).parent))
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.recent_list.addItem(item)
        self.recent_list.setVisible(bool(recent))
        self.recent_label.setVisible(bool(recent))

    # ------------------------------------------------------------ other windows
    def new_plan(self) -> None:
        if not self.maybe_save():
            return
        self._open_wizard(RequestDraft(schedule={"days": 30.0}), new=True)

    def edit_in_wizard(self) -> None:
        if self.request is None:
            self.new_plan()
            return
        draft = RequestDraft.from_request(self.request, customer=self.customer, quote_no=self.quote_no)
        self._open_wizard(draft, new=False)

    def _open_wizard(self, draft: RequestDraft, *, new: bool) -> Any:
        from desktop.wizard import PlanWizard

        wizard = PlanWizard(self, draft=draft)
        wizard.setWindowModality(Qt.WindowModality.WindowModal)

        def accepted() -> None:
            d = wizard.draft
            self.set_request(
                wizard.request(),
                customer=d.customer,
                quote_no=d.quote_no,
                path=None if new else self.path,
                modified=True,
            )

        wizard.accepted.connect(accepted)
        wizard.finished.connect(lambda _result: wizard.deleteLater())
        self.wizard = wizard
        wizard.show()
        return wizard

    def show_catalog(self) -> None:
        from desktop.catalog_window import CatalogWindow

        if self.catalog_window is None:
            chinese = self.settings.effective_language().startswith("zh")
            self.catalog_window = CatalogWindow(self, chinese=chinese)
            self.catalog_window.prices_changed.connect(self.replan)
        self.catalog_window.show()
        self.catalog_window.raise_()

    def choose_language(self, code: str) -> None:
        if code != self.settings.effective_language():
            self.settings.language = code
            self.settings.override_language(None)
            self.language_requested.emit(code)

    def about(self) -> None:
        from engine.version import version

        QMessageBox.about(
            self,
            self.tr("About ClusterQuote"),
            self.tr(
                "<b>ClusterQuote %1</b><p>Plans and prices AI training clusters from a model "
                "and a deadline. Prices are indicative unless you import vendor quotes.</p>"
            ).replace("%1", version()),
        )

    # ------------------------------------------------------------ state
    def _update_title(self) -> None:
        name = self.path.name if self.path else self.tr("Untitled plan")
        self.setWindowTitle(f"{name}{' *' if self.modified else ''} — ClusterQuote")

    def _update_actions(self) -> None:
        has_request = self.request is not None
        self.save_action.setEnabled(has_request)
        self.save_as_action.setEnabled(has_request)
        self.replan_action.setEnabled(has_request)
        self.export_action.setEnabled(self.result is not None and self.error is None)
        self.export_pdf_action.setEnabled(self.export_action.isEnabled())

    def state(self) -> dict[str, Any]:
        """What a new window needs to carry on (after a language change)."""
        return {
            "request": self.request,
            "customer": self.customer,
            "quote_no": self.quote_no,
            "path": self.path,
            "modified": self.modified,
        }

    def hand_over(self) -> None:
        """Close without asking or dropping the draft: a new window carries on (language change)."""
        self._handing_over = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        handing_over = getattr(self, "_handing_over", False)
        if not handing_over and not self.maybe_save():
            event.ignore()
            return
        self.settings.window_geometry = bytes(self.saveGeometry().data())
        if not handing_over:
            self.drafts.clear()
        self.planner.wait(10_000)
        event.accept()
