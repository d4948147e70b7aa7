"""Discount has one meaning: the share taken off list. 85折 means pay 85%, a discount of 0.15."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.cli import main
from engine.errors import RequestError
from engine.money.discount import parse_discount, price_factor, zhe


@pytest.mark.parametrize(("text", "share_off"), [
    ("0.15", 0.15), ("15%", 0.15), (" 15 % ", 0.15), ("0", 0.0), ("", 0.0), ("12.5%", 0.125),
])
def test_english_input_is_the_share_off_list(text: str, share_off: float) -> None:
    assert parse_discount(text) == pytest.approx(share_off)


@pytest.mark.parametrize(("text", "share_off"), [
    ("85折", 0.15),  # pay 85% of list
    ("八五折", 0.15),
    ("8.5折", 0.15),
    ("八点五折", 0.15),
    ("9折", 0.10),
    ("九折", 0.10),
    ("95折", 0.05),
    ("七折", 0.30),
    ("15％", 0.15),  # full-width percent sign
])
def test_chinese_zhe_input_is_the_price_paid(text: str, share_off: float) -> None:
    assert parse_discount(text) == pytest.approx(share_off)


@pytest.mark.parametrize("text", ["85", "1", "110%", "-5%", "十折", "abc", "0折", "nan"])
def test_ambiguous_or_impossible_discounts_are_refused(text: str) -> None:
    with pytest.raises(RequestError) as err:
        parse_discount(text)
    assert err.value.field == "finance.discount" and "85折" in err.value.allowed


def test_zhe_writes_the_price_factor_in_tenths() -> None:
    assert (zhe(0.15), zhe(0.10), zhe(0.0), zhe(0.125)) == ("85折", "9折", "不打折", "8.75折")
    assert price_factor(0.15) == pytest.approx(0.85)


@given(st.integers(min_value=1, max_value=99))
def test_zhe_and_parse_are_inverse(percent_paid: int) -> None:
    share_off = 1 - percent_paid / 100
    assert parse_discount(zhe(share_off)) == pytest.approx(share_off)


@pytest.mark.parametrize("given_as", ["0.15", "15%", "85折", "八五折"])
def test_cli_applies_each_form_as_fifteen_percent_off(given_as: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["plan", "--preset", "gpt3-xl", "--days", "10", "--lead-time-days", "0", "--config",
                 "inspur-nf5688m6-a800",
                 "--discount", given_as, "--format", "json"])
    assert code == 0
    plan = json.loads(capsys.readouterr().out)["plans"][0]
    money = plan["money"]
    assert money["discount_rate"] == pytest.approx(0.15)
    gross = money["hardware"] + money["services"]
    assert money["net"] == pytest.approx(gross * 0.85)  # pays 85% of list, not 15%
