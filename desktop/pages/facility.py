"""Wizard page 4: facility and money."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.choices import (
    PurchaseFields,
    hosting_items,
    rack_kw_placeholder,
    rack_kw_tooltip,
    storage_items,
)
from desktop.discount_field import attach_price_factor, discount_parser
from desktop.draft import RequestDraft
from desktop.fields import ValueField, bounded
from desktop.messages import default_note
from desktop.pages.base import (
    PlanPage,
    _percent_placeholder,
    _placeholder,
)
from engine.assumptions import defaults
from engine.bounds import limit


class FacilityPage(PlanPage):
    def __init__(self, draft: RequestDraft, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.setTitle(self.tr("Facility and money"))
        self.setSubTitle(
            self.tr(
                "Where the cluster will stand and how it is paid for. Empty fields use the default shown."
            )
        )
        d = defaults()
        facility = QGroupBox(self.tr("Facility"), self)
        form = QFormLayout(facility)
        # the default depends on the cooling and each configuration's GPU generation
        self.rack_kw = ValueField(bounded("facility.rack_kw"), optional=True)
        self.rack_kw.setObjectName("rackKw")
        self.cooling = QComboBox(self)
        self.cooling.setObjectName("cooling")
        self.cooling.addItem(self.tr("Air (precision air units, CRAH)"), "air")
        self.cooling.addItem(self.tr("Rear-door heat exchangers"), "rdhx")
        self.cooling.addItem(self.tr("Direct liquid cooling (CDU)"), "liquid")
        self.pue = ValueField(bounded("facility.pue"), optional=True)
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
            bounded("finance.exchange_rate"),
            optional=True,
            placeholder=_placeholder(d["finance.exchange_rate"].value, "CNY/USD"),
        )
        self.exchange_rate.setObjectName("exchangeRate")
        self.power_price = ValueField(bounded("finance.power_price"), optional=True)
        self.power_price.setObjectName("powerPrice")
        self.hosting = QComboBox(self)
        self.hosting.setObjectName("hosting")
        for text, value in hosting_items():
            self.hosting.addItem(text, value)
        self.rent = ValueField(bounded("finance.colo_rent_kw_month"), optional=True)
        self.rent.setObjectName("coloRent")
        self.wholesale_rent = ValueField(bounded("finance.wholesale_rent_kw_month"), optional=True)
        self.wholesale_rent.setObjectName("wholesaleRent")
        self.years = ValueField(
            bounded("finance.years"),
            optional=True,
            placeholder=_placeholder(d["finance.years"].value, self.tr("years")),
        )
        self.years.setObjectName("years")
        self.vat = ValueField(
            bounded("finance.vat", percent=True),
            optional=True,
            placeholder=_percent_placeholder(d["finance.vat"].value),
            percent=True,
        )
        self.vat.setObjectName("vat")
        self.vat_services = ValueField(
            bounded("finance.vat_services", percent=True),
            optional=True,
            placeholder=_percent_placeholder(d["finance.vat_services"].value),
            percent=True,
        )
        self.vat_services.setObjectName("vatServices")
        self.vat_services.setToolTip(default_note("finance.vat_services"))
        self.discount = ValueField(discount_parser(), optional=True, placeholder="0")
        attach_price_factor(self.discount)
        self.discount.setObjectName("discount")
        form2.addRow(self.tr("Currency:"), self.currency)
        form2.addRow(self.tr("Exchange rate (CNY per USD):"), self.exchange_rate)
        form2.addRow(self.tr("Power price (per kWh):"), self.power_price)
        form2.addRow(self.tr("Hosting:"), self.hosting)
        form2.addRow(self.tr("IDC rent (per kW-month):"), self.rent)
        form2.addRow(self.tr("Wholesale rent (per contracted kW-month):"), self.wholesale_rent)
        form2.addRow(self.tr("Years of ownership:"), self.years)
        form2.addRow(self.tr("VAT on goods:"), self.vat)
        form2.addRow(self.tr("VAT on services:"), self.vat_services)
        form2.addRow(self.tr("Discount:"), self.discount)

        quote = QGroupBox(self.tr("Quote"), self)
        form3 = QFormLayout(quote)
        self.customer = QLineEdit(self)
        self.customer.setObjectName("customer")
        self.customer.setMaxLength(limit("text.customer"))  # resources/bounds.toml
        self.quote_no = QLineEdit(self)
        self.quote_no.setObjectName("quoteNo")
        self.quote_no.setMaxLength(limit("text.quote_no"))
        form3.addRow(self.tr("Customer:"), self.customer)
        form3.addRow(self.tr("Quote number:"), self.quote_no)

        buying = QGroupBox(self.tr("Storage and purchase"), self)
        form4 = QFormLayout(buying)
        self.storage = QComboBox(self)
        self.storage.setObjectName("storage")
        for text, value in storage_items():
            self.storage.addItem(text, value)
        self.purchase = PurchaseFields(self)
        self.purchase_date, self.market, self.ai_enterprise = (
            self.purchase.date, self.purchase.market, self.purchase.ai_enterprise
        )
        form4.addRow(self.tr("Storage:"), self.storage)
        form4.addRow(self.tr("Purchase date:"), self.purchase_date)
        form4.addRow(self.tr("Market (country):"), self.market)
        form4.addRow(self.ai_enterprise)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(facility)
        left.addWidget(quote)
        left.addStretch(1)
        columns.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(money)
        right.addWidget(buying)
        right.addStretch(1)
        columns.addLayout(right, 1)
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
            self.wholesale_rent,
            self.years,
            self.vat,
            self.vat_services,
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
        self.pue.setToolTip(default_note(f"facility.pue_{cooling}"))
        price = d[f"finance.power_price_{currency}"]
        self.power_price.edit.setPlaceholderText(_placeholder(price.value, price.unit))
        rent = d[f"finance.colo_rent_kw_month_{currency}"]
        self.rent.edit.setPlaceholderText(_placeholder(rent.value, rent.unit))
        hosting = self.hosting.currentData()
        self.rent.setEnabled(hosting == "colo")
        wholesale = d[f"finance.wholesale_rent_kw_month_{currency}"]
        self.wholesale_rent.edit.setPlaceholderText(_placeholder(wholesale.value, wholesale.unit))
        self.wholesale_rent.setToolTip(default_note(f"finance.wholesale_rent_kw_month_{currency}"))
        self.wholesale_rent.setEnabled(hosting == "wholesale")
        self.rack_kw.edit.setPlaceholderText(rack_kw_placeholder(cooling))
        self.rack_kw.setToolTip(rack_kw_tooltip(cooling))
        # a default shown in a field is read whole: the Money column's long labels took the
        # room and cut "default: 20–25 kW by GPU generation" short
        for field in (self.rack_kw, self.pue):
            text = field.edit.placeholderText()
            field.edit.setMinimumWidth(field.edit.fontMetrics().horizontalAdvance(text) + 24)
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
        self.wholesale_rent.set_value(m.get("wholesale_rent_kw_month"))
        storage = draft.storage.get("product", "vendor")
        self.storage.setCurrentIndex(max(0, self.storage.findData(storage)))
        self.purchase.load(m.get("purchase_date"), m.get("market"), bool(m.get("ai_enterprise")))
        self.years.set_value(m.get("years"))
        self.vat.set_value(m.get("vat"))
        self.vat_services.set_value(m.get("vat_services"))
        self.discount.set_value(m.get("discount") or None)
        self.customer.setText(draft.customer)
        self.quote_no.setText(draft.quote_no)

    def write(self, draft: RequestDraft) -> None:
        draft.facility = {
            **draft.facility,
            "rack_kw": self.rack_kw.value(),
            "cooling": self.cooling.currentData(),
            "pue": self.pue.value(),
            "rack_units": self.rack_units.currentData(),
        }
        years = self.years.value()
        hosting = self.hosting.currentData()
        draft.finance = {
            **draft.finance,
            "currency": self.currency.currentData(),
            "exchange_rate": self.exchange_rate.value(),
            "power_price": self.power_price.value(),
            "years": int(years) if years is not None else None,
            "hosting": self.hosting.currentData(),
            "colo_rent_kw_month": self.rent.value() if hosting == "colo" else None,
            "wholesale_rent_kw_month": self.wholesale_rent.value() if hosting == "wholesale" else None,
            "vat": self.vat.value(),
            "vat_services": self.vat_services.value(),
            "discount": self.discount.value() or 0.0,
            **self.purchase.values(),
        }
        draft.storage = {**draft.storage, "product": self.storage.currentData()}
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
            "finance.wholesale_rent_kw_month": self.wholesale_rent,
            "finance.years": self.years,
            "finance.vat": self.vat,
            "finance.vat_services": self.vat_services,
            "finance.discount": self.discount,
        }.get(field)
