"""Properties of reconciling any quotation written from a plan: what is changed is found, nothing else."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.quotes import compare_quotes, read_quote, reconcile
from engine.quotes.matching import SPARE, plain_item, pooled


def _write(path: Path, rows: list[tuple[str, str, int, float, str]], vat_included: bool) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["Inspur quotation"])
        out.writerow(["Currency: CNY; prices " + ("include VAT" if vat_included else "exclude VAT")])
        out.writerow(["Part number", "Description", "Qty", "Unit price", "Total"])
        for part, desc, qty, price, category in rows:
            # VAT included: goods at 13%, services at 6%, as China taxes them
            factor = (1.06 if category == "services" else 1.13) if vat_included else 1.0
            out.writerow([part, desc, qty, f"{price * factor:,.2f}", f"{qty * price * factor:,.2f}"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), vat_included=st.booleans())
def test_dropped_and_changed_lines_are_found_and_totals_add_up(comparison: Any, data: Any,
                                                               vat_included: bool) -> None:
    plan = next(p for p in comparison.plans if p.vendor == "Inspur")
    # the plan's lines as a vendor lists them: each item once, spares apart (and said so)
    bom = list(pooled(plan.bom))
    bought = [b.item for b in bom[1:] if b.unit_price > 0]  # open-source software costs nothing
    # A part's main line and its spares are pooled before quantities are compared, so one
    # example touches each part once: dropping the spares and changing the main line of the
    # same part is one quantity difference on the part, not a missing line and a change.
    dropped = data.draw(st.sets(st.sampled_from(bought), max_size=4)
                        .filter(lambda s: len({plain_item(i) for i in s}) == len(s)))
    touched = {plain_item(i) for i in dropped}
    changed = data.draw(st.sets(st.sampled_from([i for i in (bom[0].item, *bought)
                                                 if plain_item(i) not in touched]), max_size=3)
                        .filter(lambda s: len({plain_item(i) for i in s}) == len(s)))
    rows, expected_total = [], 0.0
    for b in bom:
        if b.item in dropped:
            continue
        qty = b.qty + 1 if b.item in changed else b.qty
        desc = f"Spare {b.description_en}" if b.item.startswith(SPARE) else b.description_en
        rows.append((b.part_number if b.part_number != plain_item(b.item) else "", desc, qty, b.unit_price,
                     b.category))
        expected_total += qty * b.unit_price
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "q.csv"
        _write(path, rows, vat_included)
        rec = reconcile(comparison, read_quote(path))
    found = {(f.kind, f.item) for f in rec.findings}
    assert found == {("missing", i) for i in dropped} | {("qty_mismatch", i) for i in changed}
    assert rec.computed_total == pytest.approx(expected_total, rel=1e-6, abs=1)
    like = compare_quotes(comparison, [rec])
    (totals,) = like.vendors
    adjusted = rec.computed_total + sum(a.amount for a in totals.adjustments)
    assert totals.normalised_total == pytest.approx(adjusted)
    assert sum(v for _, v in totals.by_category) == pytest.approx(totals.normalised_total, abs=0.05)
    # brought back to the plan's scope at the plan's own prices, the quotation costs what the plan does
    assert totals.normalised_total == pytest.approx(sum(b.total for b in bom), rel=1e-6, abs=1)
