"""The Sources sheet of the internal comparison: where each figure of the document came
from, and whether it was checked against its source.

Two tables: the platforms (every configuration compared, its server and GPU, the market
rule its status rests on), then the parts of the BOMs the document details, one row a
part with its price, the price's source and whether the product's catalog figures were
checked (their sources are in the catalog). Ids stay out: a reader knows a part by its
name and part number.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Protocol

from openpyxl.worksheet.worksheet import Worksheet

from engine.export.common import description, part_number, price_list_name
from engine.export.labels import Labels, Lang
from engine.export.sheet import PrintHeading, SheetWriter, print_setup
from engine.export.styles import money_style
from engine.model import BomLine, Comparison

# Both lists share the columns and one header; a platform's source spans the price columns
# (it has none), so long sources wrap in one wide cell and rows stay low. About 130 characters in all: a
# landscape page at legible type.
WIDTHS = {1: 32, 2: 16, 3: 9, 4: 14, 5: 13, 6: 10, 7: 44}  # 5: a date, also in a wider font
NAME_WIDTH = WIDTHS[1] - 3
SOURCE_WIDTH = WIDTHS[7] - 3
LAST = 7
HEADER_ROW = 4  # the sheet's one header row, repeated on every printed page

Record = tuple[str, str, str, bool]  # kind, name, source, verified


class PriceEntryLike(Protocol):
    """What the workbook reads of a price-list entry (engine.money.prices.PriceEntry)."""

    @property
    def item(self) -> object: ...
    @property
    def vendor(self) -> object: ...
    @property
    def part_number(self) -> object: ...
    @property
    def description_en(self) -> object: ...
    @property
    def description_zh(self) -> object: ...
    @property
    def unit_price(self) -> object: ...
    @property
    def currency(self) -> object: ...
    @property
    def date(self) -> object: ...
    @property
    def source(self) -> object: ...
    @property
    def confidence(self) -> object: ...


class PriceListLike(Protocol):
    """What the workbook reads of a price list (engine.money.prices.PriceList)."""

    @property
    def entries(self) -> Mapping[str, PriceEntryLike]: ...




def _sections(catalog: object) -> list[Mapping[str, object]]:
    """The catalog's record tables a BOM line's item can come from, by id."""
    return [getattr(catalog, name) for name in (
        "network", "racks", "pdus", "cooling", "services", "storage", "management", "software",
        "open_software", "rated_services", "servers", "gpus", "configurations")]


def _name(kind: str, record: object, lang: Lang) -> str:
    rid = str(getattr(record, "id", ""))
    if kind == "market":
        return str(getattr(record, "rule_zh" if lang == "zh" else "rule", rid))
    if kind == "server":
        return (getattr(record, "name_zh", "") if lang == "zh" else "") or " ".join(
            str(getattr(record, a, "")) for a in ("vendor", "model", "variant"))
    return str((getattr(record, "name_zh", "") if lang == "zh" else "")
               or getattr(record, "name", rid))


USER = "+user"  # a kind's mark for a record the user entered


def _record(kind: str, record: object, name: str) -> Record:
    mark = USER if getattr(record, "user_entered", False) else ""
    return (kind + mark, name, str(getattr(record, "source", "")),
            bool(getattr(record, "verified", False)))


def _platforms(comparison: Comparison, catalog: object, L: Labels) -> list[Record]:
    """Every configuration compared, its server and GPU, and its GPU's market rule."""
    from engine.export.comparison_sheet import title

    rows: dict[tuple[str, str], Record] = {}

    def add(kind: str, record: object | None, name: str | None = None) -> None:
        if record is not None and (kind, str(getattr(record, "id", ""))) not in rows:
            rows[(kind, str(getattr(record, "id", "")))] = _record(
                kind, record, name or _name(kind, record, L.lang))

    for plan in comparison.plans:
        config = catalog.configurations.get(plan.config)  # type: ignore[attr-defined]
        add("configuration", config, title(plan, L))
        if config is not None:
            add("server", catalog.servers.get(config.server))  # type: ignore[attr-defined]
        add("gpu", catalog.gpus.get(plan.gpu))  # type: ignore[attr-defined]
        status = plan.availability
        for rule in catalog.availability.values():  # type: ignore[attr-defined]
            if status is not None and (rule.market, rule.since) == (status.market, status.since) \
                    and plan.gpu in rule.gpus:
                add("market", rule)
    return list(rows.values())


