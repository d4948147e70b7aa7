"""The command line's layout, GPU-hours band, lead time and calendar (issue 13)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from engine.cli import main

SEED = ["--preset", "gpt3-175b"]
NF5688 = ["--config", "inspur-nf5688m6-a800"]


def _json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_estimate_json_carries_the_layout_and_the_band(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(["estimate", *SEED, "--gpu", "a100-sxm4-80gb", "--gpus", "1024",
                  "--lead-time-days", "60", "--format", "json"], capsys)
    layout = data["layout"]
    assert set(layout) == {"tp", "pp", "dp", "microbatch", "recompute", "recomputed_share"}
    assert layout["tp"] * layout["pp"] * layout["dp"] == 1024
    assert layout["recompute"] in ("selective", "partial", "full")
    assert 0 <= layout["recomputed_share"] <= 1
    assert data["gpu_hours_low"] < data["gpu_hours"] < data["gpu_hours_high"]
    assert data["gpu_hours_low"] == pytest.approx(1024 * data["days_low"] * 24)
    assert data["lead_time_days"] == 60
    assert data["calendar_days"] == pytest.approx(60 + data["days"])


def test_estimate_with_a_given_mfu_has_no_layout(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(["estimate", *SEED, "--gpu", "a100-sxm4-80gb", "--gpus", "1024", "--mfu", "0.4",
                  "--format", "json"], capsys)
    assert data["layout"] is None
    assert data["mfu"] == 0.4


def test_plan_json_counts_the_lead_time_against_the_deadline(
        capsys: pytest.CaptureFixture[str]) -> None:
    short = _json(["plan", *SEED, "--days", "30", *NF5688, "--lead-time-days", "0",
                   "--format", "json"], capsys)["plans"][0]
    late = _json(["plan", *SEED, "--days", "120", *NF5688, "--lead-time-days", "90",
                  "--format", "json"], capsys)["plans"][0]
    # the same 30 training days either way: the same cluster, 90 more calendar days
    assert late["gpus"] == short["gpus"]
    assert late["calendar_days"] == pytest.approx(short["calendar_days"] + 90)
    assert late["lead_time_days"] == 90 and late["meets_deadline"]
    for key in ("layout", "gpu_hours_low", "gpu_hours_high", "lead_time_days", "calendar_days"):
        assert key in late
    assert late["layout"]["tp"] * late["layout"]["pp"] * late["layout"]["dp"] == late["gpus"]
    keys = {a["key"] for a in late["assumptions"]}
    assert {"lead_time_days", "training_days_band", "parallel_layout", "calendar_days"} <= keys


def test_a_deadline_inside_the_lead_time_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", *SEED, "--days", "30", *NF5688, "--lead-time-days", "90"]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "90 days of delivery" in err


@pytest.mark.parametrize("value", ["-1", "abc", "5000"])
def test_a_bad_lead_time_names_the_flag(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", *SEED, "--days", "200", *NF5688, "--lead-time-days", value]) == 2
    err = capsys.readouterr().err
    assert "--lead-time-days" in err and err.count("\n") == 1


def test_refused_plans_keep_the_new_keys(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(["plan", *SEED, "--days", "200", "--lead-time-days", "0", "--cooling", "liquid",
                  "--rack-kw", "80",
                  "--format", "json"], capsys)
    refused = [p for p in data["plans"] if not p["feasible"]]
    assert refused
    for plan in refused:
        assert plan["layout"] is None
        assert {"gpu_hours_low", "gpu_hours_high", "lead_time_days", "calendar_days"} <= set(plan)
