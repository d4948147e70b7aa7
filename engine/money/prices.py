"""The price list: one indicative unit price per catalog item, apart from the catalog.

Procurement replaces the shipped list (``resources/prices/prices.csv``) with real
vendor quotes: a list is imported from .csv or .xlsx, validated row by row, and
kept as the user's copy in the user data folder. Every price carries its
currency, date, source and confidence; shipped prices are indicative only.

Columns (one header row, any order, extra columns ignored)::

    item,vendor,part_number,description_en,description_zh,unit_price,currency,date,source,confidence

and an optional ``basis``: the market the price was seen in, ``CN`` (a price paid in China)
or ``intl`` (an international list or reseller price, converted at the exchange rate). The
currency is only the unit; the basis says whose market the figure belongs to, so a GPU's
module and card are compared on one basis (tests/engine/test_price_basis.py).

``item`` is a catalog id: a configuration id prices the base system without its
GPUs and compute HCAs, which are priced by their own ids.

A user's list need not price everything: it overrides the shipped list item by item
and the items it lacks keep their shipped prices, so a partial list never stops
planning. Files are read through ``engine.safeio`` (regular file, size limit, UTF-8 or
GB18030); unit prices must lie within resources/bounds.toml; text that a spreadsheet
would take for a formula is written to the user's CSV with a leading apostrophe.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, cast, get_args

import platformdirs

from engine.bounds import bound, limit
from engine.errors import SaidError, shown
from engine.plausible import price_problem
from engine.resources import resource_path
from engine.safeio import UnsafeFileError, table_rows, workbook_in_memory, write_atomically, write_error

if TYPE_CHECKING:
    from engine.catalog import Catalog
    from engine.model import Message

Currency = Literal["CNY", "USD"]
Confidence = Literal["low", "medium", "high"]

CURRENCIES: Final[tuple[Currency, ...]] = get_args(Currency)
CONFIDENCES: Final[tuple[Confidence, ...]] = get_args(Confidence)
BASES: Final[tuple[str, ...]] = ("CN", "intl")  # "" in a user's list: not stated
COLUMNS: Final[tuple[str, ...]] = (
    "item",
    "vendor",
    "part_number",
    "description_en",
    "description_zh",
    "unit_price",
    "currency",
    "date",
    "source",
    "confidence",
)
# Catalog sections whose records are bought, so each needs a price. Servers are
# not: a configuration (server + GPU option) is what a quote line buys.
BOUGHT_SECTIONS: Final[tuple[str, ...]] = (
    "configurations",
    "gpus",
    "network",
    "racks",
    "pdus",
    "cooling",
    "services",
    "storage",
    "management",
    "software",
    "site",
)
DATA_DIR_ENV: Final = "CLUSTERQUOTE_DATA_DIR"
APP_NAME: Final = "ClusterQuote"

_ITEM_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_OPTIONAL_TEXT = frozenset({"vendor", "part_number", "description_zh"})


class PriceError(ValueError):
    """A price list is unreadable, malformed, or lacks a price asked for."""


class ImplausiblePrice(SaidError, PriceError):
    """A price outside its kind of part's range (engine.plausible), where it was found: said
    in any language (resources/i18n/<lang>/findings.ftl, price-refused)."""

    def __init__(self, where: dict[str, object], price: float, currency: str, said: str) -> None:
        code = "price-refused.line" if "line" in where else "price-refused.item"
        super().__init__(code, **where, problem=price_problem(price, currency, said, "en"),
                         problem_zh=price_problem(price, currency, said, "zh"))


class _BadValue(Exception):
    """A cell's value is not allowed; ``allowed`` says what would be."""

    def __init__(self, allowed: str) -> None:
        super().__init__(allowed)
        self.allowed = allowed


# ---------------------------------------------------------------- values


def _text(column: str, value: str) -> str:
    text = value.strip()
    if not text and column not in _OPTIONAL_TEXT:
        raise _BadValue("a non-empty text")
    return text


def _item(value: str) -> str:
    item = value.strip()
    if not _ITEM_RE.match(item):
        raise _BadValue("a catalog id: lowercase letters, digits and dashes, e.g. a100-sxm4-80gb")
    return item


def _unit_price(value: str | float) -> float:
    sane = bound("prices.unit_price")
    allowed = f"a number from 0 to {sane.high:,.0f}, e.g. 103500 or 12000.50"
    try:
        price = float(value.strip() if isinstance(value, str) else value)
    except (ValueError, OverflowError):
        raise _BadValue(allowed) from None
    if not math.isfinite(price) or not sane.admits(price):
        raise _BadValue(allowed)
    return price


