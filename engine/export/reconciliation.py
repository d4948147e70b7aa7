"""The reconciliation report: like-for-like comparison, then one sheet per vendor quotation.

Uses the quote workbook's named styles, safe text (a vendor's "=..." stays text) and
atomic saving. Sums are formulas over the cells they add up; figures the engine
derived (normalised totals, adjustments) are values with their source beside them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from engine.export.labels import Labels
from engine.export.safe import save_atomically, sheet_name
from engine.export.sheet import PrintHeading, SheetWriter, print_setup
from engine.export.styles import money_style, register_styles
from engine.quotes.model import LikeForLike, Reconciliation
from engine.quotes.present import mapping_text

Lang = Literal["en", "zh"]

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("Vendor quotations reconciled with the plan", "供应商报价与方案核对"),
    "subtitle": ("Totals in {cur}, excluding VAT, brought to the plan's scope; every adjustment "
                 "names its source.", "金额以 {cur} 计，不含增值税，按方案范围归一；每项调整注明来源。"),
    "like": ("Like for like", "同口径比较"),
    "category": ("Category", "类别"),
    "computed": ("Quoted (computed)", "报价（核算）"),
    "normalised": ("Normalised total", "归一后总价"),
    "adjustments": ("Adjustments to the plan's scope", "按方案范围所作调整"),
    "kind": ("Kind", "类型"), "item": ("Item", "项目"), "amount": ("Amount", "金额"),
    "source": ("Source", "来源"), "row": ("Row", "行"),
    "drivers": ("Differences by category (second minus first)", "分类差异（后者减前者）"),
    "difference": ("Difference", "差额"),
    "item_drivers": ("Largest differences by item (second minus first)", "按项目的主要差异（后者减前者）"),
    "server": ("GPU server (as configured)", "GPU 服务器（整机）"),
    "storage-system": ("Storage system (the vendor's own)", "存储系统（厂商自有）"),
    "management-server": ("Management servers (the vendor's own)", "管理服务器（厂商自有）"),
    "quote": ("Quotation", "报价单"), "vendor": ("Vendor", "供应商"),
    "config": ("Plan configuration", "方案配置"),
    "quote_no": ("Quote number", "报价单号"), "date": ("Date", "日期"), "currency": ("Currency", "币种"),
    "basis": ("Prices", "价格"), "mapping": ("Columns read", "读取的列"),
    "compared": ("Compared with", "对比的方案价格"),
    "basis_list": ("the plan's list prices: the quotation states its own discount ({quote} of its "
                   "lines; the plan's is {plan})",
                   "方案标价：报价单自列折扣（占报价行 {quote}；方案折扣 {plan}）"),
    "basis_net": ("the plan's list prices less its {plan} discount", "方案标价扣除方案折扣 {plan}"),
    "basis_none": ("the plan's prices (no discount)", "方案价格（无折扣）"),
    "stated": ("Vendor's total (excl. VAT)", "供应商总价（不含税）"),
    "lines": ("Quoted lines", "报价行"),
    "part": ("Part number", "物料编码"), "description": ("Description", "描述"), "qty": ("Qty", "数量"),
    "unit": ("Unit price (as quoted)", "单价（原报价）"), "total": ("Total (as quoted)", "总价（原报价）"),
    "match": ("Plan item", "方案项目"), "score": ("Score", "匹配度"), "remark": ("Remark", "备注"),
    "unit_plan": ("Unit price ({cur}, excl. VAT)", "单价（{cur}，不含税）"),
    "findings": ("Findings", "核对结果"), "expected": ("Expected", "应为"), "found": ("Found", "实为"),
    "message": ("Message", "说明"), "none": ("No findings.", "无差异。"),
    "sum": ("Sum of quoted lines (as quoted)", "报价行合计（原报价）"),
    "excluded": ("excluding VAT", "不含税"), "included": ("including VAT", "含税"),
    "unknown": ("VAT basis not stated", "未注明是否含税"),
    "unmatched": ("Not in the plan", "方案外项目"), "discount": ("Discount", "折扣"),
}
_ROLES = ("server", "storage-system", "management-server")  # by-item keys of each vendor's own kit
_KINDS = {"qty_mismatch": "数量不符", "price_diff": "价格差异", "missing": "漏报", "extra": "多报",
          "arithmetic": "计算错误", "ambiguous": "存疑", "omitted": "补足漏报", "qty_shortfall": "补足数量",
          "qty_excess": "扣除多余数量", "bundled_service": "拆分捆绑服务", "out_of_scope": "范围外剔除"}


def _w(key: str, lang: Lang, **kw: str) -> str:
    en, zh = _WORDS[key]
    return (zh if lang == "zh" else en).format(**kw)


def _category(category: str, lang: Lang) -> str:
    if category in ("unmatched", "discount"):
        return _w(category, lang)
    return Labels(lang).category(category)


def _kind(kind: str, lang: Lang) -> str:
    return _KINDS.get(kind, kind) if lang == "zh" else kind


def build_report(recs: list[Reconciliation], like: LikeForLike, lang: Lang = "en") -> Workbook:
    currencies = {like.currency} | {r.quote.currency for r in recs if r.quote.currency}
    book = Workbook()
    register_styles(book, lang, currencies)
    taken: set[str] = set()
    ws = book.active
    ws.title = sheet_name(_w("like", lang), taken)
    _like_sheet(SheetWriter(ws), like, lang)
    for rec in recs:
        title = sheet_name(f"{rec.quote.vendor or rec.quote.file[:20]} {rec.quote.quote_no}".strip(), taken)
        _quote_sheet(SheetWriter(book.create_sheet(title)), rec, lang)
    return book


def write_reconciliation(recs: list[Reconciliation], like: LikeForLike, path: Path,
                         *, lang: Lang = "en") -> Path:
    """Write the report workbook to ``path`` atomically; ExportError says why it could not."""
    return save_atomically(build_report(recs, like, lang), Path(path))


def _like_sheet(w: SheetWriter, like: LikeForLike, lang: Lang) -> None:
    cur = like.currency
    money, total = money_style(cur), money_style(cur, "total")
    w.text(1, 1, _w("title", lang), "cq_title")
    w.text(2, 1, _w("subtitle", lang, cur=cur), "cq_subtitle", fit=False)
    w.text(4, 1, _w("like", lang), "cq_section")
    w.header(5, 1, [_w("category", lang)] + [f"{t.vendor or '?'}\n{t.file}" for t in like.vendors])
    row = 6
    first = row
    for category in like.categories:
        w.text(row, 1, _category(category, lang))
        for col, t in enumerate(like.vendors, start=2):
            w.number(row, col, dict(t.by_category).get(category, 0.0), money)
        row += 1
    w.text(row, 1, _w("normalised", lang), "cq_total_label")
    for col, t in enumerate(like.vendors, start=2):
        letter = get_column_letter(col)
        w.formula(row, col, f"=SUM({letter}{first}:{letter}{row - 1})", total, shown=t.normalised_total)
    row += 1
    w.text(row, 1, _w("computed", lang), "cq_note")
    for col, t in enumerate(like.vendors, start=2):
        w.number(row, col, t.computed_total, money)
    row += 2
    difference = _w("difference", lang)
    row = _differences(w, row, _w("drivers", lang), [_w("category", lang), difference],
                       [(_category(c, lang), d) for c, d in like.drivers], money)
    row = _differences(w, row, _w("item_drivers", lang), [_w("item", lang), difference],
                       [(_w(i, lang) if i in _ROLES else i, d) for i, d in like.item_drivers[:12]],
                       money)
    w.text(row, 1, _w("adjustments", lang), "cq_section")
    row += 1
    w.header(row, 1, [_w("vendor", lang), _w("kind", lang), _w("item", lang), _w("category", lang),
                      _w("amount", lang), _w("source", lang)])
    row += 1
    for t in like.vendors:
        for a in t.adjustments:
            w.text(row, 1, t.vendor or t.file)
            w.text(row, 2, _kind(a.kind, lang))
            w.text(row, 3, a.item)
            w.text(row, 4, _category(a.category, lang))
            w.number(row, 5, a.amount, money)
            w.wrapped(row, 6, a.source, width=60)
            row += 1
    w.ws.freeze_panes = "B6"
    heading = PrintHeading(left=_w("title", lang), right="", footer=Labels(lang)("footer.page"))
    print_setup(w.ws, heading, title_rows="5:5")
    w.finish(fixed={1: 30, **{col: 26 for col in range(2, 2 + len(like.vendors))}})


def _differences(w: SheetWriter, row: int, title: str, heads: list[str], rows: list[tuple[str, float]],
                 money: str) -> int:
    """A titled two-column table of differences; returns the row after it."""
    if not rows:
        return row
    w.text(row, 1, title, "cq_section")
    w.header(row + 1, 1, heads)
    row += 2
    for label, diff in rows:
        w.text(row, 1, label)
        w.number(row, 2, diff, money)
        row += 1
    return row + 1


def _compared(rec: Reconciliation, lang: Lang) -> str:
    """The plan prices the quoted lines were compared with (a price finding's "expected")."""
    plan = f"{rec.plan_discount * 100:g}%"
    if rec.list_prices:
        return _w("basis_list", lang, quote=f"{rec.quote_discount:.1%}", plan=plan)
    return _w("basis_net", lang, plan=plan) if rec.plan_discount else _w("basis_none", lang)


def _quote_sheet(w: SheetWriter, rec: Reconciliation, lang: Lang) -> None:
    q = rec.quote
    qcur = q.currency or rec.plan_currency
    cur = rec.plan_currency
    w.text(1, 1, f"{_w('quote', lang)}: {q.file}", "cq_title")
    facts = [
        ("vendor", q.vendor or "?"), ("quote_no", q.quote_no), ("date", q.date),
        ("currency", qcur), ("basis", _w(q.vat_basis, lang)), ("config", rec.config),
        ("mapping", mapping_text(q.mapping)), ("compared", _compared(rec, lang)),
    ]
    row = 3
    for key, value in facts:
        w.text(row, 1, _w(key, lang), "cq_label")
        w.text(row, 2, value, fit=False)
        row += 1
    w.text(row, 1, _w("stated", lang), "cq_label")
    if rec.stated_total is not None:
        w.number(row, 2, rec.stated_total, money_style(cur))
    row += 2
    w.text(row, 1, _w("findings", lang), "cq_section")
    row += 1
    # the message takes the wide description column of the lines table below, the item its plan-item one
    w.header(row, 1, [_w("row", lang), _w("kind", lang), _w("message", lang), "", _w("expected", lang),
                      _w("found", lang), _w("item", lang)])
    row += 1
    if not rec.findings:
        w.text(row, 1, _w("none", lang), "cq_note")
        row += 1
    for f in rec.findings:
        if f.row is not None:
            w.number(row, 1, f.row, "cq_int")
        else:
            w.text(row, 1, "-")
        w.text(row, 2, _kind(f.kind, lang))
        w.wrapped(row, 3, f.text(lang), width=55)
        figures: tuple[tuple[int, float | str | None], ...] = ((5, f.expected), (6, f.found))
        for col, figure in figures:
            if isinstance(figure, int | float):
                w.number(row, col, figure, "cq_num")
            elif figure is not None:
                w.text(row, col, figure, fit=False)
        w.text(row, 7, f.part(lang) if f.item else "")
        row += 1
    row += 1
    w.text(row, 1, _w("lines", lang), "cq_section")
    row += 1
    w.header(row, 1, [_w("row", lang), _w("part", lang), _w("description", lang), _w("qty", lang),
                      _w("unit", lang), _w("total", lang), _w("match", lang), _w("score", lang),
                      _w("unit_plan", lang, cur=cur), _w("remark", lang)])
    header_row = row
    row += 1
    first = row
    for line in q.lines:
        m = rec.match(line.row)
        w.number(row, 1, line.row, "cq_int")
        w.text(row, 2, line.part_number)
        w.wrapped(row, 3, ("    " if line.is_component else "") + line.description, width=55)
        w.number(row, 4, line.qty, "cq_num" if line.qty % 1 else "cq_int")
        w.number(row, 5, line.unit_price, money_style(qcur))
        w.number(row, 6, line.total, money_style(qcur))
        w.text(row, 7, m.item if m and m.item else "")
        if m and m.item:
            w.number(row, 8, m.score, "cq_num")
        if line.unit_price:
            w.number(row, 9, rec.in_plan_money(line.unit_price, line.row), money_style(cur))
        if line.remark:
            w.wrapped(row, 10, line.remark, width=30)  # the vendor's words: text, never a formula
        row += 1
    w.text(row, 3, _w("sum", lang), "cq_sum_label")
    w.formula(row, 6, f"=SUM(F{first}:F{row - 1})", money_style(qcur, "sub"),
              shown=sum(line.stated_amount for line in q.items))
    w.ws.freeze_panes = f"A{header_row + 1}"
    heading = PrintHeading(left=" · ".join(t for t in (_w("quote", lang), q.vendor, q.quote_no) if t),
                           right=q.date, footer=Labels(lang)("footer.page"))
    print_setup(w.ws, heading, title_rows=f"{header_row}:{header_row}")
    w.finish(fixed={2: 18, 3: 55, 6: 20})
