"""What overrides and price snapshots cost: planning with and without overrides, saving a
plan with its snapshot, reopening it, and the re-pricing diff.

    uv run python tests/bench/bench_overrides.py

Prints medians over repeated runs; the app saves, reopens and re-prices on a click, so
each should stay well under the 100 ms of a re-plan.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from engine.catalog import catalog_version
from engine.compare import compare
from engine.model import LineOverride, PlanRequest, Schedule, Workload
from engine.money.prices import PriceList, load_price_list
from engine.money.reprice import diff_comparisons
from engine.money.snapshot import snapshot_prices, take_snapshot
from engine.planfile import load_plan_document, save_plan

RUNS = 30


def median_ms(work: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    prices = load_price_list()
    plain = PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30.0, lead_time_days=0))
    first = compare(plain, price_list=prices)
    overrides = tuple(LineOverride(p.config, line.item, qty=line.qty + 1)
                      for p in first.plans for line in p.bom[:4])
    edited = replace(plain, overrides=overrides)
    comparison = compare(edited, price_list=prices)
    snap = take_snapshot(comparison, prices, saved="2026-01-01T00:00:00Z",
                         catalog_version=catalog_version())
    entries = {k: replace(v, unit_price=v.unit_price * 1.1) for k, v in prices.entries.items()}
    today = PriceList("today", entries)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.cqplan"
        figures = {
            f"plan {len(first.plans)} configurations, no overrides": median_ms(
                lambda: compare(plain, price_list=prices)),
            f"plan with {len(overrides)} overrides": median_ms(
                lambda: compare(edited, price_list=prices)),
            "take the snapshot": median_ms(lambda: take_snapshot(
                comparison, prices, saved="2026-01-01T00:00:00Z", catalog_version=catalog_version())),
            "save the plan with its snapshot": median_ms(lambda: save_plan(edited, path, snapshot=snap)),
            "reopen it": median_ms(lambda: load_plan_document(path)),
            "re-price: plan twice and diff": median_ms(lambda: diff_comparisons(
                compare(edited, price_list=snapshot_prices(snap, today)),
                compare(edited, price_list=today))),
        }
        size = path.stat().st_size
    for name, ms in figures.items():
        print(f"{name:<42} median {ms:6.2f} ms over {RUNS} runs")
    print(f"plan file with {len(snap.entries)} snapshot entries and {len(overrides)} overrides: "
          f"{size / 1024:.1f} KiB")


if __name__ == "__main__":
    main()
