"""Like for like: every quotation brought to the plan's scope, currency and VAT basis.

What a vendor omits is added at the other vendor's quoted price when there is one,
else at the plan's indicative price; quantities short of (or beyond) the plan are
made up at the vendor's own unit price; lines outside the plan's scope are set
aside; a warranty bundled into a server price is moved to services, and the
plan's warranty on the rest of the equipment is added at the plan's rate. Each change is
an Adjustment with its source, so the normalised total explains itself. Adjustments are
what would be paid, as the computed totals are: a quotation's price less its own discount,
the plan's list price less the plan's discount.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from engine.model import CATEGORIES, Comparison, Plan
from engine.quotes.matching import pooled
from engine.quotes.model import Adjustment, LikeForLike, Reconciliation, VendorTotals


def _plan(comparison: Comparison, config: str) -> Plan:
    return next(p for p in comparison.plans if p.config == config)


def _quote(rec: Reconciliation) -> dict[str, Any]:
    """The parameters naming a quotation: its vendor and number."""
    from engine.i18n import t

    vendor = rec.quote.vendor
    return {"vendor": vendor or t("like.vendor", "en"), "vendor_zh": vendor or t("like.vendor", "zh"),
            "number": rec.quote.quote_no or rec.quote.file}


def _discount(rec: Reconciliation) -> str:
    return f"{rec.plan_discount * 100:g}" if rec.plan_discount else "none"


def _listed(comparison: Comparison, rec: Reconciliation) -> dict[str, Any]:
    """The parameters of a price from the plan's price list (a snapshot's date in words)."""
    name = Path(comparison.price_list).name
    about = comparison.price_list_about
    return {"list": name, "list_zh": about.render("zh") if about else name,
            "discount": _discount(rec)}


def adjustments(
    comparison: Comparison, rec: Reconciliation, others: list[Reconciliation]
) -> list[Adjustment]:
    plan = _plan(comparison, rec.config)
    lines = {b.item: b for b in pooled(plan.bom)}
    out: list[Adjustment] = []
    for f in rec.findings:
        if f.kind == "missing" and f.item in lines:
            bom = lines[f.item]
            quoted = next(((o, u) for o in others if (u := o.unit_price(f.item)) is not None), None)
            if quoted is not None:
                other, (price, row) = quoted
                price, code, said = other.paid(price), "like.quoted-row", {**_quote(other), "row": row}
            else:
                price, code, said = rec.plan_paid(bom.unit_price), "like.listed", _listed(comparison, rec)
            out.append(Adjustment.said("omitted", f.item, bom.category, round(bom.qty * price, 2),
                                       None, code, **said))
        elif f.kind == "qty_mismatch" and f.item in lines and isinstance(f.expected, int | float) \
                and isinstance(f.found, int | float):
            bom = lines[f.item]
            own = rec.unit_price(f.item)
            price, code, said = (rec.paid(own[0]), "like.quoted-row", {**_quote(rec), "row": own[1]}
                                 ) if own else (rec.plan_paid(bom.unit_price), "like.listed",
                                                _listed(comparison, rec))
            kind = "qty_shortfall" if f.found < f.expected else "qty_excess"
            out.append(Adjustment.said(kind, f.item, bom.category,
                                       round((f.expected - f.found) * price, 2), f.row, code, **said))
        elif f.kind == "extra" and f.row is not None:
            line = next(q for q in rec.quote.lines if q.row == f.row)
            out.append(Adjustment.said(
                "out_of_scope", line.part_number or line.description[:40], "unmatched",
                -round(rec.paid(rec.in_plan_money(line.amount, line.row)), 2), f.row,
                "like.set-aside", **_quote(rec), row=f.row))
    moved: dict[str, float] = defaultdict(float)
    for row, item, value in rec.bundled_values:  # a warranty inside a server price
        bom = lines[item]
        moved[item] += value
        out.append(Adjustment.said("bundled_service", item, bom.category, value, row,
                                   "like.bundled", row=row))
        out.append(Adjustment.said("bundled_service", item, "compute", -value, row,
                                   "like.taken-out", row=row))
    for item, value in moved.items():  # the plan's warranty also covers the rest of the equipment
        rest = round(rec.plan_paid(lines[item].total) - rec.paid(value), 2)
        if rest > 0.5:
            warranty = lines[item]
            zh = "；".join(n.render("zh") for n in warranty.notes) if warranty.notes else warranty.note
            out.append(Adjustment.said("omitted", item, warranty.category, rest, None,
                                       "like.warranty-rest", note=warranty.note, note_zh=zh,
                                       discount=_discount(rec)))
    return out


def compare_quotes(comparison: Comparison, recs: list[Reconciliation]) -> LikeForLike:
    """Normalised totals of each reconciled quotation, their differences by category and drivers."""
    currency = recs[0].plan_currency if recs else comparison.request.finance.currency
    totals = []
    for rec in recs:
        others = [o for o in recs if o.quote.vendor != rec.quote.vendor or not rec.quote.vendor]
        adj = adjustments(comparison, rec, [o for o in others if o is not rec])
        by_category: dict[str, float] = defaultdict(float, dict(rec.by_category))
        for a in adj:
            by_category[a.category] += a.amount
        ordered = [c for c in (*CATEGORIES, "discount", "unmatched") if c in by_category]
        ordered += sorted(set(by_category) - set(ordered))
        normalised = rec.computed_total + sum(a.amount for a in adj)
        totals.append(VendorTotals(
            file=rec.quote.file, vendor=rec.quote.vendor, config=rec.config,
            computed_total=rec.computed_total, normalised_total=round(normalised, 2),
            by_category=tuple((c, round(by_category[c], 2)) for c in ordered),
            adjustments=tuple(adj), by_item=_by_item(_plan(comparison, rec.config), rec, adj)))
    categories = tuple(dict.fromkeys(c for t in totals for c, _ in t.by_category))
    drivers: list[tuple[str, float]] = []
    if len(totals) >= 2:
        first, second = dict(totals[0].by_category), dict(totals[1].by_category)
        drivers = sorted(((c, round(second.get(c, 0.0) - first.get(c, 0.0), 2)) for c in categories),
                         key=lambda cd: -abs(cd[1]))
    item_drivers: list[tuple[str, float]] = []
    if len(totals) >= 2:
        first, second = dict(totals[0].by_item), dict(totals[1].by_item)
        item_drivers = sorted(((i, round(second.get(i, 0.0) - first.get(i, 0.0), 2))
                               for i in dict.fromkeys([*first, *second])), key=lambda d: -abs(d[1]))
    cheapest = min(totals, key=lambda t: t.normalised_total).file if totals else None
    return LikeForLike(currency, tuple(totals), categories, tuple(drivers), cheapest,
                       tuple(d for d in item_drivers if abs(d[1]) >= 0.5))


SERVER = "server"  # each vendor's system line: their item ids differ, the role is the same
# each vendor's own storage and management servers: item ids differ, the role is the same
ROLES: dict[str, str] = {"storage": "storage-system", "management": "management-server"}


def _by_item(plan: Plan, rec: Reconciliation, adj: list[Adjustment]) -> tuple[tuple[str, float], ...]:
    """The normalised total split by plan item, so two vendors compare item by item."""
    own = {b.item: ROLES[b.category] for b in pooled(plan.bom)
           if b.vendor == plan.vendor and b.category in ROLES}

    def key(item: str | None) -> str:
        if item == rec.config:
            return SERVER
        return own.get(item, item) if item else "unmatched"

    amounts: dict[str, float] = defaultdict(float)
    top = {q.row: q for q in rec.quote.items}
    for m in rec.matches:
        line = top.get(m.row)  # components are inside their system's price
        if line is not None:
            amounts[key(m.item)] += rec.in_plan_money(line.amount, line.row)
    discounts = sum(s.amount for s in rec.quote.sums if s.kind == "discount")
    if discounts:
        amounts["discount"] += rec.in_plan_money(discounts)
    for a in adj:
        if a.kind == "out_of_scope":
            amounts["unmatched"] += a.amount
        elif a.kind == "bundled_service" and a.category == "compute":
            amounts[SERVER] += a.amount
        else:
            amounts[key(a.item)] += a.amount
    return tuple((item, round(value, 2)) for item, value in amounts.items())
