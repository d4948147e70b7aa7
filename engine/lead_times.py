"""Default lead time (order to first training step) by GPU generation and buyer's market, from
resources/lead_times.toml: delivery + installation, burn-in and acceptance."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.model import Assumption, Message
from engine.resources import read_toml

DEFAULT_MARKET = "CN"


def _table() -> dict[str, Any]:
    return read_toml("lead_times.toml")


@dataclass(frozen=True)
class LeadTime:
    days: float
    note: str  # in English, as the assumption's note
    params: tuple[tuple[str, str | int | float], ...] = ()  # of the note's sentence

    def assumption(self) -> Assumption:
        """The plan's lead-time assumption: the default, with its sources in words."""
        return Assumption.said("lead_time_days", self.days, "days", "default",
                               "assumed.lead-time", **dict(self.params))


def default_lead_time(architecture: str, market: str | None = None) -> LeadTime:
    """Delivery of ``architecture`` servers in ``market`` plus installation and acceptance."""
    from engine.i18n import get

    table = _table()
    name = (market or DEFAULT_MARKET).upper()
    name = name if name in table and architecture in table[name] else "other"
    delivery = table[name][architecture]["delivery_days"]
    install = table["install"]["days"]
    days = float(delivery["value"]) + float(install["value"])
    # the English notes stand beside their figures in the toml; the Chinese ones in defaults.ftl
    params = {"delivery": f"{delivery['value']:g}", "architecture": architecture,
              "delivery_note": delivery["note"], "install": f"{install['value']:g}",
              "install_note": install["note"],
              "delivery_note_zh": get(f"leadtime.{name}.{architecture}", "zh", delivery["note"]),
              "install_note_zh": get("leadtime.install", "zh", install["note"])}
    message = Message.of("assumed.lead-time", **params)
    return LeadTime(days, message.text, message.params)


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
