"""Step 8: what the buyer should know about a feasible plan."""

from __future__ import annotations

from engine.assumptions import default
from engine.catalog import Catalog, Configuration, Gpu, Server
from engine.compute.sizing import Sizing
from engine.model import Fabric, Message, PlanRequest, RackLayout
from engine.resolve import Resolved

LARGEST_PUBLISHED_RUN_GPUS = 16_384  # Llama 3 405B on 16K H100 (calibration.md)


def plan_warnings(
    cfg: Configuration, server: Server, gpu: Gpu, sizing: Sizing, layout: RackLayout,
    request: PlanRequest, res: Resolved,
) -> list[Message]:
    out: list[Message] = []
    eff = sizing.efficiency
    if sizing.gpus <= sizing.memory_floor_gpus and sizing.gpus > cfg.gpu_count:
        out.append(Message("memory-bound", f"the GPU count is set by memory ({sizing.memory_floor_gpus} "
                                           "GPUs hold the model), not by the deadline"))
    if sizing.gpus > LARGEST_PUBLISHED_RUN_GPUS:
        out.append(Message("beyond-published", f"{sizing.gpus} GPUs is past the largest published "
                                               f"training run ({LARGEST_PUBLISHED_RUN_GPUS}); "
                                               "efficiency is extrapolated"))
    if request.schedule.days is not None \
            and res.lead_time_days + sizing.days_high > request.schedule.days:
        lead = (f", which with the {res.lead_time_days:g}-day lead time is"
                if res.lead_time_days else ",")
        out.append(Message("deadline-risk", f"at the low end of the efficiency band "
                                            f"(MFU {eff.mfu_low:.0%}) training takes "
                                            f"{sizing.days_high:.1f} days{lead} past the "
                                            "deadline"))
    if request.schedule.days is not None and request.schedule.lead_time_days is None \
            and res.lead_time_days == 0:
        out.append(Message("lead-time-unset", "the deadline counts training from the day of the "
                                              "order; servers ship in weeks to months, so give "
                                              "the lead time the vendor quotes"))
    if not eff.memory_fits:
        out.append(Message("memory-layout", "no tensor × pipeline × data-parallel layout holds the "
                                            "model in this many GPUs without offloading"))
    if eff.overridden and not (0.15 <= eff.mfu <= 0.65):
        out.append(Message("mfu-unusual", f"MFU {eff.mfu:.0%} is outside what published runs "
                                          "achieve (about 25–55%)"))
    if cfg.intra_node_link in ("pcie", "nvlink-bridge") and (sizing.memory_floor_gpus > 8):
        out.append(Message("pcie-large-model", "a model this large needs tensor parallelism, which "
                                               "runs slowly over PCIe and NVLink bridges"))
    if layout.limited_by != "power":
        out.append(Message("rack-limit", f"racks are filled by {layout.limited_by}, not power: "
                                         f"{layout.nodes_per_rack} servers a rack"))
    unverified = [r for r in (server, gpu, cfg) if not r.verified]
    if unverified:
        out.append(Message("unverified", "unverified catalog figures: "
                                         + ", ".join(r.id for r in unverified)))
    out.append(Message("indicative-prices", "prices are indicative: replace them with vendor quotes"))
    return out


def facility_warnings(
    cfg: Configuration, server: Server, fabric: Fabric, layout: RackLayout,
    request: PlanRequest, catalog: Catalog,
) -> list[Message]:
    """The racks, power and cables the buyer's own hall must take."""
    out: list[Message] = []
    limit = default("facility.air_rack_limit_kw").value
    if request.facility.cooling == "air" and layout.max_power_kw > limit:
        out.append(Message("air-rack-limit", f"racks of up to {layout.max_power_kw:.1f} kW are past "
                                             f"the practical limit of air cooling (about {limit:g} "
                                             "kW): choose rear doors or liquid cooling"))
    one_feed = server.psu.count // 2 * server.psu.watts
    if one_feed < cfg.max_power_w:
        out.append(Message("feed-loss", f"on one feed a server keeps {server.psu.count // 2} of its "
                                        f"{server.psu.count} × {server.psu.watts:.0f} W PSUs "
                                        f"({one_feed:.0f} W), below its {cfg.max_power_w:.0f} W "
                                        "maximum: losing a feed caps its power"))
    for run in fabric.runs:
        reach = catalog.network[run.cable_part].length_m
        if run.longest_m > reach:
            out.append(Message("cable-reach", f"{run.span} runs up to {run.longest_m:g} m exceed the "
                                              f"longest cable in the catalog ({reach:g} m, "
                                              f"{run.cable_part}): longer cables, and past the "
                                              "multimode reach single-mode optics, are not quoted"))
            break
    return out
