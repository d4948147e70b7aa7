"""One table of limits: resources/bounds.toml. No range of a request field is written by hand
in the engine or the desktop; the checks read the table, so a limit changes in one line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from engine.bounds import bound, check
from engine.compare import compare
from engine.errors import RequestError
from engine.model import Efficiency, Facility, Finance, PlanRequest, Schedule, StorageRequest, Workload
from engine.resolve import resolve

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted([*(ROOT / "engine").rglob("*.py"), *(ROOT / "desktop").rglob("*.py")])
NUMBER = r"-?\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?"
EXEMPT = "not a limit"  # a comment saying why a literal comparison is no field's range


def _code(line: str) -> str:
    return line.split("#", 1)[0]


def _stray(pattern: re.Pattern[str], *, lines_after: int = 0, then: str = "") -> list[str]:
    found = []
    for path in SOURCES:
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if EXEMPT in line or not pattern.search(_code(line)):
                continue
            if then and not re.search(then, "\n".join(lines[i:i + 1 + lines_after])):
                continue
            found.append(f"{path.relative_to(ROOT)}:{i + 1}: {line.strip()}")
    return found


def test_qt_ranges_come_from_the_table() -> None:
    """A spin box's or line edit's range with a literal in it (0 aside: a count's start, and
    (0, 0) is a busy progress bar) was written by hand."""
    setter = re.compile(r"\.(?:setRange|setMinimum|setMaximum|setMaxLength)\(([^)]*)\)")
    found = []
    for path in SOURCES:
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            for args in setter.findall(_code(line)):
                literals = re.findall(rf"(?<![\w.]){NUMBER}(?![\w.])", args)
                if any(float(x.replace("_", "")) != 0 for x in literals):
                    found.append(f"{path.relative_to(ROOT)}:{i + 1}: {line.strip()}")
    assert found == []


def test_field_validators_come_from_the_table() -> None:
    parsers = re.compile(rf"\b(?:number_parser|QIntValidator|QDoubleValidator)\([^)]*{NUMBER}")
    found = [f for f in _stray(parsers) if not f.startswith("desktop/fields.py")]
    assert found == []


def test_no_hand_written_range_guards_a_refusal() -> None:
    """A comparison with a literal followed by ``raise RequestError`` is a range of its own."""
    comparison = re.compile(rf"(?:<=|>=|<|>)\s*{NUMBER}\b|\b{NUMBER}\s*(?:<=|>=|<|>)")
    assert _stray(comparison, lines_after=3, then=r"raise RequestError") == []


def test_no_literal_interval() -> None:
    """``low <= x <= high`` with both ends written in the code."""
    interval = re.compile(rf"(?<![\w.]){NUMBER}\s*<=?\s*[\w.()\[\]\"']+\s*<=?\s*{NUMBER}")
    assert _stray(interval) == []


def test_the_scan_finds_what_it_looks_for() -> None:
    """The patterns above catch the ranges this table replaced (so the scans can fail)."""
    samples = [
        "self.runs.setRange(1, 100)",
        "number_parser(0, 3650, low_open=True)",
        "if not 0 <= kept <= 1000:",
        "if s.days > 36500:",
    ]
    setter = re.compile(r"\.(?:setRange|setMinimum|setMaximum|setMaxLength)\(([^)]*)\)")
    assert setter.search(samples[0])
    assert re.search(rf"\bnumber_parser\([^)]*{NUMBER}", samples[1])
    assert re.search(rf"(?<![\w.]){NUMBER}\s*<=?\s*[\w.()\[\]\"']+\s*<=?\s*{NUMBER}", samples[2])
    assert re.search(rf"(?:<=|>=|<|>)\s*{NUMBER}\b", samples[3])


def _request(**parts: object) -> PlanRequest:
    base: dict[str, object] = {"workload": Workload(preset="gpt3-175b"), "schedule": Schedule(days=30)}
    return PlanRequest(**{**base, **parts})  # type: ignore[arg-type]


@pytest.mark.parametrize(("request_", "field"), [
    (_request(finance=Finance(exchange_rate=2000.0)), "finance.exchange_rate"),
    (_request(finance=Finance(power_price=101.0)), "finance.power_price"),
    (_request(workload=Workload(flops=1e31)), "workload.flops"),
    (_request(workload=Workload(pf_days=2e10)), "workload.pf_days"),
    (_request(storage=StorageRequest(checkpoint_minutes=0.05)), "storage.checkpoint_minutes"),
])
def test_the_engine_refuses_what_the_table_refuses(request_: PlanRequest, field: str) -> None:
    with pytest.raises(RequestError) as caught:
        compare(request_)
    assert caught.value.field == field
    assert caught.value.allowed == bound(field).allowed


def test_a_deadline_the_table_allows_is_planned() -> None:
    """5 000 days is inside schedule.days (the GUI used to refuse it while the engine planned)."""
    assert bound("schedule.days").admits(5000)
    res = resolve(_request(schedule=Schedule(days=5000)))
    assert res.days == 5000


def test_the_mfu_the_table_refuses_is_refused_everywhere() -> None:
    low = bound("efficiency.mfu").low
    with pytest.raises(RequestError):
        check("efficiency.mfu", low / 2)
    with pytest.raises(RequestError):
        resolve(_request(efficiency=Efficiency(mfu=low / 2)))


def test_the_rack_budget_has_no_default_of_its_own_in_resolve() -> None:
    """Without a request's rack budget, the plan's comes from its cooling and GPU generation."""
    assert resolve(_request()).rack_kw is None
    assert resolve(_request(facility=Facility(rack_kw=12.0))).rack_kw == 12.0
