"""Step 5c: the management plane: head and login nodes, fabric managers, in-band and out-of-band networks.

In-band management shares the front-end Ethernet with storage (the compute
nodes' front-end ports are counted by the fabric): the management servers and
fabric managers add their ports to it. Out-of-band: every device's management
port goes to an out-of-band access switch in its row, sized by ports and copper reach
(engine.facility.oob), and those switches go up to a pair (or more) of aggregation switches.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from engine.facility.fabric import ethernet_switches
from engine.facility.storage import switch_links
from engine.model import ManagementPlan


@dataclass(frozen=True)
class ManagementRules:
    head_nodes: int
    login_nodes_min: int
    nodes_per_login_node: int
    ufm_appliances: int  # per InfiniBand fabric
    oob_uplinks: int  # per out-of-band access switch


@dataclass(frozen=True)
class Device:
    id: str
    inband_ports: int
    power_w: float


@dataclass(frozen=True)
class Switch:
    id: str
    radix: int
    power_w: float


@dataclass(frozen=True)
class ManagementParts:
    server: Device
    ufm: Device
    inband_switch: Switch  # front-end Ethernet, shared with storage
    oob_switch: Switch  # out-of-band aggregation
    link_cable: str  # 100GbE in-band and uplink cable
    oob_cable: str  # RJ45 patch cord
    switch_link_cable: str = ""  # in-band switch to switch, at the switches' port speed ("": link_cable)
    oob_long_cable: str = ""  # RJ45 patch cord from a rack to the access switch in another ("": oob_cable)


def login_nodes(nodes: int, rules: ManagementRules) -> int:
    return max(rules.login_nodes_min, math.ceil(nodes / rules.nodes_per_login_node))


def aggregation_switches(access: int, rules: ManagementRules, radix: int) -> int:
    """None for a single access switch (it is the network); else a pair, or more for many."""
    if access <= 1:
        return 0
    return max(2, math.ceil(access * rules.oob_uplinks / radix))


def plan_management(
    *, nodes: int, infiniband: bool, access_switches: int, frontend_endpoints: int, oob_devices: int,
    rules: ManagementRules, parts: ManagementParts, long_cords: int = 0,
) -> ManagementPlan:
    """``frontend_endpoints``: ports already on the front-end Ethernet (nodes, storage).

    ``oob_devices``: management ports of everything else (nodes, switches, storage, PDUs).
    ``access_switches``: the out-of-band access switches those ports are cabled to;
    ``long_cords``: ports cabled to an access switch in another rack.
    """
    heads, logins = rules.head_nodes, login_nodes(nodes, rules)
    ufms = rules.ufm_appliances if infiniband else 0
    inband = (heads + logins) * parts.server.inband_ports + ufms * parts.ufm.inband_ports
    radix = parts.inband_switch.radix
    after = frontend_endpoints + inband
    inband_switches = ethernet_switches(after, radix) - ethernet_switches(frontend_endpoints, radix)
    isl = switch_links(after, radix) - switch_links(frontend_endpoints, radix)
    inband_links = inband + isl
    aggregation = aggregation_switches(access_switches, rules, parts.oob_switch.radix)
    uplinks = access_switches * rules.oob_uplinks if aggregation else 0
    oob_ports = oob_devices + heads + logins + ufms + inband_switches + aggregation
    power = ((heads + logins) * parts.server.power_w + ufms * parts.ufm.power_w
             + inband_switches * parts.inband_switch.power_w
             + aggregation * parts.oob_switch.power_w)
    return ManagementPlan(
        server=parts.server.id, head_nodes=heads, login_nodes=logins, ufm_appliances=ufms,
        inband_endpoints=inband, inband_switches=inband_switches, inband_links=inband_links,
        oob_ports=oob_ports, oob_aggregation_switches=aggregation, oob_uplinks=uplinks,
        power_w=power, inband_switch_links=isl, oob_access_switches=access_switches,
        oob_long_cords=long_cords,
        parts=_merged(((parts.server.id, heads + logins), (parts.ufm.id, ufms),
                       (parts.inband_switch.id, inband_switches), (parts.oob_switch.id, aggregation),
                       (parts.link_cable, inband + uplinks), (parts.oob_cable, oob_ports - long_cords),
                       (parts.oob_long_cable or parts.oob_cable, long_cords),
                       (parts.switch_link_cable or parts.link_cable, isl))),
    )


def _merged(counts: tuple[tuple[str, int], ...]) -> tuple[tuple[str, int], ...]:
    """One entry a part, in first-named order: two roles may use the same cable."""
    out: dict[str, int] = {}
    for part, count in counts:
        out[part] = out.get(part, 0) + count
    return tuple(out.items())
