"""The exact figures of one design: the planning steps of engine.planning.plan, in the same
order with the same functions, but split where the choices enter so that the costly steps run
once per (configuration, servers) and per rack budget, not once per variant.

Sizing depends on (configuration, servers); fabric and racks on the rack budget and whether
racks are bought too; cooling, power and the bill on the cooling kind and the hosting. The
money is left as the inputs of engine.money.totals.money, which the variant table computes for
all variants at once (engine.optimise.table).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from engine.catalog import Catalog
from engine.compute.sizing import Sizing
from engine.facility.fabric import FabricTooLarge
from engine.facility.racks import RackRefusal
from engine.model import ComputeNeed, EfficiencyEstimate, PlanRequest, RackLayout
from engine.money.cloud import cloud_rates
from engine.money.prices import PriceList
from engine.planning.bill import bill
from engine.planning.cooling import cooling as plan_cooling
from engine.planning.fabric import plan_compute_fabric
from engine.planning.gpus import Sized, size_gpus
from engine.planning.plan import lead_time_for
from engine.planning.power import plan_power
from engine.planning.racks import place
from engine.planning.storage_management import Planes, size_equipment, storage_management
from engine.resolve import Resolved, resolve


@dataclass(frozen=True)
class Design:
    """What engine.money.totals.money needs for one variant, and its training days."""

    hardware: float  # BOM subtotal of all categories but services, request currency
    services: float
    facility_kw: float
    contracted_kw: float
    gpus: int
    days: float  # training days at the expected efficiency
    days_low: float  # the efficiency band's ends (P10/P90-ish until the performance model lands)
    days_high: float
    cloud_rate: float  # per GPU-hour, request currency
    lead_time_days: float
    spread: float  # value-weighted ± share of the prices, from the list's confidence
    foreign: float  # share of the bill priced in the other currency (moves with the rate)
    efficiency: EfficiencyEstimate | None = None  # what the days' distribution is read from


def variant_request(request: PlanRequest, cfg: str, gpus: int, cooling: str, rack_kw: float,
                    hosting: str) -> PlanRequest:
    """The plan request of one variant: the request with the variant's choices fixed."""
    return replace(
        request, configs=(cfg,),
        schedule=replace(request.schedule, days=None, gpus=gpus),
        facility=replace(request.facility, cooling=cooling, rack_kw=rack_kw),  # type: ignore[arg-type]
        finance=replace(request.finance, hosting=hosting),  # type: ignore[arg-type]
    )


