"""Step 5a: racks as built: servers under a power budget, U space and weight; network and
management gear in network racks; rows; A/B PDUs matched to power and to PSU inlets.

Compute racks hold servers, from U1 up, and their management switch at the top when it
fits the budget; when it does not, it moves to a network rack, so network and
management gear never pushes a compute rack over its budget. Switches and other
non-compute equipment (storage servers, head nodes, appliances: any ``Box``) fill
network racks in order. Racks stand in rows of ``RackSpec.row_racks``.

Power: every rack has an A and a B feed, each able to carry the whole rack alone
(a PDU per feed, or more when one PDU's power or outlets are not enough). A server's
PSUs are split evenly over the two feeds. A PDU carries a continuous load of at most
``RackSpec.pdu_load_limit`` of its rating (80 %: NEC 210.19(A)(1)/210.20(A) size circuits at
125 % of a continuous load), and a feed has room for at most ``RackSpec.pdus_per_feed``
strips, so a rack never holds more than its feeds can carry within that limit.

Space: a compute rack's usable U is its U less what is really mounted besides servers
(the management switch, the patch panel) and a reserve the user may set (0 by default).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from engine.errors import SaidError
from engine.model import Rack, RackLayout, RackSlot


@dataclass(frozen=True)
class Box:
    """Something rack-mounted: a server, a switch, a storage server, an appliance."""

    units: int
    max_w: float
    weight_kg: float
    role: str = "server"
    part: str = ""
    label: str = ""
    inlets: int = 2  # power cords (one per PSU)
    inlet: str = "C14"  # "C20" (on a C19 outlet) or "C14" (on a C13 outlet)


@dataclass(frozen=True)
class RackSpec:
    model: str
    units: int
    max_load_kg: float
    usable_fraction: float  # of the U space that may be filled
    reserved_units: int  # per compute rack: management switch, patch panel
    budget_kw: float
    network_units: int
    network_kw: float
    row_racks: int = 10  # racks in a row
    pdu_load_limit: float = 1.0  # continuous load, share of a PDU's rating
    pdus_per_feed: int = 0  # room for PDU strips on one feed (0: no limit)
    feed_max_kw: float = math.inf  # pdus_per_feed of the largest PDU, within the limit
    mgmt_units: int = 1  # the management switch at the top of a compute rack
    patch_units: int = 0  # the patch panel below it (part of reserved_units)

    @property
    def network_budget_kw(self) -> float:
        return min(network_budget_kw(self.network_kw, self.budget_kw), self.feed_max_kw)

    @property
    def compute_cap_kw(self) -> float:
        """What a compute rack may draw: its budget, and what one feed's PDUs carry."""
        return min(self.budget_kw, self.feed_max_kw)


def network_budget_kw(network_kw: float, budget_kw: float) -> float:
    """The network racks' power budget: their own, never above the hall's rack budget."""
    return min(network_kw, budget_kw)


@dataclass(frozen=True)
class PduModel:
    part: str
    capacity_kw: float
    c19: int = 0  # C19 outlets (16 A, for C20 inlets)
    c13: int = 0  # C13 outlets (10 A, for C14 inlets)


class RackRefusal(SaidError):
    """Not even one node fits a rack; the message (resources/i18n/<lang>/racks.ftl,
    rack-refused-*) says which limit."""


def usable_units(spec: RackSpec) -> int:
    """U for servers in a compute rack: the rack's U (less any share held back) less the
    reserved U (patch panel and the user's reserve) less the management switch."""
    return math.floor(spec.units * spec.usable_fraction + 1e-9) - spec.reserved_units \
        - spec.mgmt_units


def nodes_per_rack(node: Box, spec: RackSpec) -> tuple[int, str]:
    """Servers a compute rack holds, and the limit that sets it (power, space, weight)."""
    limits = {
        "power": math.floor(spec.budget_kw * 1000 / node.max_w + 1e-9),
        "pdu": math.floor(spec.feed_max_kw * 1000 / node.max_w + 1e-9)
        if math.isfinite(spec.feed_max_kw) else 10**9,
        "space": usable_units(spec) // node.units,
        "weight": math.floor(spec.max_load_kg / node.weight_kg),
    }
    limited_by = min(limits, key=lambda k: limits[k])
    count = limits[limited_by]
    if count < 1:
        if limited_by == "power":
            raise RackRefusal("rack-refused.budget", kw=f"{node.max_w / 1000:.1f}",
                              budget=f"{spec.budget_kw:g}")
        if limited_by == "pdu":
            raise RackRefusal("rack-refused.feed", kw=f"{node.max_w / 1000:.1f}",
                              feed=f"{spec.feed_max_kw:.1f}", pdus=spec.pdus_per_feed,
                              load=f"{spec.pdu_load_limit:.0%}")
        if limited_by == "space":
            raise RackRefusal("rack-refused.space", units=node.units, usable=usable_units(spec))
        raise RackRefusal("rack-refused.weight", kg=f"{node.weight_kg:g}")
    return count, limited_by


