"""Numbers as vendors write them: 1234000, "¥1,234,000.00", "12.3万", "(1,000)", "13%"."""

from __future__ import annotations

import math
import re
from functools import cache

from engine.quotes.rules import rules

_SCALES = {"万": 1e4, "亿": 1e8, "千": 1e3}  # Chinese units only: "30m" is a length
_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?$")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
_STRIP = re.compile(r"[\s,，'’_]")  # thousands separators and spaces
_MOST_BITS = 128  # 3.4e38: far past any money, and float() of a longer integer overflows
_MOST_CHARS = 40  # "¥1,234,567,890.00 元/台 (含税)" is 25; 400 digits are no price
_PER_UNIT = re.compile(r"/[^\d/]+$")  # "3,200元/台", "12 USD/pc": the price of one


def currencies_in(text: str) -> list[str]:
    """Every currency a text names or shows, longest mark first: "美元" is USD, not 元."""
    lowered = text.lower()
    first: dict[str, int] = {}  # code -> where the text first names it
    for pattern, code in _marks():
        found = pattern.search(lowered)
        if found:
            first[code] = min(first.get(code, found.start()), found.start())
            lowered = pattern.sub(lambda m: " " * len(m.group()), lowered)
    return sorted(first, key=first.__getitem__)


@cache
def _marks() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each currency mark as a pattern, longest first ("美元" before "元", "hk$" before "$");
    a mark of Latin letters only as a word, so "eur" is not found in "neural"."""
    marks = sorted(((m.lower(), str(code)) for code, ms in rules()["currencies"].items() for m in ms),
                   key=lambda mc: -len(mc[0]))
    return tuple((re.compile(rf"(?<![a-z]){re.escape(m)}(?![a-z])" if m.isascii() and m.isalpha()
                             else re.escape(m)), code) for m, code in marks)


def currency_in(text: str) -> str | None:
    """The currency a cell's text names or its symbol shows, if any."""
    found = currencies_in(text)
    return found[0] if found else None


def parse_number(value: object) -> float | None:
    """``value`` as a number, or None when it is not one. Never guesses a partial number."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int) and value.bit_length() > _MOST_BITS:  # float() would overflow
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    text = str(value).strip()
    if not text or len(text) > _MOST_CHARS:  # no figure is written in 40 characters or more
        return None
    negative = text.startswith("(") and text.endswith(")")
    if negative:
        text = text[1:-1]
    text = text.lower()
    for pattern, _ in _marks():
        text = pattern.sub("", text)
    text = _PER_UNIT.sub("", _STRIP.sub("", text))
    scale = 1.0
    if len(text) > 1 and text[-1] in _SCALES:
        scale = _SCALES[text[-1]]
        text = text[:-1]
    if text.endswith("元"):
        text = text[:-1]
    if not _NUMBER.match(text):
        return None
    number = float(text) * scale
    if not math.isfinite(number):
        return None
    return -number if negative else number


def percent_in(text: str) -> float | None:
    """The first percentage in ``text`` as a fraction: "增值税 13%" -> 0.13."""
    found = _PERCENT.search(text)
    return float(found.group(1)) / 100 if found else None
