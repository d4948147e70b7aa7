"""Step 8: one request across server configurations, with a recommendation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from engine.bounds import check_request
from engine.catalog import Catalog, CatalogError, load_catalog
from engine.compute.workload import compute_need
from engine.errors import RequestError
from engine.model import Comparison, Plan, PlanRequest, Recommendation
from engine.money.availability import buyer, market_status
from engine.money.overrides import check_overrides
from engine.money.prices import PriceList, load_price_list
from engine.planning.plan import plan_configuration
from engine.resolve import resolve

Progress = Callable[[int, int], None]


def default_configs(catalog: Catalog) -> tuple[str, ...]:
    """Every Lenovo and Inspur configuration in the catalog, Lenovo first."""
    chosen = [c for c in catalog.configurations.values()
              if catalog.servers[c.server].vendor in ("Lenovo", "Inspur")]
    chosen.sort(key=lambda c: (catalog.servers[c.server].vendor != "Lenovo", c.id))
    return tuple(c.id for c in chosen)


def recommend(plans: tuple[Plan, ...], deadline: float | None) -> Recommendation:
    ok = [p for p in plans if p.feasible and p.money is not None]
    restricted = [p for p in ok if p.availability is not None and p.availability.restricted]
    skipped: tuple[tuple[str, str], ...] = ()
    note = ""
    if restricted and len(restricted) < len(ok):
        # a GPU that needs an export licence is not recommended while another can be bought
        skipped = tuple((p.config, _restriction(p)) for p in restricted)
        ok = [p for p in ok if not any(p is r for r in restricted)]  # by identity: plans are large
    elif restricted:
        note = ("every configuration needs an export licence in this market: the recommendation "
                "is among them and holds only if the vendor can deliver")
    meeting = [p for p in ok if deadline is None or p.meets_deadline]

    def best(candidates: list[Plan], key: Callable[[Plan], float]) -> str | None:
        return min(candidates, key=key).config if candidates else None

    return Recommendation(
        cheapest_meeting_deadline=best(meeting, lambda p: p.money.capex if p.money else 0.0),
        fastest=best(ok, lambda p: p.days),
        lowest_tco=best(ok, lambda p: p.money.tco if p.money else 0.0),
        skipped=skipped, note=note,
    )


def _restriction(plan: Plan) -> str:
    status = plan.availability
    assert status is not None
    return (f"{plan.gpu_name} needs an export licence in {status.market} "
            f"(since {status.since}; as of {status.as_of})")


def compare(
    request: PlanRequest, *, catalog: Catalog | None = None, price_list: PriceList | None = None,
    progress: Progress | None = None,
) -> Comparison:
    """Plan ``request`` on each configuration it names (all Lenovo and Inspur ones if none).

    Raises RequestError for a bad request; a configuration that cannot run the
    workload comes back as a Plan with feasible=False and its refusals.
    """
    check_request(request)  # no field out of its bound can reach a figure
    catalog = catalog or load_catalog()
    prices = price_list or load_price_list()
    need = compute_need(request.workload)
    res = resolve(request)
    configs = tuple(dict.fromkeys(request.configs)) or default_configs(catalog)  # drop repeats
    for cfg in configs:
        if cfg not in catalog.configurations:
            raise RequestError("configs", cfg, "known configurations: "
                               + ", ".join(sorted(catalog.configurations)))
    check_overrides(request.overrides, catalog.configurations)
    market, as_of = buyer(request.finance.market, request.finance.purchase_date, dt.date.today())
    plans = []
    for done, cfg in enumerate(configs):
        try:
            plan = plan_configuration(request, cfg, need, res, catalog, prices)
        except CatalogError as exc:
            raise RequestError("configs", cfg, str(exc)) from None
        if plan.availability is None:  # a refused plan still says whether its GPU can be bought
            plan = replace(plan, availability=market_status(catalog, plan.gpu, market, as_of))
        plans.append(plan)
        if progress is not None:
            progress(done + 1, len(configs))
    plans_t = tuple(plans)
    return Comparison(request=request, compute=need, plans=plans_t,
                      recommendation=recommend(plans_t, request.schedule.days),
                      price_list=prices.name, price_list_about=prices.about)