def patch_panel(spec: RackSpec) -> Box:
    """The compute rack's patch panel: where its fabric and Ethernet trunks terminate."""
    return Box(spec.patch_units, 0.0, 2.0 * spec.patch_units, role="patch_panel",
               part="patch-panel", label="patch panel")


@lru_cache(maxsize=4096)
def _slot(u: int, b: Box) -> RackSlot:
    """The slot of ``b`` at ``u``: a hall repeats the same switch at the same U in rack after
    rack, and a new fleet size places the same boxes again (slots are frozen, so shared)."""
    return RackSlot(position_u=u, units=b.units, role=b.role, part=b.part, label=b.label,
                    max_kw=b.max_w / 1000, weight_kg=b.weight_kg)


def _rack(kind: str, boxes: list[tuple[int, Box]]) -> Rack:
    slots = tuple(_slot(u, b) for u, b in boxes)
    nodes = switches = units = 0
    watts: float = 0  # summed in the boxes' order from 0, as sum() does
    kg: float = 0
    for _, b in boxes:
        if b.role == "server":
            nodes += 1
        elif b.role != "patch_panel":
            switches += 1
        units += b.units
        watts += b.max_w
        kg += b.weight_kg
    return Rack(
        kind="compute" if kind == "compute" else "network",
        nodes=nodes, switches=switches, units_used=units, power_kw=watts / 1000, weight_kg=kg,
        slots=slots,
    )


def _compute_racks(nodes: int, per_rack: int, node: Box, mgmt: Box, spec: RackSpec
                   ) -> tuple[list[list[tuple[int, Box]]], int]:
    """Compute racks' contents, and how many management switches had no room in theirs."""
    racks: list[list[tuple[int, Box]]] = []
    displaced = 0
    left = nodes
    made: dict[int, list[tuple[int, Box]]] = {}  # racks alike share one list (built once)
    moved: dict[int, bool] = {}  # whether such a rack's switch had no room
    while left > 0:
        n = min(per_rack, left)
        if n in made:
            racks.append(made[n])
            displaced += moved[n]
            left -= n
            continue
        boxes = [(1 + i * node.units, node) for i in range(n)]
        if spec.patch_units:  # mounted whatever else the rack holds, just below the switch
            boxes.append((spec.units - mgmt.units - spec.patch_units + 1, patch_panel(spec)))
        fits = (n * node.max_w + mgmt.max_w <= spec.compute_cap_kw * 1000 + 1e-6
                and n * node.units + mgmt.units <= usable_units(spec) + spec.mgmt_units
                and n * node.weight_kg + mgmt.weight_kg <= spec.max_load_kg)
        if fits:
            boxes.append((spec.units - mgmt.units + 1, mgmt))  # top of the rack
        else:
            displaced += 1
        made[n], moved[n] = boxes, not fits
        racks.append(boxes)
        left -= n
    return racks, displaced


def _fill_network_racks(pending: list[Box], mgmt: Box, spec: RackSpec) -> list[list[tuple[int, Box]]]:
    racks, held = _next_fit(pending, mgmt, spec)
    # Racks alike share one list, so the layout builds their slots once. Alike: the same boxes
    # (the very objects: a kind of switch is one Box repeated) in the same order, so at the
    # same heights; keyed by identity, as hashing every box of a large fabric cost more than
    # building the racks.
    alike: dict[tuple[int, ...], list[tuple[int, Box]]] = {}
    return [alike.setdefault(tuple(ids), rack) for rack, ids in zip(racks, held, strict=True)]


