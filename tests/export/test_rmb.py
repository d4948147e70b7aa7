"""人民币大写 amounts: hand-written cases, and a round trip through a parser written here."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.export.rmb import rmb_capital, to_fen

# Written out by hand following 支付结算办法 (the yuan place ends in 整; 零 marks skipped places).
HAND_WRITTEN = [
    ("123456789", "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整"),
    ("0", "零元整"),
    ("0.01", "壹分"),
    ("0.10", "壹角"),
    ("0.5", "伍角"),
    ("1", "壹元整"),
    ("10", "壹拾元整"),
    ("10005", "壹万零伍元整"),
    ("100.01", "壹佰元零壹分"),
    ("100.10", "壹佰元壹角"),
    ("1010.10", "壹仟零壹拾元壹角"),
    ("40050.06", "肆万零伍拾元零陆分"),
    ("100000", "壹拾万元整"),
    ("230000", "贰拾叁万元整"),
    ("100000000", "壹亿元整"),  # the 亿 boundary
    ("99999999.99", "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),  # just under it
    ("100010001", "壹亿零壹万零壹元整"),
    ("1001000000", "壹拾亿零壹佰万元整"),
    ("120000000", "壹亿贰仟万元整"),
    ("3.07", "叁元零柒分"),
    ("12.345", "壹拾贰元叁角伍分"),  # rounded half up to the fen
    ("0.004", "零元整"),
    ("179788257.21", "壹亿柒仟玖佰柒拾捌万捌仟贰佰伍拾柒元贰角壹分"),
]


@pytest.mark.parametrize(("amount", "words"), HAND_WRITTEN)
def test_hand_written_amounts(amount: str, words: str) -> None:
    assert rmb_capital(amount) == words


def test_floats_round_to_the_fen_as_written() -> None:
    assert rmb_capital(0.1 + 0.2) == "叁角"
    assert rmb_capital(2.675) == "贰元陆角捌分"  # str(2.675) is "2.675": half up, not binary
    assert to_fen(1.005) == Decimal("1.01")


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "abc", 1e17])
def test_what_cannot_be_written_is_refused(bad: object) -> None:
    with pytest.raises(ValueError):
        rmb_capital(bad)  # type: ignore[arg-type]


_DIGITS = {ch: i for i, ch in enumerate("零壹贰叁肆伍陆柒捌玖")}
_SMALL = {"拾": 10, "佰": 100, "仟": 1000}
_BIG = {"万": 10**4, "亿": 10**8}


def _section(text: str) -> int:
    total, digit = 0, 0
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL:
            total += (digit or 1) * _SMALL[ch]
            digit = 0
    return total + digit


def parse_capital(words: str) -> int:
    """Words back to fen: an independent reading of 人民币大写 for the round trip."""
    fen = 0
    if "分" in words:
        head, _, _ = words.partition("分")
        fen += _DIGITS[head[-1]]
    if "角" in words:
        head, _, _ = words.partition("角")
        fen += 10 * _DIGITS[head[-1]]
    yuan_text = words.partition("元")[0] if "元" in words else ""
    yuan, rest = 0, yuan_text
    for big in ("亿", "万"):
        if big in rest:
            head, _, rest = rest.partition(big)
            value = _section(head) if big == "万" or "万" not in head else 0
            if big == "亿":
                value = parse_capital(head + "元整") // 100
            yuan += value * _BIG[big]
    yuan += _section(rest)
    return yuan * 100 + fen


@given(st.integers(min_value=0, max_value=999_999_999_999_99))
def test_words_read_back_to_the_same_fen(fen: int) -> None:
    amount = Decimal(fen) / 100
    words = rmb_capital(amount)
    assert parse_capital(words) == fen, words
    assert words.endswith(("整", "角", "分"))
    if fen % 100 == 0:
        assert words.endswith("元整")
