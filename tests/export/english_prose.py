"""English prose and internal ids left in a Chinese document: the check behind
test_chinese_documents.py, and a count to run by hand:

    uv run python -m tests.export.english_prose [--list]

writes the sample plan's Chinese comparison quote, its RFQ to Lenovo and the reconciliation
of the three sample quotations (tests/fixtures/quotes), and prints how many cells of each carry
English prose.
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "quotes"
PLAN = FIXTURES / "h800_plan.cqplan"
QUOTES = ("lenovo_dcsc_export.xlsx", "inspur_quotation_zh.xlsx", "messy_reseller_quote.xlsx")

# Words that stay as they are in a Chinese document: brands, products, standards, units.
ALLOWED = {
    "nvidia", "hgx", "dgx", "nvlink", "nvswitch", "infiniband", "ethernet", "roce", "ndr", "hdr",
    "xdr", "edr", "connectx", "bluefield", "quantum", "spectrum", "ufm", "ai", "enterprise",
    "lenovo", "thinksystem", "inspur", "ieisystem", "ieit", "nf", "sr", "xeon", "platinum", "gold",
    "epyc", "amd", "intel", "hopper", "ampere", "ada", "blackwell", "sxm", "sxm4", "sxm5", "pcie",
    "gen", "osfp", "qsfp", "qsfp56", "qsfp112", "aoc", "dac", "acc", "sr4", "dr4", "mpo", "lc",
    "om4", "sm", "mm", "pdu", "pdus", "rdhx", "cdu", "ups", "iec", "c13", "c14", "c19", "c20",
    "bmc", "ipmi", "oob", "nvme", "ssd", "hdd", "sata", "sas", "m.2", "u.2", "raid", "ddr5", "ddr4",
    "rdimm", "dimm", "gb", "tb", "pb", "gbps", "gb/s", "tb/s", "w", "kw", "kva", "mw", "kwh", "u",
    "m", "kg", "v", "a", "hz", "bf16", "fp8", "fp16", "tf32", "fp32", "mfu", "pue", "tco",
    "capex", "opex", "vat", "usd", "cny", "rmb", "ddn", "exascaler", "vast", "weka", "lustre",
    "gpfs", "ibm", "dell", "hpe", "supermicro", "slurm", "kubernetes", "ubuntu", "linux", "rhel",
    "cuda", "nccl", "hpl", "mlperf", "gpt", "llama", "bsd", "gpl", "mit", "apache", "h100", "h800",
    "h200", "h20", "a100", "a800", "l40s", "l20", "b200", "b100", "gb200", "x", "xlsx", "pdf",
    "csv", "toml", "json", "cqplan", "id", "sku", "pn", "hca", "hcas", "nic", "nics", "cpu", "cpus",
    "gpu", "gpus", "psu", "psus", "tp", "pp", "dp", "ep", "moe", "pf/s", "pf/s-days", "flops",
    "of", "and", "the",  # three of these alone are not prose: "NVIDIA AI Enterprise"
}
_WORD = re.compile(r"[A-Za-z][A-Za-z'/.+-]*[A-Za-z0-9]|[A-Za-z]")
_RUN = re.compile(r"[A-Za-z][A-Za-z0-9'/.+-]*(?:[ ,;:()]+[A-Za-z][A-Za-z0-9'/.+-]*)+")
# An internal id: lower-case words joined by hyphens ("cable-hdr-aoc", "inspur-nf5688m7-h800").
_ID = re.compile(r"\b[a-z][a-z0-9]*(?:-[a-z0-9]+){2,}\b")
_PATHS = re.compile(r"\b(?:resources|tests|engine)/[\w./-]+|\S+@\S+|https?://\S+")


def _is_word(token: str) -> bool:
    """A prose word: letters only, lower case or capitalised, not on the allow-list."""
    plain = token.strip(".,;:()'").lower()
    if not plain or plain in ALLOWED or any(ch.isdigit() for ch in plain):
        return False
    if token.isupper() and len(token) > 1:  # an acronym or a part code
        return False
    return plain.isalpha() or bool(re.fullmatch(r"[a-z]+(?:[-'][a-z]+)*", plain))


def english(text: str) -> str | None:
    """The first run of three or more English prose words in ``text``, or an internal id."""
    text = _PATHS.sub(" ", text)
    ident = _ID.search(text)
    if ident:
        return ident.group(0)
    for run in _RUN.finditer(text):
        words = [w for w in re.split(r"[ ,;:()]+", run.group(0)) if w]
        streak: list[str] = []
        for word in words:
            streak = [*streak, word] if _is_word(word) else []
            if len(streak) >= 3:
                return " ".join(streak)
    return None


def english_cells(path: Path) -> Iterator[tuple[str, str, str, str]]:
    """(sheet, cell, text, the English found) for every string cell of ``path`` with prose."""
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and not cell.value.startswith("="):
                    found = english(cell.value)
                    if found:
                        yield ws.title, cell.coordinate, cell.value, found


def write_documents(folder: Path) -> dict[str, Path]:
    """The three Chinese documents of the sample plan, written as the command line writes them."""
    from engine.cli import main

    out = {name: folder / f"{name}_zh.xlsx" for name in ("quote", "rfq", "reconciliation")}
    assert main(["quote", str(PLAN), "--lang", "zh", "--out", str(out["quote"])]) == 0
    assert main(["quote", str(PLAN), "--lang", "zh", "--kind", "rfq", "--vendor", "Lenovo",
                 "--out", str(out["rfq"])]) == 0
    quotes = [arg for q in QUOTES for arg in ("--quote", str(FIXTURES / q))]
    assert main(["reconcile", str(PLAN), *quotes, "--lang", "zh",
                 "--out", str(out["reconciliation"])]) == 0
    return out


if __name__ == "__main__":
    import contextlib
    import io

    with tempfile.TemporaryDirectory() as tmp, contextlib.redirect_stdout(io.StringIO()) as log:
        docs = write_documents(Path(tmp))
        found = {name: list(english_cells(path)) for name, path in docs.items()}
    del log
    for name, cells in found.items():
        print(f"{name}: {len(cells)} cells with English prose or internal ids")
        if "--list" in sys.argv:
            for sheet, ref, text, hit in cells:
                print(f"    {sheet}!{ref}: [{hit}] {text[:140]!r}")
