"""Whatever is saved reopens: the snapshot keeps the entries pricing reads, not the whole
list, and a plan too large for the reader is refused at save and never written."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from engine.bounds import limit
from engine.compare import compare
from engine.model import LineOverride, PlanRequest, Schedule, Workload
from engine.money.prices import read_price_list, with_fallback
from engine.money.snapshot import snapshot_prices
from engine.planfile import PlanFileError, load_plan_document, save_plan
from tests.engine.hostile_corpus import price_rows
from tests.fuzz.fuzz_support import run_cli

A800 = "inspur-nf5688m6-a800"


@pytest.fixture(scope="module")
def big_list(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("prices") / "prices-100000.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(price_rows(100_000))
    return path


@pytest.mark.timeout(300)
def test_a_plan_priced_from_100000_rows_saves_and_reopens_with_its_totals(big_list: Path,
                                                                          tmp_path: Path) -> None:
    saved = tmp_path / "big.cqplan"
    argv = ["plan", "--preset", "gpt3-175b", "--days", "30", "--lead-time-days", "0",
          "--price-list", str(big_list),
            "--save", str(saved), "--format", "json"]
    outcome = run_cli(argv)  # reading 100 000 rows takes a while: no time limit here
    assert outcome.code == 0 and outcome.err == "", outcome.err
    assert saved.stat().st_size <= limit("files.plan_max_bytes")
    document = load_plan_document(saved)  # it opens again
    assert document.snapshot is not None
    assert 10 < len(document.snapshot.entries) < 200  # what 15 plans are priced from, of 100 000
    prices = with_fallback(read_price_list(big_list))
    reopened = compare(document.request, price_list=snapshot_prices(document.snapshot, prices))
    quoted = json.loads(outcome.out)["plans"]
    assert [round(p.money.capex, 2) if p.money else None for p in reopened.plans] == \
        [round(p["capex"], 2) if p["capex"] is not None else None for p in quoted]


def test_a_plan_too_large_to_reopen_is_refused_at_save_and_not_written(tmp_path: Path) -> None:
    many = tuple(LineOverride(A800, f"extra-{n}", qty=1, unit_price=100.0, added=True,
                              category="services", description="Site work " + "x" * 300)
                 for n in range(4000))  # about 2 MB of overrides
    request = PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30), configs=(A800,), overrides=many)
    target = tmp_path / "huge.cqplan"
    with pytest.raises(PlanFileError, match=r"huge\.cqplan: it would be 2\.\d+ MB, more than the 1 MB .*"
                                            r"4,000 line overrides"):
        save_plan(request, target)
    assert list(tmp_path.iterdir()) == []  # neither the plan nor a temporary file
