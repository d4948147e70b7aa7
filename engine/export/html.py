"""The quote as one HTML document, for printing where LibreOffice is missing.

The desktop app lays this out with Qt (QTextDocument → QPdfWriter). It carries what the
workbook carries, with the figures computed here instead of by formulas: an RFQ's lines,
totals, amount in words, terms and seal block; a comparison's summary, recommendation,
warnings and each configuration's bill of materials.
"""

from __future__ import annotations

import datetime
from html import escape

from engine.export.common import (
    QuoteInfo,
    currency_of,
    description,
    exchange_rate,
    part_number,
    part_number_said,
    priced,
)
from engine.export.comparison_sheet import (
    grouped_warnings,
    recommendation_notes,
    recommended,
    status_text,
    title,
)
from engine.export.labels import Labels
from engine.export.names import Detail, detailed, titles, vendor_name
from engine.export.rfq import asked_price, terms_items, total_incl_vat, unit_prices
from engine.export.rfq_texts import text as rfq_text
from engine.export.rmb import rmb_capital
from engine.export.styles import CURRENCY_SYMBOLS
from engine.export.terms import QuoteTerms, load_terms
from engine.model import CATEGORIES, Comparison, Money, Plan
from engine.money.discount import price_factor, zhe
from engine.money.totals import fen
from engine.naming import rfq_reference

_STYLE = """
body { font-family: 'Calibri', 'DengXian', 'Microsoft YaHei', sans-serif; font-size: 9pt; }
h1 { font-size: 14pt; color: #1F3864; margin: 0; }
h2 { font-size: 11pt; color: #1F3864; border-bottom: 1px solid #1F3864; }
table { border-collapse: collapse; }
th { background: #1F3864; color: white; padding: 2px 4px; }
td { padding: 1px 4px; vertical-align: top; }
td.n { text-align: right; }
tr.group td { background: #D9E1F2; font-weight: bold; }
tr.total td { font-weight: bold; background: #FFF2CC; }
p.note { color: #595959; font-size: 8pt; }
"""


def _money(value: float, currency: str) -> str:
    symbol = CURRENCY_SYMBOLS.get(currency)
    return f"{symbol}{value:,.2f}" if symbol else f"{value:,.2f} {currency}"


def _row(cells: list[str], *, numeric: set[int] | None = None, css: str = "") -> str:
    numeric = numeric or set()
    tds = "".join(f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>"
                  for i, c in enumerate(cells))
    return f'<tr class="{css}">{tds}</tr>' if css else f"<tr>{tds}</tr>"


def _header(cells: list[str]) -> str:
    return "<tr>" + "".join(f"<th>{escape(c)}</th>" for c in cells) + "</tr>"


