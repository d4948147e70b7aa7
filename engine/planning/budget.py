"""The rack power budget: one rule for compute racks, one for network racks."""

from __future__ import annotations

from engine.assumptions import Default, default, default_note
from engine.catalog import Gpu
from engine.facility.racks import network_budget_kw
from engine.model import Assumption, PlanRequest
from engine.resolve import Resolved


def default_rack_kw(cooling: str, architecture: str) -> Default:
    """The rack budget a request without one gets: by cooling kind and GPU generation."""
    return default(f"rack_kw.{cooling}_{architecture}")


def rack_budget(request: PlanRequest, res: Resolved, gpu: Gpu) -> tuple[float, Assumption]:
    """The request's rack budget, or the default for its cooling kind and the GPU's generation."""
    if res.rack_kw is not None:
        return res.rack_kw, Assumption.said("rack_kw", res.rack_kw, "kW", "request", "assumed.given")
    cooling, architecture = request.facility.cooling, gpu.architecture
    d = default_rack_kw(cooling, architecture)
    return d.value, Assumption.said(
        "rack_kw", d.value, d.unit, "default", "assumed.rack-kw", cooling=cooling,
        architecture=architecture, note=d.note,
        note_zh=default_note(f"rack_kw.{cooling}_{architecture}", "zh"))


def network_rack_kw(rack_kw: float) -> float:
    """A network rack's budget for racks of ``rack_kw``: the network-rack default, capped."""
    return network_budget_kw(default("facility.network_rack_kw").value, rack_kw)
