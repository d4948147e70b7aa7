"""Input fields that validate as the user types.

A ``ValueField`` is a line edit with a QValidator built from a parser, and a
message line under it. While the text cannot be parsed the field turns red and
the message says what is allowed; ``value()`` gives the parsed value (None for
an empty optional field, whose placeholder shows the default that will be used).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from engine.bounds import bound
from engine.compute.workload import parse_count
from engine.errors import RequestError

Parser = Callable[[str], Any]  # raises ValueError(message for people) when the text is not allowed


def number_parser(
    low: float,
    high: float,
    *,
    low_open: bool = False,
    high_open: bool = False,
    integer: bool = False,
    percent: bool = False,
) -> Parser:
    """A number in [low, high] (either end open); with ``percent``, "40%" means 0.4."""

    def parse(text: str) -> float | int:
        raw = text.strip().replace(",", "")
        divisor = 1.0
        if percent and raw.endswith("%"):
            raw, divisor = raw[:-1].strip(), 100.0  # dividing keeps "13%" exactly 0.13
        try:
            value = float(raw) / divisor
        except ValueError:
            raise ValueError(_describe(low, high, low_open, integer, percent)) from None
        bad_low = value <= low if low_open else value < low
        bad_high = value >= high if high_open else value > high
        if not math.isfinite(value) or bad_low or bad_high:
            raise ValueError(_describe(low, high, low_open, integer, percent))
        if integer:
            if not value.is_integer():
                raise ValueError(_describe(low, high, low_open, integer, percent))
            return int(value)
        return value

    return parse


def bounded(key: str, *, percent: bool = False) -> Parser:
    """The parser for request field ``key`` ("finance.years"), from resources/bounds.toml."""
    b = bound(key)
    return number_parser(b.low, b.high, low_open=b.low_open, high_open=b.high_open,
                         integer=b.integer, percent=percent)


def set_range(box: QSpinBox | QDoubleSpinBox, key: str) -> None:
    """A spin box's range from resources/bounds.toml."""
    b = bound(key)
    if isinstance(box, QSpinBox):
        box.setRange(int(b.low), int(b.high))
    else:
        box.setRange(b.low, b.high)


def percent_text(fraction: float) -> str:
    """A share as people read it: 0.13 -> "13%" (rounded to hide binary noise such as 13.000000000000002)."""
    return f"{round(fraction * 100, 6):g}%"


def _num(value: float) -> str:
    return f"{value:,.0f}" if value >= 10_000 else f"{value:g}"


def _describe(low: float, high: float, low_open: bool, integer: bool, percent: bool) -> str:
    if integer:
        first = low + 1 if low_open else low
        return (
            QCoreApplication.translate("Fields", "Enter a whole number from %1 to %2")
            .replace("%1", _num(first))
            .replace("%2", _num(high))
        )
    if percent:
        if low_open:
            return (
                QCoreApplication.translate(
                    "Fields", "Enter a fraction above %1 and at most %2, such as 0.4 or 40%"
                )
                .replace("%1", _num(low))
                .replace("%2", _num(high))
            )
        return (
            QCoreApplication.translate("Fields", "Enter a fraction from %1 to %2, such as 0.13 or 13%")
            .replace("%1", _num(low))
            .replace("%2", _num(high))
        )
    if low_open:
        return (
            QCoreApplication.translate("Fields", "Enter a number above %1 and at most %2")
            .replace("%1", _num(low))
            .replace("%2", _num(high))
        )
    return (
        QCoreApplication.translate("Fields", "Enter a number from %1 to %2")
        .replace("%1", _num(low))
        .replace("%2", _num(high))
    )


def count_parser(field: str) -> Parser:
    """A count such as 175B, 300B, 1.5T or 175e9 (the engine's parse_count), within the
    field's bound in resources/bounds.toml."""
    b = bound(field)

    def parse(text: str) -> float:
        try:
            value = parse_count(text, field)
        except RequestError:
            raise ValueError(
                QCoreApplication.translate(
                    "Fields", "Enter a positive number such as 175B, 300B, 1.5T or 175e9"
                )
            ) from None
        if not b.admits(value):
            raise ValueError(_describe(b.low, b.high, b.low_open, b.integer, False))
        return value

    return parse


class ParserValidator(QValidator):
    """Acceptable when the parser takes the text; Intermediate otherwise, so typing goes on."""

    def __init__(self, parser: Parser, optional: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parser = parser
        self.optional = optional

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        return (self.state_of(text), text, pos)

    def state_of(self, text: str) -> QValidator.State:
        if not text.strip():
            return QValidator.State.Acceptable if self.optional else QValidator.State.Intermediate
        try:
            self.parser(text)
        except ValueError:
            return QValidator.State.Intermediate
        return QValidator.State.Acceptable


class ValueField(QWidget):
    """A line edit with live validation and the reason shown under it when the text is wrong."""

    changed = Signal()  # the text changed (valid or not)
    committed = Signal()  # Enter pressed or focus left with a valid value

    def __init__(
        self,
        parser: Parser,
        *,
        optional: bool = False,
        placeholder: str = "",
        percent: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.parser = parser
        self.optional = optional
        self.percent = percent  # a fraction shown as a percentage ("13%"); the value stays 0.13
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(optional)
        self.validator = ParserValidator(parser, optional, self)
        self.edit.setValidator(self.validator)
        self.message = QLabel(self)
        self.message.setObjectName("fieldMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.message.hide()
        self._extra_error = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        self.edit.textChanged.connect(self._on_text)
        self.edit.editingFinished.connect(self._on_finished)
        self.setFocusProxy(self.edit)

    # -- state
    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def set_value(self, value: float | None, fmt: str = "{:g}") -> None:
        if value is None:
            self.edit.setText("")
        else:
            self.edit.setText(percent_text(value) if self.percent else fmt.format(value))

    def error(self) -> str:
        """Why the text is not allowed; empty when it is."""
        if self._extra_error:
            return self._extra_error
        text = self.edit.text()
        if not text.strip():
            return "" if self.optional else QCoreApplication.translate("Fields", "Required")
        try:
            self.parser(text)
        except ValueError as exc:
            return str(exc)
        return ""

    def is_valid(self) -> bool:
        return self.isHidden() or not self.isEnabled() or not self.error()

    def value(self) -> Any:
        """The parsed value, or None when empty (or not valid)."""
        text = self.edit.text()
        if not text.strip():
            return None
        try:
            return self.parser(text)
        except ValueError:
            return None

    def set_error(self, message: str) -> None:
        """Show an error found elsewhere (the engine); cleared on the next edit."""
        self._extra_error = message
        self._refresh()

    # -- reactions
    def _on_text(self, _text: str) -> None:
        self._extra_error = ""
        self._refresh()
        self.changed.emit()

    def _on_finished(self) -> None:
        if not self.error():
            self.committed.emit()

    def _refresh(self) -> None:
        text = self.edit.text()
        problem = self._extra_error or (self.error() if text.strip() or not self.optional else "")
        # An empty required field is not shouted at until the user has typed something.
        show = bool(problem) and (bool(text) or bool(self._extra_error))
        self.edit.setProperty("invalid", show)
        self.edit.setStyleSheet(
            "QLineEdit { border: 1px solid #d32f2f; background: #fdecea; }" if show else ""
        )
        self.message.setText(problem if show else "")
        self.message.setVisible(show)
        self.edit.setToolTip(problem if show else "")
