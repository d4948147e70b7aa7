"""Default lead time (order to first training step) by GPU generation and buyer's market, from
resources/lead_times.toml: delivery + installation, burn-in and acceptance."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from engine.resources import resource_path

DEFAULT_MARKET = "CN"


@cache
def _table() -> dict[str, Any]:
    with resource_path("lead_times.toml").open("rb") as fh:
        return tomllib.load(fh)


@dataclass(frozen=True)
class LeadTime:
    days: float
    note: str


def default_lead_time(architecture: str, market: str | None = None) -> LeadTime:
    """Delivery of ``architecture`` servers in ``market`` plus installation and acceptance."""
    table = _table()
    region = table.get((market or DEFAULT_MARKET).upper()) or table["other"]
    delivery = (region.get(architecture) or table["other"][architecture])["delivery_days"]
    install = table["install"]["days"]
    days = float(delivery["value"]) + float(install["value"])
    return LeadTime(days, f"{delivery['value']:g} days' delivery of {architecture} servers "
                          f"({delivery['note']}) + {install['value']:g} days' installation, "
                          f"burn-in and acceptance ({install['note']}); give the lead time the "
                          "vendor quotes")


def first_deadline_days(market: str | None = None) -> float:
    """The deadline a first plan starts from: the longest default lead time in the market plus
    resources/assumptions.toml's training window, so that it can be met."""
    from engine.assumptions import default

    table = _table()
    region = table.get((market or DEFAULT_MARKET).upper()) or table["other"]
    longest = max(default_lead_time(arch, market).days for arch in region)
    return longest + default("schedule.training_window_days").value


@dataclass(frozen=True)
class LeadRange:
    """Where the lead time of a GPU generation's servers may land: delivery between ``low`` and
    ``high`` days (most likely ``mode``, the planned delivery), plus installation."""

    low: float
    mode: float
    high: float
    install: float
    note: str


def lead_time_range(architecture: str, market: str | None = None) -> LeadRange:
    table = _table()
    region = table.get((market or DEFAULT_MARKET).upper()) or table["other"]
    entry = region.get(architecture) or table["other"][architecture]
    delivery, span = entry["delivery_days"], entry["delivery_range"]
    low, high = float(span["low"]), float(span["high"])
    mode = min(max(float(delivery["value"]), low), high)
    return LeadRange(low, mode, high, float(table["install"]["days"]["value"]),
                     f"{low:g}-{high:g} days' delivery of {architecture} servers ({span['note']})")
