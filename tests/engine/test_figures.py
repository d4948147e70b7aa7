"""One table of figures (engine.figures): what the JSON, the workbook, the frame and the GUI
show under a key is the figure the table reads from the plan."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from engine.figures import FIGURE, FIGURES, figure_row, figure_table
from engine.model import Comparison
from engine.serialize import plan_dict


def test_keys_are_unique_and_kinds_known() -> None:
    assert len(FIGURE) == len(FIGURES)
    kinds = {"text", "int", "float1", "float2", "percent", "money", "bool"}
    assert {f.kind for f in FIGURES} <= kinds
    assert all(f.lower_is_better is None for f in FIGURES if f.kind in ("text", "bool"))


def test_a_figure_in_the_json_is_the_figure_of_the_table(comparison: Comparison) -> None:
    """Where the plan's JSON has a field named as a figure, it holds that figure (JSON field
    names are the contract: a figure never takes a name the JSON uses for something else)."""
    checked: set[str] = set()
    for plan in comparison.plans:
        data = plan_dict(plan)
        for key, value in figure_row(plan).items():
            if key not in data or value is None:
                continue
            shown = data[key]
            if isinstance(value, float):
                assert shown == pytest.approx(value), (plan.config, key)
            else:
                assert shown == value, (plan.config, key)
            checked.add(key)
    # the figures the JSON carries at the top of a plan
    assert {"gpus", "nodes", "racks", "days", "mfu", "capex", "tco", "cost_per_pf_day",
            "it_power_kw", "facility_power_kw", "rack_power_kw", "calendar_days"} <= checked


def test_a_refused_plan_has_no_figures_of_a_built_one(comparison: Comparison) -> None:
    refused = replace(comparison.plans[0], feasible=False, power=None, money=None, racks=None,
                      cooling=None, efficiency=None)
    row = figure_row(refused)
    for key in ("days", "capex", "tco", "it_power_kw", "gpu_hours", "mfu"):
        assert row[key] is None, key
    assert row["feasible"] is False and row["racks"] == 0


def test_the_table_rows_follow_the_comparison(comparison: Comparison) -> None:
    table = figure_table(comparison)
    assert table.configs == tuple(p.config for p in comparison.plans)
    assert table.column("gpus") == [p.gpus for p in comparison.plans]


def test_the_frame_is_the_table(comparison: Comparison) -> None:
    from engine.frame import COLUMNS, comparison_frame

    frame = comparison_frame(comparison)
    assert list(frame.columns) == [f.key for f in FIGURES] == list(COLUMNS)
    for plan in comparison.plans:
        for key, value in figure_row(plan).items():
            cell = frame.loc[plan.config, key]
            if value is None:
                assert isinstance(cell, float) and math.isnan(cell), key
            else:
                assert cell == value, key


def test_importing_the_table_does_not_import_pandas() -> None:
    import subprocess
    import sys

    code = ("import sys, engine.figures, engine.frame, engine.compare; "
            "print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
