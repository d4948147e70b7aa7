"""Table models over the engine's results.

``ComparisonModel`` shows the engine's comparison DataFrame with one column per
configuration and one row per figure; ``BomModel`` shows one plan's bill of
materials. Both give formatted text for DisplayRole and the raw value for
``SORT_ROLE`` (a QSortFilterProxyModel sorts on it).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop import format as fmt
from desktop.messages import catalogue_text, component_text, note_text
from desktop.noop import QT_TRANSLATE_NOOP
from desktop.pairing import VENDOR_ORDER, config_label, vendor_name
from engine.bounds import bound
from engine.export.common import part_number
from engine.figures import FIGURE as ENGINE_FIGURE
from engine.figures import FigureTable
from engine.model import BomLine, Comparison, Plan, PriceBasis

if TYPE_CHECKING:
    from desktop.overrides import OverrideBook

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RAW_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Figure:
    """One row of the comparison table: an engine figure (engine.figures) and its label."""

    column: str  # the engine figure's key
    label: str  # marked with QT_TRANSLATE_NOOP("ComparisonModel", ...), or a catalogue code

    @property
    def kind(self) -> str:  # "text", "int", "float1", "float2", "percent", "money", "bool"
        return ENGINE_FIGURE[self.column].kind

    @property
    def lower_is_better(self) -> bool | None:  # for highlighting the best value
        return ENGINE_FIGURE[self.column].lower_is_better

    @property
    def text(self) -> str:
        """The label in the GUI's language: the language catalogue's words where the quote
        documents print the same figure ("col.days"), else the app's own (Qt's .ts)."""
        if "." in self.label:
            return catalogue_text(self.label)
        return QCoreApplication.translate("ComparisonModel", self.label)


# The rows shown and their words; what each figure is and how it is shown is the engine's.
FIGURES: tuple[Figure, ...] = (
    Figure("vendor", QT_TRANSLATE_NOOP("ComparisonModel", "Vendor")),
    Figure("server", QT_TRANSLATE_NOOP("ComparisonModel", "Server")),
    Figure("gpu_name", QT_TRANSLATE_NOOP("ComparisonModel", "GPU")),
    Figure("feasible", QT_TRANSLATE_NOOP("ComparisonModel", "Can be built")),
    Figure("gpus", QT_TRANSLATE_NOOP("ComparisonModel", "GPUs")),
    Figure("nodes", QT_TRANSLATE_NOOP("ComparisonModel", "Servers")),
    Figure("racks", QT_TRANSLATE_NOOP("ComparisonModel", "Racks")),
    Figure("node_peak_dense_pflops", QT_TRANSLATE_NOOP("ComparisonModel", "Server peak, dense (PFLOPS)")),
    Figure("node_peak_sparse_pflops", QT_TRANSLATE_NOOP("ComparisonModel", "Server peak, sparse (PFLOPS)")),
    Figure("mfu", QT_TRANSLATE_NOOP("ComparisonModel", "MFU (expected)")),
    Figure("days", "col.days"),
    Figure("days_low", QT_TRANSLATE_NOOP("ComparisonModel", "Days, best case")),
    Figure("days_high", QT_TRANSLATE_NOOP("ComparisonModel", "Days, worst case")),
    Figure("gpu_hours", QT_TRANSLATE_NOOP("ComparisonModel", "GPU-hours")),
    Figure("it_power_kw", "col.it_kw"),
    Figure("facility_power_kw", "col.facility_kw"),
    Figure("rack_power_kw", "cmp.rack_kw"),
    Figure("capex", QT_TRANSLATE_NOOP("ComparisonModel", "Capex")),
    Figure("tco", QT_TRANSLATE_NOOP("ComparisonModel", "TCO")),
    Figure("cost_per_pf_day", "col.cost_per_pf_day"),
    Figure("lead_time_days", QT_TRANSLATE_NOOP("ComparisonModel", "Lead time (days)")),
    Figure("calendar_days", "key.calendar_days"),
    Figure("cloud_per_run", QT_TRANSLATE_NOOP("ComparisonModel", "Cloud rental for the run")),
    Figure("cloud_per_year", QT_TRANSLATE_NOOP("ComparisonModel", "Cloud rental a year")),
    Figure("meets_deadline", QT_TRANSLATE_NOOP("ComparisonModel", "Meets the deadline")),
)


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def at_risk_text(days_low: float, days_high: float, lead_time_days: float = 0.0) -> str:
    """Meets the deadline when expected, not in the worst case: say so with the band.

    The band is in calendar days from the order, as the deadline counts: lead time + training.
    """
    template = (
        QT_TRANSLATE_NOOP("ComparisonModel", "at risk: %1–%2 calendar days, lead time included")
        if lead_time_days else QT_TRANSLATE_NOOP("ComparisonModel", "at risk: %1–%2 days")
    )
    return (
        QCoreApplication.translate("ComparisonModel", template)
        .replace("%1", fmt.number(lead_time_days + days_low, 1))
        .replace("%2", fmt.number(lead_time_days + days_high, 1))
    )


def at_risk(plan: Plan, deadline: float | None) -> bool:
    """Meets the deadline as expected; the worst case (lead time + days at the band's low end) misses it."""
    return (deadline is not None and plan.feasible and plan.meets_deadline
            and plan.lead_time_days + plan.days_high > deadline)


def display_value(kind: str, value: Any, currency: str, column: str = "") -> str:
    """A figure as the tables show it: numbers grouped, money with its currency, yes/no."""
    if _is_missing(value):
        return "—"
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
        return fmt.money(value, currency)
    text = str(value)
    if column == "gpu_name":
        return text.removeprefix("NVIDIA ")
    if column == "vendor":
        return vendor_name(text)
    if column == "server":  # the vendor has its own row
        return text.split(" ", 1)[1] if " " in text else text
    return text


class ComparisonModel(QAbstractTableModel):
    """Rows are figures, columns are configurations."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._table: FigureTable | None = None
        self._figures: list[Figure] = []
        self._configs: list[str] = []
        self._currency = "CNY"
        self._best: dict[str, Any] = {}
        self._cells: list[list[Any]] = []
        self._labels: list[str] = []
        self._at_risk: dict[int, tuple[float, float, float]] = {}  # column -> (low, high, deadline)
        self._recommended: str | None = None

    def set_result(self, table: FigureTable, comparison: Comparison) -> None:
        rank = {v: i for i, v in enumerate(VENDOR_ORDER)}  # Lenovo's, then Inspur's, then other vendors'
        vendors = table.column("vendor")
        order = sorted(range(len(table.configs)), key=lambda n: rank.get(str(vendors[n]), len(rank)))
        self.beginResetModel()
        self._table = table
        self._configs = [table.configs[n] for n in order]
        self._figures = list(FIGURES)
        # Read once: a view asks for every cell many times.
        self._cells = [[table.rows[n][figure.column] for n in order] for figure in self._figures]
        self._currency = comparison.request.finance.currency
        rec = comparison.recommendation  # the recommended, or the only one in scope (named)
        self._recommended = rec.cheapest_meeting_deadline or rec.only
        plans = {p.config: p for p in comparison.plans}
        self._labels = [config_label(plans[c]) if c in plans else c for c in self._configs]
        deadline = comparison.request.schedule.days
        self._at_risk = {
            n: (plans[c].days_low, plans[c].days_high, plans[c].lead_time_days)
            for n, c in enumerate(self._configs)
            if c in plans and at_risk(plans[c], deadline)
        }  # fmt: skip
        feasible = [bool(table.rows[n]["feasible"]) for n in order]
        self._best = {}
        for figure, cells in zip(self._figures, self._cells, strict=True):
            if not figure.lower_is_better:
                continue
            candidates = [v for n, v in enumerate(cells) if not _is_missing(v) and feasible[n]]
            if candidates:
                self._best[figure.column] = min(candidates)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._table = None
        self._figures, self._configs, self._best = [], [], {}
        self._cells, self._labels, self._at_risk = [], [], {}
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
        if not index.isValid() or self._table is None:
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._figures) and 0 <= column < len(self._configs)):
            return None
        figure = self._figures[row]
        value = self.raw(row, column)
        risk = self._at_risk.get(column) if figure.column == "meets_deadline" else None
        if role == Qt.ItemDataRole.DisplayRole:
            if risk is not None:
                return at_risk_text(*risk)
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
            if risk is not None:
                return QBrush(QColor("#b36b00"))
            if figure.kind == "bool" and value is False:
                return QBrush(QColor("#b00020"))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if risk is not None:
                return QCoreApplication.translate(
                    "ComparisonModel",
                    "Expected to meet the deadline, but the worst case of the efficiency band "
                    "(%1 days) misses the %2-day deadline.",
                ).replace("%1", fmt.number(risk[1], 1)).replace("%2", f"{risk[2]:g}")
            if figure.column in self._best and value == self._best[figure.column]:
                return QCoreApplication.translate("ComparisonModel", "Best of the comparison")
            return None
        return None

    def display(self, figure: Figure, value: Any) -> str:
        return display_value(figure.kind, value, self._currency, figure.column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._configs):
                return None
            config = self._configs[section]
            if role == Qt.ItemDataRole.DisplayRole:
                star = " ★" if config == self._recommended else ""
                return self._labels[section] + star
            if role == Qt.ItemDataRole.ToolTipRole:
                return config
            return None
        if not 0 <= section < len(self._figures):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._figures[section].text
        return None


@dataclass(frozen=True)
class BomColumn:
    label: str
    value: Callable[[BomLine], Any]
    kind: str  # "text", "int", "money"
    edits: str = ""  # the LineOverride field an edit of this column sets, if any


OVERRIDDEN_BACKGROUND = QColor("#fff1c2")  # a cell the user set, not the plan


class BomModel(QAbstractTableModel):
    """One plan's bill of materials, a row per line.

    Given an ``OverrideBook`` and the configuration, quantity and unit price are
    editable: an edit becomes an override of the request (and a re-plan); cells the
    user set are marked and their tooltip gives the planned figure.
    """

    def __init__(
        self, lines: Sequence[BomLine] = (), *, chinese: bool = False, parent: Any = None,
        book: OverrideBook | None = None, config: str = "",
    ):
        super().__init__(parent)
        self._lines = list(lines)
        self.book = book
        self.config = config
        self.price_basis: PriceBasis = "list"  # how a typed unit price is meant: list or net
        self._chinese = chinese
        describe = (
            (lambda b: b.description_zh or b.description_en) if chinese else (lambda b: b.description_en)
        )
        self._columns = (
            BomColumn(QT_TRANSLATE_NOOP("BomModel", "Category"), lambda b: b.category, "category"),
            BomColumn(QT_TRANSLATE_NOOP("BomModel", "Vendor"), lambda b: vendor_name(b.vendor), "text"),
            # as the quote prints it: no engine id where a line has no part number of its own
            BomColumn(QT_TRANSLATE_NOOP("BomModel", "Part number"), part_number, "text"),
            BomColumn(QT_TRANSLATE_NOOP("BomModel", "Description"), describe, "text"),
            BomColumn(QT_TRANSLATE_NOOP("BomModel", "Qty"), lambda b: b.qty, "int", "qty"),
            BomColumn(
                QT_TRANSLATE_NOOP("BomModel", "Unit price"), lambda b: b.unit_price, "money", "unit_price"
            ),
            BomColumn(QT_TRANSLATE_NOOP("BomModel", "Total"), lambda b: b.total, "money"),
        )

    def set_lines(self, lines: Sequence[BomLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def set_plan(self, plan: Plan) -> None:
        """Show ``plan``'s lines; edits then override lines of its configuration."""
        self.config = plan.config
        self.set_lines(plan.bom if plan.feasible else ())

    def line_at(self, row: int) -> BomLine:
        return self._lines[row]

    def editable(self) -> bool:
        return self.book is not None and bool(self.config)

    def marked(self, line: BomLine, column: int) -> bool:
        """True where the user, not the plan, set the cell's figure."""
        if not line.overridden:
            return False
        edits = self._columns[column].edits
        override = (self.book.find(self.config, line.item, line.category)
                    if self.book is not None else None)
        if override is None or override.added:
            return bool(edits) or (override is not None and column == 3)
        return bool(edits) and getattr(override, edits) is not None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.editable() and self._columns[index.column()].edits:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.editable():
            return False
        edits = self._columns[index.column()].edits
        line = self._lines[index.row()]
        assert self.book is not None
        try:
            number = float(str(value).replace(",", "").strip())
        except ValueError:
            return False
        if edits == "qty":
            if not number.is_integer() or not bound("overrides.qty").admits(number):
                return False
            line = dataclasses.replace(line, qty=int(number), overridden=True)
            self.book.set_qty(self.config, line.item, line.category, int(number))
        elif edits == "unit_price":
            if not bound("overrides.unit_price").admits(number):
                return False
            line = dataclasses.replace(line, unit_price=round(number, 2), overridden=True)
            self.book.set_unit_price(self.config, line.item, line.category, number,
                                     self.price_basis)
        else:
            return False
        # shown at once; the re-plan that follows brings the engine's figures
        self._lines[index.row()] = line
        row = index.row()
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))
        return True

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
        if role in (SORT_ROLE, RAW_ROLE, Qt.ItemDataRole.EditRole):
            return value
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(OVERRIDDEN_BACKGROUND) if self.marked(line, column) else None
        if role == Qt.ItemDataRole.ToolTipRole:  # narrow text columns show their whole text here
            if column == 3:
                return self._tooltip(line) or None
            if self.marked(line, column):
                return note_text(line, translated=self._chinese) or None
            return (str(value) or None) if spec.kind == "text" else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if spec.kind in ("int", "money"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _tooltip(self, line: BomLine) -> str:
        """The line's note and, for a configured system, its parts per system."""
        chinese = self._chinese
        parts = [f"{c.qty} × "
                 + component_text((chinese and c.description_zh) or c.description, translated=chinese)
                 for c in line.components]
        note = note_text(line, translated=self._chinese)
        return "\n".join([note, *parts] if note else parts)

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
