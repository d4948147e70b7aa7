"""The Assumptions sheet says every assumption once, in one table whose header prints on each
page, with the notes of those that differ; their figures stand side by side on a sheet of
their own, a block of configurations a printed page, long values with the notes."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from engine.export import write_quote
from engine.export.assumptions_sheet import HEADER_ROW, MAX_NOTE_LINES
from engine.export.comparison_sheet import PER_BLOCK
from engine.export.labels import Labels
from engine.model import Comparison
from tests.export.quote_fixtures import find_row


def test_shared_once_differing_side_by_side(tmp_path: Path, comparison: Comparison) -> None:
    L = Labels("en")
    book = openpyxl.load_workbook(write_quote(comparison, tmp_path / "q.xlsx"))
    ws, side = book["Assumptions"], book[L("asm.per_config")]
    column_a = [ws[f"A{r}"].value for r in range(1, ws.max_row + 1)]
    side_a = [side[f"A{r}"].value for r in range(1, side.max_row + 1)]
    plans = [p for p in comparison.plans if p.assumptions]
    blocks = -(-len(plans) // PER_BLOCK)  # 15 configurations: 3 blocks
    # one header row for the whole sheet, printed on every page
    assert [ws.cell(HEADER_ROW, c).value for c in range(1, 6)] == [
        L("asm.assumption"), L("asm.unit"), L("asm.value"), L("asm.origin"), L("asm.note")]
    assert ws.print_title_rows == f"$1:${HEADER_ROW}"
    # PUE is 1.5 for every air-cooled configuration: one row, with its value and note
    pue = L.key("facility.pue")
    assert column_a.count(pue) == 1 and pue not in side_a
    row = find_row(ws, "A", pue)
    assert ws[f"C{row}"].value == 1.5 and ws[f"E{row}"].value
    # the rack budget differs (Ampere 20 kW, Hopper 25 kW): a row in every block, and its
    # notes (the source of each generation's figure) once in the table, pointing to the blocks
    rack = L.key("rack_kw")
    assert side_a.count(rack) == blocks and column_a.count(rack) == 1
    assert ws[f"C{find_row(ws, 'A', rack)}"].value == L("asm.per_config")
    # a block a page, each under its own header naming its configurations
    assert len(side.row_breaks.brk) == blocks - 1
    headers = [r for r, v in enumerate(side_a, 1) if v == L("asm.assumption")]
    assert len(headers) == blocks
    assert all(h - 1 in {b.id for b in side.row_breaks.brk} for h in headers[1:])
    # MFU differs in every configuration: a row in each block, and its notes once in the
    # table, the first few and a line saying how many more
    mfu = L.key("mfu")
    assert side_a.count(mfu) == blocks and column_a.count(mfu) == 1
    notes = ws[f"E{find_row(ws, 'A', mfu)}"].value.split("\n")
    assert len(notes) == MAX_NOTE_LINES + 1
    distinct = {a.note for p in plans for a in p.assumptions if a.key.rsplit(".", 1)[-1] == "mfu"}
    assert len(distinct) > MAX_NOTE_LINES
    assert notes[-1].startswith(f"… and {len(distinct) - MAX_NOTE_LINES} more alike")


def test_a_sentence_goes_with_the_notes(tmp_path: Path, comparison: Comparison) -> None:
    L = Labels("zh")
    book = openpyxl.load_workbook(write_quote(comparison, tmp_path / "q.xlsx", lang="zh"))
    ws, side = book["假设"], book[L("asm.per_config")]
    heat = L.key("heat_rejection")
    first_block = find_row(side, "A", heat)
    assert all(side.cell(row=first_block, column=c).value == L("asm.see_notes")
               for c in range(3, 3 + PER_BLOCK))
    under = ws[f"E{find_row(ws, 'A', heat)}"].value
    assert "kW" in under and "联想 SR670 V2 · 4× A100 PCIe: " in under


def test_the_assumptions_read_in_words(tmp_path: Path) -> None:
    """A buyer reads "rear-door heat exchanger cooling" and "no", not the codes rdhx, colo, False."""
    from engine import Facility, Finance, PlanRequest, Schedule, Workload, compare

    request = PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=60, lead_time_days=0),
                          facility=Facility(cooling="rdhx", buy_racks=False),
                          finance=Finance(hosting="colo", ai_enterprise=False),
                          configs=("inspur-nf5688m7-h800", "lenovo-sr680av3-h800"))
    book = openpyxl.load_workbook(write_quote(compare(request), tmp_path / "q.xlsx"))
    shown = {str(cell.value).strip() for ws in book.worksheets
             if ws.title in ("Assumptions", Labels("en")("asm.per_config"))
             for row in ws.iter_rows() for cell in row[1:] if isinstance(cell.value, str | bool)}
    codes = {"rdhx", "colo", "own", "air", "liquid", "True", "False", "wholesale", "cloud",
             "no-known-restriction", "licence-required", "case-by-case", "model", "catalog",
             "request"}
    assert not shown & codes, shown & codes
    assert "rear-door heat exchanger cooling" in shown and "colocation (rented IDC space)" in shown


def test_shares_print_as_percentages(tmp_path: Path) -> None:
    """A buyer reads "VAT 13.0%" and "discount 5.0%", not 0.130 and 0.050: set in the request
    or taken as defaults, a share is a number formatted as a percentage (its value unchanged)."""
    from engine import Finance, PlanRequest, Schedule, Workload, compare

    request = PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=60, lead_time_days=0),
                          finance=Finance(discount=0.05, vat=0.13),
                          configs=("inspur-nf5688m7-h800", "lenovo-sr680av3-h800"))
    ws = openpyxl.load_workbook(write_quote(compare(request), tmp_path / "q.xlsx"))["Assumptions"]
    L = Labels("en")
    rows = {L.key(name): find_row(ws, "A", L.key(name)) for name in ("discount", "vat")}
    for label, row in rows.items():
        cell = ws.cell(row, 3)
        assert cell.number_format == "0.0%", (label, cell.number_format)
    assert ws.cell(rows[L.key("discount")], 3).value == 0.05
    assert ws.cell(rows[L.key("vat")], 3).value == 0.13
    # a default share too: VAT on services, 6 % (resources/assumptions.toml)
    services = [r for r in range(HEADER_ROW + 1, ws.max_row + 1)
                if ws.cell(r, 3).value == 0.06 and ws.cell(r, 3).number_format == "0.0%"]
    assert services
