"""Rack elevation and floor sketch of one plan in the GUI's language.

The drawing itself is engine.export.racks_png's (pure matplotlib, no Qt), so the comparison
workbook embeds the same picture; this module gives it the GUI's words: every text the
drawing shows, translated through Qt (lupdate reads the translate("Racks", ...) calls below).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.pairing import config_label, vendor_name
from engine.catalog import Catalog
from engine.export.racks_png import (
    COLOURS,
    COOLING_COLOUR,
    KIND_COLOURS,
    OVER,
    ROLE_NAMES,
    TYPES_PER_ROW,
    CoolingView,
    RackView,
    draw_racks,
    figure_size,
    rack_groups,
)
from engine.export.racks_png import rack_view as _engine_rack_view
from engine.model import Plan

translate = QCoreApplication.translate  # lupdate reads translate("context", "text")

__all__ = ["COLOURS", "COOLING_COLOUR", "KIND_COLOURS", "OVER", "TYPES_PER_ROW", "CoolingView",
           "RackView", "draw_racks", "figure_size", "rack_groups", "rack_view", "role_name"]


def _texts() -> dict[str, str]:
    """The drawing's English texts with their translations in the GUI's language."""
    translated = [
        translate("Racks", "GPU server"),
        translate("Racks", "leaf switch"),
        translate("Racks", "spine switch"),
        translate("Racks", "core switch"),
        translate("Racks", "storage switch"),
        translate("Racks", "management switch"),
        translate("Racks", "storage server"),
        translate("Racks", "management node"),
        translate("Racks", "front-end switch"),
        translate("Racks", "out-of-band aggregation switch"),
        translate("Racks", "director switch"),
        translate("Racks", "PDU"),
        translate("Racks", "Compute rack"),
        translate("Racks", "Network rack"),
        translate("Racks", "%1 of %2 kW"),
        translate("Racks", "%1 of %2 kg"),
        translate("Racks", "%1 of %2 U used"),
        translate("Racks", "PDUs: %1 (A and B feeds)"),
        translate("Racks", "compute rack"),
        translate("Racks", "network rack"),
        translate("Racks", "in the rows"),
        translate("Racks", "at the wall"),
        translate("Racks", "on rear doors"),
        translate("Racks", "Floor sketch: racks in rows of %1, cooling units between them (not to scale)"),
        translate("Racks", "%1 — %2 racks (%3)"),
    ]
    sources = [
        "GPU server", "leaf switch", "spine switch", "core switch", "storage switch",
        "management switch", "storage server", "management node", "front-end switch",
        "out-of-band aggregation switch", "director switch", "PDU", "Compute rack", "Network rack",
        "%1 of %2 kW", "%1 of %2 kg", "%1 of %2 U used", "PDUs: %1 (A and B feeds)",
        "compute rack", "network rack", "in the rows", "at the wall", "on rear doors",
        "Floor sketch: racks in rows of %1, cooling units between them (not to scale)",
        "%1 — %2 racks (%3)",
    ]
    texts = dict(zip(sources, translated, strict=True))
    for vendor in ("Lenovo", "Inspur", "Generic", "Integrator", "Server vendor"):
        texts[vendor] = vendor_name(vendor)
    return texts


def role_name(role: str) -> str:
    name = ROLE_NAMES.get(role, role)
    return _texts().get(name, name)


def rack_view(plan: Plan, catalog: Catalog, *, chinese: bool = False) -> RackView | None:
    """What the drawing needs of ``plan``, in the GUI's words; None for a refused plan."""
    return _engine_rack_view(plan, catalog, chinese=chinese, title=config_label(plan),
                             texts=_texts())
