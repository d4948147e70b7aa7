"""Shared fixtures of the vendor-quotation tests: the sample quotations and their plan."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "quotes"))

from quote_files import PLAN


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
    from engine.compare import compare
    from engine.money.prices import read_price_list, shipped_price_list_path
    from engine.money.snapshot import snapshot_prices
    from engine.planfile import load_plan_document

    doc = load_plan_document(PLAN)
    assert doc.snapshot is not None, "the sample plan is saved with the prices it was quoted with"
    return compare(doc.request, price_list=snapshot_prices(doc.snapshot,
                                                           read_price_list(shipped_price_list_path())))