def _next_fit(pending: list[Box], mgmt: Box, spec: RackSpec
              ) -> tuple[list[list[tuple[int, Box]]], list[list[int]]]:
    """Next fit: boxes fill one network rack (with its own management switch) after another;
    and the identities of the boxes each rack holds, in order."""
    budget_w = spec.network_budget_kw * 1000
    racks: list[list[tuple[int, Box]]] = []
    held: list[list[int]] = []
    current: list[tuple[int, Box]] = []
    ids: list[int] = []
    units, watts, kg = 0, 0.0, 0.0  # filled from U1 up; the management switch sits at the top
    # the loop runs once per switch of a large fabric: the figures it reads, read once
    room_u, max_kg, m_units, m_w, m_kg = (spec.network_units, spec.max_load_kg, mgmt.units,
                                          mgmt.max_w, mgmt.weight_kg)
    top = (spec.units - m_units + 1, mgmt)
    checked: set[int] = set()  # boxes found to fit an empty network rack
    for box in pending:
        b_units, b_w, b_kg = box.units, box.max_w, box.weight_kg
        if id(box) not in checked:
            if b_units + m_units > room_u or b_w + m_w > budget_w:
                raise RackRefusal("rack-refused.network", box=box.label or box.role,
                                  units=b_units, kw=f"{b_w / 1000:.1f}", rack_units=room_u,
                                  budget=f"{budget_w / 1000:g}")
            checked.add(id(box))
        if current and (units + m_units + b_units > room_u
                        or watts + b_w > budget_w or kg + b_kg > max_kg):
            racks.append(current)
            held.append(ids)
            current, ids = [], []
        if not current:
            current = [top]
            units, watts, kg = 0, m_w, m_kg
        current.append((1 + units, box))
        ids.append(id(box))
        units, watts, kg = units + b_units, watts + b_w, kg + b_kg
    if current:
        racks.append(current)
        held.append(ids)
    return racks, held


@dataclass(frozen=True)
class Arrangement:
    """What stands in every rack, compute racks first: the racks are counted here."""

    contents: list[list[tuple[int, Box]]]  # (U position, box); racks alike share one list
    compute: int  # how many of them are compute racks
    per_rack: int  # servers a full compute rack holds
    limited_by: str  # what sets it: power, space or weight

    @property
    def count(self) -> int:
        return len(self.contents)


def arrange(nodes: int, node: Box, mgmt: Box, switches: list[Box], spec: RackSpec) -> Arrangement:
    """Fill compute racks with nodes, network racks with everything else.

    ``switches`` is every non-compute box: fabric and Ethernet switches, storage
    servers, head nodes, appliances; they are placed in the order given.
    """
    per_rack, limited_by = nodes_per_rack(node, spec)
    compute, displaced = _compute_racks(nodes, per_rack, node, mgmt, spec)
    pending = list(switches) + [mgmt] * displaced

    # A small cluster's few switches ride in the last compute rack when it has room and power.
    if pending and compute:
        last = compute[-1] = list(compute[-1])  # its own copy: other racks share the list
        has_mgmt = any(b is mgmt for _, b in last)
        used_u = sum(b.units for _, b in last)
        # the power and weight are summed only when the switches' U fit (most often not)
        if (has_mgmt and used_u + sum(b.units for b in pending) <= usable_units(spec) + spec.mgmt_units
                and sum(b.max_w for _, b in last) + sum(b.max_w for b in pending)
                <= spec.compute_cap_kw * 1000 + 1e-6
                and sum(b.weight_kg for _, b in last) + sum(b.weight_kg for b in pending)
                <= spec.max_load_kg):
            top = spec.units - mgmt.units - spec.patch_units  # down from below the patch panel
            for box in pending:
                top -= box.units
                last.append((top + 1, box))
            pending = []

    # A director chassis takes a network rack of its own (it is the whole fabric).
    chassis = [b for b in pending if b.role == "director"]
    pending = [b for b in pending if b.role != "director"]
    for box in chassis:
        if (box.units + mgmt.units > spec.units or box.weight_kg + mgmt.weight_kg > spec.max_load_kg
                or box.max_w + mgmt.max_w > spec.network_budget_kw * 1000):
            raise RackRefusal("rack-refused.director", box=box.label, units=box.units,
                              kw=f"{box.max_w / 1000:.1f}", kg=f"{box.weight_kg:g}")
    directors = [[(spec.units - mgmt.units + 1, mgmt), (1, box)] for box in chassis]
    contents = compute + directors + (_fill_network_racks(pending, mgmt, spec) if pending else [])
    return Arrangement(contents, len(compute), per_rack, limited_by)


def lay_out(
    nodes: int, node: Box, mgmt: Box, switches: list[Box], spec: RackSpec,
    pdu_choices: list[PduModel],
) -> RackLayout:
    """Fill compute racks with nodes, network racks with everything else; rows; PDUs."""
    return build(arrange(nodes, node, mgmt, switches, spec), node, spec, pdu_choices)


