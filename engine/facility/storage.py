"""Step 5b: the parallel file system tier, sized by capacity and by bandwidth.

Capacity holds the training data and the checkpoints kept, with headroom left
free. Bandwidth is the larger of a per-GPU guidance (DGX SuperPOD storage
levels, resources/assumptions.toml) and what writing one checkpoint in the
target time needs. A plan buys whole building blocks of one product.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from engine.facility.fabric import ethernet_switches
from engine.model import StoragePlan

TB = 1e12
GB = 1e9


@dataclass(frozen=True)
class StorageNeed:
    gpus: int
    params: float | None  # None: no checkpoint size can be known
    tokens: float | None
    dataset_tb: float | None  # given by the user; None: from tokens
    checkpoints_kept: int
    headroom: float  # share of usable capacity kept free
    dataset_bytes_per_token: float
    checkpoint_bytes_per_param: float
    read_gbps_per_gpu: float
    write_gbps_per_gpu: float
    checkpoint_minutes: float  # target time to write one checkpoint
    performance: str = ""  # the RA's class read/write per GPU come from


@dataclass(frozen=True)
class Block:
    """One building block of a storage product, as the catalog describes it."""

    id: str
    name: str
    file_system: str
    usable_tb: float
    read_gbps: float
    write_gbps: float
    min_blocks: int
    ports: int
    power_w: float


@dataclass(frozen=True)
class FrontEnd:
    """The Ethernet network that storage and in-band management share."""

    switch: str  # catalog id
    radix: int
    cable: str  # catalog id of one link's cable
    node_ports: int  # compute nodes' ports (already counted by the fabric's switches)
    switches_before: int  # switches the fabric already bought for node_ports
    node_cable: str = ""  # catalog id of a compute node's link ("": ``cable``)
    node_gbs: float = 0.0  # line rate of one node's storage ports together
    fabric: str = "converged-ethernet"
    switch_cable: str = ""  # a switch-to-switch link's cable, at the switches' port speed ("": cable)


def dataset_tb(need: StorageNeed) -> float:
    if need.dataset_tb is not None:
        return need.dataset_tb
    return (need.tokens or 0.0) * need.dataset_bytes_per_token / TB


def checkpoint_tb(need: StorageNeed) -> float:
    return (need.params or 0.0) * need.checkpoint_bytes_per_param / TB


def switch_links(endpoints: int, radix: int) -> int:
    """Switch-to-switch links of the leaf-spine network that ``ethernet_switches`` sizes."""
    if endpoints <= radix:
        return 0
    return math.ceil(endpoints / (radix // 2)) * (radix // 2)


def size_storage(need: StorageNeed, block: Block, net: FrontEnd) -> StoragePlan:
    data, ckpt = dataset_tb(need), checkpoint_tb(need)
    need_tb = (data + ckpt * need.checkpoints_kept) / (1 - need.headroom)
    need_read = need.gpus * need.read_gbps_per_gpu
    ckpt_write = ckpt * TB / GB / (need.checkpoint_minutes * 60)
    need_write = max(need.gpus * need.write_gbps_per_gpu, ckpt_write)
    counts = {
        "minimum": block.min_blocks,
        "capacity": math.ceil(need_tb / block.usable_tb),
        "read": math.ceil(need_read / block.read_gbps),
        "write": math.ceil(need.gpus * need.write_gbps_per_gpu / block.write_gbps),
        "checkpoint": math.ceil(ckpt_write / block.write_gbps),
    }
    limited_by = max(counts, key=lambda k: counts[k])  # ties: the first named
    blocks = counts[limited_by]
    write = blocks * block.write_gbps
    ports = blocks * block.ports
    endpoints = net.node_ports + ports
    switches = ethernet_switches(endpoints, net.radix) - net.switches_before
    links = switch_links(endpoints, net.radix)
    cables = endpoints + links
    # each kind of link on its own cable: storage servers at their ports' speed, compute
    # nodes at their NICs', and switch to switch at the switches' port speed
    by_cable: dict[str, int] = {}
    for cable, count in ((net.cable, ports), (net.node_cable or net.cable, net.node_ports),
                         (net.switch_cable or net.cable, links)):
        by_cable[cable] = by_cable.get(cable, 0) + count
    bought = [(block.id, blocks), (net.switch, switches), *by_cable.items()]
    return StoragePlan(
        product=block.id, name=block.name, file_system=block.file_system, blocks=blocks,
        limited_by=limited_by, dataset_tb=data, checkpoint_tb=ckpt,
        checkpoints_kept=need.checkpoints_kept, headroom=need.headroom, need_tb=need_tb,
        usable_tb=blocks * block.usable_tb, need_read_gbps=need_read, need_write_gbps=need_write,
        read_gbps=blocks * block.read_gbps, write_gbps=write,
        checkpoint_minutes=ckpt * TB / GB / write / 60, ports=ports, switches=switches,
        cables=cables, power_w=blocks * block.power_w,
        parts=tuple(bought), performance=need.performance, node_gbs=net.node_gbs,
        fabric=net.fabric, inband="bonded", switch_links=links,
    )
