"""Step 5a: racks under a power budget, U space and weight; A/B PDUs for every rack."""

from __future__ import annotations

import math
from dataclasses import dataclass

from engine.model import Rack, RackLayout


@dataclass(frozen=True)
class Box:
    """Something rack-mounted: a server or a switch."""

    units: int
    max_w: float
    weight_kg: float


@dataclass(frozen=True)
class RackSpec:
    model: str
    units: int
    max_load_kg: float
    usable_fraction: float  # of the U space that may be filled
    reserved_units: int  # per compute rack: management switch, patch panel
    budget_kw: float
    network_units: int
    network_kw: float


class RackRefusal(ValueError):
    """Not even one node fits a rack; the message says which limit."""


def nodes_per_rack(node: Box, mgmt: Box, spec: RackSpec) -> tuple[int, str]:
    usable_u = math.floor(spec.units * spec.usable_fraction) - spec.reserved_units
    limits = {
        "power": math.floor((spec.budget_kw * 1000 - mgmt.max_w) / node.max_w),
        "space": usable_u // node.units,
        "weight": math.floor((spec.max_load_kg - mgmt.weight_kg) / node.weight_kg),
    }
    limited_by = min(limits, key=lambda k: limits[k])
    count = limits[limited_by]
    if count < 1:
        if limited_by == "power":
            raise RackRefusal(
                f"one node draws up to {node.max_w / 1000:.1f} kW, over the "
                f"{spec.budget_kw:g} kW rack budget"
            )
        if limited_by == "space":
            raise RackRefusal(f"a {node.units}U node does not fit the {usable_u}U usable in a rack")
        raise RackRefusal(f"a {node.weight_kg:g} kg node exceeds the rack's load limit")
    return count, limited_by


def lay_out(
    nodes: int, node: Box, mgmt: Box, switches: list[Box], spec: RackSpec,
    pdu_choices: list[tuple[str, float]],
) -> RackLayout:
    """Fill compute racks with nodes, then network racks with switches; add PDUs.

    ``pdu_choices`` are (part id, kW) pairs. Each rack gets A and B feeds, each
    able to carry the whole rack alone, so one PDU model is chosen for the
    hungriest rack and racks above one PDU's capacity get more pairs.
    """
    per_rack, limited_by = nodes_per_rack(node, mgmt, spec)
    racks: list[Rack] = []
    left = nodes
    while left > 0:
        n = min(per_rack, left)
        racks.append(Rack(
            "compute", n, 1, n * node.units + mgmt.units,
            (n * node.max_w + mgmt.max_w) / 1000, n * node.weight_kg + mgmt.weight_kg,
        ))
        left -= n

    pending = sorted(switches, key=lambda b: -b.units)
    # A few switches ride in the last compute rack when it has the room and the power.
    if pending and racks:
        last = racks[-1]
        usable_u = math.floor(spec.units * spec.usable_fraction) - spec.reserved_units
        free_u = usable_u - last.nodes * node.units
        extra_u = sum(b.units for b in pending)
        extra_kw = sum(b.max_w for b in pending) / 1000
        extra_kg = sum(b.weight_kg for b in pending)
        if (extra_u <= free_u and last.power_kw + extra_kw <= spec.budget_kw
                and last.weight_kg + extra_kg <= spec.max_load_kg):
            racks[-1] = Rack("compute", last.nodes, last.switches + len(pending),
                             last.units_used + extra_u, last.power_kw + extra_kw,
                             last.weight_kg + extra_kg)
            pending = []

    budget_w = min(spec.network_kw, spec.budget_kw) * 1000
    # Next fit: switches fill one network rack (with its management switch) after another.
    units, watts, kg, count = mgmt.units, mgmt.max_w, mgmt.weight_kg, 1
    for i, box in enumerate(pending):
        if box.units + mgmt.units > spec.network_units or box.max_w + mgmt.max_w > budget_w:
            raise RackRefusal("a switch does not fit a network rack's space or power budget")
        if (units + box.units > spec.network_units or watts + box.max_w > budget_w
                or kg + box.weight_kg > spec.max_load_kg):
            racks.append(Rack("network", 0, count, units, watts / 1000, kg))
            units, watts, kg, count = mgmt.units, mgmt.max_w, mgmt.weight_kg, 1
        units, watts, kg, count = units + box.units, watts + box.max_w, kg + box.weight_kg, count + 1
        if i == len(pending) - 1:
            racks.append(Rack("network", 0, count, units, watts / 1000, kg))

    hungriest = max(r.power_kw for r in racks)
    fitting = [p for p in sorted(pdu_choices, key=lambda p: p[1]) if p[1] >= hungriest]
    pdu_part, pdu_kw = fitting[0] if fitting else max(pdu_choices, key=lambda p: p[1])
    pdus = sum(2 * max(1, math.ceil(r.power_kw / pdu_kw)) for r in racks)
    return RackLayout(
        rack_model=spec.model, rack_units=spec.units, budget_kw=spec.budget_kw,
        nodes_per_rack=per_rack, limited_by=limited_by, racks=tuple(racks),
        pdus=pdus, pdu_part=pdu_part,
    )
