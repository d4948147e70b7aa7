"""The prices a quote was made with, kept with the plan.

A plan file keeps a snapshot of the price-list entries its plans were priced from (every
entry the pricing read, found by pricing the request again and noting what it asked for),
the catalog version and each configuration's capex as quoted. Reopened, the plan is
priced from the snapshot, so it shows the totals of the quote that was sent even after
the price list changed; items the snapshot lacks (a configuration added to the list
since) are priced from today's list.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from pathlib import Path

from engine.model import Comparison, note
from engine.money.prices import PriceEntry, PriceList

# Capex figures are rounded to cents in the file; a difference below this is rounding.
QUOTED_TOLERANCE = 0.01


@dataclass(frozen=True)
class PriceSnapshot:
    price_list: str  # the list the prices came from, as the comparison named it
    saved: str  # when the snapshot was taken, ISO 8601 UTC
    catalog_version: str  # engine.catalog.catalog_version() at the time
    entries: tuple[PriceEntry, ...]
    quoted_capex: tuple[tuple[str, float], ...] = ()  # (configuration, capex) as quoted

    def items(self) -> set[str]:
        return {e.item for e in self.entries}


@dataclass(frozen=True)
class _Recording(PriceList):
    """A price list that notes every item it is asked about, priced or not."""

    asked: set[str] = field(default_factory=set)

    def entry(self, item: str) -> PriceEntry:
        self.asked.add(item)
        return super().entry(item)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            self.asked.add(item)
        return super().__contains__(item)


def recording(prices: PriceList) -> _Recording:
    """``prices``, noting in ``asked`` every item pricing asks it about."""
    return _Recording(name=prices.name, entries=prices.entries, from_shipped=prices.from_shipped)


def take_snapshot(
    comparison: Comparison, prices: PriceList, *, saved: str, catalog_version: str,
    read: Collection[str] | None = None,
) -> PriceSnapshot:
    """The entries of ``prices`` that pricing ``comparison`` ``read`` (the whole list when
    not said): engine.planfile.snapshot_for prices the request again through recording()
    to learn them.

    Not only the BOM lines' items: a line can be priced from entries that are not lines
    themselves (a configured system is its base system, GPUs and HCAs), and a choice can
    rest on a price (a director is bought where it costs less than a tree's switches).
    Lines the user added are not price-list entries and are kept by the request's
    overrides instead.
    """
    used = set(prices.entries) if read is None else set(read) & set(prices.entries)
    return PriceSnapshot(
        price_list=comparison.price_list,
        saved=saved,
        catalog_version=catalog_version,
        entries=tuple(prices.entries[item] for item in sorted(used)),
        quoted_capex=tuple((p.config, round(p.money.capex, 2))
                           for p in comparison.plans if p.money is not None),
    )


def snapshot_prices(snapshot: PriceSnapshot, today: PriceList) -> PriceList:
    """The list to plan a saved plan with: its snapshot first, today's list for the rest."""
    about = note("prices-saved", date=snapshot.saved[:10], file=Path(snapshot.price_list).name)
    entries = dict(today.entries)
    for e in snapshot.entries:  # a description is not a price: a snapshot without one reads today's
        now = today.entries.get(e.item)
        entries[e.item] = replace(e, description_zh=now.description_zh) \
            if not e.description_zh and now is not None else e
    return PriceList(name=about.text, entries=entries, about=about)


def quoted_differences(
    snapshot: PriceSnapshot, comparison: Comparison,
) -> tuple[tuple[str, float, float | None], ...]:
    """(configuration, capex as quoted, capex now or None if refused) where they differ."""
    now = {p.config: p.money.capex if p.money else None for p in comparison.plans}
    out = []
    for config, quoted in snapshot.quoted_capex:
        if config not in now:
            continue  # no longer compared: nothing to set against the quote
        capex = now[config]
        if capex is None or not math.isclose(capex, quoted, abs_tol=QUOTED_TOLERANCE):
            out.append((config, quoted, capex))
    return tuple(out)
