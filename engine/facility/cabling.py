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

import numpy as np

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


Place = tuple[int, int, int]  # (rack index, row, position in row)


def choose_medium(length_m: float, ends: str, media: list[Medium]) -> Medium:
    """The first medium (in the order given: copper, then active optics, then fibre) that
    reaches; the longest-reaching fibre if none does (the plan warns)."""
    usable = [m for m in media if m.ends in ("any", ends)]
    for medium in usable:
        if medium.reach_m >= length_m:
            return medium
    return max((m for m in usable if m.kind == "fibre"), key=lambda m: m.reach_m)


def _places(layout: RackLayout) -> dict[str, list[Place]]:
    """Where each mounted item stands, by role, in the order the layout placed them; servers
    once per rack (``_node_runs`` gives their counts)."""
    out: dict[str, list[Place]] = {}
    # racks alike share their slots: read each kind once, as (role, how many) in slot order
    roles: dict[int, list[tuple[str, int]]] = {}
    for i, rack in enumerate(layout.racks):
        key = id(rack.slots)
        if key not in roles:
            counted: dict[str, int] = {}
            for slot in rack.slots:
                if slot.role != "server":
                    counted[slot.role] = counted.get(slot.role, 0) + 1
            if rack.nodes:
                counted["server"] = counted.get("server", 0) + 1
            roles[key] = list(counted.items())
        place = (i, rack.row, rack.position)
        for role, n in roles[key]:
            if role in out:
                out[role] += [place] * n
            else:
                out[role] = [place] * n
    return out


def _node_runs(layout: RackLayout, places: dict[str, list[Place]]) -> list[tuple[int, Place]]:
    """(node count, place) of every rack that holds servers, in node order."""
    return [(layout.racks[place[0]].nodes, place) for place in places.get("server", [])]


def _spread(src: Counter[Place], each: float, dst: Counter[Place], geometry: Geometry) -> Lengths:
    """Links from racks of sources (``each`` per source) spread evenly over the racks of
    destinations (a rack with more of them takes more; remainders to the largest shares),
    counted by span and length."""
    a, n = np.array(list(src.keys())), np.array(list(src.values()))
    b, m = np.array(list(dst.keys())), np.array(list(dst.values()))
    links = np.rint(n * each).astype(np.int64)  # from each source rack
    share = links[:, None] * m[None, :] / m.sum()  # (source racks, destination racks)
    whole = np.floor(share + 1e-9).astype(np.int64)
    left = links - whole.sum(axis=1)
    rank = np.argsort(np.argsort(whole - share, axis=1, kind="stable"), axis=1)
    whole += rank < left[:, None]
    return run_lengths(a[:, None, :], b[None, :, :], whole, geometry)


SPANS = ("in-rack", "in-row", "cross-row")
Lengths = Counter[tuple[str, float]]  # links by (span, metres)


