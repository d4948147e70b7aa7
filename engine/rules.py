"""Validity rules a vendor configurator applies; each refusal says why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.model import Message

if TYPE_CHECKING:
    from engine.catalog import Gpu, Server


def configuration_refusals(
    *, server: Server, gpu: Gpu, gpu_count: int, max_power_w: float, nics: int
) -> list[Message]:
    """Why ``gpu_count`` × ``gpu`` in ``server`` cannot be built; empty when it can."""
    refusals: list[Message] = []
    if gpu.form_factor not in server.gpu_form_factors:
        allowed = ", ".join(f.upper() for f in server.gpu_form_factors)
        refusals.append(Message(
            "gpu-form-factor",
            f"{gpu.name} is a {gpu.form_factor.upper()} GPU; the {server.model} "
            f"{server.variant} takes {allowed} GPUs only",
        ))
    if gpu_count > server.gpu_slots:
        refusals.append(Message(
            "gpu-slots",
            f"{gpu_count} GPUs do not fit the {server.model} {server.variant}: "
            f"it has {server.gpu_slots} GPU positions",
        ))
    if nics > server.nic_slots:
        refusals.append(Message(
            "nic-slots",
            f"{nics} compute HCAs do not fit: the {server.model} {server.variant} "
            f"has {server.nic_slots} slots for them",
        ))
    usable_w = (server.psu.count - server.psu.redundant) * server.psu.watts
    if max_power_w > usable_w:
        refusals.append(Message(
            "psu-capacity",
            f"maximum draw {max_power_w:.0f} W exceeds what {server.psu.count} × "
            f"{server.psu.watts:.0f} W PSUs deliver with {server.psu.redundant} redundant "
            f"({usable_w:.0f} W)",
        ))
    return refusals
