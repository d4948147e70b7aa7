"""Charts are pure drawing functions: they draw on an Agg figure with no window and no pyplot."""

from __future__ import annotations

import dataclasses

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from desktop import charts
from desktop.pairing import config_label


def agg_figure() -> Figure:
    fig = Figure(figsize=(8, 5))
    FigureCanvasAgg(fig)
    return fig


@pytest.mark.parametrize("name", sorted(charts.DRAWERS))
def test_every_chart_draws_on_an_agg_figure(name: str, comparison) -> None:  # type: ignore[no-untyped-def]
    fig = agg_figure()
    charts.DRAWERS[name](fig, comparison)
    assert fig.axes
    fig.canvas.draw()
    assert any(ax.has_data() for ax in fig.axes)


def test_capex_bars_add_up_to_capex(comparison) -> None:  # type: ignore[no-untyped-def]
    fig = agg_figure()
    charts.draw_capex(fig, comparison)
    ax = fig.axes[0]
    widths: dict[float, float] = {}
    for patch in ax.patches:
        y = round(patch.get_y() + patch.get_height() / 2, 6)
        widths[y] = widths.get(y, 0.0) + patch.get_width()
    capex = [p.money.capex / 1e6 for p in comparison.plans if p.feasible and p.money]
    assert sorted(widths.values()) == pytest.approx(sorted(capex), rel=1e-9)


def test_tco_lines_follow_the_money_by_year(comparison) -> None:  # type: ignore[no-untyped-def]
    fig = agg_figure()
    charts.draw_tco(fig, comparison)
    by_config = {config_label(p): p for p in comparison.plans}
    lines = fig.axes[0].get_lines()
    assert 0 < len(lines) <= charts.MAX_LINES
    for line in lines:
        plan = by_config[line.get_label()]
        assert list(line.get_ydata()) == pytest.approx([v / 1e6 for v in plan.money.tco_by_year])


def test_gpus_needed_matches_the_plan_at_its_own_deadline(comparison) -> None:  # type: ignore[no-untyped-def]
    for plan in comparison.plans:
        if not plan.feasible:
            continue
        at_days = charts.gpus_needed(plan, plan.days, lambda p: p.days)
        assert at_days == plan.gpus
        longer = charts.gpus_needed(plan, plan.days * 2, lambda p: p.days)
        assert longer <= plan.gpus
        assert longer >= plan.memory_floor_gpus


def test_charts_say_so_when_nothing_can_be_built(comparison) -> None:  # type: ignore[no-untyped-def]
    empty = dataclasses.replace(comparison, plans=())
    for draw in charts.DRAWERS.values():
        fig = agg_figure()
        draw(fig, empty)
        fig.canvas.draw()
        texts = [t.get_text() for ax in fig.axes for t in ax.texts]
        assert any("No configuration" in t for t in texts)


@pytest.mark.parametrize("name", ["capex", "power"])
def test_legends_hide_no_bar_nor_total(name: str, comparison) -> None:  # type: ignore[no-untyped-def]
    """With twenty configurations the bars reach every corner of the axes: a legend inside
    covered the largest bars and their totals. Each legend lies outside every bar and text."""
    fig = agg_figure()
    charts.DRAWERS[name](fig, comparison)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    for ax in fig.axes:
        legend = ax.get_legend()
        assert legend is not None
        box = legend.get_window_extent(renderer)
        drawn = [p.get_window_extent(renderer) for p in ax.patches if p.get_width() > 0]
        drawn += [t.get_window_extent(renderer) for t in ax.texts]
        assert drawn
        assert not any(box.overlaps(other) for other in drawn)
