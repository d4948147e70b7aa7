"""GPU market status as of the purchase date, and what the recommendation skips."""

from __future__ import annotations

from dataclasses import replace

import pytest

from engine.catalog import load_catalog
from engine.compare import compare, recommend
from engine.model import Finance, PlanRequest, Schedule, Workload
from engine.money.availability import market_status, purchase_date


@pytest.mark.parametrize(("gpu", "as_of", "status", "since"), [
    # A100: no recorded rule before the US notice of 2022-08-26, a licence from that day on
    ("a100-sxm4-80gb", "2022-08-25", "no-known-restriction", None),
    ("a100-sxm4-80gb", "2022-08-26", "licence-required", "2022-08-26"),
    # and under the October 2023 rule from 2023-10-23
    ("a100-sxm4-80gb", "2024-01-01", "licence-required", "2023-10-23"),
    # A800 and H800 were made for China and sold there until the rule of October 2023
    ("a800-sxm4-80gb", "2023-10-22", "no-known-restriction", None),
    ("h800-sxm5-80gb", "2023-10-23", "licence-required", "2023-10-23"),
    # H20: licence from 2025-04-09; since the reports of 2025-07 nobody here knows for sure
    ("h20-96gb", "2025-05-01", "licence-required", "2025-04-09"),
    ("h20-96gb", "2026-01-01", "unsure", "2025-07-15"),
    # A40: no rule recorded at all: unknown, never assumed free to buy
    ("a40-48gb", "2026-01-01", "unknown", None),
])
def test_status_as_of_the_date(gpu: str, as_of: str, status: str, since: str | None) -> None:
    got = market_status(load_catalog(), gpu, "CN", as_of)
    assert (got.status, got.since, got.as_of) == (status, since, as_of)
    assert got.restricted == (status == "licence-required")
    if status != "unknown":
        assert got.source  # every rule names its source


def test_other_markets_are_unknown_not_free() -> None:
    assert market_status(load_catalog(), "h100-sxm5-80gb", "DE", "2026-01-01").status == "unknown"
    request = PlanRequest(Workload(preset="gpt3-xl"), Schedule(gpus=8), configs=("inspur-nf5688m6-a800",),
                          finance=Finance(market="cn", purchase_date="2026-01-01"))
    status = compare(request).plans[0].availability
    assert status is not None and (status.market, status.status) == ("CN", "licence-required")
    from engine.errors import RequestError

    with pytest.raises(RequestError, match="two-letter"):
        compare(replace(request, finance=Finance(market="China")))


def test_purchase_date_defaults_to_today_and_is_checked() -> None:
    import datetime as dt

    from engine.errors import RequestError

    assert purchase_date(None, dt.date(2026, 3, 1)) == "2026-03-01"
    assert purchase_date("2024-02-29", dt.date(2026, 3, 1)) == "2024-02-29"
    with pytest.raises(RequestError):
        purchase_date("29/02/2024", dt.date(2026, 3, 1))


def test_restricted_gpu_is_warned_and_skipped() -> None:
    request = PlanRequest(Workload(preset="gpt3-xl"), Schedule(days=30, lead_time_days=0),
                          finance=Finance(purchase_date="2026-01-01"),
                          configs=("inspur-nf5688m6-a800", "lenovo-sr670v2-a40"))
    comparison = compare(request)
    a800, a40 = comparison.plans
    assert a800.warnings[0].code == "export-licence"  # first: it can stop the purchase
    assert "2023-10-23" in a800.warnings[0].text
    assert a40.warnings[0].code == "availability-unknown"
    rec = comparison.recommendation
    assert "inspur-nf5688m6-a800" not in (rec.cheapest_meeting_deadline, rec.fastest, rec.lowest_tco)
    assert [c for c, _ in rec.skipped] == ["inspur-nf5688m6-a800"]
    assert "export licence" in rec.skipped[0][1]
    # before the rule, nothing is skipped
    early = compare(replace(request, finance=Finance(purchase_date="2023-06-01")))
    assert early.recommendation.skipped == ()
    assert early.plans[0].availability is not None
    assert early.plans[0].availability.status == "no-known-restriction"


