"""What sits where in each rack: slots for the elevation drawing.

``lay_out`` (engine.facility.racks) counts what each rack holds. Where a layout
carries no slots, ``derive_slots`` places the counted things by the same rules
``lay_out`` filled the racks with: servers from the bottom U up, the switches
that ride in the last compute rack above them, network racks filled with the
switches in the order ``lay_out`` took them (largest first, next fit), and the
rack's management switch in its top U. PDUs are zero-U strips at the rear: a
slot with ``position_u`` 0 and ``units`` 0, A and B feeds in pairs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from engine.model import Rack, RackLayout, RackSlot


@dataclass(frozen=True)
class Mounted:
    """A rack-mounted thing with its name: what a slot is made from."""

    units: int
    max_w: float
    weight_kg: float
    role: str
    part: str
    label: str

    def at(self, position_u: int) -> RackSlot:
        return RackSlot(position_u, self.units, self.role, self.part, self.label,
                        self.max_w / 1000, self.weight_kg)


def pdus_in(rack: Rack, pdu_kw: float) -> int:
    """A and B feeds, each able to carry the whole rack alone (engine.facility.racks.lay_out)."""
    return 2 * max(1, math.ceil(rack.power_kw / pdu_kw))


def derive_slots(
    layout: RackLayout, node: Mounted, mgmt: Mounted, switches: Sequence[Mounted], pdu: Mounted,
    pdu_kw: float,
) -> tuple[Rack, ...]:
    """The layout's racks with slots; racks that already have slots are kept as they are."""
    pending = sorted(switches, key=lambda b: -b.units)  # lay_out's order (a stable sort)
    racks: list[Rack] = []
    for rack in layout.racks:
        riding = rack.switches - 1  # every rack has one management switch
        taken, pending = pending[:riding], pending[riding:]
        if rack.slots:
            racks.append(rack)
            continue
        slots: list[RackSlot] = []
        u = 1
        for _ in range(rack.nodes):
            slots.append(node.at(u))
            u += node.units
        for box in taken:
            slots.append(box.at(u))
            u += box.units
        slots.append(mgmt.at(layout.rack_units - mgmt.units + 1))
        slots.extend(pdu.at(0) for _ in range(pdus_in(rack, pdu_kw)))
        racks.append(replace(rack, slots=tuple(slots)))
    return tuple(racks)
