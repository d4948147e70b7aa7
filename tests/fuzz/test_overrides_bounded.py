"""An override is bounded by its line total as well as by each field: 10 000 000 units at
¥10¹² each (each within its own bound) once gave a capex of 1.2 × 10¹⁹ and a quote workbook."""

from __future__ import annotations

from pathlib import Path

from tests.fuzz.fuzz_support import assert_contract, run_cli

A800 = "inspur-nf5688m6-a800"


def test_an_override_past_the_line_total_is_refused_and_nothing_written(tmp_path: Path) -> None:
    out = tmp_path / "quote.xlsx"
    argv = ["quote", "--preset", "gpt3-175b", "--days", "30", "--lead-time-days", "0",
          "--config", A800,
            "--override", f"{A800}:rack-42u:qty=10000000,price=1e12", "--out", str(out)]
    outcome = run_cli(argv)
    assert_contract(argv, outcome)
    assert outcome.code == 2 and "--override" in outcome.err and "more than the 1e+10 one line" in outcome.err
    assert not out.exists()


def test_an_override_within_the_line_total_plans() -> None:
    argv = ["plan", "--preset", "gpt3-175b", "--days", "30", "--lead-time-days", "0",
          "--config", A800,
            "--override", f"{A800}:rack-42u:qty=100,price=20000", "--format", "json"]
    outcome = run_cli(argv)
    assert_contract(argv, outcome)
    assert outcome.code == 0
