"""Step: reconcile a vendor's quotation with the plan's bill of materials.

Each quoted line is matched to a plan line by part number, else by a scored
description. The plan's lines are pooled as a quotation lists them (one line per
item, spares apart). A quoted server matches the plan's one configured-system line;
its GPU and HCA feature lines (or the counts its text states) are compared with the
system's components, and a warranty inside its price covers the plan's rated warranty.
Findings: qty_mismatch, price_diff, missing, extra, arithmetic,
ambiguous, each with its row. Figures compare in the plan's currency, excluding VAT, and
on the quotation's price basis: the plan's list prices when it states a discount of its
own, else the plan's list prices less the plan's discount (what the plan expects to pay).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from engine.assumptions import default
from engine.model import BomLine, Comparison, Plan
from engine.quotes.anchor import choose
from engine.quotes.arithmetic import check, lines_sum
from engine.quotes.bundles import (
    bundled_warranty_value,
    implied,
    is_bundled_service,
    says_without,
    warranty_line,
    warranty_years,
)
from engine.quotes.matching import (
    SPARE,
    Target,
    by_part,
    component_targets,
    pooled,
    prepare,
    score,
    targets,
)
from engine.quotes.model import (
    Finding,
    LineMatch,
    QuoteLine,
    Reconciliation,
    VendorQuote,
    line_factor,
)
from engine.quotes.model import said as _said
from engine.quotes.rules import holds, tolerance, words
from engine.quotes.texts import VENDOR_NOT_STATED, names


@dataclass(frozen=True)
class _Hit:
    target: Target | None
    score: float
    how: str
    ambiguous: tuple[str, ...] = ()


def plan_for_quote(comparison: Comparison, quote: VendorQuote, config: str | None = None
                   ) -> tuple[Plan, str, list[Finding]]:
    """The plan the quote answers (see engine.quotes.anchor), how it was chosen, and a
    finding when the quotation's vendor has no configuration in the plan."""
    plan, how, sure = choose(comparison, quote, config,
                             lambda plans: max(plans, key=lambda p: _fit(quote, p)))
    issues: list[Finding] = []
    if not sure:
        issues.append(_said("ambiguous", None, "", quote.vendor or None, None, "vendor_unplanned",
                            vendor=quote.vendor or VENDOR_NOT_STATED))
    return plan, how, issues


def _fit(quote: VendorQuote, plan: Plan) -> tuple[int, int, float]:
    """How well ``quote`` answers ``plan``: lines matched, then lines matched at the plan's
    quantity, then how alike their texts are (one vendor's configurations share most part
    numbers; their quantities and the GPU their servers name differ)."""
    hits = _hits_for(quote, plan)
    matched = [(line, t) for line in quote.lines if (t := hits[line.row].target) is not None]
    agreeing = sum(1 for line, t in matched if abs(line.qty_total - t.line.qty) < 1e-9)
    alike = sum(score(prepare(line.description), t) for line, t in matched if line.description)
    return len(matched), agreeing, alike


def _match(line: QuoteLine, cands: list[Target]) -> _Hit:
    threshold, gap = tolerance("match_score"), tolerance("ambiguous_gap")
    text = line.description or line.part_number  # a part number that matched nothing is noise here
    if line.part_number:
        found = by_part(line.part_number, cands)
        if len(found) == 1:
            return _Hit(found[0], 1.0, "part_number")
        if found:
            cands = found
    quoted = prepare(text)
    ranked = sorted(((score(quoted, t), t) for t in cands), key=lambda st: -st[0])
    if not ranked or ranked[0][0] < threshold:
        return _Hit(None, ranked[0][0] if ranked else 0.0, "")
    top, best = ranked[0]
    rivals = tuple(t.line.item for s, t in ranked[1:] if s >= threshold and top - s < gap)
    return _Hit(best, round(top, 3), "description", rivals)


