"""The bounds table: every numeric request field has a bound, and bounds mean what they say."""

from __future__ import annotations

import math
import tomllib
import typing
from dataclasses import fields

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.bounds import bound, check, check_request, numeric_keys
from engine.errors import RequestError
from engine.model import Efficiency, Facility, Finance, PlanRequest, Schedule, Workload
from engine.resources import resource_path

SECTIONS = {"workload": Workload, "schedule": Schedule, "efficiency": Efficiency,
            "facility": Facility, "finance": Finance}


def _numeric(hint: object) -> bool:
    args = typing.get_args(hint) or (hint,)
    return any(a in (int, float) for a in args)


def test_every_numeric_request_field_has_a_bound() -> None:
    keys = set(numeric_keys())
    for section, cls in SECTIONS.items():
        hints = typing.get_type_hints(cls)
        for f in fields(cls):
            if _numeric(hints[f.name]):
                assert f"{section}.{f.name}" in keys, f"add {section}.{f.name} to resources/bounds.toml"


def test_every_record_says_where_it_comes_from() -> None:
    with resource_path("bounds.toml").open("rb") as fh:
        data = tomllib.load(fh)
    for section, entries in data.items():
        for name, entry in entries.items():
            assert entry.get("source") and isinstance(entry.get("verified"), bool), f"{section}.{name}"
            assert entry.get("note"), f"{section}.{name}"


@pytest.mark.parametrize(("key", "inside", "outside"), [
    ("schedule.days", [1e-9, 30, 36_500], [0, -1, 36_500.5, math.inf, math.nan]),
    ("schedule.gpus", [1, 1_000_000], [0, 1_000_001, 1.5, 10**400, True]),
    ("finance.discount", [0, 0.999], [1, -0.01]),
    ("efficiency.mfu", [0.01, 1], [0.0099, 1e-10, 1.01]),
    ("facility.pue", [1, 5], [0.99, 5.01]),
])
def test_bounds_admit_and_refuse(key: str, inside: list[float], outside: list[object]) -> None:
    b = bound(key)
    assert all(b.admits(v) for v in inside)
    assert not any(b.admits(v) for v in outside)


def test_the_message_names_field_value_and_range() -> None:
    with pytest.raises(RequestError) as info:
        check("schedule.gpus", 10**400)
    assert info.value.field == "schedule.gpus"
    assert info.value.allowed == "must be a whole number of GPUs, at least 1 and at most 1000000"
    assert "401-digit number" in str(info.value) or "400-digit number" in str(info.value)


@given(days=st.floats(allow_nan=True, allow_infinity=True), years=st.integers())
def test_a_request_is_refused_exactly_when_a_field_is_out_of_bounds(days: float, years: int) -> None:
    request = PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=days, lead_time_days=0),
                          finance=Finance(years=years))
    ok = bound("schedule.days").admits(days) and bound("finance.years").admits(years)
    try:
        check_request(request)
    except RequestError as exc:
        assert not ok and exc.field in ("schedule.days", "finance.years")
    else:
        assert ok
