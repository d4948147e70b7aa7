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
