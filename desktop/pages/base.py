"""What every page of the planning wizard shares."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QLabel,
    QWidget,
    QWizardPage,
)

from desktop.draft import RequestDraft
from desktop.fields import ValueField, percent_text
from desktop.messages import request_allowed_text, request_error_text
from desktop.noop import QT_TRANSLATE_NOOP
from engine.assumptions import defaults
from engine.errors import RequestError


def _default(key: str) -> float:
    return defaults()[key].value


# Units of defaults that have words in them (the rest are symbols: kW, CNY/kWh, CNY/USD).
UNITS = {
    "CNY/kW-month": QT_TRANSLATE_NOOP("Units", "CNY/kW-month"),
    "USD/kW-month": QT_TRANSLATE_NOOP("Units", "USD/kW-month"),
}


def _placeholder(value: float, unit: str = "") -> str:
    unit = QCoreApplication.translate("Units", UNITS[unit]) if unit in UNITS else unit
    text = f"{value:g}" + (f" {unit}" if unit else "")
    return QCoreApplication.translate("PlanPage", "default: %1").replace("%1", text)


def _percent_placeholder(fraction: float) -> str:
    """The default of a share, as a percentage: "default: 13%" (the request keeps 0.13)."""
    return QCoreApplication.translate("PlanPage", "default: %1").replace("%1", percent_text(fraction))


class PlanPage(QWizardPage):
    """Shared behaviour of the wizard's pages. Each page is given the wizard's draft: it
    never reaches back into the wizard."""

    def __init__(self, draft: RequestDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
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
            self.load(self.draft)
        self.refresh()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return all(f.is_valid() for f in self._fields) and self.page_complete()

    def validatePage(self) -> bool:
        draft = self.draft
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
            field.set_error(request_allowed_text(exc))
            field.setFocus()
        self.error_label.setText(
            QCoreApplication.translate("PlanPage", "Not accepted: %1").replace("%1", request_error_text(exc))
        )
        self.error_label.show()
        self.completeChanged.emit()
