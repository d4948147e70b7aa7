"""The quote lists a configured system's parts under it and names the sources of the new records."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from engine import PlanRequest, Schedule, Workload, compare
from engine.catalog import load_catalog
from engine.export import write_quote
from engine.model import Finance
from engine.money.prices import load_price_list
from tests.export.quote_fixtures import bom_sheet_name, find_row


def test_components_under_the_system_and_sources_of_storage_and_market_rules(tmp_path: Path) -> None:
    comparison = compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(gpus=256),
                                     finance=Finance(purchase_date="2026-01-01"),
                                     configs=("inspur-nf5688m7-h800",)))
    plan = comparison.plans[0]
    path = write_quote(comparison, tmp_path / "q.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb[bom_sheet_name(wb, plan.config)]
    system = find_row(ws, "B", plan.bom[0].part_number)
    assert ws[f"D{system}"].value == plan.nodes
    # the parts follow, numbered under the system, with per-system quantities and no price
    parts = plan.bom[0].components
    for k, part in enumerate(parts, 1):
        row = system + k
        assert ws[f"A{row}"].value == f"1.1.{k}"
        assert ws[f"D{row}"].value == part.qty
        assert ws[f"E{row}"].value is None and ws[f"F{row}"].value is None
    # the compute category holds the one system line: its subtotal follows the parts
    assert str(ws[f"C{system + len(parts) + 1}"].value).startswith("Subtotal")
    # Sources names each part by its price-list description (no ids), and the market rule
    sources = wb["Sources"]
    names = {sources[f"A{r}"].value for r in range(1, sources.max_row + 1)}
    entries = load_price_list().entries
    wanted = ("inspur-as13000-nvme", "inspur-nf5280m7-mgmt", "slurm", "warranty")
    lines = {line.item: line for line in plan.bom}
    assert set(wanted) <= set(lines)
    assert {entries[i].description_en if i in entries else lines[i].description_en
            for i in wanted} <= names
    assert load_catalog().availability["cn-2023-10-a800-h800-l40s"].rule in names
    assert not {item for item in wanted if item in names}
