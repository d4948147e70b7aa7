"""Column mappings a user corrected, remembered per vendor in the user data folder.

Stored by header text, not by column letter, so the next quotation of the same
layout is read the same way even when a column moves.
"""

from __future__ import annotations

import json
from pathlib import Path

from engine.money.prices import user_data_dir
from engine.quotes.model import FIELDS, ColumnMap
from engine.quotes.rules import squeeze
from engine.safeio import write_atomically

FILE_NAME = "quote_mappings.json"


def mappings_path() -> Path:
    return user_data_dir() / FILE_NAME


def _load() -> dict[str, dict[str, str]]:
    try:
        data = json.loads(mappings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # none yet, or a damaged file: detection applies
    if not isinstance(data, dict):
        return {}
    return {str(k): {str(f): str(h) for f, h in v.items() if f in FIELDS}
            for k, v in data.items() if isinstance(v, dict)}


def remembered_mapping(vendor: str) -> dict[str, str]:
    """field -> header text the user chose for ``vendor``'s quotations ({} if none)."""
    return _load().get(vendor, {}) if vendor else {}


def remember_mapping(vendor: str, mapping: ColumnMap) -> Path:
    """Keep ``mapping`` (by header text) for ``vendor``; written atomically."""
    if not vendor:
        raise ValueError("a mapping is remembered per vendor: the vendor is missing")
    data = _load()
    data[vendor] = {name: mapping.label(name) for name, _ in mapping.columns if mapping.label(name)}
    return _save(data)


def forget_mapping(vendor: str) -> None:
    data = _load()
    if data.pop(vendor, None) is not None:
        _save(data)


def _save(data: dict[str, dict[str, str]]) -> Path:
    path = mappings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def apply_remembered(remembered: dict[str, str], header_row: int, labels: list[str]) -> ColumnMap | None:
    """The remembered mapping placed on ``labels``, or None when a remembered header is absent."""
    index = {squeeze(label): col for col, label in reversed(list(enumerate(labels))) if label}
    columns = []
    for name in FIELDS:
        if name not in remembered:
            continue
        col = index.get(squeeze(remembered[name]))
        if col is None:
            return None
        columns.append((name, col))
    if not columns:
        return None
    return ColumnMap(header_row, tuple(columns), tuple(labels), origin="remembered")
