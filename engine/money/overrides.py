"""The user's changes to a priced bill of materials: a quantity or unit price set by
hand (the price a vendor just quoted), or a line the user added.

Overrides are applied after pricing and before totals, so capex, TCO and the quote
all carry them. Each one names its configuration and line; a re-plan that no longer
has the line keeps the override in the request and says, in a warning, that it no
longer applies. Every changed line keeps the planned figure in its note.

One part can stand on several lines (a switch model on the compute, storage and
management networks), so a line is the pair (category, item): an override changes
the line of its item in its category, and only where no line of that item is in its
category (an override written without one) the item's first line.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import replace

from engine.assumptions import default
from engine.bounds import bound
from engine.errors import Allowed, RequestError, allowed
from engine.model import CATEGORIES, BomLine, Category, LineOverride, Message, note
from engine.money.discount import price_factor

MAX_ITEM_CHARS = 64
MAX_LINE_TOTAL = 1e10  # ten billion on one line: past a 10 000-GPU cluster's servers (about 3e9 CNY)


def check_overrides(overrides: Iterable[LineOverride], configurations: Collection[str]) -> None:
    """RequestError (field "overrides") naming the first override the engine cannot apply."""
    seen: set[tuple[str, str, str]] = set()
    for o in overrides:
        where = f"{o.config}:{o.item}"
        if o.config not in configurations:
            raise RequestError("overrides", where, allowed(
                "allowed.override-config", names=", ".join(sorted(configurations))))
        item = o.item.strip()
        if not item or len(item) > MAX_ITEM_CHARS or item != o.item:
            raise RequestError("overrides", where, allowed("allowed.override-item",
                                                           most=MAX_ITEM_CHARS))
        key = (o.config, o.item, "" if o.added else o.category)
        if key in seen:
            raise RequestError("overrides", where, allowed("allowed.override-once"))
        seen.add(key)
        qty, price = bound("overrides.qty"), bound("overrides.unit_price")
        if o.qty is not None and not (isinstance(o.qty, int) and qty.admits(o.qty)):
            raise RequestError("overrides", o.qty, _part(where, "qty", qty.said))
        if o.unit_price is not None and not price.admits(o.unit_price):
            raise RequestError("overrides", o.unit_price, _part(where, "unit-price", price.said))
        if o.qty is not None and o.unit_price is not None and o.qty * o.unit_price > MAX_LINE_TOTAL:
            raise RequestError("overrides", where, allowed(
                "allowed.override-total", qty=f"{o.qty:,}", price=f"{o.unit_price:,.2f}",
                total=f"{o.qty * o.unit_price:.3g}", most=f"{MAX_LINE_TOTAL:.0e}"))
        years = bound("overrides.service_years")
        if not (isinstance(o.service_years, int) and years.admits(o.service_years)):
            raise RequestError("overrides", o.service_years,
                               _part(where, "service-years", years.said))
        if o.service_years and o.unit_price is None:
            raise RequestError("overrides", where, allowed("allowed.override-years-need-price"))
        if o.added:
            if o.qty is None or o.unit_price is None:
                raise RequestError("overrides", where, allowed("allowed.override-added-figures"))
            if o.category not in CATEGORIES:
                raise RequestError("overrides", o.category, allowed(
                    "allowed.override-category", where=where, names=", ".join(CATEGORIES)))
            if not o.description.strip():
                raise RequestError("overrides", where, allowed("allowed.override-added-description"))
        elif o.qty is None and o.unit_price is None:
            raise RequestError("overrides", where, allowed("allowed.override-something"))


def _part(where: str, what: str, said: Allowed) -> Allowed:
    """'cfg:item: the quantity must be ...': a bound on one figure of an override."""
    return allowed("allowed.override-figure", where=where, what=what, range=said.render("en"),
                   range_zh=said.render("zh"))


def apply_overrides(
    bom: tuple[BomLine, ...], overrides: Iterable[LineOverride], config: str, currency: str,
    discount: float = 0.0,
) -> tuple[tuple[BomLine, ...], tuple[Message, ...]]:
    """``bom`` with ``config``'s overrides applied and the user's lines appended, and the
    warnings that say which lines the user set and which overrides no longer apply.

    The BOM holds list prices and ``discount`` comes off its total: a price typed as net
    (what is paid) is held as the list price that the discount brings back to it, so it is
    never discounted again and the quote and the reconciliation see it on one basis."""
    mine = [o for o in overrides if o.config == config]
    if not mine:
        return bom, ()
    lines = list(bom)
    at: dict[tuple[str, str], int] = {}
    first: dict[str, int] = {}
    for n, line in enumerate(lines):
        at.setdefault((line.category, line.item), n)
        first.setdefault(line.item, n)
    set_by_user: list[str] = []
    warnings: list[Message] = []
    for o in mine:
        if o.added:
            assert o.qty is not None and o.unit_price is not None  # check_overrides
            if o.item in first:
                warnings.append(Message.of("override-added-clash", item=o.item))
            lines.append(_added_line(_as_list(o, discount), currency))
            set_by_user.append(o.item)
            continue
        found = at.get((o.category, o.item), first.get(o.item))
        if found is None:
            warnings.append(Message.of("override-unused", item=o.item))
            continue
        lines[found] = _changed(lines[found], _as_list(o, discount), o, discount)
        set_by_user.append(o.item)
        far = _far_from_list(bom[found], _as_list(o, discount))
        if far is not None:
            warnings.append(far)
    if set_by_user:
        warnings.insert(0, Message.of("overridden", lines=len(set_by_user),
                                              items=", ".join(set_by_user)))
    return tuple(lines), tuple(warnings)


def _far_from_list(planned: BomLine, o: LineOverride) -> Message | None:
    """A warning when a hand-set price is far from the list's: a slipped digit or the
    other currency (the override's price is read in the request's currency)."""
    if o.unit_price is None or o.unit_price <= 0 or planned.unit_price <= 0:
        return None
    factor = default("overrides.price_check_factor").value
    ratio = o.unit_price / planned.unit_price
    if 1 / factor <= ratio <= factor:
        return None
    return Message.of("override-price-far", item=o.item, price=o.unit_price,
                      currency=planned.currency, ratio=ratio, list_price=planned.unit_price)


def _as_list(o: LineOverride, discount: float) -> LineOverride:
    """``o`` with its price on the BOM's basis: a net price grossed up by the discount."""
    if o.basis != "net" or o.unit_price is None or not discount:
        return o
    return replace(o, unit_price=o.unit_price / price_factor(discount))


