"""The rack drawing a buyer reads: nothing drawn over anything else, at 8, 1 024 and 16 384 GPUs,
in English and Chinese. Measured on the rendered figure (each text's and shape's box in pixels,
as Agg draws them), not on the layout's own arithmetic."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from engine import PlanRequest, Schedule, Workload, compare
from engine.catalog import load_catalog
from engine.export.racks_png import CJK_FONTS, RACK_IN, draw_racks, figure_size, rack_view
from engine.model import Plan

FLEETS = {  # GPUs, the model, a configuration of 8 HGX GPUs a server (6 U, 10 kW)
    "small": (8, "gpt3-6.7b"),
    "medium": (1024, "gpt3-175b"),
    "large": (16384, "gpt3-175b"),
}
CONFIG = "inspur-nf5688m7-h800"


@pytest.fixture(scope="module", params=list(FLEETS))
def fleet(request: pytest.FixtureRequest) -> Plan:
    gpus, preset = FLEETS[request.param]
    plans = compare(PlanRequest(Workload(preset=preset), Schedule(gpus=gpus, lead_time_days=0),
                                configs=(CONFIG,))).plans
    assert plans[0].racks is not None
    return plans[0]


@pytest.fixture(scope="module", params=["en", "zh"])
def drawn(request: pytest.FixtureRequest, fleet: Plan) -> Iterator[tuple[Figure, Plan, str]]:
    lang = request.param
    view = rack_view(fleet, load_catalog(), lang=lang)
    assert view is not None
    with rc_context({"font.sans-serif": CJK_FONTS}), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        fig = Figure(figsize=figure_size(view), dpi=40)
        canvas = FigureCanvasAgg(fig)
        draw_racks(fig, view)
        canvas.draw()
        yield fig, fleet, lang


def _boxes(fig: Figure, gid: str) -> list[Bbox]:
    """Each shape of the collection ``gid`` as drawn, in pixels."""
    out = []
    for artist in fig.artists:
        if isinstance(artist, PolyCollection) and artist.get_gid() == gid:
            transform = artist.get_transform()
            out += [path.transformed(transform).get_extents() for path in artist.get_paths()]
    return out


def _texts(fig: Figure, gid: str | None = None) -> list[Text]:
    return [t for t in fig.texts if t.get_text().strip() and (gid is None or t.get_gid() == gid)]


def _extent(fig: Figure, text: Text) -> Bbox:
    """The type's own box (not the slot-coloured pad behind it), shrunk by half a pixel:
    touching is not overlapping."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    patch = text.get_bbox_patch()
    text.set_bbox(None) if patch is not None else None
    box = text.get_window_extent(renderer)
    return Bbox.from_extents(box.x0 + 0.5, box.y0 + 0.5, box.x1 - 0.5, box.y1 - 0.5)


def _overlap(a: Bbox, b: Bbox) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def test_the_floor_legend_is_clear_of_the_racks_and_itself(drawn: tuple[Figure, Plan, str]) -> None:
    fig, plan, _ = drawn
    racks = _boxes(fig, "floor-racks")
    assert plan.racks is not None and len(racks) == plan.racks.count
    shapes = racks + _boxes(fig, "floor-coolers") + _boxes(fig, "floor-doors")
    legend = [_extent(fig, t) for t in _texts(fig, "floor-legend")]
    legend += _boxes(fig, "floor-legend-swatches")
    assert len(legend) >= 6  # compute, network, a cooling unit: a swatch and its words each
    for i, entry in enumerate(legend):
        assert not any(_overlap(entry, shape) for shape in shapes), entry
        assert not any(_overlap(entry, other) for other in legend[i + 1:]), entry
    # the row numbers stand clear of every rack and of each other
    labels = [_extent(fig, t) for t in _texts(fig, "floor-label")]
    for i, label in enumerate(labels):
        assert not any(_overlap(label, shape) for shape in shapes), label
        assert not any(_overlap(label, other) for other in labels[i + 1:]), label
    # and the whole floor lies on the page
    page = fig.bbox
    assert all(page.x0 <= s.x0 and s.x1 <= page.x1 and page.y0 <= s.y0 and s.y1 <= page.y1
               for s in shapes + legend + labels)


def test_every_slot_label_fits_its_slot(drawn: tuple[Figure, Plan, str]) -> None:
    fig, _, _ = drawn
    slots = _boxes(fig, "slots")
    labels = _texts(fig, "slot-label")
    assert labels
    for text in labels:
        box = _extent(fig, text)
        # inside the run of slots it names: within one slot's width, and within the slots it
        # spans (the runs are stacked, so inside the union of the slots it touches)
        touched = [s for s in slots if _overlap(box, s)]
        assert touched, text.get_text()
        # the white seam between two slots of a run (0.1 U) is the run's too
        union = Bbox.union(touched).expanded(1, 1).padded(0.1 * RACK_IN / 42.5 * fig.dpi)
        assert union.x0 <= box.x0 and box.x1 <= union.x1, text.get_text()
        assert union.y0 <= box.y0 and box.y1 <= union.y1, text.get_text()
        assert text.get_fontsize() >= 5.5  # legible printed


def test_no_text_runs_into_another(drawn: tuple[Figure, Plan, str]) -> None:
    fig, _, _ = drawn
    # every text (the title among them) but the U ruler's figures in the rack's own margin
    texts = [t for t in _texts(fig) if t.get_fontsize() > 5]
    boxes = [(t.get_text(), _extent(fig, t)) for t in texts]
    boxes.sort(key=lambda tb: tb[1].y0)
    for i, (text, box) in enumerate(boxes):
        for other, other_box in boxes[i + 1:]:
            if other_box.y0 >= box.y1:
                break
            assert not _overlap(box, other_box), (text, other)


def test_a_name_too_long_for_its_slot_is_keyed_and_written_out_beneath() -> None:
    """A run of 1 U switches named at length: a letter in the slot, the name under the rack."""
    from engine.export.racks_png import key_lines, slot_labels
    from engine.model import Rack, RackSlot

    plan = compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(gpus=1024, lead_time_days=0),
                               configs=(CONFIG,))).plans[0]
    view = rack_view(plan, load_catalog(), lang="en")
    assert view is not None
    long_name = "out-of-band aggregation switch"
    rack = Rack(kind="network", nodes=0, switches=1, units_used=1, power_kw=0.2, weight_kg=8,
                pdus=2, slots=(RackSlot(position_u=5, units=1, role="oob_switch", part="x",
                                        label="x", max_kw=0.2, weight_kg=8),))
    labels = slot_labels(rack, view, column_in=0.8)  # a narrow elevation
    assert [(label.key, label.full) for label in labels] == [("a", long_name)]
    assert key_lines(labels, view, 0.8)[0].startswith("a: out-of-band")
