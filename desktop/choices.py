"""Choices a request offers in the wizard and the assumptions panel, and their defaults in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QDateEdit, QLineEdit, QWidget

from desktop.messages import catalogue_text, default_note
from desktop.noop import QT_TRANSLATE_NOOP
from engine.model import HOSTINGS
from engine.planning.budget import default_rack_kw

translate = QCoreApplication.translate  # lupdate reads translate("context", "text")

HOSTING_NAMES = {
    "own": QT_TRANSLATE_NOOP("Choices", "Own data centre (energy only)"),
    "colo": QT_TRANSLATE_NOOP("Choices", "Leased IDC racks (rent per kW of rack budget)"),
    "wholesale": QT_TRANSLATE_NOOP("Choices", "Wholesale data hall (rent per contracted kW)"),
    "cloud": QT_TRANSLATE_NOOP("Choices", "Cloud rental (GPU-hours; nothing bought)"),
}
STORAGE_NAMES = {
    "vendor": QT_TRANSLATE_NOOP("Choices", "The server vendor's storage (DSS-G / AS13000)"),
    "neutral": QT_TRANSLATE_NOOP("Choices", "Vendor-neutral storage"),
    "none": QT_TRANSLATE_NOOP("Choices", "No storage (the site has its own)"),
}
ARCHITECTURES = {
    "ampere": QT_TRANSLATE_NOOP("Choices", "Ampere GPUs"),
    "ada": QT_TRANSLATE_NOOP("Choices", "Ada GPUs"),
    "hopper": QT_TRANSLATE_NOOP("Choices", "Hopper GPUs"),
}


def hosting_items() -> list[tuple[str, str]]:
    return [(QCoreApplication.translate("Choices", HOSTING_NAMES[h]), h) for h in HOSTINGS]


def storage_items() -> list[tuple[str, str]]:
    return [(QCoreApplication.translate("Choices", text), key) for key, text in STORAGE_NAMES.items()]


def rack_kw_defaults(cooling: str) -> dict[str, float]:
    """The default rack budget for a cooling kind, by GPU generation (resources/assumptions.toml)."""
    return {arch: default_rack_kw(cooling, arch).value for arch in ARCHITECTURES}  # the engine's rule


def rack_kw_range(cooling: str) -> str:
    """'20–25 kW by GPU generation', or '40 kW' when every generation has the same default."""
    values = sorted(set(rack_kw_defaults(cooling).values()))
    if len(values) == 1:
        return f"{values[0]:g} kW"
    figure = f"{values[0]:g}–{values[-1]:g}"
    return QCoreApplication.translate("Choices", "%1 kW by GPU generation").replace("%1", figure)


def rack_kw_placeholder(cooling: str) -> str:
    """The wizard's placeholder: 'default: 20–25 kW by GPU generation'."""
    return QCoreApplication.translate("PlanPage", "default: %1").replace("%1", rack_kw_range(cooling))


def rack_kw_tooltip(cooling: str) -> str:
    """Each generation's default rack budget for the cooling kind, with where it comes from."""
    return "\n".join(
        f"{QCoreApplication.translate('Choices', ARCHITECTURES[arch])}: {value:g} kW — "
        + default_note(f"rack_kw.{cooling}_{arch}")
        for arch, value in rack_kw_defaults(cooling).items()
    )


class PurchaseFields:
    """Purchase date, market and AI Enterprise: the same three fields in the wizard and the panel."""

    def __init__(self, parent: QWidget) -> None:
        self.date = QDateEdit(parent)
        self.date.setObjectName("purchaseDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        # the earliest date stands for "no date given": the engine takes today's market status
        self.date.setMinimumDate(QDate(2000, 1, 1))
        self.date.setSpecialValueText(translate("Choices", "today"))
        self.date.setDate(self.date.minimumDate())
        self.date.setToolTip(
            translate("Choices", "The GPUs' export-licence status is taken as of this date (empty: today).")
        )
        self.market = QLineEdit(parent)
        self.market.setObjectName("market")
        self.market.setValidator(QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,2}"), parent))
        self.market.setPlaceholderText("CN")
        self.market.setToolTip(
            translate("Choices", "Where the cluster is bought: a two-letter country code, e.g. CN")
        )
        self.ai_enterprise = QCheckBox(catalogue_text("key.ai_enterprise"), parent)
        self.ai_enterprise.setObjectName("aiEnterprise")

    def load(self, purchase_date: str | None, market: str | None, ai_enterprise: bool) -> None:
        date = QDate.fromString(purchase_date or "", "yyyy-MM-dd")
        self.date.setDate(date if date.isValid() else self.date.minimumDate())
        self.market.setText(market or "CN")
        self.ai_enterprise.setChecked(ai_enterprise)

    def purchase_date(self) -> str | None:
        """The purchase date as ISO text, or None while the field shows "today"."""
        date = self.date.date()
        return None if date == self.date.minimumDate() else date.toString("yyyy-MM-dd")

    def values(self) -> dict[str, Any]:
        """The three as Finance fields."""
        return {
            "purchase_date": self.purchase_date(),
            "market": self.market.text().strip().upper() or "CN",
            "ai_enterprise": self.ai_enterprise.isChecked(),
        }
