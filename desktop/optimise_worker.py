"""The optimiser off the GUI thread: ``optimise()`` runs in a QRunnable, its share done and its
answer come back by signal, and Cancel stops it.

The engine asks ``should_stop`` between its steps and raises ``Stopped`` when told to; Cancel sets
the running search's stop flag, so the engine gives up within a step, and makes the search stale
(as ``desktop.worker.Planner`` does for a superseded plan): the view is free at once and whatever
the search still sends is dropped. Searches run in a pool of one thread that outlives any
window, so a new search waits for a stopping one instead of sharing the cores with it, and
closing a window never waits for one.
"""

from __future__ import annotations

import threading
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


@cache
def _stopped() -> type[Exception]:
    """The engine's "stopped as asked" exception, imported in the GUI thread as ``_optimise``."""
    from engine.optimise.search import Stopped

    return Stopped


STEPS = 200  # the share done is sent on each half percent: the bar moves, the GUI is not flooded


class _Signals(QObject):
    finished = Signal(int, object)  # generation, Found
    failed = Signal(int, str, str)  # generation, request field ("" if none), message
    progress = Signal(int, float)  # generation, share done 0..1
    stopped = Signal(int)  # generation: the engine stopped as asked


class _SearchTask(QRunnable):
    def __init__(self, generation: int, search: Search, prices: PriceList | None,
                 signals: _Signals, optimise: Callable[..., Result], stop: threading.Event) -> None:
        super().__init__()
        self.generation, self.search, self.prices = generation, search, prices
        self.signals, self.optimise, self.stop = signals, optimise, stop
        self.stopped = _stopped()
        self._sent = -1

    def _progress(self, share: float) -> None:
        """The engine's share done (in the pool thread): a queued signal to the GUI thread."""
        step = int(min(max(share, 0.0), 1.0) * STEPS)
        if step != self._sent:
            self._sent = step
            self.signals.progress.emit(self.generation, step / STEPS)

    def run(self) -> None:
        s = self.search
        started = time.perf_counter()
        try:
            if self.stop.is_set():  # cancelled while it waited for the pool
                raise self.stopped("the search was cancelled before it started")
            result = self.optimise(s.request, confidence=s.confidence, draws=s.draws,
                                   objective=s.objective, seed=s.seed, prices=self.prices,
                                   progress=self._progress, should_stop=self.stop.is_set)
        except self.stopped:
            self.signals.stopped.emit(self.generation)
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
    progress = Signal(float)  # share of the latest search done, 0..1
    finished = Signal(object)  # Found
    failed = Signal(str, str)  # request field, message
    cancelled = Signal()  # the view is free: the latest search was told to stop
    engine_stopped = Signal()  # a cancelled search's engine has stopped (its work is dropped)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = _pool()
        self._generation = 0
        # no parent: a search still running when the window goes keeps its own signals
        self._signals = _Signals()
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.progress.connect(self._on_progress)
        self._signals.stopped.connect(self.engine_stopped)
        self._stop = threading.Event()
        self.busy = False

    def start(self, search: Search, prices: PriceList | None = None) -> None:
        self._stop.set()  # a search still running is superseded: it need not finish
        self._stop = threading.Event()
        self._generation += 1
        self.busy = True
        self.started.emit()
        self.pool.start(_SearchTask(self._generation, search, prices, self._signals, _optimise(),
                                    self._stop))

    def cancel(self) -> None:
        """Tell the running search to stop and drop whatever it still sends; the view goes
        back to what it showed."""
        if self.busy:
            self._stop.set()
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

    def _on_progress(self, generation: int, share: float) -> None:
        if generation == self._generation and self.busy:
            self.progress.emit(share)

    def _on_failed(self, generation: int, field: str, message: str) -> None:
        if generation == self._generation:
            self.busy = False
            self.failed.emit(field, message)
