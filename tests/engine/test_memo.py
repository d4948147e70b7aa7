"""engine.memo.HeldCache: a hit needs the very records held, and the oldest entry goes first."""

from __future__ import annotations

from engine.memo import HeldCache


def test_a_hit_holds_the_same_records_and_the_oldest_goes_first() -> None:
    made: list[str] = []
    cache: HeldCache[str] = HeldCache(2)

    def make(value: str):  # type: ignore[no-untyped-def]
        return lambda: made.append(value) or value

    a, b = ["a"], ["a"]  # equal records, not the same one
    assert cache.get("k", (a,), make("first")) == "first"
    assert cache.get("k", (a,), make("again")) == "first"  # the same record: kept
    assert cache.get("k", (b,), make("other")) == "other"  # an equal one: made afresh
    cache.get("x", (), make("x"))
    cache.get("y", (), make("y"))  # full at two: "k" goes first
    assert cache.get("k", (b,), make("k2")) == "k2"
    assert made == ["first", "other", "x", "y", "k2"]
