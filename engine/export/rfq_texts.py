"""The words of the RFQ's terms (configuration id, required delivery date, place by hosting,
export-licence clause): entries of the language catalogue's rfq area."""

from __future__ import annotations

from engine.i18n import t


def text(lang: str, key: str, **values: object) -> str:
    return t(key, "zh" if lang == "zh" else "en", **values)
