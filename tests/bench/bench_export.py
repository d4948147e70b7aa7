"""Time the Excel quote: the comparison (shortlist, every BOM), RFQs, a 1 000-line BOM.

Run: uv run python tests/bench/bench_export.py
Target: the comparison workbook in under 1 s. Its Racks picture (one plan's elevation and floor,
drawn with matplotlib) is timed alone too: mostly text, at roughly 0.1 ms a character. Prints
timings; asserts nothing.
"""

from __future__ import annotations

import dataclasses
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from engine import PlanRequest, Schedule, Workload, compare
from engine.catalog import load_catalog
from engine.export import write_quote
from engine.export.racks_png import racks_png
from engine.export.racks_sheet import PICTURE_DPI, shortlisted
from engine.model import CATEGORIES, BomLine, Comparison, Money

REPEATS = 5


def timed(label: str, run: Callable[[], object], repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    best, median = min(times), statistics.median(times)
    print(f"{label:<52} median {median * 1000:8.1f} ms   best {best * 1000:8.1f} ms")
    return median


def thousand_line_bom(comparison: Comparison) -> Comparison:
    """The first priced plan with its BOM grown to 1 000 lines (and Money to match)."""
    plan = next(p for p in comparison.plans if p.money is not None)
    assert plan.money is not None
    lines: list[BomLine] = []
    while len(lines) < 1000:
        for line in plan.bom:
            if len(lines) == 1000:
                break
            n = len(lines) + 1
            lines.append(dataclasses.replace(line, part_number=f"{line.part_number}-{n:04d}",
                                             qty=line.qty % 97 + 1))
    lines.sort(key=lambda line: CATEGORIES.index(line.category))
    old: Money = plan.money
    subtotals = tuple((c, sum(x.total for x in lines if x.category == c)) for c in CATEGORIES)
    services = dict(subtotals)["services"]
    hardware = sum(v for c, v in subtotals if c != "services")
    gross = hardware + services
    discount = gross * old.discount_rate
    net = gross - discount
    vat = (hardware * old.vat_rate + services * old.vat_rate_services) * (1 - old.discount_rate)
    capex = net + vat
    shift = capex - old.capex
    money = dataclasses.replace(
        old, subtotals=subtotals, hardware=hardware, services=services, discount=discount,
        net=net, vat=vat, capex=capex, tco_by_year=tuple(t + shift for t in old.tco_by_year),
        tco=old.tco + shift,
    )
    big = dataclasses.replace(plan, bom=tuple(lines), money=money)
    return dataclasses.replace(comparison, plans=(big,))


def main() -> None:
    start = time.perf_counter()
    comparison = compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30, lead_time_days=0)))
    priced = sum(p.money is not None for p in comparison.plans)
    lines = sum(len(p.bom) for p in comparison.plans)
    print(f"compare(): {len(comparison.plans)} configurations, {priced} priced, {lines} BOM lines,"
          f" {(time.perf_counter() - start) * 1000:.0f} ms (first call, includes loading)")
    big = thousand_line_bom(comparison)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        en = timed("write_quote, comparison (shortlist detailed), en",
                   lambda: write_quote(comparison, out / "all-en.xlsx"))
        timed("write_quote, comparison (shortlist detailed), zh",
              lambda: write_quote(comparison, out / "all-zh.xlsx", lang="zh"))
        every = timed("write_quote, comparison, every BOM (detail=all), en",
                      lambda: write_quote(comparison, out / "every-en.xlsx", detail="all"))
        timed("write_quote, one configuration, 1 000-line BOM",
              lambda: write_quote(big, out / "big.xlsx"))
        rfq = timed("write_quote, RFQ to Inspur (its best), zh",
                    lambda: write_quote(comparison, out / "rfq-zh.xlsx", lang="zh", kind="rfq",
                                        vendor="inspur"))
        timed("write_quote, RFQ to Inspur, every configuration, zh",
              lambda: write_quote(comparison, out / "rfq-all.xlsx", lang="zh", kind="rfq",
                                  vendor="inspur", detail="all"))
        print(f"RFQ workbook: {'within' if rfq < 1.0 else 'OVER'} the 1 s target")
        chosen = shortlisted(comparison)  # the Racks sheet's drawing, part of the comparison
        if chosen is not None:
            catalog = load_catalog()
            for lang in ("en", "zh"):
                timed(f"  of which the racks of {chosen[0].config} (PNG, {lang})",
                      lambda lang=lang: racks_png(chosen[0], catalog, lang, dpi=PICTURE_DPI))
        size = (out / "all-en.xlsx").stat().st_size
    verdict = "within" if en < 1.0 else "OVER"
    print(f"comparison workbook: {size / 1024:.0f} KiB; {verdict} the 1 s target "
          f"(every BOM: {'within' if every < 1.0 else 'OVER'})")


if __name__ == "__main__":
    main()
