"""The Optimise view: the cheapest ways to meet the deadline, with their odds.

The buyer sets the odds the answer must reach, the number of Monte-Carlo draws and the cost
to minimise, and searches (engine.optimise, off the GUI thread, cancellable). The view shows
the Pareto front of cost against calendar days as a chart and a table, the chosen variant's
odds of finishing by each day, and "Use this plan", which makes the chosen variant the
session's request in one undoable step.
"""

from __future__ import annotations

import warnings
from typing import Any
from weakref import WeakKeyDictionary

from PySide6.QtCore import QElapsedTimer, QItemSelectionModel, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import format as fmt
from desktop.fields import ValueField, bounded
from desktop.models import SORT_ROLE
from desktop.optimise_model import (
    FrontModel,
    Variant,
    config_names,
    cooling_text,
    hosting_text,
    variant_label,
)
from desktop.optimise_worker import Found, Optimiser, Search
from desktop.session import PlanSession
from engine.model import PlanRequest

# the latest answer of each session's search: a window remade for another language shows it again
LAST_FOUND: WeakKeyDictionary[PlanSession, Found] = WeakKeyDictionary()
DEFAULT_DRAWS = 10_000  # the figure: a P90 resting on a thousand draws beyond it
ERROR_STYLE = "color: #b00020;"
PROGRESS_STEPS = 1000  # the bar's range: the engine's share done, to a tenth of a percent


