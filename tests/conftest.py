import os
import sys
import tempfile
from pathlib import Path

import pytest

# Tests never touch the user's real data folder.
os.environ["CLUSTERQUOTE_DATA_DIR"] = tempfile.mkdtemp(prefix="clusterquote-tests-")
sys.path.insert(0, str(Path(__file__).parent / "engine"))


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets an empty user data folder: no user price list, remembered mapping,
    draft or learned price of another test (beside its tmp_path, which stays its own)."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("CLUSTERQUOTE_DATA_DIR", str(folder))
    return folder
