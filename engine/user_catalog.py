"""Systems a user adds: a self-contained catalog file (TOML) with accelerators, servers,
configurations and their prices, validated as strictly as the shipped catalog.

A buyer gets a datasheet on Monday and plans with it on Monday: `clusterquote catalog export
ID` writes a configuration with everything it needs (its GPU, server, compute NIC and prices);
edited, it is read back by `--catalog FILE`. Every record read from such a file is marked
``user_entered``; ids must not clash with the shipped catalog's.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from engine.catalog import Catalog, CatalogError
from engine.money.prices import PriceEntry, PriceError, PriceList, user_data_dir

# The sections a user file may hold, as the shipped catalog spells them.
SECTIONS = ("gpus", "servers", "network", "configurations")
USER_FILE = "catalog.toml"  # the user's own entries, in the user data folder
HEADER = ("# ClusterQuote catalog entries, entered by a user (self-contained: the accelerator,\n"
          "# the server, the compute NIC, the configuration and their prices). Field names\n"
          "# and units are the shipped catalog's (resources/catalog/*.toml); every record\n"
          "# keeps its source and verified flag.\n")


@dataclass(frozen=True)
class UserEntries:
    """Records read from a user's catalog file, and the prices that came with them."""

    path: str
    records: dict[str, dict[str, dict[str, Any]]]  # section -> id -> fields
    prices: tuple[PriceEntry, ...] = ()

    @property
    def ids(self) -> set[str]:
        return {rid for records in self.records.values() for rid in records}


def user_catalog_path() -> Path:
    """Where the app keeps the user's own entries (beside the user's price list)."""
    return user_data_dir() / USER_FILE


def read_user_entries(path: Path) -> UserEntries:
    """Read a user's catalog file; CatalogError names the file, record and field."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CatalogError(f"cannot read catalog file {path}: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CatalogError(f"catalog file {path} is not valid TOML: {exc}") from None
    unknown = sorted(set(data) - set(SECTIONS) - {"prices"})
    if unknown:
        raise CatalogError(f"{path}: [[{unknown[0]}]] is not allowed; a catalog file holds "
                           + ", ".join(f"[[{s}]]" for s in (*SECTIONS, "prices")))
    records: dict[str, dict[str, dict[str, Any]]] = {}
    for section in SECTIONS:
        rows = data.get(section, [])
        if not isinstance(rows, list):
            raise CatalogError(f"{path}: [[{section}]] must be an array of tables")
        by_id: dict[str, dict[str, Any]] = {}
        for row in rows:
            rid = row.get("id") if isinstance(row, dict) else None
            if not isinstance(rid, str):
                raise CatalogError(f"{path}: a [[{section}]] record has no id")
            if rid in by_id:
                raise CatalogError(f"{path}: duplicate id '{rid}' in [[{section}]]")
            by_id[rid] = {**row, "user_entered": True}  # whatever the file says
        records[section] = by_id
    prices = tuple(_price(path, i, row) for i, row in enumerate(data.get("prices", []), 1))
    return UserEntries(str(path), records, prices)


def _price(path: Path, number: int, row: object) -> PriceEntry:
    if not isinstance(row, dict):
        raise CatalogError(f"{path}: [[prices]] entry {number} must be a table")
    try:
        fields: dict[str, Any] = {k: (str(v) if k == "date" else v) for k, v in row.items()}
        return PriceEntry(**fields)
    except TypeError as exc:
        raise CatalogError(f"{path}: [[prices]] entry {number}: {exc}") from None
    except PriceError as exc:
        raise CatalogError(f"{path}: [[prices]] entry {number} ('{row.get('item', '')}'): {exc}") \
            from None


def with_user_entries(catalog: Catalog, entries: UserEntries) -> Catalog:
    """The shipped catalog with the user's records added, checked by the same rules (fields,
    references, what a vendor's configurator refuses); an id may not replace a shipped one."""
    merged: dict[str, dict[str, Any]] = {}
    for section in ("gpus", "servers", "configurations", "network", "racks", "pdus", "cooling",
                    "services", "storage", "management", "software", "open_software",
                    "rated_services", "availability"):
        merged[section] = {rid: r.model_dump() for rid, r in getattr(catalog, section).items()}
    for section, records in entries.records.items():
        for rid, record in records.items():
            shipped = merged[section].get(rid)
            if shipped is not None:
                if _same(shipped, record, section):
                    continue  # the shipped record, exported unchanged: it stays the shipped one
                raise CatalogError(f"{entries.path}: [[{section}]] record '{rid}': the id is the "
                                   "shipped catalog's and the record differs from it; give your "
                                   "entry an id of its own")
            merged[section][rid] = record
    try:
        return Catalog.model_validate(merged)
    except ValidationError as exc:
        # one line: the command line prints the first line of an error
        raise CatalogError(f"catalog file {entries.path} is invalid: "
                           + "; ".join(_describe(entries.path, e) for e in exc.errors())) from None


