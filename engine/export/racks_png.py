"""Rack elevation and floor sketch of one plan, drawn by a pure function on a matplotlib Figure.

``rack_view(plan, catalog)`` gathers what the drawing needs from the plan's rack
layout (every rack's slots and rows, as the engine laid them out) and the catalog;
``draw_racks(fig, view)`` draws every distinct rack
with its U slots, servers, switches and PDUs, its kW against its budget and its
load against the rack's limit, and beneath them the floor: every rack in rows
with the cooling units between them. Nothing here is computed anew: figures are
the engine's. No Qt: the GUI shows the figure on its canvas, ``racks_png`` renders it
with matplotlib's Agg backend for the comparison workbook.
"""

from __future__ import annotations

import functools
import io
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.transforms import (
    Affine2D,
    Bbox,
    BboxTransform,
    BboxTransformTo,
    ScaledTranslation,
    Transform,
)

from engine.catalog import Catalog
from engine.export.names import vendor_name
from engine.i18n import get, t
from engine.model import Plan, Rack, RackSlot
from engine.planning.budget import network_rack_kw

COLOURS = {
    "server": "#4c72b0",
    "leaf": "#dd8452",
    "spine": "#c44e52",
    "core": "#8c2d04",
    "storage_switch": "#937860",
    "mgmt_switch": "#55a868",
    "storage": "#8172b3",
    "management": "#64b5cd",
    "frontend_switch": "#b5985a",
    "oob_switch": "#3a7d44",
    "director": "#dd8452",
    "pdu": "#222222",
}
KIND_COLOURS = {"compute": "#4c72b0", "network": "#dd8452"}
COOLING_COLOUR = "#17becf"
OVER = "#b00020"
TYPES_PER_ROW = 6


def role_name(role: str, lang: str) -> str:
    """What a rack slot holds, in ``lang`` (the catalogue's drawing-role-<role>)."""
    return get(f"drawing.role-{role}", lang, role)


@dataclass(frozen=True)
class CoolingView:
    label: str
    placement: str  # "in-row", "room" (at the wall), "door" (rear door of each compute rack)
    count: int


@dataclass(frozen=True)
class RackView:
    """Everything the drawing shows of one plan's racks."""

    title: str
    racks: tuple[Rack, ...]
    rack_model: str
    rack_units: int
    budget_kw: float
    network_budget_kw: float
    max_load_kg: float
    cooling: tuple[CoolingView, ...]
    racks_per_row: int
    lang: str = "en"  # the language of every text the drawing shows

    def tr(self, code: str, **params: object) -> str:
        return t(f"drawing.{code}", self.lang, **params)


def rack_view(plan: Plan, catalog: Catalog, *, lang: str = "en", title: str = "") -> RackView | None:
    """What the drawing needs of ``plan``, worded in ``lang`` from the language catalogue;
    None for a plan that was refused. ``title`` defaults to the server and its GPUs."""
    chinese = lang == "zh"
    layout = plan.racks
    if layout is None or plan.fabric is None:
        return None
    rack = catalog.racks[layout.rack_model]
    cooling = []
    for part, count, _kw in plan.cooling.units if plan.cooling else ():
        unit = catalog.cooling[part]
        if unit.kind == "rdhx":
            placement = "door"
        elif unit.kind == "cdu" or "in-row" in unit.name.lower():
            placement = "in-row"
        else:
            placement = "room"
        name = unit.name_zh.split("，")[0] if chinese else unit.name.split(",")[0]
        cooling.append(CoolingView(name, placement, count))
    return RackView(
        title=title or f"{_local_vendor(plan.server, lang)} · {plan.gpus_per_node}× {plan.gpu_name}",
        racks=layout.racks,
        rack_model=rack.name_zh.split("，")[0] if chinese else rack.name.split(",")[0],
        rack_units=layout.rack_units,
        budget_kw=layout.budget_kw,
        network_budget_kw=network_rack_kw(layout.budget_kw),
        max_load_kg=rack.max_load_kg,
        cooling=tuple(cooling),
        racks_per_row=max(1, layout.row_racks),  # the engine's rows: cooling is N+1 in each
        lang=lang,
    )


def rack_groups(racks: tuple[Rack, ...]) -> list[tuple[Rack, list[int]]]:
    """Identical racks together: each distinct rack with its 1-based numbers, in plan order.
    Racks alike but for where they stand (row, place in the row) are one elevation."""
    groups: dict[Rack, tuple[Rack, list[int]]] = {}
    for number, rack in enumerate(racks, start=1):
        groups.setdefault(same_contents(rack), (rack, []))[1].append(number)
    return list(groups.values())


