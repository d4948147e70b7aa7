"""Fuzz tests share their runner from fuzz_support beside this file."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
