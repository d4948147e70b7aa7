"""The planning wizard: five pages that fill in a PlanRequest.

Every page derives from ``PlanPage``: ``load`` fills its widgets from the draft
(first time it is shown), ``write`` puts its part of the request into the draft,
and ``validatePage`` asks the engine whether that part is acceptable, pointing
at the field when it is not. Fields validate as the user types; Next stays
disabled while any field on the page is wrong.
"""

from __future__ import annotations

from dataclasses import asdict
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop import format as fmt
from desktop.discount_field import attach_price_factor, discount_parser
from desktop.draft import RequestDraft
from desktop.fields import ValueField, count_parser, number_parser
from desktop.messages import workload_label
from engine.assumptions import defaults
from engine.errors import RequestError
from engine.model import PlanRequest, Workload

PAGE_MODEL, PAGE_SCHEDULE, PAGE_CONFIGS, PAGE_FACILITY, PAGE_REVIEW = range(5)


def _default(key: str) -> float:
    return defaults()[key].value


def _placeholder(value: float, unit: str = "") -> str:
    text = f"{value:g}" + (f" {unit}" if unit else "")
    return QCoreApplication.translate("PlanPage", "default: %1").replace("%1", text)


class PlanPage(QWizardPage):
    """Shared behaviour of the wizard's pages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded = False
        self._fields: list[ValueField] = []
        self.error_label = QLabel(self)
        self.error_label.setObjectName("pageError")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

    # -- what pages provide
    def load(self, draft: RequestDraft) -> None:
        """Fill the widgets from the draft."""

    def write(self, draft: RequestDraft) -> None:
        """Put this page's part of the request into the draft."""

    def check(self, draft: RequestDraft) -> None:
        """Raise RequestError when the engine would refuse this page's part."""

    def widget_for(self, field: str) -> ValueField | None:
        """The field that shows an engine error on ``field`` (a request path)."""
        return None

    def page_complete(self) -> bool:
        return True

    # -- shared
    def plan_wizard(self) -> PlanWizard:
        wizard = self.wizard()
        assert isinstance(wizard, PlanWizard)
        return wizard

    def watch(self, *fields: ValueField) -> None:
        for field in fields:
            self._fields.append(field)
            field.changed.connect(self._changed)

    def _changed(self) -> None:
        self.error_label.hide()
        self.completeChanged.emit()
        self.refresh()

    def refresh(self) -> None:
        """Update derived text after an edit."""

    def initializePage(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.load(self.plan_wizard().draft)
        self.refresh()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return all(f.is_valid() for f in self._fields) and self.page_complete()

    def validatePage(self) -> bool:
        draft = self.plan_wizard().draft
        self.write(draft)
        try:
            self.check(draft)
        except RequestError as exc:
            self.show_request_error(exc)
            return False
        return True

    def show_request_error(self, exc: RequestError) -> None:
        field = self.widget_for(exc.field)
        if field is not None:
            field.set_error(exc.allowed)
            field.setFocus()
        self.error_label.setText(
            QCoreApplication.translate("PlanPage", "Not accepted: %1").replace("%1", str(exc))
        )
        self.error_label.show()
        self.completeChanged.emit()


# ---------------------------------------------------------------- 1. target model


class ModelPage(PlanPage):
    MODES = ("preset", "params", "flops", "pf_days")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Target model"))
        self.setSubTitle(
            self.tr("What must be trained: a known model, or its size and data, or a compute budget.")
        )
        from engine.compute.workload import load_presets

        self.presets = load_presets()
        self.mode_group = QButtonGroup(self)
        mode_row = QHBoxLayout()
        labels = (
            self.tr("Preset model"),
            self.tr("Parameters and tokens"),
            self.tr("Compute in FLOPs"),
            self.tr("Compute in PF/s-days"),
        )
        self.mode_buttons: dict[str, QRadioButton] = {}
        for index, (mode, label) in enumerate(zip(self.MODES, labels, strict=True)):
            button = QRadioButton(label, self)
            button.setObjectName(f"mode_{mode}")
            self.mode_group.addButton(button, index)
            self.mode_buttons[mode] = button
            mode_row.addWidget(button)
        mode_row.addStretch(1)

        self.stack = QStackedWidget(self)
        # preset list
        self.preset_list = QTreeWidget(self)
        self.preset_list.setObjectName("presetList")
        self.preset_list.setRootIsDecorated(False)
        self.preset_list.setAlternatingRowColors(True)
        self.preset_list.setHeaderLabels(
            [self.tr("Model"), self.tr("Parameters"), self.tr("Tokens"), self.tr("PF/s-days")]
        )
        for preset in self.presets.values():
            item = QTreeWidgetItem(
                [
                    preset.name + (" (MoE)" if preset.moe and "MoE" not in preset.name else ""),
                    fmt.count(preset.params),
                    fmt.count(preset.tokens),
                    fmt.number(preset.flops / 8.64e19, 1 if preset.flops < 8.64e21 else 0),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, preset.id)
            item.setToolTip(0, preset.source)
            for column in (1, 2, 3):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            self.preset_list.addTopLevelItem(item)
        header = self.preset_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.preset_list.itemSelectionChanged.connect(self._changed)
        self.stack.addWidget(self.preset_list)

        custom = QWidget(self)
        form = QFormLayout(custom)
        self.params = ValueField(count_parser("workload.params"), placeholder="175B")
        self.params.setObjectName("params")
        self.tokens = ValueField(count_parser("workload.tokens"), placeholder="300B")
        self.tokens.setObjectName("tokens")
        self.moe = QCheckBox(self.tr("Mixture of experts (parameters counts the active ones)"))
        form.addRow(self.tr("Parameters:"), self.params)
        form.addRow(self.tr("Training tokens:"), self.tokens)
        form.addRow("", self.moe)
        self.stack.addWidget(custom)

        flops_page = QWidget(self)
        form = QFormLayout(flops_page)
        self.flops = ValueField(number_parser(0, 1e32, low_open=True), placeholder="3.14e23")
        self.flops.setObjectName("flops")
        form.addRow(self.tr("Training compute (FLOPs):"), self.flops)
        self.stack.addWidget(flops_page)

        pf_page = QWidget(self)
        form = QFormLayout(pf_page)
        self.pf_days = ValueField(number_parser(0, 1e12, low_open=True), placeholder="3640")
        self.pf_days.setObjectName("pfDays")
        form.addRow(self.tr("Training compute (PF/s-days):"), self.pf_days)
        self.stack.addWidget(pf_page)

        phases = QGroupBox(self.tr("Phases"), self)
        form = QFormLayout(phases)
        self.runs = QSpinBox(self)
        self.runs.setObjectName("runs")
        self.runs.setRange(1, 100)
        self.runs.setToolTip(self.tr("A model rarely succeeds in one run: count the full runs."))
        self.finetune = ValueField(count_parser("workload.finetune_tokens"), optional=True, placeholder="0")
        self.finetune.setObjectName("finetuneTokens")
        self.tuning = ValueField(number_parser(0, 1e12), optional=True, placeholder="0")
        self.tuning.setObjectName("tuningPfDays")
        form.addRow(self.tr("Pre-training runs during development:"), self.runs)
        form.addRow(self.tr("Domain fine-tuning tokens:"), self.finetune)
        form.addRow(self.tr("Ongoing fine-tuning / RLHF budget (PF/s-days):"), self.tuning)

        self.summary = QLabel(self)
        self.summary.setObjectName("computeSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        layout = QVBoxLayout(self)
        layout.addLayout(mode_row)
        layout.addWidget(self.stack, 1)
        layout.addWidget(phases)
        layout.addWidget(self.summary)
        layout.addWidget(self.error_label)

        self.watch(self.params, self.tokens, self.flops, self.pf_days, self.finetune, self.tuning)
        self.mode_group.idToggled.connect(self._mode_toggled)
        self.runs.valueChanged.connect(self._changed)
        self.moe.toggled.connect(self._changed)
        self.mode_buttons["preset"].setChecked(True)

    def mode(self) -> str:
        return self.MODES[max(0, self.mode_group.checkedId())]

    def _mode_toggled(self, index: int, checked: bool) -> None:
        if checked:
            self.stack.setCurrentIndex(index)
            for field, mode in (
                (self.params, "params"),
                (self.tokens, "params"),
                (self.flops, "flops"),
                (self.pf_days, "pf_days"),
            ):
                field.setEnabled(mode == self.mode())
            self._changed()

    def select_preset(self, preset_id: str) -> bool:
        for row in range(self.preset_list.topLevelItemCount()):
            item = self.preset_list.topLevelItem(row)
            if item.data(0, Qt.ItemDataRole.UserRole) == preset_id:
                self.mode_buttons["preset"].setChecked(True)
                self.preset_list.setCurrentItem(item)
                item.setSelected(True)
                self.preset_list.scrollToItem(item)
                return True
        return False

    def selected_preset(self) -> str | None:
        items = self.preset_list.selectedItems()
        return items[0].data(0, Qt.ItemDataRole.UserRole) if items else None

    def load(self, draft: RequestDraft) -> None:
        w = draft.workload
        self.runs.setValue(int(w.get("runs", 1)))
        self.finetune.set_value(w.get("finetune_tokens") or None)
        self.tuning.set_value(w.get("tuning_pf_days") or None)
        self.moe.setChecked(bool(w.get("moe", False)))
        if w.get("preset"):
            self.select_preset(w["preset"])
        elif w.get("params") is not None or w.get("tokens") is not None:
            self.mode_buttons["params"].setChecked(True)
            self.params.setText(fmt.count(w.get("params")) if w.get("params") else "")
            self.tokens.setText(fmt.count(w.get("tokens")) if w.get("tokens") else "")
        elif w.get("flops") is not None:
            self.mode_buttons["flops"].setChecked(True)
            self.flops.setText(f"{w['flops']:g}")
        elif w.get("pf_days") is not None:
            self.mode_buttons["pf_days"].setChecked(True)
            self.pf_days.setText(f"{w['pf_days']:g}")

    def workload(self) -> Workload:
        mode = self.mode()
        return Workload(
            preset=self.selected_preset() if mode == "preset" else None,
            params=self.params.value() if mode == "params" else None,
            tokens=self.tokens.value() if mode == "params" else None,
            flops=self.flops.value() if mode == "flops" else None,
            pf_days=self.pf_days.value() if mode == "pf_days" else None,
            runs=self.runs.value(),
            finetune_tokens=self.finetune.value() or 0.0,
            tuning_pf_days=self.tuning.value() or 0.0,
            moe=self.moe.isChecked() and mode == "params",
        )

    def write(self, draft: RequestDraft) -> None:
        draft.workload = asdict(self.workload())

    def check(self, draft: RequestDraft) -> None:
        from engine.compute.workload import compute_need

        compute_need(Workload(**draft.workload))

    def widget_for(self, field: str) -> ValueField | None:
        return {
            "workload.params": self.params,
            "workload.tokens": self.tokens,
            "workload.flops": self.flops,
            "workload.pf_days": self.pf_days,
            "workload.finetune_tokens": self.finetune,
            "workload.tuning_pf_days": self.tuning,
        }.get(field)

    def page_complete(self) -> bool:
        mode = self.mode()
        if mode == "preset":
            return self.selected_preset() is not None
        if mode == "params":
            return self.params.value() is not None and self.tokens.value() is not None
        if mode == "flops":
            return self.flops.value() is not None
        return self.pf_days.value() is not None

    def refresh(self) -> None:
        from engine.compute.workload import compute_need

        if not (self.page_complete() and all(f.is_valid() for f in self._fields)):
            self.summary.setText(
                "<i>" + self.tr("Choose a model or enter its size to see the compute it needs.") + "</i>"
            )
            return
        try:
            need = compute_need(self.workload())
        except RequestError as exc:
            self.summary.setText("<span style='color:#b00020'>" + escape(exc.allowed) + "</span>")
            return
        self.summary.setText(
            self.tr("<b>Training compute:</b> %1 FLOPs = %2 PF/s-days<br>%3")
            .replace("%1", fmt.sci(need.flops))
            .replace("%2", fmt.number(need.pf_days, 1 if need.pf_days < 100 else 0))
            .replace("%3", escape(workload_label(need, self.workload())))
        )


# ---------------------------------------------------------------- 2. schedule


class SchedulePage(PlanPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Schedule and efficiency"))
        self.setSubTitle(
            self.tr("By when must it be trained, or on how many GPUs? And how well do they work?")
        )
        when = QGroupBox(self.tr("Deadline"), self)
        grid = QGridLayout(when)
        self.by_days = QRadioButton(self.tr("Deadline in days:"), self)
        self.by_days.setObjectName("byDays")
        self.by_date = QRadioButton(self.tr("End date:"), self)
        self.by_date.setObjectName("byDate")
        self.by_gpus = QRadioButton(self.tr("Fixed fleet of GPUs:"), self)
        self.by_gpus.setObjectName("byGpus")
        self.days = ValueField(number_parser(0, 3650, low_open=True), placeholder="30")
        self.days.setObjectName("days")
        self.end_date = QDateEdit(self)
        self.end_date.setObjectName("endDate")
        self.end_date.setCalendarPopup(True)
        self.end_date.setDisplayFormat("yyyy-MM-dd")
        self.end_date.setMinimumDate(QDate.currentDate().addDays(1))
        self.end_date.setDate(QDate.currentDate().addDays(30))
        self.date_days = QLabel(self)
        self.gpus = ValueField(number_parser(1, 1_000_000, integer=True), placeholder="1024")
        self.gpus.setObjectName("gpus")
        grid.addWidget(self.by_days, 0, 0)
        grid.addWidget(self.days, 0, 1)
        grid.addWidget(self.by_date, 1, 0)
        grid.addWidget(self.end_date, 1, 1)
        grid.addWidget(self.date_days, 1, 2)
        grid.addWidget(self.by_gpus, 2, 0)
        grid.addWidget(self.gpus, 2, 1)
        grid.setColumnStretch(1, 1)
        self.when_group = QButtonGroup(self)
        for index, button in enumerate((self.by_days, self.by_date, self.by_gpus)):
            self.when_group.addButton(button, index)

        eff = QGroupBox(self.tr("Efficiency"), self)
        form = QFormLayout(eff)
        self.precision = QComboBox(self)
        self.precision.setObjectName("precision")
        self.precision.addItem(self.tr("BF16 (dense tensor peak)"), "bf16")
        self.precision.addItem(self.tr("FP8 (dense tensor peak; Hopper GPUs only)"), "fp8")
        self.mfu = ValueField(
            number_parser(0, 1, low_open=True, percent=True),
            optional=True,
            placeholder=self.tr("estimated per configuration"),
        )
        self.mfu.setObjectName("mfu")
        goodput = _default("schedule.goodput")
        self.goodput = ValueField(
            number_parser(0, 1, low_open=True, percent=True),
            optional=True,
            placeholder=_placeholder(goodput),
        )
        self.goodput.setObjectName("goodput")
        self.goodput.setToolTip(defaults()["schedule.goodput"].note)
        form.addRow(self.tr("Precision:"), self.precision)
        form.addRow(self.tr("Model FLOPs utilisation (MFU):"), self.mfu)
        form.addRow(self.tr("Goodput:"), self.goodput)
        band = QLabel(
            self.tr(
                "Leave MFU empty to use the engine's estimate for each configuration: it "
                "accounts for the GPU, the links between the GPUs in a server, the model size "
                "and the cluster size, and comes with a low / expected / high band that the "
                "comparison shows as a range of days. Goodput is the share of wall time that "
                "trains (failures, restarts, checkpoints). Fractions may be typed as 0.4 or 40%."
            ),
            self,
        )
        band.setWordWrap(True)
        band.setObjectName("bandNote")
        form.addRow(band)

        layout = QVBoxLayout(self)
        layout.addWidget(when)
        layout.addWidget(eff)
        layout.addStretch(1)
        layout.addWidget(self.error_label)
        self.watch(self.days, self.gpus, self.mfu, self.goodput)
        self.when_group.idToggled.connect(self._when_toggled)
        self.end_date.dateChanged.connect(self._changed)
        self.by_days.setChecked(True)

    def _when_toggled(self, _index: int, checked: bool) -> None:
        if checked:
            self.days.setEnabled(self.by_days.isChecked())
            self.end_date.setEnabled(self.by_date.isChecked())
            self.gpus.setEnabled(self.by_gpus.isChecked())
            self._changed()

    def deadline_days(self) -> float | None:
        if self.by_days.isChecked():
            value = self.days.value()
            return float(value) if value is not None else None
        if self.by_date.isChecked():
            return float(QDate.currentDate().daysTo(self.end_date.date()))
        return None

    def refresh(self) -> None:
        days = QDate.currentDate().daysTo(self.end_date.date())
        self.date_days.setText(self.tr("%n day(s) from today", "", days))

    def page_complete(self) -> bool:
        if self.by_days.isChecked():
            return self.days.value() is not None
        if self.by_gpus.isChecked():
            return self.gpus.value() is not None
        return QDate.currentDate().daysTo(self.end_date.date()) > 0

    def load(self, draft: RequestDraft) -> None:
        s, e = draft.schedule, draft.efficiency
        if s.get("gpus") is not None:
            self.by_gpus.setChecked(True)
            self.gpus.setText(str(s["gpus"]))
        elif s.get("days") is not None:
            self.by_days.setChecked(True)
            self.days.setText(f"{s['days']:g}")
        index = self.precision.findData(s.get("precision", "bf16"))
        self.precision.setCurrentIndex(max(0, index))
        self.mfu.set_value(e.get("mfu"))
        self.goodput.set_value(e.get("goodput"))

    def write(self, draft: RequestDraft) -> None:
        gpus = self.gpus.value() if self.by_gpus.isChecked() else None
        draft.schedule = {
            "days": self.deadline_days(),
            "gpus": int(gpus) if gpus is not None else None,
            "precision": self.precision.currentData(),
        }
        draft.efficiency = {"mfu": self.mfu.value(), "goodput": self.goodput.value()}

    def widget_for(self, field: str) -> ValueField | None:
        return {
            "schedule.days": self.days,
            "schedule.gpus": self.gpus,
            "efficiency.mfu": self.mfu,
            "efficiency.goodput": self.goodput,
        }.get(field)


# ---------------------------------------------------------------- 3. configurations


class ConfigsPage(PlanPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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

    def _build(self, precision: str) -> None:
        from engine.catalog import load_catalog

        checked = set(self.checked_ids()) if self._items else None
        self._filling = True
        self.tree.clear()
        self._items.clear()
        self._vendor_items.clear()
        catalog = load_catalog()
        prices = _config_prices(self.plan_wizard().draft.finance.get("currency", "CNY"))
        by_vendor: dict[str, list[Any]] = {}
        for cfg in catalog.configurations.values():
            server = catalog.servers[cfg.server]
            by_vendor.setdefault(server.vendor, []).append((cfg, server))
        order = {"Lenovo": 0, "Inspur": 1}
        for vendor in sorted(by_vendor, key=lambda v: (order.get(v, 2), v)):
            top = QTreeWidgetItem([_vendor_name(vendor)])
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
            self.tree.addTopLevelItem(top)
            self._vendor_items.append(top)
            for cfg, server in sorted(by_vendor[vendor], key=lambda p: p[0].id):
                gpu = catalog.gpus[cfg.gpu]
                dense = gpu.dense_tflops.get(precision)
                sparse = gpu.sparse_tflops.get(precision)
                price = prices.get(cfg.id)
                item = QTreeWidgetItem(
                    [
                        f"{server.model} {server.variant}",
                        f"{cfg.gpu_count} × {gpu.name}",
                        fmt.number(dense * cfg.gpu_count / 1000, 2) if dense else "—",
                        fmt.number(sparse * cfg.gpu_count / 1000, 2) if sparse else "—",
                        fmt.money(price[0], price[1]) if price else "—",
                    ]
                )
                item.setData(0, Qt.ItemDataRole.UserRole, cfg.id)
                item.setToolTip(0, f"{cfg.id}\n{cfg.description_en}")
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
        precision = self.plan_wizard().draft.schedule.get("precision", "bf16")
        first = not self._items
        if first or precision != self._precision:
            self._build(precision)
        if first:
            wanted = set(self.plan_wizard().draft.configs)
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
        # Everything checked means the engine's default set (every Lenovo and Inspur configuration).
        draft.configs = () if len(ids) == len(self._items) else tuple(ids)


def _vendor_name(vendor: str) -> str:
    names = {
        "Lenovo": QCoreApplication.translate("ConfigsPage", "Lenovo"),
        "Inspur": QCoreApplication.translate("ConfigsPage", "Inspur"),
    }
    return names.get(vendor, vendor)


def _config_prices(currency: str) -> dict[str, tuple[float, str]]:
    """Indicative price of each configuration (base system + GPUs + compute NICs)."""
    from engine.money.indicative import node_prices
    from engine.money.prices import PriceError

    try:
        return {cid: (price, currency) for cid, price in node_prices(currency).items()}
    except (PriceError, OSError):  # prices help here; they are never a reason to fail the page
        return {}


# ---------------------------------------------------------------- 4. facility and money


class FacilityPage(PlanPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Facility and money"))
        self.setSubTitle(
            self.tr(
                "Where the cluster will stand and how it is paid for. Empty fields use the default shown."
            )
        )
        d = defaults()
        facility = QGroupBox(self.tr("Facility"), self)
        form = QFormLayout(facility)
        self.rack_kw = ValueField(
            number_parser(0, 500, low_open=True),
            optional=True,
            placeholder=_placeholder(d["facility.rack_kw"].value, "kW"),
        )
        self.rack_kw.setObjectName("rackKw")
        self.rack_kw.setToolTip(d["facility.rack_kw"].note)
        self.cooling = QComboBox(self)
        self.cooling.setObjectName("cooling")
        self.cooling.addItem(self.tr("Air (precision air units, CRAH)"), "air")
        self.cooling.addItem(self.tr("Rear-door heat exchangers"), "rdhx")
        self.cooling.addItem(self.tr("Direct liquid cooling (CDU)"), "liquid")
        self.pue = ValueField(number_parser(1, 5), optional=True)
        self.pue.setObjectName("pue")
        self.rack_units = QComboBox(self)
        self.rack_units.setObjectName("rackUnits")
        self.rack_units.addItem("42U", 42)
        self.rack_units.addItem("47U", 47)
        form.addRow(self.tr("Rack power budget (kW):"), self.rack_kw)
        form.addRow(self.tr("Cooling:"), self.cooling)
        form.addRow(self.tr("PUE:"), self.pue)
        form.addRow(self.tr("Rack height:"), self.rack_units)

        money = QGroupBox(self.tr("Money"), self)
        form2 = QFormLayout(money)
        self.currency = QComboBox(self)
        self.currency.setObjectName("currency")
        self.currency.addItem(self.tr("CNY (yuan)"), "CNY")
        self.currency.addItem(self.tr("USD (dollar)"), "USD")
        self.exchange_rate = ValueField(
            number_parser(0, 1e6, low_open=True),
            optional=True,
            placeholder=_placeholder(d["finance.exchange_rate"].value, "CNY/USD"),
        )
        self.exchange_rate.setObjectName("exchangeRate")
        self.power_price = ValueField(number_parser(0, 1e3), optional=True)
        self.power_price.setObjectName("powerPrice")
        self.hosting = QComboBox(self)
        self.hosting.setObjectName("hosting")
        self.hosting.addItem(self.tr("Own data centre (energy only)"), "own")
        self.hosting.addItem(self.tr("Leased IDC (rent per kW of rack budget)"), "colo")
        self.rent = ValueField(number_parser(0, 1e6), optional=True)
        self.rent.setObjectName("coloRent")
        self.years = ValueField(
            number_parser(1, 30, integer=True),
            optional=True,
            placeholder=_placeholder(d["finance.years"].value),
        )
        self.years.setObjectName("years")
        self.vat = ValueField(
            number_parser(0, 1, percent=True),
            optional=True,
            placeholder=_placeholder(d["finance.vat"].value),
        )
        self.vat.setObjectName("vat")
        self.discount = ValueField(discount_parser(), optional=True, placeholder="0")
        attach_price_factor(self.discount)
        self.discount.setObjectName("discount")
        form2.addRow(self.tr("Currency:"), self.currency)
        form2.addRow(self.tr("Exchange rate (CNY per USD):"), self.exchange_rate)
        form2.addRow(self.tr("Power price (per kWh):"), self.power_price)
        form2.addRow(self.tr("Hosting:"), self.hosting)
        form2.addRow(self.tr("IDC rent (per kW-month):"), self.rent)
        form2.addRow(self.tr("Years of ownership:"), self.years)
        form2.addRow(self.tr("VAT:"), self.vat)
        form2.addRow(self.tr("Discount:"), self.discount)

        quote = QGroupBox(self.tr("Quote"), self)
        form3 = QFormLayout(quote)
        self.customer = QLineEdit(self)
        self.customer.setObjectName("customer")
        self.customer.setMaxLength(200)
        self.quote_no = QLineEdit(self)
        self.quote_no.setObjectName("quoteNo")
        self.quote_no.setMaxLength(60)
        form3.addRow(self.tr("Customer:"), self.customer)
        form3.addRow(self.tr("Quote number:"), self.quote_no)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(facility)
        left.addWidget(quote)
        left.addStretch(1)
        columns.addLayout(left, 1)
        columns.addWidget(money, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addStretch(1)
        layout.addWidget(self.error_label)
        self.watch(
            self.rack_kw,
            self.pue,
            self.exchange_rate,
            self.power_price,
            self.rent,
            self.years,
            self.vat,
            self.discount,
        )
        self.cooling.currentIndexChanged.connect(self._update_placeholders)
        self.currency.currentIndexChanged.connect(self._update_placeholders)
        self.hosting.currentIndexChanged.connect(self._update_placeholders)
        self._update_placeholders()

    def _update_placeholders(self) -> None:
        d = defaults()
        cooling = self.cooling.currentData() or "air"
        currency = (self.currency.currentData() or "CNY").lower()
        pue = d[f"facility.pue_{cooling}"]
        self.pue.edit.setPlaceholderText(_placeholder(pue.value))
        self.pue.setToolTip(pue.note)
        price = d[f"finance.power_price_{currency}"]
        self.power_price.edit.setPlaceholderText(_placeholder(price.value, price.unit))
        rent = d[f"finance.colo_rent_kw_month_{currency}"]
        self.rent.edit.setPlaceholderText(_placeholder(rent.value, rent.unit))
        self.rent.setEnabled(self.hosting.currentData() == "colo")
        self._changed()

    def load(self, draft: RequestDraft) -> None:
        f, m = draft.facility, draft.finance
        for combo, value in (
            (self.cooling, f.get("cooling", "air")),
            (self.rack_units, f.get("rack_units", 42)),
            (self.currency, m.get("currency", "CNY")),
            (self.hosting, m.get("hosting", "own")),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.rack_kw.set_value(f.get("rack_kw"))
        self.pue.set_value(f.get("pue"))
        self.exchange_rate.set_value(m.get("exchange_rate"))
        self.power_price.set_value(m.get("power_price"))
        self.rent.set_value(m.get("colo_rent_kw_month"))
        self.years.set_value(m.get("years"))
        self.vat.set_value(m.get("vat"))
        self.discount.set_value(m.get("discount") or None)
        self.customer.setText(draft.customer)
        self.quote_no.setText(draft.quote_no)

    def write(self, draft: RequestDraft) -> None:
        draft.facility = {
            "rack_kw": self.rack_kw.value(),
            "cooling": self.cooling.currentData(),
            "pue": self.pue.value(),
            "rack_units": self.rack_units.currentData(),
        }
        years = self.years.value()
        draft.finance = {
            **{k: v for k, v in draft.finance.items() if k in ("warranty_years", "maintenance_rate")},
            "currency": self.currency.currentData(),
            "exchange_rate": self.exchange_rate.value(),
            "power_price": self.power_price.value(),
            "years": int(years) if years is not None else None,
            "hosting": self.hosting.currentData(),
            "colo_rent_kw_month": self.rent.value() if self.hosting.currentData() == "colo" else None,
            "vat": self.vat.value(),
            "discount": self.discount.value() or 0.0,
        }
        draft.customer = self.customer.text().strip()
        draft.quote_no = self.quote_no.text().strip()

    def check(self, draft: RequestDraft) -> None:
        from engine.resolve import resolve

        resolve(draft.to_request())

    def widget_for(self, field: str) -> ValueField | None:
        return {
            "facility.rack_kw": self.rack_kw,
            "facility.pue": self.pue,
            "finance.exchange_rate": self.exchange_rate,
            "finance.power_price": self.power_price,
            "finance.colo_rent_kw_month": self.rent,
            "finance.years": self.years,
            "finance.vat": self.vat,
            "finance.discount": self.discount,
        }.get(field)


# ---------------------------------------------------------------- 5. review


class ReviewPage(PlanPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Review"))
        self.setSubTitle(self.tr("The request in words. Finish plans it on every configuration."))
        self.text = QTextBrowser(self)
        self.text.setObjectName("reviewText")
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.error_label)

    def initializePage(self) -> None:
        super().initializePage()
        self.text.setHtml(self.describe(self.plan_wizard().draft))

    def check(self, draft: RequestDraft) -> None:
        from engine.compute.workload import compute_need
        from engine.resolve import resolve

        request = draft.to_request()
        compute_need(request.workload)
        resolve(request)

    def describe(self, draft: RequestDraft) -> str:
        """The request in words, as HTML, with the compute it implies."""
        from engine.compute.workload import compute_need

        request = draft.to_request()
        rows: list[tuple[str, str]] = []
        try:
            need = compute_need(request.workload)
            rows.append((self.tr("Workload"), escape(workload_label(need, request.workload))))
            rows.append(
                (
                    self.tr("Training compute"),
                    self.tr("%1 FLOPs = %2 PF/s-days")
                    .replace("%1", fmt.sci(need.flops))
                    .replace("%2", fmt.number(need.pf_days, 1 if need.pf_days < 100 else 0)),
                )
            )
        except RequestError as exc:
            rows.append((self.tr("Workload"), escape(str(exc))))
        w = request.workload
        phases = [self.tr("%1 pre-training run(s)").replace("%1", str(w.runs))]
        if w.finetune_tokens:
            phases.append(self.tr("fine-tuning on %1 tokens").replace("%1", fmt.count(w.finetune_tokens)))
        if w.tuning_pf_days:
            phases.append(self.tr("ongoing tuning of %1 PF/s-days").replace("%1", f"{w.tuning_pf_days:g}"))
        rows.append((self.tr("Phases"), ", ".join(phases)))
        s = request.schedule
        if s.gpus is not None:
            rows.append((self.tr("Fleet"), self.tr("%1 GPUs").replace("%1", str(s.gpus))))
        else:
            rows.append(
                (
                    self.tr("Deadline"),
                    self.tr("%1 days").replace("%1", f"{s.days:g}" if s.days else "—"),
                )
            )
        rows.append((self.tr("Precision"), (s.precision or "bf16").upper()))
        e = request.efficiency
        rows.append(
            (
                self.tr("MFU"),
                fmt.percent(e.mfu)
                if e.mfu is not None
                else self.tr("the engine's estimate per configuration"),
            )
        )
        d = defaults()
        goodput = e.goodput if e.goodput is not None else d["schedule.goodput"].value
        rows.append((self.tr("Goodput"), fmt.percent(goodput)))
        rows.append(
            (
                self.tr("Configurations"),
                ", ".join(request.configs)
                if request.configs
                else self.tr("every Lenovo and Inspur configuration"),
            )
        )
        f = request.facility
        rack_kw = f.rack_kw if f.rack_kw is not None else d["facility.rack_kw"].value
        pue = f.pue if f.pue is not None else d[f"facility.pue_{f.cooling}"].value
        cooling = {
            "air": self.tr("air cooling"),
            "rdhx": self.tr("rear-door heat exchangers"),
            "liquid": self.tr("direct liquid cooling"),
        }[f.cooling]
        rows.append(
            (
                self.tr("Facility"),
                self.tr("%1U racks of %2 kW, %3, PUE %4")
                .replace("%1", str(f.rack_units))
                .replace("%2", f"{rack_kw:g}")
                .replace("%3", cooling)
                .replace("%4", f"{pue:g}"),
            )
        )
        m = request.finance
        years = m.years if m.years is not None else int(d["finance.years"].value)
        vat = m.vat if m.vat is not None else d["finance.vat"].value
        hosting = self.tr("own data centre") if m.hosting == "own" else self.tr("leased IDC")
        rows.append(
            (
                self.tr("Money"),
                self.tr("%1, %2 years, %3, VAT %4, discount %5")
                .replace("%1", m.currency)
                .replace("%2", str(years))
                .replace("%3", hosting)
                .replace("%4", fmt.percent(vat))
                .replace("%5", fmt.percent(m.discount)),
            )
        )
        if draft.customer or draft.quote_no:
            rows.append(
                (
                    self.tr("Quote"),
                    escape(" · ".join(x for x in (draft.customer, draft.quote_no) if x)),
                )
            )
        body = "".join(
            f"<tr><td style='padding:3px 12px 3px 0'><b>{label}</b></td><td>{value}</td></tr>"
            for label, value in rows
        )
        return f"<table>{body}</table>"


# ---------------------------------------------------------------- the wizard


class PlanWizard(QWizard):
    """Fills a RequestDraft; ``request()`` gives the PlanRequest after Finish."""

    planned = Signal(object)  # the PlanRequest, on Finish

    def __init__(self, parent: QWidget | None = None, *, draft: RequestDraft | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planWizard")
        self.setWindowTitle(self.tr("New plan — ClusterQuote"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.draft = draft or RequestDraft(schedule={"days": 30.0})
        self.model_page = ModelPage()
        self.schedule_page = SchedulePage()
        self.configs_page = ConfigsPage()
        self.facility_page = FacilityPage()
        self.review_page = ReviewPage()
        for index, page in enumerate(
            (
                self.model_page,
                self.schedule_page,
                self.configs_page,
                self.facility_page,
                self.review_page,
            )
        ):
            self.setPage(index, page)
        self.resize(1000, 680)

    def pages(self) -> list[PlanPage]:
        return [self.page(i) for i in self.pageIds()]  # type: ignore[misc]

    def request(self) -> PlanRequest:
        return self.draft.to_request()

    def accept(self) -> None:
        self.planned.emit(self.request())
        super().accept()