def write_sources(ws: Worksheet, comparison: Comparison, price_list: PriceListLike | None,
                  L: Labels, indicative: str, heading: PrintHeading, detailed: list[str], *,
                  catalog: object | None = None) -> None:
    """``catalog``: the one the comparison was planned on (default: the shipped one); a
    record the user entered is marked so in the kind column."""
    w = SheetWriter(ws)
    w.text(1, 1, L("src.title"), "cq_title", fit=False)
    w.text(2, 1, indicative, "cq_label", fit=False)
    w.text(3, 1, f"{L('src.price_list')}: {price_list_name(comparison, L.lang)}", "cq_subtitle",
           fit=False)
    if catalog is None:
        try:
            from engine.catalog import load_catalog

            catalog = load_catalog()
        except (ImportError, OSError, ValueError):
            catalog = None

    # One header for the sheet's two lists, in the print titles: each page says what its
    # columns are. The configurations compared fill name, kind, verified and source (across
    # the price columns); the parts of the BOMs every column.
    w.header(HEADER_ROW, 1, [L("src.name"), f"{L('src.kind')} / {L('bom.part_number')}",
                             L("src.verified"), L("src.unit_price"), L("src.date"),
                             L("src.confidence"), L("src.source")])
    row = HEADER_ROW + 1
    w.text(row, 1, L("src.catalog"), "cq_section", fit=False)
    row += 1
    if catalog is None:
        w.text(row, 1, L("src.no_catalog"), "cq_note", fit=False)
        row += 1
    else:
        for kind, name, source, verified in _platforms(comparison, catalog, L):
            w.wrapped(row, 1, name, width=NAME_WIDTH)
            shown = L(f"kind.{kind.removesuffix(USER)}")
            w.wrapped(row, 2, f"{shown}, {L('src.user_entered')}" if kind.endswith(USER) else shown,
                      width=WIDTHS[2] - 3)
            w.text(row, 3, L.yes_no(verified), "cq_center", fit=False)
            w.merged(row, 4, LAST, source)  # no price, date or confidence: the source spans them
            row += 1

    row += 1
    w.text(row, 1, L("src.prices"), "cq_section", fit=False)
    row += 1
    seen: dict[str, BomLine] = {}
    for plan in comparison.plans:
        if plan.config in detailed:  # the lines of the BOMs this document shows
            for line in plan.bom:
                seen.setdefault(line.item, line)
    entries = price_list.entries if price_list is not None else {}
    sections = _sections(catalog) if catalog is not None else []
    for item, line in seen.items():
        product: object | None = next((record for section in sections
                                       if (record := section.get(item)) is not None), None)
        if product is not None:
            w.text(row, 3, L.yes_no(bool(getattr(product, "verified", False))), "cq_center",
                   fit=False)
        entry = entries.get(item)
        sources: list[str] = []
        if entry is None:  # a configured system: priced from entries that are not lines
            w.wrapped(row, 1, description(line, L.lang), width=NAME_WIDTH)
            w.wrapped(row, 2, part_number(line), width=WIDTHS[2] - 3)
            w.number(row, 4, line.unit_price, money_style(line.currency))
            sources.append(price_list_name(comparison, L.lang))
        else:
            text = entry.description_zh if L.lang == "zh" else entry.description_en
            currency = str(entry.currency)
            w.wrapped(row, 1, text or entry.description_en, width=NAME_WIDTH)
            shown = str(entry.part_number or "")
            w.wrapped(row, 2, "" if shown in (item, entry.description_en) else shown, width=WIDTHS[2] - 3)
            price = entry.unit_price
            if isinstance(price, int | float) and not isinstance(price, bool):
                w.number(row, 4, float(price), money_style(currency)
                         if currency in ("CNY", "USD") else "cq_num")
            else:
                w.text(row, 4, price)
            date = entry.date
            if isinstance(date, datetime.date):
                w.number(row, 5, date, "cq_date")
            elif date:
                w.text(row, 5, date)
            confidence = entry.confidence
            if isinstance(confidence, int | float) and not isinstance(confidence, bool):
                w.number(row, 6, float(confidence), "cq_pct")
            else:
                w.text(row, 6, L.value(confidence))
            sources.append(str(entry.source))
        w.wrapped(row, 7, "\n".join(sources), width=SOURCE_WIDTH)
        row += 1

    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    w.finish(fixed=WIDTHS)
    print_setup(ws, heading, title_rows=f"1:{HEADER_ROW}")
