"""Benchmark of `clusterquote optimise` (prints figures; no timed assertions).

    uv run python tests/bench/bench_optimise.py [--profile]

1. In-process: the variant search and the Monte-Carlo over every configuration (named, so
   that the market's blocked ones are searched too: at least 10,000 variants), 10,000 draws;
   the time of each stage (the plans and the exact designs; the draws, odds and front).
   Target: under 1 s on one core.
2. The whole command against a bare `python -c "import pandas, openpyxl, pydantic"`.
   Target: under 2x.
3. Peak memory of the in-process run. Target: under 500 MB.

--profile prints the 25 costliest functions of the in-process run (cProfile, cumulative).
"""

from __future__ import annotations

import cProfile
import pstats
import resource
import subprocess
import sys
import time
from pathlib import Path

from engine.catalog import load_catalog
from engine.compare import default_configs
from engine.model import PlanRequest, Schedule, Workload
from engine.optimise.risk import draw
from engine.optimise.search import odds, optimise, variant_table

ARGS = ["--preset", "gpt3-175b", "--days", "150", "--draws", "10000", "--format", "json"]


def _wall(cmd: list[str], runs: int = 3) -> tuple[float, float]:
    """The best wall time of ``runs`` and the CPU time (user + system) of that run."""
    best = (float("inf"), float("inf"))
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = min(best, (wall, cpu))
    return best


def main() -> None:
    configs = default_configs(load_catalog())
    request = PlanRequest(workload=Workload(preset="gpt3-175b"), schedule=Schedule(days=150),
                          configs=configs)
    profile = cProfile.Profile() if "--profile" in sys.argv else None
    t, c = time.perf_counter(), time.process_time()
    if profile:
        profile.enable()
    result = optimise(request, draws=10_000, seed=0)
    if profile:
        profile.disable()
    took, cpu = time.perf_counter() - t, time.process_time() - c
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"in-process: {result.variants_evaluated} variants, {result.draws} draws in {took:.2f} s "
          f"wall, {cpu:.2f} s CPU (target < 1 s); front {len(result.front)}; "
          f"peak memory {peak_mb:.0f} MB (target < 500)")
    t0, c0 = time.perf_counter(), time.process_time()
    space = variant_table(request)
    t1, c1 = time.perf_counter(), time.process_time()
    d = draw(10_000, 1)
    odds(space.table, d, 150.0, 0.8)
    t2, c2 = time.perf_counter(), time.process_time()
    print(f"  stages of a second run (its own caches): plans and exact designs {t1 - t0:.2f} s "
          f"wall, {c1 - c0:.2f} s CPU; draws and odds of {len(space.table)} variants "
          f"{t2 - t1:.2f} s wall, {c2 - c1:.2f} s CPU")
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    bare, bare_cpu = _wall([sys.executable, "-c", "import pandas, openpyxl, pydantic"])
    named = [a for c in configs for a in ("--config", c)]
    whole, whole_cpu = _wall([str(Path(sys.executable).parent / "clusterquote"), "optimise",
                              *ARGS, *named], runs=1)
    print(f"whole command: {whole:.2f} s vs bare imports {bare:.2f} s: {whole / bare:.1f}x "
          f"(target < 2x); CPU {whole_cpu:.2f} s vs {bare_cpu:.2f} s: {whole_cpu / bare_cpu:.1f}x")


if __name__ == "__main__":
    main()
