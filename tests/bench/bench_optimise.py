"""Benchmark of `clusterquote optimise` (prints figures; no timed assertions).

    uv run python tests/bench/bench_optimise.py

1. In-process: the variant search and the Monte-Carlo over every configuration (named, so
   that the market's stopped ones are searched too: at least 10,000 variants), 10,000 draws.
   Target: under 1 s on one core.
2. The whole command against a bare `python -c "import pandas, openpyxl, pydantic"`.
   Target: under 2x.
3. Peak memory of the in-process run. Target: under 500 MB.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

from engine.catalog import load_catalog
from engine.compare import default_configs
from engine.model import PlanRequest, Schedule, Workload
from engine.optimise.search import optimise

ARGS = ["--preset", "gpt3-175b", "--days", "150", "--draws", "10000", "--format", "json"]


def _wall(cmd: list[str]) -> float:
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    configs = default_configs(load_catalog())
    request = PlanRequest(workload=Workload(preset="gpt3-175b"), schedule=Schedule(days=150),
                          configs=configs)
    t = time.perf_counter()
    result = optimise(request, draws=10_000, seed=0)
    took = time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"in-process: {result.variants_evaluated} variants, {result.draws} draws in {took:.2f} s "
          f"(target < 1 s); front {len(result.front)}; peak memory {peak_mb:.0f} MB (target < 500)")
    t0 = time.perf_counter()
    optimise(request, draws=10_000, seed=1)
    print(f"  a second run (another seed, its own caches): {time.perf_counter() - t0:.2f} s")
    bare = _wall([sys.executable, "-c", "import pandas, openpyxl, pydantic"])
    named = [a for c in configs for a in ("--config", c)]
    whole = _wall([str(Path(sys.executable).parent / "clusterquote"), "optimise", *ARGS, *named])
    print(f"whole command: {whole:.2f} s vs bare imports {bare:.2f} s: {whole / bare:.1f}x "
          "(target < 2x)")


if __name__ == "__main__":
    main()
