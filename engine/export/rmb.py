"""Amounts in Chinese capital numerals (人民币大写), as a quotation's total in words.

cn2an writes the words; this module rounds to the fen first (cn2an truncates) and
keeps its output to the form banks and 支付结算办法 expect: 元整 after whole yuan,
零 for skipped places (壹万零伍元整), 角 and 分 after the yuan.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

LIMIT = Decimal("1e16")  # cn2an counts up to 万亿 (10^12 … 10^16)


def to_fen(amount: float | Decimal | str) -> Decimal:
    """``amount`` rounded half-up to the fen (0.01), exactly, as Decimal."""
    try:
        value = Decimal(str(amount)) if not isinstance(amount, Decimal) else amount
    except InvalidOperation:
        raise ValueError(f"amount must be a number, not {amount!r}") from None
    if not value.is_finite():
        raise ValueError(f"amount must be finite, not {amount!r}")
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def rmb_capital(amount: float | Decimal | str) -> str:
    """``amount`` in 人民币大写, e.g. 123456789 → 壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整."""
    from cn2an import an2cn  # type: ignore[import-untyped]  # loaded only when needed

    fen = to_fen(amount)
    if abs(fen) >= LIMIT:
        raise ValueError(f"amount {amount!r} is beyond what capital numerals are written for")
    words: str = an2cn(f"{fen:.2f}", "rmb")
    return words
