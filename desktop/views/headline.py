"""Above the comparison: what is planned, why planning failed, and why configurations were refused."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop import format as fmt
from desktop.messages import workload_label
from engine.model import Comparison, PlanRequest


class HeadlineView(QWidget):
    """The workload and deadline; a banner when planning failed; a refusal line with its fix."""

    fix_requested = Signal(object)  # the PlanRequest with the fix applied

    def __init__(self, *, translated: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.translated = translated
        self.headline = QLabel(self)
        self.headline.setObjectName("headline")
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.headline.setWordWrap(True)
        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel { background: #fdecea; color: #b00020; padding: 6px; border-radius: 3px; }"
        )
        self.banner.hide()
        self.refusal = QLabel(self)
        self.refusal.setObjectName("refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("QLabel { color: #b00020; font-weight: bold; }")
        self.fix_button = QPushButton(self)
        self.fix_button.setObjectName("fixButton")
        self.fix_button.clicked.connect(self.apply_fix)
        self.fix: PlanRequest | None = None
        self.refusal.hide()
        self.fix_button.hide()
        refusal_row = QHBoxLayout()
        refusal_row.addWidget(self.refusal, 1)
        refusal_row.addWidget(self.fix_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.headline)
        layout.addWidget(self.banner)
        layout.addLayout(refusal_row)

    def show_failure(self, message: str) -> None:
        self.banner.setText(self.tr("Could not plan: %1").replace("%1", message))
        self.banner.show()

    def show_comparison(self, comparison: Comparison, *, customer: str = "", quote_no: str = "") -> None:
        self.banner.hide()
        need, request = comparison.compute, comparison.request
        if request.schedule.gpus is not None:
            when = self.tr("on a fleet of %1 GPUs").replace("%1", fmt.number(request.schedule.gpus))
        else:
            when = self.tr("within %1 days").replace("%1", f"{request.schedule.days:g}")
        label = workload_label(need, request.workload)
        text = f"<b>{escape(label)}</b> — " + self.tr("%1 PF/s-days (%2 FLOPs), %3").replace(
            "%1", fmt.number(need.pf_days, 1 if need.pf_days < 100 else 0)
        ).replace("%2", fmt.sci(need.flops)).replace("%3", when)
        text += self._odds(comparison)
        if customer or quote_no:
            text += "<br>" + escape(" · ".join(x for x in (customer, quote_no) if x))
        self.headline.setText(text)
        self._show_refusal(comparison)

    def _odds(self, comparison: Comparison) -> str:
        """P50 and P90 calendar days of the recommended plan beside the deadline, and the
        confidence the fleets were sized for."""
        rec = comparison.recommendation
        chosen = rec.cheapest_meeting_deadline or rec.fastest
        plan = next((p for p in comparison.plans if p.config == chosen and p.feasible), None)
        if plan is None:
            return ""
        odds = self.tr("%1: P50 %2, P90 %3 calendar days").replace("%1", plan.config).replace(
            "%2", fmt.number(plan.calendar_days_p50, 0)).replace(
            "%3", fmt.number(plan.calendar_days_p90, 0))
        if comparison.request.schedule.days is not None:
            odds += self.tr("; deadline %1 days, sized for %2% confidence").replace(
                "%1", f"{comparison.request.schedule.days:g}").replace(
                "%2", f"{plan.confidence * 100:.0f}")
        return "<br>" + escape(odds)

    def _show_refusal(self, comparison: Comparison) -> None:
        """Why configurations were refused or miss the deadline, with a one-click fix."""
        from desktop import user_systems
        from desktop.refusals import explain

        explanation = explain(comparison, user_systems.catalog(), translated=self.translated)
        self.fix = explanation.fixed if explanation else None
        self.refusal.setVisible(explanation is not None)
        self.refusal.setText(explanation.text if explanation else "")
        self.fix_button.setVisible(self.fix is not None)
        self.fix_button.setText(explanation.fix_label or "" if explanation else "")

    def apply_fix(self) -> None:
        if self.fix is not None:
            self.fix_requested.emit(self.fix)
