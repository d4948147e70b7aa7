"""Step 5: IT and facility power, at the maximum and typical draw."""

from __future__ import annotations

from engine.catalog import Catalog
from engine.model import Fabric, PowerPlan, RackLayout
from engine.planning.parts import parts


def switch_watts(fabric: Fabric, catalog: Catalog) -> float:
    """Switches without their optics (counted apart, from the links that use them)."""
    eth = parts()["ethernet"]
    director = catalog.network[fabric.director_part].power_w * fabric.directors \
        if fabric.director_part else 0.0
    return (fabric.switches * catalog.network[fabric.switch_part].power_w + director
            + fabric.storage_switches * catalog.network[eth["storage_switch"]].power_w
            + fabric.mgmt_switches * catalog.network[eth["mgmt_switch"]].power_w)


def optics_watts(fabric: Fabric, catalog: Catalog) -> float:
    """Switch-end transceivers and active cables. HCA-end modules are in the server's maximum."""
    fp = parts()["fabric"][fabric.technology]
    module = catalog.network[fp["switch_transceiver"]].power_w
    return sum(r.switch_transceivers * module + r.cables * catalog.network[r.cable_part].power_w
               for r in fabric.runs)


def plan_power(nodes: int, node_typical_w: float, fabric: Fabric, layout: RackLayout,
               planes_w: float, pue: float, training_days: float, catalog: Catalog) -> PowerPlan:
    """``planes_w``: storage and management at their maximum draw."""
    switch_w = switch_watts(fabric, catalog) + planes_w
    optics_w = optics_watts(fabric, catalog)
    # Maximum: every box in every rack at its maximum, every switch cage with a powered module.
    it_max = sum(r.power_kw for r in layout.racks)
    it_typical = (nodes * node_typical_w + switch_w + optics_w) / 1000
    return PowerPlan(
        it_max_kw=it_max, it_typical_kw=it_typical, pue=pue, facility_kw=it_typical * pue,
        energy_per_run_mwh=it_typical * pue * training_days * 24 / 1000,
        facility_max_kw=it_max * pue, optics_kw=optics_w / 1000,
    )