def _rfq_plan(plan: Plan, money: Money, info: QuoteInfo, terms: QuoteTerms, L: Labels,
              comparison: Comparison) -> str:
    cur = money.currency
    discount = money.discount_rate if info.prices == "list" else 0.0  # as the workbook asks
    blank = info.prices == "blank"
    factor = price_factor(discount)
    until = info.quote_date + datetime.timedelta(days=info.valid_days)
    buyer = info.buyer
    parts = [f"<h1>{escape(L('rfq.title'))}</h1>",
             '<p class="note">' + escape(L("rfq.subtitle", vendor=vendor_name(plan.vendor, L.lang),
                                           server=plan.server, per_node=plan.gpus_per_node,
                                           gpu=plan.gpu_name))
             + f"<br>{escape(L('rfq.instructions'))}</p>",
             "<table>",
             _row([f"<b>{escape(L('rfq.no'))}</b>", escape(rfq_reference(info.quote_no, plan.config)),
                   f"<b>{escape(L('rfq.date'))}</b>", info.quote_date.isoformat()]),
             _row([f"<b>{escape(L('rfq.validity'))}</b>",
                   escape(L("rfq.validity_value", days=info.valid_days, until=until.isoformat())),
                   f"<b>{escape(L('rfq.currency'))}</b>", cur]),
             _row([f"<b>{escape(rfq_text(L.lang, 'rfq.config_id'))}</b>", escape(plan.config),
                   "", escape(rfq_text(L.lang, "rfq.reference_note"))]),
             "</table>",
             '<table width="100%"><tr><td width="50%">',
             f"<h2>{escape(L('rfq.buyer'))}</h2><table>"]
    for key, value in (("rfq.company", buyer.company), ("rfq.department", buyer.department),
                       ("rfq.contact", buyer.contact), ("rfq.phone", buyer.phone),
                       ("rfq.email", buyer.email), ("rfq.address", buyer.address)):
        parts.append(_row([f"<b>{escape(L(key))}</b>", escape(value)]))
    parts.append(f"</table></td><td><h2>{escape(L('rfq.supplier'))}</h2><table>")
    for key in ("rfq.company", "rfq.contact", "rfq.phone", "rfq.email", "rfq.address",
                "rfq.tax_id", "rfq.bank"):
        parts.append(_row([f"<b>{escape(L(key))}</b>", "_" * 40]))
    parts.append("</table></td></tr></table>")
    shown = f"{factor:.0%}" if round(factor * 100, 6).is_integer() else f"{factor:.1%}"
    racks = plan.racks.count if plan.racks else 0
    it_kw = plan.power.it_max_kw if plan.power else 0.0
    parts.append(
        f"<p><b>{escape(L('rfq.configuration'))}</b> "
        + escape(L("rfq.configuration_value", nodes=plan.nodes, server=plan.server,
                   per_node=plan.gpus_per_node, gpu=plan.gpu_name, gpus=plan.gpus, racks=racks,
                   it_kw=f"{it_kw:,.1f}"))
        + f"<br><b>{escape(L('rfq.vat_rate'))}</b> {money.vat_rate:.0%} · "
        f"<b>{escape(L('rfq.vat_rate_services'))}</b> {money.vat_rate_services:.0%} · "
        f"<b>{escape(L('rfq.discount'))}</b> {discount:.1%} · "
        + escape(L("quote.price_factor_note", factor=shown, zhe=zhe(discount)))
        + "</p>")
    parts.append('<table width="100%" border="1" cellspacing="0">')
    parts.append(_header([L("bom.no"), L("bom.part_number"), L("bom.description"), L("bom.qty"),
                          L("rfq.list_price"), L("rfq.unit_excl"), L("rfq.amount_excl"),
                          L("rfq.unit_incl"), L("rfq.amount_incl")]))
    number = 0
    total_excl = services_excl = 0.0
    for category in CATEGORIES:
        lines = [line for line in plan.bom if line.category == category]
        if not lines:
            continue
        number += 1
        parts.append(_row([str(number), escape(L.category(category)), "", "", "", "", "", "", ""],
                          css="group"))
        for i, line in enumerate(lines, 1):
            excl, incl = (float(p) for p in unit_prices(money, line))
            total_excl += line.qty * excl
            if category == "services":
                services_excl += line.qty * excl
            asked = asked_price(line, money, info)
            figures = ["", "", "", "", ""] if blank else [
                _money(asked or 0.0, cur), _money(excl, cur), _money(line.qty * excl, cur),
                _money(incl, cur), _money(line.qty * incl, cur)]
            parts.append(_row([f"{number}.{i}", escape(part_number(line)),
                               escape(description(line, L.lang)), f"{line.qty:,}", *figures],
                              numeric={3, 4, 5, 6, 7, 8}))
    total = float(total_incl_vat(money, plan.bom, info.prices))
    vat_services = fen(services_excl * money.vat_rate_services)  # the one rounding rule
    for key, amount in (("rfq.total_excl", total_excl),
                        ("rfq.vat_goods", total - total_excl - vat_services),
                        ("rfq.vat_services", vat_services), ("rfq.total_incl", total)):
        rate = {"rfq.vat_goods": money.vat_rate, "rfq.vat_services": money.vat_rate_services}.get(key)
        label = L(key) if rate is None else f"{L(key)} {rate:.0%}"
        parts.append(_row(["", "", "", "", "", "", "", f"<b>{escape(label)}</b>",
                           "" if blank else f"<b>{_money(amount, cur)}</b>"], numeric={7, 8},
                          css="total"))
    parts.append("</table>")
    if cur == "CNY":
        words_label, in_cny = L("rfq.in_words"), total
    else:
        rate = exchange_rate(comparison)
        words_label, in_cny = L("rfq.in_words_cny", rate=f"{rate:g}"), total * rate
    words = "_" * 40 if blank else escape(rmb_capital(in_cny))
    parts.append(f"<p><b>{escape(words_label)}: {words}</b></p>")
    warranty = comparison.request.finance.warranty_years or terms.warranty_years
    parts.append(f"<h2>{escape(L('rfq.terms'))}</h2><table>")
    for label, text in terms_items(terms, warranty, L, plan, comparison, info):
        parts.append(_row([f"<b>{escape(label)}</b>", escape(text)]))
    sign = (f"<br><br><br><br>{escape(L('rfq.signature'))}: ____________"
            f"<br>{escape(L('rfq.sign_date'))}: ____________</td>")
    parts.append(f"</table><h2>{escape(L('rfq.signatures'))}</h2>"
                 '<table width="100%"><tr>'
                 f"<td width='50%'><b>{escape(L('rfq.buyer_seal'))}</b>{sign}"
                 f"<td><b>{escape(L('rfq.supplier_seal'))}</b>{sign}"
                 "</tr></table>")
    return "\n".join(parts)


