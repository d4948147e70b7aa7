"""Price import benchmark: a 100 000-row .xlsx imported through the desktop app.

    uv run python tests/bench/bench_price_import.py [ROWS]

Prints the time to write the workbook, the import's wall time, and the longest the GUI
thread went without processing events while the import ran (its responsiveness: the
import runs in a worker; before it did, the window froze for the whole import).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(rows: int) -> None:
    from tests.engine.hostile_corpus import price_rows, write_xlsx

    with tempfile.TemporaryDirectory() as folder:
        os.environ["CLUSTERQUOTE_DATA_DIR"] = folder
        from PySide6.QtCore import QElapsedTimer, QTimer
        from PySide6.QtWidgets import QApplication

        from desktop.catalog_window import CatalogWindow

        started = time.perf_counter()
        path = write_xlsx(Path(folder) / "big.xlsx", price_rows(rows))
        seconds = time.perf_counter() - started
        print(f"wrote {rows:,} rows ({path.stat().st_size / 1e6:.1f} MB) in {seconds:.1f} s")

        app = QApplication.instance() or QApplication([])
        window = CatalogWindow()
        window.show()
        gaps: list[int] = []
        clock = QElapsedTimer()
        clock.start()

        moments: list[float] = []

        def tick() -> None:  # fires every 10 ms when the event loop is free
            gaps.append(clock.restart())
            moments.append(time.perf_counter())

        timer = QTimer()
        timer.timeout.connect(tick)
        timer.start(10)
        done: list[float] = []
        window.prices_changed.connect(lambda: (done.append(time.perf_counter()), app.quit()))
        started = time.perf_counter()
        window.import_prices(path)
        app.exec()
        timer.stop()
        print(f"imported in {done[0] - started:.1f} s (worker thread)")
        worst = max(range(len(gaps)), key=gaps.__getitem__)
        print(f"GUI thread: {len(gaps)} ticks, longest gap {gaps[worst]} ms, median "
              f"{sorted(gaps)[len(gaps) // 2]} ms (the timer asks for 10 ms); the longest ended "
              f"{moments[worst] - started:.1f} s after the import began")
        print(window.price_source.text().splitlines()[-1])


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
