"""The variant table: every configuration the market lets the buyer have × fleet size × cooling ×
rack budget × hosting, with its exact design figures, and its money for all variants at once
(the arithmetic of engine.money.totals.money over numpy arrays)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.catalog import Catalog
from engine.model import HOSTINGS, PlanRequest
from engine.money.totals import HOURS_PER_YEAR
from engine.optimise.exact import Design, Evaluator
from engine.planning.budget import default_rack_kw
from engine.resolve import Resolved
from engine.resources import read_toml

COOLINGS = ("air", "rdhx", "liquid")


def settings() -> dict[str, Any]:
    return read_toml("optimise.toml")


@dataclass(frozen=True)
class Axes:
    configs: tuple[str, ...]
    nodes: dict[str, tuple[int, ...]]  # per configuration
    rack_kw: dict[str, tuple[float, ...]]  # per cooling kind
    hostings: tuple[str, ...]


def node_steps(low: int, high: int, steps: int, must: tuple[int, ...] = ()) -> tuple[int, ...]:
    """Whole-server fleet sizes from ``low`` to ``high``, about ``steps`` of them, with ``must``."""
    high = max(high, low)
    spread = np.unique(np.round(np.linspace(low, high, steps)).astype(int))
    return tuple(sorted({*map(int, spread), *(m for m in must if low <= m)}))


def rack_budgets(request: PlanRequest, cooling: str, architectures: set[str]) -> tuple[float, ...]:
    """The hall's budgets to try for a cooling kind: its steps, the request's, the defaults."""
    values = {float(v) for v in settings()["space"]["rack_kw"][cooling]["values"]}
    if request.facility.rack_kw is not None:
        values.add(float(request.facility.rack_kw))
    values |= {default_rack_kw(cooling, a).value for a in architectures}
    return tuple(sorted(values))


@dataclass
class Table:
    """One row per variant; columns as numpy arrays (money in the request's currency)."""

    config: np.ndarray  # index into configs
    configs: tuple[str, ...]
    nodes: np.ndarray
    gpus: np.ndarray
    cooling: np.ndarray  # index into COOLINGS
    rack_kw: np.ndarray
    hosting: np.ndarray  # index into HOSTINGS
    design: list[Design]
    capex: np.ndarray
    tco: np.ndarray
    days: np.ndarray  # training days at the expected efficiency
    calendar_days: np.ndarray

    def __len__(self) -> int:
        return len(self.design)


def money_columns(d: dict[str, np.ndarray], res: Resolved, discount: float
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Capex and TCO of every row, as engine.money.totals.money computes them for one plan."""
    hw, sv, cloud = d["hardware"], d["services"], d["cloud"]
    # the discount and each rate's VAT rounded to the fen once, as engine.money.totals.fen
    gross = hw + sv
    capex = gross - fen(gross * discount) + fen(hw * (1 - discount) * res.vat) \
        + fen(sv * (1 - discount) * res.vat_services)
    energy = np.where(cloud, 0.0, d["facility_kw"] * HOURS_PER_YEAR * res.power_price)
    upkeep_years = max(0, res.years - res.warranty_years)
    maintenance = hw * (1 - discount) * res.maintenance_rate * upkeep_years
    rent = np.where(cloud, d["gpus"] * HOURS_PER_YEAR * d["cloud_rate"],
                    d["rent_kw_month"] * d["contracted_kw"] * 12)
    tco = capex + res.years * (energy + rent) + maintenance
    return capex, tco


def fen(values: np.ndarray) -> np.ndarray:
    """Rounded to the fen, half away from zero (the figures are not negative)."""
    out: np.ndarray = np.floor(values * 100 + 0.5) / 100
    return out


def build_table(ev: Evaluator, axes: Axes, res: Resolved,
                tick: Callable[[float], None] | None = None) -> Table:
    """``tick`` is told the share of the (configuration, servers, cooling) steps designed so
    far, before each; it may raise to stop the search."""
    rows: list[tuple[int, int, int, float, int, Design]] = []
    catalog: Catalog = ev.catalog
    steps = len(COOLINGS) * sum(len(axes.nodes[c]) for c in axes.configs)
    done = 0
    for ci, cfg in enumerate(axes.configs):
        gpn = catalog.configuration(cfg).gpu_count
        for n in axes.nodes[cfg]:
            for ki, kind in enumerate(COOLINGS):
                if tick is not None:
                    tick(done / steps)
                done += 1
                for kw in axes.rack_kw[kind]:
                    for hi, hosting in enumerate(HOSTINGS):
                        if hosting not in axes.hostings:
                            continue
                        d = ev.design(cfg, n, kind, kw, hosting)
                        if d is not None and d.gpus == n * gpn:
                            rows.append((ci, n, ki, kw, hi, d))
    if tick is not None:
        tick(1.0)
    designs = [r[5] for r in rows]
    rent = {"colo": res.colo_rent_kw_month, "wholesale": res.wholesale_rent_kw_month}
    cols = {
        "hardware": np.array([d.hardware for d in designs]),
        "services": np.array([d.services for d in designs]),
        "facility_kw": np.array([d.facility_kw for d in designs]),
        "contracted_kw": np.array([d.contracted_kw for d in designs]),
        "gpus": np.array([d.gpus for d in designs], dtype=float),
        "cloud_rate": np.array([d.cloud_rate for d in designs]),
        "cloud": np.array([HOSTINGS[r[4]] == "cloud" for r in rows], dtype=bool),
        "rent_kw_month": np.array([rent.get(HOSTINGS[r[4]], 0.0) for r in rows]),
    }
    capex, tco = money_columns(cols, res, ev.request.finance.discount)
    days = np.array([d.days for d in designs])
    lead = np.array([d.lead_time_days for d in designs])
    return Table(
        config=np.array([r[0] for r in rows], dtype=np.int32), configs=axes.configs,
        nodes=np.array([r[1] for r in rows], dtype=np.int32),
        gpus=cols["gpus"].astype(np.int64),
        cooling=np.array([r[2] for r in rows], dtype=np.int8),
        rack_kw=np.array([r[3] for r in rows]),
        hosting=np.array([r[4] for r in rows], dtype=np.int8),
        design=designs, capex=capex, tco=tco, days=days, calendar_days=lead + days,
    )


def deadline_nodes(need_nodes: int, floor_nodes: int) -> tuple[int, int]:
    """The fleet range of a configuration: memory floor to about +50% over the P50 need."""
    headroom = float(settings()["space"]["headroom"]["value"])
    return floor_nodes, max(floor_nodes, math.ceil(need_nodes * (1 + headroom)))