def same_contents(rack: Rack) -> Rack:
    """``rack`` with its place in the hall left out: what its elevation shows."""
    return replace(rack, row=0, position=0)


def _number_runs(numbers: list[int]) -> list[list[int]]:
    """Rack numbers in runs of consecutive ones."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs


def _numbers(numbers: list[int]) -> str:
    """Rack numbers, runs as ranges: "R01–R04, R06, R08–R10"."""
    return ", ".join(f"R{r[0]:02d}" if len(r) == 1 else f"R{r[0]:02d}–R{r[-1]:02d}"
                     for r in _number_runs(numbers))


MAX_NUMBER_LINES = 4  # of rack numbers under an elevation; the floor sketch numbers every rack


def number_lines(numbers: list[int], column_in: float, view: RackView) -> list[str]:
    """The rack numbers as lines of the key beneath an elevation, when they do not fit on one
    line of its title (racks alike that stand apart: an out-of-band switch in every few). At
    most MAX_NUMBER_LINES: beyond, the last line counts the racks left to the floor sketch."""
    text = _numbers(numbers)
    width = column_in * 72 * (1 + COLUMN_GAP * 0.8)
    if wrap(text, width, 8) == [text]:
        return []
    lines = wrap(text, width, KEY_PT) or [text]
    if len(lines) <= MAX_NUMBER_LINES:
        return lines
    def more(count: int) -> list[str]:
        text = view.tr("racks-more", count=count)
        return wrap(text, width, KEY_PT) or [text]

    shown = lines[:max(1, MAX_NUMBER_LINES - len(more(len(numbers))))]
    # the lines break after a run's comma: the runs shown are the parts of those lines
    parts = sum(1 for part in " ".join(shown).split(",") if part.strip())
    named = sum(len(run) for run in _number_runs(numbers)[:parts])
    return [*shown, *more(len(numbers) - named)]


# The page, in inches from the top: every band is sized before anything is drawn, so no text
# can run into the next band whatever the fleet's size or the language.
MARGIN_IN = 0.15
SUPTITLE_IN = 0.4
RACK_TITLE_IN = 0.45  # two lines of 8 pt above each elevation
RACK_IN = 5.6  # the rack itself: 42 U at about 9.5 pt each, a line of 6 pt type a U
STATS_IN = 0.62  # four lines of 7 pt beneath it
KEY_LINE_IN = 0.13  # a line of the slot key (6 pt) beneath the figures
ROW_GAP_IN = 0.35
# The drawing's width: a landscape page's printable 7.9 in shows it at 0.72 of its size, so
# its 5.5 pt labels print at 3.9 pt (wider, six elevations printed them at 3.2 pt)
WIDTH_IN = 11.0
COLUMN_GAP = 0.35  # between elevations, as a fraction of one's width
SLOT_WIDTH = 0.8 / 1.3  # of an elevation's width: the rack spans -0.15..1.15, a slot 0.1..0.9
LABEL_PT = (6.5, 5.5)  # a slot label's sizes, largest first: 5.5 pt is the least legible printed
KEY_PT = 6.0
LINE = 1.3  # a line's height in its type size (matplotlib: 1.2 × linespacing)


@dataclass(frozen=True)
class SlotLabel:
    """A run of slots' label as drawn: its lines and size, or a key letter when the full name
    cannot fit the slot (the name is then written out beneath the rack)."""

    run: tuple[RackSlot, ...]
    text: str
    size: float
    key: str = ""  # the letter standing for the name; "" when the name itself fits
    full: str = ""


def text_width_pt(text: str, size: float) -> float:
    """The widest line of ``text`` at ``size`` points, in points, in the fonts in force (the
    Chinese drawing sets its own): measured from the glyphs, no renderer needed."""
    from matplotlib import rcParams

    fonts = (rcParams["font.family"][0], *rcParams["font.sans-serif"])
    return max((_line_width_pt(line, size, fonts) for line in text.split("\n") if line), default=0.0)


@functools.lru_cache(maxsize=4096)
def _line_width_pt(line: str, size: float, fonts: tuple[str, ...]) -> float:
    """One line's width; ``fonts`` keys the cache only (the rcParams they come from decide)."""
    import warnings

    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    with warnings.catch_warnings():  # a missing glyph is the drawing's to report, not the ruler's
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        width: float = text_to_path.get_text_width_height_descent(
            line, FontProperties(size=size), ismath=False)[0]
    return width


