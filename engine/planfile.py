"""Plan files (.cqplan): a PlanRequest serialised as versioned JSON.

    {"format": "clusterquote-plan", "version": 2,
     "request": {"workload": {...}, "schedule": {...}, ..., "configs": [...],
                 "overrides": [{"config": "...", "item": "...", "qty": 4, ...}]},
     "quote": {"customer": "...", "quote_no": "..."},
     "snapshot": {"price_list": "...", "saved": "...", "catalog_version": "...",
                  "entries": [{price-list row}, ...], "quoted_capex": {"config": 1.0}},
     "catalog": {"gpus": [...], "servers": [...], "network": [...], "configurations": [...],
                 "prices": [...]}}

Version 2 added the request's BOM overrides and the price snapshot; a version 1
file is migrated on reading (no overrides, no snapshot). Version 3 added "catalog": the
user-entered records the plan stands on (engine.user_catalog), so a plan with a system the
user added reopens, and re-plans the same, where that user's own catalog is not; a version 2
file has none.

Reading checks everything: broken JSON, a file that is not a plan, a plan from a
newer version, unknown or mistyped fields all raise ``PlanFileError`` with one
line a person can act on. The file itself is read through ``engine.safeio`` (a regular
file within a size limit, UTF-8 with or without BOM or GB18030, bounded JSON), and every
value is checked against resources/bounds.toml; whether the values make sense together
(a known preset, one of days or GPUs) is the engine's call when it plans.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from engine.catalog import Catalog

import json
import math
import types
import typing
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any, Literal

from engine.bounds import check_quote_heading, check_request, limit
from engine.catalog import Catalog, CatalogError
from engine.errors import RequestError, shown, text_problem
from engine.model import (
    Comparison,
    Efficiency,
    Facility,
    Finance,
    LineOverride,
    PlanRequest,
    Schedule,
    StorageRequest,
    Workload,
)
from engine.money.prices import COLUMNS as PRICE_COLUMNS
from engine.money.prices import PriceEntry, PriceError, PriceList
from engine.money.snapshot import PriceSnapshot, recording, take_snapshot
from engine.safeio import UnsafeFileError, parse_json, read_text, write_atomically
from engine.user_catalog import UserEntries, entries_dict, entries_from_data

FORMAT = "clusterquote-plan"
VERSION = 3
SUFFIX = ".cqplan"

_SECTIONS: dict[str, type] = {
    "workload": Workload,
    "schedule": Schedule,
    "efficiency": Efficiency,
    "facility": Facility,
    "finance": Finance,
    "storage": StorageRequest,
}


class PlanFileError(ValueError):
    """A plan file cannot be read; the message says why in one line."""


@dataclass(frozen=True)
class PlanDocument:
    """What a plan file holds: the request and the quote's heading fields."""

    request: PlanRequest
    customer: str = ""
    quote_no: str = ""
    snapshot: PriceSnapshot | None = None  # the prices the plan was quoted with
    entries: UserEntries | None = None  # the user-entered records the plan stands on


def plan_to_dict(
    request: PlanRequest, *, customer: str = "", quote_no: str = "",
    snapshot: PriceSnapshot | None = None, entries: UserEntries | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {name: asdict(getattr(request, name)) for name in _SECTIONS}
    body["configs"] = list(request.configs)
    body["overrides"] = [asdict(o) for o in request.overrides]
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION, "request": body}
    if customer or quote_no:
        doc["quote"] = {"customer": customer, "quote_no": quote_no}
    if snapshot is not None:
        doc["snapshot"] = snapshot_to_dict(snapshot)
    if entries is not None:
        doc["catalog"] = entries_dict(entries)
    return doc


