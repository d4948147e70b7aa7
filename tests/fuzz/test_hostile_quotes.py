"""Hostile vendor quotations through `reconcile`: none raises, none hangs, none sums absurd money.

Every case keeps the CLI's contract (exit 0 with finite figures, or exit 2 with one line);
the cases that once crashed say what happened to the line at fault.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from engine.quotes import QuoteError, read_quote
from tests.fuzz.fuzz_support import assert_contract, run_cli
from tests.fuzz.hostile_quotes import (
    ABSURD,
    CRASHES,
    LENOVO,
    PLAN,
    PRICE,
    PRICES_TOO_BIG,
    QUOTE_CSV,
    SWITCH_ROW,
    SYSTEM_ROW,
    TOO_BIG,
    csv_of,
    lenovo_rows,
    rows_behind_a_stale_dimension,
    wide_rows,
    with_cell,
    write_xlsx,
)


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


# ---------------------------------------------------------------- bounded work


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", sorted(TOO_BIG))
def test_a_quotation_past_a_limit_is_refused_in_one_line(tmp_path: Path, name: str) -> None:
    make, suffix, says = TOO_BIG[name]
    path = make(tmp_path / f"{name}{suffix}")
    argv = ["reconcile", str(PLAN), "--quote", str(path), "--format", "json"]
    outcome = run_cli(argv)
    assert outcome.code == 2, outcome.err
    assert_contract(argv, outcome)
    assert path.name in outcome.err and re.search(says, outcome.err), outcome.err


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", sorted(PRICES_TOO_BIG))
def test_a_price_list_past_a_limit_is_refused_in_one_line(tmp_path: Path, name: str) -> None:
    make, suffix, says = PRICES_TOO_BIG[name]
    path = make(tmp_path / f"{name}{suffix}")
    argv = ["plan", "--preset", "gpt3-175b", "--days", "30", "--price-list", str(path)]
    outcome = run_cli(argv)
    assert outcome.code == 2, outcome.err
    assert_contract(argv, outcome)
    assert path.name in outcome.err and re.search(says, outcome.err), outcome.err


def test_a_stale_dimension_does_not_hide_rows(tmp_path: Path) -> None:
    path = rows_behind_a_stale_dimension(30)(tmp_path / "stale.xlsx")  # <dimension> says A1:E10
    quote = read_quote(path)
    assert len(quote.lines) == 30


def test_a_sheet_within_the_limits_is_read_whole(tmp_path: Path) -> None:
    path = wide_rows(50, 200)(tmp_path / "wide.xlsx")  # 10 000 cells, 200 a row
    assert len(read_quote(path).lines) == 50


def test_a_quote_inside_a_cell_is_no_unterminated_quote(tmp_path: Path) -> None:
    path = csv_of(QUOTE_CSV + 'X1,3.5" HDD 4TB,2,900,1800\n')(tmp_path / "inch.csv")
    assert [line.description for line in read_quote(path).lines][-1] == '3.5" HDD 4TB'


# ---------------------------------------------------------------- what the file is


def test_a_utf16_csv_is_read_as_text(tmp_path: Path) -> None:
    for encoding in ("utf-16", "utf-16-be"):
        text = QUOTE_CSV if encoding == "utf-16" else "\ufeff" + QUOTE_CSV
        path = csv_of(text, encoding)(tmp_path / f"{encoding}.csv")
        quote = read_quote(path)
        assert [(line.part_number, line.qty) for line in quote.lines] == [("MQM9700-NS2F", 24),
                                                                         ("MMA4Z00-NS", 528)]


def test_a_semicolon_csv_is_read(tmp_path: Path) -> None:
    text = QUOTE_CSV.replace(",", ";").replace("transceiver; twin", "transceiver, twin")
    quote = read_quote(csv_of(text)(tmp_path / "semi.csv"))
    assert [line.description for line in quote.lines][1] == "OSFP transceiver, twin port"


@pytest.mark.timeout(30)
@pytest.mark.parametrize(("kind", "says"), [
    ("fifo", "not a regular file"), ("folder", "a folder, not a file"), ("missing", "no such file"),
])
def test_a_quote_that_is_no_file_is_named_for_what_it_is(tmp_path: Path, kind: str, says: str) -> None:
    path = tmp_path / "quote.xlsx"
    if kind == "fifo":
        os.mkfifo(path)  # nobody writes: reading it would wait for ever
    elif kind == "folder":
        path.mkdir()
    argv = ["reconcile", str(PLAN), "--quote", str(path)]
    outcome = run_cli(argv)
    assert_contract(argv, outcome)
    assert outcome.code == 2 and says in outcome.err and "quote.xlsx" in outcome.err, outcome.err


# ---------------------------------------------------------------- plausible money


@pytest.mark.parametrize("name", sorted(ABSURD))
def test_an_absurd_line_is_a_finding_and_never_summed(tmp_path: Path, name: str) -> None:
    make, row, says = ABSURD[name]
    path = make(tmp_path / f"{name}.xlsx")
    quote = read_quote(path)
    assert row not in {line.row for line in quote.lines}
    assert any(f.row == row and re.search(says, f.message) for f in quote.issues), \
        [f.message for f in quote.issues]
    lines = reconciled(path)  # the contract, and totals of the lines that are left
    sane = reconciled(LENOVO)
    assert 0 < lines["computed_total"] <= sane["computed_total"]


def test_a_discount_line_may_be_negative(tmp_path: Path) -> None:
    rows = lenovo_rows()
    rows.insert(SWITCH_ROW, ["", "Project discount 折扣", 1, -100000, -100000])
    quote = read_quote(write_xlsx(tmp_path / "discount.xlsx", rows))
    assert any(line.unit_price == -100000 for line in quote.lines)


@pytest.mark.parametrize(("said", "code"), [
    ("Currency: EUR", "EUR"), ("币种：欧元", "EUR"), ("Currency: GBP", "GBP"), ("货币：港币", "HKD"),
])
def test_a_quotation_in_a_currency_a_plan_cannot_convert_is_refused(tmp_path: Path, said: str,
                                                                    code: str) -> None:
    path = with_cell(5, 1, f"{said}; prices exclude VAT")(tmp_path / "q.xlsx")
    argv = ["reconcile", str(PLAN), "--quote", str(path)]
    outcome = run_cli(argv)
    assert_contract(argv, outcome)
    assert outcome.code == 2 and f"the prices are in {code}; a plan converts CNY and USD only" in outcome.err


def test_a_euro_sign_in_the_prices_is_read_as_euros(tmp_path: Path) -> None:
    path = csv_of("Part Number,Description,Qty,Unit Price\nX1,switch,2,€52.000\n")(tmp_path / "q.csv")
    with pytest.raises(QuoteError, match=r"the prices are in EUR"):
        read_quote(path)


def test_a_word_holding_eur_is_no_currency(tmp_path: Path) -> None:
    path = with_cell(5, 1, "Neural network cluster for Europe, prices exclude VAT")(tmp_path / "q.xlsx")
    assert read_quote(path).currency == ""


def test_learning_refuses_a_price_far_from_the_list_unless_asked(tmp_path: Path) -> None:
    # full-width digits are digits: "１２３４" is 1,234, a switch's price by its kind's range
    # (123 is refused by the reader already: test_an_absurd_line_is_a_finding_and_never_summed),
    # but for this US$52,000 switch no price
    path = with_cell(SWITCH_ROW, PRICE, "１２３４")(tmp_path / "fullwidth.xlsx")
    argv = ["reconcile", str(PLAN), "--quote", str(path), "--learn-prices"]
    outcome = run_cli(argv)
    assert_contract(argv, outcome)
    assert outcome.code == 2, outcome.err
    assert re.search(r"--learn-prices: fullwidth\.xlsx: no price was learned: "
                     r".*1,234\.00 USD is 0\.0\d+ times the list's", outcome.err), outcome.err
    from engine.money.prices import user_price_list_path

    assert not user_price_list_path().exists()  # nothing learned
    outcome = run_cli([*argv, "--accept-far-prices"])
    assert outcome.code == 0, outcome.err
    assert user_price_list_path().exists()


def test_a_price_list_price_out_of_its_kinds_range_is_refused(tmp_path: Path) -> None:
    """A price list's cable at 650,000 USD (650 was meant) is refused with the file, line,
    column, value and range: the cable range is 5-40,000 CNY, 0.71-5,714.29 USD at 7 CNY a USD."""
    shipped = Path(__file__).resolve().parents[2] / "resources" / "prices" / "prices.csv"
    lines = shipped.read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("cable-hdr-aoc,"))
    lines[row] = lines[row].replace(",650,USD,", ",650000,USD,")
    assert ",650000,USD," in lines[row]
    prices = tmp_path / "prices.csv"
    prices.write_text("\n".join(lines) + "\n", encoding="utf-8")
    argv = ["plan", "--preset", "gpt3-175b", "--days", "30", "--price-list", str(prices)]
    outcome = run_cli(argv)
    assert_contract(argv, outcome)
    assert outcome.code == 2, outcome.err
    assert re.search(rf"prices\.csv, line {row + 1}, column unit_price: unit price 650,000 USD is not "
                     r"a plausible price of cable parts, which lie between 0\.71 and 5,714\.29 USD",
                     outcome.err), outcome.err


def test_every_shipped_price_lies_in_its_kinds_range() -> None:
    """The ranges and the shipped list agree: every priced line of resources/prices/prices.csv
    names a kind of part and lies inside its range (or the list would not load)."""
    import csv

    from engine.plausible import part_kind, price_problem

    shipped = Path(__file__).resolve().parents[2] / "resources" / "prices" / "prices.csv"
    with shipped.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            said = f"{row['part_number']} {row['description_en']} {row['description_zh']}"
            assert part_kind(said) is not None, row["item"]
            assert price_problem(float(row["unit_price"]), row["currency"], said) == "", row["item"]
