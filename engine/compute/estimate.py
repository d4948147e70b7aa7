"""How long a workload takes on N GPUs of one type, in a typical 8-GPU server with that GPU."""

from __future__ import annotations

from dataclasses import dataclass

from engine.assumptions import default
from engine.bounds import bound, check
from engine.catalog import Catalog, Gpu, load_catalog
from engine.compute.efficiency import NodeTraits, gpu_traits
from engine.compute.efficiency import estimate as estimate_efficiency
from engine.compute.parameters import value
from engine.compute.sizing import days_with_band, memory_floor_gpus, spread_ratio
from engine.compute.team import DEFAULT_TEAM, check_confidence, check_team
from engine.compute.workload import compute_need
from engine.errors import Allowed, RequestError, allowed
from engine.lead_times import default_lead_time
from engine.model import (
    ComputeNeed,
    DayQuantiles,
    Efficiency,
    EfficiencyEstimate,
    Layout,
    Precision,
    Workload,
)
from engine.resolve import lead_time_days


def typical_traits(gpu: Gpu) -> NodeTraits:
    """SXM GPUs on an NVSwitch board with one HCA per GPU; PCIe cards with bridges or
    plain PCIe and one HCA per two GPUs."""
    link = {"nvlink": "nvswitch", "nvlink-bridge": "nvlink-bridge", "pcie": "pcie"}[gpu.link]
    return gpu_traits(gpu, link=link, link_gbs=gpu.link_gbs,
                      nics_per_gpu=1.0 if gpu.form_factor != "pcie"
                      else value("typical_server", "pcie_nic_share"))


@dataclass(frozen=True)
class Estimate(DayQuantiles):
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
    days_p50: float = 0.0
    confidence: float = 0.8
    days_at_confidence: float = 0.0

    @property
    def days_p10(self) -> float:
        return self.days_low

    @property
    def days_p90(self) -> float:
        return self.days_high

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


def gpu_of(gpu_id: str, field: str = "gpu") -> Gpu:
    try:
        return load_catalog().gpu(gpu_id)
    except ValueError:
        raise RequestError(field, gpu_id, known_gpus(load_catalog())) from None


def known_gpus(catalog: Catalog) -> Allowed:
    return allowed("allowed.known-gpus", names=", ".join(catalog.ids_of("gpus")))


def measured_calibration(e: Efficiency, team: str) -> float | None:
    """Measured / modelled MFU of the user's own run, or None when none was given.

    The measured figure is a training step's rate (tokens/s per GPU, or MFU), so it is set
    against the step model at the team's profile, on typical servers of that GPU."""
    if not e.measured:
        return None
    if e.measured_tokens_per_s is not None and e.measured_mfu is not None:
        raise RequestError("efficiency.measured_mfu", e.measured_mfu,
                           allowed("allowed.measured-not-both"))
    for name in ("measured_params", "measured_gpus", "measured_gpu"):
        if getattr(e, name) is None:
            raise RequestError(f"efficiency.{name}", None, allowed("allowed.measured-needs"))
    assert e.measured_params is not None and e.measured_gpus is not None
    assert e.measured_gpu is not None
    gpu = gpu_of(e.measured_gpu, "efficiency.measured_gpu")
    peak = gpu.dense_tflops["bf16"] * 1e12
    if e.measured_tokens_per_s is not None:
        check("efficiency.measured_tokens_per_s", e.measured_tokens_per_s)  # resources/bounds.toml
        mfu = 6 * e.measured_params * e.measured_tokens_per_s / peak
        field, given = "efficiency.measured_tokens_per_s", e.measured_tokens_per_s
    else:
        assert e.measured_mfu is not None
        mfu, field, given = e.measured_mfu, "efficiency.measured_mfu", e.measured_mfu
    measured_mfu = bound("efficiency.measured_mfu")  # the same limits as an MFU given directly
    if not measured_mfu.admits(mfu):
        raise RequestError(field, given, allowed(
            "allowed.measured-mfu", mfu=mfu, gpu=gpu.name, range=measured_mfu.said.render("en"),
            range_zh=measured_mfu.said.render("zh")))
    modelled = estimate_efficiency(
        typical_traits(gpu), gpu_name=gpu.name, precision="bf16", gpus=e.measured_gpus,
        params=e.measured_params, moe=False, goodput=1.0, mfu_override=None, team=team,
    ).mfu
    return mfu / modelled


def estimate(
    workload: Workload, gpu_id: str, gpus: int, *, mfu: float | None = None,
    goodput: float | None = None, precision: Precision = "bf16",
    lead_time: float | None = None, efficiency: Efficiency | None = None,
    confidence: float | None = None, catalog: Catalog | None = None,
) -> Estimate:
    """Days on ``gpus`` GPUs: ``mfu`` and ``goodput`` override the model; ``efficiency`` gives
    the team profile and a measured calibration (its mfu/goodput are used when the others
    are None)."""
    need = compute_need(workload)
    try:
        gpu = (catalog or load_catalog()).gpu(gpu_id)
    except ValueError:
        raise RequestError("gpu", gpu_id, known_gpus(catalog or load_catalog())) from None
    e = efficiency or Efficiency()
    mfu = e.mfu if mfu is None else mfu
    goodput = e.goodput if goodput is None else goodput
    team = check_team(e.team or DEFAULT_TEAM)
    conf = check_confidence(default("schedule.confidence").value if confidence is None
                            else confidence)
    check("schedule.gpus", gpus)  # resources/bounds.toml
    check("efficiency.mfu", mfu)
    check("efficiency.goodput", goodput)
    lead = (default_lead_time(gpu.architecture).days if lead_time is None
            else lead_time_days(lead_time))
    eff = estimate_efficiency(
        typical_traits(gpu), gpu_name=gpu.name, precision=precision, gpus=gpus,
        params=need.params, moe=need.moe, goodput=goodput, mfu_override=mfu, team=team,
        calibration=measured_calibration(e, team),
    )
    days, days_low, days_high = days_with_band(need.flops, gpus, eff)
    return Estimate(
        compute=need, gpu=gpu.id, gpu_name=gpu.name, gpus=gpus, efficiency=eff,
        days=days, days_low=days_low, days_high=days_high,
        memory_floor_gpus=memory_floor_gpus(need.params, gpu.memory_gb), lead_time_days=lead,
        days_p50=days * spread_ratio(eff, 0.5), confidence=conf,
        days_at_confidence=days * spread_ratio(eff, conf),
    )
