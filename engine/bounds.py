"""Bounds on every input, read from resources/bounds.toml: one table for CLI, GUI and plan files.

``check_request`` refuses a request holding a number out of range (or not finite) or an
overlong text with a RequestError that names the field, the value and what is allowed,
so nothing downstream can turn it into inf, NaN or an absurd figure.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, fields, is_dataclass
from functools import cache
from typing import Any

from engine.errors import Allowed, RequestError, allowed, text_said
from engine.model import PlanRequest, Workload
from engine.resources import resource_path


@dataclass(frozen=True)
class Bound:
    """The range a number may take."""

    key: str  # "schedule.days"
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False
    integer: bool = False
    unit: str = ""
    note: str = ""

    def admits(self, value: object) -> bool:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        if isinstance(value, float) and not math.isfinite(value):
            return False
        if self.integer and int(value) != value:
            return False
        above = value > self.low if self.low_open else value >= self.low
        below = value < self.high if self.high_open else value <= self.high
        return above and below

    @property
    def said(self) -> Allowed:
        """What the bound allows, as a catalogue sentence (resources/i18n/<lang>/request.ftl)."""
        code = "allowed.whole" if self.integer else "allowed.range"
        figures: dict[str, object] = dict(low=_figure(self.low), high=_figure(self.high),
                                          low_open="yes" if self.low_open else "no",
                                          high_open="yes" if self.high_open else "no")
        if self.unit:
            from engine.i18n import t

            code += "-unit"
            key = re.sub(r"[^A-Za-z0-9]+", "-", self.unit).strip("-")
            figures |= dict(unit=self.unit, unit_zh=t("unit", "zh", unit=key))
        return allowed(code, **figures)

    @property
    def allowed(self) -> str:
        return self.said.render("en")


def _figure(value: float) -> str:
    if float(value).is_integer() and abs(value) < 1e7:
        return f"{int(value)}"
    return f"{value:g}"


@cache
def _table() -> dict[str, dict[str, Any]]:
    with resource_path("bounds.toml").open("rb") as fh:
        data = tomllib.load(fh)
    return {f"{section}.{name}": entry for section, entries in data.items()
            for name, entry in entries.items()}


@cache
def bound(key: str) -> Bound:
    """The numeric bound of ``key`` ("finance.years")."""
    e = _table()[key]
    return Bound(key, float(e["min"]), float(e["max"]), bool(e.get("min_open", False)),
                 bool(e.get("max_open", False)), bool(e.get("integer", False)),
                 e.get("unit", ""), e.get("note", ""))


def limit(key: str) -> int:
    """A count from the table: ``files.plan_max_bytes``, ``text.customer`` (its max_chars)..."""
    e = _table()[key]
    for name in ("value", "max_chars", "max_items"):
        if name in e:
            return int(e[name])
    raise KeyError(key)  # pragma: no cover - a table entry without a count


def numeric_keys() -> tuple[str, ...]:
    return tuple(k for k, e in _table().items() if "min" in e)


def check(field: str, value: object, key: str | None = None) -> None:
    """RequestError unless ``value`` is within the bound of ``key`` (default: ``field``)."""
    if value is None:
        return
    b = bound(key or field)
    if not b.admits(value):
        raise RequestError(field, value, b.said)


def check_text(field: str, value: str, key: str) -> None:
    plain_text(field, value)
    most = limit(key)
    if len(value) > most:
        raise RequestError(field, value, allowed("allowed.max-chars", most=most))


def plain_text(field: str, value: str) -> None:
    """RequestError for text no file can hold (a lone surrogate from a file name's stray byte
    or JSON's \\ud800): refused where it comes in, so it never reaches a save."""
    problem = text_said(value)
    if problem is not None:
        raise RequestError(field, value.encode("utf-8", "replace").decode("utf-8"), problem)


def _check_section(section: str, part: object) -> None:
    keys = set(numeric_keys())
    assert is_dataclass(part)
    for f in fields(part):
        key = f"{section}.{f.name}"
        if key in keys:
            check(key, getattr(part, f.name))


def check_workload(workload: Workload) -> None:
    """RequestError for the first field of ``workload`` outside its bound."""
    _check_section("workload", workload)
    if workload.preset is not None:
        check_text("workload.preset", workload.preset, "text.preset")


def check_request(request: PlanRequest) -> None:
    """RequestError for the first field of ``request`` outside its bound."""
    check_workload(request.workload)
    for section in ("schedule", "efficiency", "facility", "finance", "storage"):
        _check_section(section, getattr(request, section))
    if len(request.configs) > limit("text.configs"):
        raise RequestError("configs", f"{len(request.configs)} configurations",
                           allowed("allowed.max-items", most=limit("text.configs")))
    for config in request.configs:
        check_text("configs", config, "text.config")
    for o in request.overrides:
        for text in (o.config, o.item, o.category, o.description):
            plain_text("overrides", text)


def check_quote_heading(customer: str, quote_no: str) -> None:
    check_text("customer", customer, "text.customer")
    check_text("quote_no", quote_no, "text.quote_no")