class OptimiseView(QWidget):
    """Search the design space for the session's request and use a variant as the plan."""

    def __init__(self, session: PlanSession, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("optimise")
        self.session = session
        self.language = language
        self.optimiser = Optimiser(self)
        self.found: Found | None = None
        self.chosen: Variant | None = None
        self._canvases: dict[str, Any] = {}
        self._build()
        self.optimiser.started.connect(self._started)
        self.optimiser.progress.connect(self._progressed)
        self.optimiser.finished.connect(self._finished)
        self.optimiser.failed.connect(self._failed)
        self.optimiser.cancelled.connect(self._cancelled)
        self._links = [(session.request_changed, self._request_changed)]
        for signal, slot in self._links:
            signal.connect(slot)
        self._request_changed(session.request)
        if session in LAST_FOUND:  # the window was remade (a language change): show it again
            self.show_found(LAST_FOUND[session])

    # ------------------------------------------------------------ construction
    def _build(self) -> None:
        self.confidence = ValueField(bounded("optimise.confidence", percent=True), parent=self)
        self.confidence.setObjectName("optimiseConfidence")
        self.confidence.setToolTip(self.tr(
            "The odds of meeting the deadline the answer must reach: the cheapest variant whose "
            "share of draws finished by the deadline is at least this"))
        self.draws = ValueField(bounded("optimise.draws"), parent=self)
        self.draws.setObjectName("optimiseDraws")
        self.draws.set_value(DEFAULT_DRAWS, "{:,}")
        self.draws.setToolTip(self.tr(
            "Monte-Carlo draws of efficiency, goodput, lead time, prices and exchange rate; "
            "more draws, steadier odds, a longer search"))
        self.objective = QComboBox(self)
        self.objective.setObjectName("optimiseObjective")
        self.objective.addItem(self.tr("Total cost of ownership"), "tco")
        self.objective.addItem(self.tr("Capex"), "capex")
        self.search_button = QPushButton(self.tr("Search"), self)
        self.search_button.setObjectName("optimiseSearch")
        self.search_button.clicked.connect(self.search)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("optimiseCancel")
        self.cancel_button.clicked.connect(self.optimiser.cancel)
        self.cancel_button.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.cancel_button.hide()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("optimiseProgress")
        self.progress.setRange(0, PROGRESS_STEPS)  # the engine's share done
        self.progress.setMaximumWidth(160)
        self.progress.setFormat("%p%")
        self.progress.hide()
        self.elapsed = QElapsedTimer()
        self.ticker = QTimer(self)
        self.ticker.setInterval(250)
        self.ticker.timeout.connect(self._tick)

        bar = QHBoxLayout()
        for label, widget in ((self.tr("Odds of meeting the deadline:"), self.confidence),
                              (self.tr("Draws:"), self.draws), (self.tr("Minimise:"), self.objective)):
            bar.addWidget(QLabel(label, self), 0, Qt.AlignmentFlag.AlignTop)
            bar.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
        self.confidence.setMaximumWidth(90)
        self.draws.setMaximumWidth(110)
        for button in (self.search_button, self.cancel_button, self.progress):
            bar.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        bar.addStretch(1)

        self.status = QLabel(self)
        self.status.setObjectName("optimiseStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.model = FrontModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setObjectName("optimiseFront")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the engine's order: cheapest first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        # one line a row, as the comparison table
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.summary = QLabel(self)
        self.summary.setObjectName("optimiseChosen")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.use_button = QPushButton(self.tr("Use this plan"), self)
        self.use_button.setObjectName("optimiseUse")
        self.use_button.setToolTip(self.tr(
            "Make the chosen variant the plan: its configuration, GPUs, cooling, rack budget and "
            "hosting (Edit ▸ Undo takes it back)"))
        self.use_button.clicked.connect(self.use_chosen)
        self.use_button.setEnabled(False)

        self.front_box = QWidget(self)
        self.front_box.setObjectName("optimiseFrontChart")
        QVBoxLayout(self.front_box).setContentsMargins(0, 0, 0, 0)
        self.risk_box = QWidget(self)
        self.risk_box.setObjectName("optimiseRiskChart")
        QVBoxLayout(self.risk_box).setContentsMargins(0, 0, 0, 0)

        self.front_box.setMinimumSize(420, 300)
        self.risk_box.setMinimumSize(320, 240)
        right = QWidget(self)
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.risk_box, 1)
        side.addWidget(self.summary)
        side.addWidget(self.use_button, 0, Qt.AlignmentFlag.AlignRight)
        charts = QSplitter(Qt.Orientation.Horizontal, self)
        charts.addWidget(self.front_box)
        charts.addWidget(right)
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(charts)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([440, 260])
        charts.setSizes([560, 400])
        self.table.setMinimumHeight(140)

        self.confidence.changed.connect(self._odds_changed)
        self.draws.changed.connect(self._update_state)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)

    def detach(self) -> None:
        """Stop following the session (the window hands it over to another)."""
        for signal, slot in self._links:
            signal.disconnect(slot)
        self._links.clear()
        self.optimiser.cancel()

    # ------------------------------------------------------------ the request
    def _request_changed(self, request: PlanRequest | None) -> None:
        if request is not None and not self.confidence.text():
            confidence = request.schedule.confidence
            if confidence is None:
                from engine.assumptions import default

                confidence = default("schedule.confidence").value
            self.confidence.set_value(confidence * 100, "{:g}%")
        self._update_state()

    def _odds_changed(self) -> None:
        confidence = self.confidence.value()
        if self.found is None and confidence is not None:  # the table's P-column names the odds
            self.model.set_confidence(confidence)
        self._update_state()

    def problem(self) -> str:
        """Why the current plan cannot be searched, in words; '' when it can."""
        request = self.session.request
        if request is None:
            return self.tr("Make a plan first.")
        if request.schedule.days is None:
            return self.tr("The search needs a deadline: this plan has a fixed fleet of GPUs. "
                           "Give it a deadline in days (or undo the plan the search made).")
        if request.overrides:
            return self.tr("The plan has edited bill-of-materials lines, which belong to one "
                           "configuration. Revert them to search every configuration.")
        for field, name in ((self.confidence, self.tr("odds")), (self.draws, self.tr("draws"))):
            if field.error():
                return self.tr("The %1 field: %2").replace("%1", name).replace("%2", field.error())
        return ""

    def _update_state(self) -> None:
        busy = self.optimiser.busy
        problem = self.problem()
        self.search_button.setEnabled(not busy and not problem)
        self.search_button.setToolTip(problem)
        self.use_button.setEnabled(not busy and self.chosen is not None and self._fresh()
                                   and self.session.request != self._request_of(self.chosen))
        if busy:
            return
        if self.found is not None and not self._fresh():
            in_use = any(self.session.request == self._request_of(v) for v in self.model.rows)
            self._say(self.tr("This plan is now a variant of the search below; undo to go back "
                              "to the plan that was searched.") if in_use else
                      self.tr("The plan changed since this search: search again for figures "
                              "that match it."))
        elif self.found is None and problem and self.session.request is not None:
            self._say(problem)

    def _fresh(self) -> bool:
        return self.found is not None and self.session.request == self.found.search.request

    def _request_of(self, v: Variant | None) -> PlanRequest | None:
        if v is None or self.found is None:
            return None
        from engine.optimise.exact import variant_request

        return variant_request(self.found.search.request, v["config"], int(v["gpus"]), v["cooling"],
                               float(v["rack_kw"]), v["hosting"])

    # ------------------------------------------------------------ the search
    def search(self) -> None:
        """Search the current plan's design space with the view's odds, draws and cost."""
        problem = self.problem()
        request = self.session.request
        if problem or request is None:
            self._say(problem, error=True)
            return
        search = Search(request, float(self.confidence.value()), int(self.draws.value()),
                        self.objective.currentData())
        self.optimiser.start(search, self.session.quoted.price_list())

    def _started(self) -> None:
        self.elapsed.start()
        self.ticker.start()
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self._tick()
        self._update_state()

    def _stopped(self) -> None:
        self.ticker.stop()
        self.progress.hide()
        self.cancel_button.hide()

    def _progressed(self, share: float) -> None:
        """The engine's share done, sent from the search's thread by a queued signal."""
        self.progress.setValue(round(share * PROGRESS_STEPS))

    def _tick(self) -> None:
        self._say(self.tr("Searching the design space… %1 s").replace(
            "%1", fmt.number(self.elapsed.elapsed() / 1000, 0)))

    def _cancelled(self) -> None:
        self._stopped()
        self._say(self.tr("Search cancelled; the plan and the results shown before are kept.")
                  if self.found is not None else self.tr("Search cancelled; the plan is kept."))
        self._update_state()

    def _failed(self, _field: str, message: str) -> None:
        self._stopped()
        self._say(self.tr("Could not search: %1").replace("%1", message), error=True)
        self._update_state()

    def _finished(self, found: Found) -> None:
        self._stopped()
        LAST_FOUND[self.session] = found
        self.show_found(found)

    def show_found(self, found: Found) -> None:
        """Show a search's answer, the best variant chosen (its names in the GUI's language)."""
        from engine.catalog import load_catalog

        self.found = found
        r = found.result
        names = config_names({v["config"] for v in r.front} | ({r.best["config"]} if r.best else set()),
                             load_catalog())
        self.model.show(r.front, r.best, names, r.currency, r.confidence,
                        r.front_days_quantiles, r.best_days_quantiles)
        self._say(self._outcome(found))
        self.chosen = None
        row = self.model.best if self.model.best is not None else (0 if self.model.rows else None)
        if row is not None:
            self.choose(row)
        else:
            self._redraw()
        self._update_state()

    def _outcome(self, found: Found) -> str:
        r = found.result
        text = self.tr("Searched %1 variants with %2 draws each in %3 s (seed %4).").replace(
            "%1", fmt.number(r.variants_evaluated)).replace("%2", fmt.number(r.draws)).replace(
            "%3", fmt.number(found.seconds, 1)).replace("%4", str(r.seed))
        if r.best is None:
            return text + " " + self.tr(
                "No variant meets the deadline with %1 odds: the front shows how close each comes."
            ).replace("%1", fmt.percent(r.confidence))
        own = r.best_plan
        cost = r.objective
        if own is not None and own.get("meets_confidence"):
            saving = float(own[cost]) - float(r.best[cost])
            text += " " + self.tr("★ saves %1 against the plan's own cheapest meeting the same odds.") \
                .replace("%1", fmt.money(saving, r.currency))
        if r.left_out:
            text += " " + self.tr("Not searched (the market does not sell them): %1.").replace(
                "%1", ", ".join(c for c, _ in r.left_out))
        return text

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else "")

    # ------------------------------------------------------------ choosing
    def choose(self, row: int) -> None:
        """Choose the front's ``row`` (the model's order): the table selects it, the charts
        mark it."""
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _row_changed(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        row = self.proxy.mapToSource(current).row()
        self.chosen = self.model.rows[row]
        self._describe_chosen()
        self._redraw()
        self._update_state()

    def _describe_chosen(self) -> None:
        v = self.chosen
        if v is None or self.found is None:
            self.summary.setText("")
            return
        r = self.found.result
        self.summary.setText(self.tr(
            "%1: %2 GPUs, %3 cooling at %4 kW a rack, %5. Capex %6, TCO %7. Calendar days "
            "P10 %8, P50 %9, P90 %10; on time in %11 of the draws.")
            .replace("%10", fmt.number(v["days_p90"])).replace("%11", fmt.percent(v["p_meets"]))
            .replace("%1", self.model.title(v)).replace("%2", fmt.number(v["gpus"]))
            .replace("%3", cooling_text(v["cooling"])).replace("%4", fmt.number(v["rack_kw"]))
            .replace("%5", hosting_text(v["hosting"])).replace("%6", fmt.money(v["capex"], r.currency))
            .replace("%7", fmt.money(v["tco"], r.currency)).replace("%8", fmt.number(v["days_p10"]))
            .replace("%9", fmt.number(v["days_p50"])))

    def use_chosen(self) -> bool:
        """Make the chosen variant the plan, one step in the session's history."""
        request = self._request_of(self.chosen)
        if request is None or not self._fresh():
            return False
        assert self.chosen is not None
        label = variant_label(self.chosen, self.model.names.get(self.chosen["config"]))
        done = self.session.edit(request, label)
        self._update_state()
        return done

    # ------------------------------------------------------------ charts
    def _canvas(self, key: str) -> Any:
        if key not in self._canvases:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            from desktop.charts import configure_fonts

            configure_fonts(self.language)
            canvas = FigureCanvasQTAgg(Figure(figsize=(6, 4)))  # type: ignore[no-untyped-call]
            box = self.front_box if key == "front" else self.risk_box
            layout = box.layout()
            assert layout is not None
            layout.addWidget(canvas)
            if key == "front":
                canvas.mpl_connect("button_press_event", self._clicked)
            self._canvases[key] = canvas
        return self._canvases[key]

    def _redraw(self) -> None:
        from desktop.optimise_charts import FrontPicture, draw_front, draw_risk

        found = self.found
        front, risk = self._canvas("front"), self._canvas("risk")
        chosen = self.model.rows.index(self.chosen) if self.chosen in self.model.rows else None
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            if found is None:
                draw_front(front.figure, FrontPicture((), {}, None, None, 0.0, 0.9, "CNY", "tco"))
                draw_risk(risk.figure, None, "", 0.0, 0.9)
            else:
                r = found.result
                draw_front(front.figure, FrontPicture(self.model.rows, self.model.names, chosen,
                                                      self.model.best, r.deadline, r.confidence,
                                                      r.currency, r.objective))
                title = self.model.title(self.chosen) if self.chosen else ""
                draw_risk(risk.figure, self.chosen, title, r.deadline, r.confidence,
                          self.model.curve(chosen) if chosen is not None else ())
            front.draw()
            risk.draw()

    def _clicked(self, event: Any) -> None:
        """A click on the front chart chooses the nearest variant (within a few pixels)."""
        if event.inaxes is None or not self.model.rows or self.found is None:
            return
        ax = event.inaxes
        cost = self.found.result.objective
        points = ax.transData.transform([(float(v["days_quantile"]), float(v[cost]) / 1e6)
                                         for v in self.model.rows])
        distances = [((x - event.x) ** 2 + (y - event.y) ** 2) ** 0.5 for x, y in points]
        nearest = min(range(len(distances)), key=distances.__getitem__)
        if distances[nearest] <= 12:
            self.choose(nearest)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._canvases:
            self._redraw()
