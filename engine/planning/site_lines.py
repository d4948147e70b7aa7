"""The lines a vendor's quote for a GPU cluster carries beyond servers, fabric and racks: power
cords and rails, structured cabling, the coolant loop of liquid-cooled racks, a field spares
kit, the border (core uplinks and firewalls) and the UPS or the statement that the electrical
plant is out of scope.

Every quantity follows from the plan as built (racks, slots, nodes, IT power) and a rule in
``resources/assumptions.toml`` [site] with its source or its "unverified".
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from engine.assumptions import default
from engine.catalog import Configuration
from engine.model import CoolingPlan, Rack, RackLayout, note
from engine.money.bom import Need

# slot roles that are not powered boxes
_UNPOWERED = frozenset({"pdu", "patch_panel"})


def _rule(key: str) -> float:
    return default(f"site.{key}").value


def _summed(layout: RackLayout, count: Callable[[Rack], int]) -> int:
    """``count(rack)`` summed over the racks, once per kind of rack (racks alike share slots)."""
    per_kind: dict[int, int] = {}
    total = 0
    for rack in layout.racks:
        if id(rack.slots) not in per_kind:
            per_kind[id(rack.slots)] = count(rack)
        total += per_kind[id(rack.slots)]
    return total


def cords_and_rails(nodes: int, layout: RackLayout, servers: int) -> list[Need]:
    """A power cord for every PSU inlet (C19–C20 for the GPU servers' large PSUs, C13–C14 for
    switches and other boxes) and a rail kit for every server racked (GPU and management)."""
    c20 = nodes * layout.inlets_per_node if layout.inlet_type == "C20" else 0
    c14 = (0 if c20 else nodes * layout.inlets_per_node)
    boxes = _summed(layout, lambda r: sum(1 for s in r.slots if s.role not in _UNPOWERED
                                             and s.role != "server"))
    c14 += boxes * int(default("facility.switch_inlets").value)
    out = [Need("rack_power", "cord-c19-c20", c20,
                (note("cords-server", cords=layout.inlets_per_node),)),
           Need("rack_power", "cord-c13-c14", c14, (note("cords-boxes"),))]
    out.append(Need("rack_power", "rail-kit", nodes + servers, (note("rails"),)))
    return out


def structured_cabling(layout: RackLayout, leaving_links: int, rack_width_m: float) -> list[Need]:
    """The patch panel reserved in every compute rack with the MPO cassettes its leaving links
    pass through, overhead tray along every row and blanking panels for every empty U.

    Each fabric link's fibre is already a line of its own (the cable runs), so no trunk is
    added for them: a trunk would carry the same links twice."""
    panels = _summed(layout, lambda r: sum(1 for s in r.slots if s.role == "patch_panel"))
    per_cassette = int(_rule("links_per_cassette"))
    cassettes = max(panels, math.ceil(leaving_links / per_cassette)) if panels else 0
    tray_m = math.ceil(layout.count * rack_width_m + layout.rows * _rule("tray_row_extra_m"))
    blanks = sum(layout.rack_units - r.units_used for r in layout.racks)
    return [
        Need("rack_power", "patch-panel-2u", panels, (note("patch-panel"),)),
        Need("rack_power", "mpo-cassette", cassettes,
             (note("cassettes", per=per_cassette, links=leaving_links),)),
        Need("rack_power", "cable-tray-m", tray_m, (note("tray"),)),
        Need("rack_power", "blanking-1u", blanks, (note("blanking"),)),
    ]


def coolant_loop(cooling: CoolingPlan, layout: RackLayout) -> list[Need]:
    """Liquid-cooled racks: a manifold pair and a secondary-loop branch from the CDUs each."""
    if cooling.kind != "liquid" or not cooling.bought:
        return []
    racks = sum(1 for r in layout.racks if r.kind == "compute")
    return [Need("cooling", "rack-manifold-pair", racks, (note("manifolds"),)),
            Need("cooling", "secondary-loop-rack", racks, (note("secondary-loop"),))]


def spares_kit(cfg: Configuration, nodes: int, psus: int) -> list[Need]:
    """A field spares kit by fleet size: PSUs, fans, DIMMs and drives as shares of what is
    installed (at least one each), and one GPU board's GPUs from ``site.spare_board_from``
    servers up."""
    if nodes <= 0:
        return []

    def share(installed: int, key: str) -> int:
        return max(1, math.ceil(installed * _rule(key) - 1e-9))

    def kit(item: str, installed: int, key: str) -> Need:
        return Need("spares", item, share(installed, key),
                    (note("spares", share=_rule(key), of=installed),))

    out = [kit("spare-psu", nodes * psus, "spare_psu_share"),
           kit("spare-fan", nodes * int(_rule("fans_per_server")), "spare_fan_share"),
           kit("spare-dimm", nodes * int(_rule("dimms_per_server")), "spare_dimm_share"),
           kit("spare-nvme", nodes * int(_rule("drives_per_server")), "spare_drive_share")]
    boards = nodes // int(_rule("spare_board_from"))
    if boards and cfg.gpu_count:
        out.append(Need("spares", cfg.gpu, boards * cfg.gpu_count,
                        (note("spare-board", boards=boards, gpus=cfg.gpu_count),)))
    return out


def border() -> list[Need]:
    """Core uplinks from the front-end network to the site and a firewall pair at the border."""
    uplinks = int(_rule("core_uplinks"))
    return [Need("network", "cable-100g-aoc", uplinks, (note("core-uplinks"),)),
            Need("network", "firewall-border", int(_rule("border_firewalls")),
                 (note("border-firewall"),))]


@dataclass(frozen=True)
class Plant:
    """The electrical plant upstream of the PDUs: a UPS sized to IT load, or out of scope."""

    ups_kw: int  # UPS capacity quoted; 0 when out of scope
    it_kw: float  # protected IT power the site must supply
    facility_kw: float  # all of it, cooling included


def plant(it_max_kw: float, facility_max_kw: float, in_scope: bool) -> Plant:
    """A UPS at most ``site.ups_load`` loaded by the IT maximum (not by facility power: the
    cooling plant has its own supply)."""
    ups = math.ceil(it_max_kw / _rule("ups_load") - 1e-9) if in_scope else 0
    return Plant(ups, it_max_kw, facility_max_kw)


def plant_needs(p: Plant) -> list[Need]:
    if not p.ups_kw:
        return []
    return [Need("rack_power", "ups-modular-kw", p.ups_kw,
                 (note("ups", kw=p.it_kw, load=_rule("ups_load")),))]
