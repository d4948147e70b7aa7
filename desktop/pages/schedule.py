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
    QLineEdit,
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
from engine.lead_times import first_deadline_days

MEASURED_EXAMPLE = "tokens_per_s=3100,params=7B,gpus=64,gpu=h100-sxm5-80gb"

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
        first = first_deadline_days()
        self.days = ValueField(bounded("schedule.days"), placeholder=f"{first:g}")
        self.days.setObjectName("days")
        self.end_date = QDateEdit(self)
        self.end_date.setObjectName("endDate")
        self.end_date.setCalendarPopup(True)
        self.end_date.setDisplayFormat("yyyy-MM-dd")
        self.end_date.setMinimumDate(QDate.currentDate().addDays(1))
        self.end_date.setDate(QDate.currentDate().addDays(int(first)))
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
            percent=True,
        )
        self.mfu.setObjectName("mfu")
        self.goodput = ValueField(
            bounded("efficiency.goodput", percent=True),
            optional=True,
            placeholder=self.tr("estimated per configuration"),
            percent=True,
        )
        self.goodput.setObjectName("goodput")
        self.goodput.setToolTip(default_note("schedule.goodput"))
        self.team = QComboBox(self)
        self.team.setObjectName("team")
        self.team.addItem(self.tr("Typical team (open stacks: GPT-NeoX, DeepSpeed, FSDP)"), "typical")
        self.team.addItem(self.tr("Tuned team (Megatron-LM / NeMo class)"), "tuned")
        self.team.addItem(self.tr("First large run of the team"), "first-run")
        self.confidence = QComboBox(self)
        self.confidence.setObjectName("confidence")
        for share in (0.8, 0.9, 0.95, 0.5):
            self.confidence.addItem(
                self.tr("plan so that the deadline holds with %1% confidence")
                .replace("%1", f"{share * 100:g}"), share)
        self.measured = QLineEdit(self)
        self.measured.setObjectName("measured")
        # the keys are the parser's own words (engine.compute.team.MEASURED_FORM), never translated
        self.measured.setPlaceholderText(self.tr("optional, e.g. %1").replace("%1", MEASURED_EXAMPLE))
        self.measured.setToolTip(self.tr(
            "Your own measured run: tokens/s per GPU (or mfu=0.35) of a model of the given "
            "parameters on that many GPUs of that type. It sets your team's level and narrows "
            "the range of days."))
        self.measured.textChanged.connect(self._changed)
        self.team.currentIndexChanged.connect(self._changed)
        self.confidence.currentIndexChanged.connect(self._changed)
        form.addRow(self.tr("Precision:"), self.precision)
        form.addRow(self.tr("Team:"), self.team)
        form.addRow(self.tr("Confidence:"), self.confidence)
        form.addRow(self.tr("Measured calibration:"), self.measured)
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
        from engine.compute.team import parse_measured
        from engine.errors import RequestError

        try:
            parse_measured(self.measured.text())
        except RequestError:
            return False
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
        self.team.setCurrentIndex(max(0, self.team.findData(e.get("team") or "typical")))
        confidence = s.get("confidence") or 0.8
        index = self.confidence.findData(confidence)
        if index < 0:  # a plan file's own figure
            self.confidence.addItem(f"{confidence:.0%}", confidence)
            index = self.confidence.count() - 1
        self.confidence.setCurrentIndex(index)
        self.measured.setText(measured_text(e))

    def write(self, draft: RequestDraft) -> None:
        gpus = self.gpus.value() if self.by_gpus.isChecked() else None
        draft.schedule = {
            **draft.schedule,
            "days": self.deadline_days(),
            "gpus": int(gpus) if gpus is not None else None,
            "precision": self.precision.currentData(),
            "lead_time_days": self.lead_time.value(),
            # the defaults stay unset, so that a plan keeps following them
            "confidence": None if self.confidence.currentIndex() == 0 else self.confidence.currentData(),
        }
        draft.efficiency = {"mfu": self.mfu.value(), "goodput": self.goodput.value(),
                            "team": None if self.team.currentIndex() == 0 else self.team.currentData(),
                            **self.measured_fields()}

    def measured_fields(self) -> dict[str, float | int | str]:
        """The measured calibration typed in, as Efficiency's fields (none if it does not parse:
        page_complete says so)."""
        from engine.compute.team import parse_measured
        from engine.errors import RequestError

        try:
            return parse_measured(self.measured.text())
        except RequestError:
            return {}

    def widget_for(self, field: str) -> ValueField | None:
        return {
            "schedule.days": self.days,
            "schedule.gpus": self.gpus,
            "schedule.lead_time_days": self.lead_time,
            "efficiency.mfu": self.mfu,
            "efficiency.goodput": self.goodput,
        }.get(field)


def measured_text(e: dict[str, object]) -> str:
    """A draft's measured calibration in the field's own form (empty when there is none)."""
    from engine.compute.team import MEASURED_KEYS

    parts = [f"{key}={e[field]:g}" if isinstance(e.get(field), float) else f"{key}={e[field]}"
             for key, field in MEASURED_KEYS.items() if e.get(field) is not None]
    return ",".join(parts)
