"""The comparison window: the app's main window.

It holds one request, plans it in a worker thread (desktop.worker) and shows the
comparison: a table with one column per configuration, the recommendation and
warnings, a bill of materials per configuration, and charts. The assumptions
panel edits the request and re-plans at once. Files: save/open plans, recent
files, export the Excel quote, and an autosaved draft.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.draft import RequestDraft
from desktop.files import DraftStore, SaveError, write_plan
from desktop.overrides import OverrideBook
from desktop.quote_export import export_with_dialog, write_export
from desktop.quote_import import open_quote_import
from desktop.quoted_prices import QuotedPrices, QuotedPricesBar
from desktop.settings import Settings
from desktop.views.assumptions import AssumptionsPanel
from desktop.views.bom import BomView
from desktop.views.chart_tab import ChartTab
from desktop.views.headline import HeadlineView
from desktop.views.overview import OverviewView
from desktop.views.pair import PairView
from desktop.views.racks import RackView
from desktop.worker import Planner, PlanResult
from engine.model import PlanRequest
from engine.planfile import SUFFIX, PlanFileError, load_plan_document

PLAN_FILTER_SUFFIX = f"*{SUFFIX}"


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
        self.overrides = OverrideBook(self)
        self.quoted = QuotedPrices(self)

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
        self.overrides.edited.connect(self.panel.load)  # the panel edits the request with them
        self.overrides.edited.connect(self._panel_edited)
        self.quoted.changed.connect(lambda: self._panel_edited(self.request))
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
        self.import_quote_action = self._action(
            self.tr("&Import vendor quote…"), lambda: open_quote_import(self))

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
        plan_menu.addAction(self.import_quote_action)
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
        self.top = HeadlineView(translated=self.translated, parent=page)
        self.top.fix_requested.connect(self.apply_fix)
        self.headline, self.banner = self.top.headline, self.top.banner
        self.refusal, self.fix_button = self.top.refusal, self.top.fix_button
        self.tabs = QTabWidget(page)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.top)
        self.quoted_bar = QuotedPricesBar(self.quoted, page)
        layout.addWidget(self.quoted_bar)
        layout.addWidget(self.tabs, 1)

        translated = self.translated
        language = self.settings.effective_language()
        self.overview = OverviewView(translated=translated, parent=self.tabs)
        self.table_model = self.overview.model
        self.table = self.overview.table
        self.recommendation = self.overview.recommendation
        self.warnings = self.overview.warnings
        self.tabs.addTab(self.overview, self.tr("Comparison"))
        self.pair_view = PairView(self.tabs)
        self.tabs.addTab(self.pair_view, self.tr("Lenovo vs Inspur"))
        self.bom_view = BomView(chinese=language.startswith("zh"), overrides=self.overrides,
                                parent=self.tabs)
        self.tabs.addTab(self.bom_view, self.tr("Bill of materials"))
        self.rack_view = RackView(language, self.tabs)
        self.tabs.addTab(self.rack_view, self.tr("Racks"))

        self.chart_tabs: dict[str, ChartTab] = {}
        for key, label in (
            ("capex", self.tr("Capex")),
            ("power", self.tr("Power and racks")),
            ("deadline", self.tr("GPUs vs deadline")),
            ("tco", self.tr("TCO over years")),
        ):
            tab = ChartTab(key, language, self.tabs)
            self.chart_tabs[key] = tab
            self.tabs.addTab(tab, label)
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
            self.planner.start(self.request, self.quoted.price_list())

    def _autosave(self) -> None:
        if self.request is not None and self.settings.autosave_draft:
            self.drafts.save(self.request, customer=self.customer, quote_no=self.quote_no,
                             snapshot=self.quoted.snapshot)

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
        self.top.show_failure(message)
        self.status_label.setText(self.tr("Not planned"))
        self._update_actions()

    def _plan_finished(self, result: PlanResult) -> None:
        self.progress.hide()
        self.error = None
        self.result = result
        comparison = result.comparison
        self.overview.show_comparison(result.figures, comparison)
        self.top.show_comparison(comparison, customer=self.customer, quote_no=self.quote_no)
        self.panel.show_plan_defaults(comparison)
        self.pair_view.set_comparison(comparison)
        self.bom_view.set_comparison(comparison)
        self.rack_view.set_comparison(comparison)
        self.quoted_bar.show_for(comparison)
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

    def apply_fix(self, request: PlanRequest | None = None) -> None:
        """Re-plan with the fix the refusal line proposes."""
        fixed = request or self.top.fix
        if fixed is not None:
            self.panel.load(fixed)
            self._panel_edited(fixed)

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
        self.quoted.load(document.snapshot)
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
            write_plan(path, self.request, customer=self.customer, quote_no=self.quote_no,
                       snapshot=self.quoted.for_saving(self.request))
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

    def export_quote(self, path: Path) -> Path | None:
        """Write the comparison's quote workbook to ``path`` (the menu asks through a dialog)."""
        if self.result is None:
            return None
        return write_export(self, path, customer=self.customer)

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
        from engine.lead_times import first_deadline_days

        self._open_wizard(RequestDraft(schedule={"days": first_deadline_days()},
                                       efficiency=self._team_settings()), new=True)

    def _team_settings(self) -> dict[str, Any]:
        """The team profile and measured calibration the user last planned with."""
        from engine.compute.team import parse_measured
        from engine.errors import RequestError

        try:
            measured = parse_measured(self.settings.measured)
        except RequestError:  # a setting from elsewhere that no longer parses
            measured = {}
        return {"team": self.settings.team, **measured}

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
            from dataclasses import asdict

            from desktop.pages.schedule import measured_text

            d = wizard.draft
            efficiency = wizard.request().efficiency
            self.settings.team = efficiency.team or "typical"
            self.settings.measured = measured_text(asdict(efficiency))
            if new:
                self.quoted.load(None)  # a new plan is priced with today's list
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
        self.import_quote_action.setEnabled(self.result is not None and self.error is None)

    def state(self) -> dict[str, Any]:
        """What a new window needs to carry on (after a language change)."""
        return {
            "request": self.request,
            "customer": self.customer,
            "quote_no": self.quote_no,
            "path": self.path,
            "modified": self.modified,
            "snapshot": self.quoted.snapshot,
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
