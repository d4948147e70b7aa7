"""One meaning of discount everywhere: the share taken off the list price.

A discount of 0.15 means the buyer pays 85% of list, the price factor 0.85. Chinese
quotations say the same thing as 八五折 ("85折"): the number before 折 is the price
factor in tenths, so 85折 is a discount of 0.15, never an 85% reduction.
``parse_discount`` accepts each way of writing it and always returns the share off.
"""

from __future__ import annotations

import re

from engine.bounds import bound
from engine.errors import RequestError, allowed

ALLOWED = allowed("allowed.discount")  # resources/i18n/<lang>/request.ftl

_CN_DIGITS = {"〇": "0", "零": "0", "一": "1", "二": "2", "两": "2", "三": "3", "四": "4",
              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9", "点": "."}
_ZHE = re.compile(r"^(?P<factor>\d(?:\.\d+)?|\d\d)\s*折$")


def price_factor(discount: float) -> float:
    """What is paid, as a share of list: 1 − discount."""
    return 1.0 - discount


def zhe(discount: float) -> str:
    """The discount as Chinese buyers write it: 0.15 → "85折", 0.1 → "9折", 0 → "不打折"."""
    factor = round(price_factor(discount) * 100, 4)
    if factor >= 100:
        return "不打折"
    if factor % 10 == 0:
        return f"{factor / 10:g}折"  # 90% → 9折
    if factor.is_integer() and factor > 10:
        return f"{factor:g}折"  # 85% → 85折
    return f"{factor / 10:g}折"  # 87.5% → 8.75折, 1% → 0.1折


def _from_zhe(text: str) -> float | None:
    """The share off from "85折", "8.5折", "9折", "八五折", "九折" or "八点五折"; None if not 折."""
    raw = "".join(_CN_DIGITS.get(ch, ch) for ch in text.replace(" ", ""))
    match = _ZHE.match(raw)
    if match is None:
        return None
    digits = match["factor"]
    tenths = "." in digits or len(digits) == 1  # 9折, 8.5折: tenths of list; 85折: hundredths
    return 1.0 - float(digits) / (10 if tenths else 100)


def parse_discount(text: str | float, field: str = "finance.discount") -> float:
    """The share taken off list, from 0.15, "0.15", "15%", "85折" or "八五折".

    Raises RequestError naming ``field`` when the text means none of these, or the
    result is not in [0, 1).
    """
    if isinstance(text, int | float) and not isinstance(text, bool):
        value = float(text)
    else:
        raw = str(text).strip().replace("％", "%")
        if not raw:
            return 0.0
        zhe_value = _from_zhe(raw)
        if zhe_value is not None:
            value = zhe_value
        else:
            scale = 0.01 if raw.endswith("%") else 1.0
            try:
                value = float(raw.removesuffix("%").strip()) * scale
            except ValueError:
                raise RequestError(field, text, ALLOWED) from None
            if scale == 1.0 and value >= 1:  # not a limit: "15" is 15% or 1.5折? say, don't guess
                raise RequestError(field, text, ALLOWED)
    if not bound("finance.discount").admits(value):  # resources/bounds.toml
        raise RequestError(field, text, ALLOWED)
    return round(value, 10)