def _same(shipped: dict[str, Any], record: dict[str, Any], section: str) -> bool:
    """Whether ``record`` (as read from a file) is the shipped record, field for field."""
    from engine.catalog import Configuration, Gpu, NetworkPart, Server

    models: dict[str, type[BaseModel]] = {"gpus": Gpu, "servers": Server, "network": NetworkPart,
                                          "configurations": Configuration}
    try:
        read = models[section].model_validate({**record, "user_entered": False}).model_dump()
    except ValidationError:
        return False
    return bool(read == {**shipped, "user_entered": False})


def _describe(path: str, error: Mapping[str, Any]) -> str:
    loc = tuple(error.get("loc", ()))
    message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    if loc and loc[0] in SECTIONS:
        where = f"{path}: [[{loc[0]}]]"
        if len(loc) > 1:
            where += f" record '{loc[1]}'"
        if len(loc) > 2:
            where += ", field " + ".".join(str(p) for p in loc[2:])
        return f"{where}: {message}"
    return f"{path}: {message}"


def with_user_prices(prices: PriceList, entries: UserEntries, catalog: Catalog) -> PriceList:
    """``prices`` with the file's prices of the user's own records (a shipped item keeps the
    price list's price: change that in the price list)."""
    own = {rid for section in SECTIONS for rid, r in getattr(catalog, section).items()
           if r.user_entered}
    added = {e.item: e for e in entries.prices if e.item in own or e.item not in prices.entries}
    if not added:
        return prices
    return replace(prices, entries={**prices.entries, **added})


def export_entry(config_id: str, catalog: Catalog, prices: PriceList) -> str:
    """A self-contained catalog file for one configuration: its GPU, server, compute NIC and
    the configuration, with their prices, as TOML a user edits and reads back."""
    cfg = catalog.configuration(config_id)
    parts = [("gpus", catalog.gpus[cfg.gpu]), ("servers", catalog.servers[cfg.server]),
             ("network", catalog.network[cfg.compute_nic]), ("configurations", cfg)]
    out = [HEADER]
    for section, record in parts:
        fields = {k: v for k, v in record.model_dump().items() if k != "user_entered"}
        out.append(f"\n[[{section}]]\n" + "".join(f"{k} = {_toml(v)}\n" for k, v in fields.items()
                                                  if v is not None))
    for item in (cfg.gpu, cfg.id, cfg.compute_nic):  # a configuration is priced by its id
        if item in prices:
            entry = asdict(prices.entry(item))
            out.append("\n[[prices]]\n" + "".join(f"{k} = {_toml(v)}\n" for k, v in entry.items()))
    return "".join(out)


def _toml(value: object) -> str:
    """One TOML value: strings, numbers, booleans, arrays and inline tables."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value} has no TOML form")
        return repr(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return f'"{escaped}"'
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):  # an unset optional field is left out, as the catalog does
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items() if v is not None) \
            + " }"
    raise ValueError(f"{value!r} has no TOML form")


def write_entry_file(text: str, path: Path) -> None:
    """Write a catalog file atomically (a temporary file, then a rename: never half a file)."""
    from engine.money.prices import _write_atomically

    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")

    _write_atomically(path, write)


def catalog_and_prices(path: Path | None, prices: PriceList | None) -> tuple[Catalog, PriceList]:
    """The shipped catalog and ``prices`` (else the user's or shipped list), with the entries
    of ``path`` (else of the user data folder, if any) added to both."""
    from engine.catalog import load_catalog
    from engine.money.prices import load_price_list

    catalog, price_list = load_catalog(), prices or load_price_list()
    entries = load_user_entries(path)
    if entries is None:
        return catalog, price_list
    merged = with_user_entries(catalog, entries)
    return merged, with_user_prices(price_list, entries, merged)


def load_user_entries(path: Path | None) -> UserEntries | None:
    """``path`` read, else the user data folder's entries if there are any, else None."""
    if path is not None:
        return read_user_entries(path)
    own = user_catalog_path()
    return read_user_entries(own) if own.is_file() else None
