"""The planning wizard: five pages that fill in a PlanRequest.

Every page derives from ``PlanPage``: ``load`` fills its widgets from the draft
(first time it is shown), ``write`` puts its part of the request into the draft,
and ``validatePage`` asks the engine whether that part is acceptable, pointing
at the field when it is not. Fields validate as the user types; Next stays
disabled while any field on the page is wrong.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QWidget,
    QWizard,
)

from desktop.draft import RequestDraft
from desktop.pages.base import PlanPage
from desktop.pages.configs import ConfigsPage
from desktop.pages.facility import FacilityPage
from desktop.pages.model import ModelPage
from desktop.pages.review import ReviewPage
from desktop.pages.schedule import SchedulePage
from engine.lead_times import first_deadline_days
from engine.model import PlanRequest


class PlanWizard(QWizard):
    """Fills a RequestDraft; ``request()`` gives the PlanRequest after Finish."""

    planned = Signal(object)  # the PlanRequest, on Finish

    def __init__(self, parent: QWidget | None = None, *, draft: RequestDraft | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planWizard")
        self.setWindowTitle(self.tr("New plan — ClusterQuote"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.draft = draft or RequestDraft(schedule={"days": first_deadline_days()})
        self.model_page = ModelPage(self.draft)
        self.schedule_page = SchedulePage(self.draft)
        self.configs_page = ConfigsPage(self.draft)
        self.facility_page = FacilityPage(self.draft)
        self.review_page = ReviewPage(self.draft)
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
