"""The command line is a contract (issue 2): scripts rely on its JSON and on its exit codes.

Most tests call ``engine.cli.main(argv)`` in-process; one runs the installed
``clusterquote`` command to prove bad input never ends in a traceback.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from engine.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = ["--preset", "gpt3-175b"]
PF_DAY_FLOPS = 8.64e19

PLAN_KEYS = {
    "config", "vendor", "gpu", "gpus", "nodes", "racks", "days", "gpu_hours", "mfu",
    "it_power_kw", "facility_power_kw", "cooling_capacity_kw", "rack_power_kw", "network",
    "capex", "tco", "currency", "feasible", "warnings", "bom",
}
PLAN_NUMBERS = {
    "gpus", "nodes", "racks", "days", "gpu_hours", "mfu", "it_power_kw", "facility_power_kw",
    "cooling_capacity_kw", "rack_power_kw", "capex", "tco",
}
BOM_KEYS = {"category", "part_number", "description", "qty", "unit_price", "total"}
ESTIMATE_KEYS = {"flops", "pf_days", "gpu", "gpus", "mfu", "days", "gpu_hours"}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``clusterquote argv`` run in this process."""
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's --version and --help exit
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    out, err = capsys.readouterr()
    return code, out, err


def _reject_constant(name: str) -> Any:
    raise AssertionError(f"{name} is not JSON")


def as_json(text: str) -> Any:
    """Strict JSON: NaN and Infinity are not numbers a script can read."""
    return json.loads(text, parse_constant=_reject_constant)


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def json_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    code, out, err = run([*argv, "--format", "json"], capsys)
    assert code == 0, err
    assert err == ""
    return as_json(out)


# ---------------------------------------------------------------- plan --format json