def _currency(value: str) -> Currency:
    code = value.strip().upper()
    if code not in CURRENCIES:
        raise _BadValue(" or ".join(CURRENCIES))
    return code


def _date(value: str | dt.date) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = value.strip()
    try:
        if not _DATE_RE.match(text):
            raise ValueError(text)
        dt.date.fromisoformat(text)
    except ValueError:
        raise _BadValue("a date written yyyy-mm-dd, e.g. 2023-06-01") from None
    return text


def _confidence(value: str) -> Confidence:
    level = value.strip().lower()
    if level not in CONFIDENCES:
        raise _BadValue(", ".join(CONFIDENCES))
    return level


def _basis(value: str) -> str:
    text = value.strip()
    found = next((b for b in BASES if b.lower() == text.lower()), None)
    if text and found is None:
        raise _BadValue("CN (a price in China), intl (an international price) or empty")
    return found or ""


_PARSERS: Final[dict[str, Callable[[Any], object]]] = {
    "item": _item,
    "vendor": lambda v: _text("vendor", v),
    "part_number": lambda v: _text("part_number", v),
    "description_en": lambda v: _text("description_en", v),
    "description_zh": lambda v: _text("description_zh", v),
    "unit_price": _unit_price,
    "currency": _currency,
    "date": _date,
    "source": lambda v: _text("source", v),
    "confidence": _confidence,
    "basis": _basis,
}


# ---------------------------------------------------------------- entries


@dataclass(frozen=True)
class PriceEntry:
    """One line of the price list."""

    item: str
    vendor: str
    part_number: str
    description_en: str
    description_zh: str
    unit_price: float
    currency: Currency
    date: str  # ISO yyyy-mm-dd
    source: str
    confidence: Confidence
    basis: str = ""  # "CN" or "intl"; "" when a user's list does not say

    def __post_init__(self) -> None:
        for column in (*COLUMNS, "basis"):
            value = getattr(self, column)
            try:
                parsed = _PARSERS[column](value)
            except _BadValue as exc:
                raise PriceError(
                    f"price entry '{self.item}': {column} {value!r} is not allowed; "
                    f"expected {exc.allowed}"
                ) from None
            if parsed != value or type(parsed) is not type(value):  # "cny" -> "CNY", 1 -> 1.0
                object.__setattr__(self, column, parsed)

    def as_row(self) -> dict[str, str]:
        """The entry as text cells, unit price written without a needless '.0'."""
        row = {column: str(getattr(self, column)) for column in COLUMNS}
        row["unit_price"] = _format_price(self.unit_price)
        return row


def _format_price(price: float) -> str:
    price = float(price)
    return str(int(price)) if price.is_integer() else repr(price)


@dataclass(frozen=True)
class PriceList:
    """Prices by item id, and where they came from."""

    name: str  # the file read, or a description of where the prices came from
    entries: dict[str, PriceEntry] = field(default_factory=dict)
    from_shipped: frozenset[str] = frozenset()  # items a user's list lacks, priced by the shipped list
    about: Message | None = None  # ``name`` as a code with figures, when it is a description

    @property
    def indicative(self) -> bool:
        """True unless every price is of high confidence (a vendor's firm quote)."""
        return any(e.confidence != "high" for e in self.entries.values())

    def entry(self, item: str) -> PriceEntry:
        try:
            return self.entries[item]
        except KeyError:
            raise PriceError(f"no price for '{item}' in the price list {self.name}") from None

    def price(self, item: str, currency: str, exchange_rate: float) -> float:
        """Unit price of ``item`` in ``currency``; ``exchange_rate`` is CNY per USD."""
        if currency not in CURRENCIES:
            raise PriceError(f"currency '{currency}' is not allowed; expected CNY or USD")
        if not (math.isfinite(exchange_rate) and exchange_rate > 0):
            raise PriceError(
                f"exchange rate {exchange_rate} is not allowed; expected CNY per USD, above 0"
            )
        entry = self.entry(item)
        if entry.currency == currency:
            return entry.unit_price
        if entry.currency == "USD":  # to CNY
            return entry.unit_price * exchange_rate
        return entry.unit_price / exchange_rate  # CNY to USD

    def __contains__(self, item: object) -> bool:
        return item in self.entries

    def __len__(self) -> int:
        return len(self.entries)


# ---------------------------------------------------------------- reading


_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
_TEXT_COLUMNS: Final = frozenset(COLUMNS) - {"unit_price"}


def escape_formula(text: str) -> str:
    """Text a spreadsheet would run as a formula, kept text by a leading apostrophe (as Excel does)."""
    return "'" + text if text.startswith((*_FORMULA_STARTS, "'")) else text


def unescape_formula(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:2].startswith((*_FORMULA_STARTS, "'")) else text


