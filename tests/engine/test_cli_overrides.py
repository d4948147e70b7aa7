"""``--override CONFIG:ITEM:qty=N|price=P`` on the command line: applied, marked in the
JSON, merged per line, and bad values end with exit code 2 and one line."""

from __future__ import annotations

import contextlib
import io
import json
from typing import Any

import pytest

from engine.cli import main

A800 = "inspur-nf5688m6-a800"
# 896 A800s, a fixed fleet (the 30-day plan before team profiles and confidence): the figures
# below are of this fleet
ARGS = ["plan", "--preset", "gpt3-175b", "--gpus", "896", "--config", A800, "--vat", "0.13",
        "--vat-services", "0.06", "--format", "json"]


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def plan(extra: list[str]) -> dict[str, Any]:
    code, out, _ = run(ARGS + extra)
    assert code == 0
    return json.loads(out)["plans"][0]  # type: ignore[no-any-return]


# Rated services are a share of the equipment value (resources/assumptions.toml): warranty
# 1.5 % a year for 3 years, project management 1.0 %, logistics 0.8 %, rounded to cents.
EQUIPMENT = ("compute", "network", "storage", "management", "rack_power", "cooling", "spares")


def rated_services(equipment: float) -> float:
    return 3 * round(0.015 * equipment, 2) + round(0.010 * equipment, 2) + round(0.008 * equipment, 2)


def test_overrides_are_applied_marked_and_priced_by_hand() -> None:
    before = plan([])
    after = plan(["--override", f"{A800}:{A800}:price=1000000",
                  "--override", f"{A800}:rack-42u:qty=50"])
    old = {b["item"]: b for b in before["bom"]}
    new = {b["item"]: b for b in after["bom"]}
    system, racks = old[A800], old["rack-42u"]
    # by hand, at the shipped prices: 112 configured systems at 1 000 000 instead of
    # 1 117 600 (base, GPUs, HCAs and the 2 × 200GbE adapter: −13 171 200) and 7 more racks at
    # 6 000 (+42 000) move the equipment value by −13 129 200, 178 871 622 → 165 742 422; the
    # rated services follow: 7 458 408.99 + 1 657 424.22 + 1 325 939.38 = 10 441 772.59
    # instead of 11 268 912.19, i.e. −827 139.60 (6.3 % of 13 129 200). No discount; VAT 13 %
    # on the equipment and 6 % on the services: capex moves by
    # −13 129 200 × 1.13 − 827 139.60 × 1.06 = −14 835 996.00 − 876 767.98 = −15 712 763.98
    equipment_before = sum(b["total"] for b in before["bom"] if b["category"] in EQUIPMENT)
    equipment_delta = (system["qty"] * (1_000_000 - system["unit_price"])
                       + (50 - racks["qty"]) * racks["unit_price"])
    rated_delta = (rated_services(equipment_before + equipment_delta)
                   - rated_services(equipment_before))
    assert after["capex"] == pytest.approx(before["capex"] + equipment_delta * 1.13
                                           + rated_delta * 1.06, abs=0.01)
    assert equipment_delta * 1.13 + rated_delta * 1.06 == pytest.approx(-15_712_763.98, abs=0.01)
    assert new["logistics"]["unit_price"] == round(0.008 * (equipment_before + equipment_delta), 2)
    assert [i for i, b in new.items() if b["overridden"]] == [A800, "rack-42u"]
    assert new["rack-42u"]["qty"] == 50 and new[A800]["unit_price"] == 1_000_000
    assert "overridden" in [w["code"] for w in after["warnings"]]


def test_two_flags_for_one_line_are_merged() -> None:
    after = plan(["--override", f"{A800}:rack-42u:qty=50",
                  "--override", f"{A800}:rack-42u:price=7000"])
    racks = next(b for b in after["bom"] if b["item"] == "rack-42u")
    assert (racks["qty"], racks["unit_price"], racks["total"]) == (50, 7000, 350_000)


@pytest.mark.parametrize(
    ("value", "says"),
    [
        (f"{A800}:rack-42u", "is not CONFIG:ITEM:qty=N"),
        (f"{A800}:rack-42u:qty=2.5", "'qty=2.5'"),
        (f"{A800}:rack-42u:colour=red", "'colour=red'"),
        (f"{A800}:rack-42u:qty=-3", "--override: -3 is not allowed"),
        ("nope:rack-42u:qty=3", "--override: nope:rack-42u is not allowed"),
    ],
)
def test_bad_overrides_exit_2_with_one_line(value: str, says: str) -> None:
    code, out, err = run([*ARGS, "--override", value])
    assert code == 2 and out == "" and says in err and err.count("\n") == 1


def test_json_lists_the_request_s_overrides() -> None:
    code, out, _ = run([*ARGS, "--override", f"{A800}:rack-42u:qty=50"])
    assert code == 0
    assert json.loads(out)["overrides"] == [
        {"config": A800, "item": "rack-42u", "qty": 50, "unit_price": None, "added": False,
         "category": "services", "description": "", "basis": "list",
         "service_years": 0}]  # basis, service_years: added fields
