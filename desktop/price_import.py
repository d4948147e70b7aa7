"""Importing a price list off the GUI thread, with a progress dialog the user can cancel.

A 100 000-row workbook takes seconds to read; the window stays responsive meanwhile and
shows how many rows it has read. The result (what the import took, replaced and lacked)
or the error comes back by signal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.messages import error_text
from engine.errors import SaidError
from engine.money.prices import ImportSummary, import_prices, load_price_list
from engine.safeio import DATA_ERRORS, data_error_message


class _Cancelled(Exception):
    pass


class _Signals(QObject):
    progress = Signal(int)  # rows read
    finished = Signal(object)  # ImportSummary
    failed = Signal(str)


class _ImportTask(QRunnable):
    """Runs in a pool thread; everything it calls was imported by the GUI thread first."""

    def __init__(self, path: Path, signals: _Signals) -> None:
        super().__init__()
        self.path = path
        self.signals = signals
        self.cancelled = False

    def _progress(self, rows: int) -> None:
        if self.cancelled:
            raise _Cancelled
        self.signals.progress.emit(rows)

    def run(self) -> None:
        try:
            summary = import_prices(self.path, self._progress)
            load_price_list()  # read the saved list here, not when the window reloads it
        except DATA_ERRORS as exc:
            said = error_text(exc) if isinstance(exc, SaidError) else data_error_message(exc, self.path.name)
            self.signals.failed.emit("" if self.cancelled else said)
        except _Cancelled:
            self.signals.failed.emit("")
        except Exception as exc:  # a bug: say so rather than leave the dialog waiting
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(summary)


class PriceImport(QObject):
    """One import: ``start()``, then ``finished(ImportSummary)`` or ``failed(message)``
    (an empty message: the user cancelled)."""

    progress = Signal(int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, path: Path, parent: QWidget) -> None:
        super().__init__(parent)
        import openpyxl  # noqa: F401 - imported here, in the GUI thread, not in the worker

        self.path = path
        self.pool = QThreadPool.globalInstance()
        self._signals = _Signals(self)
        self._signals.progress.connect(self.progress)
        self._signals.finished.connect(self._done)
        self._signals.failed.connect(self._failed)
        self.task = _ImportTask(path, self._signals)
        self.task.setAutoDelete(False)
        self.busy = False
        self.dialog = QProgressDialog(parent)
        self.dialog.setWindowTitle(QCoreApplication.translate("PriceImport", "Import price list"))
        reading = QCoreApplication.translate("PriceImport", "Reading %1…")
        self.dialog.setLabelText(reading.replace("%1", path.name))
        self.dialog.setRange(0, 0)  # rows are counted, their total is not known in advance
        self.dialog.setMinimumDuration(400)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.canceled.connect(self.cancel)
        self.progress.connect(self._show_rows)

    def start(self) -> None:
        self.busy = True
        self.pool.start(self.task)

    def cancel(self) -> None:
        self.task.cancelled = True

    def _show_rows(self, rows: int) -> None:
        text = QCoreApplication.translate("PriceImport", "Reading %1: %2 rows…")
        self.dialog.setLabelText(text.replace("%1", self.path.name).replace("%2", f"{rows:,}"))

    def _close(self) -> None:
        self.busy = False
        self.dialog.reset()
        self.dialog.hide()

    def _done(self, summary: ImportSummary) -> None:
        self._close()
        self.finished.emit(summary)

    def _failed(self, message: str) -> None:
        self._close()
        self.failed.emit(message)


def describe(summary: ImportSummary) -> str:
    """The import's counts in the user's language."""
    text = QCoreApplication.translate(
        "PriceImport",
        "Imported %1: took %2 lines and replaced %3 shipped prices; the %4 items it lacks keep "
        "their shipped prices.",
    )
    for n, value in enumerate((summary.saved_to.name, summary.taken, summary.replaced, summary.lacked), 1):
        text = text.replace(f"%{n}", str(value))
    if summary.unknown:
        unknown = QCoreApplication.translate(
            "PriceImport", "%1 items are not in the catalog and are not used (e.g. %2).")
        text += " " + unknown.replace("%1", str(len(summary.unknown))).replace("%2", summary.unknown[0])
    return text


def start_price_import(path: Path, parent: Any) -> PriceImport:
    """Import ``path`` for ``parent`` (the catalog window): a warning on failure, and on success
    its prices reloaded with the counts shown, then ``prices_changed``."""
    job = PriceImport(path, parent)
    parent.import_button.setEnabled(False)  # one import at a time
    job.finished.connect(lambda _summary: parent.import_button.setEnabled(True))
    job.failed.connect(lambda _message: parent.import_button.setEnabled(True))

    def done(summary: ImportSummary) -> None:
        parent.reload_prices()
        parent.price_source.setText(parent.price_source.text() + "\n" + describe(summary))
        parent.prices_changed.emit()

    def failed(message: str) -> None:
        if message:
            QMessageBox.warning(
                parent, QCoreApplication.translate("CatalogWindow", "Cannot import the price list"), message)

    job.finished.connect(done)
    job.failed.connect(failed)
    job.start()
    return job
