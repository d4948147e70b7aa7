"""Wizard page 3: the configurations to compare."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import format as fmt
from desktop.draft import RequestDraft
from desktop.messages import speaks_chinese
from desktop.pages.base import (
    PlanPage,
)
from desktop.pairing import vendor_name
from engine.catalog import TensorPrecision


class ConfigsPage(PlanPage):
    def __init__(self, draft: RequestDraft, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.setTitle(self.tr("Server configurations"))
        self.setSubTitle(self.tr("Which servers to compare. Peaks are per node; plans use the dense peak."))
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("configTree")
        self.tree.setHeaderLabels(
            [
                self.tr("Configuration"),
                self.tr("GPU"),
                self.tr("Dense peak (PFLOPS)"),
                self.tr("Sparse peak (PFLOPS)"),
                self.tr("Indicative price"),
            ]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemChanged.connect(self._item_changed)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("configCount")
        self.price_note = QLabel(self)
        self.price_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.price_note)
        layout.addWidget(self.error_label)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._vendor_items: list[QTreeWidgetItem] = []
        self._filling = False
        self._precision = ""

    def _build(self, precision: TensorPrecision) -> None:
        from desktop import user_systems

        checked = set(self.checked_ids()) if self._items else None
        self._filling = True
        self.tree.clear()
        self._items.clear()
        self._vendor_items.clear()
        catalog = user_systems.catalog()
        prices = _config_prices(self.draft.finance.get("currency", "CNY"))
        by_vendor: dict[str, list[Any]] = {}
        for cfg in catalog.configurations.values():
            server = catalog.servers[cfg.server]
            by_vendor.setdefault(server.vendor, []).append((cfg, server))
        order = {"Lenovo": 0, "Inspur": 1}
        for vendor in sorted(by_vendor, key=lambda v: (order.get(v, 2), v)):
            top = QTreeWidgetItem([vendor_name(vendor)])
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
            self.tree.addTopLevelItem(top)
            self._vendor_items.append(top)
            for cfg, server in sorted(by_vendor[vendor], key=lambda p: p[0].id):
                gpu = catalog.gpus[cfg.gpu]
                dense = gpu.dense_tflops.get(precision)
                sparse = gpu.sparse_tflops.get(precision)
                price = prices.get(cfg.id)
                chinese = speaks_chinese()
                model = server.name_zh.split(" ", 1)[-1] if chinese else f"{server.model} {server.variant}"
                item = QTreeWidgetItem(
                    [
                        model,
                        f"{cfg.gpu_count} × {gpu.name}",
                        fmt.number(dense * cfg.gpu_count / 1000, 2) if dense else "—",
                        fmt.number(sparse * cfg.gpu_count / 1000, 2) if sparse else "—",
                        fmt.money(price[0], price[1]) if price else "—",
                    ]
                )
                item.setData(0, Qt.ItemDataRole.UserRole, cfg.id)
                item.setToolTip(0, f"{cfg.id}\n{cfg.description_zh if chinese else cfg.description_en}")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                wanted = checked is None or cfg.id in checked
                item.setCheckState(0, Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
                for column in (2, 3, 4):
                    item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
                top.addChild(item)
                self._items[cfg.id] = item
            top.setExpanded(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._filling = False
        self._precision = precision
        self.price_note.setText(
            self.tr(
                "Prices are indicative list prices of the base system with its GPUs and "
                "compute NICs, before discount and VAT. Replace them with real quotes in "
                "Catalog and prices."
            )
            if prices
            else ""
        )

    def initializePage(self) -> None:
        precision = self.draft.schedule.get("precision", "bf16")
        first = not self._items
        if first or precision != self._precision:
            self._build(precision)
        if first:
            wanted = set(self.draft.configs)
            if wanted:
                self.set_checked(wanted)
        super().initializePage()

    def set_checked(self, ids: set[str]) -> None:
        for config_id, item in self._items.items():
            item.setCheckState(0, Qt.CheckState.Checked if config_id in ids else Qt.CheckState.Unchecked)

    def checked_ids(self) -> list[str]:
        return [cid for cid, item in self._items.items() if item.checkState(0) == Qt.CheckState.Checked]

    def _item_changed(self, _item: QTreeWidgetItem, _column: int) -> None:
        if not self._filling:
            self._changed()

    def refresh(self) -> None:
        n = len(self.checked_ids())
        self.count_label.setText(
            self.tr("%n configuration(s) selected", "", n)
            if n
            else self.tr("Select at least one configuration.")
        )

    def page_complete(self) -> bool:
        return bool(self.checked_ids())

    def write(self, draft: RequestDraft) -> None:
        ids = self.checked_ids()
        # Everything checked means the engine's default set (every configuration of every vendor).
        draft.configs = () if len(ids) == len(self._items) else tuple(ids)


def _config_prices(currency: str) -> dict[str, tuple[float, str]]:
    """Indicative price of each configuration (base system + GPUs + compute NICs)."""
    from engine.money.indicative import node_prices
    from engine.money.prices import PriceError

    try:
        return {cid: (price, currency) for cid, price in node_prices(currency).items()}
    except (PriceError, OSError):  # prices help here; they are never a reason to fail the page
        return {}
