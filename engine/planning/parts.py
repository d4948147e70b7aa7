"""Which catalog part plays which role (resources/parts.toml)."""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

from engine.resources import resource_path


@cache
def parts() -> dict[str, Any]:
    with resource_path("parts.toml").open("rb") as fh:
        return tomllib.load(fh)
