import os
import sys
import tempfile
from pathlib import Path

# Tests never touch the user's real data folder.
os.environ["CLUSTERQUOTE_DATA_DIR"] = tempfile.mkdtemp(prefix="clusterquote-tests-")
sys.path.insert(0, str(Path(__file__).parent / "engine"))
