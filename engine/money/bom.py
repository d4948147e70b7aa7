"""Step 6: the bill of materials: every physical thing and service is a priced line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from engine.model import BomLine, Category

if TYPE_CHECKING:
    from engine.money.prices import PriceList


@dataclass(frozen=True)
class Need:
    category: Category
    item: str  # catalog id = price-list item
    qty: int
    note: str = ""


def price_lines(
    needs: list[Need], prices: PriceList, currency: str, exchange_rate: float
) -> tuple[BomLine, ...]:
    """One line per need with a quantity, priced in ``currency``; equal items are merged."""
    merged: dict[tuple[Category, str], Need] = {}
    for need in needs:
        key = (need.category, need.item)
        if key in merged:
            old = merged[key]
            note = "; ".join(n for n in (old.note, need.note) if n)
            need = Need(need.category, need.item, old.qty + need.qty, note)
        merged[key] = need
    lines = []
    for need in merged.values():
        if need.qty <= 0:
            continue
        entry = prices.entry(need.item)
        lines.append(BomLine(
            category=need.category,
            item=need.item,
            vendor=entry.vendor,
            part_number=entry.part_number,
            description_en=entry.description_en,
            description_zh=entry.description_zh,
            qty=need.qty,
            unit_price=round(prices.price(need.item, currency, exchange_rate), 2),
            currency=currency,
            note=need.note,
        ))
    return tuple(lines)
