"""Hostile vendor quotations through `reconcile`: none raises, none hangs, none sums absurd money.

Every case keeps the CLI's contract (exit 0 with finite figures, or exit 2 with one line);
the cases that once crashed say what happened to the line at fault.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fuzz_support import assert_contract, run_cli
from hostile_quotes import CRASHES, PLAN, SWITCH_ROW, SYSTEM_ROW

from engine.quotes import read_quote


def reconciled(path: Path) -> dict[str, Any]:
    argv = ["reconcile", str(PLAN), "--quote", str(path), "--format", "json"]
    outcome = run_cli(argv)
    assert_contract(argv, outcome)
    assert outcome.code == 0, outcome.err
    quote: dict[str, Any] = json.loads(outcome.out)["quotes"][0]
    return quote


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", sorted(CRASHES))
def test_a_hostile_quotation_keeps_the_contract(tmp_path: Path, name: str) -> None:
    argv = ["reconcile", str(PLAN), "--quote", str(CRASHES[name](tmp_path / f"{name}.xlsx")),
            "--format", "json"]
    assert_contract(argv, run_cli(argv))


def test_a_system_of_quantity_0_is_read_and_holds_no_parts(tmp_path: Path) -> None:
    quote = reconciled(CRASHES["system-of-quantity-0"](tmp_path / "q.xlsx"))
    system = next(line for line in quote["lines"] if line["row"] == SYSTEM_ROW)
    assert system["qty"] == 0
    # 0 systems quoted: no "per system" part count can be judged, so none is claimed
    assert not [f for f in quote["findings"] if f["row"] == SYSTEM_ROW and "per system" in f["message"]]


@pytest.mark.parametrize(("name", "row", "shown"), [
    ("price-of-400-digits", SYSTEM_ROW, "400-digit"), ("price-text-1e308", SWITCH_ROW, "1e308"),
    ("price-true", SWITCH_ROW, "True"), ("price-text-1e999", SWITCH_ROW, "1e999"),
    ("price-inf", SWITCH_ROW, "inf"),
])
def test_a_price_that_cannot_be_read_is_a_finding_and_its_line_left_out(
    tmp_path: Path, name: str, row: int, shown: str
) -> None:
    quote = read_quote(CRASHES[name](tmp_path / f"{name}.xlsx"))
    assert row not in {line.row for line in quote.lines}
    said = [f for f in quote.issues if f.row == row]
    assert len(said) == 1 and shown in said[0].message and "not a number" in said[0].message


def test_a_quantity_of_400_digits_is_a_finding(tmp_path: Path) -> None:
    quote = read_quote(CRASHES["quantity-400-digits-text"](tmp_path / "q.xlsx"))
    assert SWITCH_ROW not in {line.row for line in quote.lines}
    assert any(f.row == SWITCH_ROW and "not a number" in f.message for f in quote.issues)
