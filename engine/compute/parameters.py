"""The performance model's constants, read once from resources/efficiency.toml."""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

from engine.resources import resource_path


@cache
def params() -> dict[str, Any]:
    with resource_path("efficiency.toml").open("rb") as fh:
        return tomllib.load(fh)


def value(section: str, key: str) -> float:
    return float(params()[section][key]["value"])


def parameter_notes() -> list[tuple[str, float, str]]:
    """Every model parameter with its note, for the assumptions sheet and the docs."""
    out: list[tuple[str, float, str]] = []

    def walk(prefix: str, table: dict[str, Any]) -> None:
        for key, entry in table.items():
            if isinstance(entry, dict) and "value" in entry:
                out.append((f"{prefix}{key}", float(entry["value"]), entry.get("note", "")))
            elif isinstance(entry, dict):  # a sub-table: [team.tuned]
                walk(f"{prefix}{key}.", entry)

    walk("", params())
    return out
