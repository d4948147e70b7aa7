"""Step 6: cooling units row by row, and where the heat goes."""

from __future__ import annotations

from engine.assumptions import default
from engine.catalog import Catalog
from engine.facility.cooling import Unit, plan_cooling
from engine.model import CoolingPlan, RackLayout
from engine.resolve import Resolved


def cooling(kind: str, layout: RackLayout, catalog: Catalog, hosting: str, res: Resolved
            ) -> CoolingPlan:
    def units(k: str) -> list[Unit]:
        return [Unit(u.id, u.capacity_kw) for u in catalog.cooling.values() if u.kind == k]

    rows: list[tuple[list[float], float]] = [([], 0.0) for _ in range(layout.rows)]
    for r in layout.racks:
        compute, other = rows[r.row - 1]
        if r.kind == "compute":
            compute.append(r.power_kw)
        else:
            rows[r.row - 1] = (compute, other + r.power_kw)
    heat = sum(r.power_kw for r in layout.racks)
    rejection = {
        "own": f"out of scope: the site's chillers, dry coolers or cooling towers must reject "
               f"{heat:.0f} kW of IT heat plus the cooling units' own power; not quoted",
        "colo": "the colocation site's plant",
        "wholesale": "the landlord's plant, built to suit",
        "cloud": "the cloud provider's",
    }[hosting]
    return plan_cooling(
        kind=kind, compute_rack_kw=[], other_kw=0.0, rows=rows,
        crah=units("crah"), rdhx=units("rdhx"), cdu=units("cdu"),
        liquid_capture=default("facility.liquid_capture").value,
        bought=res.buy_cooling, heat_rejection=rejection,
    )
