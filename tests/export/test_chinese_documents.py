"""A Chinese document speaks Chinese: the sample plan's comparison quote, its RFQ and the
reconciliation of the sample quotations (tests/fixtures/quotes), written as the command line
writes them, carry no English prose and no internal ids (english_prose.py says what counts).

Left as they are, and said so here: the Sources sheet's citations (they quote English
sources by their own words, to be looked up) and what the vendors wrote in their
quotations (the reconciliation shows it as quoted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.export.english_prose import english_cells, write_documents

# Sources sheet: the catalog's and the price list's citations (columns D and G); the RFQ's
# configuration id (C7, beside the RFQ number), a reference the vendor's reply quotes back so
# reconciliation ties it to what was asked, as the RFQ number is.
_CITATIONS = {("来源", "D"), ("来源", "G")}


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_documents(tmp_path_factory.mktemp("zh"))


def _reference(text: str) -> bool:
    """A cell holding a configuration id alone is the reference an RFQ asks the vendor to
    quote back (beside its label), not prose."""
    from engine.catalog import load_catalog

    return text.strip() in load_catalog().configurations


def _cells(path: Path, *, skip_sheets: tuple[str, ...] = ()) -> list[str]:
    return [f"{sheet}!{ref}: [{hit}] {text[:120]!r}" for sheet, ref, text, hit in english_cells(path)
            if (sheet, ref.rstrip("0123456789")) not in _CITATIONS and sheet not in skip_sheets
            and not _reference(text)]


def test_the_check_finds_english_and_ids() -> None:
    from tests.export.english_prose import english

    assert english("prices saved with the plan on 2024-08-01") == "prices saved with"
    assert english("cable-hdr-aoc") == "cable-hdr-aoc"
    assert english("NVIDIA ConnectX-7 NDR 400G 单端口网卡") is None  # brands and part codes
    assert english("3 年 × 每年设备金额 1,234 CNY 的 1.5%") is None
    assert english("联想 ThinkSystem SR680a V3") is None


def test_the_chinese_rfq_has_no_english_prose(documents: dict[str, Path]) -> None:
    assert _cells(documents["rfq"]) == []


def test_the_chinese_comparison_quote_has_no_english_prose(documents: dict[str, Path]) -> None:
    # the Assumptions sheet's own notes are checked below
    assert _cells(documents["quote"], skip_sheets=("假设",)) == []


def test_the_chinese_assumptions_have_no_english_prose(documents: dict[str, Path]) -> None:
    assert _cells(documents["quote"]) == []


def _quoted(path: Path) -> set[tuple[str, str]]:
    """The cells of a quotation's sheet that show what the vendor wrote: its lines' part
    number, description and remark columns (B, C, J below the lines heading), and the
    columns-read row, whose vendor headers are quoted (checked without them below)."""
    import openpyxl

    from engine.i18n import t

    out: set[tuple[str, str]] = set()
    for ws in openpyxl.load_workbook(path).worksheets:
        heading = next((r for r in range(1, ws.max_row + 1)
                        if ws.cell(row=r, column=1).value == t("recon.lines", "zh")), None)
        if heading is None:
            continue
        out |= {(ws.title, f"{col}{r}") for r in range(heading + 1, ws.max_row + 1)
                for col in "BCJ"}
        out |= {(ws.title, f"B{r}") for r in range(1, heading)
                if ws.cell(row=r, column=1).value == t("recon.mapping", "zh")}
    return out


def test_the_chinese_reconciliation_has_no_english_prose(documents: dict[str, Path]) -> None:
    import re

    import openpyxl

    from engine.i18n import t
    from tests.export.english_prose import english

    path = documents["reconciliation"]
    quoted = _quoted(path)
    assert len(quoted) > 100  # the three quotations' lines were found
    assert [c for c in _cells(path) if tuple(c.split(":")[0].split("!")) not in quoted] == []
    # the columns read: the fields in Chinese; the vendor's headers as written
    for ws in openpyxl.load_workbook(path).worksheets:
        for r in range(1, 20):
            if ws.cell(row=r, column=1).value == t("recon.mapping", "zh"):
                ours = re.sub(r": [^:：，]*\([A-Z]+\)", "", str(ws.cell(row=r, column=2).value))
                assert english(ours) is None, ours
