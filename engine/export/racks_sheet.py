"""The Racks sheet of the internal comparison: the recommended configuration's rack
elevation and floor sketch as pictures (engine.export.racks_png), cut between rows of
racks into slices of a page each."""

from __future__ import annotations

import io
import math

from openpyxl.drawing.image import Image
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from engine.export.comparison_sheet import title
from engine.export.labels import Labels
from engine.export.sheet import PrintHeading, SheetWriter, print_setup
from engine.model import Comparison, Plan

PICTURE_DPI = 120  # printed at 0.7 to 0.95 of its size: about 130 to 170 dpi on paper
PICTURE_ROW = 4
COLUMNS = 13  # of COLUMN_WIDTH each: 731 pt, within a landscape A4 page's 784 pt, so print at 100%
COLUMN_WIDTH = 10  # characters: about 75 px
COLUMN_PX = 75
ROW_PT = 15.0  # each row of a picture's rows is set to this height (points; 0.75 pt a pixel)
PX_PT = 0.75
# A landscape A4 page holds 498 pt between its margins; the title row repeats on every page
# (24 pt) and the first page also carries the note beneath it: a slice is at most this tall.
SLICE_PT = 420.0

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
    from engine.export.racks_png import racks_pngs  # matplotlib: loaded when a sheet is drawn

    chosen = shortlisted(comparison, detailed)
    if chosen is None:
        return False
    plan, why = chosen
    width_pt = COLUMNS * COLUMN_PX * PX_PT
    pngs = racks_pngs(plan, load_catalog(), L.lang, dpi=PICTURE_DPI, aspect=SLICE_PT / width_pt)
    if not pngs:
        return False
    w = SheetWriter(ws)
    w.text(1, 1, L("racks.title", config=title(plan, L)), "cq_title", fit=False)
    w.merged(2, 1, COLUMNS, L("racks.why", why=L(f"racks.why.{why}")), "cq_note_wrap")
    # A slice a page: the drawing is cut between rows of racks (engine.export.racks_png),
    # each slice shown as wide as the page allows and no taller than SLICE_PT, a page break
    # after it, so at thousands of GPUs each rack and label prints at the drawing's scale
    # rather than the whole floor shrunk onto one page.
    row = PICTURE_ROW
    for n, png in enumerate(pngs):
        picture = Image(io.BytesIO(png))
        shown_w = min(width_pt, SLICE_PT * picture.width / picture.height) / PX_PT
        picture.width, picture.height = round(shown_w), round(picture.height * shown_w / picture.width)
        ws.add_image(picture, f"A{row}")
        # no spare row: on the first page the title and the reason above take what is left
        # of a landscape page beside a full slice, and a spare row spilled onto a blank page
        rows = math.ceil(picture.height * PX_PT / ROW_PT)
        for r in range(row, row + rows):
            ws.row_dimensions[r].height = ROW_PT
        row += rows
        if n < len(pngs) - 1:
            ws.row_breaks.append(Break(id=row - 1))
    w.finish(fixed=dict.fromkeys(range(1, COLUMNS + 1), COLUMN_WIDTH))
    ws.freeze_panes = "A3"
    print_setup(ws, heading, title_rows="1:1", area=f"A1:{get_column_letter(COLUMNS)}{row - 1}")
    return True