def _wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80  # CJK and full-width forms: a line may break between any two


def wrap(text: str, width_pt: float, size: float) -> list[str] | None:
    """``text``'s words in lines no wider than ``width_pt`` (Chinese breaks between characters;
    a line break already in ``text`` is kept); None when a single Latin word is wider."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        pieces: list[str] = []
        for word in paragraph.split(" "):
            if any(_wide(c) for c in word) and text_width_pt(word, size) > width_pt:
                pieces += list(word)  # character by character
            else:
                pieces.append(word)
        line = ""
        for piece in pieces:
            joiner = "" if line and (_wide(piece[:1]) or _wide(line[-1:])) and len(piece) == 1 else " "
            candidate = f"{line}{joiner}{piece}" if line else piece
            if text_width_pt(candidate, size) <= width_pt:
                line = candidate
            elif line and text_width_pt(piece, size) <= width_pt:
                lines.append(line)
                line = piece
            else:
                return None
        lines.append(line)
    return lines


@dataclass(frozen=True)
class Layout:
    """Where everything goes, in inches."""

    width: float
    height: float
    column_in: float  # one elevation's width
    type_rows: tuple[tuple[float, float], ...]  # each elevation row: top of its titles, key lines
    floor: FloorLayout
    floor_top: float


def layout(view: RackView) -> Layout:
    """The page: a column per distinct rack (six a row) sized by its slots' keys, then the floor
    sized by its rows and legend."""
    groups = rack_groups(view.racks)
    width = WIDTH_IN  # six elevations in narrower columns rather than a wider page
    column = (width * 0.94) / (TYPES_PER_ROW + (TYPES_PER_ROW - 1) * COLUMN_GAP)
    top = MARGIN_IN + SUPTITLE_IN
    rows = []
    for start in range(0, len(groups), TYPES_PER_ROW):
        keys = max(len(key_lines(slot_labels(rack, view, column), view, column))
                   + len(number_lines(numbers, column, view))
                   for rack, numbers in groups[start:start + TYPES_PER_ROW])
        rows.append((top, keys))
        top += RACK_TITLE_IN + RACK_IN + STATS_IN + keys * KEY_LINE_IN + ROW_GAP_IN
    floor = floor_layout(view, width * 0.94)
    return Layout(width, top + floor.height + MARGIN_IN, column, tuple(rows), floor, top)


def figure_size(view: RackView) -> tuple[float, float]:
    """Inches: the elevations, six a row, then the floor."""
    page = layout(view)
    return page.width, page.height


def draw_racks(fig: Figure, view: RackView) -> list[tuple[Rack, list[int]]]:
    """Elevations of the distinct racks and the floor sketch; returns the racks drawn.

    Drawn straight on the figure, each part in its box laid out in inches (``layout``), not on
    an Axes each: making an Axes costs more than drawing a whole rack. The figure takes the
    layout's size."""
    fig.clear()
    page = layout(view)
    fig.set_size_inches(page.width, page.height)
    groups = rack_groups(view.racks)
    left = page.width * 0.03
    across = min(len(groups), TYPES_PER_ROW)  # fewer than six elevations stand centred
    used = page.column_in * (across + (across - 1) * COLUMN_GAP)
    first = (page.width - used) / 2
    for n, (rack, numbers) in enumerate(groups):
        top, _keys = page.type_rows[n // TYPES_PER_ROW]
        x = first + (n % TYPES_PER_ROW) * page.column_in * (1 + COLUMN_GAP)
        box = _inches(fig, x, top + RACK_TITLE_IN, page.column_in, RACK_IN)
        _draw_rack(fig, box, rack, numbers, view, page.column_in, ruler=n % TYPES_PER_ROW == 0)
    _draw_floor(fig, view, page.floor, left, page.floor_top)
    fig.suptitle(
        view.tr("title", title=view.title, racks=len(view.racks), rack=view.rack_model),
        fontsize=11, y=1 - MARGIN_IN / page.height, va="top",
    )
    return groups


def _inches(fig: Figure, x: float, top: float, w: float, h: float) -> Bbox:
    """A box ``w`` × ``h`` inches whose top left is ``x`` inches in, ``top`` inches down, as a
    fraction of the figure."""
    width, height = fig.get_size_inches()
    return Bbox.from_bounds(x / width, 1 - (top + h) / height, w / width, h / height)


def _frame(fig: Figure, box: Bbox) -> Transform:
    """The unit square of ``box`` (figure fraction) on the figure: an axes' transAxes."""
    return BboxTransformTo(box) + fig.transFigure


def _title(fig: Figure, box: Bbox, text: str, *, pad: float) -> None:
    """``text`` centred ``pad`` points above ``box``, as an axes' title."""
    fig.text(0.5, 1.0, text, ha="center", va="baseline", fontsize=8,
             transform=_frame(fig, box) + ScaledTranslation(0, pad / 72, fig.dpi_scale_trans))


def _slot_text(run: list[RackSlot], lang: str) -> str:
    """What a run of slots holds, in full: a server's vendor over its model, else its role."""
    first, count = run[0], len(run)
    if first.role == "patch_panel":  # a part with no vendor: what it is
        return role_name(first.role, lang)
    if first.units >= 2 and (first.role == "server" or lang == "en"):
        return _local_vendor(first.label, lang).replace(" ", "\n", 1)
    if first.units >= 2:  # a storage or management server: what it is, in the reader's words
        vendor = _local_vendor(first.label, lang).split(" ", 1)[0]
        return f"{vendor}\n{role_name(first.role, lang)}"
    name = role_name(first.role, lang)
    return name if count == 1 else f"{count} × {name}"


def slot_labels(rack: Rack, view: RackView, column_in: float) -> list[SlotLabel]:
    """Each run of slots' label at the largest size that fits the slot, across and up; a key
    letter where none does."""
    mounted = sorted((s for s in rack.slots if s.units > 0), key=lambda s: s.position_u)
    width_pt = column_in * SLOT_WIDTH * 72 - 4  # 2 pt clear each side
    unit_pt = RACK_IN / (view.rack_units + 0.5) * 72
    out = []
    keys = iter("abcdefghijklmnopqrstuvwxyz")
    for run in _runs(mounted):
        full = _slot_text(run, view.lang)
        height_pt = sum(s.units for s in run) * unit_pt
        for size in LABEL_PT:
            lines = wrap(full, width_pt, size)
            if lines is not None and len(lines) * size * LINE <= height_pt:
                out.append(SlotLabel(tuple(run), "\n".join(lines), size))
                break
        else:
            key = next(keys)
            out.append(SlotLabel(tuple(run), key, LABEL_PT[0], key, " ".join(full.split())))
    return out


def key_lines(labels: list[SlotLabel], view: RackView, column_in: float) -> list[str]:
    """The names the slots stand for by a letter, wrapped to the elevation's width."""
    lines: list[str] = []
    for label in labels:
        if label.key:
            said = view.tr("key", key=label.key, text=label.full)
            lines += wrap(said, column_in * 72 * (1 + COLUMN_GAP * 0.8), KEY_PT) or [said]
    return lines


def _ink(colour: str) -> str:
    """Type that reads on ``colour``: white on a dark fill, near-black on a light one."""
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(colour)
    return "white" if 0.299 * r + 0.587 * g + 0.114 * b < 0.55 else "#111111"


def _draw_rack(fig: Figure, box: Bbox, rack: Rack, numbers: list[int], view: RackView,
               column_in: float, *, ruler: bool) -> None:
    units = view.rack_units
    data = BboxTransform(Bbox.from_extents(-0.15, 0, 1.15, units + 0.5), box) + fig.transFigure
    _boxes(fig, data, [(0, 0, 1, units)], facecolors="#f4f4f4", edgecolors="#333333", linewidths=1)
    fig.add_artist(LineCollection([((0.12, u), (0.88, u)) for u in range(1, units)], transform=data,
                                  colors="#dddddd", linewidths=0.3, zorder=1))  # U lines
    if ruler:  # the same for every rack: once an elevation row, as a shared axis is
        for u in (1, *range(5, units + 1, 5)):
            fig.text(-0.02, u - 0.5, str(u), ha="right", va="center", fontsize=5, color="#777777",
                     transform=data)
    pdus = [s for s in rack.slots if s.role == "pdu"]
    # A feed left, B feed right, zero-U at the rear
    feeds = [(x, 0.5, 0.06, units - 1) for x in (0.02, 0.92)][: len(pdus)]
    _boxes(fig, data, feeds, facecolors=COLOURS["pdu"], edgecolors="none", alpha=0.7)
    mounted = sorted((s for s in rack.slots if s.units > 0), key=lambda s: s.position_u)
    _boxes(
        fig,
        data,
        [(0.1, s.position_u - 1 + 0.05, 0.8, s.units - 0.1) for s in mounted],
        facecolors=[COLOURS.get(s.role, "#999999") for s in mounted],
        edgecolors="white",
        linewidths=0.5,
        zorder=2,
        gid="slots",
    )
    labels = slot_labels(rack, view, column_in)
    for label in labels:  # one label for a run of the same thing stacked together
        first = label.run[0]
        span = sum(s.units for s in label.run)
        fig.text(0.5, first.position_u - 1 + span / 2, label.text, ha="center", va="center",
                 fontsize=label.size, color=_ink(COLOURS.get(first.role, "#999999")),
                 weight="bold" if label.key else "normal", linespacing=1.1, zorder=3,
                 transform=data, gid="slot-label",
                 # the slot's own colour behind the type hides the lines between stacked slots
                 bbox={"facecolor": COLOURS.get(first.role, "#999999"), "edgecolor": "none",
                       "pad": 0.3})
    budget = view.budget_kw if rack.kind == "compute" else view.network_budget_kw
    kind = (
        view.tr("compute-rack") if rack.kind == "compute" else view.tr("network-rack")
    )
    listed = number_lines(numbers, column_in, view)  # too many to name above: named in the key
    named = f"×{len(numbers)}" if listed else _numbers(numbers) + (
        f" (×{len(numbers)})" if len(numbers) > 1 else "")
    _title(fig, box, f"{kind}\n{named}", pad=6)
    lines = [
        (
            view.tr("kw", kw=rack.power_kw, budget=f"{budget:g}"),
            rack.power_kw > budget + 1e-9,
        ),
        (
            view.tr("kg", kg=rack.weight_kg, max=view.max_load_kg),
            rack.weight_kg > view.max_load_kg,
        ),
        (
            view.tr("units", used=rack.units_used, units=units),
            False,
        ),
        (view.tr("pdus", pdus=len(pdus)), False),
    ]
    below = _frame(fig, box) + ScaledTranslation(0, -0.08, fig.dpi_scale_trans)
    for i, (text, over) in enumerate(lines):
        fig.text(0.5, 0, text, ha="center", va="top", fontsize=7,
                 transform=below + ScaledTranslation(0, -0.14 * i, fig.dpi_scale_trans),
                 color=OVER if over else "#222222", weight="bold" if i == 0 else "normal")
    keys = listed + key_lines(labels, view, column_in)
    if keys:
        fig.text(0, 0, "\n".join(keys), ha="left", va="top", fontsize=KEY_PT, linespacing=1.1,
                 transform=_frame(fig, box) + ScaledTranslation(0, -0.08 - STATS_IN, fig.dpi_scale_trans),
                 color="#222222", gid="slot-key")


def _local_vendor(label: str, lang: str) -> str:
    """'Inspur NF5688M6' with the vendor as the reader's language says it."""
    vendor, _, model = label.partition(" ")
    return f"{vendor_name(vendor, lang)} {model}" if model else label


def _runs(slots: list[RackSlot]) -> list[list[RackSlot]]:
    """Slots in runs: the same part, one on top of the other; servers stay one a run."""
    runs: list[list[RackSlot]] = []
    for slot in slots:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and last.role == slot.role
            and last.part == slot.part
            and slot.role != "server"
            and last.position_u + last.units == slot.position_u
        ):
            runs[-1].append(slot)
        else:
            runs.append([slot])
    return runs


