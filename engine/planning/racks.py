"""Step 4: the racks. Servers fill compute racks; fabric, storage and management boxes fill
network racks; the cables follow from where everything stands.

The racks are counted once, in ``place``, by arranging them (engine.facility.racks.arrange).
Every rack is arranged with room for an out-of-band access switch at its top; the switches are
then sized by the management ports of each row within copper reach (engine.facility.oob), and
stay only in the racks that host one. Their aggregation switches follow the access switch
count and stand in the racks themselves, so the arrangement is settled before the hall is built.
"""

from __future__ import annotations

from dataclasses import replace

from engine.assumptions import default
from engine.catalog import Catalog, Configuration, Server
from engine.facility.cabling import Geometry, plan_cabling
from engine.facility.racks import Arrangement, Box, PduModel, RackSpec, arrange, build
from engine.memo import HeldCache
from engine.model import Fabric, PlanRequest, RackLayout
from engine.planning.fabric import FabricPlan, media, switch_box
from engine.planning.oob_access import keep_access_switches, oob_groups
from engine.planning.parts import parts
from engine.planning.storage_management import Equipment
from engine.resolve import Resolved


def rack_spec(request: PlanRequest, res: Resolved, rack_kw: float, catalog: Catalog) -> RackSpec:
    rack = catalog.racks[parts()["facility"][f"rack_{request.facility.rack_units}"]]
    patch = int(default("facility.rack_reserved_units").value)
    limit = default("facility.pdu_continuous_load").value
    per_feed = int(default("facility.pdus_per_feed").value)
    largest = max(p.capacity_kw for p in catalog.pdus.values())
    return RackSpec(
        model=rack.id, units=rack.units, max_load_kg=rack.max_load_kg,
        usable_fraction=default("facility.rack_usable_fraction").value,
        reserved_units=patch + int(default("facility.rack_reserve_units").value),
        budget_kw=rack_kw,
        network_units=int(default("facility.network_rack_units").value),
        network_kw=default("facility.network_rack_kw").value,
        row_racks=res.row_racks, pdu_load_limit=limit, pdus_per_feed=per_feed,
        feed_max_kw=per_feed * largest * limit,
        mgmt_units=catalog.network[parts()["ethernet"]["mgmt_switch"]].rack_units,
        patch_units=patch,
    )


def node_box(cfg: Configuration, server: Server) -> Box:
    psu = server.psu
    inlet = psu.inlet or ("C20" if psu.watts >= default("facility.psu_c20_from_w").value else "C14")
    return Box(server.rack_units, cfg.max_power_w, server.weight_kg, role="server", part=cfg.id,
               label=f"{server.vendor} {server.model}", inlets=psu.count, inlet=inlet)


def _pdu_models(catalog: Catalog) -> list[PduModel]:
    return [PduModel(p.id, p.capacity_kw, p.c19_outlets, p.c13_outlets) for p in catalog.pdus.values()]


def _mgmt_switch(catalog: Catalog) -> Box:
    return switch_box(parts()["ethernet"]["mgmt_switch"], "mgmt_switch", catalog, None)


def count_role(layout: RackLayout, role: str) -> int:
    """Items of ``role`` in all racks (racks alike share their slots: each kind counted once)."""
    per_kind: dict[int, int] = {}
    total = 0
    for rack in layout.racks:
        key = id(rack.slots)
        if key not in per_kind:
            per_kind[key] = sum(1 for s in rack.slots if s.role == role)
        total += per_kind[key]
    return total


def _cabled(cfg: Configuration, fp: FabricPlan, layout: RackLayout, catalog: Catalog,
            ufm_part: str) -> Fabric:
    """The fabric with every link's cable, from where its ends stand."""
    fabric = fp.fabric
    tech = parts()["fabric"][fabric.technology]
    xcvr = tech["switch_transceiver"]
    runs = plan_cabling(
        fp.tree, rails=cfg.compute_nics, half=catalog.network[fabric.switch_part].ports // 2,
        layout=layout,
        geometry=Geometry(*(default(f"cabling.{k}").value
                            for k in ("in_rack_m", "rack_width_m", "row_pitch_m", "slack_m"))),
        media=media(tech, catalog), switch_ports_per_module=catalog.network[xcvr].ports,
        leaf_role="director" if fabric.director_part else "leaf",
        service_links=fabric.ufm_links, service_part=ufm_part,
    )
    return replace(
        fabric, mgmt_switches=count_role(layout, "mgmt_switch"),
        runs=runs, transceivers=sum(r.node_transceivers + r.switch_transceivers for r in runs),
    )


# Placing the racks is the costliest step of a plan, and a comparison redone after an edit
# that leaves the racks alone (price, finance, deadline within the same fleet) places the
# same racks again: the last placements are kept, keyed by everything ``place`` reads.
_PLACED: HeldCache[tuple[Fabric, RackLayout]] = HeldCache(256)


def place(cfg: Configuration, server: Server, nodes: int, fp: FabricPlan, equipment: Equipment,
          rack_kw: float, request: PlanRequest, res: Resolved, catalog: Catalog,
          keep: bool = True) -> tuple[Fabric, RackLayout]:
    """The racks with the servers, the fabric, storage and management in them, and the fabric
    with its cables. ``keep`` False: placed afresh and not kept (a caller that keeps its own
    placements; hashing the key of a large fabric costs more than a miss saves)."""
    if not keep:
        return _place(cfg, server, nodes, fp, equipment, rack_kw, request, res, catalog)
    # the catalog, the configuration and the server stand in the key by their ids
    key = (id(cfg), id(server), nodes, fp, equipment, rack_kw, request.facility.rack_units,
           res.row_racks, res.buy_racks, id(catalog))
    return _PLACED.get(key, (catalog, cfg, server),
                       lambda: _place(cfg, server, nodes, fp, equipment, rack_kw, request, res,
                                      catalog))


def _place(cfg: Configuration, server: Server, nodes: int, fp: FabricPlan, equipment: Equipment,
           rack_kw: float, request: PlanRequest, res: Resolved, catalog: Catalog
           ) -> tuple[Fabric, RackLayout]:
    spec = rack_spec(request, res, rack_kw, catalog)
    node, mgmt = node_box(cfg, server), _mgmt_switch(catalog)

    def arranged(extra: tuple[Box, ...]) -> Arrangement:
        return arrange(nodes, node, mgmt, list(fp.boxes + extra), spec)

    boxes = equipment.boxes(1)  # without aggregation switches
    for _ in range(4):  # the aggregation switches follow the access switches: settle
        layout = build(arranged(boxes), node, spec, _pdu_models(catalog))
        groups = oob_groups(layout, catalog)
        again = equipment.boxes(len(groups))
        if again == boxes:
            break
        boxes = again
    layout = keep_access_switches(layout, groups)
    if not res.buy_racks:
        layout = replace(layout, bought=False)
    fabric = _cabled(cfg, fp, layout, catalog, equipment.ufm.id)
    return replace(fabric, mgmt_switches=len(groups)), layout
