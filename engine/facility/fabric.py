"""Step 4: the compute fabric, a rail-optimised non-blocking fat tree, and the Ethernet networks.

A leaf of radix R sends R/2 ports down and R/2 up. Rail i of every node (its
i-th HCA) goes to the leaves of rail i. Two tiers serve up to R²/2 endpoints;
past that, pods of R/2 leaves and R/2 spines join through core switches (up
to R³/4 endpoints). This reproduces NVIDIA's DGX SuperPOD counts (tests).

Below one leaf's worth of nodes per rail (fewer than R/2 nodes), a leaf carries
several rails (as many as fit in its R/2 down ports) and sends up only as many
links as it has endpoints, so a small cluster is not built as a full scalable unit.

Fabric services (the UFM appliances) take leaf ports like nodes: ``services`` ports
must be free on the leaves, or the tree grows a group of leaves. NVIDIA's DGX
SuperPOD takes one node out instead (31 nodes + UFM in a scalable unit, RA-11333-001).

Two tiers keep the full spine set: every leaf sends the same number of links to every
spine, so the spine count divides R/2. At 3 scalable units that is 16 spines, not the
12 a plain count gives (RA-11333-001 Table 4), and a 4th unit adds without re-cabling.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from engine.errors import SaidError
from engine.model import Fabric


class FabricTooLarge(SaidError):
    """More endpoints than a three-tier fat tree of the switch holds (racks.ftl)."""


@dataclass(frozen=True)
class TreeCounts:
    tiers: int
    leaves: int
    spines: int
    cores: int
    switch_cables: int  # switch-to-switch links
    rails_per_leaf: int = 1  # rails one leaf carries (more than one below a leaf per rail)
    leaves_per_group: int = 0  # leaves for one group of rails_per_leaf rails
    up_per_leaf: int = 0  # uplinks of one leaf (two tiers)

    def leaf_of(self, node: int, rail: int, half: int) -> int:
        """The leaf that ``rail`` of ``node`` connects to."""
        if self.tiers <= 1:
            return 0
        return (rail // self.rails_per_leaf) * self.leaves_per_group + node // half


def full_spine_set(leaves: int, half: int, radix: int) -> int:
    """The fewest spines that take every leaf's ``half`` uplinks with the same number of links
    from every leaf to every spine (a divisor of ``half``)."""
    need = math.ceil(leaves * half / radix)
    return next(d for d in range(need, half + 1) if half % d == 0)


def fat_tree(nodes: int, rails: int, radix: int, services: int = 0) -> TreeCounts:
    """Switch and link counts for ``nodes`` × ``rails`` endpoints, and ``services`` ports of
    fabric services (UFM), on switches of ``radix`` ports."""
    endpoints = nodes * rails
    half = radix // 2
    if nodes <= 1 or endpoints == 0:
        return TreeCounts(0, 0, 0, 0, 0)  # one node trains over its own NVLink/PCIe
    if endpoints + services <= radix:
        return TreeCounts(1, 1, 0, 0, 0)
    if nodes < half:  # a leaf takes several rails of a few nodes
        per_leaf = min(rails, half // nodes)
        while per_leaf > 1 and math.ceil(rails / per_leaf) * (half - per_leaf * nodes) < services:
            per_leaf -= 1  # leave room on the leaves for the services' ports
        leaves = math.ceil(rails / per_leaf)
        up = per_leaf * nodes
        spines = math.ceil(leaves * up / radix)
        even = math.ceil(up / spines) * spines  # the same number of links to every spine
        if even <= half and leaves * even <= spines * radix:
            up = even
        return TreeCounts(2, leaves, spines, 0, leaves * up, per_leaf, 1, up)
    group = math.ceil(nodes / half)
    if (group * half - nodes) * rails < services:
        group += 1  # every leaf port is a node's: the services need a group of leaves more
    leaves = rails * group
    if leaves * half <= radix * radix // 2:
        spines = full_spine_set(leaves, half, radix)
        return TreeCounts(2, leaves, spines, 0, leaves * half, 1, group, half)
    if endpoints + services > radix**3 // 4:
        raise FabricTooLarge("rack-refused.fabric", endpoints=endpoints, radix=radix,
                             most=radix**3 // 4)
    # Pods of up to R/2 leaves; a spine has R/2 ports down and R/2 up, so each pod needs as
    # many spines as it has leaves.
    spines = leaves
    cores = math.ceil(spines * half / radix)
    return TreeCounts(3, leaves, spines, cores, leaves * half + spines * half, 1, group, half)


def switch_transceivers(endpoints: int, tree: TreeCounts, ports_per_module: int) -> int:
    """Switch-end modules for ``endpoints`` links to nodes and services, and the switch links."""
    return math.ceil((endpoints + 2 * tree.switch_cables) / ports_per_module)


def ethernet_switches(endpoints: int, radix: int) -> int:
    """A leaf-spine Ethernet network: one switch if it fits, else non-blocking leaves and spines."""
    if endpoints == 0:
        return 0
    if endpoints <= radix:
        return 1
    leaves = math.ceil(endpoints / (radix // 2))
    return leaves + math.ceil(leaves * (radix // 2) / radix)


def plan_fabric(
    *, nodes: int, rails: int, technology: str, switch_part: str, radix: int,
    storage_radix: int, storage_ports_per_node: int, ports_per_switch_transceiver: int = 1,
    services: int = 0,
) -> Fabric:
    """``services``: fabric ports of the fabric services (UFM appliances) on the leaves."""
    tree = fat_tree(nodes, rails, radix, services)
    ufm = services if tree.tiers else 0
    endpoints = nodes * rails if tree.tiers else 0  # the nodes' HCA ports
    linked = endpoints + ufm  # and the services' ports: every link down from a leaf
    switches = tree.leaves + tree.spines + tree.cores
    storage_endpoints = nodes * storage_ports_per_node
    return Fabric(
        technology=technology,
        switch_part=switch_part,
        radix=radix,
        tiers=tree.tiers,
        endpoints=endpoints,
        leaves=tree.leaves,
        spines=tree.spines,
        cores=tree.cores,
        hcas=nodes * rails,
        node_cables=linked,  # nodes' and services' links to the leaves
        switch_cables=tree.switch_cables,
        # one transceiver at every HCA; switch-end modules may serve two ports (NDR twin-port)
        transceivers=linked + switch_transceivers(linked, tree, ports_per_switch_transceiver),
        switch_ports=switches * radix,
        ports_used=linked + 2 * tree.switch_cables,
        mgmt_switches=0,  # one per rack: set once the racks are laid out
        storage_switches=ethernet_switches(storage_endpoints, storage_radix),
        storage_endpoints=storage_endpoints,
        ufm_links=ufm,
    )
