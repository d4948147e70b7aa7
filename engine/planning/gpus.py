"""Step 1: the compute need -> GPUs and whole servers, for a deadline or a given fleet."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from engine.catalog import Catalog, Configuration, Gpu
from engine.compute.efficiency import NodeTraits, estimate, gpu_traits
from engine.compute.estimate import measured_calibration
from engine.compute.sizing import Sizing, memory_floor_gpus, size_for_deadline, size_for_fleet
from engine.errors import RequestError
from engine.model import ComputeNeed, Efficiency, Message, Precision
from engine.resolve import Resolved


def traits_of(cfg: Configuration, gpu: Gpu, catalog: Catalog | None = None) -> NodeTraits:
    nic_gbps = None
    if catalog is not None and cfg.compute_nic in catalog.network:
        nic_gbps = cfg.compute_nics * catalog.network[cfg.compute_nic].port_gbps / cfg.gpu_count
    return gpu_traits(gpu, link=cfg.intra_node_link, link_gbs=cfg.intra_node_gbs,
                      nics_per_gpu=cfg.compute_nics / cfg.gpu_count,
                      gpus_per_node=cfg.gpu_count, nic_gbps=nic_gbps)


@dataclass(frozen=True)
class Sized:
    sizing: Sizing
    floor: int  # GPUs that hold the model states and activations
    warnings: tuple[Message, ...]


def size_gpus(cfg: Configuration, gpu: Gpu, need: ComputeNeed, res: Resolved, precision: Precision,
              catalog: Catalog, efficiency: Efficiency | None = None) -> Sized | Message:
    """The GPUs and servers the request needs on this configuration, or why it cannot: the
    fewest whose training days at the asked confidence fit the window."""
    efficiency_at = partial(
        estimate, traits_of(cfg, gpu, catalog), gpu_name=gpu.name, precision=precision,
        params=need.params, moe=need.moe, goodput=res.goodput, mfu_override=res.mfu_override,
        team=res.team,
        calibration=measured_calibration(efficiency, res.team) if efficiency else None,
    )
    try:
        efficiency_at(gpus=cfg.gpu_count)
    except RequestError as exc:
        return Message.of("precision", why=exc.allowed_in("en"), why_zh=exc.allowed_in("zh"))

    floor = memory_floor_gpus(need.params, gpu.memory_gb)
    warnings: list[Message] = []
    sizing: Sizing | None
    if res.days is not None:
        window = res.days - res.lead_time_days
        if window <= 0:
            return Message.of("lead-time", days=f"{res.days:g}", lead=f"{res.lead_time_days:g}")
        sizing = size_for_deadline(need.flops, window, cfg.gpu_count, floor,
                                   lambda g: efficiency_at(gpus=g), res.confidence)
        if sizing is None:
            return Message.of("too-large", days=f"{res.days:g}", gpu=gpu.name)
    else:
        assert res.fleet_gpus is not None
        sizing = size_for_fleet(need.flops, res.fleet_gpus, cfg.gpu_count, floor,
                                lambda g: efficiency_at(gpus=g), res.confidence)
        if sizing.gpus != res.fleet_gpus:
            warnings.append(Message.of("fleet-rounded", asked=res.fleet_gpus, gpus=sizing.gpus,
                                       nodes=sizing.nodes, per_node=cfg.gpu_count))
        if sizing.gpus < floor:
            return Message.of("memory", gpus=sizing.gpus, memory_gb=gpu.memory_gb, floor=floor,
                              gpu=gpu.name)
    return Sized(sizing, floor, tuple(warnings))
