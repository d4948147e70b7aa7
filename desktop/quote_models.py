"""Table models of the vendor-quote import: quoted lines with their match, and findings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop import format as fmt
from desktop.messages import catalogue_text
from desktop.models import SORT_ROLE, Index
from desktop.noop import QT_TRANSLATE_NOOP
from engine.quotes.model import Finding, QuoteLine, Reconciliation

_WARN = QBrush(QColor("#fff2cc"))
_BAD = QBrush(QColor("#f8d7da"))

def _kind_name(kind: str) -> str:
    name = KIND_NAMES.get(kind, kind)
    return catalogue_text(name) if name.startswith("recon.") else tr(name)


KIND_NAMES = {
    "qty_mismatch": QT_TRANSLATE_NOOP("QuoteModels", "Quantity differs"),
    "price_diff": QT_TRANSLATE_NOOP("QuoteModels", "Price differs"),
    "missing": QT_TRANSLATE_NOOP("QuoteModels", "Missing from the quote"),
    "extra": "recon.unmatched",  # the report's words (the language catalogue)
    "arithmetic": QT_TRANSLATE_NOOP("QuoteModels", "Sum does not add up"),
    "ambiguous": QT_TRANSLATE_NOOP("QuoteModels", "Ambiguous"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("QuoteModels", text)


class _Table(QAbstractTableModel):
    """Rows of records, columns of (header, value getter); text for display, raw for sorting."""

    columns: Sequence[tuple[str, Callable[[Any], Any]]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(self.columns[section][0])
        return None

    def raw(self, record: Any, column: int) -> Any:
        return self.columns[column][1](record)

    def text(self, record: Any, column: int) -> str:
        value = self.raw(record, column)
        if value is None:
            return ""
        if isinstance(value, float):
            return fmt.number(value, 2 if value % 1 else 0)
        return str(value)

    def background(self, record: Any) -> QBrush | None:
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(record, index.column())
        if role == SORT_ROLE:
            value = self.raw(record, index.column())
            return value if value is not None else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(self.raw(record, index.column()),
                                                                     int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class QuoteLinesModel(_Table):
    """The quotation's lines as read, each with the plan line it matched and the score."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rec: Reconciliation | None = None
        self.columns = (
            (QT_TRANSLATE_NOOP("QuoteModels", "Row"), lambda q: q.row),
            (QT_TRANSLATE_NOOP("QuoteModels", "Part number"), lambda q: q.part_number),
            (QT_TRANSLATE_NOOP("QuoteModels", "Description"),
             lambda q: ("    " if q.is_component else "") + q.description),
            (QT_TRANSLATE_NOOP("QuoteModels", "Qty"), lambda q: q.qty),
            (QT_TRANSLATE_NOOP("QuoteModels", "Unit price"), lambda q: q.unit_price),
            (QT_TRANSLATE_NOOP("QuoteModels", "Total"), lambda q: q.total),
            (QT_TRANSLATE_NOOP("QuoteModels", "Plan item"), self._item),
            (QT_TRANSLATE_NOOP("QuoteModels", "Score"), self._score),
        )

    def set_reconciliation(self, rec: Reconciliation) -> None:
        self.rec = rec
        self.set_rows(rec.quote.lines)

    def _item(self, line: QuoteLine) -> str | None:
        m = self.rec.match(line.row) if self.rec else None
        return m.item if m else None

    def _score(self, line: QuoteLine) -> float | None:
        m = self.rec.match(line.row) if self.rec else None
        return round(m.score, 2) if m and m.item else None

    def background(self, record: Any) -> QBrush | None:
        if self.rec is None:
            return None
        rows = {f.row for f in self.rec.findings if f.kind != "missing"}
        return _WARN if record.row in rows else None


class FindingsModel(_Table):
    """What reconciling found, each with its row in the vendor's file."""

    def __init__(self, parent: Any = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.lang = lang  # the findings speak the UI's language, naming parts as buyers do
        self.columns = (
            (QT_TRANSLATE_NOOP("QuoteModels", "Finding"), lambda f: _kind_name(f.kind)),
            (QT_TRANSLATE_NOOP("QuoteModels", "Row"), lambda f: f.row),
            (QT_TRANSLATE_NOOP("QuoteModels", "Plan item"), lambda f: f.part(self.lang) if f.item else None),
            (QT_TRANSLATE_NOOP("QuoteModels", "Expected"), lambda f: f.expected),
            (QT_TRANSLATE_NOOP("QuoteModels", "Found"), lambda f: f.found),
            (QT_TRANSLATE_NOOP("QuoteModels", "Message"), lambda f: f.text(self.lang)),
        )

    def set_findings(self, findings: Sequence[Finding]) -> None:
        self.set_rows(findings)

    def background(self, record: Any) -> QBrush | None:
        return _BAD if record.kind in ("arithmetic", "missing") else _WARN