def test_when_every_plan_is_restricted_the_recommendation_says_so() -> None:
    comparison = compare(PlanRequest(Workload(preset="gpt3-xl"), Schedule(days=30, lead_time_days=0),
                                     finance=Finance(purchase_date="2026-01-01"),
                                     configs=("inspur-nf5688m6-a800", "inspur-nf5688m7-h800")))
    rec = comparison.recommendation
    assert rec.skipped == () and "export licence" in rec.note
    assert rec.lowest_tco is not None
    assert recommend((), None).note == ""


def test_a_refused_plan_still_carries_its_gpus_market_status() -> None:
    # 8 A800s cannot hold GPT-3 175B: the plan is refused, its GPU's status is still given
    plan = compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(gpus=8),
                               finance=Finance(purchase_date="2026-01-01"),
                               configs=("inspur-nf5688m6-a800",))).plans[0]
    assert not plan.feasible
    assert plan.availability is not None and plan.availability.status == "licence-required"


@pytest.mark.parametrize(("gpu", "as_of", "export", "imported", "group"), [
    # H100 under the 2023 rule: a licence under a presumption of denial; no import rule yet
    ("h100-sxm5-80gb", "2024-06-01", "licence-required", "unsure", "blocked"),
    # the BIS rule in force 2026-01-15 moves lesser chips than the H200 to case-by-case review
    ("h100-sxm5-80gb", "2026-01-15", "case-by-case", "unsure", "unsure"),
    ("h100-sxm5-80gb", "2026-01-14", "licence-required", "unsure", "blocked"),
    # China-market parts: whether the rule covers them is not established
    ("h800-sxm5-80gb", "2026-12-07", "unsure", "unsure", "unsure"),
    # no export rule at all: never free to buy
    ("a40-48gb", "2026-12-07", "unsure", "unsure", "unsure"),
])
def test_two_gates_each_dated(gpu: str, as_of: str, export: str, imported: str, group: str) -> None:
    got = market_status(load_catalog(), gpu, "CN", as_of)
    assert (got.export_status, got.import_status, got.group) == (export, imported, group)
    assert got.restricted == (export == "licence-required")
    # the history holds every rule for the GPU in the market, at most one in force per gate
    assert [e.since for e in got.history] == sorted(e.since for e in got.history)
    in_force = [e for e in got.history if e.in_force]
    assert len({e.gate for e in in_force}) == len(in_force)
    assert all(e.since <= as_of for e in in_force)


def test_import_gate_from_its_date_with_source() -> None:
    before = market_status(load_catalog(), "h20-96gb", "CN", "2025-11-04")
    after = market_status(load_catalog(), "h20-96gb", "CN", "2025-11-05")
    assert before.import_since is None and "no import rule" in before.import_rule
    assert after.import_since == "2025-11-05" and "state-funded" in after.import_rule
    assert "Reuters" in after.import_source


def test_case_by_case_carries_its_fee_into_the_warning() -> None:
    from engine.money.availability import availability_messages

    status = market_status(load_catalog(), "h100-sxm5-80gb", "CN", "2026-12-07")
    assert "25%" in status.fee
    codes = [m.code for m in availability_messages(status, "H100")]
    assert codes == ["export-case-by-case", "import-unsure"]


def test_a_rule_with_a_status_of_the_other_gate_is_refused() -> None:
    from pydantic import ValidationError

    from engine.catalog import MarketRule

    with pytest.raises(ValidationError, match="import gate"):
        MarketRule(id="x", gpus=("a40-48gb",), market="CN", gate="import", status="case-by-case",
                   since="2026-01-01", rule="r", rule_zh="r", source="src", verified=False)


def test_cli_availability_rows(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from engine.cli import main

    assert main(["catalog", "availability", "--market", "cn", "--date", "2026-12-07",
                 "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["gpu"] for r in rows} == set(load_catalog().gpus)
    h100 = next(r for r in rows if r["gpu"] == "h100-sxm5-80gb")
    assert (h100["export_status"], h100["import_status"], h100["since"]) == (
        "case-by-case", "unsure", "2026-01-15")
    assert "Covington" in h100["source"] and "Reuters" in h100["source"]
    assert main(["catalog", "availability", "--date", "7/12/2026"]) == 2
    assert "--date" in capsys.readouterr().err
