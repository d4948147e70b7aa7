"""Plan files (.cqplan): a PlanRequest serialised as versioned JSON.

    {"format": "clusterquote-plan", "version": 1,
     "request": {"workload": {...}, "schedule": {...}, ..., "configs": [...]},
     "quote": {"customer": "...", "quote_no": "..."}}

Reading checks everything: broken JSON, a file that is not a plan, a plan from a
newer version, unknown or mistyped fields all raise ``PlanFileError`` with one
line a person can act on. The file itself is read through ``engine.safeio`` (a regular
file within a size limit, UTF-8 with or without BOM or GB18030, bounded JSON), and every
value is checked against resources/bounds.toml; whether the values make sense together
(a known preset, one of days or GPUs) is the engine's call when it plans.
"""

from __future__ import annotations

import json
import os
import tempfile
import types
import typing
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any, Literal

from engine.bounds import check_quote_heading, check_request, limit
from engine.errors import RequestError, shown
from engine.model import Efficiency, Facility, Finance, PlanRequest, Schedule, Workload
from engine.safeio import UnsafeFileError, new_file_mode, parse_json, read_text

FORMAT = "clusterquote-plan"
VERSION = 1
SUFFIX = ".cqplan"

_SECTIONS: dict[str, type] = {
    "workload": Workload,
    "schedule": Schedule,
    "efficiency": Efficiency,
    "facility": Facility,
    "finance": Finance,
}


class PlanFileError(ValueError):
    """A plan file cannot be read; the message says why in one line."""


@dataclass(frozen=True)
class PlanDocument:
    """What a plan file holds: the request and the quote's heading fields."""

    request: PlanRequest
    customer: str = ""
    quote_no: str = ""


def plan_to_dict(request: PlanRequest, *, customer: str = "", quote_no: str = "") -> dict[str, Any]:
    body: dict[str, Any] = {name: asdict(getattr(request, name)) for name in _SECTIONS}
    body["configs"] = list(request.configs)
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION, "request": body}
    if customer or quote_no:
        doc["quote"] = {"customer": customer, "quote_no": quote_no}
    return doc


def plan_to_json(request: PlanRequest, *, customer: str = "", quote_no: str = "") -> str:
    doc = plan_to_dict(request, customer=customer, quote_no=quote_no)
    return json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def save_plan(request: PlanRequest, path: str | Path, *, customer: str = "", quote_no: str = "") -> Path:
    """Write ``request`` to ``path`` atomically: a temporary file beside it, then a rename."""
    target = Path(path)
    text = plan_to_json(request, customer=customer, quote_no=quote_no)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else new_file_mode())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


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
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PlanFileError(f"{name} has no valid plan format version")
    if version > VERSION:
        raise PlanFileError(
            f"{name} was saved by a newer ClusterQuote (plan format {version}); "
            f"this version reads format {VERSION} and older: please update ClusterQuote"
        )
    body = doc.get("request")
    if not isinstance(body, dict):
        raise PlanFileError(f"{name} has no request")
    unknown = set(body) - set(_SECTIONS) - {"configs"}
    if unknown:
        raise PlanFileError(f"{name}: unknown request section '{sorted(unknown)[0]}'")
    if "workload" not in body or "schedule" not in body:
        raise PlanFileError(f"{name}: the request needs a workload and a schedule")
    parts = {key: _section(cls, body.get(key, {}), key, name) for key, cls in _SECTIONS.items()}
    configs = body.get("configs", [])
    if not isinstance(configs, list) or not all(isinstance(c, str) for c in configs):
        raise PlanFileError(f"{name}: configs must be a list of configuration ids")
    request = PlanRequest(**parts, configs=tuple(configs))
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
    return PlanDocument(request, customer, quote_no)


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
