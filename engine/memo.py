"""A small cache for the planning steps that a comparison repeats.

Hashing a catalog record reads every field, so the records a step reads stand in its key by
their ids; an entry holds those records, so while it lives no other object can take an id, and
a hit is checked to hold the very same ones. The oldest entry goes first when it is full."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class HeldCache(Generic[T]):
    def __init__(self, most: int) -> None:
        self._most = most
        self._entries: dict[Hashable, tuple[tuple[object, ...], T]] = {}

    def get(self, key: Hashable, held: tuple[object, ...], make: Callable[[], T]) -> T:
        """The value kept for ``key`` and the records ``held``, else ``make()``, kept."""
        hit = self._entries.get(key)
        if hit is not None and len(hit[0]) == len(held) \
                and all(a is b for a, b in zip(hit[0], held, strict=True)):
            return hit[1]
        value = make()
        if len(self._entries) >= self._most:  # the oldest goes first
            del self._entries[next(iter(self._entries))]
        self._entries[key] = (held, value)
        return value
