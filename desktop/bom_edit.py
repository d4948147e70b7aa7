"""Editing a bill of materials: spin-box editors for quantity and unit price, a dialog
for a line of the user's own, and a bar with "Add line…" and "Revert override".

``attach_editing(view, model)`` makes any BOM table view editable (a tab per
configuration or one view with a picker): the model carries the configuration and
the ``OverrideBook`` that turns each edit into an override of the request.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop.fields import set_range
from desktop.models import OVERRIDDEN_BACKGROUND, BomModel, category_name
from engine.model import CATEGORIES

Index = QModelIndex | QPersistentModelIndex


def _qty_box(parent: QWidget | None) -> QSpinBox:
    box = QSpinBox(parent)
    set_range(box, "overrides.qty")
    box.setGroupSeparatorShown(True)
    box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
    return box


def _price_box(parent: QWidget | None) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    set_range(box, "overrides.unit_price")
    box.setDecimals(2)
    box.setGroupSeparatorShown(True)
    box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
    return box


class BomEditDelegate(QStyledItemDelegate):
    """Quantity: a whole number from 0; unit price: a number from 0 with cents."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(value, bool) or not isinstance(value, int | float):
            return super().createEditor(parent, option, index)
        return _qty_box(parent) if isinstance(value, int) else _price_box(parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QSpinBox):
            editor.setValue(int(value))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QSpinBox | QDoubleSpinBox):
            editor.interpretText()
            if editor.value() != index.data(Qt.ItemDataRole.EditRole):  # no override for a look
                model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class AddLineDialog(QDialog):
    """A line of the user's own: category, description, quantity, unit price."""

    def __init__(self, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addLineDialog")
        self.setWindowTitle(self.tr("Add a line"))
        self.setMinimumWidth(580)
        form = QFormLayout(self)
        self.category = QComboBox(self)
        for category in CATEGORIES:
            self.category.addItem(category_name(category), category)
        self.category.setCurrentIndex(self.category.findData("services"))
        self.description = QLineEdit(self)
        self.description.setPlaceholderText(self.tr("e.g. site survey, as quoted by the vendor"))
        self.qty = _qty_box(self)
        self.qty.setValue(1)
        self.unit_price = _price_box(self)
        self.unit_price.setSuffix(f" {currency}")
        form.addRow(self.tr("Category:"), self.category)
        form.addRow(self.tr("Description:"), self.description)
        form.addRow(self.tr("Quantity:"), self.qty)
        form.addRow(self.tr("Unit price (before discount and VAT):"), self.unit_price)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.description.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.description.text().strip()))

    def values(self) -> dict[str, Any]:
        return {
            "category": self.category.currentData(),
            "description": self.description.text().strip(),
            "qty": self.qty.value(),
            "unit_price": self.unit_price.value(),
        }


class BomEditBar(QWidget):
    """"Add line…" and "Revert override" for the BOM shown in ``view``."""

    def __init__(self, view: QTableView, model: BomModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bomEditBar")
        self.view, self.model = view, model
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self.tr("Add line…"), self)
        self.add_button.setObjectName("addLine")
        self.add_button.clicked.connect(lambda: self.add_line())
        self.revert_button = QPushButton(self.tr("Revert override"), self)
        self.revert_button.setObjectName("revertOverride")
        self.revert_button.setToolTip(self.tr("The plan's quantity and price apply again; "
                                              "a line you added is removed"))
        self.revert_button.clicked.connect(self.revert_selected)
        swatch = OVERRIDDEN_BACKGROUND.name()
        self.legend = QLabel(
            f"<span style='background:{swatch}'>    </span> "
            + self.tr("set by you; double-click a quantity or unit price to change it"),
            self,
        )
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        # a price typed is a list price (the discount comes off) or a net one (what is paid,
        # e.g. a vendor's quote: never discounted again); said before anything is typed
        self.basis_box = QComboBox(self)
        self.basis_box.setObjectName("priceBasis")
        self.basis_box.addItem(self.tr("Prices typed are list prices (the discount comes off)"), "list")
        self.basis_box.addItem(self.tr("Prices typed are net prices (paid, not discounted again)"), "net")
        self.basis_box.currentIndexChanged.connect(self._basis_changed)
        row.addWidget(self.add_button)
        row.addWidget(self.revert_button)
        row.addWidget(self.basis_box)
        row.addWidget(self.legend, 1)
        view.selectionModel().selectionChanged.connect(self._update)
        model.modelReset.connect(self._update)
        model.dataChanged.connect(self._update)
        self._update()

    def _basis_changed(self, _index: int) -> None:
        self.model.price_basis = self.basis_box.currentData()

    def _source_rows(self) -> list[int]:
        rows = {i.row() for i in self.view.selectionModel().selectedRows()}
        proxy = self.view.model()
        if isinstance(proxy, QAbstractProxyModel):
            return sorted(proxy.mapToSource(proxy.index(r, 0)).row() for r in rows)
        return sorted(rows)

    def selected_overridden(self) -> list[tuple[str, str]]:
        """The selected lines the user set, as (category, item)."""
        lines = [self.model.line_at(r) for r in self._source_rows() if 0 <= r < self.model.rowCount()]
        return [(line.category, line.item) for line in lines if line.overridden]

    def _update(self, *_: object) -> None:
        editable = self.model.editable()
        self.add_button.setEnabled(editable)
        self.revert_button.setEnabled(editable and bool(self.selected_overridden()))

    def add_line(self, values: dict[str, Any] | None = None) -> str | None:
        """Ask for a line (or take ``values``) and add it to the configuration shown."""
        if not self.model.editable():
            return None
        if values is None:
            currency = self.model.line_at(0).currency if self.model.rowCount() else ""
            dialog = AddLineDialog(currency, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            values = dialog.values()
        assert self.model.book is not None
        values = {"basis": self.model.price_basis, **values}
        return self.model.book.add_line(self.model.config, **values)

    def revert_selected(self) -> None:
        items = self.selected_overridden()
        if items and self.model.book is not None:
            self.model.book.revert(self.model.config, items)


def attach_editing(view: QTableView, model: BomModel) -> BomEditBar:
    """Make ``view`` edit ``model`` (spin boxes, double-click) and return its edit bar."""
    view.setItemDelegate(BomEditDelegate(view))
    view.setEditTriggers(QTableView.EditTrigger.DoubleClicked | QTableView.EditTrigger.EditKeyPressed
                         | QTableView.EditTrigger.AnyKeyPressed)
    return BomEditBar(view, model)
