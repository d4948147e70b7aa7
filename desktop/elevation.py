"""Rack elevation and floor sketch of one plan in the GUI's language.

The drawing itself is engine.export.racks_png's (pure matplotlib, no Qt), so the comparison
workbook embeds the same picture; its words come from the language catalogue the workbook
reads too (resources/i18n/<lang>/racks.ftl), in the GUI's language.
"""

from __future__ import annotations

from desktop.messages import speaks_chinese
from desktop.pairing import config_label
from engine.catalog import Catalog
from engine.export import racks_png
from engine.export.racks_png import (
    COLOURS,
    COOLING_COLOUR,
    KIND_COLOURS,
    OVER,
    TYPES_PER_ROW,
    CoolingView,
    RackView,
    draw_racks,
    figure_size,
    rack_groups,
)
from engine.model import Plan

__all__ = ["COLOURS", "COOLING_COLOUR", "KIND_COLOURS", "OVER", "TYPES_PER_ROW", "CoolingView",
           "RackView", "draw_racks", "figure_size", "rack_groups", "rack_view", "role_name"]


def _lang() -> str:
    return "zh" if speaks_chinese() else "en"


def role_name(role: str) -> str:
    """What a rack slot holds, in the GUI's language."""
    return racks_png.role_name(role, _lang())


def rack_view(plan: Plan, catalog: Catalog, *, chinese: bool | None = None) -> RackView | None:
    """What the drawing needs of ``plan``, in the GUI's words (``chinese`` overrides the GUI's
    language); None for a refused plan."""
    lang = _lang() if chinese is None else ("zh" if chinese else "en")
    return racks_png.rack_view(plan, catalog, lang=lang, title=config_label(plan))
