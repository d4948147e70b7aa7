"""The open plan: one object that holds what the comparison window shows and edits.

``PlanSession`` holds the request (a frozen ``PlanRequest``), the customer and quote
number the quote is written for, the plan file, the prices it is quoted with, the BOM
overrides' editor, the latest result or error, and the undo/redo history. Every user
action makes a new request and hands it to ``edit``, which records the step and
re-plans in the worker; ``undo`` and ``redo`` put a recorded request back and re-plan
the same way. Views listen to its signals and call its methods; none reaches into the
window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.history import History, describe
from desktop.overrides import OverrideBook
from desktop.quoted_prices import QuotedPrices
from desktop.worker import Planner, PlanResult
from engine.model import PlanRequest
from engine.money.snapshot import PriceSnapshot


class PlanSession(QObject):
    """The request, its result, its file and its history of edits."""

    request_changed = Signal(object)  # the PlanRequest now current; it is being planned
    planned = Signal(object)  # the PlanResult of the current request
    failed = Signal(str, str)  # request field ("" if none), message
    state_changed = Signal()  # undo/redo, the modified mark, the file or the customer changed

    def __init__(self, planner: Planner | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.planner = planner or Planner(self)
        self.request: PlanRequest | None = None
        self.customer = ""
        self.quote_no = ""
        self.path: Path | None = None
        self.result: PlanResult | None = None
        self.error: tuple[str, str] | None = None
        self.history = History()
        self._unsaved = False  # a change the history does not hold: prices, customer, quote number
        self.overrides = OverrideBook(self, self)
        self.overrides.edited.connect(self.edit)
        self.quoted = QuotedPrices(self, self)
        self.quoted.changed.connect(self._prices_changed)
        self.planner.finished.connect(self._finished)
        self.planner.failed.connect(self._failed)

    # ------------------------------------------------------------ a plan as a whole
    def open(
        self,
        request: PlanRequest,
        *,
        customer: str = "",
        quote_no: str = "",
        path: Path | None = None,
        snapshot: PriceSnapshot | None = None,
        modified: bool = True,
    ) -> None:
        """Make ``request`` the plan (opened, made in the wizard, restored) with a fresh history."""
        self.quoted.load(snapshot)
        self.customer, self.quote_no, self.path = customer, quote_no, path
        self.history.reset(clean=not modified)
        self._unsaved = False
        self._set(request)

    def set_labels(self, customer: str, quote_no: str) -> None:
        """The customer and quote number the quote is written for (not part of the request)."""
        if (customer, quote_no) != (self.customer, self.quote_no):
            self.customer, self.quote_no = customer, quote_no
            self._unsaved = True
            self.state_changed.emit()

    # ------------------------------------------------------------ edits and their history
    def edit(self, request: PlanRequest, label: Callable[[], str] | None = None) -> bool:
        """A user's edit: record it for undo and re-plan. False when nothing changed.
        ``label`` names the step in the GUI's language when Undo shows it (by default, what
        changed in the request)."""
        before = self.request
        if before is None or request == before:
            return False
        self.history.push(before, request, label)
        self._set(request)
        return True

    def undo(self) -> bool:
        step = self.history.undo()
        if step is None:
            return False
        self._set(step.before)
        return True

    def redo(self) -> bool:
        step = self.history.redo()
        if step is None:
            return False
        self._set(step.after)
        return True

    def undo_text(self) -> str:
        """What Undo would take back, in the GUI's language ('' when nothing)."""
        step = self.history.next_undo()
        return describe(step) if step is not None else ""

    def redo_text(self) -> str:
        step = self.history.next_redo()
        return describe(step) if step is not None else ""

    # ------------------------------------------------------------ the file
    @property
    def modified(self) -> bool:
        """True when the plan differs from its file (or has none and was edited or made anew)."""
        return self.request is not None and (self._unsaved or not self.history.is_clean())

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self.mark_clean()

    def mark_clean(self) -> None:
        """Take the current state as the saved one (nothing to ask about on closing)."""
        self.history.set_clean()
        self._unsaved = False
        self.state_changed.emit()

    # ------------------------------------------------------------ planning
    def replan(self) -> None:
        """Plan the current request in the worker (with the plan's saved prices, if any)."""
        if self.request is not None:
            self.planner.start(self.request, self.quoted.price_list())

    def _set(self, request: PlanRequest) -> None:
        self.request = request
        self.request_changed.emit(request)
        self.state_changed.emit()
        self.replan()

    def _prices_changed(self) -> None:
        self._unsaved = True  # the file keeps the prices: it must be saved again
        self.state_changed.emit()
        self.replan()

    def _finished(self, result: PlanResult) -> None:
        self.result, self.error = result, None
        self.planned.emit(result)

    def _failed(self, field: str, message: str) -> None:
        self.error = (field, message)
        self.failed.emit(field, message)
