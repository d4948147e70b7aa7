"""The rack elevation draws the plan's own racks, every one of them, and exports as PNG."""

from __future__ import annotations

from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from desktop.elevation import draw_racks, figure_size, rack_view
from engine.catalog import load_catalog
from engine.export.racks_png import same_contents
from tests.shared import GPT3_30_DAYS


def test_racks_drawn_equal_the_plans_racks(comparison) -> None:  # type: ignore[no-untyped-def]
    catalog = load_catalog()
    for plan in comparison.plans:
        view = rack_view(plan, catalog)
        if not plan.feasible:
            assert view is None
            continue
        assert view is not None and plan.racks is not None
        fig = Figure(figsize=figure_size(view))
        FigureCanvasAgg(fig)
        groups = draw_racks(fig, view)
        # every rack of the plan is drawn once: identical racks together, numbered in plan order
        numbers = sorted(n for _, ns in groups for n in ns)
        assert numbers == list(range(1, plan.racks.count + 1))
        for rack, ns in groups:
            # racks alike but for their place in the hall are one elevation
            assert all(same_contents(view.racks[n - 1]) == same_contents(rack) for n in ns)
            counted = plan.racks.racks[ns[0] - 1]
            assert (rack.kind, rack.nodes, rack.units_used, rack.power_kw) == (
                counted.kind, counted.nodes, counted.units_used, counted.power_kw)
        # the floor shows every rack once: one square each in the floor's collection of racks
        floor = [a for a in fig.artists if a.get_gid() == "floor-racks"]
        assert len(floor) == 1 and len(floor[0].get_paths()) == plan.racks.count
        # each rack type says its kW against the budget
        texts = [t.get_text() for t in fig.texts]
        for rack, _ in groups:
            assert any(t.startswith(f"{rack.power_kw:.1f} of ") and t.endswith(" kW") for t in texts)
    fig.canvas.draw()  # the last one renders too


def test_rack_tab_draws_the_picked_configuration_and_exports_png(
    qtbot, window, wait_planned, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window.set_request(GPT3_30_DAYS)
    wait_planned(window)
    view = window.rack_view
    window.tabs.setCurrentWidget(view)
    view.select("inspur-nf5688m6-a800")
    plan = view.plan()
    assert plan is not None and plan.config == "inspur-nf5688m6-a800" and plan.racks is not None
    assert sum(len(ns) for _, ns in view.drawn_racks) == plan.racks.count
    written = view.export_png(tmp_path / "racks")
    assert written == tmp_path / "racks.png"
    assert written.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not list(tmp_path.glob("*.part"))
