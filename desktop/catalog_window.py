"""The catalog and the price list: view the hardware, add and edit your own systems, edit
prices, import a vendor list, reset.

The user's price list and the systems the user adds live in the user data folder
(engine.money.prices, engine.user_catalog) and every plan uses them; this window only calls
the engine's functions. A user's records are marked "user-entered" in every table.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import format as fmt
from desktop.models import SORT_ROLE
from desktop.noop import QT_TRANSLATE_NOOP
from desktop.pairing import vendor_name
from engine.catalog import Server

Index = QModelIndex | QPersistentModelIndex

PRICE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("item", QT_TRANSLATE_NOOP("PriceModel", "Item")),
    ("vendor", QT_TRANSLATE_NOOP("PriceModel", "Vendor")),
    ("part_number", QT_TRANSLATE_NOOP("PriceModel", "Part number")),
    ("description_en", QT_TRANSLATE_NOOP("PriceModel", "Description")),
    ("unit_price", QT_TRANSLATE_NOOP("PriceModel", "Unit price")),
    ("currency", QT_TRANSLATE_NOOP("PriceModel", "Currency")),
    ("date", QT_TRANSLATE_NOOP("PriceModel", "Date")),
    ("source", QT_TRANSLATE_NOOP("PriceModel", "Source")),
    ("confidence", QT_TRANSLATE_NOOP("PriceModel", "Confidence")),
)
EDITABLE = frozenset({"unit_price", "currency", "date", "source", "confidence"})


class PriceModel(QAbstractTableModel):
    """The price list, one row per item; unit price, currency, date, source and confidence edit."""

    edited = Signal()

    def __init__(self, price_list: Any = None, *, chinese: bool = False, parent: Any = None):
        super().__init__(parent)
        self.chinese = chinese
        self.name = ""
        self._entries: list[Any] = []
        self.last_error = ""
        if price_list is not None:
            self.set_price_list(price_list)

    def set_price_list(self, price_list: Any) -> None:
        self.beginResetModel()
        self.name = price_list.name
        self._entries = list(price_list.entries.values())
        self.endResetModel()

    def price_list(self) -> Any:
        from engine.money.prices import PriceList

        return PriceList(name=self.name, entries={e.item: e for e in self._entries})

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(PRICE_COLUMNS)

    def _value(self, entry: Any, column: str) -> Any:
        if column == "description_en" and self.chinese and entry.description_zh:
            return entry.description_zh
        return getattr(entry, column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._entries) and 0 <= col < len(PRICE_COLUMNS)):
            return None
        entry = self._entries[row]
        column = PRICE_COLUMNS[col][0]
        value = self._value(entry, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "unit_price":
                return fmt.number(value, 2 if value < 1000 else 0)
            return str(value)
        if role == Qt.ItemDataRole.EditRole:
            return f"{value:g}" if column == "unit_price" else str(value)
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "unit_price":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("description_en", "source"):
            return str(value)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and PRICE_COLUMNS[index.column()][0] in EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        from engine.money.prices import PriceError

        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        column = PRICE_COLUMNS[index.column()][0]
        if column not in EDITABLE:
            return False
        entry = self._entries[index.row()]
        raw: Any = value
        if column == "unit_price":
            try:
                raw = float(str(value).replace(",", "").strip())
            except ValueError:
                self.last_error = QCoreApplication.translate(
                    "PriceModel", "A unit price is a number of zero or more."
                )
                return False
        try:
            updated = dataclasses.replace(entry, **{column: raw})
        except PriceError as exc:
            self.last_error = str(exc)
            return False
        self.last_error = ""
        self._entries[index.row()] = updated
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        self.edited.emit()
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(PRICE_COLUMNS):
            return QCoreApplication.translate("PriceModel", PRICE_COLUMNS[section][1])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._entries):
            return str(section + 1)
        return None


class CatalogWindow(QDialog):
    """Catalog (read-only) and price list (editable) in tabs."""

    prices_changed = Signal()
    systems_changed = Signal()  # the user added, edited or removed a system

    def __init__(self, parent: QWidget | None = None, *, chinese: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("catalogWindow")
        self.setWindowTitle(self.tr("Catalog and prices — ClusterQuote"))
        self.resize(1100, 640)
        self.chinese = chinese
        from desktop import user_systems

        self.catalog = user_systems.catalog()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("catalogTabs")
        self.tabs.addTab(self._systems_page(), self.tr("Server configurations"))
        self.tabs.addTab(self._gpus_tab(), self.tr("GPUs"))
        self.price_model = PriceModel(chinese=chinese, parent=self)
        self.tabs.addTab(self._prices_tab(), self.tr("Prices"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.reload_prices()

    # -- catalog
    def _table(self, headers: list[str], rows: list[list[str]], name: str) -> QTableWidget:
        table = QTableWidget(len(rows), len(headers), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setSortingEnabled(False)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(r, c, item)
        table.setSortingEnabled(True)
        table.sortItems(0, Qt.SortOrder.AscendingOrder)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        return table

    def _yes_no(self, value: bool) -> str:
        return self.tr("yes") if value else self.tr("no")

    def _origin(self, record: Any) -> str:
        return self.tr("user-entered") if record.user_entered else self.tr("shipped")

    # -- the user's own systems
    def _systems_page(self) -> QWidget:
        page = QWidget(self)
        self.systems_layout = QVBoxLayout(page)
        self.systems_layout.setContentsMargins(0, 0, 0, 0)
        self.configurations_table = self._configurations_tab()
        self.systems_layout.addWidget(self.configurations_table, 1)
        self.add_button = QPushButton(self.tr("Add a system…"), page)
        self.add_button.setObjectName("addSystem")
        self.add_button.clicked.connect(lambda: self.edit_system(None))
        self.edit_button = QPushButton(self.tr("Edit your system…"), page)
        self.edit_button.setObjectName("editSystem")
        self.edit_button.clicked.connect(lambda: self.edit_system(self.selected_config()))
        self.remove_button = QPushButton(self.tr("Remove your system"), page)
        self.remove_button.setObjectName("removeSystem")
        self.remove_button.clicked.connect(self.remove_system)
        self.systems_note = QLabel(page)
        self.systems_note.setWordWrap(True)
        self.seed_rack = QLabel(self.seed_rack_text(), page)
        self.seed_rack.setObjectName("seedRack")
        self.seed_rack.setWordWrap(True)
        self.systems_layout.addWidget(self.seed_rack)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.systems_layout.addWidget(self.systems_note)
        self.systems_layout.addLayout(buttons)
        self._selection_changed()
        return page

    def seed_rack_text(self) -> str:
        """The seed's "a rack of 13 SR670 V2 gives about 2 PFLOPS", in the catalog's figures."""
        from engine.catalog import SEED_RACK, rack_peaks

        config, servers = SEED_RACK
        if config not in self.catalog.configurations:
            return ""
        cfg = self.catalog.configurations[config]
        gpu = self.catalog.gpus[cfg.gpu]
        peaks = rack_peaks(self.catalog, config, servers)
        fp64, bf16 = peaks["fp64_tensor"]["dense"], peaks["bf16/fp16"]["dense"]
        return (self.tr("The seed's rack statement: %1 × %2 with %3 × %4 = %5 PF FP64 tensor, "
                        "%6 PF dense BF16 (%1 × %3 × %7 and %1 × %3 × %8 TFLOPS).")
                .replace("%1", str(servers)).replace("%2", self.catalog.servers[cfg.server].model)
                .replace("%3", str(cfg.gpu_count)).replace("%4", gpu.name)
                .replace("%5", f"{fp64:.3g}").replace("%6", f"{bf16:.3g}")
                .replace("%7", f"{gpu.dense_tflops['fp64']:g}")
                .replace("%8", f"{gpu.dense_tflops['bf16']:g}"))

    def selected_config(self) -> str | None:
        row = self.configurations_table.currentRow()
        item = self.configurations_table.item(row, 0) if row >= 0 else None
        return item.text() if item is not None else None

    def _selection_changed(self) -> None:
        from desktop import user_systems
        from engine.user_catalog import user_catalog_path

        chosen = self.selected_config()
        own = chosen is not None and self.catalog.configurations[chosen].user_entered
        self.edit_button.setEnabled(own)
        self.remove_button.setEnabled(own)
        text = self.tr("Your systems are kept in %1 and travel inside the plans you save."
                       ).replace("%1", str(user_catalog_path()))
        if user_systems.problem():
            text += " " + self.tr("They cannot be read now: %1").replace("%1", user_systems.problem())
        self.systems_note.setText(text)

    def edit_system(self, config_id: str | None) -> Any:
        """Open the editor: a new system from the selected one (or the first), or the user's
        own ``config_id`` to change it. Returns the dialog (shown, not run)."""
        from desktop.catalog_edit import SystemEditor
        from engine.money.prices import load_price_list
        from engine.user_catalog import catalog_and_prices

        _, prices = catalog_and_prices(None, load_price_list())
        template = config_id or self.selected_config() or sorted(self.catalog.configurations)[0]
        self.editor = SystemEditor(self.catalog, prices, template=template,
                                   editing=config_id is not None, parent=self)
        self.editor.saved.connect(self._systems_saved)
        self.editor.open()
        return self.editor

    def remove_system(self) -> None:
        from engine.user_catalog import remove_user_configuration

        chosen = self.selected_config()
        if chosen is None or not self.catalog.configurations[chosen].user_entered:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove your system"),
            self.tr("Remove %1 from your systems? Plans saved with it keep their copy."
                    ).replace("%1", chosen))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            remove_user_configuration(chosen)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Remove your system"), str(exc))
            return
        self._systems_saved(None)

    def _systems_saved(self, config_id: str | None) -> None:
        """Show the catalog again with the user's change, the saved system selected."""
        from desktop import user_systems

        user_systems.changed()
        self.catalog = user_systems.catalog()
        old = self.configurations_table
        self.configurations_table = self._configurations_tab()
        self.systems_layout.replaceWidget(old, self.configurations_table)
        old.deleteLater()
        gpus = self.tabs.widget(1)
        self.tabs.removeTab(1)
        self.tabs.insertTab(1, self._gpus_tab(), self.tr("GPUs"))
        if gpus is not None:
            gpus.deleteLater()
        if config_id is not None:
            for row in range(self.configurations_table.rowCount()):
                item = self.configurations_table.item(row, 0)
                if item is not None and item.text() == config_id:
                    self.configurations_table.selectRow(row)
        self._selection_changed()
        self.systems_changed.emit()

    def _server_name(self, server: Server) -> str:
        """The server as the catalog names it in the window's language: its Chinese name
        (servers.toml name_zh, less the vendor that has its own column), else model and variant."""
        if self.chinese and server.name_zh:
            vendor = vendor_name(server.vendor)
            name = server.name_zh
            return name[len(vendor):].lstrip() if name.startswith(vendor + " ") else name
        return f"{server.model} {server.variant}"

    def _configurations_tab(self) -> QTableWidget:
        c = self.catalog
        rows = []
        for cfg in c.configurations.values():
            server, gpu = c.servers[cfg.server], c.gpus[cfg.gpu]
            rows.append(
                [
                    cfg.id,
                    self._origin(cfg),
                    vendor_name(server.vendor),
                    self._server_name(server),
                    f"{cfg.gpu_count} × {gpu.name}",
                    f"{cfg.intra_node_link} {cfg.intra_node_gbs:g} GB/s",
                    f"{cfg.max_power_w / 1000:.1f} / {cfg.typical_power_w / 1000:.1f}",
                    f"{server.rack_units}U",
                    self._peaks_text(cfg, gpu),
                    self._yes_no(cfg.verified),
                    cfg.source,
                ]
            )
        table = self._table(
            [
                self.tr("Id"),
                self.tr("Entered by"),
                self.tr("Vendor"),
                self.tr("Server"),
                self.tr("GPUs"),
                self.tr("GPU link"),
                self.tr("Power max / typical (kW)"),
                self.tr("Height"),
                self.tr("Peaks per server, PF dense / sparse (INT8: POPS)"),
                self.tr("Verified"),
                self.tr("Source"),
            ],
            rows,
            "configurationsTable",
        )
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.itemSelectionChanged.connect(self._selection_changed)
        return table

    def _peaks_text(self, cfg: Any, gpu: Any) -> str:
        """'FP64 0.078 · FP64 tensor 0.156 · … · BF16/FP16 2.50 / 4.99': one server's peaks by
        precision; where sources conflict, the range (the low end is planned on)."""
        from engine.catalog import server_peaks

        names = {"fp64": "FP64", "fp64_tensor": self.tr("FP64 tensor"), "fp32": "FP32",
                 "tf32": "TF32", "bf16/fp16": "BF16/FP16", "fp8": "FP8", "int8": "INT8"}
        parts = []
        for key, peak in server_peaks(cfg, gpu).items():
            dense = f"{peak['dense']:.3g}"
            if peak.get("dense_high") is not None:
                dense += f"–{peak['dense_high']:.3g}"
            sparse = f" / {peak['sparse']:.3g}" if peak["sparse"] is not None else ""
            parts.append(f"{names[key]} {dense}{sparse}")
        return " · ".join(parts)

    def _gpus_tab(self) -> QWidget:
        rows = []
        for gpu in self.catalog.gpus.values():
            rows.append(
                [
                    gpu.id,
                    self._origin(gpu),
                    gpu.name,
                    gpu.form_factor.upper(),
                    f"{gpu.memory_gb:g} GB {gpu.memory_type}",
                    f"{gpu.dense_tflops['fp64']:g}" if "fp64" in gpu.dense_tflops else "—",
                    f"{gpu.dense_tflops.get('bf16', 0):g}"
                    + (f"–{gpu.dense_tflops_high['bf16']:g}" if "bf16" in gpu.dense_tflops_high
                       else ""),
                    f"{gpu.sparse_tflops.get('bf16', 0):g}",
                    f"{gpu.dense_tflops['fp8']:g}" if "fp8" in gpu.dense_tflops else "—",
                    f"{gpu.tdp_w:g}",
                    self._yes_no(gpu.verified),
                    gpu.source,
                ]
            )
        return self._table(
            [
                self.tr("Id"),
                self.tr("Entered by"),
                self.tr("GPU"),
                self.tr("Form factor"),
                self.tr("Memory"),
                self.tr("FP64 tensor (TFLOPS)"),
                self.tr("BF16 dense (TFLOPS)"),
                self.tr("BF16 sparse (TFLOPS)"),
                self.tr("FP8 dense (TFLOPS)"),
                self.tr("TDP (W)"),
                self.tr("Verified"),
                self.tr("Source"),
            ],
            rows,
            "gpusTable",
        )

    # -- prices
    def _prices_tab(self) -> QWidget:
        page = QWidget(self)
        self.price_source = QLabel(page)
        self.price_source.setObjectName("priceSource")
        self.price_source.setWordWrap(True)
        self.filter = QLineEdit(page)
        self.filter.setPlaceholderText(self.tr("Filter items…"))
        self.filter.setClearButtonEnabled(True)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.price_model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.price_view = QTableView(page)
        self.price_view.setObjectName("priceTable")
        self.price_view.setModel(self.proxy)
        self.price_view.setSortingEnabled(True)
        self.price_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.price_view.setAlternatingRowColors(True)
        self.price_view.verticalHeader().setVisible(False)
        self.price_view.verticalHeader().setDefaultSectionSize(self.price_view.fontMetrics().height() + 8)
        self.price_view.setWordWrap(False)
        header = self.price_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.price_model.edited.connect(self._edited)
        self.import_button = QPushButton(self.tr("Import price list…"), page)
        self.import_button.clicked.connect(lambda: self.import_prices())
        self.save_button = QPushButton(self.tr("Save prices"), page)
        self.save_button.setObjectName("savePrices")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_prices)
        self.reset_button = QPushButton(self.tr("Go back to the shipped prices"), page)
        self.reset_button.clicked.connect(self.reset_prices)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.price_source)
        layout.addWidget(self.filter)
        layout.addWidget(self.price_view, 1)
        layout.addLayout(buttons)
        return page

    def reload_prices(self) -> None:
        from engine.money.prices import PriceError, load_price_list, user_price_list_path

        try:
            price_list = load_price_list()
        except PriceError as exc:
            QMessageBox.warning(self, self.tr("Cannot read the price list"), str(exc))
            return
        self.price_model.set_price_list(price_list)
        self.price_view.resizeColumnsToContents()
        for column, width in ((0, 200), (2, 160), (3, 320), (7, 260)):
            if self.price_view.columnWidth(column) > width:
                self.price_view.setColumnWidth(column, width)
        own = user_price_list_path().is_file()
        if not own:
            text = self.tr("The shipped indicative price list: replace it with vendor quotes.")
        else:
            text = self.tr("Your price list: %1").replace("%1", str(user_price_list_path()))
            if price_list.indicative:
                text += " " + self.tr("Some prices are indicative: replace them with vendor quotes.")
        self.price_source.setText(text)
        self.reset_button.setEnabled(own)
        self.save_button.setEnabled(False)

    def _edited(self) -> None:
        self.save_button.setEnabled(True)

    def save_prices(self) -> bool:
        from engine.money.prices import PriceError, save_user_price_list

        try:
            save_user_price_list(self.price_model.price_list())
        except (PriceError, OSError) as exc:
            from desktop.messages import error_text

            QMessageBox.warning(self, self.tr("Cannot save the prices"), error_text(exc))
            return False
        self.reload_prices()
        self.prices_changed.emit()
        return True

    def import_prices(self, path: Path | None = None) -> bool:
        """Start importing a price list (in a worker); False if the user chose no file."""
        from desktop.price_import import start_price_import

        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import price list"),
                str(Path.home()),
                self.tr("Price lists (*.xlsx *.csv)"),
            )
            if not name:
                return False
            path = Path(name)
        self.price_import = start_price_import(path, self)
        return True

    def reset_prices(self) -> None:
        from engine.money.prices import reset_user_price_list

        answer = QMessageBox.question(
            self,
            self.tr("Shipped prices"),
            self.tr("Forget your price list and go back to the shipped indicative prices?"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        reset_user_price_list()
        self.reload_prices()
        self.prices_changed.emit()
