"""Planning off the GUI thread: the engine runs in a QRunnable, results come back by signal.

``Planner.start(request)`` plans in the global thread pool and reports progress;
only the latest request's result is delivered, so a quick series of edits never
shows a stale comparison.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.messages import request_error_text
from engine.catalog import CatalogError
from engine.errors import RequestError
from engine.figures import FigureTable
from engine.model import Comparison, PlanRequest
from engine.money.prices import PriceError, PriceList


@dataclass(frozen=True)
class PlanResult:
    comparison: Comparison
    figures: FigureTable  # the comparison's figures (engine.figures)
    seconds: float


@dataclass(frozen=True)
class _Engine:
    compare: Callable[..., Comparison]
    figure_table: Callable[[Comparison], FigureTable]


@cache
def _engine() -> _Engine:
    """The engine's entry points, imported in the calling (GUI) thread."""
    from engine import compare
    from engine.figures import figure_table

    return _Engine(compare, figure_table)


class _Signals(QObject):
    progress = Signal(int, int, int)  # generation, done, total
    finished = Signal(int, object)  # generation, PlanResult
    failed = Signal(int, str, str)  # generation, request field ("" if none), message


class _PlanTask(QRunnable):
    """Runs in a pool thread. It imports nothing: imports in a thread other than the
    GUI's race with PySide6's import hook, so everything it calls is imported first."""

    def __init__(
        self, generation: int, request: PlanRequest, signals: _Signals, engine: _Engine,
        price_list: PriceList | None = None, catalog: Any = None,
    ) -> None:
        super().__init__()
        self.generation = generation
        self.request = request
        self.signals = signals
        self.engine = engine
        self.price_list = price_list
        self.catalog = catalog

    def run(self) -> None:
        compare, figure_table = self.engine.compare, self.engine.figure_table
        started = time.perf_counter()
        try:
            comparison = compare(
                self.request,
                catalog=self.catalog,
                price_list=self.price_list,
                progress=lambda done, total: self.signals.progress.emit(self.generation, done, total),
            )
            figures = figure_table(comparison)
        except RequestError as exc:
            self.signals.failed.emit(self.generation, exc.field, request_error_text(exc))
        except (CatalogError, PriceError, OSError) as exc:
            self.signals.failed.emit(self.generation, "", str(exc))
        except Exception as exc:  # a bug: say so rather than leave the window waiting
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            self.signals.failed.emit(self.generation, "", detail)
        else:
            seconds = time.perf_counter() - started
            self.signals.finished.emit(self.generation, PlanResult(comparison, figures, seconds))


class Planner(QObject):
    """Runs the engine in a worker thread; one signal per outcome."""

    started = Signal()
    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # PlanResult
    failed = Signal(str, str)  # request field, message

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._generation = 0
        self._signals = _Signals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self.busy = False

    def start(self, request: PlanRequest, price_list: PriceList | None = None) -> None:
        """Plan ``request`` with ``price_list`` (None: the user's or the shipped list)."""
        from desktop import user_systems

        self._generation += 1
        self.busy = True
        self.started.emit()
        try:  # the systems the user added, and those the opened plan carries
            catalog, price_list = user_systems.working(price_list)
        except (CatalogError, PriceError, OSError) as exc:
            self._signals.failed.emit(self._generation, "", str(exc))
            return
        self.pool.start(_PlanTask(self._generation, request, self._signals, _engine(), price_list,
                                  catalog))

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (tests, self-test, shutdown)."""
        return self.pool.waitForDone(msecs)

    def _current(self, generation: int) -> bool:
        return generation == self._generation

    def _on_progress(self, generation: int, done: int, total: int) -> None:
        if self._current(generation):
            self.progress.emit(done, total)

    def _on_finished(self, generation: int, result: PlanResult) -> None:
        if self._current(generation):
            self.busy = False
            self.finished.emit(result)

    def _on_failed(self, generation: int, field: str, message: str) -> None:
        if self._current(generation):
            self.busy = False
            self.failed.emit(field, message)
