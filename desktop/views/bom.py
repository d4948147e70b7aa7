"""The bill of materials of one configuration, with its money."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import format as fmt
from desktop.bom_edit import attach_editing
from desktop.messages import message_text
from desktop.models import SORT_ROLE, BomModel, category_name
from desktop.overrides import OverrideBook
from desktop.pairing import config_label
from desktop.views.picker import fill_config_picker
from engine.model import Comparison, Plan

# Widest a vendor and a part-number column may grow (px): the description gets the room; the
# full text is in each cell's tooltip and the columns can be widened by hand.
TEXT_COLUMN_CAPS = {1: 90, 2: 130}


def fit_text_columns(view: QTableView) -> None:
    for column, cap in TEXT_COLUMN_CAPS.items():
        view.setColumnWidth(column, min(view.columnWidth(column), cap))


class BomTab(QWidget):
    """One configuration's bill of materials and its money."""

    def __init__(
        self, plan: Plan, *, chinese: bool, overrides: OverrideBook | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.chinese = chinese
        self.setObjectName(f"bom:{plan.config}")
        self.model = BomModel(plan.bom, chinese=chinese, parent=self, book=overrides, config=plan.config)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.setWordWrap(False)
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        fit_text_columns(self.view)
        self.summary = QLabel(self)
        self.summary.setObjectName("bomSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.title = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(attach_editing(self.view, self.model))
        layout.addWidget(self.summary)
        self._show(plan)

    def set_plan(self, plan: Plan) -> None:
        """Show a re-planned version of this configuration, or another one (edits follow)."""
        self.model.set_plan(plan)
        self._show(plan)

    def _show(self, plan: Plan) -> None:
        self.title.setText(f"<b>{escape(config_label(plan))}</b>")
        self.summary.setText(self._summary(plan))

    def _summary(self, plan: Plan) -> str:
        if not plan.feasible or plan.money is None:
            reasons = "<br>".join(escape(message_text(m, translated=self.chinese)) for m in plan.refusals)
            return (
                "<span style='color:#b00020'><b>"
                + self.tr("This configuration cannot be built:")
                + f"</b><br>{reasons}</span>"
            )
        m = plan.money
        cur = m.currency
        parts = [f"{category_name(cat)} {fmt.money(value, cur)}" for cat, value in m.subtotals]
        rows = [
            " · ".join(parts),
            self.tr("Discount %1: −%2")
            .replace("%1", fmt.percent(m.discount_rate))
            .replace("%2", fmt.money(m.discount, cur))
            + " · "
            + self.tr("Net %1").replace("%1", fmt.money(m.net, cur))
            + " · "
            + self.tr("VAT on goods %1: %2")
            .replace("%1", fmt.percent(m.vat_rate))
            .replace("%2", fmt.money(m.vat_goods, cur))
            + " · "
            + self.tr("VAT on services %1: %2")
            .replace("%1", fmt.percent(m.vat_rate_services))
            .replace("%2", fmt.money(m.vat_services, cur)),
            "<b>"
            + self.tr("Capex %1").replace("%1", fmt.money(m.capex, cur))
            + "</b> · "
            + self.tr("TCO over %n year(s): %1", "", m.years).replace("%1", fmt.money(m.tco, cur)),
        ]
        return "<br>".join(rows)


class BomView(QWidget):
    """One bill of materials at a time, with a picker of the configuration (grouped by vendor)."""

    def __init__(
        self, *, chinese: bool, overrides: OverrideBook | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bom")
        self.chinese = chinese
        self.overrides = overrides
        self.plans: dict[str, Plan] = {}
        self.tab: BomTab | None = None
        self._stale = False
        self.picker = QComboBox(self)
        self.picker.setObjectName("bomConfig")
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.picker.currentIndexChanged.connect(self._show)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Configuration:")))
        top.addWidget(self.picker)
        top.addStretch(1)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(top)

    def set_comparison(self, comparison: Comparison) -> None:
        self.plans = {p.config: p for p in comparison.plans}
        fill_config_picker(self.picker, comparison)
        self._stale = True
        if self.isVisible():  # a hidden view fills its table when shown: re-plans stay quick
            self._show()

    def select(self, config: str) -> None:
        self.picker.setCurrentIndex(max(0, self.picker.findData(config)))
        self._show()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self._show()

    def current(self) -> str | None:
        data = self.picker.currentData()
        return str(data) if data is not None else None

    def _show(self) -> None:
        self._stale = False
        plan = self.plans.get(self.current() or "")
        if plan is None:
            return
        if self.tab is None:
            self.tab = BomTab(plan, chinese=self.chinese, overrides=self.overrides, parent=self)
            self._layout.addWidget(self.tab, 1)
        else:
            self.tab.set_plan(plan)
        view = self.tab.view
        view.resizeColumnsToContents()  # a re-plan or another configuration: new widths
        fit_text_columns(view)
