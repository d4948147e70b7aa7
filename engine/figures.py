"""The plan's figures, once: key, unit, what it means, how it is shown, and where it comes from.

Every table of figures reads this one: the GUI's comparison table and pair view, the CLI's
JSON and text table, the workbook's side-by-side comparison, and engine.frame for scripts.
A figure's ``key`` is its name in the JSON and the table column; ``get`` reads it from a
plan and gives None where the plan has none (a refused plan has no days, no money).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from engine.model import Comparison, Plan

Value = str | int | float | bool | None


@dataclass(frozen=True)
class Figure:
    key: str  # JSON field and table column
    unit: str  # "currency": the request's currency
    meaning: str
    kind: str  # how it is shown: text, int, float1, float2, percent, money, bool
    get: Callable[[Plan], Value]
    lower_is_better: bool | None = None  # for marking the best configuration
    label: str = ""  # its label in the workbook's language tables, where it has one


def _feasible(read: Callable[[Plan], float]) -> Callable[[Plan], float | None]:
    return lambda p: read(p) if p.feasible else None


FIGURES: tuple[Figure, ...] = (
    Figure("vendor", "", "server vendor", "text", lambda p: p.vendor,
           label="col.vendor"),
    Figure("server", "", "server model", "text", lambda p: p.server,
           label="col.server"),
    Figure("gpu_name", "", "GPU", "text", lambda p: p.gpu_name,
           label="col.gpu"),
    Figure("feasible", "", "the configuration can run the workload", "bool", lambda p: p.feasible),
    Figure("gpus", "GPUs", "GPUs bought", "int", lambda p: p.gpus, True,
           label="col.gpus"),
    Figure("nodes", "servers", "servers bought", "int", lambda p: p.nodes, True,
           label="col.nodes"),
    Figure("racks", "racks", "compute and network racks", "int",
           lambda p: p.racks.count if p.racks else 0, True,
           label="col.racks"),
    Figure("node_peak_dense_pflops", "PFLOP/s", "one server's dense peak at the plan's precision",
           "float2", lambda p: p.node_peak_dense_pflops),
    Figure("node_peak_sparse_pflops", "PFLOP/s", "one server's 2:4 sparse peak (marketing figure)",
           "float2", lambda p: p.node_peak_sparse_pflops),
    Figure("mfu", "", "model FLOPs utilisation, expected", "percent",
           lambda p: p.efficiency.mfu if p.efficiency else None),
    Figure("days", "days", "days to train, expected", "float1", _feasible(lambda p: p.days), True,
           label="col.days"),
    Figure("days_low", "days", "days to train at the efficiency band's high end", "float1",
           _feasible(lambda p: p.days_low), True),
    Figure("days_high", "days", "days to train at the efficiency band's low end", "float1",
           _feasible(lambda p: p.days_high), True),
    Figure("gpu_hours", "GPU-hours", "GPUs × hours to train", "int",
           _feasible(lambda p: p.gpu_hours), True),
    Figure("it_power_kw", "kW", "IT power, maximum draw", "float1",
           lambda p: p.power.it_max_kw if p.power else None, True,
           label="col.it_kw"),
    Figure("facility_power_kw", "kW", "facility capacity: IT maximum × PUE (the grid feed and UPS)",
           "float1", lambda p: p.power.facility_max_kw if p.power else None, True,
           label="col.facility_kw"),
    Figure("rack_power_kw", "kW", "the hungriest rack", "float1",
           lambda p: p.racks.max_power_kw if p.racks else None, True,
           label="cmp.rack_kw"),
    Figure("capex", "currency", "purchase price with services, discount and VAT", "money",
           lambda p: p.money.capex if p.money else None, True,
           label="col.capex"),
    Figure("tco", "currency", "capex plus energy, maintenance and hosting over the horizon",
           "money", lambda p: p.money.tco if p.money else None, True,
           label="col.tco"),
    Figure("cost_per_pf_day", "currency", "TCO per PF/s-day the fleet delivers over the horizon",
           "money", lambda p: p.money.cost_per_pf_day if p.money else None, True,
           label="col.cost_per_pf_day"),
    Figure("meets_deadline", "", "lead time + expected days within the deadline", "bool",
           lambda p: p.meets_deadline,
           label="col.meets"),
    Figure("gpu_hours_low", "GPU-hours", "GPU-hours at the band's low end", "int",
           _feasible(lambda p: p.gpu_hours_low), True),
    Figure("gpu_hours_high", "GPU-hours", "GPU-hours at the band's high end", "int",
           _feasible(lambda p: p.gpu_hours_high), True),
    Figure("lead_time_days", "days",
           "order to first training step: delivery, installation, acceptance", "float1",
           _feasible(lambda p: p.lead_time_days)),
    Figure("calendar_days", "days", "lead time + expected training days", "float1",
           _feasible(lambda p: p.calendar_days), True),
    Figure("facility_typical_kw", "kW",
           "facility power under training load (typical IT × PUE), for energy", "float1",
           lambda p: p.power.facility_kw if p.power else None, True),
    Figure("cloud_per_year", "currency", "renting the same GPUs in a cloud all year (buy or rent?)",
           "money", lambda p: p.money.cloud_per_year if p.money else None, True),
    Figure("cloud_per_run", "currency",
           "renting the GPUs in a cloud for the training run: GPU-hours × rate", "money",
           lambda p: p.money.cloud_per_run if p.money else None, True),
    Figure("cooling_kw", "kW", "cooling capacity installed", "float1",
           lambda p: p.cooling.capacity_kw if p.cooling else None,
           label="cmp.cooling_kw"),
    Figure("energy_per_run_mwh", "MWh", "facility energy of one training run", "float1",
           lambda p: p.power.energy_per_run_mwh if p.power else None, True,
           label="cmp.energy_run"),
    Figure("energy_per_run", "currency", "what that energy costs", "money",
           lambda p: p.money.energy_per_run if p.money else None, True,
           label="cmp.energy_run_cost"),
)
FIGURE: dict[str, Figure] = {f.key: f for f in FIGURES}


def figure_row(plan: Plan, keys: tuple[str, ...] | None = None) -> dict[str, Value]:
    """A plan's figures by key (all of them, or ``keys``)."""
    chosen = FIGURES if keys is None else tuple(FIGURE[k] for k in keys)
    return {f.key: f.get(plan) for f in chosen}


@dataclass(frozen=True)
class FigureTable:
    """The comparison's figures: one row per configuration, in the comparison's order."""

    configs: tuple[str, ...]
    rows: tuple[dict[str, Value], ...]

    def column(self, key: str) -> list[Value]:
        return [row[key] for row in self.rows]


def figure_table(comparison: Comparison) -> FigureTable:
    return FigureTable(tuple(p.config for p in comparison.plans),
                       tuple(figure_row(p) for p in comparison.plans))
