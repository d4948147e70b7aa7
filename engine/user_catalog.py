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
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from engine.catalog import (
    Catalog,
    CatalogError,
    Configuration,
    Gpu,
    NetworkPart,
    Server,
    records_by_id,
    validated_catalog,
)
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
    return entries_from_data(data, str(path))


def entries_from_data(data: Mapping[str, Any], where: str) -> UserEntries:
    """User entries from a catalog file's tables (or a plan file's "catalog" object); records
    are checked when added to a catalog (``with_user_entries``)."""
    unknown = sorted(set(data) - set(SECTIONS) - {"prices"})
    if unknown:
        raise CatalogError(f"{where}: [[{unknown[0]}]] is not allowed; a catalog file holds "
                           + ", ".join(f"[[{s}]]" for s in (*SECTIONS, "prices")))
    records = {section: {rid: {**row, "user_entered": True}  # whatever the file says
                         for rid, row in records_by_id(data.get(section, []), where,
                                                       section).items()}
               for section in SECTIONS}
    rows = data.get("prices", [])
    if not isinstance(rows, list):
        raise CatalogError(f"{where}: [[prices]] must be an array of tables")
    prices = tuple(_price(where, i, row) for i, row in enumerate(rows, 1))
    return UserEntries(where, records, prices)


def _price(path: str, number: int, row: object) -> PriceEntry:
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


def with_user_entries(catalog: Catalog, entries: UserEntries, *,
                      over_user: bool = False) -> Catalog:
    """The catalog with the user's records added, checked by the shipped catalog's own rules
    (engine.catalog.validated_catalog: fields, bounds, references, what a vendor's configurator
    refuses). An id may not replace a shipped record; with ``over_user`` it may replace a
    user's record (a plan file's records over the user folder's: the plan re-plans as saved)."""
    merged = {section: {rid: r.model_dump() for rid, r in records.items()}
              for section, records in catalog}
    for section, records in entries.records.items():
        for rid, record in records.items():
            present = merged[section].get(rid)
            if present is not None and not (over_user and present.get("user_entered")):
                if _same(present, record, section):
                    continue  # the same record, exported unchanged: it stays as it is
                owner = "a user entry's" if present.get("user_entered") else "the shipped catalog's"
                raise CatalogError(f"{entries.path}: [[{section}]] record '{rid}': the id is "
                                   f"{owner} and the record differs from it; give your entry an "
                                   "id of its own")
            merged[section][rid] = record
    # one line: the command line prints the first line of an error
    return validated_catalog(merged, lambda _section: entries.path,
                             "", "; ")


def _same(present: dict[str, Any], record: dict[str, Any], section: str) -> bool:
    """Whether ``record`` (as read from a file) is ``present``, field for field."""
    models: dict[str, type[BaseModel]] = {"gpus": Gpu, "servers": Server, "network": NetworkPart,
                                          "configurations": Configuration}
    mark = bool(present.get("user_entered"))
    try:
        read = models[section].model_validate({**record, "user_entered": mark}).model_dump()
    except ValidationError:
        return False
    return bool(read == present)


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
    entries = system_entries(config_id, catalog, prices, where="export", only_user=False)
    return entries_text(entries)


def system_entries(config_id: str, catalog: Catalog, prices: PriceList, *, where: str,
                   only_user: bool = True) -> UserEntries:
    """The records one configuration needs (GPU, server, compute NIC, the configuration) and
    their prices (a configuration is priced by its id); ``only_user``: the user-entered ones."""
    cfg = catalog.configuration(config_id)
    parts = [("gpus", catalog.gpus[cfg.gpu]), ("servers", catalog.servers[cfg.server]),
             ("network", catalog.network[cfg.compute_nic]), ("configurations", cfg)]
    records: dict[str, dict[str, dict[str, Any]]] = {section: {} for section in SECTIONS}
    for section, record in parts:
        if record.user_entered or not only_user:
            records[section][record.id] = record.model_dump()
    kept = {rid for by_id in records.values() for rid in by_id}
    items = [i for i in (cfg.gpu, cfg.id, cfg.compute_nic) if i in kept and i in prices]
    return UserEntries(where, records, tuple(prices.entry(i) for i in items))


def entries_text(entries: UserEntries) -> str:
    """``entries`` as a catalog file a user reads, edits and reads back (TOML)."""
    out = [HEADER]
    for section in ("gpus", "servers", "network", "configurations"):
        for record in entries.records.get(section, {}).values():
            fields = {k: v for k, v in record.items() if k != "user_entered" and v is not None}
            out.append(f"\n[[{section}]]\n" + "".join(f"{k} = {_toml(v)}\n"
                                                      for k, v in fields.items()))
    for price in entries.prices:
        out.append("\n[[prices]]\n" + "".join(f"{k} = {_toml(v)}\n"
                                               for k, v in asdict(price).items()))
    return "".join(out)