def _boxes(fig: Figure, transform: Transform, boxes: Sequence[tuple[float, float, float, float]],
           **style: Any) -> PolyCollection:
    """Rectangles (x, y, width, height) as one collection: a Rectangle each costs far more to
    make and to draw."""
    shapes = [((x, y), (x + w, y), (x + w, y + h), (x, y + h)) for x, y, w, h in boxes]
    collection = PolyCollection(shapes, transform=transform, **style)
    fig.add_artist(collection)
    return collection


FLOOR_TITLE_IN = 0.32
LEGEND_LINE_IN = 0.22
LEGEND_PT = 7.0
ROW_LABEL_PT = 6.0
FLOOR_PITCH_MAX_IN = 0.3  # a rack's place along a row: a small floor is not drawn huge
FLOOR_PITCH_MIN_IN = 0.09  # below this a square is a speck: more blocks side by side instead
BLOCK_GAP_IN = 0.35
PAIR = 3.4  # a pair of rows back to back, with the aisles, in pitches
MAX_BLOCKS = 6


@dataclass(frozen=True)
class FloorLayout:
    """The floor sketch's bands and blocks, in inches from the floor's top left."""

    width: float
    height: float
    pitch: float
    blocks: int  # blocks of rows side by side: a large floor reads better wide than tall
    rows_per_block: int
    label_in: float  # the row numbers' column at each block's left
    rows: tuple[tuple[int | None, ...], ...]  # each row: its racks (index in the plan) and coolers
    room: int  # cooling units at the wall
    legend: tuple[tuple[str, str, float, float], ...]  # colour, text, x, y
    legend_in: float  # the legend's band


