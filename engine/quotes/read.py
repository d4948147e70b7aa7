"""Reading a vendor quotation: letterhead, header, lines, configured systems, sum rows."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from engine.errors import shown
from engine.i18n import t as catalogue
from engine.money.prices import CURRENCIES
from engine.plausible import price_problem
from engine.quotes.layout import (
    data_start,
    find_header,
    has_numeric_column,
    header_labels,
    map_columns,
    text,
    vat_of,
)
from engine.quotes.mappings import apply_remembered, remembered_mapping
from engine.quotes.model import ColumnMap, Finding, QuoteError, QuoteLine, SumRow, VatBasis, VendorQuote
from engine.quotes.model import said as finding
from engine.quotes.numbers import currencies_in, currency_in, parse_number, percent_in
from engine.quotes.rules import holds, keyed_words, rules, squeeze, which, words
from engine.quotes.source import Grid, load_grids

_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")


def read_quote(path: str | Path, *, vendor: str | None = None, mapping: ColumnMap | None = None,
               use_remembered: bool = True) -> VendorQuote:
    """Read a vendor's .xlsx or .csv quotation; QuoteError names the file and what is wrong.

    ``vendor`` overrides the vendor found in the letterhead; ``mapping`` (a user's
    correction) overrides the detected columns; otherwise a mapping remembered for
    the vendor is used when its headers are all present.
    """
    source = Path(path)
    grids = load_grids(source)
    found = [(grid, header) for grid in grids if (header := find_header(grid.rows)) is not None]
    if mapping is not None:
        grid = next((g for g, h in found if h[0] == mapping.header_row - 1), grids[0])
        if not 1 <= mapping.header_row <= len(grid.rows):
            raise QuoteError(f"{source.name}: the header row {mapping.header_row} is not in the sheet")
        labels = header_labels(grid.rows, mapping.header_row - 1)
        return _interpret(source, grid, mapping.header_row - 1, labels, vendor, mapping, False)
    if not found:
        raise QuoteError(
            f"{source.name}: no header row found in the first rows: a quotation needs a row naming "
            "its columns, such as Part number, Description, Qty, Unit price "
            "(or 物料编码, 描述, 数量, 单价)")
    grid, (header_index, labels) = found[0]
    quote = _interpret(source, grid, header_index, labels, vendor, None, use_remembered)
    return _one_sheet_of(quote, [g.sheet for g, _ in found])


def _one_sheet_of(quote: VendorQuote, sheets: list[str]) -> VendorQuote:
    """A workbook of several quotation sheets (an RFQ of several configurations): one is read,
    the active one, and a finding says which, so the others are not taken as quoted."""
    others = [name for name in sheets if name != quote.sheet]
    if not others:
        return quote
    said = finding("ambiguous", None, "", ", ".join(others), quote.sheet, "several_sheets",
                   count=len(sheets), sheet=quote.sheet, others=", ".join(repr(n) for n in others),
                   others_zh="、".join(f"“{n}”" for n in others))
    return replace(quote, issues=(*quote.issues, said))


def _interpret(source: Path, grid: Grid, header_index: int, labels: list[str], vendor: str | None,
               corrected: ColumnMap | None, use_remembered: bool) -> VendorQuote:
    letterhead = [text(v) for row in grid.rows[:header_index] for v in row if text(v)]
    found_vendor = vendor if vendor is not None else _vendor(letterhead, source.name)
    issues: list[Finding] = []
    notes: list[str] = []
    if corrected is not None:
        mapping = replace(corrected, headers=tuple(labels), origin="corrected")
    else:
        mapping, issues, notes = map_columns(header_index, labels)
        remembered = remembered_mapping(found_vendor) if use_remembered else {}
        if remembered:
            applied = apply_remembered(remembered, header_index + 1, labels)
            if applied is not None:
                mapping, issues = applied, []
                notes.append(f"the column mapping remembered for {found_vendor} was used")
    if not has_numeric_column(mapping):
        raise QuoteError(f"{source.name}: no quantity, price or amount column under the header in "
                         f"row {header_index + 1}; nothing was imported")
    if grid.formulas:
        notes.append(f"{grid.formulas} cells are formulas: their results as last saved were read, "
                     "never recalculated")
    start = data_start(grid.rows, header_index)
    said_currency: list[Finding] = []
    currency = _currency(letterhead, labels, grid.rows[start:], header_index + 1, said_currency)
    if currency and currency not in CURRENCIES:
        raise QuoteError(f"{source.name}: the prices are in {currency}; a plan converts CNY and USD only "
                         "(at its exchange rate): ask the vendor for CNY or USD, or convert the prices, "
                         "and import the file again")
    lines, sums, row_issues = _rows(grid.rows, start, mapping, currency or "CNY")
    issues += row_issues
    lines, block_notes, block_issues = _components(lines, mapping, letterhead)
    notes += block_notes
    issues += block_issues
    if not lines:
        raise QuoteError(f"{source.name}: no quoted line with a quantity or a price under the header "
                         f"in row {header_index + 1}; nothing was imported")
    issues += said_currency
    basis, rate = _vat(letterhead, mapping, sums)
    notes.append(f"prices read as {'excluding' if basis == 'excluded' else 'including'} VAT"
                 if basis != "unknown" else "the file does not say whether prices include VAT")
    return VendorQuote(
        file=source.name, sheet=grid.sheet, vendor=found_vendor,
        quote_no=_labelled(letterhead, "quote_no"), date=_date(letterhead),
        rfq_no=_labelled(letterhead, "rfq_no"), config_id=_labelled(letterhead, "config_id"),
        currency=currency, vat_basis=basis, vat_rate=rate, mapping=mapping,
        lines=tuple(lines), sums=tuple(sums), issues=tuple(issues), notes=tuple(notes),
        letterhead=tuple(letterhead))


def _vendor(letterhead: list[str], file_name: str) -> str:
    hits = {name for name, marks in keyed_words("vendors").items()
            for cell in [*letterhead, file_name] if holds(cell, marks)}
    return hits.pop() if len(hits) == 1 else ""


# a label that is more specific than another: a quote number is never the RFQ's number
_NOT = {"quote_no": ("rfq_no", "config_id")}
_NEXT_LABEL = re.compile(r"\s+[^\s:：]{1,20}\s?[:：]|日期|date\s*[:：]", re.IGNORECASE)
_TRAILING_DATE = re.compile(r"[\s,，;；]+\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*$")


def _labelled(letterhead: list[str], key: str) -> str:
    """The value after a label such as 'Quote No.:' in the same cell, or in the next cell;
    never the next field of the same cell ("报价单号：Q-01 日期：2026-12-01" gives Q-01)."""
    marks = words("letterhead", key)
    others = tuple(w for k in _NOT.get(key, ()) for w in words("letterhead", k))
    for i, cell in enumerate(letterhead):
        for part in re.split(r"[;；|]", cell):
            pieces = re.split(r"[:：]", part, maxsplit=1)
            label, value = (pieces[0], pieces[1]) if len(pieces) == 2 else (part, "")
            if not holds(label, marks) or holds(label, others):
                continue
            if value.strip():
                return _value(value)
            following = next((c for c in letterhead[i + 1:] if c != cell), "")  # merged: repeated
            if following and not _is_label(following):
                return _value(following)
    return ""


def _value(raw: str) -> str:
    """A field's value without the next field or a date written after it."""
    cut = _NEXT_LABEL.search(raw.strip())
    value = raw.strip()[:cut.start()] if cut and cut.start() > 0 else raw.strip()
    bare = _TRAILING_DATE.sub("", value)
    return (bare or value).strip(" ,，;；")