def reconcile(comparison: Comparison, quote: VendorQuote, *, config: str | None = None) -> Reconciliation:
    """Reconcile ``quote`` with the plan of ``config`` (default: the configuration the quote
    answers, anchored on what was asked; see engine.quotes.anchor)."""
    plan, chosen_by, issues = plan_for_quote(comparison, quote, config)
    fin = comparison.request.finance
    currency = plan.money.currency if plan.money else fin.currency
    fx = fin.exchange_rate if fin.exchange_rate is not None else default("finance.exchange_rate").value
    vat = plan.money.vat_rate if plan.money else default("finance.vat").value
    vat_services = plan.money.vat_rate_services if plan.money else vat
    findings: list[Finding] = list(quote.issues) + issues
    quote_currency = quote.currency or currency
    if not quote.currency:
        findings.append(_said("ambiguous", None, "", currency, None, "no_currency", currency=currency))
    rate = 1.0 if quote_currency == currency else (fx if quote_currency == "USD" else 1 / fx)
    stated = sorted({s.rate for s in quote.sums if s.kind == "tax" and s.rate is not None}
                    | ({quote.vat_rate} if quote.vat_rate is not None else set()))
    # several stated rates (VAT on goods and on services): the highest is the goods rate
    vat_rate = stated[-1] if stated else vat
    if quote.vat_basis == "unknown":
        findings.append(_said("ambiguous", None, "", "excluding VAT", None, "no_vat_basis"))
    factor = 1 + vat_rate if quote.vat_basis == "included" else 1.0
    # Prices including VAT: a service line carries the services rate (the plan's, or the lower
    # rate the quotation states), unless the quotation states one rate for every line.
    factor_services = None
    if quote.vat_basis == "included" and len(stated) != 1:
        factor_services = 1 + (stated[0] if stated else vat_services)

    def plan_money(value: float, category: str = "") -> float:
        if category == "services" and factor_services is not None:
            return value * rate / factor_services
        return value * rate / factor

    discount = plan.money.discount_rate if plan.money else fin.discount
    own_discounts = [s.amount for s in quote.sums if s.kind == "discount"]
    list_prices = bool(own_discounts)  # a discount row: the lines above it are list prices
    basis_factor = line_factor(discount, list_prices)
    basis = _basis(discount, list_prices)
    gross = sum(line.amount for line in quote.items)
    quote_discount = min(max(-sum(own_discounts) / gross, 0.0), 1.0) if gross > 0 else 0.0

    hits = _hits_for(quote, plan)
    lines_by_item: dict[str, list[QuoteLine]] = defaultdict(list)
    matches = []
    plan_lines = {line.item: line for line in pooled(plan.bom)}
    warranty = warranty_line(plan)
    bundled: dict[int, dict[str, float]] = defaultdict(dict)  # system row -> plan item -> qty inside
    parts_quoted: dict[int, dict[str, float]] = defaultdict(dict)  # system row -> part -> qty, all systems
    systems: list[QuoteLine] = []
    for line in quote.lines:
        hit = hits[line.row]
        parent = None if line.parent_row is None else hits[line.parent_row]
        category = (hit.target.line.category if hit.target else
                    parent.target.line.category if parent and parent.target else "unmatched")
        matches.append(LineMatch(line.row, hit.target.line.item if hit.target else None, hit.score,
                                 hit.how, category))
        owner = line.parent_row if line.parent_row is not None else line.row
        if line.is_component and hit.target:  # a GPU or HCA beneath the server
            inside = parts_quoted[owner]
            inside[hit.target.line.item] = inside.get(hit.target.line.item, 0.0) + line.qty_total
        elif hit.target:
            lines_by_item[hit.target.line.item].append(_in_years(line, warranty, hit.target.line.item))
            if hit.ambiguous:
                rivals = [names(plan_lines.get(i), i) for i in hit.ambiguous]
                findings.append(_said(
                    "ambiguous", line.row, hit.target.line.item, ", ".join(hit.ambiguous),
                    hit.target.line.item, "ambiguous_match", text=line.description[:60],
                    score=hit.score, **names(hit.target.line, hit.target.line.item),
                    rivals=", ".join(r["part"] for r in rivals),
                    rivals_zh="、".join(r["part_zh"] for r in rivals)))
            if hit.target.line.item == plan.config:
                systems.append(line)
        elif is_bundled_service(line.description) and warranty is not None and line.is_component:
            bundled[owner][warranty.item] = max(bundled[owner].get(warranty.item, 0.0),
                                                float(warranty_years(line.description)))
            matches[-1] = replace(matches[-1], item=warranty.item, how="bundled", category="services")
        elif is_bundled_service(line.description) and warranty is not None:  # a warranty quoted apart
            lines_by_item[warranty.item].append(_in_years(line, warranty, warranty.item))
            matches[-1] = replace(matches[-1], item=warranty.item, how="service", category="services")
        elif not line.is_component:
            findings.append(_said(
                "extra", line.row, "", None, line.qty, "extra",
                text=(line.part_number + " " + line.description).strip()[:70], qty=line.qty))
    for system in systems:
        findings += _system_parts(plan, system, parts_quoted[system.row], bundled[system.row])
    values: list[tuple[int, str, float]] = []
    for owner, inside in bundled.items():
        for item, qty in inside.items():
            if item == (warranty.item if warranty else None):  # years cover the plan's, not sum
                if not lines_by_item[item]:
                    lines_by_item[item].append(QuoteLine(owner, "", f"inside row {owner}", qty, None, None,
                                                         parent_row=owner, qty_total=qty))
                values.append((owner, item, round(bundled_warranty_value(
                    plan, _system_unit(plan), qty) * _systems(quote, owner) * basis_factor, 2)))
    # Quantities pooled by part: a quotation that lists a part's spares with its installed
    # ones (no spares line of its own) is compared with the plan's installed plus spares;
    # one that quotes exactly the installed quantity has left the spares out.
    folded = {SPARE + item for item, quoted in lines_by_item.items()
              if SPARE + item in plan_lines and SPARE + item not in lines_by_item
              and abs(sum(q.qty_total for q in quoted) - plan_lines[item].qty) > 1e-9}
    for item, quoted in lines_by_item.items():
        target = plan_lines[item]
        qty = (max if item == (warranty.item if warranty else None) else sum)(q.qty_total for q in quoted)
        first = min(q.row for q in quoted)
        needed = target.qty + (plan_lines[SPARE + item].qty if SPARE + item in folded else 0)
        if abs(qty - needed) > 1e-9:
            pooled_spares = {"installed": target.qty, "spares": needed - target.qty} \
                if needed != target.qty else {}
            findings.append(_said(
                "qty_mismatch", first, item, needed, qty, "qty_spares" if pooled_spares else "qty",
                expected=needed, found=qty, **names(target, item), **pooled_spares))
        priced = [q for q in quoted if not q.is_component and q.unit_price]
        for q in priced:
            expected = target.unit_price + _inside_per_unit(plan, q, bundled)
            if warranty is not None and item == warranty.item:  # a year's price × the years it covers
                expected = target.unit_price * q.qty_total / q.qty
            expected *= basis_factor
            found = plan_money(q.unit_price or 0.0, target.category)
            if abs(found - expected) > tolerance("price_rel") * expected:
                findings.append(_said(
                    "price_diff", q.row, item, round(expected, 2), round(found, 2), basis,
                    found=found, expected=expected, currency=currency, discount=discount * 100,
                    change=(found - expected) / expected, **names(target, item)))
    covered = set(lines_by_item) | folded
    for bom in plan_lines.values():
        # open-source software is priced at zero: nothing to buy, so nothing a vendor omits
        # (its installation is the software-deployment service, which is priced and checked)
        if bom.item not in covered and bom.unit_price > 0:
            findings.append(_said("missing", None, bom.item, bom.qty, 0, "missing", qty=bom.qty,
                                  **names(bom, bom.item)))
    category_of = {m.row: m.category for m in matches}
    findings += check(quote, vat_rate, (vat, vat_services),
                      lambda line: vat_services if category_of.get(line.row) == "services" else vat)
    stated_total = _stated_total(quote, vat_rate)
    by_category: dict[str, float] = defaultdict(float)
    lines_by_row = {q.row: q for q in quote.lines}
    for m in matches:
        line = lines_by_row[m.row]
        if not line.is_component:
            by_category[m.category] += plan_money(line.amount, m.category)
    discounts = sum(s.amount for s in quote.sums if s.kind == "discount")
    if discounts:
        by_category["discount"] += plan_money(discounts)
    computed = (sum(by_category.values()) if factor_services is not None
                else plan_money(lines_sum(quote)))
    return Reconciliation(
        quote=quote, config=plan.config, plan_currency=currency, rate_to_plan=rate, vat_factor=factor,
        vat_factor_services=factor_services,
        matches=tuple(matches), findings=tuple(_ordered(findings)),
        stated_total=None if stated_total is None else round(stated_total * rate, 2),
        computed_total=round(computed, 2),
        by_category=tuple((k, round(v, 2)) for k, v in by_category.items()),
        bundled=tuple((row, item, qty) for row, inside in bundled.items() for item, qty in inside.items()),
        exchange_rate=fx, bundled_values=tuple(values),
        plan_discount=discount, list_prices=list_prices, quote_discount=quote_discount,
        chosen_by=chosen_by,
    )