def _row_cells(view: RackView) -> list[list[int | None]]:
    """The engine's rows (each rack's ``row``, in place order) with the in-row cooling units
    spread evenly between the racks. The units are shared among rows by each row's heat (the
    engine sizes N+1 per row), the largest remainders rounding up: the plan's total is drawn."""
    by_row: dict[int, list[int]] = {}
    for i, rack in sorted(enumerate(view.racks), key=lambda ir: (ir[1].row, ir[1].position, ir[0])):
        by_row.setdefault(rack.row, []).append(i)
    rows = [by_row[r] for r in sorted(by_row)]
    if len(rows) == 1 or any(r.row == 0 for r in view.racks):  # a layout without rows: chunks
        per_row = view.racks_per_row
        rows = [list(range(i, min(i + per_row, len(view.racks))))
                for i in range(0, len(view.racks), per_row)]
    in_row = sum(c.count for c in view.cooling if c.placement == "in-row")
    heat = [sum(view.racks[i].power_kw for i in row) for row in rows]
    total = sum(heat) or 1.0
    shares = [in_row * h / total for h in heat]
    counts = [math.floor(s) for s in shares]
    for r in sorted(range(len(rows)), key=lambda r: counts[r] - shares[r])[: in_row - sum(counts)]:
        counts[r] += 1
    out = []
    for racks, units in zip(rows, counts, strict=True):
        cells: list[int | None] = list(racks)
        for k in range(units):  # spread the row's cooling units evenly between its racks
            cells.insert(round((k + 1) * len(cells) / (units + 1)) + k, None)
        out.append(cells)
    return out


