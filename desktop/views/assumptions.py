"""The assumptions panel: the request's key assumptions, editable beside the comparison.

It edits the plan session's request: every valid edit goes to ``PlanSession.edit``
(one undoable step, re-planned at once), and it shows whatever request the session
holds (opened, undone, fixed, edited in the BOM).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.choices import PurchaseFields, hosting_items, rack_kw_range, rack_kw_tooltip, storage_items
from desktop.discount_field import attach_price_factor, discount_parser
from desktop.fields import Parser, ValueField, bounded, percent_text
from desktop.messages import default_note
from engine.assumptions import defaults
from engine.model import Comparison, PlanRequest

if TYPE_CHECKING:
    from desktop.session import PlanSession
    from desktop.worker import PlanResult


class PlanHistoryKeys(QObject):
    """Ctrl+Z and Ctrl+Shift+Z in a field undo and redo its typing while there is some;
    past that they reach Edit ▸ Undo/Redo and walk the plan's history. (A line edit takes
    those keys for itself whenever it has focus, which would otherwise hide the menu's.)"""

    REDO_KEYS = (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QLineEdit)
                and isinstance(event, QKeyEvent)):
            keys = QKeySequence(event.keyCombination())
            if event.matches(QKeySequence.StandardKey.Undo) and not watched.isUndoAvailable():
                return True  # not the field's: the shortcut goes to the window
            redo = event.matches(QKeySequence.StandardKey.Redo) or keys in self.REDO_KEYS
            if redo and not watched.isRedoAvailable():
                return True
        return super().eventFilter(watched, event)


def forget_typing(edit: QLineEdit) -> None:
    """Drop a field's own undo history (its text is now a step of the plan's history)."""
    position = edit.cursorPosition()
    blocked = edit.blockSignals(True)
    edit.setText(edit.text())  # setting the text clears the undo/redo history
    edit.setCursorPosition(position)
    edit.blockSignals(blocked)


