"""Reconciliations as the CLI's JSON (a stable contract: add fields, never rename) and as text."""

from __future__ import annotations

import math
from typing import Any

from openpyxl.utils import get_column_letter

from engine.quotes.model import ColumnMap, LikeForLike, Reconciliation
from engine.report import text_table

_BASIS = {"excluded": "excluding VAT", "included": "including VAT"}


def _num(value: float | None) -> float | None:
    return None if value is None or not math.isfinite(value) else round(value, 2)


def _figure(value: object) -> object:
    return _num(value) if isinstance(value, float) else value


def quote_dict(rec: Reconciliation, normalised_total: float | None, lang: str = "en") -> dict[str, Any]:
    q = rec.quote
    lines = []
    for line in q.lines:
        m = rec.match(line.row)
        lines.append({
            "row": line.row, "part_number": line.part_number, "description": line.description,
            "qty": line.qty, "unit_price": _num(line.unit_price), "total": _num(line.total),
            "match": {"item": m.item, "score": round(m.score, 3), "how": m.how} if m and m.item else None,
            "parent_row": line.parent_row, "qty_total": line.qty_total,
            "unit_price_plan": (_num(rec.in_plan_money(line.unit_price, line.row))
                                if line.unit_price else None),
            "category": m.category if m else "unmatched",
        })
    return {
        "file": q.file, "vendor": q.vendor, "currency": rec.plan_currency,
        "stated_total": _num(rec.stated_total), "computed_total": _num(rec.computed_total),
        "normalised_total": _num(normalised_total),
        "lines": lines,
        "findings": [{"kind": f.kind, "row": f.row, "item": f.item or None,
                      "expected": _figure(f.expected), "found": _figure(f.found),
                      "message": f.message,
                      # added: the finding's code, its text in --lang, the part as buyers name it
                      "code": f.code or None, "text": f.text(lang),
                      "part": f.part(lang) if f.item else None} for f in rec.findings],
        "quote_currency": q.currency or rec.plan_currency, "vat_basis": q.vat_basis,
        "vat_rate": q.vat_rate, "quote_no": q.quote_no, "date": q.date, "sheet": q.sheet,
        "config": rec.config,
        # how the configuration was chosen: user, rfq, server_line, only, best_fit
        "config_chosen_by": rec.chosen_by, "rfq_no": q.rfq_no,
        "mapping": {"header_row": q.mapping.header_row, "origin": q.mapping.origin,
                    "columns": [{"field": name, "column": col + 1,
                                 "header": q.mapping.headers[col] if col < len(q.mapping.headers) else ""}
                                for name, col in q.mapping.columns]},
        "notes": list(q.notes),
        # the basis the plan's prices were compared on: "list" (the quotation states its own
        # discount) or "net" (the prices asked, against the plan's list less its discount)
        "price_basis": "list" if rec.list_prices else "net",
        "plan_discount": rec.plan_discount, "quote_discount": _num(rec.quote_discount),
    }


def reconcile_dict(recs: list[Reconciliation], like: LikeForLike, lang: str = "en") -> dict[str, Any]:
    normalised = {t.file: t.normalised_total for t in like.vendors}
    vendors = [{
        "file": t.file, "vendor": t.vendor, "config": t.config,
        "computed_total": _num(t.computed_total), "normalised_total": _num(t.normalised_total),
        "by_category": {c: _num(v) for c, v in t.by_category},
        "adjustments": [{"kind": a.kind, "item": a.item, "category": a.category,
                         "amount": _num(a.amount), "source": a.source, "row": a.row}
                        for a in t.adjustments],
        "by_item": {i: _num(v) for i, v in t.by_item},
    } for t in like.vendors]
    return {
        "quotes": [quote_dict(r, normalised.get(r.quote.file), lang) for r in recs],
        "comparison": {
            "currency": like.currency, "vat": "excluded", "vendors": vendors,
            "differences": {c: _num(d) for c, d in like.drivers},
            "drivers": [{"category": c, "difference": _num(d)} for c, d in like.drivers if d],
            "cheapest": like.cheapest,
            "item_drivers": [{"item": i, "difference": _num(d)} for i, d in like.item_drivers],
        },
    }


def mapping_text(mapping: ColumnMap, lang: str = "en") -> str:
    """The columns read, e.g. "part_number: 型号 (C), qty: 数量 (E)", and the header row; the
    vendor's headers as written, the fields in ``lang``."""
    from engine.i18n import t

    sep = "，" if lang == "zh" else ", "
    shown = sep.join(
        f"{t('recon.field', lang, field=name)}: "
        f"{mapping.headers[col] if col < len(mapping.headers) else ''} ({get_column_letter(col + 1)})"
        for name, col in mapping.columns)
    return t("recon.columns-read", lang, columns=shown, row=str(mapping.header_row), origin=mapping.origin)


def basis_text(rec: Reconciliation) -> str:
    """The plan prices the quoted lines were compared with, in a sentence."""
    if rec.list_prices:
        return (f"list prices: the quotation states its own discount ({rec.quote_discount:.1%} of its "
                f"lines; the plan's is {rec.plan_discount * 100:g}%)")
    if rec.plan_discount:
        return f"the plan's list prices less its {rec.plan_discount * 100:g}% discount"
    return "the plan's prices (no discount)"


def _money(value: float | None, currency: str) -> str:
    return "-" if value is None else f"{value:,.0f} {currency}"


def reconcile_table(recs: list[Reconciliation], like: LikeForLike, lang: str = "en") -> str:
    out: list[str] = []
    cur = like.currency
    for rec in recs:
        q = rec.quote
        basis = _BASIS.get(q.vat_basis, "VAT basis unknown")
        out.append(f"{q.file}: {q.vendor or 'vendor not stated'} quote {q.quote_no or '-'} "
                   f"{q.date or ''} ({q.currency or cur}, prices {basis}) against {rec.config} "
                   f"(chosen by: {rec.chosen_by.replace('_', ' ')})")
        out.append("  columns: " + mapping_text(q.mapping))
        out.append("  compared with " + basis_text(rec))
        out.append(f"  stated total {_money(rec.stated_total, cur)}, computed "
                   f"{_money(rec.computed_total, cur)} (excl. VAT)")
        rows = [{"kind": f.kind, "row": f.row if f.row is not None else "-",
                 "item": f.part(lang) if f.item else "-", "message": f.text(lang)}
                for f in rec.findings]
        out.append(text_table(rows) if rows else "  no findings")
        out.append("")
    rows = []
    for t in like.vendors:
        row: dict[str, Any] = {"quote": t.file, "vendor": t.vendor}
        for c, v in t.by_category:
            row[c] = f"{v:,.0f}"
        row["normalised"] = f"{t.normalised_total:,.0f}"
        rows.append(row)
    heads = dict.fromkeys(k for r in rows for k in r)
    rows = [{h: r.get(h, "") for h in heads} for r in rows]
    out.append(f"Like for like ({cur}, excluding VAT, plan scope):")
    out.append(text_table(rows))
    for t in like.vendors:
        for a in t.adjustments:
            out.append(f"  {t.file}: {a.kind} {a.item} {a.amount:+,.0f} ({a.source})")
    if like.drivers:
        out.append("Differences by category (second minus first): " + ", ".join(
            f"{c} {d:+,.0f}" for c, d in like.drivers if d))
    if like.item_drivers:
        out.append("Largest differences by item: " + ", ".join(
            f"{i} {d:+,.0f}" for i, d in like.item_drivers[:6]))
    if like.cheapest:
        out.append(f"Lowest normalised total: {like.cheapest}")
    return "\n".join(out)
