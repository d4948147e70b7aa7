"""BOM notes in a Chinese quote: the engine reads the same Chinese the GUI shows (the "Notes"
context of the translation file), fixed notes and notes with figures alike."""

from __future__ import annotations

import re

from engine.export.notes import NOTE_PATTERNS, NOTES, assumption_note_in, component_in, note_in

_CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_fixed_note_and_pattern_has_chinese() -> None:
    for note in NOTES:
        if note not in ("N+1",):  # the same in both languages
            assert _CJK.search(note_in("zh", note)), note
    assert len(NOTE_PATTERNS) > 10


def test_notes_with_figures_keep_their_figures() -> None:
    assert note_in("zh", "N+1 in each of 8 rows") != "N+1 in each of 8 rows"
    assert "8" in note_in("zh", "N+1 in each of 8 rows")
    spares = note_in("zh", "3% of 1290")
    assert "3%" in spares and "1290" in spares and _CJK.search(spares)
    # parts are joined by the Chinese semicolon; an unknown part stays as written
    both = note_in("zh", "one per rail; something new")
    assert both.endswith("；something new") and _CJK.search(both.split("；")[0])
    assert note_in("en", "N+1 in each of 8 rows") == "N+1 in each of 8 rows"


def test_component_words() -> None:
    worded = component_in("zh", "Xeon Platinum 8462Y+, 32 cores")
    assert "32" in worded and _CJK.search(worded) and "cores" not in worded


def test_a_defaults_note_in_chinese() -> None:
    from engine.assumptions import defaults

    goodput = defaults()["schedule.goodput"].note
    assert _CJK.search(assumption_note_in("zh", goodput))
    assert assumption_note_in("en", goodput) == goodput
    assert assumption_note_in("zh", "a note of the model's own") == "a note of the model's own"
