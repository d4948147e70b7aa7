"""Wizard page 2: the schedule (deadline or fleet)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.draft import RequestDraft
from desktop.fields import ValueField, bounded
from desktop.messages import default_note
from desktop.pages.base import (
    PlanPage,
    _default,
    _placeholder,
)


class SchedulePage(PlanPage):
    def __init__(self, draft: RequestDraft, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
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
        self.days = ValueField(bounded("schedule.days"), placeholder="30")
        self.days.setObjectName("days")
        self.end_date = QDateEdit(self)
        self.end_date.setObjectName("endDate")
        self.end_date.setCalendarPopup(True)
        self.end_date.setDisplayFormat("yyyy-MM-dd")
        self.end_date.setMinimumDate(QDate.currentDate().addDays(1))
        self.end_date.setDate(QDate.currentDate().addDays(30))
        self.date_days = QLabel(self)
        self.gpus = ValueField(bounded("schedule.gpus"), placeholder="1024")
        self.gpus.setObjectName("gpus")
        grid.addWidget(self.by_days, 0, 0)
        grid.addWidget(self.days, 0, 1)
        grid.addWidget(self.by_date, 1, 0)
        grid.addWidget(self.end_date, 1, 1)
        grid.addWidget(self.date_days, 1, 2)
        grid.addWidget(self.by_gpus, 2, 0)
        grid.addWidget(self.gpus, 2, 1)
        grid.setColumnStretch(1, 1)
        lead = _default("schedule.lead_time_days")
        self.lead_time = ValueField(
            bounded("schedule.lead_time_days"), optional=True, placeholder=_placeholder(lead, self.tr("days"))
        )
        self.lead_time.setObjectName("leadTime")
        self.lead_time.setToolTip(default_note("schedule.lead_time_days"))
        grid.addWidget(QLabel(self.tr("Lead time before training (days):"), self), 3, 0)
        grid.addWidget(self.lead_time, 3, 1)
        calendar = QLabel(
            self.tr(
                "The deadline counts calendar days from the order: delivery, installation and "
                "acceptance (the lead time), then training."
            ),
            self,
        )
        calendar.setWordWrap(True)
        calendar.setObjectName("calendarNote")
        grid.addWidget(calendar, 4, 0, 1, 3)
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
            bounded("efficiency.mfu", percent=True),
            optional=True,
            placeholder=self.tr("estimated per configuration"),
        )
        self.mfu.setObjectName("mfu")
        goodput = _default("schedule.goodput")
        self.goodput = ValueField(
            bounded("efficiency.goodput", percent=True),
            optional=True,
            placeholder=_placeholder(goodput),
        )
        self.goodput.setObjectName("goodput")
        self.goodput.setToolTip(default_note("schedule.goodput"))
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
        self.watch(self.days, self.gpus, self.lead_time, self.mfu, self.goodput)
        self.when_group.idToggled.connect(self._when_toggled)
        self.end_date.dateChanged.connect(self._changed)
        self.by_days.setChecked(True)

    def _when_toggled(self, _index: int, checked: bool) -> None:
        if checked:
            self.days.setEnabled(self.by_days.isChecked())
            self.end_date.setEnabled(self.by_date.isChecked())
            self.gpus.setEnabled(self.by_gpus.isChecked())
            self.lead_time.setEnabled(not self.by_gpus.isChecked())  # a fleet has no deadline to count
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
        self.lead_time.set_value(s.get("lead_time_days"))
        self.mfu.set_value(e.get("mfu"))
        self.goodput.set_value(e.get("goodput"))

    def write(self, draft: RequestDraft) -> None:
        gpus = self.gpus.value() if self.by_gpus.isChecked() else None
        draft.schedule = {
            **draft.schedule,
            "days": self.deadline_days(),
            "gpus": int(gpus) if gpus is not None else None,
            "precision": self.precision.currentData(),
            "lead_time_days": self.lead_time.value(),
        }
        draft.efficiency = {"mfu": self.mfu.value(), "goodput": self.goodput.value()}

    def widget_for(self, field: str) -> ValueField | None:
        return {
            "schedule.days": self.days,
            "schedule.gpus": self.gpus,
            "schedule.lead_time_days": self.lead_time,
            "efficiency.mfu": self.mfu,
            "efficiency.goodput": self.goodput,
        }.get(field)
