"""The worst hostile files at full size: how long the command line takes to refuse each, and
its peak memory (the goal: under 5 s and 500 MB whatever the file).

    uv run python tests/bench/bench_hostile.py [CASE ...]

Each case runs `clusterquote` in a fresh process (so its peak resident memory is its own)
and prints the file's size, the exit code, the seconds, the peak memory and the line it
printed. Making the files takes longer than refusing them (a 2 GiB shared string is
compressed to 2 MB first).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "fuzz"))
sys.path.insert(0, str(ROOT / "tests" / "engine"))

from hostile_quotes import (  # noqa: E402
    PLAN,
    PRICE_HEADER,
    csv_of,
    price_sheet,
    rows_behind_a_stale_dimension,
    shared_string_of,
    wide_rows,
)

RECONCILE = ["reconcile", str(PLAN), "--quote"]
PRICED = ["plan", "--preset", "gpt3-175b", "--days", "30", "--price-list"]
# name -> (file maker, suffix, the command line before the file)
CASES: dict[str, tuple[Callable[[Path], Path], str, list[str]]] = {
    "baseline (start-up): a two-line quotation": (csv_of("Part Number,Qty,Unit Price\nX1,1,10\n"), ".csv",
                                                 RECONCILE),
    "quote: 1,000,000 rows behind a stale <dimension>": (rows_behind_a_stale_dimension(1_000_000), ".xlsx",
                                                         RECONCILE),
    "quote: 20,000 rows x 16,384 cells": (wide_rows(20_000, 16_384), ".xlsx", RECONCILE),
    "quote: 300 rows x 16,384 cells (within the unpacked size)": (wide_rows(300, 16_384), ".xlsx", RECONCILE),
    "quote: a 2 GiB shared string in a small file": (shared_string_of(2 << 30), ".xlsx", RECONCILE),
    "quote: a CSV of a million columns": (csv_of("1," * 1_000_000 + "\n"), ".csv", RECONCILE),
    "prices: 20,000 rows x 16,384 cells": (price_sheet(20_000, 16_384), ".xlsx", PRICED),
    "prices: 20,000 rows x 200 cells": (price_sheet(20_000, 200), ".xlsx", PRICED),
    "prices: a CSV of a million columns": (csv_of(",".join(PRICE_HEADER) + ",x" * 1_000_000 + "\n"), ".csv",
                                           PRICED),
}


def run(argv: list[str]) -> tuple[int, float, float, str]:
    """Exit code, wall seconds, peak resident MB and stderr of one command-line run."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", "import sys; from engine.cli import main; "
                                "sys.exit(main(sys.argv[1:]))", *argv],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    assert process.stderr is not None
    err = process.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    return process.returncode, seconds, usage.ru_maxrss / 1024, err.strip()  # ru_maxrss is KB on Linux


def main(chosen: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["CLUSTERQUOTE_DATA_DIR"] = folder
        for n, (name, (make, suffix, argv)) in enumerate(CASES.items()):
            if chosen and not any(c in name for c in chosen):
                continue
            started = time.perf_counter()
            path = make(Path(folder) / f"case-{n}{suffix}")
            made = time.perf_counter() - started
            code, seconds, peak_mb, said = run([*argv, str(path)])
            print(f"{name}\n    file {path.stat().st_size / 1e6:.1f} MB (made in {made:.1f} s); "
                  f"exit {code} in {seconds:.2f} s, peak {peak_mb:.0f} MB\n    {said[:200]}")
            path.unlink()


if __name__ == "__main__":
    main(sys.argv[1:])
