"""Table models over the engine's results.

``ComparisonModel`` shows the engine's comparison DataFrame with one column per
configuration and one row per figure; ``BomModel`` shows one plan's bill of
materials. Both give formatted text for DisplayRole and the raw value for
``SORT_ROLE`` (a QSortFilterProxyModel sorts on it).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop import format as fmt
from engine.model import BomLine, Comparison

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RAW_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Figure:
    """One row of the comparison table: a DataFrame column and how to show it."""

    column: str
    label: str  # marked with QT_TRANSLATE_NOOP("ComparisonModel", ...)
    kind: str  # "text", "int", "float1", "float2", "percent", "money", "bool"
    lower_is_better: bool | None = None  # for highlighting the best value


FIGURES: tuple[Figure, ...] = (
    Figure("vendor", QT_TRANSLATE_NOOP("ComparisonModel", "Vendor"), "text"),
    Figure("server", QT_TRANSLATE_NOOP("ComparisonModel", "Server"), "text"),
    Figure("gpu", QT_TRANSLATE_NOOP("ComparisonModel", "GPU"), "text"),
    Figure("feasible", QT_TRANSLATE_NOOP("ComparisonModel", "Can be built"), "bool"),
    Figure("gpus", QT_TRANSLATE_NOOP("ComparisonModel", "GPUs"), "int", True),
    Figure("nodes", QT_TRANSLATE_NOOP("ComparisonModel", "Servers"), "int", True),
    Figure("racks", QT_TRANSLATE_NOOP("ComparisonModel", "Racks"), "int", True),
    Figure(
        "node_peak_dense_pflops",
        QT_TRANSLATE_NOOP("ComparisonModel", "Server peak, dense (PFLOPS)"),
        "float2",
    ),
    Figure(
        "node_peak_sparse_pflops",
        QT_TRANSLATE_NOOP("ComparisonModel", "Server peak, sparse (PFLOPS)"),
        "float2",
    ),
    Figure("mfu", QT_TRANSLATE_NOOP("ComparisonModel", "MFU (expected)"), "percent"),
    Figure("days", QT_TRANSLATE_NOOP("ComparisonModel", "Days to train"), "float1", True),
    Figure("days_low", QT_TRANSLATE_NOOP("ComparisonModel", "Days, best case"), "float1", True),
    Figure("days_high", QT_TRANSLATE_NOOP("ComparisonModel", "Days, worst case"), "float1", True),
    Figure("gpu_hours", QT_TRANSLATE_NOOP("ComparisonModel", "GPU-hours"), "int", True),
    Figure("it_power_kw", QT_TRANSLATE_NOOP("ComparisonModel", "IT power (kW)"), "float1", True),
    Figure(
        "facility_power_kw",
        QT_TRANSLATE_NOOP("ComparisonModel", "Facility power (kW)"),
        "float1",
        True,
    ),
    Figure(
        "rack_power_kw",
        QT_TRANSLATE_NOOP("ComparisonModel", "Highest rack power (kW)"),
        "float1",
        True,
    ),
    Figure("capex", QT_TRANSLATE_NOOP("ComparisonModel", "Capex"), "money", True),
    Figure("tco", QT_TRANSLATE_NOOP("ComparisonModel", "TCO"), "money", True),
    Figure(
        "cost_per_pf_day",
        QT_TRANSLATE_NOOP("ComparisonModel", "Cost per PF/s-day"),
        "money",
        True,
    ),
    Figure("meets_deadline", QT_TRANSLATE_NOOP("ComparisonModel", "Meets the deadline"), "bool"),
)


def _two_lines(config_id: str) -> str:
    """A configuration id broken at the hyphen nearest its middle, for a narrower column."""
    cuts = [i for i, ch in enumerate(config_id) if ch == "-"]
    if not cuts:
        return config_id
    cut = min(cuts, key=lambda i: abs(i - len(config_id) / 2))
    return config_id[: cut + 1] + "\n" + config_id[cut + 1 :]


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _plain(value: Any) -> Any:
    """numpy scalars to Python ones (Qt's QVariant takes the latter)."""
    return value.item() if hasattr(value, "item") else value


class ComparisonModel(QAbstractTableModel):
    """Rows are figures, columns are configurations."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._frame: Any = None
        self._figures: list[Figure] = []
        self._configs: list[str] = []
        self._currency = "CNY"
        self._best: dict[str, Any] = {}
        self._cells: list[list[Any]] = []
        self._servers: list[str] = []
        self._recommended: str | None = None

    def set_result(self, frame: Any, comparison: Comparison) -> None:
        self.beginResetModel()
        self._frame = frame
        self._configs = [str(c) for c in frame.index]
        self._figures = [f for f in FIGURES if f.column in frame.columns]
        # Plain Python values, read once: a view asks for every cell many times.
        self._cells = [[_plain(v) for v in frame[figure.column].tolist()] for figure in self._figures]
        self._servers = [str(s) for s in frame["server"]] if "server" in frame.columns else []
        self._currency = comparison.request.finance.currency
        self._recommended = comparison.recommendation.cheapest_meeting_deadline
        feasible = [bool(f) for f in frame["feasible"]] if "feasible" in frame.columns else None
        self._best = {}
        for figure, cells in zip(self._figures, self._cells, strict=True):
            if not figure.lower_is_better:
                continue
            candidates = [
                v for n, v in enumerate(cells)
                if not _is_missing(v) and (feasible is None or feasible[n])
            ]  # fmt: skip
            if candidates:
                self._best[figure.column] = min(candidates)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._frame = None
        self._figures, self._configs, self._best = [], [], {}
        self._cells, self._servers = [], []
        self.endResetModel()

    def config_at(self, column: int) -> str:
        return self._configs[column]

    def figure_at(self, row: int) -> Figure:
        return self._figures[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._figures)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._configs)

    def raw(self, row: int, column: int) -> Any:
        return self._cells[row][column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._frame is None:
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._figures) and 0 <= column < len(self._configs)):
            return None
        figure = self._figures[row]
        value = self.raw(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(figure, value)
        if role in (SORT_ROLE, RAW_ROLE):
            return None if _is_missing(value) else value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if figure.kind == "text":
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            if figure.column in self._best and value == self._best[figure.column]:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if figure.kind == "bool" and value is False:
                return QBrush(QColor("#b00020"))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if figure.column in self._best and value == self._best[figure.column]:
                return QCoreApplication.translate("ComparisonModel", "Best of the comparison")
            return None
        return None

    def display(self, figure: Figure, value: Any) -> str:
        if _is_missing(value):
            return "—"
        kind = figure.kind
        if kind == "bool":
            return (
                QCoreApplication.translate("ComparisonModel", "yes")
                if value
                else QCoreApplication.translate("ComparisonModel", "no")
            )
        if kind == "int":
            return fmt.number(value)
        if kind == "float1":
            return fmt.number(value, 1)
        if kind == "float2":
            return fmt.number(value, 2)
        if kind == "percent":
            return fmt.percent(value, 1)
        if kind == "money":
            return fmt.money(value, self._currency)
        text = str(value)
        if figure.column == "gpu":
            return text.removeprefix("NVIDIA ")
        if figure.column == "server":  # the vendor has its own row
            return text.split(" ", 1)[1] if " " in text else text
        return text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._configs):
                return None
            config = self._configs[section]
            if role == Qt.ItemDataRole.DisplayRole:
                star = " ★" if config == self._recommended else ""
                return _two_lines(config) + star
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._servers[section] if self._servers else None
            return None
        if not 0 <= section < len(self._figures):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ComparisonModel", self._figures[section].label)
        return None


@dataclass(frozen=True)
class BomColumn:
    label: str
    value: Callable[[BomLine], Any]
    kind: str  # "text", "int", "money"


class BomModel(QAbstractTableModel):
    """One plan's bill of materials, a row per line."""

    def __init__(self, lines: Sequence[BomLine] = (), *, chinese: bool = False, parent: Any = None):
        super().__init__(parent)
        self._lines = list(lines)
        describe = (
            (lambda b: b.description_zh or b.description_en) if chinese else (lambda b: b.description_en)
        )
        self._columns = (
            BomColumn(QT_TRANSLATE_NOOP("BomModel", "Category"), lambda b: b.category, "category"),
            BomColumn(QT_TRANSLATE_NOOP("BomModel", "Vendor"), lambda b: b.vendor, "text"),
            BomColumn(QT_TRANSLATE_NOOP("BomModel", "Part number"), lambda b: b.part_number, "text"),
            BomColumn(QT_TRANSLATE_NOOP("BomModel", "Description"), describe, "text"),
            BomColumn(QT_TRANSLATE_NOOP("BomModel", "Qty"), lambda b: b.qty, "int"),
            BomColumn(QT_TRANSLATE_NOOP("BomModel", "Unit price"), lambda b: b.unit_price, "money"),
            BomColumn(QT_TRANSLATE_NOOP("BomModel", "Total"), lambda b: b.total, "money"),
        )

    def set_lines(self, lines: Sequence[BomLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._lines) and 0 <= column < len(self._columns)):
            return None
        line, spec = self._lines[row], self._columns[column]
        value = spec.value(line)
        if role == Qt.ItemDataRole.DisplayRole:
            if spec.kind == "money":
                return fmt.money(value, line.currency, 2 if value < 1000 else 0)
            if spec.kind == "int":
                return fmt.number(value)
            if spec.kind == "category":
                return category_name(value)
            return str(value)
        if role in (SORT_ROLE, RAW_ROLE):
            return value
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return line.note or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if spec.kind in ("int", "money"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return QCoreApplication.translate("BomModel", self._columns[section].label)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._lines):
            return str(section + 1)
        return None


CATEGORY_NAMES = {
    "compute": QT_TRANSLATE_NOOP("Categories", "Compute"),
    "network": QT_TRANSLATE_NOOP("Categories", "Network"),
    "rack_power": QT_TRANSLATE_NOOP("Categories", "Racks and power"),
    "cooling": QT_TRANSLATE_NOOP("Categories", "Cooling"),
    "services": QT_TRANSLATE_NOOP("Categories", "Services"),
    "storage": QT_TRANSLATE_NOOP("Categories", "Storage"),
    "management": QT_TRANSLATE_NOOP("Categories", "Management"),
    "software": QT_TRANSLATE_NOOP("Categories", "Software"),
    "spares": QT_TRANSLATE_NOOP("Categories", "Spares"),
}


def category_name(category: str) -> str:
    label = CATEGORY_NAMES.get(category)
    return QCoreApplication.translate("Categories", label) if label else category
