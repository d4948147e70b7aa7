"""Every text a person can see in a window: widget texts, menus, tabs, item views' cells and headers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QWidget,
    QWizard,
)

TAGS = re.compile(r"<[^>]+>")


def _model_texts(
    model: QAbstractItemModel, skip: frozenset[str], parent: QModelIndex = QModelIndex()  # noqa: B008
) -> Iterator[str]:
    rows = model.rowCount(parent)
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model keeps columnCount to itself: one column
        columns = 1
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
    yield from headers
    for r in range(rows):
        for c in range(columns):
            if headers[c] in skip:
                continue
            index = model.index(r, c, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value
            if c == 0 and columns > 1 and model.rowCount(index):
                yield from _model_texts(model, skip, index)


def _columns(model: QAbstractItemModel) -> int:
    try:
        return model.columnCount()
    except TypeError:
        return 1


def visible_texts(
    root: QWidget, *, skip_columns: frozenset[str] = frozenset(), cells: bool = True
) -> Iterator[tuple[str, str]]:
    """(where, text) for every text ``root`` and its children show, hidden tabs included.

    ``skip_columns``: item-view columns (by header) whose cells are identifiers, not words;
    ``cells``: False to read only the headers of item views.
    """
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = f"{type(w).__name__}:{w.objectName()}"
        if isinstance(w, QMainWindow | QWizard) or w.isWindow():
            yield name, w.windowTitle()
        if isinstance(w, QTextBrowser):
            yield name, w.toPlainText()
        elif isinstance(w, QLabel | QAbstractButton):
            yield name, w.text()
        if isinstance(w, QGroupBox):
            yield name, w.title()
        if isinstance(w, QLineEdit):
            yield name, w.placeholderText()
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                yield name, w.itemText(i)
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield name, w.tabText(i)
        if isinstance(w, QMenu):
            yield name, w.title()
            for action in w.actions():
                yield name, action.text()
        if isinstance(w, QTreeWidget):
            header = w.headerItem()
            for c in range(w.columnCount()):
                yield name, header.text(c)
        if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) and w.model() is not None:
            texts = _model_texts(w.model(), skip_columns)
            for text in texts if cells else [str(w.model().headerData(c, Qt.Orientation.Horizontal) or "")
                                             for c in range(_columns(w.model()))]:
                yield name, text
        if w.toolTip():
            yield name, w.toolTip()


def plain(text: str) -> str:
    return TAGS.sub(" ", text).replace("&amp;", "&").replace("&", "")