def _is_label(cell: str) -> bool:
    return any(holds(cell.split(":")[0].split("：")[0], words("letterhead", k))
               for k in ("rfq_no", "config_id", "quote_no", "date")) and len(cell) <= 20


def _date(letterhead: list[str]) -> str:
    raw = _labelled(letterhead, "date")
    for candidate in (raw, *letterhead):
        found = _DATE.search(candidate)
        if found:
            try:
                return dt.date(*map(int, found.groups())).isoformat()
            except ValueError:
                continue
    return ""


def _currency(letterhead: list[str], labels: list[str], rows: tuple[tuple[object, ...], ...],
              header_row: int, issues: list[Finding]) -> str:
    named = list(dict.fromkeys(code for cell in [*letterhead, *labels] for code in currencies_in(cell)))
    if len(named) > 1:
        issues.append(finding("ambiguous", header_row, "", " or ".join(named), named[0], "currencies",
                              named=" and ".join(named), named_zh="和".join(named), first=named[0]))
    if named:
        return named[0]
    for row in rows[:200]:
        for value in row:
            if isinstance(value, str) and parse_number(value) is not None:
                code = currency_in(value)
                if code:
                    return code
    return ""


def _vat(letterhead: list[str], mapping: ColumnMap, sums: list[SumRow]) -> tuple[VatBasis, float | None]:
    rate = next((s.rate for s in sums if s.kind == "tax" and s.rate is not None), None)
    for cell in letterhead:
        if rate is None and holds(cell, words("row_labels", "tax")):
            rate = percent_in(cell)
    for name in ("unit_price", "total"):
        said = vat_of(mapping.label(name))
        if said is not None:
            return ("included" if said else "excluded"), rate
    for cell in letterhead:
        said = vat_of(cell)
        if said is not None:
            return ("included" if said else "excluded"), rate
    if any(s.kind == "tax" for s in sums):  # VAT added beneath the lines: the lines exclude it
        return "excluded", rate
    return "unknown", rate


