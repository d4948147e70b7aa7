"""Out-of-band access switches, sized by the management ports they serve within copper reach.

Every device with a management port (a server's BMC, a PDU, a switch's management port, a
storage controller, a cooling unit's controller) takes one RJ45 port on an out-of-band access
switch, on a copper patch cord. A switch serves the racks of its own row (cords run along the
row's overhead tray, not across aisles) within a cord's reach, and no more ports than it has;
a dense rack's ports may go to two neighbouring switches. So a row needs ceil(its ports / the
switch's ports) switches at least, and more when its racks stretch past a cord's reach.
NVIDIA's DGX SuperPOD H100 (RA-11333-001) cables 4 SUs' 317 management ports (108 of them
PDUs) to 8 SN2201 switches of 48 ports, not one a rack.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Reach:
    """How far one switch's copper reaches, in racks either side of the rack it stands in."""

    cord_m: float  # the longest patch cord planned
    slack_m: float  # up into the tray and down again, with a service loop
    rack_width_m: float

    @property
    def racks_either_side(self) -> int:
        return max(0, math.floor((self.cord_m - self.slack_m) / self.rack_width_m + 1e-9))


@dataclass(frozen=True)
class AccessGroup:
    """One access switch: the racks of one row (indexes into the layout's racks) whose
    management ports it takes, and how many of each; a rack's ports may be split between two
    neighbouring switches."""

    row: int
    shares: tuple[tuple[int, int], ...]  # (rack, ports of that rack on this switch)
    host: int  # the rack the switch stands in: the middle of its racks

    @property
    def racks(self) -> tuple[int, ...]:
        return tuple(r for r, _ in self.shares)

    @property
    def ports(self) -> int:
        return sum(n for _, n in self.shares)

    @property
    def long_cords(self) -> int:
        """Ports cabled from racks other than the host."""
        return sum(n for r, n in self.shares if r != self.host)


def _row_groups(row: int, racks: list[int], ports: list[int], radix: int, span: int
                ) -> list[AccessGroup]:
    """As few switches as the row's ports and its length need, filled evenly in rack order."""
    total = sum(ports)
    count = max(1, math.ceil(total / radix), math.ceil(len(racks) / span))
    target = max(1, math.ceil(total / count))  # ports a switch takes: at most radix
    groups: list[list[tuple[int, int]]] = [[]]
    # the last switch's ports and racks so far, kept as it fills (rows run to hundreds of racks)
    used, members = 0, set[int]()
    for rack, n in zip(racks, ports, strict=True):
        left = n
        while True:
            g = groups[-1]
            if g and (len(members) + (rack not in members) > span or (used >= target and left)):
                groups.append([])  # this switch is full, or the rack is out of its reach
                used, members = 0, set[int]()
                continue
            take = min(left, target - used)
            g.append((rack, take))
            used += take
            members.add(rack)
            left -= take
            if left == 0:
                break
    return [AccessGroup(row, tuple(g), g[(len(g) - 1) // 2][0]) for g in groups if g]


def access_groups(rows: Sequence[int], ports: Sequence[int], radix: int, reach: Reach
                  ) -> tuple[AccessGroup, ...]:
    """Racks in layout order (``rows[i]``: the row rack i stands in; ``ports[i]``: its
    management ports) cabled to access switches of ``radix`` ports, each serving one run of
    its row within ``reach`` of the rack it stands in."""
    span = 2 * reach.racks_either_side + 1  # racks one switch in the middle reaches
    out: list[AccessGroup] = []
    racks_of: dict[int, list[int]] = {}  # rows in layout order, each with its racks
    for i, r in enumerate(rows):
        racks_of.setdefault(r, []).append(i)
    for row, mine in racks_of.items():
        out += _row_groups(row, mine, [ports[i] for i in mine], radix, span)
    return tuple(out)


def lower_bound(rows: Sequence[int], ports: Sequence[int], radix: int, reach: Reach) -> int:
    """The fewest switches any cabling could use: per row, by ports and by reach."""
    span = 2 * reach.racks_either_side + 1
    total = 0
    for row in dict.fromkeys(rows):
        mine = [p for r, p in zip(rows, ports, strict=True) if r == row]
        total += max(1, math.ceil(sum(mine) / radix), math.ceil(len(mine) / span))
    return total
