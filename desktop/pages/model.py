"""Wizard page 1: the target model (what must be trained)."""

from __future__ import annotations

from dataclasses import asdict
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import format as fmt
from desktop.draft import RequestDraft
from desktop.fields import ValueField, bounded, count_parser, set_range
from desktop.messages import preset_text, request_allowed_text, workload_label
from desktop.pages.base import (
    PlanPage,
)
from engine.errors import RequestError
from engine.model import Workload


class ModelPage(PlanPage):
    MODES = ("preset", "params", "flops", "pf_days")

    def __init__(self, draft: RequestDraft, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
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
            name, source = preset_text(preset.id, preset.name, preset.source)
            item = QTreeWidgetItem(
                [
                    name + (" (MoE)" if preset.moe and "MoE" not in name else ""),
                    fmt.count(preset.params),
                    fmt.count(preset.tokens),
                    fmt.number(preset.flops / 8.64e19, 1 if preset.flops < 8.64e21 else 0),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, preset.id)
            item.setToolTip(0, source)
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
        self.flops = ValueField(bounded("workload.flops"), placeholder="3.14e23")
        self.flops.setObjectName("flops")
        form.addRow(self.tr("Training compute (FLOPs):"), self.flops)
        self.stack.addWidget(flops_page)

        pf_page = QWidget(self)
        form = QFormLayout(pf_page)
        self.pf_days = ValueField(bounded("workload.pf_days"), placeholder="3640")
        self.pf_days.setObjectName("pfDays")
        form.addRow(self.tr("Training compute (PF/s-days):"), self.pf_days)
        self.stack.addWidget(pf_page)

        phases = QGroupBox(self.tr("Phases"), self)
        form = QFormLayout(phases)
        self.runs = QSpinBox(self)
        self.runs.setObjectName("runs")
        set_range(self.runs, "workload.runs")
        self.runs.setToolTip(self.tr("A model rarely succeeds in one run: count the full runs."))
        self.finetune = ValueField(count_parser("workload.finetune_tokens"), optional=True, placeholder="0")
        self.finetune.setObjectName("finetuneTokens")
        self.tuning = ValueField(bounded("workload.tuning_pf_days"), optional=True, placeholder="0")
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
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == preset_id:
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
            refusal = escape(request_allowed_text(exc))
            self.summary.setText("<span style='color:#b00020'>" + refusal + "</span>")
            return
        self.summary.setText(
            self.tr("<b>Training compute:</b> %1 FLOPs = %2 PF/s-days<br>%3")
            .replace("%1", fmt.sci(need.flops))
            .replace("%2", fmt.number(need.pf_days, 1 if need.pf_days < 100 else 0))
            .replace("%3", escape(workload_label(need, self.workload())))
        )