def _cell(row: tuple[object, ...], col: int | None) -> object:
    return row[col] if col is not None and col < len(row) else None


def _rows(rows: tuple[tuple[object, ...], ...], start: int, mapping: ColumnMap, currency: str
          ) -> tuple[list[QuoteLine], list[SumRow], list[Finding]]:
    lines: list[QuoteLine] = []
    sums: list[SumRow] = []
    issues: list[Finding] = []
    numeric = {mapping.get(n) for n in ("qty", "unit_price", "total")} - {None}
    group = ""
    closed = False  # past a grand total: the line table has ended, terms and signatures follow
    for index in range(start, len(rows)):
        row, number = rows[index], index + 1
        if not any(text(v) for v in row):
            continue
        qty_raw = _cell(row, mapping.get("qty"))
        qty = parse_number(qty_raw)
        unit = parse_number(_cell(row, mapping.get("unit_price")))
        total = parse_number(_cell(row, mapping.get("total")))
        part = text(_cell(row, mapping.get("part_number")))
        desc = " ".join(dict.fromkeys(
            t for c in mapping.all("description") if (t := text(_cell(row, c)))))
        words_in_row = " ".join(dict.fromkeys(
            text(v) for c, v in enumerate(row) if c not in numeric and parse_number(v) is None and text(v)))
        # a merged label cell may spread over the part and quantity columns; a 小计 row may
        # also add up the quantities above it: a label alone, no part number, is still a sum
        if qty is None or (not part and _only_label(words_in_row)):
            label = which(words_in_row, "row_labels")
            amount = total if total is not None else unit
            if amount is None:  # a label and its figure in other columns
                figures = [parse_number(v) for v in row]
                amount = next((f for f in reversed(figures) if f is not None), None)
            if label is not None and amount is not None:
                sums.append(SumRow(number, label, words_in_row, amount,  # type: ignore[arg-type]
                                   _rate(row) if label == "tax" else None,
                                   vat_of(words_in_row) if label == "grand_total" else None))
                closed = closed or label == "grand_total"
                continue
        if closed:
            if qty is None or (unit is None and total is None):
                continue  # the amount in words, its check, terms, signatures: not lines
            closed = False  # a priced line after a total (a total of part of the lines)
        if qty is None and unit is None and total is None and _heading(row, qty_raw):
            group = words_in_row  # a merged section heading ("一、计算设备") spans the qty column
            continue
        if qty is None and text(qty_raw):
            issues.append(finding("ambiguous", number, "", None, text(qty_raw), "qty_not_number",
                                  text=text(qty_raw)))
            continue
        unread = _unreadable_figure(row, mapping, unit, total)
        if qty is not None and unread:
            field = unread[0].replace(" ", "_")
            issues.append(finding("ambiguous", number, "", None, unread[1], "figure_not_number",
                                  field=unread[0], field_zh=catalogue("recon.field", "zh", field=field),
                                  text=unread[1]))
            continue
        if qty is None and unit is None and total is None:
            group = words_in_row  # a section heading such as "一、计算节点", "9 Spares"
            continue
        if not part and not desc:
            issues.append(finding("ambiguous", number, "", None, None, "no_part"))
            continue
        if qty is None:
            issues.append(finding("ambiguous", number, "", None, None, "no_qty"))
            qty = 1.0
        problem = (_implausible(qty, unit, total, currency, f"{part} {desc} {words_in_row}")
                   or _price_problem(unit, currency, f"{part} {desc}"))
        if problem:
            issues.append(finding("ambiguous", number, "", None, None, "implausible",
                                  problem=problem["en"], problem_zh=problem["zh"]))
            continue
        lines.append(QuoteLine(number, part, desc, qty, unit, total, qty_total=qty,
                               remark=text(_cell(row, mapping.get("remark"))), group=group))
    return lines, sums, issues


def _only_label(words_in_row: str) -> bool:
    """Text that is a sum row's label and little else ("小计", "网络设备小计", "Subtotal")."""
    return which(words_in_row, "row_labels") is not None and len(squeeze(words_in_row)) <= 16


def _heading(row: tuple[object, ...], qty_raw: object) -> bool:
    """A row of no figures whose text in the quantity column is a merged cell's (the same
    text in another column too): a section heading, not a quantity that is no number."""
    said = text(qty_raw)
    return bool(said) and sum(1 for v in row if text(v) == said) > 1


