"""The request's BOM overrides as the GUI edits them.

Any BOM view (a tab per configuration, or one view with a configuration picker)
edits through one ``OverrideBook``: it reads the current request from its source
(the plan session, or anything with a ``request`` attribute) and emits the request with
its overrides changed, which the session records and re-plans like any other edit. The
engine applies the overrides; nothing here computes a total.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from engine.model import LineOverride, PlanRequest, PriceBasis

ADDED_PREFIX = "added-"


class RequestSource(Protocol):
    """Where the current request is read (the plan session)."""

    @property
    def request(self) -> PlanRequest | None: ...


class OverrideBook(QObject):
    edited = Signal(object)  # the new PlanRequest

    def __init__(self, source: RequestSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source

    def _current(self) -> PlanRequest | None:
        return self._source.request

    def overrides(self) -> tuple[LineOverride, ...]:
        request = self._current()
        return request.overrides if request is not None else ()

    def find(self, config: str, item: str, category: str) -> LineOverride | None:
        """The override of the line (category, item): one part can stand on several lines."""
        mine = [o for o in self.overrides() if (o.config, o.item) == (config, item)]
        return next((o for o in mine if o.added or o.category == category), None)

    def set_qty(self, config: str, item: str, category: str, qty: int) -> None:
        old = self.find(config, item, category) or LineOverride(config, item, category=category)
        self._put(replace(old, qty=qty))

    def set_unit_price(self, config: str, item: str, category: str, unit_price: float,
                       basis: PriceBasis = "list") -> None:
        """``unit_price`` as typed: a list price, or a net one (paid: never discounted again)."""
        old = self.find(config, item, category) or LineOverride(config, item, category=category)
        self._put(replace(old, unit_price=round(unit_price, 2), basis=basis))

    def add_line(
        self, config: str, *, category: str, description: str, qty: int, unit_price: float,
        basis: PriceBasis = "list",
    ) -> str:
        """Add a line of the user's own to ``config``; returns the id it gets."""
        taken = {o.item for o in self.overrides() if o.config == config}
        number = 1
        while f"{ADDED_PREFIX}{number}" in taken:
            number += 1
        item = f"{ADDED_PREFIX}{number}"
        self._put(LineOverride(config, item, qty=qty, unit_price=round(unit_price, 2), added=True,
                               category=category, description=description.strip(), basis=basis))
        return item

    def revert(self, config: str, lines: list[tuple[str, str]]) -> None:
        """Drop the overrides of ``lines`` ((category, item) pairs): the plan's figures apply
        again, added lines go."""
        request = self._current()
        if request is None:
            return
        targets = set(lines)
        added = {item for _, item in lines}
        kept = tuple(o for o in request.overrides if not (
            o.config == config and (_key(o) in targets or (o.added and o.item in added))))
        if kept != request.overrides:
            self.edited.emit(replace(request, overrides=kept))

    def _put(self, override: LineOverride) -> None:
        request = self._current()
        if request is None:
            return
        key = (override.config, *_key(override))
        others = [o for o in request.overrides if (o.config, *_key(o)) != key]
        position = next((n for n, o in enumerate(request.overrides)
                         if (o.config, *_key(o)) == key), len(others))
        others.insert(position, override)  # an edited override keeps its place
        if tuple(others) != request.overrides:
            self.edited.emit(replace(request, overrides=tuple(others)))


def _key(o: LineOverride) -> tuple[str, str]:
    """The line an override targets: (category, item); an added line is its item alone."""
    return ("" if o.added else o.category, o.item)