def _row_label(view: RackView, cells: Sequence[int | None]) -> str:
    return _numbers([c + 1 for c in cells if c is not None])


def floor_layout(view: RackView, width: float) -> FloorLayout:
    """Blocks of row pairs side by side, as few as keep the floor no taller than 1.25 × its
    width with squares no smaller than FLOOR_PITCH_MIN_IN; the legend wrapped to the width."""
    rows = _row_cells(view)
    room = sum(c.count for c in view.cooling if c.placement == "room")
    cells = max(len(r) for r in rows)
    label_in = max(text_width_pt(_row_label(view, r), ROW_LABEL_PT) for r in rows) / 72 + 0.08
    pairs = math.ceil(len(rows) / 2)
    choice = None
    for blocks in range(1, min(MAX_BLOCKS, pairs) + 1):
        pitch = min(FLOOR_PITCH_MAX_IN,
                    (width - blocks * label_in - (blocks - 1) * BLOCK_GAP_IN) / (blocks * cells))
        if pitch < FLOOR_PITCH_MIN_IN and choice is not None:
            break
        choice = blocks, pitch
        if math.ceil(pairs / blocks) * PAIR * pitch <= 1.25 * width:
            break
    assert choice is not None
    blocks, pitch = choice
    rows_per_block = 2 * math.ceil(pairs / blocks)
    legend, legend_in = _legend(view, width)
    drawn_rows = min(rows_per_block, len(rows))
    rows_in = ((drawn_rows - 1) // 2 * PAIR + (drawn_rows - 1) % 2 * 1.4 + 1.3) * pitch
    per_line = max(1, int((width - label_in) // (1.3 * pitch)))
    room_in = (math.ceil(room / per_line) * 1.3 + 0.5) * pitch if room else 0.0
    height = FLOOR_TITLE_IN + legend_in + 0.1 + rows_in + room_in
    return FloorLayout(width, height, pitch, blocks, rows_per_block, label_in,
                       tuple(tuple(r) for r in rows), room, legend, legend_in)


def _legend(view: RackView, width: float) -> tuple[tuple[tuple[str, str, float, float], ...], float]:
    """The legend's entries placed left to right, a new line when the next would pass ``width``:
    a swatch and black type (coloured type on white is unreadable in pale colours)."""
    entries = [
        (KIND_COLOURS["compute"], view.tr("legend-compute")),
        (KIND_COLOURS["network"], view.tr("legend-network")),
    ]
    where = {"in-row": view.tr("in-row"), "room": view.tr("room"), "door": view.tr("door")}
    for cooling in view.cooling:
        entries.append((COOLING_COLOUR, f"{cooling.count} × {cooling.label} ({where[cooling.placement]})"))
    swatch, gap = 0.14, 0.3
    placed = []
    x, line = 0.0, 0
    for colour, text in entries:
        wide = swatch + text_width_pt(text, LEGEND_PT) / 72
        if x > 0 and x + wide > width:
            x, line = 0.0, line + 1
        placed.append((colour, text, x, line * LEGEND_LINE_IN))
        x += wide + gap
    return tuple(placed), (line + 1) * LEGEND_LINE_IN


def _draw_floor(fig: Figure, view: RackView, floor: FloorLayout, left: float, top: float) -> None:
    """Racks in the engine's rows, in pairs back to back, in-row cooling units between them,
    room units along the wall beneath; title, legend and rows each in a band of their own."""
    height = fig.get_size_inches()[1]
    inches = Affine2D().scale(1, -1).translate(left, height - top) + fig.dpi_scale_trans
    fig.text(floor.width / 2, 0.05, view.tr("floor", per_row=view.racks_per_row), ha="center",
             va="top", fontsize=8, transform=inches)
    legend_top = FLOOR_TITLE_IN
    swatches = []
    for _colour, text, x, y in floor.legend:
        swatches.append((x, legend_top + y + 0.04, 0.1, 0.1))
        fig.text(x + 0.14, legend_top + y + 0.09, text, ha="left", va="center", fontsize=LEGEND_PT,
                 color="#222222", transform=inches, gid="floor-legend")
    _boxes(fig, inches, swatches, facecolors=[c for c, *_ in floor.legend], edgecolors="#333333",
           linewidths=0.5, gid="floor-legend-swatches")
    p = floor.pitch
    rows_top = FLOOR_TITLE_IN + floor.legend_in + 0.1
    doors = any(c.placement == "door" for c in view.cooling)
    racks_drawn: list[tuple[float, float, float, float]] = []
    order: list[int] = []
    coolers: list[tuple[float, float, float, float]] = []
    doors_drawn: list[tuple[float, float, float, float]] = []
    block_in = floor.label_in + max(len(r) for r in floor.rows) * p + BLOCK_GAP_IN
    blocks = math.ceil(len(floor.rows) / floor.rows_per_block)
    centre = max(0.0, (floor.width - (blocks * block_in - BLOCK_GAP_IN)) / 2)  # the rows centred
    for r, cells in enumerate(floor.rows):
        block, within = divmod(r, floor.rows_per_block)
        x0 = centre + block * block_in + floor.label_in
        y = rows_top + ((within // 2) * PAIR + (within % 2) * 1.4 + 0.15) * p
        # the row's numbers at its head (racks stand in plan order)
        fig.text(x0 - 0.06, y + p / 2, _row_label(view, cells), ha="right", va="center",
                 fontsize=ROW_LABEL_PT, color="#222222", transform=inches, gid="floor-label")
        for k, cell in enumerate(cells):
            x = x0 + k * p
            if cell is None:
                coolers.append((x, y, 0.9 * p, p))
                continue
            racks_drawn.append((x, y, 0.9 * p, p))
            order.append(cell)
            if doors and view.racks[cell].kind == "compute":  # on the hot aisle's side
                doors_drawn.append((x, y + (-0.15 * p if within % 2 else p), 0.9 * p, 0.15 * p))
    rows_drawn = min(floor.rows_per_block, len(floor.rows))
    room_top = rows_top + ((rows_drawn - 1) // 2 * PAIR + (rows_drawn - 1) % 2 * 1.4 + 1.8) * p
    per_line = max(1, int((floor.width - floor.label_in) // (1.3 * p)))
    coolers += [(floor.label_in + (k % per_line) * 1.3 * p, room_top + (k // per_line) * 1.3 * p,
                 1.2 * p, p) for k in range(floor.room)]  # room air handlers along the wall
    # every rack of the plan in plan order; the test of the drawing counts them by this gid
    ranked = sorted(zip(order, racks_drawn, strict=True))
    _boxes(fig, inches, [b for _, b in ranked],
           facecolors=[KIND_COLOURS[view.racks[i].kind] for i, _ in ranked],
           edgecolors="#333333", linewidths=0.5, alpha=0.85, gid="floor-racks")
    _boxes(fig, inches, coolers, facecolors=COOLING_COLOUR, edgecolors="#333333", linewidths=0.5,
           gid="floor-coolers")
    _boxes(fig, inches, doors_drawn, facecolors=COOLING_COLOUR, edgecolors="none", gid="floor-doors")


# Fonts that draw Chinese, first found wins; DejaVu Sans (matplotlib's own) last.
CJK_FONTS = ["Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "WenQuanYi Zen Hei",
             "Microsoft YaHei", "SimHei", "PingFang SC", "DejaVu Sans"]
PNG_DPI = 60  # a sheet's picture: legible when printed one page wide, small enough to write fast


def band_edges(view: RackView) -> list[float]:
    """Where the drawing may be cut across without cutting a rack or a text, in inches from
    its top: between the rows of elevations, above the floor, and between the floor's pairs
    of rows (the floor's title and legend stay with its first pair); the first edge is 0 and
    the last the drawing's foot."""
    page = layout(view)
    edges = [0.0, *(top for top, _keys in page.type_rows[1:]), page.floor_top]
    floor = page.floor
    rows_top = page.floor_top + FLOOR_TITLE_IN + floor.legend_in + 0.1
    pairs = math.ceil(min(floor.rows_per_block, len(floor.rows)) / 2)
    # a pair spans 0.15 to 2.7 pitches (rows, aisle, rear doors); the next starts at 3.55
    edges += [rows_top + (k * PAIR + 3.1) * floor.pitch for k in range(pairs - 1)]
    edges.append(page.height)
    return sorted(set(edges))


def slices(edges: Sequence[float], tallest: float) -> list[tuple[float, float]]:
    """Consecutive bands between ``edges`` joined into slices no taller than ``tallest``
    inches where they can be (a band taller than that is a slice of its own)."""
    out: list[tuple[float, float]] = []
    start = edges[0]
    for before, edge in itertools.pairwise(edges[1:]):
        if edge - start > tallest:
            out.append((start, before))
            start = before
    out.append((start, edges[-1]))
    return out


def racks_png(plan: Plan, catalog: Catalog, lang: str, *, dpi: int = PNG_DPI) -> bytes | None:
    """The plan's rack elevation and floor sketch as PNG, drawn off screen (Agg); None for a
    plan without racks."""
    pages = racks_pngs(plan, catalog, lang, dpi=dpi, aspect=None)
    return pages[0] if pages else None


def racks_pngs(plan: Plan, catalog: Catalog, lang: str, *, dpi: int = PNG_DPI,
               aspect: float | None) -> list[bytes]:
    """The drawing as PNG slices, each no taller than ``aspect`` times the drawing's width
    where the bands allow (a page's height over its width: each slice then prints a page wide
    at the drawing's own scale), cut only between rows of racks; one picture when ``aspect``
    is None; [] for a plan without racks."""
    import warnings

    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    chinese = lang == "zh"
    view = rack_view(plan, catalog, lang=lang)
    if view is None:
        return []
    with rc_context({"font.sans-serif": CJK_FONTS, "axes.unicode_minus": False} if chinese
                    else None), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        fig = Figure(figsize=figure_size(view), dpi=dpi)
        canvas: Any = FigureCanvasAgg(fig)  # its draw and buffer_rgba carry no types
        draw_racks(fig, view)
        canvas.draw()
    # The figure is opaque white, so RGB loses nothing and leaves a quarter less to
    # compress; flat colours compress well at zlib's fastest level (savefig: RGBA, level 6,
    # about twice the time for a file a tenth smaller).
    picture = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba()).convert("RGB")
    width_in, height_in = fig.get_size_inches()
    cuts = ([(0.0, height_in)] if aspect is None
            else slices(band_edges(view), aspect * width_in))
    pages = []
    for top, bottom in cuts:
        box = (0, round(top * dpi), picture.width, min(picture.height, round(bottom * dpi)))
        out = io.BytesIO()
        picture.crop(box).save(out, format="png", compress_level=1, dpi=(dpi, dpi))
        pages.append(out.getvalue())
    return pages
