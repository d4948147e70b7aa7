"""Running the command line in-process for the fuzz tests, and judging what it did.

The contract every run must keep: exit 0 with finite figures (strict JSON when asked for
JSON), or exit 2 with exactly one line on stderr of at most 300 characters; never a
traceback, never another exit code (70 is the CLI's "internal error"); never a hang
(pytest-timeout ends the test).
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import time
from dataclasses import dataclass
from typing import Any

from engine.cli import main
from tests.engine.hostile_corpus import numbers

LINE_CHARS = 300
# No run is timed here (a loaded machine makes a timed assertion fail for nothing): a hang is
# caught by pytest-timeout, and tests/bench/bench_hostile.py prints how long the worst take.


def examples(default: int) -> int:
    """Examples per test: bounded for CI; CLUSTERQUOTE_FUZZ_EXAMPLES=2000 fuzzes longer by hand."""
    return int(os.environ.get("CLUSTERQUOTE_FUZZ_EXAMPLES", default))


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str
    seconds: float


def run_cli(argv: list[str]) -> Outcome:
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # only --help and --version leave through argparse
            code = exc.code if isinstance(exc.code, int) else 0
    return Outcome(code, out.getvalue(), err.getvalue(), time.perf_counter() - started)


def _refuse_constant(name: str) -> Any:
    raise AssertionError(f"{name} in JSON output")


def assert_contract(argv: list[str], outcome: Outcome) -> None:
    shown = f"argv={[a[:80] for a in argv]!r}"
    assert "Traceback" not in outcome.err, (shown, outcome.err)
    assert outcome.code in (0, 2), (shown, outcome.code, outcome.err[:500])
    if outcome.code == 2:
        lines = outcome.err.split("\n")
        assert len(lines) == 2 and lines[1] == "", (shown, outcome.err[:500])  # one line and its end
        assert len(lines[0]) <= LINE_CHARS, (shown, len(lines[0]))
        assert outcome.out == "", shown
        return
    assert outcome.err == "", (shown, outcome.err[:500])
    if "json" in argv or "--format=json" in argv:
        data = json.loads(outcome.out, parse_constant=_refuse_constant)
        assert all(math.isfinite(n) for n in numbers(data)), shown
        for plan in data.get("plans", []) if isinstance(data, dict) else []:
            if plan.get("capex") is not None:
                assert 0 < plan["capex"] < 1e15, (shown, plan["capex"])  # not absurd
    else:
        for word in ("nan", "inf"):
            assert f" {word} " not in f" {outcome.out.lower()} ".replace("\n", " "), shown