class AssumptionsPanel(QWidget):
    """The request's key assumptions, editable; every valid edit re-plans."""

    DEBOUNCE_MS = 400

    def _years(self, value: float) -> str:
        """A default length of time with its unit: "5 years" / "5 年"."""
        return self.tr("%1 years").replace("%1", f"{value:g}")

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assumptionsPanel")
        self.session = session
        self._history_keys = PlanHistoryKeys(self)
        d = defaults()
        self._request: PlanRequest | None = None
        self._plan_defaults = False  # the rack budget placeholder shows the plans' own defaults
        self._loading = True  # until a request is loaded, choices made while building are no edits
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        def field(
            name: str, parser: Parser, placeholder: str = "", optional: bool = True, percent: bool = False
        ) -> ValueField:
            widget = ValueField(parser, optional=optional, placeholder=placeholder, percent=percent)
            widget.setObjectName(name)
            widget.changed.connect(self._schedule)
            widget.committed.connect(self.apply_now)
            widget.committed.connect(lambda: forget_typing(widget.edit))
            widget.edit.installEventFilter(self._history_keys)
            return widget

        self.days = field("days", bounded("schedule.days"), optional=False)
        self.gpus = field("gpus", bounded("schedule.gpus"), optional=False)
        self.mfu = field("mfu", bounded("efficiency.mfu", percent=True), self.tr("estimated"), percent=True)
        self.goodput = field(
            "goodput",
            bounded("efficiency.goodput", percent=True),
            self.tr("estimated"),  # the team profile's interruption model, per configuration
            percent=True,
        )
        self.lead_time = field(
            "leadTime", bounded("schedule.lead_time_days"), f"{d['schedule.lead_time_days'].value:g}"
        )
        self.lead_time.setToolTip(default_note("schedule.lead_time_days"))
        # the placeholder is each plan's default for its cooling and GPU generation
        self.rack_kw = field("rackKw", bounded("facility.rack_kw"))
        self.pue = field("pue", bounded("facility.pue"))
        self.power_price = field("powerPrice", bounded("finance.power_price"))
        self.years = field("years", bounded("finance.years"), self._years(d["finance.years"].value))
        self.exchange_rate = field(
            "exchangeRate",
            bounded("finance.exchange_rate"),
            f"{d['finance.exchange_rate'].value:g}",
        )
        self.vat = field(
            "vat", bounded("finance.vat", percent=True), percent_text(d["finance.vat"].value), percent=True
        )
        self.vat_services = field(
            "vatServices",
            bounded("finance.vat_services", percent=True),
            percent_text(d["finance.vat_services"].value),
            percent=True,
        )
        self.discount = field("discount", discount_parser(), "0")
        attach_price_factor(self.discount)
        self.warranty_years = field(
            "warrantyYears", bounded("finance.warranty_years"), self._years(d["finance.warranty_years"].value)
        )
        self.maintenance_rate = field(
            "maintenanceRate",
            bounded("finance.maintenance_rate", percent=True),
            percent_text(d["finance.maintenance_rate"].value),
            percent=True,
        )
        self.rent = field("coloRent", bounded("finance.colo_rent_kw_month"))
        self.wholesale_rent = field("wholesaleRent", bounded("finance.wholesale_rent_kw_month"))

        def choice(name: str, items: list[tuple[str, str]]) -> QComboBox:
            combo = QComboBox(self)
            combo.setObjectName(name)
            for text, value in items:
                combo.addItem(text, value)
            combo.currentIndexChanged.connect(self._choice_changed)
            return combo

        self.cooling = choice(
            "cooling",
            [
                (self.tr("Air (CRAH)"), "air"),
                (self.tr("Rear-door heat exchangers"), "rdhx"),
                (self.tr("Direct liquid cooling (CDU)"), "liquid"),
            ],
        )
        self.hosting = choice("hosting", hosting_items())
        self.storage = choice("storage", storage_items())
        self.purchase = PurchaseFields(self)
        self.purchase_date, self.market, self.ai_enterprise = (
            self.purchase.date, self.purchase.market, self.purchase.ai_enterprise
        )
        self.purchase_date.dateChanged.connect(self._schedule)
        self.market.editingFinished.connect(self._choice_changed)
        self.ai_enterprise.toggled.connect(self._choice_changed)
        self.currency = choice("currency", [(self.tr("CNY (yuan)"), "CNY"), (self.tr("USD (dollar)"), "USD")])
        self.days_label = QLabel(self.tr("Deadline (days):"))
        self.gpus_label = QLabel(self.tr("Fleet (GPUs):"))
        form.addRow(self.days_label, self.days)
        form.addRow(self.gpus_label, self.gpus)
        self.lead_time_label = QLabel(self.tr("Lead time (days):"))
        form.addRow(self.lead_time_label, self.lead_time)
        form.addRow(self.tr("MFU:"), self.mfu)
        form.addRow(self.tr("Goodput:"), self.goodput)
        form.addRow(self.tr("Cooling:"), self.cooling)
        form.addRow(self.tr("Rack budget (kW):"), self.rack_kw)
        form.addRow(self.tr("PUE:"), self.pue)
        form.addRow(self.tr("Hosting:"), self.hosting)
        self.rent_label = QLabel(self.tr("IDC rent (per kW-month):"))
        form.addRow(self.rent_label, self.rent)
        self.wholesale_label = QLabel(self.tr("Wholesale rent (per kW-month):"))
        form.addRow(self.wholesale_label, self.wholesale_rent)
        form.addRow(self.tr("Storage:"), self.storage)
        form.addRow(self.tr("Purchase date:"), self.purchase_date)
        form.addRow(self.tr("Market:"), self.market)
        form.addRow(self.ai_enterprise)
        form.addRow(self.tr("Power price (per kWh):"), self.power_price)
        form.addRow(self.tr("Currency:"), self.currency)
        form.addRow(self.tr("Years:"), self.years)
        form.addRow(self.tr("Warranty (years):"), self.warranty_years)
        form.addRow(self.tr("Maintenance (yearly):"), self.maintenance_rate)
        form.addRow(self.tr("Exchange rate (CNY/USD):"), self.exchange_rate)
        form.addRow(self.tr("VAT on goods:"), self.vat)
        form.addRow(self.tr("VAT on services:"), self.vat_services)
        form.addRow(self.tr("Discount:"), self.discount)
        note = QLabel(self.tr("Empty fields use the default shown. Changes re-plan at once."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        form.addRow(note)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply_now)
        self._loading = False
        self._fields = list(self.fields().values())
        for key, widget in self.fields().items():
            if key in defaults() and not widget.toolTip():
                widget.setToolTip(default_note(key))
        session.request_changed.connect(self._session_changed)
        session.planned.connect(self._planned)
        session.failed.connect(self.show_error)
        if session.request is not None:
            self.load(session.request)

    def detach(self) -> None:
        """Stop following the session (it carries on in another window)."""
        self._timer.stop()
        self.session.request_changed.disconnect(self._session_changed)
        self.session.planned.disconnect(self._planned)
        self.session.failed.disconnect(self.show_error)

    def _session_changed(self, request: PlanRequest) -> None:
        if request != self._request:  # not the panel's own edit coming back: keep what is typed
            self.load(request)

    def _planned(self, result: PlanResult) -> None:
        self.show_plan_defaults(result.comparison)

    def fields(self) -> dict[str, ValueField]:
        return {
            "schedule.days": self.days,
            "schedule.gpus": self.gpus,
            "schedule.lead_time_days": self.lead_time,
            "efficiency.mfu": self.mfu,
            "efficiency.goodput": self.goodput,
            "facility.rack_kw": self.rack_kw,
            "facility.pue": self.pue,
            "finance.power_price": self.power_price,
            "finance.years": self.years,
            "finance.exchange_rate": self.exchange_rate,
            "finance.vat": self.vat,
            "finance.vat_services": self.vat_services,
            "finance.discount": self.discount,
            "finance.warranty_years": self.warranty_years,
            "finance.maintenance_rate": self.maintenance_rate,
            "finance.colo_rent_kw_month": self.rent,
            "finance.wholesale_rent_kw_month": self.wholesale_rent,
        }

    def load(self, request: PlanRequest) -> None:
        self._loading = True
        try:
            self._request = request
            s, e, f, m = request.schedule, request.efficiency, request.facility, request.finance
            fleet = s.gpus is not None
            for widget, label, show in (
                (self.days, self.days_label, not fleet),
                (self.gpus, self.gpus_label, fleet),
                (self.lead_time, self.lead_time_label, not fleet),
            ):
                widget.setVisible(show)
                label.setVisible(show)
            self.days.set_value(s.days)
            self.lead_time.set_value(s.lead_time_days)
            self.gpus.set_value(s.gpus)
            self.mfu.set_value(e.mfu)
            self.goodput.set_value(e.goodput)
            self.rack_kw.set_value(f.rack_kw)
            self.pue.set_value(f.pue)
            self.power_price.set_value(m.power_price)
            self.years.set_value(m.years)
            self.exchange_rate.set_value(m.exchange_rate)
            self.vat.set_value(m.vat)
            self.vat_services.set_value(m.vat_services)
            self.discount.set_value(m.discount or None)
            self.warranty_years.set_value(m.warranty_years)
            self.maintenance_rate.set_value(m.maintenance_rate)
            self.rent.set_value(m.colo_rent_kw_month)
            self.wholesale_rent.set_value(m.wholesale_rent_kw_month)
            self.purchase.load(m.purchase_date, m.market, m.ai_enterprise)
            choices = ((self.cooling, f.cooling), (self.hosting, m.hosting), (self.currency, m.currency),
                       (self.storage, request.storage.product))
            for combo, value in choices:
                combo.setCurrentIndex(max(0, combo.findData(value)))
            self._update_defaults()
        finally:
            self._loading = False

    def _update_defaults(self) -> None:
        """Placeholders and notes that depend on the cooling, hosting and currency chosen."""
        d = defaults()
        cooling, currency = self.cooling.currentData(), self.currency.currentData().lower()
        self.pue.edit.setPlaceholderText(f"{d[f'facility.pue_{cooling}'].value:g}")
        self.pue.setToolTip(default_note(f"facility.pue_{cooling}"))
        price = d[f"finance.power_price_{currency}"]
        self.power_price.edit.setPlaceholderText(f"{price.value:g}")
        self.power_price.setToolTip(default_note(f"finance.power_price_{currency}"))
        rent = d[f"finance.colo_rent_kw_month_{currency}"]
        self.rent.edit.setPlaceholderText(f"{rent.value:g}")
        self.rent.setToolTip(default_note(f"finance.colo_rent_kw_month_{currency}"))
        wholesale = d[f"finance.wholesale_rent_kw_month_{currency}"]
        self.wholesale_rent.edit.setPlaceholderText(f"{wholesale.value:g}")
        self.wholesale_rent.setToolTip(default_note(f"finance.wholesale_rent_kw_month_{currency}"))
        hosting = self.hosting.currentData()
        for widgets, shown in (((self.rent, self.rent_label), hosting == "colo"),
                               ((self.wholesale_rent, self.wholesale_label), hosting == "wholesale")):
            for widget in widgets:
                widget.setVisible(shown)
        if self._request is None or self._request.facility.cooling != cooling or not self._plan_defaults:
            # until the plans bring their own: the defaults of the cooling, by GPU generation
            self.rack_kw.edit.setPlaceholderText(rack_kw_range(cooling))
            self.rack_kw.setToolTip(rack_kw_tooltip(cooling))

    def show_plan_defaults(self, comparison: Comparison) -> None:
        """The rack budget each plan took by default (its ``rack_kw`` assumption) as the placeholder."""
        from desktop.pairing import config_label

        taken = [(config_label(p), a) for p in comparison.plans for a in p.assumptions
                 if a.key == "rack_kw" and a.origin == "default" and isinstance(a.value, float | int)]
        self._plan_defaults = bool(taken)
        if not taken:
            return
        values = sorted({float(a.value) for _label, a in taken})
        figure = f"{values[0]:g}" if len(values) == 1 else f"{values[0]:g}–{values[-1]:g}"
        self.rack_kw.edit.setPlaceholderText(
            self.tr("%1 kW by plan").replace("%1", figure) if len(values) > 1 else f"{figure} kW"
        )
        self.rack_kw.setToolTip("\n".join(f"{label}: {float(a.value):g} kW" for label, a in taken)
                                + "\n\n" + rack_kw_tooltip(comparison.request.facility.cooling))

    def _choice_changed(self) -> None:
        if self._loading:
            return
        if self._request is not None and self.currency.currentData() != self._request.finance.currency:
            # prices typed in the old currency mean nothing in the new one: back to the defaults
            self.power_price.set_value(None)
            self.rent.set_value(None)
            self.wholesale_rent.set_value(None)
        self._update_defaults()
        self.apply_now()

    def _schedule(self) -> None:
        if not self._loading:
            self._timer.start()

    def request(self) -> PlanRequest | None:
        """The request with the panel's values, or None while a field is wrong."""
        if self._request is None or not all(f.is_valid() for f in self._fields):
            return None
        r = self._request
        fleet = r.schedule.gpus is not None
        return dataclasses.replace(
            r,
            schedule=dataclasses.replace(
                r.schedule,
                days=None if fleet else self.days.value(),
                gpus=self.gpus.value() if fleet else None,
                lead_time_days=r.schedule.lead_time_days if fleet else self.lead_time.value(),
            ),
            efficiency=dataclasses.replace(r.efficiency, mfu=self.mfu.value(), goodput=self.goodput.value()),
            facility=dataclasses.replace(
                r.facility,
                rack_kw=self.rack_kw.value(),
                pue=self.pue.value(),
                cooling=self.cooling.currentData(),
            ),
            finance=dataclasses.replace(
                r.finance,
                power_price=self.power_price.value(),
                years=self.years.value(),
                exchange_rate=self.exchange_rate.value(),
                vat=self.vat.value(),
                vat_services=self.vat_services.value(),
                discount=self.discount.value() or 0.0,
                warranty_years=self.warranty_years.value(),
                maintenance_rate=self.maintenance_rate.value(),
                currency=self.currency.currentData(),
                hosting=self.hosting.currentData(),
                colo_rent_kw_month=self.rent.value() if self.hosting.currentData() == "colo" else None,
                wholesale_rent_kw_month=(
                    self.wholesale_rent.value() if self.hosting.currentData() == "wholesale" else None
                ),
                **self.purchase.values(),
            ),
            storage=dataclasses.replace(r.storage, product=self.storage.currentData()),
        )

    def purchase_date_text(self) -> str | None:
        return self.purchase.purchase_date()

    def apply_now(self) -> None:
        self._timer.stop()
        if self._loading:
            return
        request = self.request()
        if request is not None and request != self._request:
            self._request = request
            self.session.edit(request)

    def show_error(self, field: str, message: str) -> bool:
        widget = self.fields().get(field)
        if widget is None:
            return False
        widget.set_error(message)
        return True