def plan_to_json(
    request: PlanRequest, *, customer: str = "", quote_no: str = "",
    snapshot: PriceSnapshot | None = None, entries: UserEntries | None = None,
) -> str:
    doc = plan_to_dict(request, customer=customer, quote_no=quote_no, snapshot=snapshot,
                       entries=entries)
    return json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def snapshot_for(comparison: Comparison, prices: PriceList, *, saved: str,
                 catalog_version: str, catalog: Catalog | None = None) -> PriceSnapshot:
    """The snapshot a plan file keeps: the entries of ``prices`` that pricing ``comparison``'s
    request reads, learned by pricing it again, not the whole list (a user's list of 100 000
    rows gives a few dozen entries, and the plan reopens within the reader's limit)."""
    from engine.compare import compare

    asked = recording(prices)
    compare(comparison.request, catalog=catalog, price_list=asked)  # the catalog it was planned on
    return take_snapshot(comparison, prices, saved=saved, catalog_version=catalog_version, read=asked.asked)


def plan_file_text(
    request: PlanRequest, *, name: str, customer: str = "", quote_no: str = "",
    snapshot: PriceSnapshot | None = None, entries: UserEntries | None = None,
) -> str:
    """The text of a plan file, once it is known to open again: PlanFileError for a plan
    larger than a plan file may be when read (files.plan_max_bytes) or holding text that
    is not text, so nothing is written that the reader would refuse."""
    text = plan_to_json(request, customer=customer, quote_no=quote_no, snapshot=snapshot,
                        entries=entries)
    problem = text_problem(text)
    if problem:
        raise PlanFileError(f"cannot save {name}: it holds text that is not plain text ({problem})")
    size, most = len(text.encode("utf-8")), limit("files.plan_max_bytes")
    if size > most:
        held = f"{len(request.overrides):,} line overrides"
        if snapshot is not None:
            held += f" and {len(snapshot.entries):,} saved prices"
        raise PlanFileError(f"cannot save {name}: it would be {size / 1_048_576:.3g} MB, more than the "
                            f"{most / 1_048_576:.3g} MB a plan file may be to open again (it holds {held})")
    return text


def save_plan(
    request: PlanRequest, path: str | Path, *, customer: str = "", quote_no: str = "",
    snapshot: PriceSnapshot | None = None, entries: UserEntries | None = None,
) -> Path:
    """Write ``request`` to ``path`` atomically: a temporary file beside it, then a rename.
    PlanFileError, before anything is written, for a plan the reader would refuse."""
    target = Path(path)
    text = plan_file_text(request, name=target.name, customer=customer, quote_no=quote_no,
                          snapshot=snapshot, entries=entries)
    return write_atomically(target, lambda tmp: tmp.write_bytes(text.encode("utf-8")))


def load_plan(path: str | Path) -> PlanRequest:
    """The request stored in a plan file; PlanFileError says what is wrong with a bad one."""
    return load_plan_document(path).request


def load_plan_document(path: str | Path) -> PlanDocument:
    source = Path(path)
    try:
        text = read_text(source, max_bytes=limit("files.plan_max_bytes"), name=source.name)
    except UnsafeFileError as exc:
        raise PlanFileError(str(exc)) from None
    return plan_from_json(text, name=source.name)


def plan_from_json(text: str, *, name: str = "the plan") -> PlanDocument:
    try:
        doc = parse_json(text, name)
    except UnsafeFileError as exc:
        raise PlanFileError(str(exc)) from None
    return plan_from_dict(doc, name=name)


