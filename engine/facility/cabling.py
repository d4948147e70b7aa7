"""Step 4b: what carries each fabric link, from where its two ends stand in the rack layout.

A run's length is estimated from the racks' places: within a rack it is the in-rack
length; between racks it is the slack (up into the cable tray and down again, with a
service loop) plus one rack width per rack along the row and one row pitch per row
crossed. The shortest medium that reaches is used: direct-attach copper (DAC) within
reach, then an active optical cable (AOC) where the catalog has one, else fibre with a
transceiver at each end (NDR switches take twin-port modules that serve two ports).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from engine.facility.fabric import TreeCounts
from engine.model import CableRun, RackLayout


@dataclass(frozen=True)
class Geometry:
    in_rack_m: float
    rack_width_m: float
    row_pitch_m: float
    slack_m: float


@dataclass(frozen=True)
class Medium:
    kind: str  # "dac", "aoc", "fibre"
    part: str
    reach_m: float
    links_per_cable: int = 1  # a twin-port (2 × 400G) DAC carries two links
    ends: str = "any"  # "node-switch", "switch-switch" or "any"


@dataclass(frozen=True)
class Optics:
    node_part: str  # transceiver at the HCA
    switch_part: str  # transceiver at a switch port
    switch_ports_per_module: int  # 2 for NDR twin-port modules


Place = tuple[int, int, int]  # (rack index, row, position in row)


def run_length(a: Place, b: Place, geo: Geometry) -> tuple[str, float]:
    """(span, metres) of a run between two racks."""
    if a[0] == b[0]:
        return "in-rack", geo.in_rack_m
    along = abs(a[2] - b[2]) * geo.rack_width_m
    if a[1] == b[1]:
        return "in-row", geo.slack_m + along
    return "cross-row", geo.slack_m + along + abs(a[1] - b[1]) * geo.row_pitch_m


def choose_medium(length_m: float, ends: str, media: list[Medium]) -> Medium:
    """The first medium (in the order given: copper, then active optics, then fibre) that
    reaches; the longest-reaching fibre if none does (the plan warns)."""
    usable = [m for m in media if m.ends in ("any", ends)]
    for medium in usable:
        if medium.reach_m >= length_m:
            return medium
    return max((m for m in usable if m.kind == "fibre"), key=lambda m: m.reach_m)


def _places(layout: RackLayout, role: str) -> list[Place]:
    """Where each mounted item of ``role`` stands, in the order the layout placed them."""
    return [(i, rack.row, rack.position) for i, rack in enumerate(layout.racks)
            for slot in sorted(rack.slots, key=lambda s: s.position_u) if slot.role == role]


def _spread(src: Counter[Place], each: float, dst: Counter[Place]) -> Counter[tuple[Place, Place]]:
    """Links from racks of sources (``each`` per source) spread evenly over destination racks."""
    total = sum(dst.values())
    out: Counter[tuple[Place, Place]] = Counter()
    for a, n in src.items():
        links = round(n * each)
        shares = {b: links * m / total for b, m in dst.items()}
        whole = {b: math.floor(v) for b, v in shares.items()}
        left = links - sum(whole.values())
        for b in sorted(shares, key=lambda k: whole[k] - shares[k])[:left]:
            whole[b] += 1
        for b, v in whole.items():
            if v:
                out[(a, b)] += v
    return out


def link_pairs(tree: TreeCounts, nodes: int, rails: int, half: int, layout: RackLayout,
               leaf_role: str = "leaf") -> tuple[Counter[tuple[Place, Place]], Counter[tuple[Place, Place]]]:
    """Fabric links by (rack, rack): node-to-switch, and switch-to-switch."""
    node_links: Counter[tuple[Place, Place]] = Counter()
    switch_links: Counter[tuple[Place, Place]] = Counter()
    if tree.tiers == 0:
        return node_links, switch_links
    servers, leaves = _places(layout, "server"), _places(layout, leaf_role)
    start = 0
    while start < nodes:  # runs of nodes in one rack and one group of half
        place = servers[start]
        end = start
        while end < nodes and servers[end] == place and end // half == start // half:
            end += 1
        for rail in range(rails):
            node_links[(place, leaves[tree.leaf_of(start, rail, half)])] += end - start
        start = end
    if tree.tiers >= 2:
        spines = _places(layout, "spine")
        if tree.tiers == 2:
            switch_links += _spread(Counter(leaves), tree.up_per_leaf, Counter(spines))
        else:
            for pod in range(math.ceil(len(leaves) / half)):
                pod_spines = Counter(spines[pod * half:(pod + 1) * half])
                pod_leaves = Counter(leaves[pod * half:(pod + 1) * half])
                switch_links += _spread(pod_leaves, half, pod_spines)  # R/2 up, over the pod
            switch_links += _spread(Counter(spines), half, Counter(_places(layout, "core")))
    return node_links, switch_links


def plan_cabling(
    tree: TreeCounts, *, nodes: int, rails: int, half: int, layout: RackLayout,
    geometry: Geometry, media: list[Medium], optics: Optics, leaf_role: str = "leaf",
) -> tuple[CableRun, ...]:
    """Every fabric link grouped by span, ends and medium, with its cables and transceivers."""
    node_links, switch_links = link_pairs(tree, nodes, rails, half, layout, leaf_role)
    groups: dict[tuple[str, str, str, str], tuple[int, float]] = {}  # -> (links, longest)
    for ends, pairs in (("node-switch", node_links), ("switch-switch", switch_links)):
        for (a, b), links in pairs.items():
            span, length = run_length(a, b, geometry)
            medium = choose_medium(length, ends, media)
            key = (span, ends, medium.kind, medium.part)
            had, longest = groups.get(key, (0, 0.0))
            groups[key] = (had + links, max(longest, length))
    by_part = {m.part: m for m in media}
    runs = []
    order = {"in-rack": 0, "in-row": 1, "cross-row": 2}
    for (span, ends, kind, part), (links, longest) in sorted(
            groups.items(), key=lambda kv: (kv[0][1], order[kv[0][0]], kv[0][2])):
        count = links
        fibre = kind == "fibre"
        switch_ports = count * (1 if ends == "node-switch" else 2) if fibre else 0
        runs.append(CableRun(
            span=span,  # type: ignore[arg-type]
            ends=ends,  # type: ignore[arg-type]
            medium=kind,  # type: ignore[arg-type]
            links=count, longest_m=round(longest, 1), cable_part=part,
            cables=math.ceil(count / by_part[part].links_per_cable),
            node_transceivers=count if fibre and ends == "node-switch" else 0,
            switch_transceivers=math.ceil(switch_ports / optics.switch_ports_per_module),
        ))
    return tuple(runs)
