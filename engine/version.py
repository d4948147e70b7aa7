"""The one place the application's version comes from.

Installed (including the frozen bundle, which carries the package metadata) the
version is read from the distribution metadata; running from a source tree that
was never installed, it is read from pyproject.toml.
"""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

DISTRIBUTION = "clusterquote"
UNKNOWN = "0+unknown"


def _from_pyproject() -> str | None:
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        with pyproject.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError):
        return None
    value = data.get("project", {}).get("version")
    return value if isinstance(value, str) else None


def version() -> str:
    """The version of ClusterQuote, e.g. ``"0.1.0"``."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return _from_pyproject() or UNKNOWN
