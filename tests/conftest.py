import os
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest

from engine.model import Comparison, Finance
from tests.shared import GPT3_30_DAYS

# Tests never touch the user's real data folder.
os.environ["CLUSTERQUOTE_DATA_DIR"] = tempfile.mkdtemp(prefix="clusterquote-tests-")


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets an empty user data folder: no user price list, remembered mapping,
    draft or learned price of another test (beside its tmp_path, which stays its own)."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("CLUSTERQUOTE_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def comparison() -> Comparison:
    """GPT-3 175B in 30 days on every configuration: the comparison most tests read."""
    from engine.compare import compare

    return compare(GPT3_30_DAYS)


@pytest.fixture(scope="session")
def discounted_comparison() -> Comparison:
    """The same comparison at 15% off list."""
    from engine.compare import compare

    return compare(replace(GPT3_30_DAYS, finance=Finance(discount=0.15)))
