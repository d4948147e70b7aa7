"""The reconciliation report: like-for-like comparison, then one sheet per vendor quotation.

Uses the quote workbook's named styles, safe text (a vendor's "=..." stays text) and
atomic saving. Sums are formulas over the cells they add up; figures the engine
derived (normalised totals, adjustments) are values with their source beside them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

from engine.export.labels import Labels
from engine.export.safe import save_atomically, sheet_name
from engine.export.sheet import PrintHeading, SheetWriter, display_width, print_setup
from engine.export.styles import money_style, register_styles
from engine.i18n import get
from engine.i18n import t as text_of
from engine.quotes.model import LikeForLike, Reconciliation
from engine.quotes.present import mapping_text

Lang = Literal["en", "zh"]

PART_WIDTH = 28  # the widest a part-number column grows; a longer number wraps
_ROLES = ("server", "storage-system", "management-server")  # by-item keys of each vendor's own kit


def _w(key: str, lang: Lang, **kw: str) -> str:
    """The report's words: the catalogue's recon-<key> (resources/i18n/<lang>/reconcile.ftl)."""
    return text_of(f"recon.{key}", lang, **kw)


def _category(category: str, lang: Lang) -> str:
    if category in ("unmatched", "discount"):
        return _w(category, lang)
    return Labels(lang).category(category)


def _item(item: str, lang: Lang) -> str:
    """A plan item as the reader knows it: its id in English (the command line takes it),
    its Chinese description from the price list in Chinese ("spare:" items as spares)."""
    if lang == "en" or not item:
        return item
    from engine.money.prices import load_price_list

    spare = item.startswith("spare:")
    key = item.removeprefix("spare:")
    entry = load_price_list().entries.get(key)
    name = entry.description_zh if entry is not None else _service_zh(key)
    if not name:
        return item
    return text_of("recon.spare", lang, item=name) if spare else name


def _service_zh(item: str) -> str:
    """A service's Chinese name from the catalogue (warranty, project management, logistics
    are priced by rate, not listed): the words the quote's BOM sheet uses for it."""
    from engine.catalog import load_catalog

    catalog = load_catalog()
    service = catalog.rated_services.get(item) or catalog.services.get(item)
    return service.name_zh if service is not None else ""


def _kind(kind: str, lang: Lang) -> str:
    return get(f"recon.kind.{kind}", lang, kind)


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
    # room above the total's double border and below it, so the row under it is not crossed
    w.ws.row_dimensions[row].height = 21
    w.ws.row_dimensions[row + 1].height = 18
    w.text(row, 1, _w("normalised", lang), "cq_total_label")
    for col, t in enumerate(like.vendors, start=2):
        letter = get_column_letter(col)
        w.formula(row, col, f"=SUM({letter}{first}:{letter}{row - 1})", total, shown=t.normalised_total)
    row += 1
    w.text(row, 1, _w("computed", lang), "cq_note")
    for col, t in enumerate(like.vendors, start=2):
        w.number(row, col, t.computed_total, money)
    for line in w.ws.iter_rows(min_row=first, max_row=row, max_col=1 + len(like.vendors)):
        for cell in line:  # each label level with its figures, clear of the total's borders
            cell.alignment = Alignment(horizontal=cell.alignment.horizontal, vertical="center")
    row += 2
    difference = _w("difference", lang)
    row = _differences(w, row, _w("drivers", lang), [_w("category", lang), difference],
                       [(_category(c, lang), d) for c, d in like.drivers], money)
    row = _differences(w, row, _w("item_drivers", lang), [_w("item", lang), difference],
                       [(_w(i, lang) if i in _ROLES else _item(i, lang), d)
                        for i, d in like.item_drivers[:12]], money)
    # the adjustments table starts a page of its own, and only its header repeats on the pages
    # it runs over: the vendors' header above it would name columns it does not have
    w.ws.row_breaks.append(Break(id=row - 1))
    w.text(row, 1, _w("adjustments", lang), "cq_section")
    row += 1
    w.header(row, 1, [_w("vendor", lang), _w("kind", lang), _w("item", lang), _w("category", lang),
                      _w("amount", lang), _w("source", lang)])
    adjustments_header = row
    row += 1
    for t in like.vendors:
        for a in t.adjustments:
            w.text(row, 1, t.vendor or t.file)
            w.text(row, 2, _kind(a.kind, lang))
            w.wrapped(row, 3, _item(a.item, lang), width=36)
            w.text(row, 4, _category(a.category, lang))
            w.number(row, 5, a.amount, money)
            w.wrapped(row, 6, a.source_in(lang), width=60)
            row += 1
    w.ws.freeze_panes = "B6"
    heading = PrintHeading(left=_w("title", lang), right="", footer=Labels(lang)("footer.page"))
    print_setup(w.ws, heading, title_rows=f"{adjustments_header}:{adjustments_header}")
    # a vendor's column as wide as its file's name (a word the header must not break), within reason
    w.finish(fixed={1: 30, **{col: min(max(26, display_width(t.file) + 4), 48)
                              for col, t in enumerate(like.vendors, start=2)}})


def _differences(w: SheetWriter, row: int, title: str, heads: list[str], rows: list[tuple[str, float]],
                 money: str) -> int:
    """A titled two-column table of differences; returns the row after it."""
    if not rows:
        return row
    w.text(row, 1, title, "cq_section")
    w.header(row + 1, 1, heads)
    row += 2
    for label, diff in rows:
        w.wrapped(row, 1, label, width=30)
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
        ("mapping", mapping_text(q.mapping, lang)), ("compared", _compared(rec, lang)),
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
        # the line as the finding names it (description, part number), else the plan item's name
        named = "part" in dict(f.params)
        w.text(row, 7, (f.part(lang) if named else _item(f.item, lang)) if f.item else "")
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
        w.wrapped(row, 2, line.part_number, width=PART_WIDTH)  # a long one wraps, never clipped
        w.wrapped(row, 3, ("    " if line.is_component else "") + line.description, width=55)
        w.number(row, 4, line.qty, "cq_num" if line.qty % 1 else "cq_int")
        w.number(row, 5, line.unit_price, money_style(qcur))
        w.number(row, 6, line.total, money_style(qcur))
        w.text(row, 7, _item(m.item, lang) if m and m.item else "")
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
    parts = max((display_width(line.part_number) for line in q.lines), default=0)
    w.finish(fixed={2: min(max(18, parts + 2), PART_WIDTH), 3: 55, 6: 20})
