"""The hostile corpus: files that once crashed or silently broke ClusterQuote.

Small files live in tests/fixtures/hostile/; the ones too big to keep in git, or that
are not files at all (a FIFO, /dev/zero, a folder), are made in a temporary folder by
``materialise``. CLI tests (tests/engine/test_hostile.py) and GUI tests
(tests/desktop/test_gui_hostile.py) load every one of them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

HOSTILE = Path(__file__).parents[1] / "fixtures" / "hostile"
VALID_PLAN = {
    "format": "clusterquote-plan", "version": 1,
    "request": {"workload": {"preset": "gpt3-175b"}, "schedule": {"days": 30.0, "lead_time_days": 0.0}},
    "quote": {"customer": "ACME", "quote_no": "Q-1"},
}

# plan file -> what the one-line refusal must say (a regular expression)
REFUSED_PLANS: dict[str, str] = {
    "int-4301-digits.cqplan": r"4301 characters",
    "gpus-400-digits.cqplan": r"400 characters",
    "nan.cqplan": r"NaN",
    "infinity.cqplan": r"Infinity",
    "float-1e400.cqplan": r"1e400 is too large",
    "years-1e300.cqplan": r"finance\.years .*at most 30",
    "mfu-1e-10-goodput-1e-320.cqplan": r"efficiency\.mfu .*at least 0\.01",
    "exchange-rate-1e-300.cqplan": r"finance\.exchange_rate",
    "customer-5000-chars.cqplan": r"customer .*at most 200 characters",
    "binary.cqplan": r"not (a )?text",
    "truncated.cqplan": r"not valid JSON",
    "customer-lone-surrogate.cqplan": r"quote\.customer is not plain text: .*U\+D800",
    "override-description-surrogate.cqplan": r"overrides\[0\]\.description is not plain text",
    # made by materialise()
    "nested-200000.cqplan": r"nests deeper than 32 levels",
    "customer-10mb.cqplan": r"more than the 1 MB allowed",
    "fifo.cqplan": r"not a regular file",
    "dev-zero.cqplan": r"not a regular file",
    "folder.cqplan": r"folder",
}
# plan files that must open: Notepad's UTF-8 BOM, Chinese Windows' GB18030, extreme but legal
ACCEPTED_PLANS = ("utf8-bom.cqplan", "gb18030.cqplan", "flops-1e30-one-gpu.cqplan")


def materialise(folder: Path) -> Path:
    """Copy the corpus into ``folder`` and add the generated cases; return ``folder``."""
    for source in HOSTILE.iterdir():
        shutil.copyfile(source, folder / source.name)
    depth = 200_000
    (folder / "nested-200000.cqplan").write_text("[" * depth + "]" * depth, encoding="ascii")
    big = {**VALID_PLAN, "quote": {"customer": "A" * 10_000_000, "quote_no": ""}}
    (folder / "customer-10mb.cqplan").write_text(json.dumps(big), encoding="ascii")
    os.mkfifo(folder / "fifo.cqplan")  # nobody writes: reading it would wait for ever
    os.symlink("/dev/zero", folder / "dev-zero.cqplan")  # reading it would fill the memory
    (folder / "folder.cqplan").mkdir()
    return folder


def refused_plan_cases() -> list[tuple[str, str]]:
    return sorted(REFUSED_PLANS.items())


# ---------------------------------------------------------------- price lists


def price_rows(count: int) -> list[list[object]]:
    """The shipped price list's rows, the header first, repeated with new ids up to ``count`` rows."""
    import csv

    from engine.money.prices import shipped_price_list_path

    with shipped_price_list_path().open(encoding="utf-8-sig", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    out: list[list[object]] = [list(header)]
    n = 0
    while len(out) <= count:
        row = list(rows[n % len(rows)])
        if n >= len(rows):
            row[0] = f"{row[0]}-x{n}"
        row[5] = float(row[5])
        out.append(row)
        n += 1
    return out


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("prices")
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def with_stale_dimension(path: Path, dimension: str = "A1:J10") -> Path:
    """Rewrite the sheet's <dimension> tag as a generator that forgot to update it would."""
    tmp = path.with_suffix(".tmp.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                text = data.decode("utf-8")
                if "<dimension" in text:
                    text = re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{dimension}"/>', text)
                else:
                    text = text.replace("<sheetData", f'<dimension ref="{dimension}"/><sheetData', 1)
                data = text.encode("utf-8")
            out.writestr(info, data)
    tmp.replace(path)
    return path


def numbers(data: Any) -> list[float]:
    """Every number in a JSON document, for asserting that all are finite."""
    if isinstance(data, bool):
        return []
    if isinstance(data, int | float):
        return [float(data)]
    if isinstance(data, dict):
        return [n for v in data.values() for n in numbers(v)]
    if isinstance(data, list):
        return [n for v in data for n in numbers(v)]
    return []