def entries_dict(entries: UserEntries) -> dict[str, Any]:
    """``entries`` as a plan file keeps them (the tables of a catalog file, as JSON)."""
    out: dict[str, Any] = {}
    for section in SECTIONS:
        rows = [{k: v for k, v in r.items() if k != "user_entered" and v is not None}
                for r in entries.records.get(section, {}).values()]
        if rows:
            out[section] = rows
    if entries.prices:
        out["prices"] = [asdict(p) for p in entries.prices]
    return out


def plan_entries(configs: Iterable[str], catalog: Catalog, prices: PriceList, *,
                 where: str = "the plan") -> UserEntries | None:
    """The user-entered records (and their prices) that the configurations ``configs`` stand
    on, for a plan file to carry; None when they stand on the shipped catalog alone."""
    records: dict[str, dict[str, dict[str, Any]]] = {section: {} for section in SECTIONS}
    found: dict[str, PriceEntry] = {}
    for config in configs:
        if config not in catalog.configurations:
            continue
        one = system_entries(config, catalog, prices, where=where)
        for section, by_id in one.records.items():
            records[section].update(by_id)
        found.update({p.item: p for p in one.prices})
    if not any(records.values()):
        return None
    return UserEntries(where, records, tuple(found.values()))


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


def catalog_and_prices(path: Path | None, prices: PriceList | None,
                       carried: UserEntries | None = None) -> tuple[Catalog, PriceList]:
    """The shipped catalog and ``prices`` (else the user's or shipped list), with the entries
    of ``path`` (else of the user data folder, if any) added to both, and then the entries a
    plan file ``carried`` (over the user's own of the same id: the plan re-plans as saved)."""
    from engine.catalog import load_catalog
    from engine.money.prices import load_price_list

    catalog, price_list = load_catalog(), prices or load_price_list()
    for entries, over_user in ((load_user_entries(path), False), (carried, True)):
        if entries is not None:
            catalog = with_user_entries(catalog, entries, over_user=over_user)
            price_list = with_user_prices(price_list, entries, catalog)
    return catalog, price_list


def catalog_with(path: Path | None, carried: UserEntries | None = None) -> Catalog:
    """The catalog of ``catalog_and_prices``, without reading a price list."""
    from engine.catalog import load_catalog

    catalog = load_catalog()
    for entries, over_user in ((load_user_entries(path), False), (carried, True)):
        if entries is not None:
            catalog = with_user_entries(catalog, entries, over_user=over_user)
    return catalog


def load_user_entries(path: Path | None) -> UserEntries | None:
    """``path`` read, else the user data folder's entries if there are any, else None."""
    if path is not None:
        return read_user_entries(path)
    own = user_catalog_path()
    return read_user_entries(own) if own.is_file() else None


def save_user_system(added: UserEntries) -> Path:
    """Add (or replace, by id) records in the user data folder's catalog file, after checking
    the whole file with the shipped catalog's rules: nothing is written that would not load.
    CatalogError names the record, the field, the value and what is allowed."""
    from engine.catalog import load_catalog

    shipped = load_catalog()
    path = user_catalog_path()
    own = load_user_entries(None) if path.is_file() else None
    records = {section: dict(own.records.get(section, {})) if own else {} for section in SECTIONS}
    for section, by_id in added.records.items():
        for rid, record in by_id.items():
            present = getattr(shipped, section).get(rid)
            if present is not None and _same(present.model_dump(), record, section):
                continue  # a shipped record used as it is stays the shipped one
            records[section][rid] = {**record, "user_entered": True}
    prices = {p.item: p for p in (own.prices if own else ())}
    prices.update({p.item: p for p in added.prices})
    combined = UserEntries(added.path, records, tuple(prices.values()))
    with_user_entries(shipped, combined)  # refuses what the shipped catalog would
    write_entry_file(entries_text(combined), path)
    return path


def remove_user_configuration(config_id: str) -> Path | None:
    """Remove a user's configuration from the user data folder, with its GPU, server and NIC
    records when no other of the user's configurations uses them."""
    own = load_user_entries(None)
    if own is None or config_id not in own.records.get("configurations", {}):
        return None
    records = {section: dict(by_id) for section, by_id in own.records.items()}
    cfg = records["configurations"].pop(config_id)
    still = records["configurations"].values()
    for section, key in (("gpus", "gpu"), ("servers", "server"), ("network", "compute_nic")):
        rid = cfg.get(key)
        if rid in records.get(section, {}) and all(c.get(key) != rid for c in still):
            records[section].pop(rid)
    ids = {rid for by_id in records.values() for rid in by_id}
    prices = tuple(p for p in own.prices if p.item in ids)
    path = user_catalog_path()
    write_entry_file(entries_text(UserEntries(own.path, records, prices)), path)
    return path