def plan_from_dict(doc: object, *, name: str = "the plan") -> PlanDocument:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise PlanFileError(f"{name} is not a ClusterQuote plan")
    _refuse_non_text(doc, "", name)
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PlanFileError(f"{name} has no valid plan format version")
    if version > VERSION:
        raise PlanFileError(
            f"{name} was saved by a newer ClusterQuote (plan format {version}); "
            f"this version reads format {VERSION} and older: please update ClusterQuote"
        )
    doc = _migrated(doc, version)
    body = doc.get("request")
    if not isinstance(body, dict):
        raise PlanFileError(f"{name} has no request")
    unknown = set(body) - set(_SECTIONS) - {"configs", "overrides"}
    if unknown:
        raise PlanFileError(f"{name}: unknown request section '{sorted(unknown)[0]}'")
    if "workload" not in body or "schedule" not in body:
        raise PlanFileError(f"{name}: the request needs a workload and a schedule")
    parts = {key: _section(cls, body.get(key, {}), key, name) for key, cls in _SECTIONS.items()}
    configs = body.get("configs", [])
    if not isinstance(configs, list) or not all(isinstance(c, str) for c in configs):
        raise PlanFileError(f"{name}: configs must be a list of configuration ids")
    request = PlanRequest(**parts, configs=tuple(configs),
                          overrides=_overrides(body.get("overrides", []), name))
    quote = doc.get("quote", {})
    if not isinstance(quote, dict):
        raise PlanFileError(f"{name}: quote must be an object")
    customer, quote_no = quote.get("customer", ""), quote.get("quote_no", "")
    if not isinstance(customer, str) or not isinstance(quote_no, str):
        raise PlanFileError(f"{name}: the customer and quote number must be text")
    try:
        check_request(request)
        check_quote_heading(customer, quote_no)
    except RequestError as exc:
        raise PlanFileError(f"{name}: {exc.field} {shown(exc.value)} is not allowed; {exc.allowed}") from None
    return PlanDocument(request, customer, quote_no, _snapshot(doc.get("snapshot"), name),
                        _entries(doc.get("catalog"), name))


def _entries(data: object, name: str) -> UserEntries | None:
    """The user-entered records a plan carries; their figures are checked by the catalog's
    rules when the plan is planned (engine.user_catalog.catalog_and_prices)."""
    if data is None:
        return None
    if not isinstance(data, dict):
        raise PlanFileError(f"{name}: catalog must be an object of catalog tables")
    try:
        return entries_from_data(data, f"{name} (its catalog)")
    except CatalogError as exc:
        raise PlanFileError(str(exc)) from None


def _refuse_non_text(value: object, path: str, name: str) -> None:
    """PlanFileError for the first text (a key or a value) that is not text: JSON's \\ud800
    escapes a lone surrogate, which no file, window or workbook can hold, so it stops here."""
    if isinstance(value, str):
        problem = text_problem(value)
        if problem:
            raise PlanFileError(f"{name}: {path or 'a field'} is not plain text: {problem}")
    elif isinstance(value, dict):
        for key, inner in value.items():
            where = f"{path}.{key}" if path else str(key)
            if text_problem(str(key)):
                raise PlanFileError(f"{name}: a field name under {path or 'the top'} is not plain "
                                    f"text: {text_problem(str(key))}")
            _refuse_non_text(inner, where, name)
    elif isinstance(value, list):
        for n, inner in enumerate(value):
            _refuse_non_text(inner, f"{path}[{n}]", name)


def _section(cls: type, data: object, key: str, name: str) -> Any:
    if not isinstance(data, dict):
        raise PlanFileError(f"{name}: {key} must be an object")
    hints = typing.get_type_hints(cls)
    known = {f.name for f in fields(cls)}
    unknown = set(data) - known
    if unknown:
        raise PlanFileError(f"{name}: unknown field {key}.{sorted(unknown)[0]}")
    values = {field: _check(value, hints[field], f"{key}.{field}", name) for field, value in data.items()}
    return cls(**values)