def _comparison(comparison: Comparison, info: QuoteInfo, L: Labels, chosen: list[str]) -> str:
    cur = currency_of(comparison)
    parts = [f"<h1>{escape(L('quote.title'))}</h1>",
             f"<p><b>{escape(L('quote.no'))}</b> {escape(info.quote_no)} · "
             f"<b>{escape(L('quote.date'))}</b> {info.quote_date.isoformat()} · "
             f"<b>{escape(L('quote.customer'))}</b> {escape(info.buyer.company or info.customer)}</p>",
             f"<h2>{escape(L('quote.configurations'))}</h2>",
             '<table width="100%" border="1" cellspacing="0">',
             _header([L("col.configuration"), L("col.server"), L("col.gpu"), L("col.gpus"),
                      L("col.nodes"), L("col.racks"), L("col.days"), L("col.capex"),
                      L("col.tco", years=max((m.years for _, m in priced(comparison)), default=0)),
                      L("col.status")])]
    for plan in comparison.plans:
        money = plan.money
        if money is None:
            reasons = "; ".join(L.say(m) for m in plan.refusals)
            parts.append(_row([escape(title(plan, L)), escape(plan.server), escape(plan.gpu_name),
                               "", "", "", "", "", "", escape(L("status.refused", reasons=reasons))]))
            continue
        status = status_text(plan, comparison.request.schedule.days is not None, L)
        parts.append(_row([escape(title(plan, L)), escape(plan.server), escape(plan.gpu_name),
                           f"{plan.gpus:,}", f"{plan.nodes:,}",
                           f"{plan.racks.count if plan.racks else 0:,}", f"{plan.days:,.1f}",
                           _money(money.capex, cur), _money(money.tco, cur), escape(status)],
                          numeric={3, 4, 5, 6, 7, 8}))
    parts.append("</table>")
    parts.append(f"<h2>{escape(L('quote.recommendation'))}</h2><p>")
    for label, named in recommended(comparison, L):
        parts.append(f"<b>{escape(label)}</b>: {escape(named)}<br>")
    for note in recommendation_notes(comparison, L.titles, L):
        parts.append(f"<span class='note'>{escape(note)}</span><br>")
    parts.append(f"</p><h2>{escape(L('cmp.warnings'))}</h2><p class='note'>")
    for names, text in grouped_warnings(priced(comparison), L):
        parts.append(f"{escape(names)}: {escape(text)}<br>")
    parts.append("</p>")
    for plan, money in priced(comparison):
        if plan.config not in chosen:
            continue
        heading = L("bom.title", server=plan.server, gpus_per_node=plan.gpus_per_node,
                    gpu=plan.gpu_name)
        parts.append(f"<h2>{escape(heading)}</h2>")
        parts.append('<table width="100%" border="1" cellspacing="0">')
        parts.append(_header([L("bom.part_number"), L("bom.description"), L("bom.qty"),
                              L("bom.unit_price"), L("bom.total")]))
        for line in plan.bom:
            parts.append(_row([escape(part_number_said(line, L)), escape(description(line, L.lang)),
                               f"{line.qty:,}", _money(line.unit_price, line.currency or cur),
                               _money(line.total, line.currency or cur)], numeric={2, 3, 4}))
        for key, value in (("bom.before_discount", money.hardware + money.services),
                           ("bom.discount", -money.discount), ("bom.net", money.net),
                           ("bom.vat_goods", money.vat_goods),
                           ("bom.vat_services", money.vat_services),
                           ("bom.grand_total", money.capex)):
            parts.append(_row(["", f"<b>{escape(L(key))}</b>", "", "", _money(value, cur)],
                              numeric={4}, css="total" if key == "bom.grand_total" else ""))
        parts.append("</table>")
    return "\n".join(parts)


def quote_html(comparison: Comparison, info: QuoteInfo, detail: Detail = "shortlist") -> str:
    """The whole quote of ``info.kind`` as an HTML document (UTF-8 text); ``detail`` as for
    the workbook."""
    L = Labels(info.lang)
    L.titles = titles(comparison.plans, info.lang)
    chosen = detailed(comparison, detail) if priced(comparison) else []
    if info.kind == "rfq":
        terms = info.terms or load_terms()[1]
        body = '<div style="page-break-after: always"></div>'.join(
            _rfq_plan(plan, money, info, terms, L, comparison) for plan, money in priced(comparison)
            if plan.config in chosen)
        body = body or escape(L("rfq.no_plans"))
    else:
        body = _comparison(comparison, info, L, chosen)
    lang = "zh-CN" if info.lang == "zh" else "en"
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<style>{_STYLE}</style></head><body>{body}</body></html>")
