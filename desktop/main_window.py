"""The comparison window: the app's main window.

It shows one plan session (desktop.session: the request, its result, its file and
its history of edits): a table with one column per configuration, the recommendation
and warnings, a bill of materials per configuration, and charts. The assumptions
panel and the BOM edit the request through the session, which re-plans in a worker
thread; Edit ▸ Undo/Redo walk its history. Files: save/open plans, recent files,
export the Excel quote, and an autosaved draft.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, SignalInstance
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
from desktop.session import PlanSession
from desktop.settings import Settings
from desktop.views.assumptions import AssumptionsPanel
from desktop.views.bom import BomView
from desktop.views.chart_tab import ChartTab
from desktop.views.headline import HeadlineView
from desktop.views.optimise import OptimiseView
from desktop.views.overview import OverviewView
from desktop.views.pair import PairView
from desktop.views.racks import RackView
from desktop.worker import Planner, PlanResult
from engine.model import PlanRequest
from engine.planfile import SUFFIX, load_plan_document
from engine.safeio import DATA_ERRORS, data_error_message

if TYPE_CHECKING:
    from desktop.catalog_window import CatalogWindow
    from desktop.wizard import PlanWizard

PLAN_FILTER_SUFFIX = f"*{SUFFIX}"


class MainWindow(QMainWindow):
    """The comparison window."""

    language_requested = Signal(str)

    def __init__(
        self,
        settings: Settings,
        *,
        session: PlanSession | None = None,
        drafts: DraftStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings
        # a session handed over by an earlier window (a language change) keeps its history
        self.session = session or PlanSession()
        self.drafts = drafts or DraftStore()
        self.catalog_window: CatalogWindow | None = None
        self.wizard: PlanWizard | None = None

        self.setWindowTitle("ClusterQuote")
        self.resize(1280, 820)
        self._build_actions()
        self._build_menus()
        self._build_central()
        self._build_status()
        # the session may outlive this window (a language change): what it connects, it undoes
        self._links: list[tuple[SignalInstance, Callable[..., object]]] = [
            (self.planner.started, self._plan_started),
            (self.planner.progress, self._plan_progress),
            (self.session.planned, self._plan_finished),
            (self.session.failed, self._plan_failed),
            (self.session.request_changed, self._request_changed),
            (self.session.state_changed, self._update_title),
            (self.session.state_changed, self._update_actions),
        ]
        for signal, slot in self._links:
            signal.connect(slot)
        self._update_actions()
        geometry = settings.window_geometry
        if geometry:
            self.restoreGeometry(geometry)
        if self.session.request is not None:  # carrying on a plan: show it in this window's words
            self._show_session()
            self.session.replan()

    # ------------------------------------------------------------ the session's state
    @property
    def planner(self) -> Planner:
        return self.session.planner

    @property
    def request(self) -> PlanRequest | None:
        return self.session.request

    @property
    def result(self) -> PlanResult | None:
        return self.session.result

    @property
    def error(self) -> tuple[str, str] | None:
        return self.session.error

    @property
    def path(self) -> Path | None:
        return self.session.path

    @property
    def customer(self) -> str:
        return self.session.customer

    @property
    def quote_no(self) -> str:
        return self.session.quote_no

    @property
    def modified(self) -> bool:
        return self.session.modified

    @property
    def overrides(self) -> OverrideBook:
        return self.session.overrides

    @property
    def quoted(self) -> QuotedPrices:
        return self.session.quoted

    @property
    def translated(self) -> bool:
        """True when the GUI speaks another language than the engine's English."""
        return self.settings.effective_language() != "en"

    # ------------------------------------------------------------ construction
    def _action(
        self, text: str, slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
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
            self.tr("&Export quote (.xlsx)…"), lambda: self.export_with_dialog(pdf=False), "Ctrl+E"
        )
        self.export_pdf_action = self._action(
            self.tr("Export &PDF…"), lambda: self.export_with_dialog(pdf=True)
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = self._action(self.tr("&Undo"), self.session.undo, QKeySequence.StandardKey.Undo)
        self.undo_action.setObjectName("undo")
        self.redo_action = self._action(self.tr("&Redo"), self.session.redo)
        self.redo_action.setObjectName("redo")
        # Ctrl+Shift+Z everywhere, shown in the menu, and the platform's other Redo keys (Ctrl+Y)
        shift_z = QKeySequence("Ctrl+Shift+Z")
        others = [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) if k != shift_z]
        self.redo_action.setShortcuts([shift_z, *others])
        self.edit_action = self._action(
            self.tr("&Edit request in the wizard…"), self.edit_in_wizard, "Ctrl+W"
        )
        self.replan_action = self._action(self.tr("&Re-plan"), self.replan, "F5")
        self.catalog_action = self._action(self.tr("&Catalog and prices…"), self.show_catalog)
        self.about_action = self._action(self.tr("&About ClusterQuote"), self.about)
        self.import_quote_action = self._action(
            self.tr("&Import vendor quote…"),
            lambda: open_quote_import(self.session, self.settings, self))

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
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
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
        # all tabs in view at once: short labels (the full name is the tooltip), and on a
        # narrow window labels are cut with "…" rather than tabs hidden behind scroll arrows
        self.tabs.tabBar().setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        layout.addWidget(self.top)
        self.quoted_bar = QuotedPricesBar(self.session.quoted, page)
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
        self.bom_view = BomView(chinese=language.startswith("zh"), overrides=self.session.overrides,
                                parent=self.tabs)
        self.tabs.addTab(self.bom_view, self.tr("BOM"))
        self.tabs.setTabToolTip(self.tabs.indexOf(self.bom_view), self.tr("Bill of materials"))
        self.rack_view = RackView(language, self.tabs)
        self.tabs.addTab(self.rack_view, self.tr("Racks"))

        self.chart_tabs: dict[str, ChartTab] = {}
        for key, label, full in (
            ("capex", self.tr("Capex"), self.tr("Capex")),
            ("power", self.tr("Power"), self.tr("Power and racks")),
            ("deadline", self.tr("Deadline"), self.tr("GPUs vs deadline")),
            ("tco", self.tr("TCO"), self.tr("TCO over years")),
        ):
            tab = ChartTab(key, language, self.tabs)
            self.chart_tabs[key] = tab
            self.tabs.setTabToolTip(self.tabs.addTab(tab, label), full)
        self.optimise_view = OptimiseView(self.session, language, self.tabs)
        self.tabs.addTab(self.optimise_view, self.tr("Optimise"))
        self.stack.addWidget(page)

        self.panel = AssumptionsPanel(self.session, self)
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
        """Make ``request`` the window's plan (priced as the session's prices are) and plan it."""
        self.session.open(request, customer=customer, quote_no=quote_no, path=path,
                          snapshot=self.session.quoted.snapshot, modified=modified)

    def _request_changed(self, _request: PlanRequest) -> None:
        self._show_session()
        self._autosave()

    def _show_session(self) -> None:
        self.dock.show()
        self.stack.setCurrentIndex(1)
        self._update_title()

    def replan(self) -> None:
        self.session.replan()

    def _autosave(self) -> None:
        session = self.session
        if session.request is not None and self.settings.autosave_draft:
            self.drafts.save(session.request, customer=session.customer, quote_no=session.quote_no,
                             snapshot=session.quoted.snapshot,
                             entries=self._plan_entries(session.request))

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
        self.top.show_failure(message)
        self.status_label.setText(self.tr("Not planned"))
        self._update_actions()

    def _plan_finished(self, result: PlanResult) -> None:
        self.progress.hide()
        comparison = result.comparison
        self.overview.show_comparison(result.figures, comparison)
        self.top.show_comparison(comparison, customer=self.customer, quote_no=self.quote_no)
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
            self.session.edit(fixed)

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
        except DATA_ERRORS as exc:
            QMessageBox.warning(self, self.tr("Cannot open the plan"), data_error_message(exc, path.name))
            if not path.exists():
                self.settings.remove_recent(str(path))
                self._fill_recent_list()
            return False
        self.settings.last_folder = str(path.parent)
        self.settings.add_recent(str(path))
        self._fill_recent_list()
        from desktop import user_systems

        user_systems.set_carried(document.entries)  # the user-entered systems the plan carries
        self.session.open(document.request, customer=document.customer, quote_no=document.quote_no,
                          path=path, snapshot=document.snapshot, modified=False)
        return True

    def _plan_entries(self, request: Any) -> Any:
        """The user-entered systems the plan stands on, for its file to carry."""
        from desktop import user_systems

        return user_systems.entries_for(request.configs, self.session.quoted.price_list())

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
        request = self.session.request
        assert request is not None
        try:
            write_plan(path, request, customer=self.customer, quote_no=self.quote_no,
                       snapshot=self.session.quoted.for_saving(request),
                       entries=self._plan_entries(request))
        except SaveError as exc:
            QMessageBox.warning(self, self.tr("Cannot save the plan"), str(exc))
            return False
        self.session.mark_saved(path)
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
        return self._exported(write_export(self.session, self.settings, path, parent=self,
                                           customer=self.customer))

    def export_with_dialog(self, *, pdf: bool) -> Path | None:
        return self._exported(export_with_dialog(self.session, self.settings, self._folder(),
                                                 pdf=pdf, parent=self))

    def _exported(self, written: Path | None) -> Path | None:
        if written is not None:
            self.status_label.setText(QCoreApplication.translate(
                "QuoteExport", "Quote written to %1").replace("%1", str(written)))
        return written

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

    def _open_wizard(self, draft: RequestDraft, *, new: bool) -> PlanWizard:
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
            if new:  # a new plan, priced with today's list, with no history
                self.session.open(wizard.request(), customer=d.customer, quote_no=d.quote_no)
            else:  # an edit of the plan, undone as one step
                self.session.set_labels(d.customer, d.quote_no)
                if not self.session.edit(wizard.request()):
                    self._autosave()

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
            self.catalog_window.prices_changed.connect(self.session.replan)
            self.catalog_window.systems_changed.connect(self.session.replan)
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
        if self.session.request is None:
            return
        name = self.path.name if self.path else self.tr("Untitled plan")
        self.setWindowTitle(f"{name}{' *' if self.modified else ''} — ClusterQuote")

    def _update_actions(self) -> None:
        undo, redo = self.session.undo_text(), self.session.redo_text()
        self.undo_action.setEnabled(bool(undo))
        self.undo_action.setText(self.tr("&Undo %1").replace("%1", undo) if undo else self.tr("&Undo"))
        self.redo_action.setEnabled(bool(redo))
        self.redo_action.setText(self.tr("&Redo %1").replace("%1", redo) if redo else self.tr("&Redo"))
        has_request = self.request is not None
        self.save_action.setEnabled(has_request)
        self.save_as_action.setEnabled(has_request)
        self.replan_action.setEnabled(has_request)
        self.export_action.setEnabled(self.result is not None and self.error is None)
        self.export_pdf_action.setEnabled(self.export_action.isEnabled())
        self.import_quote_action.setEnabled(self.result is not None and self.error is None)

    _handing_over = False

    def hand_over(self) -> None:
        """Close without asking or dropping the draft: a new window carries on with the
        session (language change)."""
        self._handing_over = True
        for signal, slot in self._links:
            signal.disconnect(slot)
        self._links.clear()
        self.panel.detach()
        self.optimise_view.detach()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        handing_over = self._handing_over
        if not handing_over and not self.maybe_save():
            event.ignore()
            return
        self.settings.window_geometry = bytes(self.saveGeometry().data())
        if not handing_over:
            self.drafts.clear()
        self.optimise_view.optimiser.cancel()  # its answer would come to a closed window
        self.planner.wait(10_000)
        event.accept()
