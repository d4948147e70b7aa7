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
    assert plan.config == rec.cheapest_meeting_deadline and why == "cheapest"
    for lang in ("en", "zh"):
        path = write_quote(real_comparison, tmp_path / f"{lang}.xlsx", lang=lang)  # type: ignore[arg-type]
        L = Labels(lang)  # type: ignore[arg-type]
        ws = openpyxl.load_workbook(path)[L("sheet.racks")]
        name = titles(real_comparison.plans, lang)[plan.config]
        assert ws["A1"].value == L("racks.title", config=name)
        assert L(f"racks.why.{why}") in ws["A2"].value
        with zipfile.ZipFile(path) as book:
            pictures = [n for n in book.namelist() if n.startswith("xl/media/")]
            assert len(pictures) == 1
            assert book.read(pictures[0])[:8] == PNG
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


def test_png_in_chinese(real_comparison: Comparison) -> None:
    plan = next(p for p in real_comparison.plans if p.racks is not None)
    png = racks_png(plan, load_catalog(), "zh", dpi=40)
    assert png is not None and png[:8] == PNG
