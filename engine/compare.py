"""Step 8: one request across server configurations, with a recommendation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from engine.bounds import check_request
from engine.catalog import Catalog, CatalogError, load_catalog
from engine.compute.workload import compute_need
from engine.errors import RequestError, allowed
from engine.model import STATUS_GROUPS, Comparison, Message, Plan, PlanRequest, Recommendation
from engine.money.availability import buyer, market_status
from engine.money.overrides import check_overrides
from engine.money.prices import PriceList, load_price_list
from engine.naming import titles
from engine.planning.plan import plan_configuration
from engine.resolve import resolve

Progress = Callable[[int, int], None]


VENDOR_ORDER = ("Lenovo", "Inspur")  # the pair compared first; any other vendor follows
SCOPE_NAMED = 4  # the caveats name the configurations in scope up to this many


def default_configs(catalog: Catalog) -> tuple[str, ...]:
    """Every configuration in the catalog: Lenovo's, then Inspur's, then other vendors'."""
    def order(vendor: str) -> tuple[int, str]:
        return (VENDOR_ORDER.index(vendor) if vendor in VENDOR_ORDER else len(VENDOR_ORDER), vendor)

    chosen = sorted(catalog.configurations.values(),
                    key=lambda c: (order(catalog.servers[c.server].vendor), c.id))
    return tuple(c.id for c in chosen)


def recommend(plans: tuple[Plan, ...], deadline: float | None, *,
              catalog: Catalog | None = None) -> Recommendation:
    """Titles chosen among the most buyable group only, so each is true within its scope.

    Groups (by the two market gates, best first): clear, conditional, unsure, blocked. A
    blocked GPU is left out while any other can be bought; a scope of one configuration is
    named, not ranked; the best of every group is given beside it.
    """
    ok = [p for p in plans if p.feasible and p.money is not None]
    groups: dict[str, list[Plan]] = {g: [] for g in STATUS_GROUPS}
    for p in ok:
        groups[p.availability.group if p.availability else "unsure"].append(p)
    open_groups = [g for g in STATUS_GROUPS if groups[g] and g != "blocked"]
    scope_group = open_groups[0] if open_groups else ("blocked" if groups["blocked"] else "")
    scope = groups.get(scope_group, [])
    skipped: tuple[tuple[str, str], ...] = ()
    note = ""
    if groups["blocked"] and scope_group != "blocked":
        skipped = tuple((p.config, _restriction(p)) for p in groups["blocked"])
    elif scope_group == "blocked":
        note = ("every configuration needs an export licence in this market: the recommendation "
                "is among them and holds only if the vendor can deliver")

    def best(candidates: list[Plan], key: Callable[[Plan], float]) -> str | None:
        return min(candidates, key=key).config if candidates else None

    def capex(p: Plan) -> float:
        return p.money.capex if p.money else 0.0

    def tco(p: Plan) -> float:
        return p.money.tco if p.money else 0.0

    ranked = len(scope) > 1
    meeting = [p for p in scope if deadline is None or p.meets_deadline]
    messages = _caveats(ok, groups, scope_group, scope, deadline, catalog)
    return Recommendation(
        cheapest_meeting_deadline=best(meeting, capex) if ranked else None,
        fastest=best(scope, lambda p: p.days) if ranked else None,
        lowest_tco=best(scope, tco) if ranked else None,
        skipped=skipped, note=note,
        scope=tuple(p.config for p in scope), scope_group=scope_group,
        only=scope[0].config if len(scope) == 1 else None,
        best_by_group=tuple((g, best(groups[g], tco) or "") for g in STATUS_GROUPS if groups[g]),
        caveats=tuple(m.text for m in messages), caveat_messages=tuple(messages),
    )



def _caveats(ok: list[Plan], groups: dict[str, list[Plan]], scope_group: str, scope: list[Plan],
             deadline: float | None, catalog: Catalog | None) -> list[Message]:
    """What the titles rest on, as sentences: the scope, what is out of it and why."""
    if not ok:
        return []
    status = next((p.availability for p in ok if p.availability), None)
    market, as_of = (status.market, status.as_of) if status else ("", "")
    # a scope of a few is named here; a longer one by its group and count (JSON: scope)
    en, zh = titles(ok, "en"), titles(ok, "zh")  # named as buyers name them, never by id

    def named(plans: list[Plan]) -> dict[str, str]:
        return {"configs": ", ".join(en[p.config] for p in plans),
                "configs_zh": "、".join(zh[p.config] for p in plans)}

    def one(plan: Plan) -> dict[str, str]:
        return {"config": en[plan.config], "config_zh": zh[plan.config]}

    few = named(scope) if len(scope) <= SCOPE_NAMED else {"configs": "none", "configs_zh": "none"}
    out: list[Message] = []
    if scope_group == "clear":
        out.append(Message.of("rec-scope-clear", market=market, as_of=as_of, **few))
    else:
        out.append(Message.of("rec-nothing-clear", market=market, as_of=as_of, group=scope_group,
                              count=len(scope), **few))
    if len(scope) == 1:
        out.append(Message.of("rec-only-one", group=scope_group, **one(scope[0])))
    for group in STATUS_GROUPS:
        if group != scope_group and groups[group]:
            top = min(groups[group], key=lambda p: p.money.tco if p.money else 0.0)
            out.append(Message.of("rec-best-of-group", group=group, **one(top)))
    if deadline is not None and scope and not any(p.meets_deadline for p in scope):
        out.append(Message.of("rec-none-meets"))
    published = [p for p in ok if p.efficiency is not None and p.efficiency.factors
                 and p.efficiency.factors[0][0] in ("published MFU", "uncalibrated MFU")]
    if published:
        out.append(Message.of("rec-stated-mfu", **named(published)))
    if catalog is not None:
        missing = [p for p in ok if p.config in catalog.configurations
                   and catalog.configurations[p.config].price_missing]
        if missing:
            out.append(Message.of("rec-price-missing", **named(missing)))
    return out


def _mark_user_entered(plan: Plan, catalog: Catalog) -> Plan:
    """A plan built on records a user entered says so, first among its warnings."""
    cfg = catalog.configurations.get(plan.config)
    if cfg is None:
        return plan
    records = (cfg, catalog.servers.get(cfg.server), catalog.gpus.get(cfg.gpu),
               catalog.network.get(cfg.compute_nic))
    entered = [r.id for r in records if r is not None and r.user_entered]
    if not entered:
        return plan
    return replace(plan, warnings=(Message.of("user-entered", items=", ".join(entered)),
                                   *plan.warnings))


def _restriction(plan: Plan) -> str:
    status = plan.availability
    assert status is not None
    if status.export_status != "licence-required":
        return (f"{plan.gpu_name} is restricted on import in {status.market} "
                f"(since {status.import_since}; as of {status.as_of})")
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
            raise RequestError("configs", cfg, allowed(
                "allowed.known-configs", names=", ".join(sorted(catalog.configurations))))
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
        plan = _mark_user_entered(plan, catalog)
        plans.append(plan)
        if progress is not None:
            progress(done + 1, len(configs))
    plans_t = tuple(plans)
    return Comparison(request=request, compute=need, plans=plans_t,
                      recommendation=recommend(plans_t, request.schedule.days, catalog=catalog),
                      price_list=prices.name, price_list_about=prices.about)
