"""Output paths and messages: nothing is written until every output is known writable, a
device, pipe or symbolic link is never replaced, and the message names what the user gave."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.fuzz.fuzz_support import assert_contract, run_cli

QUOTE = ["quote", "--preset", "gpt3-175b", "--days", "30", "--lead-time-days", "0",
          "--config", "inspur-nf5688m6-a800"]


def test_a_pdf_that_cannot_be_written_stops_before_the_workbook(tmp_path: Path) -> None:
    (tmp_path / "q.pdf").mkdir()
    argv = [*QUOTE, "--out", str(tmp_path / "q.xlsx"), "--pdf"]
    outcome = run_cli(argv)
    assert_contract(argv, outcome)
    assert outcome.code == 2 and "--pdf: cannot write" in outcome.err and "it is a folder" in outcome.err
    assert not (tmp_path / "q.xlsx").exists()


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", ["fifo", "symlink"])
def test_a_pipe_or_link_given_as_out_is_never_replaced(tmp_path: Path, kind: str) -> None:
    out = tmp_path / "q.xlsx"
    if kind == "fifo":
        os.mkfifo(out)
    else:
        (tmp_path / "real.xlsx").write_bytes(b"the user's file")
        out.symlink_to(tmp_path / "real.xlsx")
    argv = [*QUOTE, "--out", str(out)]
    outcome = run_cli(argv)
    assert_contract(argv, outcome)
    assert outcome.code == 2 and "--out: cannot write" in outcome.err
    assert out.is_fifo() if kind == "fifo" else out.is_symlink()
    if kind == "symlink":
        assert (tmp_path / "real.xlsx").read_bytes() == b"the user's file"


@pytest.mark.parametrize(("value", "says"), [("", "no file name was given"), (".", "no file name was given"),
                                             ("FOLDER", "is a folder")])
def test_save_without_a_file_name_says_so(tmp_path: Path, value: str, says: str) -> None:
    argv = ["plan", "--preset", "gpt3-175b", "--days", "30", "--lead-time-days", "0",
          "--save", value.replace("FOLDER", str(tmp_path))]
    outcome = run_cli(argv)
    assert_contract(argv, outcome)
    assert outcome.code == 2 and "--save: " in outcome.err and says in outcome.err
    assert "PosixPath" not in outcome.err


def test_a_customer_with_an_equals_sign_is_a_company_name(tmp_path: Path) -> None:
    argv = [*QUOTE, "--customer", "Smith=Jones GmbH", "--out", str(tmp_path / "q.xlsx")]
    outcome = run_cli(argv)
    assert outcome.code == 0, outcome.err
    from openpyxl import load_workbook

    cells = [c for ws in load_workbook(tmp_path / "q.xlsx").worksheets
             for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert any("Smith=Jones GmbH" in c for c in cells)
