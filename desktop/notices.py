"""Sentences about a whole comparison: GPUs that need an export licence, what the days band means."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop.messages import list_text
from desktop.noop import QT_TRANSLATE_NOOP
from engine.model import Comparison, Plan

EXPORT = QT_TRANSLATE_NOOP(
    "Notices",
    "EXPORT LICENCE REQUIRED in %1 (as of %2) for %3: confirm the vendor can deliver before ordering.",
)
NOT_RECOMMENDED = QT_TRANSLATE_NOOP(
    "Notices", "The recommendation leaves them out while another GPU can be bought."
)
ALL_RESTRICTED = QT_TRANSLATE_NOOP(
    "Notices",
    "Every configuration needs a licence: the recommendation holds only if the vendor can deliver.",
)
EXPORT_BANNER_STYLE = (
    "QLabel { background: #fff4e5; color: #8a3c00; padding: 6px; border-left: 4px solid #d9480f; }"
)
BAND = QT_TRANSLATE_NOOP(
    "Notices",
    "Days are a band: the best and worst cases are %1 and %2 × the expected days, the range that held "
    "%3 of published training runs, each predicted without itself (%4).",
)


def export_banner(parent: QWidget, name: str) -> QLabel:
    """The banner that names the GPUs needing an export licence; hidden until there are some."""
    banner = QLabel(parent)
    banner.setObjectName(name)
    banner.setTextFormat(Qt.TextFormat.RichText)
    banner.setWordWrap(True)
    banner.setStyleSheet(EXPORT_BANNER_STYLE)
    banner.hide()
    return banner


def restricted_plans(comparison: Comparison) -> list[Plan]:
    return [p for p in comparison.plans if p.availability is not None and p.availability.restricted]


def export_licence_html(comparison: Comparison, plans: list[Plan] | None = None) -> str:
    """One sentence naming every GPU that needs an export licence, for a banner; empty if none.

    With ``plans`` (the pair view's two) only those are named and the recommendation is left out.
    """
    chosen = restricted_plans(comparison) if plans is None else [
        p for p in plans if p.availability is not None and p.availability.restricted
    ]
    if not chosen:
        return ""
    status = chosen[0].availability
    assert status is not None
    gpus = list_text(list(dict.fromkeys(p.gpu_name for p in chosen)))
    text = "<b>" + escape(
        QCoreApplication.translate("Notices", EXPORT)
        .replace("%1", status.market)
        .replace("%2", status.as_of)
        .replace("%3", gpus)
    ) + "</b>"
    rec = comparison.recommendation
    if plans is None and rec.note:
        text += " " + QCoreApplication.translate("Notices", ALL_RESTRICTED)
    elif plans is None and rec.skipped:
        text += " " + QCoreApplication.translate("Notices", NOT_RECOMMENDED)
    return text


def band_sentence(comparison: Comparison) -> str:
    """What the days band means, from the plans' ``training_days_band`` assumption."""
    for plan in comparison.plans:
        for a in plan.assumptions:
            if a.key == "training_days_band":
                if a.note_code != "assumed.days-band":
                    return a.note
                figures = dict(a.note_params)  # the band's figures, as the engine worded them
                text = QCoreApplication.translate("Notices", BAND)
                for n, key in reversed(list(enumerate(("low", "high", "coverage", "runs"), start=1))):
                    text = text.replace(f"%{n}", str(figures[key]))
                return text
    return ""
