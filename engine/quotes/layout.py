"""Finding the header row and the column mapping among letterhead rows."""

from __future__ import annotations

from engine.i18n import t as catalogue
from engine.quotes.model import FIELDS, ColumnMap, Finding, said
from engine.quotes.numbers import parse_number
from engine.quotes.rules import holds, limit, longest, squeeze, words

_NUMERIC = ("qty", "unit_price", "total")


def text(value: object) -> str:
    return "" if value is None else str(value).strip()


def header_field(label: str) -> str | None:
    """The field a header cell names, or None."""
    squeezed = squeeze(label)
    if not squeezed or parse_number(label) is not None:
        return None
    if squeezed == "#":
        return "seq"
    return longest(label, "headers")


def vat_of(label: str) -> bool | None:
    """True when a header or label says VAT included, False excluded, None when silent."""
    if holds(label, words("vat_words", "excluded")):
        return False
    if holds(label, words("vat_words", "included")):
        return True
    return None


def header_labels(rows: tuple[tuple[object, ...], ...], index: int) -> list[str]:
    """Header labels of row ``index``, joined with a sub-header row beneath it when there is one."""
    top = [text(v) for v in rows[index]]
    if index + 1 < len(rows):
        below = [text(v) for v in rows[index + 1]]
        named = [b for b in below if b and (header_field(b) is not None or vat_of(b) is not None)]
        numbers = [b for b in below if b and parse_number(b) is not None]
        if len(named) >= 2 and not numbers:
            width = max(len(top), len(below))
            top += [""] * (width - len(top))
            below += [""] * (width - len(below))
            return [" ".join(p for p in (t, b) if p) for t, b in zip(top, below, strict=True)]
    return top


def _subheader(rows: tuple[tuple[object, ...], ...], index: int) -> bool:
    return index + 1 < len(rows) and header_labels(rows, index) != [text(v) for v in rows[index]]


def find_header(rows: tuple[tuple[object, ...], ...]) -> tuple[int, list[str]] | None:
    """(0-based row index, labels) of the most complete header in the first rows, if any."""
    best: tuple[int, int, list[str]] | None = None
    for index in range(min(len(rows), int(limit("header_scan_rows")))):
        labels = [text(v) for v in rows[index]]
        found = {f for f in map(header_field, labels) if f}
        if not found & set(_NUMERIC) or not found & {"part_number", "description"} or len(found) < 3:
            continue
        if best is None or len(found) > best[1]:
            best = (index, len(found), header_labels(rows, index))
    return None if best is None else (best[0], best[2])


def map_columns(header_index: int, labels: list[str]) -> tuple[ColumnMap, list[Finding], list[str]]:
    """The column of each field under ``labels``; a tie is reported, never settled silently."""
    by_field: dict[str, list[int]] = {}
    for col, label in enumerate(labels):
        found = header_field(label)
        if found:
            by_field.setdefault(found, []).append(col)
    issues: list[Finding] = []
    notes: list[str] = []
    columns: list[tuple[str, int]] = []
    row = header_index + 1
    for name in FIELDS:
        cols = by_field.get(name, [])
        if not cols:
            continue
        chosen = cols[0]
        if name == "description":  # 产品名称 + 配置描述: both describe the line; read together
            columns += [(name, c) for c in cols]
            if len(cols) > 1:
                notes.append("description: columns " + " + ".join(f"'{labels[c]}'" for c in cols)
                             + " read together")
            continue
        if len(cols) > 1:
            excluded = [c for c in cols if vat_of(labels[c]) is False]
            paid = [c for c in excluded if not holds(labels[c], words("price_columns", "list"))]
            if name == "unit_price" and len(excluded) > 1 and len(paid) == 1:
                excluded = paid  # our RFQ: list price, unit price excl. and incl. VAT
            if name in ("unit_price", "total") and len(excluded) == 1:
                chosen = excluded[0]
                notes.append(f"{name}: column '{labels[chosen]}' read (prices excluding VAT); "
                             + ", ".join(f"'{labels[c]}'" for c in cols if c != chosen) + " left aside")
            elif name == "part_number":
                chosen = cols[0]
                notes.append(f"part_number: column '{labels[chosen]}' read; "
                             + ", ".join(f"'{labels[c]}'" for c in cols[1:]) + " left aside")
            else:
                issues.append(said(
                    "ambiguous", row, "", ", ".join(labels[c] for c in cols), labels[chosen],
                    "columns", columns=", ".join(repr(labels[c]) for c in cols),
                    columns_zh="、".join(f"“{labels[c]}”" for c in cols),
                    field=name.replace("_", " "), field_zh=catalogue("recon.field", "zh", field=name),
                    chosen=labels[chosen]))
        columns.append((name, chosen))
    mapping = ColumnMap(header_row=row, columns=tuple(columns), headers=tuple(labels))
    return mapping, issues, notes


def data_start(rows: tuple[tuple[object, ...], ...], header_index: int) -> int:
    """0-based index of the first row beneath the header (and its sub-header row, if any)."""
    return header_index + (2 if _subheader(rows, header_index) else 1)


def has_numeric_column(mapping: ColumnMap) -> bool:
    return any(mapping.get(name) is not None for name in _NUMERIC)
