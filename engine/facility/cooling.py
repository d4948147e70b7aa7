"""Step 5b: cooling for the heat the IT load makes (all of it), with N+1 redundancy.

- air: precision air units (CRAH), N+1 in every row;
- rdhx: a rear-door heat exchanger on every compute rack, CRAH N+1 per row for the rest;
- liquid: CDUs N+1 per row for the coolant's share of liquid-cooled nodes, CRAH N+1 per
  row for the rest.

Redundancy is per row because a row's units cool that row: one spare for a whole
hall cannot stand in for a failed unit several rows away.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from engine.model import CoolingPlan

KW_TO_BTU_H = 3412.14  # 1 W = 3.412 BTU/h
KW_PER_TON = 3.517  # 1 refrigeration ton = 12 000 BTU/h


@dataclass(frozen=True)
class Unit:
    part: str
    capacity_kw: float


def n_plus_one(heat_kw: float, choices: list[Unit]) -> tuple[Unit, int]:
    """The unit model and count (N+1) that install the least spare capacity."""
    def installed(unit: Unit) -> tuple[float, int]:
        count = math.ceil(heat_kw / unit.capacity_kw) + 1
        return count * unit.capacity_kw, count

    best = min(choices, key=installed)
    return best, installed(best)[1]


def _row_units(
    kind: str, compute_rack_kw: list[float], other_kw: float,
    crah: list[Unit], rdhx: list[Unit], cdu: list[Unit], liquid_capture: float,
) -> list[tuple[Unit, int, float]]:
    """One row's units: (unit, count, capacity counted: the spare excluded)."""
    heat = sum(compute_rack_kw) + other_kw
    out: list[tuple[Unit, int, float]] = []
    room_heat = heat
    if kind == "rdhx" and compute_rack_kw:
        door = max(rdhx, key=lambda u: u.capacity_kw)
        out.append((door, len(compute_rack_kw), len(compute_rack_kw) * door.capacity_kw))
        room_heat = heat - sum(min(kw, door.capacity_kw) for kw in compute_rack_kw)
    elif kind == "liquid" and compute_rack_kw:
        liquid_heat = liquid_capture * sum(compute_rack_kw)
        unit, count = n_plus_one(liquid_heat, cdu)
        out.append((unit, count, (count - 1) * unit.capacity_kw))
        room_heat = heat - liquid_heat
    if room_heat > 1e-9:
        unit, count = n_plus_one(room_heat, crah)
        out.append((unit, count, (count - 1) * unit.capacity_kw))
    return out


def plan_cooling(
    *, kind: str, compute_rack_kw: list[float], other_kw: float,
    crah: list[Unit], rdhx: list[Unit], cdu: list[Unit], liquid_capture: float,
    rows: list[tuple[list[float], float]] | None = None, bought: bool = True,
    heat_rejection: str = "",
) -> CoolingPlan:
    """``rows``: each row's (compute rack kW, other kW); None: the whole hall is one row."""
    rows = rows if rows is not None else [(compute_rack_kw, other_kw)]
    heat = sum(sum(c) + o for c, o in rows)
    counts: dict[str, int] = {}
    sizes: dict[str, float] = {}
    capacity = 0.0
    for compute, other in rows:
        for unit, count, counted in _row_units(kind, compute, other, crah, rdhx, cdu, liquid_capture):
            counts[unit.part] = counts.get(unit.part, 0) + count
            sizes[unit.part] = unit.capacity_kw
            capacity += counted
    return CoolingPlan(
        kind=kind, heat_kw=heat, units=tuple((p, n, sizes[p]) for p, n in counts.items()),
        capacity_kw=capacity, btu_per_hour=heat * KW_TO_BTU_H, tons=heat / KW_PER_TON,
        rows=len(rows), bought=bought, heat_rejection=heat_rejection,
    )