class Evaluator:
    """Exact designs for one request, each costly step cached on the choices it depends on."""

    def __init__(self, request: PlanRequest, need: ComputeNeed, catalog: Catalog,
                 prices: PriceList, spreads: dict[str, float]) -> None:
        self.request, self.need, self.catalog, self.prices = request, need, catalog, prices
        self.spreads = spreads
        self.sized = cache(self._sized)
        self.placed = cache(self._placed)
        self.resolved = cache(self._resolved)
        self.choices = cache(self._choices)
        self.billed = cache(self._billed)
        self.item_risk = cache(self._item_risk)

    def _item_risk(self, item: str) -> tuple[float, float]:
        """A price's ± share from its row's confidence (a row not in the list counts as low),
        and 1 if it is priced in the other currency."""
        entry = self.prices.entries.get(item)
        widest = max(self.spreads.values())
        if entry is None:
            return self.spreads.get("low", widest), 0.0
        abroad = float(entry.currency != self.request.finance.currency)
        return self.spreads.get(entry.confidence, widest), abroad

    def _choices(self, cooling: str, rack_kw: float, hosting: str) -> PlanRequest:
        """The request with a variant's facility and hosting (the fleet is set where it counts:
        sizing; the later steps read the request's storage, finance and facility only)."""
        return variant_request(self.request, "", 1, cooling, rack_kw, hosting)

    def _resolved(self, cooling: str, rack_kw: float, hosting: str) -> Resolved:
        return resolve(self.choices(cooling, rack_kw, hosting))

    def _sized(self, cfg_id: str, nodes: int) -> Sized | None:
        cfg = self.catalog.configuration(cfg_id)
        res = replace(self.resolved("air", 20.0, "own"), days=None, fleet_gpus=nodes * cfg.gpu_count)
        sized = size_gpus(cfg, self.catalog.gpus[cfg.gpu], self.need, res,
                          self.request.schedule.precision, self.catalog, self.request.efficiency)
        return sized if isinstance(sized, Sized) and not sized.warnings else None

    def _placed(self, cfg_id: str, nodes: int, rack_kw: float, buy_racks: bool
                ) -> tuple[Any, RackLayout, Planes] | None:
        cfg = self.catalog.configuration(cfg_id)
        server = self.catalog.servers[cfg.server]
        gpus = nodes * cfg.gpu_count
        req = self.choices("air", rack_kw, "own" if buy_racks else "colo")
        res = self.resolved("air", rack_kw, "own" if buy_racks else "colo")
        nic = self.catalog.network[cfg.compute_nic]
        try:
            fp = plan_compute_fabric(cfg, nic.technology, nodes, rack_kw, req, res, self.catalog,
                                     self.prices)
            equipment = size_equipment(req, self.need, gpus, nodes, fp.fabric, server.vendor,
                                       self.catalog)
            fabric, layout = place(cfg, server, nodes, fp, equipment, rack_kw, req, res,
                                   self.catalog)
        except (RackRefusal, FabricTooLarge):
            return None
        planes = storage_management(equipment, layout, req, res, fabric, gpus)
        return fabric, layout, planes

    def design(self, cfg_id: str, nodes: int, cooling: str, rack_kw: float, hosting: str
               ) -> Design | None:
        """The variant's figures, or None when a plan of the same choices would refuse."""
        cfg = self.catalog.configuration(cfg_id)
        server, gpu = self.catalog.servers[cfg.server], self.catalog.gpus[cfg.gpu]
        if (cooling == "liquid") != (server.cooling == "liquid"):
            return None  # as a plan: no liquid loop for an air server, no air for a liquid one
        sized = self.sized(cfg_id, nodes)
        if sized is None:
            return None
        sizing: Sizing = sized.sizing
        budget = rack_kw
        if cooling == "rdhx":  # as a plan: the rear door caps the budget
            door = max(u.capacity_kw for u in self.catalog.cooling.values() if u.kind == "rdhx")
            budget = min(budget, door)
        res = lead_time_for(self.request, self.resolved(cooling, rack_kw, hosting),
                            gpu.architecture)
        rate = cloud_rates().get(gpu.id)
        if hosting == "cloud" and rate is None:
            return None
        cloud_rate = rate.rate(self.request.finance.currency, res.exchange_rate) if rate else 0.0
        placed = self.placed(cfg_id, sizing.nodes, budget, res.buy_racks)
        if placed is None:
            return None
        fabric, layout, planes = placed
        power = plan_power(sizing.nodes, cfg.typical_power_w, fabric, layout, planes.power_w,
                           res.pue, sizing.days, self.catalog)
        # a site that cools (colocation, wholesale) bills the same whatever the cooling kind,
        # unless a UPS is quoted: it is sized on the facility power, which the PUE moves
        billed_cooling = cooling if res.buy_cooling or res.ups else ""
        hardware, services, spread, foreign = self.billed(
            cfg_id, nodes, budget, billed_cooling, rack_kw, hosting)
        return Design(
            hardware=hardware, services=services, facility_kw=power.facility_kw,
            contracted_kw=sum(r.power_kw for r in layout.racks), gpus=sizing.gpus,
            days=sizing.days, days_low=sizing.days_low, days_high=sizing.days_high,
            cloud_rate=cloud_rate, lead_time_days=res.lead_time_days,
            spread=spread, foreign=foreign, efficiency=sizing.efficiency,
        )

    def _billed(self, cfg_id: str, nodes: int, budget: float, cooling: str, rack_kw: float,
                hosting: str) -> tuple[float, float, float, float]:
        """Hardware and services subtotals of the bill, its price spread and foreign share."""
        cfg = self.catalog.configuration(cfg_id)
        kind = cooling or "air"
        res = self.resolved(kind, rack_kw, hosting)
        sized, placed = self.sized(cfg_id, nodes), self.placed(cfg_id, nodes, budget, res.buy_racks)
        assert sized is not None and placed is not None
        fabric, layout, planes = placed
        cool = plan_cooling(kind, layout, self.catalog, hosting, res)
        power = plan_power(sized.sizing.nodes, cfg.typical_power_w, fabric, layout,
                           planes.power_w, res.pue, sized.sizing.days, self.catalog)
        bom, _ = bill(self.choices(kind, rack_kw, hosting), cfg, sized.sizing, fabric, layout,
                      cool, planes, res, self.catalog, self.prices, power)
        services = sum(line.total for line in bom if line.category == "services")
        hardware = sum(line.total for line in bom) - services
        total = hardware + services
        spread = foreign = 0.0
        for line in bom:
            share, abroad = self.item_risk(line.item)
            spread += line.total * share
            foreign += line.total * abroad
        return (hardware, services, spread / total if total else 0.0,
                foreign / total if total else 0.0)