def _changed(line: BomLine, o: LineOverride, typed: LineOverride | None = None,
             discount: float = 0.0) -> BomLine:
    notes = list(line.notes)
    qty, price = line.qty, line.unit_price
    if o.qty is not None:
        notes.append(note("qty-by-user", planned=line.qty))
        qty = o.qty
    years = line.service_years
    if o.service_years:
        notes.append(note("service-in-price", years=o.service_years))
        years = o.service_years
    if o.unit_price is not None:
        if typed is not None and typed.basis == "net" and typed.unit_price is not None and discount:
            notes.append(note("net-price-by-user", paid=typed.unit_price, currency=line.currency,
                              discount=discount, price=line.unit_price))
        else:
            notes.append(note("price-by-user", price=line.unit_price, currency=line.currency))
        price = round(o.unit_price, 2)
    text = "; ".join([*([line.note] if line.note and not line.notes else []),
                      *(n.text for n in notes)])
    return replace(line, qty=qty, unit_price=price, note=text, notes=tuple(notes), overridden=True,
                   service_years=years)


def _added_line(o: LineOverride, currency: str) -> BomLine:
    assert o.qty is not None and o.unit_price is not None
    category: Category = next(c for c in CATEGORIES if c == o.category)
    return BomLine(
        category=category, item=o.item, vendor="", part_number="",
        description_en=o.description.strip(), description_zh=o.description.strip(),
        qty=o.qty, unit_price=round(o.unit_price, 2), currency=currency,
        note=note("added-by-user").text, notes=(note("added-by-user"),), overridden=True,
        service_years=o.service_years,
    )
