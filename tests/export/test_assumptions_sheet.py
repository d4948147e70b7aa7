"""The Assumptions sheet says each shared assumption once and sets only the differing ones
side by side, with long values and per-configuration notes under the blocks."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from engine.export import write_quote
from engine.export.assumptions_sheet import MAX_NOTE_LINES
from engine.export.comparison_sheet import PER_BLOCK
from engine.export.labels import Labels
from engine.model import Comparison
from tests.export.quote_fixtures import find_row


def test_shared_once_differing_side_by_side(tmp_path: Path, comparison: Comparison) -> None:
    L = Labels("en")
    ws = openpyxl.load_workbook(write_quote(comparison, tmp_path / "q.xlsx"))["Assumptions"]
    column_a = [ws[f"A{r}"].value for r in range(1, ws.max_row + 1)]
    plans = [p for p in comparison.plans if p.assumptions]
    blocks = -(-len(plans) // PER_BLOCK)  # 15 configurations: 3 blocks
    # PUE is 1.5 for every air-cooled configuration: one row, with its value and note
    pue = L.key("facility.pue")
    assert column_a.count(pue) == 1
    row = find_row(ws, "A", pue)
    assert ws[f"C{row}"].value == 1.5 and ws[f"E{row}"].value
    # the rack budget differs (Ampere 20 kW, Hopper 25 kW): a row in every block, and its
    # notes (the source of each generation's figure) once below them
    rack = L.key("rack_kw")
    assert column_a.count(rack) == blocks + 1
    # MFU differs in every configuration: a row in each block, and its notes once below,
    # the first few and a line saying how many more
    mfu = L.key("mfu")
    assert column_a.count(mfu) == blocks + 1
    notes = ws[f"B{max(r for r, v in enumerate(column_a, 1) if v == mfu)}"].value.split("\n")
    assert len(notes) == MAX_NOTE_LINES + 1
    distinct = {a.note for p in plans for a in p.assumptions if a.key.rsplit(".", 1)[-1] == "mfu"}
    assert len(distinct) > MAX_NOTE_LINES
    assert notes[-1].startswith(f"… and {len(distinct) - MAX_NOTE_LINES} more alike")


def test_a_sentence_goes_under_the_blocks(tmp_path: Path, comparison: Comparison) -> None:
    L = Labels("zh")
    ws = openpyxl.load_workbook(write_quote(comparison, tmp_path / "q.xlsx", lang="zh"))["假设"]
    heat = L.key("heat_rejection")
    rows = [r for r in range(1, ws.max_row + 1) if ws[f"A{r}"].value == heat]
    first_block = rows[0]
    assert all(ws.cell(row=first_block, column=c).value == L("asm.see_notes")
               for c in range(3, 3 + PER_BLOCK))
    under = ws[f"B{rows[-1]}"].value
    assert "kW" in under and "联想 SR670 V2 · 4× A100 PCIe: " in under


def test_the_assumptions_read_in_words(tmp_path: Path) -> None:
    """A buyer reads "rear-door heat exchanger cooling" and "no", not the codes rdhx, colo, False."""
    from engine import Facility, Finance, PlanRequest, Schedule, Workload, compare

    request = PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=60, lead_time_days=0),
                          facility=Facility(cooling="rdhx", buy_racks=False),
                          finance=Finance(hosting="colo", ai_enterprise=False),
                          configs=("inspur-nf5688m7-h800", "lenovo-sr680av3-h800"))
    ws = openpyxl.load_workbook(write_quote(compare(request), tmp_path / "q.xlsx"))["Assumptions"]
    shown = {str(cell.value).strip() for row in ws.iter_rows() for cell in row[1:]
             if isinstance(cell.value, str | bool)}
    codes = {"rdhx", "colo", "own", "air", "liquid", "True", "False", "wholesale", "cloud",
             "no-known-restriction", "licence-required", "case-by-case", "model", "catalog",
             "request"}
    assert not shown & codes, shown & codes
    assert "rear-door heat exchanger cooling" in shown and "colocation (rented IDC space)" in shown