def node_link_lengths(tree: TreeCounts, rails: int, half: int, layout: RackLayout,
                      geometry: Geometry, places: dict[str, list[Place]], leaf_role: str = "leaf",
                      ) -> Lengths:
    """Every node-to-leaf link's span and length (numpy: a large cluster has 10⁵ links)."""
    runs = _node_runs(layout, places)
    if tree.tiers == 0 or not runs:
        return Counter()
    counts = [n for n, _ in runs]
    at = np.repeat(np.array([p for _, p in runs]), counts, axis=0)  # (nodes, 3): where each stands
    leaves = np.array(places[leaf_role])
    group = np.arange(sum(counts)) // half
    rail_group = (np.arange(rails) // tree.rails_per_leaf)[:, None]  # one row per rail
    index = rail_group * tree.leaves_per_group + group if tree.tiers > 1 else \
        np.zeros((rails, len(group)), dtype=np.int64)
    leaf = leaves[index]  # (rails, nodes, 3): the rack, row and place of each link's leaf
    return run_lengths(at[None, :, :], leaf, None, geometry)


def run_lengths(a: np.ndarray, b: np.ndarray, weights: np.ndarray | None, geometry: Geometry
                ) -> Lengths:
    """Links between places ``a`` and ``b`` (arrays ending in rack, row, place; each pair
    ``weights`` links, or one) counted by span and length."""
    same_rack, same_row = a[..., 0] == b[..., 0], a[..., 1] == b[..., 1]
    metres = geometry.slack_m + np.abs(a[..., 2] - b[..., 2]) * geometry.rack_width_m \
        + np.abs(a[..., 1] - b[..., 1]) * geometry.row_pitch_m
    cm = np.rint(np.where(same_rack, geometry.in_rack_m, metres) * 100).astype(np.int64)
    span = np.where(same_rack, 0, np.where(same_row, 1, 2))
    width = int(cm.max()) + 1  # one bin per (span, centimetre): counting beats sorting
    links = np.bincount((span * width + cm).ravel(),
                        weights=None if weights is None else weights.ravel())
    out: Lengths = Counter()
    for key in np.flatnonzero(links).tolist():
        out[(SPANS[key // width], (key % width) / 100)] += int(links[key])
    return out


def service_link_lengths(layout: RackLayout, part: str, links: int, leaves: list[Place],
                         geometry: Geometry) -> Lengths:
    """The fabric services' links (UFM appliances, mounted as ``part``) to the leaves of the
    last group, where the free leaf ports are."""
    if not links or not leaves:
        return Counter()
    held: dict[int, int] = {}  # racks alike share their slots: count each kind once
    at: list[Place] = []
    for i, r in enumerate(layout.racks):
        n = held.get(id(r.slots))
        if n is None:
            n = held[id(r.slots)] = sum(1 for s in r.slots if s.part == part)
        at += [(i, r.row, r.position)] * n
    if not at:  # not racked here (the site's own): measured from the first leaf's rack
        at = [leaves[0]]
    src = Counter(at[i % len(at)] for i in range(links))
    return _spread(src, 1.0, Counter(leaves[-1:]), geometry)


def switch_link_lengths(tree: TreeCounts, half: int, places: dict[str, list[Place]],
                        geometry: Geometry) -> Lengths:
    """Every switch-to-switch link's span and length: leaf to spine, and spine to core."""
    out: Lengths = Counter()
    if tree.tiers == 2:
        out.update(_spread(Counter(places["leaf"]), tree.up_per_leaf, Counter(places["spine"]),
                           geometry))
    elif tree.tiers == 3:
        # Pods of R/2 leaves and as many spines: every leaf sends its R/2 uplinks over the
        # spines of its pod (one to each in a full pod; a short last pod takes more each).
        leaves, spines = np.array(places["leaf"]), np.array(places["spine"])
        pod = np.arange(len(leaves)) // half
        k = np.arange(half)[None, :]
        spine = pod[:, None] * half + k  # (leaves, R/2): the pod's spines
        in_pod = np.minimum(half, len(spines) - pod * half)[:, None]
        links = np.where(k < in_pod, half // in_pod + (k < half % in_pod), 0)
        out.update(run_lengths(leaves[:, None, :], spines[np.minimum(spine, len(spines) - 1)],
                               links, geometry))
        out.update(_spread(Counter(places["spine"]), half, Counter(places["core"]), geometry))
    return out


def plan_cabling(
    tree: TreeCounts, *, rails: int, half: int, layout: RackLayout,
    geometry: Geometry, media: list[Medium], switch_ports_per_module: int, leaf_role: str = "leaf",
    service_links: int = 0, service_part: str = "",
) -> tuple[CableRun, ...]:
    """Every fabric link grouped by span, ends and medium, with its cables and transceivers.
    ``service_links``: links of the fabric services (UFM, mounted as ``service_part``), which
    end at an HCA like a node's."""
    groups: dict[tuple[str, str, str, str], tuple[int, float]] = {}  # -> (links, longest)
    places = _places(layout)
    nodes = node_link_lengths(tree, rails, half, layout, geometry, places, leaf_role)
    if tree.tiers:
        nodes.update(service_link_lengths(layout, service_part, service_links,
                                          places.get(leaf_role, []), geometry))
    for ends, lengths in (
        ("node-switch", nodes),
        ("switch-switch", switch_link_lengths(tree, half, places, geometry)),
    ):
        chosen: dict[float, Medium] = {}
        for (span, length), links in lengths.items():
            if length not in chosen:
                chosen[length] = choose_medium(length, ends, media)
            medium = chosen[length]
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
            switch_transceivers=math.ceil(switch_ports / switch_ports_per_module),
        ))
    return tuple(runs)
