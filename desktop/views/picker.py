"""A configuration picker: every configuration by its human name, Lenovo's first."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from desktop.pairing import by_vendor, config_label
from engine.model import Comparison


def fill_config_picker(combo: QComboBox, comparison: Comparison) -> None:
    """Fill ``combo`` quietly; keep its choice, else the recommendation, else the first buildable."""
    keep = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for plan in by_vendor(list(comparison.plans)):
        combo.addItem(config_label(plan), plan.config)
    index = combo.findData(keep)
    if index < 0:
        rec = comparison.recommendation
        recommended = rec.cheapest_meeting_deadline or rec.only or next(
            (p.config for p in comparison.plans if p.feasible), None
        )
        index = max(0, combo.findData(recommended))
    combo.setCurrentIndex(index)
    combo.blockSignals(False)
