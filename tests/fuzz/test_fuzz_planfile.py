"""Fuzzed plan files: valid, mutated and hostile JSON, read directly and through `plan FILE`.

Reading keeps one contract: a PlanDocument whose request lies within the bounds table,
or a PlanFileError of one line naming the file; planning it keeps the CLI's contract.
"""

from __future__ import annotations

import copy
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.bounds import check_request
from engine.model import Efficiency, Facility, Finance, PlanRequest, Schedule, Workload
from engine.planfile import PlanFileError, load_plan_document, plan_to_dict
from tests.fuzz.fuzz_support import assert_contract, examples, run_cli

EXAMPLES = examples(120)
NAME = "fuzzed.cqplan"


def fraction(low: float = 0.01) -> st.SearchStrategy[float]:
    return st.floats(min_value=low, max_value=1.0)


@st.composite
def requests(draw: st.DrawFn) -> PlanRequest:
    """Requests within the bounds: what the desktop app saves."""
    workload = draw(st.one_of(
        st.builds(Workload, preset=st.sampled_from(["gpt3-175b", "llama2-7b", "llama3-70b"])),
        st.builds(Workload, params=st.floats(1e6, 1e12), tokens=st.floats(1e6, 1e13)),
        st.builds(Workload, pf_days=st.floats(1e-3, 1e6), runs=st.integers(1, 10)),
    ))
    schedule = draw(st.one_of(st.builds(Schedule, days=st.floats(0.5, 3650)),
                              st.builds(Schedule, gpus=st.integers(1, 50_000))))
    efficiency = draw(st.builds(Efficiency, mfu=st.none() | fraction(), goodput=st.none() | fraction()))
    facility = draw(st.builds(Facility, rack_kw=st.none() | st.floats(1, 500),
                              cooling=st.sampled_from(["air", "rdhx", "liquid"]),
                              pue=st.none() | st.floats(1, 5), rack_units=st.sampled_from([42, 47])))
    finance = draw(st.builds(Finance, currency=st.sampled_from(["CNY", "USD"]),
                             years=st.none() | st.integers(1, 30), vat=st.none() | fraction(0),
                             vat_services=st.none() | fraction(0),
                             discount=st.floats(0, 0.9), warranty_years=st.none() | st.integers(0, 10)))
    return PlanRequest(workload, schedule, efficiency, facility, finance)


HOSTILE_VALUES: st.SearchStrategy[Any] = st.one_of(
    st.integers(min_value=-(10**60), max_value=10**60), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=300), st.none(), st.booleans(), st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
RAW_LITERALS = st.sampled_from(["NaN", "Infinity", "-Infinity", "1e400", "9" * 4301, "9" * 400,
                                "[" * 5000 + "]" * 5000, '"' + "A" * 300_000 + '"'])


def _leaves(doc: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(doc, dict):
        return [p for k, v in doc.items() for p in _leaves(v, (*path, k))] or [path]
    return [path]


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> None:
    for key in path[:-1]:
        doc = doc[key]
    doc[path[-1]] = value


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A saved plan with one to three leaves replaced, some by literals json.dumps cannot write."""
    doc = plan_to_dict(draw(requests()), customer=draw(st.text(max_size=30)), quote_no="Q-1")
    raw: dict[str, str] = {}
    for n in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_leaves(doc)))
        if draw(st.booleans()):
            marker = f"@RAW{n}@"
            raw[json.dumps(marker)] = draw(RAW_LITERALS)
            _set(doc, path, marker)
        else:
            _set(doc, path, draw(HOSTILE_VALUES))
    text = json.dumps(doc)
    for marker, literal in raw.items():
        text = text.replace(marker, literal)
    return text


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    """A saved plan cut short, with bytes flipped, a BOM, or in GB18030."""
    text = json.dumps(plan_to_dict(draw(requests()), customer="北京智源", quote_no="Q-1"), ensure_ascii=False)
    data = text.encode("utf-8")
    how = draw(st.sampled_from(["cut", "flip", "bom", "gb18030", "utf16"]))
    if how == "cut":
        return data[: draw(st.integers(0, len(data)))]
    if how == "flip":
        at = draw(st.integers(0, len(data) - 1))
        return data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]
    if how == "bom":
        return b"\xef\xbb\xbf" + data
    if how == "gb18030":
        return text.encode("gb18030")
    return text.encode("utf-16")


def _read_contract(path: Path) -> None:
    try:
        document = load_plan_document(path)
    except PlanFileError as exc:
        message = str(exc)
        assert "\n" not in message and len(message) <= 300, message[:400]
        assert NAME in message, message
        return
    check_request(document.request)  # what loads is within bounds


def _plan_contract(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / NAME
        path.write_bytes(content)
        _read_contract(path)
        argv = ["plan", str(path), "--format=json"]
        assert_contract(argv, run_cli(argv))


@settings(max_examples=EXAMPLES // 3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(request=requests())
def test_valid_plans_round_trip_and_plan(request: PlanRequest) -> None:
    text = json.dumps(plan_to_dict(request))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / NAME
        path.write_text(text, encoding="utf-8")
        assert load_plan_document(path).request == request
    _plan_contract(text.encode("utf-8"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated())
def test_mutated_plans(text: str) -> None:
    _plan_contract(text.encode("utf-8"))


@settings(max_examples=EXAMPLES // 2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=damaged())
def test_damaged_plans(data: bytes) -> None:
    _plan_contract(data)


@settings(max_examples=EXAMPLES // 2, deadline=None)
@given(data=st.binary(max_size=2000) | st.text(max_size=500).map(lambda t: t.encode("utf-8")))
def test_arbitrary_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / NAME
        path.write_bytes(data)
        _read_contract(path)


def test_hostile_values_deep_inside_stay_plan_file_errors() -> None:
    doc = copy.deepcopy(plan_to_dict(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30.0,
                                                                                        lead_time_days=0))))
    doc["request"]["finance"]["years"] = 10**4400  # json.dumps can write it; the reader must refuse it
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / NAME
        limit = sys.get_int_max_str_digits()
        sys.set_int_max_str_digits(0)
        try:
            path.write_text(json.dumps(doc), encoding="utf-8")
        finally:
            sys.set_int_max_str_digits(limit)
        _read_contract(path)
