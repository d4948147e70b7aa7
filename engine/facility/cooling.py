"""Step 5b: cooling for the heat the IT load makes (all of it), with N+1 redundancy.

- air: precision air units (CRAH), N+1 for the whole hall;
- rdhx: a rear-door heat exchanger on every compute rack, CRAH N+1 for the rest;
- liquid: CDUs N+1 for the coolant's share of liquid-cooled nodes, CRAH N+1 for the rest.
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


def plan_cooling(
    *, kind: str, compute_rack_kw: list[float], other_kw: float,
    crah: list[Unit], rdhx: list[Unit], cdu: list[Unit], liquid_capture: float,
) -> CoolingPlan:
    heat = sum(compute_rack_kw) + other_kw
    units: list[tuple[str, int, float]] = []
    capacity = 0.0
    room_heat = heat
    if kind == "rdhx" and compute_rack_kw:
        door = max(rdhx, key=lambda u: u.capacity_kw)
        units.append((door.part, len(compute_rack_kw), door.capacity_kw))
        capacity += len(compute_rack_kw) * door.capacity_kw
        room_heat = heat - sum(min(kw, door.capacity_kw) for kw in compute_rack_kw)
    elif kind == "liquid" and compute_rack_kw:
        liquid_heat = liquid_capture * sum(compute_rack_kw)
        unit, count = n_plus_one(liquid_heat, cdu)
        units.append((unit.part, count, unit.capacity_kw))
        capacity += (count - 1) * unit.capacity_kw
        room_heat = heat - liquid_heat
    if room_heat > 1e-9:
        unit, count = n_plus_one(room_heat, crah)
        units.append((unit.part, count, unit.capacity_kw))
        capacity += (count - 1) * unit.capacity_kw
    return CoolingPlan(
        kind=kind, heat_kw=heat, units=tuple(units), capacity_kw=capacity,
        btu_per_hour=heat * KW_TO_BTU_H, tons=heat / KW_PER_TON,
    )