Progress = Callable[[int], None]  # rows read so far


def read_price_list(path: Path, progress: Progress | None = None) -> PriceList:
    """Read and validate a .csv or .xlsx price list; PriceError says what is wrong and where.

    ``progress`` (if given) hears the number of rows read every 1 000 rows.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise PriceError(f"{path}: a price list must be a .csv or .xlsx file")
    if not path.exists():
        raise PriceError(f"price list {path} does not exist")
    rows = table_rows(path, max_bytes=limit("files.price_list_max_bytes"), sheet="prices")
    try:
        entries = _parse_rows(path, rows, progress)
    except UnsafeFileError as exc:
        raise PriceError(str(exc)) from None
    return PriceList(name=str(path), entries=entries)


def _parse_rows(
    path: Path, rows: Iterable[tuple[int, list[str]]], progress: Progress | None = None
) -> dict[str, PriceEntry]:
    header: dict[str, int] | None = None
    entries: dict[str, PriceEntry] = {}
    lines: dict[str, int] = {}
    for count, (line, cells) in enumerate(rows, start=1):
        if progress is not None and count % 1000 == 0:
            progress(count)
        if not any(c.strip() for c in cells):
            continue  # blank lines, trailing empty rows of a sheet
        if header is None:
            names = [c.strip().lower() for c in cells]
            missing = [c for c in COLUMNS if c not in names]
            if missing:
                raise PriceError(
                    f"{path}, line {line}: the header lacks column(s) {', '.join(missing)}; "
                    f"a price list needs {','.join(COLUMNS)}"
                )
            header = {c: names.index(c) for c in (*COLUMNS, "basis") if c in names}
            continue
        values: dict[str, object] = {}
        for column, index in header.items():
            raw = cells[index] if index < len(cells) else ""
            if column in _TEXT_COLUMNS:
                raw = unescape_formula(raw)
            try:
                values[column] = _PARSERS[column](raw)
            except _BadValue as exc:
                raise PriceError(
                    f"{path}, line {line}, column {column}: value '{shown(raw)}' is not allowed; "
                    f"expected {exc.allowed}"
                ) from None
        item = cast(str, values["item"])
        if item in entries:
            raise PriceError(
                f"{path}, line {line}, column item: value '{item}' is a duplicate of line "
                f"{lines[item]}; each item may have one price"
            )
        entry = PriceEntry(**values)  # type: ignore[arg-type]
        said = f"{entry.part_number} {entry.description_en} {entry.description_zh}"
        if price_problem(entry.unit_price, entry.currency, said):
            raise ImplausiblePrice({"path": str(path), "line": str(line)}, entry.unit_price,
                                   entry.currency, said)
        entries[item] = entry
        lines[item] = line
    if header is None:
        raise PriceError(f"{path} is empty; a price list needs the header {','.join(COLUMNS)}")
    return entries


# ---------------------------------------------------------------- where lists live


def shipped_price_list_path() -> Path:
    return resource_path("prices", "prices.csv")


def user_data_dir() -> Path:
    """The user's data folder; CLUSTERQUOTE_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def user_price_list_path() -> Path:
    return user_data_dir() / "prices.csv"


def load_price_list() -> PriceList:
    """The user's price list over the shipped one (item by item), or the shipped list alone."""
    shipped = _read_unchanged(shipped_price_list_path())
    user = user_price_list_path()
    if not user.exists():
        return shipped
    return with_fallback(_read_unchanged(user), shipped)


def _read_unchanged(path: Path) -> PriceList:
    """``path`` read once while it stays the same file: every re-plan loads the prices."""
    try:
        info = path.stat()
    except OSError:
        return read_price_list(path)  # says why it cannot be read
    return _read_version(str(path), info.st_ino, info.st_mtime_ns, info.st_size)


@lru_cache(maxsize=4)
def _read_version(path: str, inode: int, mtime_ns: int, size: int) -> PriceList:
    return read_price_list(Path(path))


def with_fallback(own: PriceList, shipped: PriceList | None = None) -> PriceList:
    """``own``'s prices, with the shipped price for every item ``own`` lacks."""
    shipped = shipped or read_price_list(shipped_price_list_path())
    lacked = frozenset(shipped.entries) - frozenset(own.entries)
    if not lacked:
        return own
    name = f"{own.name} (shipped prices for the {len(lacked)} items it lacks)"
    return PriceList(name, {**shipped.entries, **own.entries}, lacked)


# ---------------------------------------------------------------- writing


def _write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Never half a file (engine.safeio.write_atomically), in a folder made when missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_atomically(path, write)
    except OSError as exc:  # a full disk: say so of the list, not of the temporary file
        raise PriceError(f"cannot write {path}: {write_error(exc)}") from None


