"""BOM notes in a Chinese quote: every note the engine writes is a code with its figures,
and the Chinese document words each one in Chinese with the same figures."""

from __future__ import annotations

import re
from functools import cache

import pytest

from engine import PlanRequest, Schedule, Workload, compare
from engine.assumptions import default_note, defaults, note_in
from engine.export.labels import Labels
from engine.export.notes import component_in
from engine.model import Comparison, Facility, Finance, StorageRequest
from tests.export.english_prose import english

_CJK = re.compile(r"[\u4e00-\u9fff]")


@cache
def _comparisons() -> tuple[Comparison, ...]:
    """Plans that between them write every kind of note: rear doors and air, with storage and
    the management plane, AI Enterprise, bought racks."""
    return (
        compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30, lead_time_days=0),
                            facility=Facility(cooling="rdhx"),
                            finance=Finance(ai_enterprise=True), storage=StorageRequest())),
        compare(PlanRequest(Workload(preset="llama3-70b"), Schedule(days=60, lead_time_days=0),
                            facility=Facility(cooling="air"))),
    )


def _noted_lines() -> list:  # type: ignore[type-arg]
    return [line for c in _comparisons() for p in c.plans for line in p.bom if line.notes]


def test_the_plans_write_notes_of_many_kinds() -> None:
    codes = {n.code for line in _noted_lines() for n in line.notes}
    # the fabric, cables, transceivers, spares, PDUs, cooling, storage, management, services
    assert {"note.fat-tree", "note.cable-run", "note.hca-end", "note.spares", "note.feeds",
            "note.inlets", "note.n-plus-one-rows", "note.one-per-compute-rack",
            "note.storage-capacity", "note.head-login", "note.rated-yearly",
            "note.configured-system", "note.gpus-years", "note.catalog-text"} <= codes


def test_every_note_is_chinese_in_a_chinese_quote_with_its_figures() -> None:
    zh, en = Labels("zh"), Labels("en")
    for line in _noted_lines():
        text = zh.notes(line.notes)
        assert _CJK.search(text), (line.item, text)
        assert english(text) is None, (line.item, text)  # no English prose, no internal id
        assert en.notes(line.notes) == line.note  # the English document prints the JSON's note
        for note in line.notes:
            for name, value in note.params:  # each whole-number figure is printed
                if isinstance(value, int):
                    assert f"{value:,}" in text or str(value) in text, (note.code, name, text)


def test_a_note_worded_by_hand() -> None:
    from engine.model import note

    spares = note("spares", share=0.03, of=1290)
    assert spares.text == "3% of 1290"
    assert spares.render("zh") == "1290 的 3%"
    run = note("cable-run", cables=512, span="in-row", ends="node-switch", longest="12.5")
    assert run.text == "512 in-row node-switch (up to 12.5 m)"
    assert run.render("zh") == "512 根列内节点至交换机（最长 12.5 m）"
    storage = note("storage-blocks", by="checkpoint")
    assert storage.render("zh") == "构建块数量由检查点写入决定"


def test_a_configured_systems_parts_in_chinese() -> None:
    worded = component_in("zh", "Xeon Platinum 8462Y+, 32 cores")
    assert worded == "Xeon Platinum 8462Y+, 32 核"
    assert component_in("zh", "NVMe 3.84 TB (boot)") == "NVMe 3.84 TB （启动盘）"
    assert component_in("en", "NVMe 3.84 TB (boot)") == "NVMe 3.84 TB (boot)"


@pytest.mark.parametrize("key", sorted(k for k, d in defaults().items() if d.note))
def test_every_defaults_note_in_chinese(key: str) -> None:
    note = defaults()[key].note
    assert _CJK.search(default_note(key, "zh"))
    assert note_in("zh", note) == default_note(key, "zh")
    assert note_in("en", note) == note
    assert note_in("zh", "a note of the model's own") == "a note of the model's own"
