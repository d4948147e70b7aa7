"""The out-of-band access switches of a rack layout: which racks' management ports each serves,
and the rack it stands in (engine.facility.oob sizes them)."""

from __future__ import annotations

from dataclasses import replace

from engine.assumptions import default
from engine.catalog import Catalog
from engine.facility.oob import AccessGroup, Reach, access_groups
from engine.model import Rack, RackLayout
from engine.planning.parts import parts

# one management port each (a BMC or a switch's management port)
_ONE_PORT = frozenset({"server", "leaf", "spine", "core", "director", "storage_switch",
                       "frontend_switch", "oob_switch", "management", "pdu"})


def reach() -> Reach:
    return Reach(cord_m=default("management.oob_cord_m").value,
                 slack_m=default("cabling.slack_m").value,
                 rack_width_m=default("cabling.rack_width_m").value)


def rack_ports(rack: Rack, catalog: Catalog) -> int:
    """Management ports of what ``rack`` holds: BMCs, switches, PDUs, storage controllers."""
    ports = 0
    for slot in rack.slots:
        if slot.role in _ONE_PORT:
            ports += 1
        elif slot.role == "storage":
            ports += catalog.storage[slot.part].oob_ports
    return ports


def cooling_ports(layout: RackLayout) -> list[int]:
    """The cooling units' controllers of each row, on the first rack of the row."""
    per_row = int(default("management.oob_cooling_ports_per_row").value)
    seen: set[int] = set()
    out = []
    for rack in layout.racks:
        out.append(per_row if rack.row not in seen else 0)
        seen.add(rack.row)
    return out


def oob_groups(layout: RackLayout, catalog: Catalog) -> tuple[AccessGroup, ...]:
    radix = catalog.network[parts()["ethernet"]["mgmt_switch"]].ports
    ports = [rack_ports(r, catalog) + c for r, c in zip(layout.racks, cooling_ports(layout), strict=True)]
    return access_groups([r.row for r in layout.racks], ports, radix, reach())


def keep_access_switches(layout: RackLayout, groups: tuple[AccessGroup, ...]) -> RackLayout:
    """The layout with a management switch only in the racks that host an access switch."""
    slotted = [i for i, r in enumerate(layout.racks) if any(s.role == "mgmt_switch" for s in r.slots)]
    hosts: set[int] = set()
    homeless = 0
    for g in groups:  # the middle rack, or the nearest of the group with room at its top
        mine = [i for i in g.racks if i in slotted and i not in hosts]
        if mine:
            hosts.add(min(mine, key=lambda i: (abs(i - g.host), i)))
        else:
            homeless += 1
    # a group whose racks are full (the switch was moved out when racks were arranged) keeps
    # a moved-out switch in a network rack
    hosts |= set([i for i in slotted if i not in hosts and layout.racks[i].kind == "network"][:homeless])
    stripped: dict[int, tuple[Rack, object]] = {}  # racks alike keep sharing their slots

    def without(rack: Rack) -> Rack:
        key = id(rack.slots)
        if key not in stripped:
            gone = [s for s in rack.slots if s.role == "mgmt_switch"]
            kw = sum(s.max_kw for s in gone)
            new = replace(
                rack, slots=tuple(s for s in rack.slots if s.role != "mgmt_switch"),
                switches=rack.switches - len(gone), units_used=rack.units_used - sum(s.units for s in gone),
                power_kw=rack.power_kw - kw, weight_kg=rack.weight_kg - sum(s.weight_kg for s in gone),
                pdu_load=rack.pdu_load * (rack.power_kw - kw) / rack.power_kw if rack.power_kw else 0.0)
            stripped[key] = (new, rack.slots)
        new, _ = stripped[key]
        return replace(new, row=rack.row, position=rack.position)

    racks = tuple(r if i in hosts else without(r) for i, r in enumerate(layout.racks))
    return replace(layout, racks=racks, feed_kw=max((r.power_kw for r in racks), default=0.0))
