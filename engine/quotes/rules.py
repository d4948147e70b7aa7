"""The reading rules of resources/quotes.toml: header words, row labels, limits, tolerances."""

from __future__ import annotations

import re
from typing import Any

from engine.resources import read_toml

_SQUEEZE = re.compile(r"[\s.,，:：;；()（）\[\]【】_/\\\-]+")


def squeeze(text: str) -> str:
    """Lower-case text without spaces and punctuation, as header words are written."""
    return _SQUEEZE.sub("", text.lower())


def rules() -> dict[str, Any]:
    return read_toml("quotes.toml")


def words(section: str, key: str) -> tuple[str, ...]:
    return tuple(squeeze(w) or w for w in rules()[section][key])


def limit(key: str) -> float:
    return float(rules()["limits"][key]["value"])


def tolerance(key: str) -> float:
    return float(rules()["tolerances"][key]["value"])


def keyed_words(section: str) -> dict[str, tuple[str, ...]]:
    return {key: words(section, key) for key in rules()[section]}


def holds(text: str, candidates: tuple[str, ...]) -> bool:
    squeezed = squeeze(text)
    return any(w and w in squeezed for w in candidates)


def longest(text: str, section: str) -> str | None:
    """The key of ``section`` whose matching word is longest: "Total Part Price" is a total."""
    squeezed = squeeze(text)
    best: tuple[int, str] | None = None
    for key, candidates in keyed_words(section).items():
        for w in candidates:
            if w and w in squeezed and (best is None or len(w) > best[0]):
                best = (len(w), key)
    return None if best is None else best[1]


def which(text: str, section: str) -> str | None:
    """The first key of ``section`` one of whose words ``text`` holds."""
    squeezed = squeeze(text)
    for key, candidates in keyed_words(section).items():
        if any(w and w in squeezed for w in candidates):
            return key
    return None
