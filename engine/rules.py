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
        refusals.append(Message.of(
            "gpu-form-factor", gpu=gpu.name, form=gpu.form_factor.upper(),
            server=f"{server.model} {server.variant}", server_zh=server.name_zh, allowed=allowed,
        ))
    if gpu_count > server.gpu_slots:
        refusals.append(Message.of(
            "gpu-slots", gpus=gpu_count, server=f"{server.model} {server.variant}", server_zh=server.name_zh,
            slots=server.gpu_slots,
        ))
    if nics > server.nic_slots:
        refusals.append(Message.of(
            "nic-slots", hcas=nics, server=f"{server.model} {server.variant}", server_zh=server.name_zh,
            slots=server.nic_slots,
        ))
    usable_w = (server.psu.count - server.psu.redundant) * server.psu.watts
    if max_power_w > usable_w:
        refusals.append(Message.of(
            "psu-capacity", draw_w=round(max_power_w), psus=server.psu.count,
            psu_w=round(server.psu.watts), redundant=server.psu.redundant, usable_w=round(usable_w),
        ))
    return refusals