def _basis(discount: float, list_prices: bool) -> str:
    """The code of a price finding: how it names the plan's price it compares with."""
    if not discount:
        return "price"
    if list_prices:  # the quotation's own discount row takes the place of the plan's
        return "price_list"
    return "price_discount"


def _hits_for(quote: VendorQuote, plan: Plan) -> dict[int, _Hit]:
    """Items against the plan's pooled lines; a system's feature lines against its parts only;
    a quoted spare (its text or its heading says so) against the plan's spares, anything else
    against the installed lines."""
    pools, parts = targets(plan.bom), component_targets(plan)
    spare_words = words("configured_systems", "spare_words")
    spares = [t for t in pools if t.line.item.startswith(SPARE)]
    installed = [t for t in pools if not t.line.item.startswith(SPARE)]
    hits = {}
    for line in quote.lines:
        if line.is_component:
            hits[line.row] = _match(line, parts)
            continue
        spare = holds(f"{line.description} {line.remark} {line.group}", spare_words) or (
            bool(line.part_number) and not by_part(line.part_number, installed)
            and bool(by_part(line.part_number, spares)))  # a part the plan holds only as a spare
        preferred = spares if spare else installed
        hit = _match(line, preferred)
        hits[line.row] = hit if hit.target or not spare else _match(line, installed)
        if hit.target is None and not spare:  # an HCA the plan holds only as a spare
            hits[line.row] = _match(line, spares)
    return hits


