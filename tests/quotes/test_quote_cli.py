"""`clusterquote reconcile`: the JSON contract, the table, the report and clean refusals."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from engine.cli import main
from tests.quotes.quote_files import INSPUR, LENOVO, MESSY, PLAN

QUOTE_KEYS = {"file", "vendor", "currency", "stated_total", "computed_total", "normalised_total", "lines",
              "findings"}
LINE_KEYS = {"row", "part_number", "description", "qty", "unit_price", "total", "match"}
FINDING_KEYS = {"kind", "row", "item", "expected", "found", "message"}
KINDS = {"qty_mismatch", "price_diff", "missing", "extra", "arithmetic", "ambiguous"}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_json_contract() -> None:
    code, out, err = run("reconcile", str(PLAN), "--quote", str(LENOVO), "--quote", str(INSPUR),
                         "--format", "json")
    assert code == 0, err
    doc: dict[str, Any] = json.loads(out)
    assert set(doc) == {"quotes", "comparison"}
    for quote in doc["quotes"]:
        assert set(quote) >= QUOTE_KEYS
        assert quote["currency"] == "CNY"  # the plan's
        for line in quote["lines"]:
            assert set(line) >= LINE_KEYS
            assert line["match"] is None or set(line["match"]) >= {"item", "score"}
        for finding in quote["findings"]:
            assert set(finding) >= FINDING_KEYS and finding["kind"] in KINDS
    lenovo = doc["quotes"][0]
    assert lenovo["vendor"] == "Lenovo" and lenovo["file"] == LENOVO.name
    assert lenovo["lines"][0]["match"] == {"item": "lenovo-sr680av3-h800", "score": 1.0, "how": "part_number"}
    assert lenovo["lines"][6]["match"]["how"] == "bundled"  # the 3-year warranty inside the server
    normalised = {v["file"]: v["normalised_total"] for v in doc["comparison"]["vendors"]}
    assert normalised[INSPUR.name] == doc["quotes"][1]["normalised_total"]
    assert doc["comparison"]["cheapest"] == INSPUR.name


def test_table_and_report_workbook(tmp_path: Path) -> None:
    out_file = tmp_path / "report.xlsx"
    code, out, err = run("reconcile", str(PLAN), "--quote", str(MESSY), "--quote", str(LENOVO),
                         "--out", str(out_file), "--lang", "zh")
    assert code == 0, err
    assert "arithmetic   14" in out and "Like for like" in out  # the reseller's wrong line total
    book = load_workbook(out_file)
    assert len(book.sheetnames) == 3
    texts = [c.value for ws in book for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "=交期8周，以合同为准" not in [c for c in texts if c.startswith("=SUM")]


def test_bad_files_exit_2_with_one_line_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "offer.docx"
    bad.write_bytes(b"PK\x03\x04 not really")
    code, out, err = run("reconcile", str(PLAN), "--quote", str(LENOVO), "--quote", str(bad))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "offer.docx: not a spreadsheet" in err
    broken_plan = tmp_path / "broken.cqplan"
    broken_plan.write_text("{", encoding="utf-8")
    code, _, err = run("reconcile", str(broken_plan), "--quote", str(LENOVO))
    assert code == 2 and "broken.cqplan is damaged" in err


def test_nothing_written_when_a_quote_is_bad(tmp_path: Path, data_dir: Path) -> None:
    bad = tmp_path / "empty.csv"
    bad.write_text("", encoding="utf-8")
    report = tmp_path / "report.xlsx"
    code, _, err = run("reconcile", str(PLAN), "--quote", str(LENOVO), "--quote", str(bad),
                       "--out", str(report), "--learn-prices")
    assert code == 2 and "empty.csv" in err
    assert not report.exists() and not any(data_dir.iterdir())


def test_learn_prices_flag(data_dir: Path) -> None:
    code, _, err = run("reconcile", str(PLAN), "--quote", str(INSPUR), "--learn-prices")
    assert code == 0 and "prices learned into" in err
    assert (data_dir / "prices.csv").is_file()


def test_the_whole_flow_without_a_display(tmp_path: Path) -> None:
    """`plan --save` writes the plan as quoted (request and price snapshot); `reconcile` reads it
    and finds in the Inspur sample exactly what was planted against the same plan."""
    from engine.money.prices import read_price_list, shipped_price_list_path, write_price_list
    from engine.money.snapshot import snapshot_prices
    from engine.planfile import load_plan_document
    from tests.fixtures.quotes.make_quotes import PLANTED

    # planned at the prices the sample was quoted at (the sample plan's snapshot), as a buyer
    # plans with the list of the day
    doc = load_plan_document(PLAN)
    assert doc.snapshot is not None
    as_quoted = tmp_path / "as_quoted.csv"
    write_price_list(snapshot_prices(doc.snapshot, read_price_list(shipped_price_list_path())),
                     as_quoted)
    saved = tmp_path / "h800.cqplan"
    code, _, err = run("plan", "--pf-days", "3000", "--gpus", "280", "--currency", "CNY",
                       "--config", "lenovo-sr680av3-h800", "--config", "inspur-nf5688m7-h800",
                       "--price-list", str(as_quoted), "--save", str(saved))
    assert code == 0 and saved.is_file(), err
    assert json.loads(saved.read_text(encoding="utf-8"))["snapshot"]["entries"]
    code, out, err = run("reconcile", str(saved), "--quote", str(INSPUR), "--format", "json")
    assert code == 0, err
    (quote,) = json.loads(out)["quotes"]
    found = sorted((f["kind"], f["row"] or 0, f["item"] or "") for f in quote["findings"])
    assert found == sorted((k, r or 0, i) for k, r, i in PLANTED[INSPUR.name])