def build(arranged: Arrangement, node: Box, spec: RackSpec, pdu_choices: list[PduModel]
          ) -> RackLayout:
    """The racks as arranged, in rows, with the PDUs each feed needs."""
    contents, per_rack, limited_by = arranged.contents, arranged.per_rack, arranged.limited_by
    kinds = ["compute"] * arranged.compute + ["network"] * (arranged.count - arranged.compute)
    alike: dict[int, tuple[Rack, tuple[int, int]]] = {}  # by the list shared by racks alike
    for kind, boxes in zip(kinds, contents, strict=True):
        if id(boxes) not in alike:
            alike[id(boxes)] = (_rack(kind, boxes), _cords([b for _, b in boxes]))
    built = [alike[id(boxes)] for boxes in contents]
    pdu, per_feed = choose_pdus([r.power_kw for r, _ in built], [c for _, c in built], pdu_choices,
                                spec.pdu_load_limit)
    row_racks = max(1, spec.row_racks)
    with_pdus: dict[tuple[int, int], tuple[RackSlot, ...]] = {}  # racks alike share their slots

    def slots(rack: Rack, pdus: int) -> tuple[RackSlot, ...]:
        key = (id(rack.slots), pdus)
        if key not in with_pdus:  # zero-U strips at the back, A and B feeds
            strip = RackSlot(0, 0, "pdu", pdu.part, pdu.part, 0.0, 0.0)
            with_pdus[key] = rack.slots + (strip,) * pdus
        return with_pdus[key]

    racks = tuple(
        Rack(rack.kind, rack.nodes, rack.switches, rack.units_used, rack.power_kw, rack.weight_kg,
             row=i // row_racks + 1, position=i % row_racks + 1, pdus=2 * per_feed[i],
             slots=slots(rack, 2 * per_feed[i]),
             pdu_load=rack.power_kw / (per_feed[i] * pdu.capacity_kw))
        for i, (rack, _) in enumerate(built)
    )
    return RackLayout(
        rack_model=spec.model, rack_units=spec.units, budget_kw=spec.budget_kw,
        nodes_per_rack=per_rack, limited_by=limited_by, racks=racks,
        pdus=sum(r.pdus for r in racks), pdu_part=pdu.part,
        rows=math.ceil(len(racks) / row_racks), row_racks=row_racks,
        inlets_per_node=node.inlets, inlet_type=node.inlet,
        feed_kw=max((r.power_kw for r in racks), default=0.0),
    )


def _cords(boxes: list[Box]) -> tuple[int, int]:
    """(C19, C13) outlets one feed must offer: half of every box's cords, rounded up."""
    c19 = sum(math.ceil(b.inlets / 2) for b in boxes if b.inlet == "C20")
    c13 = sum(math.ceil(b.inlets / 2) for b in boxes if b.inlet != "C20")
    return c19, c13


def pdus_per_feed(power_kw: float, c19: int, c13: int, pdu: PduModel, limit: float = 1.0) -> int:
    """PDUs on one feed: enough power for the whole rack alone with each PDU at most ``limit``
    of its rating, and an outlet for every cord."""
    need = max(1, math.ceil(power_kw / (pdu.capacity_kw * limit) - 1e-9))
    if c19:
        need = max(need, math.ceil(c19 / pdu.c19) if pdu.c19 else 10**6)
    if c13:
        need = max(need, math.ceil(c13 / pdu.c13) if pdu.c13 else 10**6)
    return need


def choose_pdus(
    rack_kw: list[float], cords: list[tuple[int, int]], choices: list[PduModel],
    limit: float = 1.0,
) -> tuple[PduModel, list[int]]:
    """One PDU model for the hall (the one that buys the fewest, then the smallest) and the
    PDUs on each feed of every rack."""
    kinds = Counter(zip(rack_kw, cords, strict=True))  # racks alike need the same PDUs

    def total(pdu: PduModel) -> tuple[int, float]:
        return (sum(n * pdus_per_feed(kw, *c, pdu, limit) for (kw, c), n in kinds.items()),
                pdu.capacity_kw)

    best = min(choices, key=total)
    per_kind = {kind: pdus_per_feed(kind[0], *kind[1], best, limit) for kind in kinds}
    return best, [per_kind[kind] for kind in zip(rack_kw, cords, strict=True)]
