"""Where the shipped data lives, both from source and in a frozen (PyInstaller) bundle."""

from __future__ import annotations

import sys
import tomllib
from functools import cache
from pathlib import Path
from typing import Any


def resources_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:  # PyInstaller unpacks data beside the executable
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)


@cache
def read_toml(name: str) -> dict[str, Any]:
    """A shipped TOML file of ``resources/``, parsed once (its readers share it; none edits it)."""
    with resource_path(name).open("rb") as fh:
        return tomllib.load(fh)
