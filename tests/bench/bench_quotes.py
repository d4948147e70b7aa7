"""Time importing a 1 000-line vendor quotation and reconciling it with its plan.

    uv run python tests/bench/bench_quotes.py

Target on the 2-core reference machine: read + reconcile + like for like under 1 s.
The quotation is written here: the plan's H800 BOM lines, repeated with numbered
descriptions (as a site-by-site quotation lists them), one configured-system block
per 20 lines, a subtotal per 100 lines, VAT and a grand total.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from engine.compare import compare
from engine.money.prices import read_price_list, shipped_price_list_path
from engine.planfile import load_plan
from engine.quotes import compare_quotes, read_quote, reconcile

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "quotes" / "h800_plan.cqplan"
LINES = 1000


def write_quote(path: Path, bom: list[tuple[str, str, int, float]]) -> int:
    book = Workbook()
    ws = book.active
    ws.append(["浪潮电子信息产业股份有限公司"])
    ws.append(["报价单号：BENCH-1000", None, "日期：2024-08-20"])
    ws.append(["币种：人民币（元），以下价格不含税"])
    ws.append(["序号", "型号", "配置描述", "数量", "单价（元）", "金额（元）"])
    written, section, total = 0, 0.0, 0.0
    while written < LINES:
        for part, desc, qty, price in bom:
            if written >= LINES:
                break
            site = written // len(bom) + 1
            ws.append([written + 1, part, f"{desc} (site {site})", qty, price, qty * price])
            section += qty * price
            written += 1
            if written % 100 == 0:
                ws.append(["小计", None, None, None, None, section])
                total += section
                section = 0.0
            elif written % 20 == 0:  # a configured system with its components beneath
                ws.append([None, "H800 SXM5 80GB", "NVIDIA H800 SXM5 80GB GPU 模组", 8])
                written += 1
    total += section
    ws.append(["合计（不含税）", None, None, None, None, total])
    ws.append(["增值税 13%", None, None, None, None, round(total * 0.13, 2)])
    book.save(path)
    return written


def main() -> None:
    comparison = compare(load_plan(PLAN), price_list=read_price_list(shipped_price_list_path()))
    plan = next(p for p in comparison.plans if p.vendor == "Inspur")
    bom = [(b.part_number, b.description_zh, b.qty, b.unit_price) for b in plan.bom]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "quote-1000.xlsx"
        lines = write_quote(path, bom)
        samples: dict[str, list[float]] = {"read": [], "reconcile": [], "like for like": [], "total": []}
        for _ in range(5):
            start = time.perf_counter()
            quote = read_quote(path)
            read = time.perf_counter()
            rec = reconcile(comparison, quote)
            matched = time.perf_counter()
            compare_quotes(comparison, [rec])
            end = time.perf_counter()
            for key, value in (("read", read - start), ("reconcile", matched - read),
                               ("like for like", end - matched), ("total", end - start)):
                samples[key].append(value * 1000)
    print(f"{lines} lines ({len(quote.lines)} read, {len(quote.sums)} sum rows), "
          f"{len(rec.findings)} findings")
    for key, values in samples.items():
        print(f"{key:14} median {statistics.median(values):7.1f} ms  max {max(values):7.1f} ms")
    total = statistics.median(samples["total"])
    print(f"target 1000 ms: {'ok' if total < 1000 else 'OVER'}")
    sys.exit(0)


if __name__ == "__main__":
    main()
