"""The optimiser off the GUI thread: ``optimise()`` runs in a QRunnable, its answer comes back by
signal, and Cancel lets the window go on at once.

The engine's search has no way to be stopped half-way from outside, so cancelling makes the
running search stale (as ``desktop.worker.Planner`` does for a superseded plan): its answer is
dropped when it arrives and the view is free at once. Searches run in a pool of one thread that
outlives any window, so a new search waits for an abandoned one instead of sharing the cores
with it, and closing a window never waits for one.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.messages import request_error_text
from engine.catalog import CatalogError
from engine.errors import RequestError
from engine.model import PlanRequest
from engine.money.prices import PriceError, PriceList

if TYPE_CHECKING:
    from engine.optimise.search import Objective, Result


@dataclass(frozen=True)
class Search:
    """What the buyer asked the optimiser."""

    request: PlanRequest
    confidence: float  # the odds of meeting the deadline the answer must reach
    draws: int
    objective: Objective
    seed: int = 0


@dataclass(frozen=True)
class Found:
    """A search and its answer."""

    search: Search
    result: Result
    seconds: float


@cache
def _pool() -> QThreadPool:
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool


@cache
def _optimise() -> Callable[..., Result]:
    """The engine's search, imported in the calling (GUI) thread: an import in a pool thread
    races with PySide6's import hook."""
    from engine.optimise.search import optimise

    return optimise


class _Signals(QObject):
    finished = Signal(int, object)  # generation, Found
    failed = Signal(int, str, str)  # generation, request field ("" if none), message


class _SearchTask(QRunnable):
    def __init__(self, generation: int, search: Search, prices: PriceList | None,
                 signals: _Signals, optimise: Callable[..., Result]) -> None:
        super().__init__()
        self.generation, self.search, self.prices = generation, search, prices
        self.signals, self.optimise = signals, optimise

    def run(self) -> None:
        s = self.search
        started = time.perf_counter()
        try:
            result = self.optimise(s.request, confidence=s.confidence, draws=s.draws,
                                   objective=s.objective, seed=s.seed, prices=self.prices)
        except RequestError as exc:
            self.signals.failed.emit(self.generation, exc.field, request_error_text(exc))
        except (CatalogError, PriceError, OSError, MemoryError) as exc:
            self.signals.failed.emit(self.generation, "", str(exc) or type(exc).__name__)
        except Exception as exc:  # a bug: say so rather than leave the view waiting
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            self.signals.failed.emit(self.generation, "", detail)
        else:
            found = Found(s, result, time.perf_counter() - started)
            self.signals.finished.emit(self.generation, found)


class Optimiser(QObject):
    """Runs one search at a time off the GUI thread; the latest search alone reports."""

    started = Signal()
    finished = Signal(object)  # Found
    failed = Signal(str, str)  # request field, message
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = _pool()
        self._generation = 0
        # no parent: a search still running when the window goes keeps its own signals
        self._signals = _Signals()
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self.busy = False

    def start(self, search: Search, prices: PriceList | None = None) -> None:
        self._generation += 1
        self.busy = True
        self.started.emit()
        self.pool.start(_SearchTask(self._generation, search, prices, self._signals, _optimise()))

    def cancel(self) -> None:
        """Drop the running search's answer; the view goes back to what it showed."""
        if self.busy:
            self._generation += 1
            self.busy = False
            self.cancelled.emit()

    def wait(self, msecs: int = 60_000) -> bool:
        """Block until no search runs (tests, closing the window)."""
        return self.pool.waitForDone(msecs)

    def _on_finished(self, generation: int, found: Any) -> None:
        if generation == self._generation:
            self.busy = False
            self.finished.emit(found)

    def _on_failed(self, generation: int, field: str, message: str) -> None:
        if generation == self._generation:
            self.busy = False
            self.failed.emit(field, message)
