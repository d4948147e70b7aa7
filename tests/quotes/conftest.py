"""Shared fixtures of the vendor-quotation tests: the sample quotations and their plan."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "quotes"))

from quote_files import plan_as_quoted


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets an empty user data folder: no remembered mapping, no learned price."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("CLUSTERQUOTE_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def comparison():  # type: ignore[no-untyped-def]
    """The plan as quoted: priced from the snapshot it was saved with, as `reconcile` prices it."""
    return plan_as_quoted()