def _check(value: object, hint: Any, path: str, name: str) -> object:
    """``value`` as the type ``hint`` asks for; PlanFileError when it cannot be."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if value is None and type(None) in options:
            return None
        for option in options:
            if option is type(None):
                continue
            try:
                return _check(value, option, path, name)
            except PlanFileError:
                continue
        raise PlanFileError(f"{name}: {path} has the wrong type ({_shown(value)})")
    if origin is Literal:
        allowed = typing.get_args(hint)
        if value in allowed and type(value) in {type(a) for a in allowed}:
            return value
        raise PlanFileError(f"{name}: {path} is {_shown(value)}; allowed: {', '.join(map(str, allowed))}")
    if hint is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        raise PlanFileError(f"{name}: {path} must be a number, not {_shown(value)}")
    if hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        raise PlanFileError(f"{name}: {path} must be a whole number, not {_shown(value)}")
    if hint is bool:
        if isinstance(value, bool):
            return value
        raise PlanFileError(f"{name}: {path} must be true or false, not {_shown(value)}")
    if hint is str:
        if isinstance(value, str):
            return value
        raise PlanFileError(f"{name}: {path} must be text, not {_shown(value)}")
    raise PlanFileError(f"{name}: {path} cannot be read")  # pragma: no cover - a new field type


def _shown(value: object) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False) if value is not None else "null"
    except ValueError:  # an integer too long to write
        return shown(value)
    return shown(text)


# ---------------------------------------------------------------- version 2: overrides, prices


def _migrated(doc: dict[str, Any], version: int) -> dict[str, Any]:
    """``doc`` brought to the current format, one version at a time."""
    if version == 1:  # no overrides and no price snapshot yet
        request = doc.get("request")
        if isinstance(request, dict):
            request = {**request, "overrides": []}
        doc = {**doc, "version": 2, "request": request}
        version = 2
    if version == 2:  # no user-entered records carried
        doc = {**doc, "version": 3}
        doc.pop("catalog", None)
    return doc


def _overrides(data: object, name: str) -> tuple[LineOverride, ...]:
    if not isinstance(data, list):
        raise PlanFileError(f"{name}: overrides must be a list")
    out = []
    for n, entry in enumerate(data):
        override = _section(LineOverride, entry, f"overrides[{n}]", name)
        if not override.config or not override.item:
            raise PlanFileError(f"{name}: overrides[{n}] needs a config and an item")
        out.append(override)
    return tuple(out)


def snapshot_to_dict(snapshot: PriceSnapshot) -> dict[str, Any]:
    return {
        "price_list": snapshot.price_list,
        "saved": snapshot.saved,
        "catalog_version": snapshot.catalog_version,
        "entries": [{**e.as_row(), "unit_price": e.unit_price, **({"basis": e.basis} if e.basis else {})}
                    for e in snapshot.entries],
        "quoted_capex": dict(snapshot.quoted_capex),
    }


def _snapshot(data: object, name: str) -> PriceSnapshot | None:
    if data is None:
        return None
    if not isinstance(data, dict):
        raise PlanFileError(f"{name}: snapshot must be an object")
    texts = {}
    for key in ("price_list", "saved", "catalog_version"):
        value = data.get(key)
        if not isinstance(value, str):
            raise PlanFileError(f"{name}: snapshot.{key} must be text, not {_shown(value)}")
        texts[key] = value
    rows = data.get("entries")
    if not isinstance(rows, list):
        raise PlanFileError(f"{name}: snapshot.entries must be a list of price-list rows")
    entries = []
    for n, row in enumerate(rows):
        if not isinstance(row, dict) or set(row) - {"basis"} != set(PRICE_COLUMNS):
            raise PlanFileError(f"{name}: snapshot.entries[{n}] must have the price-list "
                                f"columns {', '.join(PRICE_COLUMNS)}")
        try:
            entries.append(PriceEntry(**row))
        except (PriceError, TypeError, AttributeError) as exc:
            raise PlanFileError(f"{name}: snapshot.entries[{n}]: {exc}") from None
        if entries[-1].item in {e.item for e in entries[:-1]}:
            raise PlanFileError(f"{name}: snapshot.entries[{n}] repeats item {entries[-1].item}")
    quoted = data.get("quoted_capex", {})
    if not isinstance(quoted, dict) or not all(
        isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
        for v in quoted.values()
    ):
        raise PlanFileError(f"{name}: snapshot.quoted_capex must map configurations to numbers")
    return PriceSnapshot(
        price_list=texts["price_list"], saved=texts["saved"],
        catalog_version=texts["catalog_version"], entries=tuple(entries),
        quoted_capex=tuple((str(k), float(v)) for k, v in quoted.items()),
    )