def _system_parts(plan: Plan, system: QuoteLine, quoted: dict[str, float],
                  bundled: dict[str, float]) -> list[Finding]:
    """The GPUs and HCAs a quoted system holds (feature lines, else its text) against the
    plan system's components, per system."""
    out = []
    said = implied(system, plan)
    for part in component_targets(plan):
        item, per_system = part.line.item, part.line.qty / max(1, _plan_systems(plan))
        if says_without(system) and item not in quoted:
            out.append(_said("missing", system.row, item, per_system, 0, "system_without",
                             per_system=per_system, **names(part.line, item)))
            continue
        qty = quoted.get(item)
        if qty is None and item in said:
            qty = bundled[item] = said[item]
        if qty is not None and system.qty and abs(qty / system.qty - per_system) > 1e-9:  # 0: none
            out.append(_said("qty_mismatch", system.row, item, per_system, qty / system.qty,
                             "system_qty", found=qty / system.qty, expected=per_system,
                             **names(part.line, item)))
    warranty = warranty_line(plan)
    if warranty is not None and warranty.item in said:
        bundled[warranty.item] = max(bundled.get(warranty.item, 0.0), said[warranty.item])
    return out


def _in_years(line: QuoteLine, warranty: BomLine | None, item: str) -> QuoteLine:
    """A warranty line counts the years it covers ("3年原厂维保" × 1 is 3 years), as the plan does."""
    if warranty is None or item != warranty.item or not warranty_years(line.description):
        return line
    return replace(line, qty_total=float(warranty_years(line.description)))


def _plan_systems(plan: Plan) -> int:
    return next((b.qty for b in plan.bom if b.item == plan.config), 0)


def _system_unit(plan: Plan) -> float:
    return next((b.unit_price for b in plan.bom if b.item == plan.config), 0.0)


def _inside_per_unit(plan: Plan, line: QuoteLine, bundled: dict[int, dict[str, float]]) -> float:
    """The plan's value of the services bundled into one unit of ``line`` (a warranty)."""
    warranty = warranty_line(plan)
    years = bundled.get(line.row, {}).get(warranty.item, 0.0) if warranty else 0.0
    return bundled_warranty_value(plan, _system_unit(plan), years) if years else 0.0


def _systems(quote: VendorQuote, row: int) -> float:
    return next(line.qty for line in quote.lines if line.row == row)


def _stated_total(quote: VendorQuote, vat_rate: float) -> float | None:
    """The vendor's grand total, excluding VAT, in the quote's currency."""
    totals = [s for s in quote.sums if s.kind == "grand_total"]
    if not totals:
        return None
    tax_rows = [s.row for s in quote.sums if s.kind == "tax"]
    for total in totals:
        included = total.vat_included
        if included is None:
            included = quote.vat_basis == "included" or any(r < total.row for r in tax_rows)
        if not included:
            return total.amount
    last = totals[-1]
    taxes = [s.amount for s in quote.sums if s.kind == "tax" and s.row < last.row]
    if taxes and quote.vat_basis != "included":  # the VAT rows as written, at whatever rates
        return last.amount - sum(taxes)
    return last.amount / (1 + vat_rate)


def _ordered(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.row is None, f.row or 0, f.kind))
