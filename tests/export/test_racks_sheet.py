"""The internal comparison carries the recommended configuration's rack elevation as a
picture drawn by the engine (no Qt), and says which configuration it is and why."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from engine.catalog import load_catalog
from engine.export import write_quote
from engine.export.labels import Labels
from engine.export.names import titles
from engine.export.racks_png import rack_groups, rack_view, racks_png
from engine.export.racks_sheet import shortlisted
from engine.model import Comparison

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def real_comparison() -> Comparison:
    from engine import PlanRequest, Schedule, Workload, compare

    return compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30, lead_time_days=0)))


def test_racks_sheet_shows_the_recommended_configuration(tmp_path: Path,
                                                         real_comparison: Comparison) -> None:
    chosen = shortlisted(real_comparison)
    assert chosen is not None
    plan, why = chosen
    rec = real_comparison.recommendation
    # the cheapest meeting the deadline, or the only configuration in scope (issue 19)
    expected = ((rec.cheapest_meeting_deadline, "cheapest") if rec.cheapest_meeting_deadline
                else (rec.only, "only"))
    assert (plan.config, why) == expected
    for lang in ("en", "zh"):
        path = write_quote(real_comparison, tmp_path / f"{lang}.xlsx", lang=lang)  # type: ignore[arg-type]
        L = Labels(lang)  # type: ignore[arg-type]
        ws = openpyxl.load_workbook(path)[L("sheet.racks")]
        name = titles(real_comparison.plans, lang)[plan.config]
        assert ws["A1"].value == L("racks.title", config=name)
        assert L(f"racks.why.{why}") in ws["A2"].value
        with zipfile.ZipFile(path) as book:
            pictures = [n for n in book.namelist() if n.startswith("xl/media/")]
            assert pictures  # a slice a page (tests/export/test_racks_pages.py)
            assert all(book.read(name)[:8] == PNG for name in pictures)
    # the RFQ goes to a vendor: no internal drawing
    rfq = write_quote(real_comparison, tmp_path / "rfq.xlsx", kind="rfq", vendor="inspur")
    with zipfile.ZipFile(rfq) as book:
        assert not [n for n in book.namelist() if n.startswith("xl/media/")]


def test_racks_alike_but_for_their_place_are_one_elevation(real_comparison: Comparison) -> None:
    catalog = load_catalog()
    for plan in real_comparison.plans:
        view = rack_view(plan, catalog)
        if view is None:
            continue
        groups = rack_groups(view.racks)
        assert sorted(n for _, numbers in groups for n in numbers) == list(
            range(1, len(view.racks) + 1))
        # compute racks holding the same servers, switches and PDUs are drawn once
        contents = {(r.kind, r.nodes, r.switches, r.units_used, r.power_kw, r.pdus, r.slots)
                    for r in view.racks}
        assert len(groups) == len(contents)


def _drawn_texts(plan, lang: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Every text the drawing puts on the figure, as handed to matplotlib."""
    from matplotlib.figure import Figure

    from engine.export.racks_png import draw_racks, figure_size

    view = rack_view(plan, load_catalog(), lang=lang)
    assert view is not None
    fig = Figure(figsize=figure_size(view))
    draw_racks(fig, view)
    texts = [t.get_text() for t in fig.texts]
    texts += [t.get_text() for ax in fig.axes for t in ax.texts]
    texts += [fig._suptitle.get_text()] if fig._suptitle else []
    return [t for t in texts if t.strip()]


def test_png_in_chinese(real_comparison: Comparison) -> None:
    """The Chinese drawing labels its racks, slots and floor in Chinese: every text handed to
    matplotlib is checked (no OCR), and the Chinese glyphs are drawn, not missing boxes."""
    import io
    import re

    from PIL import Image, ImageChops

    from tests.export.english_prose import english

    plan = next(p for p in real_comparison.plans if p.racks is not None)
    zh, en = _drawn_texts(plan, "zh"), _drawn_texts(plan, "en")
    # a name too long for its slot is keyed (a letter, its name under the rack): the English
    # names are longer, so the two drawings may hold a different count of texts
    assert len(zh) > 10 and len(en) > 10
    for words in ("计算机柜", "网络机柜", "联想\nThinkSystem", "叶交换机", "机房平面示意", "个机柜",
                  "kW", "已用"):
        assert any(words in text for text in zh), words
    for text in zh:  # figures, part numbers and brands only beside the Chinese
        assert english(text) is None, text
        assert not re.search(r"\b(?:of|rack|switch|server|used|feeds|Floor)\b", text), text
    assert len(set(zh) - set(en)) > len(set(zh)) // 3  # the words changed
    png = racks_png(plan, load_catalog(), "zh", dpi=40)
    assert png is not None and png[:8] == PNG
    english_png = racks_png(plan, load_catalog(), "en", dpi=40)
    assert english_png is not None
    a, b = (Image.open(io.BytesIO(x)).convert("L") for x in (png, english_png))
    assert a.size[0] == b.size[0]  # one page width; the height follows the keyed names' lines
    assert a.size != b.size or ImageChops.difference(a, b).getbbox() is not None


def test_chinese_glyphs_are_drawn_not_boxes() -> None:
    """Two different characters in the drawing's fonts render differently: a font without
    them would draw the same missing-glyph box for both."""
    import io

    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from PIL import Image, ImageChops

    from engine.export.racks_png import CJK_FONTS

    def drawn(char: str) -> Image.Image:
        with rc_context({"font.sans-serif": CJK_FONTS}):
            fig = Figure(figsize=(0.6, 0.6), dpi=60)
            canvas = FigureCanvasAgg(fig)
            fig.text(0.5, 0.5, char, ha="center", va="center", fontsize=20)
            canvas.draw()
            out = io.BytesIO()
            fig.savefig(out, format="png")
        return Image.open(out).convert("L")

    assert ImageChops.difference(drawn("计"), drawn("柜")).getbbox() is not None
