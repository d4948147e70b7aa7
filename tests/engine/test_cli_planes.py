"""The CLI's storage, management, availability and component fields."""

from __future__ import annotations

import pytest

from tests.engine.test_cli import SEED, as_json, run

STORAGE_KEYS = {"usable_tb", "read_gbps", "write_gbps", "checkpoint_minutes", "parts"}


def test_plan_json_has_storage_management_availability_and_components(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(["plan", *SEED, "--gpus", "256", "--config", "lenovo-sr680av3-h800",
                        "--purchase-date", "2024-01-01", "--checkpoints-kept", "3",
                        "--format", "json"], capsys)
    assert code == 0
    plan = as_json(out)["plans"][0]
    storage = plan["storage"]
    assert set(storage) >= STORAGE_KEYS
    assert storage["product"] == "lenovo-dss-g-flash" and storage["checkpoints_kept"] == 3
    assert {p["part"] for p in storage["parts"]} >= {"lenovo-dss-g-flash", "cable-100g-aoc"}
    assert plan["management"]["head_nodes"] == 2
    assert plan["availability"]["status"] == "licence-required"
    assert plan["availability"]["as_of"] == "2024-01-01" and plan["availability"]["restricted"]
    system = plan["bom"][0]
    assert {c["kind"] for c in system["components"]} >= {"gpu", "cpu", "memory", "drive", "nic", "psu"}
    assert all("components" in line for line in plan["bom"])


def test_storage_none_and_bad_dates(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["plan", *SEED, "--gpus", "64", "--config", "inspur-nf5688m6-a800",
                        "--storage", "none", "--format", "json"], capsys)
    assert code == 0 and as_json(out)["plans"][0]["storage"] is None
    code, out, err = run(["plan", *SEED, "--gpus", "64", "--purchase-date", "soon"], capsys)
    assert code == 2 and err.count("\n") == 1
    assert "--purchase-date" in err and "yyyy-mm-dd" in err
