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
        out.append(Message.of("memory-bound", floor=sizing.memory_floor_gpus))
    if sizing.gpus > LARGEST_PUBLISHED_RUN_GPUS:
        out.append(Message.of("beyond-published", gpus=sizing.gpus,
                                              largest=LARGEST_PUBLISHED_RUN_GPUS))
    if request.schedule.days is not None \
            and res.lead_time_days + sizing.days_high > request.schedule.days:
        out.append(Message.of("deadline-risk", mfu=eff.mfu_low, days=sizing.days_high,
                              lead=res.lead_time_days))
    if request.schedule.days is not None and request.schedule.lead_time_days is None \
            and res.lead_time_days == 0:
        out.append(Message.of("lead-time-unset"))
    if not eff.memory_fits:
        out.append(Message.of("memory-layout"))
    if eff.overridden and not (0.15 <= eff.mfu <= 0.65):  # not a limit: a warning band
        out.append(Message.of("mfu-unusual", mfu=eff.mfu))
    if cfg.intra_node_link in ("pcie", "nvlink-bridge") and (sizing.memory_floor_gpus > 8):
        out.append(Message.of("pcie-large-model"))
    if layout.limited_by != "power":
        out.append(Message.of("rack-limit", by=layout.limited_by,
                              servers=layout.nodes_per_rack))
    unverified = [r for r in (server, gpu, cfg) if not r.verified]
    if unverified:
        out.append(Message.of("unverified", ids=", ".join(r.id for r in unverified),
                              ids_zh="、".join(dict.fromkeys(_name(r) for r in unverified))))
    out.append(Message.of("indicative-prices"))
    return out


def _name(record: Server | Gpu | Configuration) -> str:
    """A catalog record as a Chinese reader knows it: its Chinese name, not its id."""
    if isinstance(record, Server):
        return record.name_zh
    if isinstance(record, Gpu):
        return record.name
    return record.description_zh


def facility_warnings(
    cfg: Configuration, server: Server, fabric: Fabric, layout: RackLayout,
    request: PlanRequest, catalog: Catalog,
) -> list[Message]:
    """The racks, power and cables the buyer's own hall must take."""
    out: list[Message] = []
    limit = default("facility.air_rack_limit_kw").value
    if request.facility.cooling == "air" and layout.max_power_kw > limit:
        out.append(Message.of("air-rack-limit", kw=layout.max_power_kw, limit=limit))
    one_feed = server.psu.count // 2 * server.psu.watts
    if one_feed < cfg.max_power_w:
        out.append(Message.of("feed-loss", kept=server.psu.count // 2, psus=server.psu.count,
                              psu_w=server.psu.watts, one_feed_w=one_feed,
                              max_w=cfg.max_power_w))
    for run in fabric.runs:
        reach = catalog.network[run.cable_part].length_m
        if run.longest_m > reach:
            out.append(Message.of("cable-reach", span=run.span, longest=run.longest_m,
                                  reach=reach, cable=run.cable_part))
            break
    return out
