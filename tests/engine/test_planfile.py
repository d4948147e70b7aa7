"""Plan files: a request survives a round trip; every kind of bad file gets one clear line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.model import Efficiency, Facility, Finance, PlanRequest, Schedule, Workload
from engine.planfile import (
    FORMAT,
    VERSION,
    PlanFileError,
    load_plan,
    load_plan_document,
    plan_to_dict,
    save_plan,
)

FULL = PlanRequest(
    workload=Workload(params=7e10, tokens=2e12, runs=3, finetune_tokens=1e10, tuning_pf_days=50.0),
    schedule=Schedule(days=45.0, lead_time_days=0, precision="fp8"),
    efficiency=Efficiency(mfu=0.4, goodput=0.85),
    facility=Facility(rack_kw=12.0, cooling="liquid", pue=1.25, rack_units=47),
    finance=Finance(currency="USD", exchange_rate=7.1, power_price=0.09, years=4, hosting="colo",
                    colo_rent_kw_month=140.0, vat=0.0, discount=0.05, warranty_years=5,
                    maintenance_rate=0.1),
    configs=("inspur-nf5688m6-a800", "lenovo-sr670v2-a100-pcie"),
)


@pytest.mark.parametrize(
    "request_",
    [
        FULL,
        PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30, lead_time_days=0)),
        PlanRequest(Workload(pf_days=3640.0), Schedule(gpus=1024)),
        PlanRequest(Workload(flops=3.14e23, moe=True), Schedule(days=10.5, lead_time_days=0)),
    ],
)
def test_round_trip_gives_the_same_request(tmp_path: Path, request_: PlanRequest) -> None:
    path = save_plan(request_, tmp_path / "plan.cqplan")
    assert load_plan(path) == request_


def test_file_is_versioned_json_and_keeps_the_quote_heading(tmp_path: Path) -> None:
    path = save_plan(FULL, tmp_path / "p.cqplan", customer="=HYPERLINK(1)", quote_no="Q-7")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == FORMAT and doc["version"] == VERSION
    assert doc["request"]["schedule"]["days"] == 45.0
    assert doc["request"]["configs"] == list(FULL.configs)
    document = load_plan_document(path)
    assert (document.customer, document.quote_no) == ("=HYPERLINK(1)", "Q-7")


def test_save_is_atomic_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "p.cqplan"
    target.write_text("old", encoding="utf-8")
    save_plan(FULL, target)
    assert [p.name for p in tmp_path.iterdir()] == ["p.cqplan"]
    with pytest.raises(OSError):
        save_plan(FULL, tmp_path / "missing-folder" / "p.cqplan")
    assert load_plan(target) == FULL


def _write(tmp_path: Path, content: object) -> Path:
    path = tmp_path / "bad.cqplan"
    text = content if isinstance(content, str) else json.dumps(content)
    path.write_text(text, encoding="utf-8")
    return path


def _doc(**changes: object) -> dict[str, object]:
    doc = plan_to_dict(FULL)
    doc.update(changes)
    return doc


def _with(section: str, **values: object) -> dict[str, object]:
    doc = plan_to_dict(FULL)
    doc["request"][section].update(values)
    return doc


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "clusterquote-plan", "vers', "damaged: not valid JSON"),
        ("[1, 2, 3]", "not a ClusterQuote plan"),
        ({"format": "something-else", "version": 1}, "not a ClusterQuote plan"),
        (_doc(version=VERSION + 1), "newer ClusterQuote"),
        (_doc(version="one"), "no valid plan format version"),
        (_doc(request=None), "has no request"),
        (_doc(request={"workload": {}}), "needs a workload and a schedule"),
        (_with("schedule", weeks=3), "unknown field schedule.weeks"),
        (_with("schedule", days="thirty"), "schedule.days has the wrong type"),
        (_with("workload", runs=True), "workload.runs must be a whole number"),
        (_with("facility", cooling="water"), "facility.cooling is \"water\"; allowed: air, rdhx"),
        (_with("facility", rack_units=40), "facility.rack_units is 40; allowed: 42, 47"),
        (_doc(request={**plan_to_dict(FULL)["request"], "configs": [1]}), "configs must be a list"),
        (_doc(quote={"customer": 5}), "customer and quote number must be text"),
    ],
)
def test_bad_files_raise_one_clear_line(tmp_path: Path, content: object, message: str) -> None:
    with pytest.raises(PlanFileError) as info:
        load_plan(_write(tmp_path, content))
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="cannot read"):
        load_plan(tmp_path / "nowhere.cqplan")
    binary = tmp_path / "b.cqplan"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(PlanFileError, match=r"not (a )?text"):
        load_plan(binary)


def test_older_files_without_optional_sections_load(tmp_path: Path) -> None:
    doc = {
        "format": FORMAT,
        "version": 1,
        "request": {"workload": {"preset": "gpt3-175b"}, "schedule": {"days": 30}},
    }
    request = load_plan(_write(tmp_path, doc))
    assert request == PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30.0))
    assert isinstance(request.schedule.days, float)