@pytest.fixture(scope="module")
def seed_plan() -> dict[str, Any]:
    """`plan --preset gpt3-175b --days 30 --format json` over the default configurations."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["plan", *SEED, "--days", "30", "--lead-time-days", "0", "--format", "json"]) == 0
    data: dict[str, Any] = as_json(buffer.getvalue())
    return data


def test_plan_json_has_the_workload(seed_plan: dict[str, Any]) -> None:
    workload = seed_plan["workload"]
    assert is_number(workload["flops"]) and is_number(workload["pf_days"])
    # GPT-3 175B: 6 × 174.6e9 × 300e9 FLOPs = 3640 PF/s-days in Table D.1 (printed to 3 figures)
    assert workload["flops"] == pytest.approx(6 * 174.6e9 * 300e9, rel=1e-9)
    assert workload["pf_days"] == pytest.approx(workload["flops"] / PF_DAY_FLOPS, rel=1e-12)
    assert round(workload["pf_days"], -1) == 3640


def test_plan_json_plans_carry_every_contract_key(seed_plan: dict[str, Any]) -> None:
    plans = seed_plan["plans"]
    assert isinstance(plans, list) and len(plans) >= 2
    for plan in plans:
        assert set(plan) >= PLAN_KEYS, (plan["config"], sorted(PLAN_KEYS - set(plan)))
        if not plan["feasible"]:  # a direct-liquid server under air cooling: refused, with its fix
            assert [r["code"] for r in plan["refusals"]] == ["liquid-needs-loop"], plan["config"]
            continue
        for key in PLAN_NUMBERS:
            assert is_number(plan[key]), (plan["config"], key, plan[key])
        assert isinstance(plan["config"], str) and isinstance(plan["vendor"], str)
        assert isinstance(plan["gpu"], str)
        assert isinstance(plan["gpus"], int) and isinstance(plan["nodes"], int)
        assert isinstance(plan["racks"], int)
        assert plan["currency"] == "CNY"
        assert isinstance(plan["warnings"], list)
        assert plan["days"] <= 30 * (1 + 1e-9)
        assert plan["gpu_hours"] == pytest.approx(plan["gpus"] * plan["days"] * 24)
        assert plan["facility_power_kw"] > 0 and plan["it_power_kw"] > 0
        assert plan["cooling_capacity_kw"] >= plan["it_power_kw"] - 1e-9
        assert plan["tco"] >= plan["capex"] > 0


def test_plan_json_network_counts(seed_plan: dict[str, Any]) -> None:
    for plan in (p for p in seed_plan["plans"] if p["feasible"]):
        network = plan["network"]
        assert isinstance(network, dict)
        keys = set(network)
        # switch, HCA, cable and transceiver counts, and the endpoint and port counts they serve
        for word in ("switch", "hca", "cable", "transceiver", "endpoint", "port"):
            counts = [k for k in keys if word in k and is_number(network[k])]
            assert counts, (plan["config"], word, sorted(keys))
        if plan["nodes"] > 1:
            assert network["endpoints"] == network["hcas"] > 0
        assert network["ports_used"] <= network["switch_ports"]


def test_plan_json_bom_lines(seed_plan: dict[str, Any]) -> None:
    for plan in (p for p in seed_plan["plans"] if p["feasible"]):
        lines = plan["bom"]
        assert lines, plan["config"]
        for line in lines:
            assert set(line) >= BOM_KEYS, (plan["config"], sorted(BOM_KEYS - set(line)))
            assert isinstance(line["category"], str)
            assert isinstance(line["part_number"], str)
            assert isinstance(line["description"], str) and line["description"]
            assert isinstance(line["qty"], int) and not isinstance(line["qty"], bool)
            assert is_number(line["unit_price"]) and is_number(line["total"])
            assert line["total"] == pytest.approx(line["qty"] * line["unit_price"])


def test_plan_json_for_one_configuration_in_usd(capsys: pytest.CaptureFixture[str]) -> None:
    data = json_of(["plan", *SEED, "--days", "30", "--lead-time-days", "0", "--config",
                    "inspur-nf5688m6-a800",
                    "--currency", "USD"], capsys)
    [plan] = data["plans"]
    assert plan["config"] == "inspur-nf5688m6-a800"
    assert plan["vendor"] == "Inspur" and plan["gpu"] == "a800-sxm4-80gb"
    assert plan["currency"] == "USD"
    assert plan["gpus"] % 8 == 0 and plan["nodes"] == plan["gpus"] // 8


def test_plan_json_carries_the_vat_rate_of_services(capsys: pytest.CaptureFixture[str]) -> None:
    data = json_of(["plan", *SEED, "--days", "30", "--lead-time-days", "0", "--config",
                    "inspur-nf5688m6-a800",
                    "--vat", "0.13", "--vat-services", "0.09"], capsys)
    money = data["plans"][0]["money"]
    assert (money["vat_rate"], money["vat_rate_services"]) == (0.13, 0.09)
    factor = 1 - money["discount_rate"]
    goods = money["hardware"] * factor * 0.13
    services = money["services"] * factor * 0.09
    assert money["vat"] == pytest.approx(goods + services)
    assert data["plans"][0]["capex"] == pytest.approx(money["net"] + goods + services)


def test_plan_json_for_a_fleet(capsys: pytest.CaptureFixture[str]) -> None:
    data = json_of(["plan", *SEED, "--gpus", "1020", "--config", "inspur-nf5688m6-a800"], capsys)
    [plan] = data["plans"]
    assert plan["gpus"] == 1024  # rounded up to whole servers of eight
    assert plan["nodes"] == 128
    assert any(w["code"] == "fleet-rounded" for w in plan["warnings"])


def test_plan_json_refused_plans_carry_every_contract_key(capsys: pytest.CaptureFixture[str]) -> None:
    # Direct liquid cooling: only the water-cooled servers can run; the rest are refused.
    data = json_of(["plan", *SEED, "--days", "30", "--lead-time-days", "0", "--cooling", "liquid",
                    "--rack-kw", "80"], capsys)
    refused = [p for p in data["plans"] if not p["feasible"]]
    assert refused and len(refused) < len(data["plans"])
    for plan in refused:
        assert plan["refusals"], plan["config"]
        assert set(plan) >= PLAN_KEYS, (plan["config"], sorted(PLAN_KEYS - set(plan)))
        assert plan["capex"] is None and plan["bom"] == []


def test_plan_with_no_runnable_configuration_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    # No configuration's memory holds a 175B model on 8 GPUs (47 A800s are needed).
    code, out, err = run(["plan", *SEED, "--gpus", "8", "--format", "json"], capsys)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "no configuration can run" in err


def test_plan_table_is_the_default_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["plan", *SEED, "--days", "30", "--lead-time-days", "0"], capsys)
    assert code == 0 and err == ""
    assert "inspur-nf5688m6-a800" in out and "lenovo-sr670v2-a100-pcie" in out
    assert "Traceback" not in out


# ---------------------------------------------------------------- estimate


def test_estimate_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = json_of(["estimate", *SEED, "--gpu", "a100-sxm4-80gb", "--gpus", "1024"], capsys)
    assert set(data) >= ESTIMATE_KEYS, sorted(ESTIMATE_KEYS - set(data))
    for key in ("flops", "pf_days", "gpus", "mfu", "days", "gpu_hours"):
        assert is_number(data[key]), (key, data[key])
    assert data["gpu"] == "a100-sxm4-80gb"
    assert data["gpus"] == 1024 and isinstance(data["gpus"], int)
    assert data["flops"] == pytest.approx(6 * 174.6e9 * 300e9, rel=1e-9)
    assert data["pf_days"] == pytest.approx(data["flops"] / PF_DAY_FLOPS, rel=1e-12)
    assert 0 < data["mfu"] <= 1
    assert data["gpu_hours"] == pytest.approx(data["days"] * data["gpus"] * 24)


def test_estimate_with_an_mfu_override(capsys: pytest.CaptureFixture[str]) -> None:
    data = json_of(["estimate", "--pf-days", "3640", "--gpu", "h100-sxm5-80gb", "--gpus", "512",
                    "--mfu", "0.4"], capsys)
    assert data["mfu"] == 0.4
    delivered = 989e12 * 0.4 * data.get("goodput", 0.9)
    assert data["days"] == pytest.approx(3640 * PF_DAY_FLOPS / (512 * delivered * 86_400), rel=1e-9)


# ---------------------------------------------------------------- catalog


@pytest.mark.parametrize(("section", "ids"), [
    ("gpus", {"a100-sxm4-80gb", "h100-sxm5-80gb", "a800-sxm4-80gb"}),
    ("configs", {"inspur-nf5688m6-a800", "lenovo-sr670v2-a100-pcie"}),
    ("prices", {"a100-sxm4-80gb", "h100-sxm5-80gb", "a800-sxm4-80gb", "inspur-nf5688m6-a800",
                "lenovo-sr670v2-a100-pcie"}),
])
def test_catalog_json_lists_the_ids(
    section: str, ids: set[str], capsys: pytest.CaptureFixture[str]
) -> None:
    rows = json_of(["catalog", section], capsys)
    assert isinstance(rows, list) and rows
    assert all(isinstance(r, dict) for r in rows)
    found = {r.get("id", r.get("item")) for r in rows}
    assert ids <= found, sorted(ids - found)
    for r in rows:
        assert re.fullmatch(r"[a-z0-9][a-z0-9.-]*", str(r.get("id", r.get("item")))), r


def test_catalog_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["catalog", "gpus"], capsys)
    assert code == 0 and err == ""
    assert "a100-sxm4-80gb" in out and "h100-sxm5-80gb" in out


def test_version_is_the_project_version(capsys: pytest.CaptureFixture[str]) -> None:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        expected = tomllib.load(fh)["project"]["version"]
    code, out, err = run(["--version"], capsys)
    assert code == 0
    assert (out + err).split()[-1] == expected, out + err


def test_no_arguments_prints_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([], capsys)
    assert code == 0
    for command in ("plan", "estimate", "catalog"):
        assert command in out


# ---------------------------------------------------------------- bad input

PLAN = ["plan", *SEED]
NF5688 = ["--config", "inspur-nf5688m6-a800"]

# argv, the flag the message must name, what it must say is allowed (a regular expression)
BAD_INPUT = [
    pytest.param([*PLAN, "--days", "-3", "--lead-time-days", "0"], "--days",
                 r"positive|above 0|greater than 0", id="days-negative"),
    pytest.param([*PLAN, "--days", "0", "--lead-time-days", "0"], "--days",
                 r"positive|above 0|greater than 0", id="days-zero"),
    pytest.param([*PLAN, "--days", "abc", "--lead-time-days", "0"], "--days", r"number", id="days-abc"),
    pytest.param([*PLAN, "--gpus", "0"], "--gpus", r"1 or more|at least 1|positive", id="gpus-zero"),
    pytest.param(["plan", "--params", "-5", "--tokens", "300B", "--days", "30", "--lead-time-days",
                  "0"], "--params",
                 r"positive", id="params-negative"),
    pytest.param(["plan", "--params", "175X", "--tokens", "300B", "--days", "30",
                  "--lead-time-days", "0"], "--params",
                 r"175B", id="params-malformed"),
    pytest.param(["plan", "--preset", "nope", "--days", "30", "--lead-time-days", "0"], "--preset",
                 r"gpt3-175b",
                 id="preset-unknown"),
    pytest.param([*PLAN, "--days", "30", "--lead-time-days", "0", "--config", "nope"], "--config",
                 r"inspur-nf5688m6-a800",
                 id="config-unknown"),
    pytest.param(["estimate", *SEED, "--gpu", "nope", "--gpus", "8"], "--gpu", r"a100-sxm4-80gb",
                 id="gpu-unknown"),
    pytest.param([*PLAN, "--days", "30", "--lead-time-days", "0", "--mfu", "1.5"], "--mfu",
                 r"at most 1|between|fraction",
                 id="mfu-above-1"),
    pytest.param(["estimate", *SEED, "--gpu", "a100-sxm4-80gb", "--gpus", "8", "--mfu", "1.5"], "--mfu",
                 r"at most 1|between|fraction", id="estimate-mfu-above-1"),
    pytest.param(["estimate", *SEED, "--gpu", "a100-sxm4-80gb", "--gpus", "0"], "--gpus",
                 r"1 or more|at least 1|positive", id="estimate-gpus-zero"),
    pytest.param([*PLAN, "--days", "30", "--lead-time-days", "0", "--pue", "0.5"], "--pue",
                 r"at least 1", id="pue-below-1"),
    pytest.param([*PLAN, "--days", "30", "--lead-time-days", "0", "--vat-services", "1.5"],
                 "--vat-services", r"at most 1",
                 id="vat-services-above-1"),
    pytest.param([*PLAN, "--days", "30", "--lead-time-days", "0", "--cooling", "liquid", *NF5688], "--config",
                 r"air|rdhx|liquid", id="config-cannot-cool"),
    pytest.param([*PLAN, "--gpus", "8", *NF5688], "--config", r"47", id="config-below-memory-floor"),
    pytest.param([*PLAN, "--days", "30", "--lead-time-days", "0", "--gpus", "64"], "--gpus",
                 r"--days", id="days-and-gpus"),
    pytest.param(PLAN, "--days", r"--gpus", id="neither-days-nor-gpus"),
]


@pytest.mark.parametrize(("argv", "flag", "allowed"), BAD_INPUT)
def test_bad_input_exits_2_with_one_line(
    argv: list[str], flag: str, allowed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(argv, capsys)
    assert code == 2, (code, err)
    assert out == ""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert flag in lines[0], lines[0]
    assert re.search(allowed, lines[0]), lines[0]


def test_quote_into_a_missing_folder_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "missing" / "quote.xlsx"
    code, _, err = run(["quote", *SEED, "--days", "30", "--lead-time-days", "0", *NF5688, "--out",
                        str(out_file)], capsys)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "--out" in err


def test_quote_valid_days_names_the_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["quote", *SEED, "--days", "30", "--lead-time-days", "0", *NF5688, "--out",
                        str(tmp_path / "q.xlsx"),
                        "--valid-days", "0"], capsys)
    assert code == 2
    assert "--valid-days" in err


def _command() -> list[str]:
    exe = shutil.which("clusterquote", path=str(Path(sys.executable).parent))
    if exe is not None:
        return [exe]
    return [sys.executable, "-c", "import sys; from desktop.main import main; "
            "raise SystemExit(main(sys.argv[1:]))"]


def test_installed_command_never_shows_a_traceback() -> None:
    result = subprocess.run(
        [*_command(), "plan", "--preset", "gpt3-175b", "--days", "-3", "--lead-time-days", "0",
         "--format", "json"],
        capture_output=True, text=True, timeout=60, cwd=ROOT, check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--days" in lines[0], result.stderr


def test_plan_json_power_racks_and_hosting(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["plan", *SEED, "--gpus", "1016", "--rack-kw", "41", "--config", "lenovo-sr680av3-h800",
            "--hosting", "colo", "--buy-racks", "yes", "--row-racks", "8", "--spares", "0.05"]
    (plan,) = json_of(argv, capsys)["plans"]
    assert plan["facility_power_kw"] == pytest.approx(plan["it_power_kw"] * plan["pue"])
    assert plan["facility_typical_kw"] == pytest.approx(plan["it_typical_kw"] * plan["pue"])
    assert plan["optics_kw"] > 0
    layout = plan["rack_layout"]
    assert layout["row_racks"] == 8 and layout["rows"] == math.ceil(plan["racks"] / 8)
    assert layout["inlet_type"] == "C20" and layout["bought"] is True
    first = layout["racks"][0]
    slots = layout["contents"][first["contents"]]  # racks alike share one list of what they hold
    assert first["row"] == 1 and [s["role"] for s in slots].count("server") == 4
    categories = {line["category"] for line in plan["bom"]}
    assert "rack_power" in categories and "cooling" not in categories and "spares" in categories
    assert plan["money"]["hosting"] == "colo" and plan["money"]["contracted_kw"] > 0
    assert plan["money"]["cloud_per_year"] > 0
    assert {r["medium"] for r in plan["network"]["runs"]} <= {"dac", "aoc", "fibre"}


def test_plan_cloud_buys_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["plan", *SEED, "--gpus", "64", "--config", "lenovo-sr680av3-h100", "--hosting", "cloud"]
    (plan,) = json_of(argv, capsys)["plans"]
    assert plan["bom"] == [] and plan["capex"] == 0 and plan["tco"] > 0