def _write_csv(price_list: PriceList, path: Path) -> None:
    # utf-8-sig: Excel opens the Chinese descriptions correctly
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=(*COLUMNS, "basis"), lineterminator="\n")
        writer.writeheader()
        for entry in price_list.entries.values():
            row = {**entry.as_row(), "basis": entry.basis}
            writer.writerow({c: escape_formula(v) if c in _TEXT_COLUMNS else v for c, v in row.items()})
        fh.flush()
        os.fsync(fh.fileno())


def _write_xlsx(price_list: PriceList, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "prices"
    sheet.append([*COLUMNS, "basis"])
    for entry in price_list.entries.values():
        row = entry.as_row()
        sheet.append([entry.unit_price if c == "unit_price" else row[c] for c in COLUMNS]
                     + [entry.basis])
    for row_cells in sheet.iter_rows(min_row=1):
        for cell in row_cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text stays text: "=..." never becomes a formula
    saved = workbook_in_memory(book)
    if isinstance(saved, str):
        raise OSError(f"cannot write {path.name}: {saved}")
    with path.open("wb") as fh:
        fh.write(saved.getbuffer())
        fh.flush()
        os.fsync(fh.fileno())


def write_price_list(price_list: PriceList, path: Path) -> None:
    """Write ``price_list`` to a .csv or .xlsx file, atomically."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        _write_atomically(path, lambda tmp: _write_csv(price_list, tmp))
    elif suffix == ".xlsx":
        _write_atomically(path, lambda tmp: _write_xlsx(price_list, tmp))
    else:
        raise PriceError(f"{path}: a price list must be a .csv or .xlsx file")


def save_user_price_list(price_list: PriceList) -> Path:
    """Make ``price_list`` the user's copy (atomically); return where it was written. A price
    the reader would refuse (resources/quotes.toml [plausible.parts]) is refused before writing,
    so the user's list always reopens."""
    for item, entry in price_list.entries.items():
        said = f"{entry.part_number} {entry.description_en} {entry.description_zh}"
        if price_problem(entry.unit_price, entry.currency, said):
            raise ImplausiblePrice({"item": item}, entry.unit_price,
                                   entry.currency, said)
    path = user_price_list_path()
    write_price_list(price_list, path)
    return path


@dataclass(frozen=True)
class ImportSummary:
    """What an import did: the list now in effect, and how the file's lines counted."""

    price_list: PriceList  # the user's list with shipped prices for what it lacks
    saved_to: Path
    taken: int  # lines (items) read from the file
    replaced: int  # of them, items that replace a shipped price
    lacked: int  # shipped items the file lacks, which keep their shipped prices
    unknown: tuple[str, ...]  # items of the file that the shipped list does not know

    def describe(self) -> str:
        text = (f"took {self.taken} lines, replaced {self.replaced} shipped prices; "
                f"{self.lacked} items it lacks keep their shipped prices")
        if self.unknown:
            text += f"; {len(self.unknown)} items are not in the catalog (e.g. {self.unknown[0]})"
        return text


def import_prices(src: Path, progress: Progress | None = None) -> ImportSummary:
    """Validate ``src`` (.csv or .xlsx), make it the user's price list, and count what it did."""
    imported = read_price_list(src, progress)
    if not imported.entries:
        raise PriceError(f"{src} holds no prices, only a header")
    path = save_user_price_list(imported)
    shipped = read_price_list(shipped_price_list_path())
    own = PriceList(name=str(path), entries=imported.entries)
    return ImportSummary(
        price_list=with_fallback(own, shipped), saved_to=path, taken=len(imported.entries),
        replaced=sum(1 for item in imported.entries if item in shipped.entries),
        lacked=sum(1 for item in shipped.entries if item not in imported.entries),
        unknown=tuple(sorted(item for item in imported.entries if item not in shipped.entries)),
    )


def import_price_list(src: Path) -> PriceList:
    """Validate ``src`` (.csv or .xlsx) and make it the user's price list (items it lacks: shipped)."""
    return import_prices(src).price_list


def reset_user_price_list() -> None:
    """Forget the user's price list: the shipped one applies again."""
    user_price_list_path().unlink(missing_ok=True)


# ---------------------------------------------------------------- against the catalog


def bought_items(catalog: Catalog) -> list[str]:
    """Catalog ids that a bill of materials can buy, each of which needs a price."""
    return sorted(item for section in BOUGHT_SECTIONS for item in getattr(catalog, section))


def missing_items(price_list: PriceList, catalog: Catalog) -> list[str]:
    """Catalog ids with no price in ``price_list``."""
    return [item for item in bought_items(catalog) if item not in price_list.entries]
