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

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.gridspec import GridSpec
from matplotlib.transforms import (
    Bbox,
    BboxTransform,
    BboxTransformTo,
    ScaledTranslation,
    Transform,
    TransformedBbox,
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


def _numbers(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"R{numbers[0]:02d}"
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"R{numbers[0]:02d}–R{numbers[-1]:02d}"
    return ", ".join(f"R{n:02d}" for n in numbers)


def figure_size(view: RackView) -> tuple[float, float]:
    """Inches: a column per distinct rack (six a row), then the floor."""
    groups = len(rack_groups(view.racks))
    type_rows = math.ceil(groups / TYPES_PER_ROW)
    floor_rows = math.ceil(len(view.racks) / view.racks_per_row)
    width = max(2.3 * min(groups, TYPES_PER_ROW), 11.0)
    return width, 0.6 + 6.2 * type_rows + 1.2 + 0.75 * floor_rows


def draw_racks(fig: Figure, view: RackView) -> list[tuple[Rack, list[int]]]:
    """Elevations of the distinct racks and the floor sketch; returns the racks drawn.

    Drawn straight on the figure, each part in its box of a grid laid out for the figure's
    size now, not on an Axes each: making an Axes costs more than drawing a whole rack."""
    fig.clear()
    groups = rack_groups(view.racks)
    type_rows = math.ceil(len(groups) / TYPES_PER_ROW)
    floor_rows = math.ceil(len(view.racks) / view.racks_per_row)
    grid = GridSpec(
        type_rows + 1,
        TYPES_PER_ROW,
        figure=fig,
        height_ratios=[6.2] * type_rows + [1.2 + 0.75 * floor_rows],
        hspace=0.55,
        wspace=0.35,
        top=1 - 0.7 / fig.get_figheight(),
        bottom=0.02,
        left=0.03,
        right=0.97,
    )
    for n, (rack, numbers) in enumerate(groups):
        box = grid[n // TYPES_PER_ROW, n % TYPES_PER_ROW].get_position(fig)
        _draw_rack(fig, box, rack, numbers, view, ruler=n % TYPES_PER_ROW == 0)
    _draw_floor(fig, grid[type_rows, :].get_position(fig), view)
    fig.suptitle(
        view.tr("title", title=view.title, racks=len(view.racks), rack=view.rack_model),
        fontsize=11,
        y=0.995,
    )
    return groups


def _frame(fig: Figure, box: Bbox) -> Transform:
    """The unit square of ``box`` (figure fraction) on the figure: an axes' transAxes."""
    return BboxTransformTo(box) + fig.transFigure


def _title(fig: Figure, box: Bbox, text: str, *, pad: float) -> None:
    """``text`` centred ``pad`` points above ``box``, as an axes' title."""
    fig.text(0.5, 1.0, text, ha="center", va="baseline", fontsize=8,
             transform=_frame(fig, box) + ScaledTranslation(0, pad / 72, fig.dpi_scale_trans))


def _draw_rack(fig: Figure, box: Bbox, rack: Rack, numbers: list[int], view: RackView, *,
               ruler: bool) -> None:
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
    )
    inside = TransformedBbox(box, fig.transFigure)  # a label too long for its slot stops at the box
    for run in _runs(mounted):  # one label for a run of the same thing stacked together
        first, count = run[0], len(run)
        span = sum(s.units for s in run)
        if first.units >= 2 and (first.role == "server" or view.lang == "en"):
            text = _local_vendor(first.label, view.lang).replace(" ", "\n", 1)
        elif first.units >= 2:  # a storage or management server: what it is, in the reader's words
            vendor = _local_vendor(first.label, view.lang).split(" ", 1)[0]
            text = f"{vendor}\n{role_name(first.role, view.lang)}"
        else:
            name = role_name(first.role, view.lang)
            text = name if count == 1 else f"{count} × {name}"
        fig.text(
            0.5,
            first.position_u - 1 + span / 2,
            text,
            ha="center",
            va="center",
            fontsize=5 if first.units < 2 else 6,
            color="white",
            zorder=3,
            transform=data,
            clip_box=inside,
            clip_on=True,
        )
    budget = view.budget_kw if rack.kind == "compute" else view.network_budget_kw
    kind = (
        view.tr("compute-rack") if rack.kind == "compute" else view.tr("network-rack")
    )
    _title(fig, box, f"{kind}\n{_numbers(numbers)}" + (f" (×{len(numbers)})" if len(numbers) > 1 else ""),
           pad=6)
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
    frame = _frame(fig, box)
    for i, (text, over) in enumerate(lines):
        fig.text(
            0.5,
            -0.04 - 0.05 * i,
            text,
            transform=frame,
            ha="center",
            va="top",
            fontsize=7,
            color=OVER if over else "#222222",
            weight="bold" if i == 0 else "normal",
        )


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


def _draw_floor(fig: Figure, cell: Bbox, view: RackView) -> None:
    """Racks in rows of ``racks_per_row``, in-row cooling units between them, room units at the wall."""
    per_row = view.racks_per_row
    rows = [list(range(i, min(i + per_row, len(view.racks)))) for i in range(0, len(view.racks), per_row)]
    in_row = sum(c.count for c in view.cooling if c.placement == "in-row")
    room = sum(c.count for c in view.cooling if c.placement == "room")
    doors = any(c.placement == "door" for c in view.cooling)
    per_row_units = [in_row // len(rows) + (1 if r < in_row % len(rows) else 0) for r in range(len(rows))]
    width = per_row + max(per_row_units, default=0) + 1
    extent = Bbox.from_extents(-1.6, -((len(rows) - 1) // 2) * 3.4 - 2.6, width + 2.5, 1.5)
    box = _fit(fig, cell, extent)
    data = BboxTransform(extent, box) + fig.transFigure
    racks_drawn: list[tuple[float, float, float, float]] = []
    kinds: list[str] = []
    coolers: list[tuple[float, float, float, float]] = []
    doors_drawn: list[tuple[float, float, float, float]] = []
    for r, racks in enumerate(rows):
        y = -(r // 2) * 3.4 - (r % 2) * 1.4  # rows in pairs, back to back around a hot aisle
        cells: list[int | None] = list(racks)
        units_here = per_row_units[r]
        for k in range(units_here):  # spread the row's cooling units evenly between its racks
            cells.insert(round((k + 1) * len(cells) / (units_here + 1)) + k, None)
        # the row's numbers at its head (racks stand in plan order): a label a rack was most
        # of the drawing time on a large floor
        fig.text(-0.15, y + 0.5, _numbers([c + 1 for c in racks]), ha="right", va="center", fontsize=6,
                 color="#222222", transform=data)
        for x, cell_ in enumerate(cells):
            if cell_ is None:
                coolers.append((x, y, 0.9, 1))
                continue
            rack = view.racks[cell_]
            racks_drawn.append((x, y, 0.9, 1))
            kinds.append(rack.kind)
            if doors and rack.kind == "compute":
                doors_drawn.append((x, y + (1 if r % 2 else -0.15), 0.9, 0.15))
    coolers += [(width + 0.5, -k * 1.3, 1.2, 1) for k in range(room)]  # room air handlers at the wall
    # every rack of the plan, in plan order; the test of the drawing counts them by this gid
    _boxes(fig, data, racks_drawn, facecolors=[KIND_COLOURS[k] for k in kinds], edgecolors="#333333",
           alpha=0.85, gid="floor-racks")
    _boxes(fig, data, coolers, facecolors=COOLING_COLOUR, edgecolors="#333333")
    _boxes(fig, data, doors_drawn, facecolors=COOLING_COLOUR, edgecolors="none")
    legend = [
        (KIND_COLOURS["compute"], view.tr("legend-compute")),
        (KIND_COLOURS["network"], view.tr("legend-network")),
    ]
    for cooling in view.cooling:
        where = {
            "in-row": view.tr("in-row"),
            "room": view.tr("room"),
            "door": view.tr("door"),
        }
        legend.append((COOLING_COLOUR, f"{cooling.count} × {cooling.label} ({where[cooling.placement]})"))
    frame = _frame(fig, box)
    for i, (colour, text) in enumerate(legend):
        fig.text(
            0.01 + 0.26 * (i % 4),
            1.02 + 0.12 * (i // 4),
            "■ " + text,
            color=colour,
            fontsize=7,
            transform=frame,
            va="bottom",
        )
    _title(fig, box, view.tr("floor", per_row=per_row), pad=24)


def _fit(fig: Figure, cell: Bbox, extent: Bbox) -> Bbox:
    """The largest box in ``cell`` (figure fraction), centred, that shows ``extent`` at one
    scale across and up: what an axes with an equal aspect shrinks to."""
    width, height = fig.get_size_inches()
    scale = min(cell.width * width / extent.width, cell.height * height / extent.height)
    w, h = extent.width * scale / width, extent.height * scale / height
    return Bbox.from_bounds(cell.x0 + (cell.width - w) / 2, cell.y0 + (cell.height - h) / 2, w, h)


# Fonts that draw Chinese, first found wins; DejaVu Sans (matplotlib's own) last.
CJK_FONTS = ["Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "WenQuanYi Zen Hei",
             "Microsoft YaHei", "SimHei", "PingFang SC", "DejaVu Sans"]
PNG_DPI = 60  # a sheet's picture: legible when printed one page wide, small enough to write fast


def racks_png(plan: Plan, catalog: Catalog, lang: str, *, dpi: int = PNG_DPI) -> bytes | None:
    """The plan's rack elevation and floor sketch as PNG, drawn off screen (Agg); None for a
    plan without racks."""
    import warnings

    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    chinese = lang == "zh"
    view = rack_view(plan, catalog, lang=lang)
    if view is None:
        return None
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
    out = io.BytesIO()
    picture.save(out, format="png", compress_level=1, dpi=(dpi, dpi))
    return out.getvalue()
