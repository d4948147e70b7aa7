"""Step 4: the compute fabric, a rail-optimised non-blocking fat tree, and the Ethernet networks.

A leaf of radix R sends R/2 ports down and R/2 up. Rail i of every node (its
i-th HCA) goes to the leaves of rail i. Two tiers serve up to R²/2 endpoints;
past that, pods of R/2 leaves and R/2 spines join through core switches (up
to R³/4 endpoints). This reproduces NVIDIA's DGX SuperPOD counts (tests).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from engine.model import Fabric


class FabricTooLarge(ValueError):
    pass


@dataclass(frozen=True)
class TreeCounts:
    tiers: int
    leaves: int
    spines: int
    cores: int
    switch_cables: int  # switch-to-switch links


def fat_tree(nodes: int, rails: int, radix: int) -> TreeCounts:
    """Switch and link counts for ``nodes`` × ``rails`` endpoints on switches of ``radix`` ports."""
    endpoints = nodes * rails
    half = radix // 2
    if nodes <= 1 or endpoints == 0:
        return TreeCounts(0, 0, 0, 0, 0)  # one node trains over its own NVLink/PCIe
    if endpoints <= radix:
        return TreeCounts(1, 1, 0, 0, 0)
    leaves = rails * math.ceil(nodes / half)
    if endpoints <= radix * radix // 2:
        spines = math.ceil(leaves * half / radix)
        return TreeCounts(2, leaves, spines, 0, leaves * half)
    if endpoints > radix**3 // 4:
        raise FabricTooLarge(
            f"{endpoints} fabric endpoints exceed a three-tier fat tree of {radix}-port switches "
            f"({radix**3 // 4})"
        )
    # Pods of up to R/2 leaves; a spine has R/2 ports down and R/2 up, so each pod needs as
    # many spines as it has leaves.
    spines = leaves
    cores = math.ceil(spines * half / radix)
    return TreeCounts(3, leaves, spines, cores, leaves * half + spines * half)


def switch_transceivers(endpoints: int, tree: TreeCounts, ports_per_module: int) -> int:
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
) -> Fabric:
    tree = fat_tree(nodes, rails, radix)
    endpoints = nodes * rails if tree.tiers else 0
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
        node_cables=endpoints,
        switch_cables=tree.switch_cables,
        # one transceiver at every HCA; switch-end modules may serve two ports (NDR twin-port)
        transceivers=endpoints + switch_transceivers(endpoints, tree, ports_per_switch_transceiver),
        switch_ports=switches * radix,
        ports_used=endpoints + 2 * tree.switch_cables,
        mgmt_switches=0,  # one per rack: set once the racks are laid out
        storage_switches=ethernet_switches(storage_endpoints, storage_radix),
        storage_endpoints=storage_endpoints,
    )