def _price_problem(unit: float | None, currency: str, said: str) -> dict[str, str] | None:
    """engine.plausible's verdict on a line's unit price, in each language, or None."""
    if unit is None or not price_problem(unit, currency, said):
        return None
    return {lang: price_problem(unit, currency, said, lang) for lang in ("en", "zh")}


def _implausible(qty: float, unit: float | None, total: float | None, currency: str,
                 said: str) -> dict[str, str] | None:
    """Why a line's figures are no figures of a cluster quotation (resources/quotes.toml
    [plausible]), in each language, or None: a quantity below 0 or past the bound, a price or
    amount past the bound for its currency, or below 0 on a line that does not say it is a
    discount. The sentences are the catalogue's ``implausible.*`` (findings.ftl)."""
    bound = rules()["plausible"]
    code, figures = "", {}
    discount = holds(said, words("row_labels", "discount"))
    amount = qty * unit if unit is not None else total
    if qty < 0:
        code, figures = "implausible.qty-negative", dict(qty=f"{qty:g}")
    elif qty > bound["qty"]["max"]:
        code, figures = "implausible.qty-large", dict(qty=_figure(qty), most=bound["qty"]["max"])
    for name, value, key in (("unit-price", unit, "unit_price"), ("total", total, "line_total"),
                             ("amount", amount, "line_total")):
        if code or value is None:
            continue
        most = bound[f"{key}_{currency}"]["max"]
        if value < 0 and not discount:
            code, figures = "implausible.negative", dict(what=name, value=_figure(value))
        elif abs(value) > most:
            code, figures = "implausible.large", dict(what=name, value=_figure(value),
                                                      currency=currency, most=most)
    if not code:
        return None
    return {lang: catalogue(code, lang, **figures) for lang in ("en", "zh")}


def _figure(value: float) -> str:
    return f"{value:,.2f}".removesuffix(".00") if abs(value) < 1e15 else f"{value:.3g}"


_FIGURE_LIKE = re.compile(r"\d|^(?:[-+]?(?:inf|infinity|nan)|true|false)$", re.IGNORECASE)


def _unreadable_figure(row: tuple[object, ...], mapping: ColumnMap, unit: float | None,
                       total: float | None) -> tuple[str, str] | None:
    """The price or total cell that tries to be a figure and is none ('1e308', 'inf', TRUE,
    400 digits), as (field, text); a word such as 'included' or '含' is no figure, so none."""
    for field, value in (("unit price", unit), ("total", total)):
        raw = _cell(row, mapping.get("unit_price" if field == "unit price" else "total"))
        said = shown(raw).strip() if raw is not None else ""
        if value is None and (isinstance(raw, bool | int | float) or _FIGURE_LIKE.search(said)):
            return field, said
    return None


def _rate(row: tuple[object, ...]) -> float | None:
    """The rate a tax row states, in its label ("增值税 13%") or a cell of its own ("13%")."""
    return next((rate for v in row if isinstance(v, str) and (rate := percent_in(v)) is not None), None)


def _priced(line: QuoteLine) -> bool:
    return bool(line.unit_price) or bool(line.total)


def _components(lines: list[QuoteLine], mapping: ColumnMap, letterhead: list[str]
                ) -> tuple[list[QuoteLine], list[str], list[Finding]]:
    """Unpriced lines (no price at all, not a price of zero) beneath a priced one are its
    configured system's components."""
    qty_label = " ".join([mapping.label("qty"), *letterhead])
    summed = holds(qty_label, words("configured_systems", "summed_qty_words"))
    stated = summed or holds(qty_label, words("configured_systems", "per_system_qty_words"))
    out: list[QuoteLine] = []
    blocks: dict[int, list[int]] = {}
    parent: QuoteLine | None = None
    previous_row = 0
    for line in lines:
        if _priced(line):
            parent = line
        elif line.unit_price is not None or line.total is not None:
            parent = None  # priced at zero (open-source software): an item, no component
        elif parent is not None and line.row == previous_row + 1:
            line = replace(line, parent_row=parent.row,
                           qty_total=line.qty if summed else line.qty * parent.qty)
            blocks.setdefault(parent.row, []).append(len(out))
        previous_row = line.row
        out.append(line)
    notes: list[str] = []
    issues: list[Finding] = []
    if blocks:
        notes.append(f"{len(blocks)} configured system(s): component quantities read as "
                     + ("summed over all systems" if summed else "per system"))
    if not stated:
        for parent_row, members in blocks.items():
            system = next(line for line in out if line.row == parent_row)
            qtys = [out[i].qty for i in members]
            if system.qty > 1 and all(q >= system.qty and q % system.qty == 0 for q in qtys):
                issues.append(finding("ambiguous", parent_row, "", "per system", "summed?",
                                      "per_system", systems=system.qty))
    return out, notes, issues



