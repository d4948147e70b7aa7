"""How long a workload takes on N GPUs of one type, in a typical 8-GPU server with that GPU."""

from __future__ import annotations

from dataclasses import dataclass

from engine.assumptions import default
from engine.bounds import check
from engine.catalog import Catalog, Gpu, load_catalog
from engine.compute.efficiency import NodeTraits, gpu_traits
from engine.compute.efficiency import estimate as estimate_efficiency
from engine.compute.parameters import value
from engine.compute.sizing import days_with_band, memory_floor_gpus
from engine.compute.workload import compute_need
from engine.errors import RequestError
from engine.model import ComputeNeed, EfficiencyEstimate, Layout, Precision, Workload
from engine.resolve import lead_time_days


def typical_traits(gpu: Gpu) -> NodeTraits:
    """SXM GPUs on an NVSwitch board with one HCA per GPU; PCIe cards with bridges or
    plain PCIe and one HCA per two GPUs."""
    link = {"nvlink": "nvswitch", "nvlink-bridge": "nvlink-bridge", "pcie": "pcie"}[gpu.link]
    return gpu_traits(gpu, link=link, link_gbs=gpu.link_gbs,
                      nics_per_gpu=1.0 if gpu.form_factor != "pcie"
                      else value("typical_server", "pcie_nic_share"))


@dataclass(frozen=True)
class Estimate:
    compute: ComputeNeed
    gpu: str
    gpu_name: str
    gpus: int
    efficiency: EfficiencyEstimate
    days: float
    days_low: float
    days_high: float
    memory_floor_gpus: int
    lead_time_days: float = 0.0

    @property
    def gpu_hours(self) -> float:
        return self.gpus * self.days * 24

    @property
    def gpu_hours_low(self) -> float:
        return self.gpus * self.days_low * 24

    @property
    def gpu_hours_high(self) -> float:
        return self.gpus * self.days_high * 24

    @property
    def calendar_days(self) -> float:
        """Lead time (delivery, installation, acceptance) + expected training days."""
        return self.lead_time_days + self.days

    @property
    def layout(self) -> Layout | None:
        return self.efficiency.layout


def estimate(
    workload: Workload, gpu_id: str, gpus: int, *, mfu: float | None = None,
    goodput: float | None = None, precision: Precision = "bf16",
    lead_time: float | None = None, catalog: Catalog | None = None,
) -> Estimate:
    need = compute_need(workload)
    try:
        gpu = (catalog or load_catalog()).gpu(gpu_id)
    except ValueError as exc:
        raise RequestError("gpu", gpu_id, str(exc).split("; ", 1)[-1]) from None
    check("schedule.gpus", gpus)  # resources/bounds.toml
    check("efficiency.mfu", mfu)
    check("efficiency.goodput", goodput)
    lead = lead_time_days(lead_time)
    eff = estimate_efficiency(
        typical_traits(gpu), gpu_name=gpu.name, precision=precision, gpus=gpus,
        params=need.params, moe=need.moe,
        goodput=default("schedule.goodput").value if goodput is None else goodput,
        mfu_override=mfu,
    )
    days, days_low, days_high = days_with_band(need.flops, gpus, eff)
    return Estimate(
        compute=need, gpu=gpu.id, gpu_name=gpu.name, gpus=gpus, efficiency=eff,
        days=days, days_low=days_low, days_high=days_high,
        memory_floor_gpus=memory_floor_gpus(need.params, gpu.memory_gb), lead_time_days=lead,
    )
