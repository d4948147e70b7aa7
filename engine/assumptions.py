"""Defaults for request fields left empty, read from resources/assumptions.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from engine.resources import resource_path


@dataclass(frozen=True)
class Default:
    value: float
    unit: str
    note: str


@cache
def defaults() -> dict[str, Default]:
    """Every default, keyed "section.name" (e.g. "finance.vat")."""
    with resource_path("assumptions.toml").open("rb") as fh:
        data = tomllib.load(fh)
    out: dict[str, Default] = {}
    for section, entries in data.items():
        for name, entry in entries.items():
            out[f"{section}.{name}"] = Default(
                float(entry["value"]), entry.get("unit", ""), entry.get("note", "")
            )
    return out


def default(key: str) -> Default:
    return defaults()[key]
