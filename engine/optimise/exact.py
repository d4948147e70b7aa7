"""The exact figures of one design: the planning steps of engine.planning.plan, in the same
order with the same functions, but split where the choices enter so that the costly steps run
once per (configuration, servers) and per rack budget, not once per variant.

Sizing depends on (configuration, servers); fabric and racks on the rack budget (racks bought or
not only flags the layout, as engine.planning.racks.place does); cooling, power and the bill on
the cooling kind and the hosting. The bill is totalled here from the same needs as
engine.planning.bill.bill, without writing its lines (the optimiser refuses line overrides); the
money is left as the inputs of engine.money.totals.money, which the variant table computes for
all variants at once (engine.optimise.table). tests/engine/test_optimise.py checks variants
against plans of the same choices.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from engine.assumptions import default
from engine.catalog import Catalog
from engine.compute.sizing import Sizing
from engine.facility.fabric import FabricTooLarge
from engine.facility.racks import RackRefusal
from engine.lead_times import LeadRange, lead_time_range
from engine.model import ComputeNeed, EfficiencyEstimate, PlanRequest, PowerPlan, RackLayout
from engine.money.bom import Need
from engine.money.cloud import cloud_rates
from engine.money.indicative import node_price
from engine.money.prices import PriceList
from engine.money.services import EQUIPMENT
from engine.planning.bill import cooling_needs, needs, rack_needs, racked_needs, site_needs
from engine.planning.budget import network_rack_kw
from engine.planning.cooling import cooling as plan_cooling
from engine.planning.fabric import FabricPlan, plan_compute_fabric
from engine.planning.gpus import Sized, size_gpus
from engine.planning.parts import parts
from engine.planning.plan import lead_time_for
from engine.planning.power import plan_power
from engine.planning.racks import place
from engine.planning.site_lines import coolant_loop, plant, plant_needs
from engine.planning.storage_management import (
    Equipment,
    Planes,
    size_equipment,
    storage_management,
)
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
    days_low: float  # P10 of the training days (the team profile's spread)
    days_high: float  # P90
    cloud_rate: float  # per GPU-hour, request currency
    lead_time_days: float  # as planned: the request's, else the generation's default
    spread: float  # value-weighted ± share of the prices, from the list's confidence
    foreign: float  # share of the bill priced in the other currency (moves with the rate)
    efficiency: EfficiencyEstimate | None = None  # what the days' distribution is read from
    lead: LeadRange | None = None  # where the lead time may land; None: the request's, as quoted
    architecture: str = ""


def variant_request(request: PlanRequest, cfg: str, gpus: int, cooling: str, rack_kw: float,
                    hosting: str) -> PlanRequest:
    """The plan request of one variant: the request with the variant's choices fixed."""
    return replace(
        request, configs=(cfg,),
        schedule=replace(request.schedule, days=None, gpus=gpus),
        facility=replace(request.facility, cooling=cooling, rack_kw=rack_kw),  # type: ignore[arg-type]
        finance=replace(request.finance, hosting=hosting),  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class Bill:
    hardware: float
    services: float
    spread: float
    foreign: float


@dataclass(frozen=True)
class Priced:
    """Part of a bill priced as engine.money.bom.price_lines writes its lines, summed: the
    equipment (what the rated services are a share of), the rest bought, the services, and
    the lines' totals weighted by their price spread and by their foreign share."""

    equipment: float = 0.0
    other: float = 0.0
    services: float = 0.0
    spread: float = 0.0
    foreign: float = 0.0

    def __add__(self, o: Priced) -> Priced:
        return Priced(self.equipment + o.equipment, self.other + o.other,
                      self.services + o.services, self.spread + o.spread,
                      self.foreign + o.foreign)


def quantities(wanted: list[Need]) -> dict[tuple[str, str], int]:
    """Quantities by (category, item), equal items merged as price_lines merges them."""
    qty: dict[tuple[str, str], int] = {}
    for n in wanted:
        qty[(n.category, n.item)] = qty.get((n.category, n.item), 0) + n.qty
    return qty


class Evaluator:
    """Exact designs for one request, each costly step cached on the choices it depends on."""

    def __init__(self, request: PlanRequest, need: ComputeNeed, catalog: Catalog,
                 prices: PriceList, spreads: dict[str, float]) -> None:
        self.request, self.need, self.catalog, self.prices = request, need, catalog, prices
        self.spreads = spreads
        self.currency = request.finance.currency
        self.sized = cache(self._sized)
        self.placed = cache(self._placed)
        self.resolved = cache(self._resolved)
        self.choices = cache(self._choices)
        self.billed = cache(self._billed)
        self.item_risk = cache(self._item_risk)
        self.unit = cache(self._unit)
        self.system_unit = cache(self._system_unit)
        self.powered = cache(self._powered)
        self.lead_resolved = cache(self._lead_resolved)
        self.fabric = cache(self._fabric)
        self.layout = cache(self._layout)
        self.contracted = cache(self._contracted)
        # the rear door's capacity caps an rdhx budget
        self.door = max((u.capacity_kw for u in catalog.cooling.values() if u.kind == "rdhx"),
                        default=0.0)
        self.lead_range = cache(lead_time_range)
        self._bases: dict[tuple[object, ...], Priced] = {}
        self._deltas: dict[tuple[object, ...], Priced] = {}

    def _item_risk(self, item: str) -> tuple[float, float]:
        """A price's ± share from its row's confidence (a row not in the list counts as low),
        and 1 if it is priced in the other currency."""
        entry = self.prices.entries.get(item)
        widest = max(self.spreads.values())
        if entry is None:
            return self.spreads.get("low", widest), 0.0
        abroad = float(entry.currency != self.currency)
        return self.spreads.get(entry.confidence, widest), abroad

    def _unit(self, item: str, rate: float) -> float:
        """A line's unit price as engine.money.bom.price_lines writes it."""
        return round(self.prices.price(item, self.currency, rate), 2)

    def _system_unit(self, cfg_id: str, rate: float) -> float:
        """The configured system's unit price, with its storage and in-band adapter, as
        engine.money.bom.configured_system_line writes it."""
        node_nic = parts()["ethernet"]["node_nic"]
        unit = node_price(self.catalog, self.prices, cfg_id, self.currency, rate)
        return round(unit + self.prices.price(node_nic, self.currency, rate), 2)

    def _choices(self, cooling: str, rack_kw: float, hosting: str) -> PlanRequest:
        """The request with a variant's facility and hosting (the fleet is set where it counts:
        sizing; the later steps read the request's storage, finance and facility only)."""
        return variant_request(self.request, "", 1, cooling, rack_kw, hosting)

    def _resolved(self, cooling: str, rack_kw: float, hosting: str) -> Resolved:
        return resolve(self.choices(cooling, rack_kw, hosting))

    def _lead_resolved(self, cooling: str, rack_kw: float, hosting: str, architecture: str
                       ) -> Resolved:
        return lead_time_for(self.request, self.resolved(cooling, rack_kw, hosting), architecture)

    def _powered(self, cfg_id: str, nodes: int, budget: float, pue: float) -> PowerPlan:
        cfg = self.catalog.configuration(cfg_id)
        sized, placed = self.sized(cfg_id, nodes), self.placed(cfg_id, nodes, budget)
        assert sized is not None and placed is not None
        fabric, layout, planes = placed
        return plan_power(nodes, cfg.typical_power_w, fabric, layout, planes.power_w, pue,
                          sized.sizing.days, self.catalog)

    def _sized(self, cfg_id: str, nodes: int) -> Sized | None:
        cfg = self.catalog.configuration(cfg_id)
        res = replace(self.resolved("air", 20.0, "own"), days=None, fleet_gpus=nodes * cfg.gpu_count)
        sized = size_gpus(cfg, self.catalog.gpus[cfg.gpu], self.need, res,
                          self.request.schedule.precision, self.catalog, self.request.efficiency)
        return sized if isinstance(sized, Sized) and not sized.warnings else None

    def _placed(self, cfg_id: str, nodes: int, rack_kw: float
                ) -> tuple[Any, RackLayout, Planes] | None:
        """Fabric, racks and planes with the racks bought; a site's racks differ only in that
        flag (engine.planning.racks.place), which ``layout`` sets."""
        cfg = self.catalog.configuration(cfg_id)
        server = self.catalog.servers[cfg.server]
        gpus = nodes * cfg.gpu_count
        req = self.choices("air", rack_kw, "own")
        res = self.resolved("air", rack_kw, "own")
        try:
            fp, equipment = self.fabric(cfg_id, nodes, network_rack_kw(rack_kw))
            fabric, layout = place(cfg, server, nodes, fp, equipment, rack_kw, req, res,
                                   self.catalog, keep=False)
        except (RackRefusal, FabricTooLarge):
            return None
        planes = storage_management(equipment, layout, req, res, fabric, gpus, self.catalog)
        return fabric, layout, planes

    def _fabric(self, cfg_id: str, nodes: int, network_kw: float
                ) -> tuple[FabricPlan, Equipment]:
        """The fabric and the storage and management equipment: the rack budget enters them
        only as the network racks' budget (engine.planning.fabric.plan_compute_fabric, whether
        a director chassis fits one), so they are shared by the budgets that give the same."""
        cfg = self.catalog.configuration(cfg_id)
        server = self.catalog.servers[cfg.server]
        req = self.choices("air", network_kw, "own")
        res = self.resolved("air", network_kw, "own")
        nic = self.catalog.network[cfg.compute_nic]
        fp = plan_compute_fabric(cfg, nic.technology, nodes, network_kw, req, res, self.catalog,
                                 self.prices)
        equipment = size_equipment(req, self.need, nodes * cfg.gpu_count, nodes, fp.fabric,
                                   server.vendor, self.catalog)
        return fp, equipment

    def _layout(self, cfg_id: str, nodes: int, rack_kw: float, bought: bool
                ) -> tuple[Any, RackLayout, Planes] | None:
        placed = self.placed(cfg_id, nodes, rack_kw)
        if placed is None or bought:
            return placed
        fabric, layout, planes = placed
        return fabric, replace(layout, bought=False), planes

    def _contracted(self, cfg_id: str, nodes: int, budget: float) -> float:
        """The racks' power: what a colocation contract is billed on."""
        placed = self.placed(cfg_id, nodes, budget)
        assert placed is not None
        return sum(r.power_kw for r in placed[1].racks)

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
            budget = min(budget, self.door)
        res = self.lead_resolved(cooling, rack_kw, hosting, gpu.architecture)
        rate = cloud_rates().get(gpu.id)
        if hosting == "cloud" and rate is None:
            return None
        cloud_rate = rate.rate(self.currency, res.exchange_rate) if rate else 0.0
        placed = self.layout(cfg_id, sizing.nodes, budget, res.buy_racks)
        if placed is None:
            return None
        power = self.powered(cfg_id, sizing.nodes, budget, res.pue)
        # a site that cools (colocation, wholesale) bills the same whatever the cooling kind,
        # unless a UPS is quoted: it is sized on the facility power, which the PUE moves
        billed_cooling = cooling if res.buy_cooling or res.ups else ""
        b = self.billed(cfg_id, nodes, budget, billed_cooling, rack_kw, hosting)
        given = self.request.schedule.lead_time_days is not None
        return Design(
            hardware=b.hardware, services=b.services, facility_kw=power.facility_kw,
            contracted_kw=self.contracted(cfg_id, sizing.nodes, budget), gpus=sizing.gpus,
            days=sizing.days, days_low=sizing.days_low, days_high=sizing.days_high,
            cloud_rate=cloud_rate, lead_time_days=res.lead_time_days,
            spread=b.spread, foreign=b.foreign, efficiency=sizing.efficiency,
            lead=None if given else self.lead_range(gpu.architecture, self.request.finance.market),
            architecture=gpu.architecture,
        )

    def _billed(self, cfg_id: str, nodes: int, budget: float, cooling: str, rack_kw: float,
                hosting: str) -> Bill:
        """Hardware and services subtotals of the bill engine.planning.bill.bill writes for
        these choices, its price spread and foreign share: the lines that do not depend on the
        cooling kind and the hosting priced once per layout, those that do added to them."""
        if hosting == "cloud":  # rented: nothing is bought
            return Bill(0.0, 0.0, 0.0, 0.0)
        kind = cooling or "air"
        res = self.resolved(kind, rack_kw, hosting)
        total = self._base(cfg_id, nodes, budget, res) + self._delta(cfg_id, nodes, budget, kind,
                                                                     hosting, res)
        services, spread, foreign = total.services, total.spread, total.foreign
        for svc in self.catalog.rated_services.values():  # engine.money.services, rated lines
            years = res.warranty_years if svc.per_year else 1
            if years > 0:
                line = years * round(default(svc.rate_key).value * total.equipment, 2)
                share, abroad = self.item_risk(svc.id)
                services += line
                spread += line * share
                foreign += line * abroad
        hardware = total.equipment + total.other
        whole = hardware + services
        return Bill(hardware, services, spread / whole if whole else 0.0,
                    foreign / whole if whole else 0.0)

    def _priced(self, qty: dict[tuple[str, str], int], rate: float) -> Priced:
        equipment = other = services = spread = foreign = 0.0
        for (c, item), q in qty.items():
            if q <= 0:
                continue
            line = q * self.unit(item, rate)
            if c in EQUIPMENT:
                equipment += line
            elif c == "services":
                services += line
            else:
                other += line
            share, abroad = self.item_risk(item)
            spread += line * share
            foreign += line * abroad
        return Priced(equipment, other, services, spread, foreign)

    def _base(self, cfg_id: str, nodes: int, budget: float, res: Resolved) -> Priced:
        """The configured systems and every need but the cooling units, the coolant loop and
        the UPS, priced: they follow from the layout (racks bought or not) and, of the resolved
        request, only the spares share, the warranty years and the exchange rate."""
        key = (cfg_id, nodes, budget, res.buy_racks, res.spares, res.warranty_years,
               res.exchange_rate)
        hit = self._bases.get(key)
        if hit is not None:
            return hit
        if res.buy_racks:  # the site's racks' bill and what buying them adds (rack_needs, racked_needs)
            out = self._base(cfg_id, nodes, budget, replace(res, buy_racks=False)) \
                + self._racked(cfg_id, nodes, budget, res.exchange_rate)
            self._bases[key] = out
            return out
        cfg = self.catalog.configuration(cfg_id)
        sized, placed = self.sized(cfg_id, nodes), self.layout(cfg_id, nodes, budget, False)
        assert sized is not None and placed is not None
        fabric, layout, planes = placed
        wanted = needs(cfg, sized.sizing, fabric, layout, None, res, self.catalog) \
            + list(planes.needs) \
            + site_needs(cfg, sized.sizing, fabric, layout, None, planes, None, res, self.catalog)
        rate = res.exchange_rate
        system = sized.sizing.nodes * self.system_unit(cfg.id, rate)
        share, abroad = self.item_risk(cfg.id)
        out = Priced(equipment=system, spread=system * share, foreign=system * abroad) \
            + self._priced(quantities(wanted), rate)
        self._bases[key] = out
        return out

    def _racked(self, cfg_id: str, nodes: int, budget: float, rate: float) -> Priced:
        """What buying the racks adds to a bill: the racks and PDUs (engine.planning.bill.needs
        writes them only for racks bought), cords, rails and structured cabling (site_needs)."""
        sized, placed = self.sized(cfg_id, nodes), self.layout(cfg_id, nodes, budget, True)
        assert sized is not None and placed is not None
        fabric, layout, planes = placed
        wanted = rack_needs(layout) + racked_needs(sized.sizing, fabric, layout, planes)
        return self._priced(quantities(wanted), rate)

    def _delta(self, cfg_id: str, nodes: int, budget: float, kind: str, hosting: str,
               res: Resolved) -> Priced:
        """The cooling units, the coolant loop and the UPS, priced: what the cooling kind and
        the hosting add to the layout's bill."""
        key = (cfg_id, nodes, budget, res.buy_racks, kind, res.buy_cooling, res.ups, res.pue,
               res.exchange_rate)
        hit = self._deltas.get(key)
        if hit is not None:
            return hit
        placed = self.layout(cfg_id, nodes, budget, res.buy_racks)
        assert placed is not None
        layout = placed[1]
        wanted: list[Need] = []
        if res.buy_cooling:  # cooling units and a coolant loop are needs only when bought
            cool = plan_cooling(kind, layout, self.catalog, hosting, res)
            wanted += cooling_needs(cool) + coolant_loop(cool, layout)
        if res.ups:  # the plant is a need only when a UPS is quoted
            power = self.powered(cfg_id, nodes, budget, res.pue)
            wanted += plant_needs(plant(power.it_max_kw, power.facility_max_kw, res.ups))
        out = self._priced(quantities(wanted), res.exchange_rate)
        self._deltas[key] = out
        return out
