"""Step 6: cooling units row by row, and where the heat goes."""

from __future__ import annotations

from engine.assumptions import default
from engine.catalog import Catalog
from engine.facility.cooling import Unit, plan_cooling
from engine.model import Assumption, CoolingPlan, Message, RackLayout
from engine.resolve import Resolved


def _rejection(hosting: str, layout: RackLayout) -> Message:
    """Where the heat leaves the building, by hosting: the own site's plant is out of scope."""
    heat = sum(r.power_kw for r in layout.racks)
    return Message.of("assumed.heat-rejection", hosting=hosting, kw=f"{heat:.0f}")


def heat_rejection(hosting: str, layout: RackLayout) -> Assumption:
    """The assumption of where the heat goes: its value is the sentence, in the reader's words."""
    said = _rejection(hosting, layout)
    note = Message.of("assumed.heat-rejection-note")
    return Assumption(key="heat_rejection", value=said.text, unit="", origin="model",
                      note=note.text, note_code=note.code, value_code=said.code,
                      value_params=said.params)


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
    rejection = _rejection(hosting, layout).text
    return plan_cooling(
        kind=kind, compute_rack_kw=[], other_kw=0.0, rows=rows,
        crah=units("crah"), rdhx=units("rdhx"), cdu=units("cdu"),
        liquid_capture=default("facility.liquid_capture").value,
        bought=res.buy_cooling, heat_rejection=rejection,
    )
