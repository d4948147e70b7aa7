"""The discount field's parser and the price factor shown under it.

The discount is the share taken off list everywhere; the label says what that means
("Pay 85% of list (15% off)" / "按标价的 85% 支付（85折）") so 0.85 can never be read as
八五折. The 折 form is how Chinese buyers write it, so only the Chinese label shows it.
Chinese input such as 85折 or 八五折 is accepted and converted.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from desktop.fields import Parser, ValueField
from engine.errors import RequestError
from engine.money.discount import parse_discount, price_factor, zhe


def discount_parser() -> Parser:
    """0.15, 15% or 85折 / 八五折 → 0.15, the share off list; ValueError with the rule otherwise."""

    def parse(text: str) -> float:
        try:
            return parse_discount(text)
        except RequestError:
            raise ValueError(QCoreApplication.translate(
                "Discount", "Enter the share taken off list, such as 0.15 or 15%, "
                            "or the price paid, such as 85折")) from None

    return parse


def _percent(value: float) -> str:
    return f"{value:.0f}%" if abs(value - round(value)) < 1e-9 else f"{value:.1f}%"


def factor_text(discount: float | None) -> str:
    """"Pay 85% of list (15% off)" for a discount of 0.15; in Chinese "按标价的 85% 支付（85折）"."""
    share = discount or 0.0
    paid = price_factor(share) * 100
    if share == 0:
        return QCoreApplication.translate("Discount", "Pay 100% of list (no discount)")
    # how the language states a discount (Qt's idiom for a per-language choice, as
    # QT_LAYOUT_DIRECTION): the share off in English, the 折 form in Chinese
    off = (zhe(share) if QCoreApplication.translate("Discount", "discount style: share off") == "折"
           else QCoreApplication.translate("Discount", "%1 off").replace("%1", _percent(100 - paid)))
    return (QCoreApplication.translate("Discount", "Pay %1 of list (%2)")
            .replace("%1", _percent(paid)).replace("%2", off))


def attach_price_factor(field: ValueField) -> QLabel:
    """Put the price factor under ``field`` and keep it current as the user types."""
    label = QLabel(field)
    label.setObjectName("priceFactor")
    label.setStyleSheet("color: palette(mid);")

    def refresh() -> None:
        label.setText("" if field.error() else factor_text(field.value()))

    field.changed.connect(refresh)
    field.edit.textChanged.connect(lambda _text: refresh())
    layout = field.layout()
    if layout is not None:
        layout.addWidget(label)
    refresh()
    return label
