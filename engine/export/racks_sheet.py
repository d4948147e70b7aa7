"""The Racks sheet of the internal comparison: the recommended configuration's rack
elevation and floor sketch as a picture (engine.export.racks_png), one page."""

from __future__ import annotations

import io
import math

from openpyxl.drawing.image import Image
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from engine.export.comparison_sheet import title
from engine.export.labels import Labels
from engine.export.sheet import PrintHeading, SheetWriter, print_setup
from engine.model import Comparison, Plan

PICTURE_DPI = 80  # 5 pt labels still readable printed a page wide; each 20 dpi more costs ~40 ms
PICTURE_ROW = 4
PAGE_WIDTH_PX = {True: 700, False: 1000}  # portrait, landscape; 96 px an inch
COLUMN_WIDTH = 10  # characters: about 75 px
COLUMN_PX = 75
ROW_PT = 15.0  # LibreOffice's default row (points); 0.75 pt a pixel


def shortlisted(comparison: Comparison, detailed: list[str] | None = None
                ) -> tuple[Plan, str] | None:
    """The configuration drawn, and why: the recommendation's cheapest that meets the deadline,
    else its lowest TCO, else its fastest, else the first the document details. One drawing
    takes about 0.2 s: one is drawn, not fifteen."""
    rec = comparison.recommendation
    chosen = [(rec.cheapest_meeting_deadline, "cheapest"), (rec.lowest_tco, "tco"),
              (rec.fastest, "fastest"), (rec.only, "only"),
              *((config, "detailed") for config in detailed or ())]
    for config, why in chosen:
        if detailed is not None and config not in detailed:
            continue
        plan = next((p for p in comparison.plans if p.config == config), None)
        if plan is not None and plan.racks is not None:
            return plan, why
    return None


def write_racks(ws: Worksheet, comparison: Comparison, L: Labels, heading: PrintHeading,
                detailed: list[str] | None = None) -> bool:
    """Draw the shortlisted configuration's racks on ``ws`` (one the document details, when
    ``detailed`` names them); False when there is none."""
    from engine.catalog import load_catalog
    from engine.export.racks_png import racks_png  # matplotlib: loaded when a sheet is drawn

    chosen = shortlisted(comparison, detailed)
    if chosen is None:
        return False
    plan, why = chosen
    png = racks_png(plan, load_catalog(), L.lang, dpi=PICTURE_DPI)
    if png is None:
        return False
    w = SheetWriter(ws)
    picture = Image(io.BytesIO(png))
    portrait = picture.height > picture.width
    # shown a printed page wide (A4 less margins: about 700 px portrait, 1 000 landscape), so
    # the sheet's own text prints at full size beside it
    shown = PAGE_WIDTH_PX[portrait]
    picture.width, picture.height = shown, round(picture.height * shown / picture.width)
    columns = math.ceil(shown / COLUMN_PX)
    w.text(1, 1, L("racks.title", config=title(plan, L)), "cq_title", fit=False)
    w.merged(2, 1, columns, L("racks.why", why=L(f"racks.why.{why}")), "cq_note_wrap")
    ws.add_image(picture, f"A{PICTURE_ROW}")
    w.finish(fixed=dict.fromkeys(range(1, columns + 1), COLUMN_WIDTH))
    last_row = PICTURE_ROW + math.ceil(picture.height * 0.75 / ROW_PT) + 1
    print_setup(ws, heading, title_rows=None, portrait=portrait,
                area=f"A1:{get_column_letter(columns)}{last_row}")
    ws.page_setup.fitToHeight = 1  # the drawing is one picture: one page
    return True
