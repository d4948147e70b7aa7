"""The rack power budget: one rule for compute racks, one for network racks."""

from __future__ import annotations

from engine.assumptions import default
from engine.catalog import Gpu
from engine.facility.racks import network_budget_kw
from engine.model import Assumption, PlanRequest
from engine.resolve import Resolved


def rack_budget(request: PlanRequest, res: Resolved, gpu: Gpu) -> tuple[float, Assumption]:
    """The request's rack budget, or the default for its cooling kind and the GPU's generation."""
    if request.facility.rack_kw is not None:
        return res.rack_kw, Assumption("rack_kw", res.rack_kw, "kW", "request", "given in the request")
    d = default(f"rack_kw.{request.facility.cooling}_{gpu.architecture}")
    return d.value, Assumption("rack_kw", d.value, d.unit, "default",
                               f"{request.facility.cooling} cooling, {gpu.architecture} GPUs: {d.note}")


def network_rack_kw(rack_kw: float) -> float:
    """A network rack's budget for racks of ``rack_kw``: the network-rack default, capped."""
    return network_budget_kw(default("facility.network_rack_kw").value, rack_kw)
