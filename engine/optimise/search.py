"""The answer: the Pareto front of cost against the asked quantile of calendar days, and the
cheapest variant that meets the deadline with the asked confidence."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Literal

import numpy as np

from engine.bounds import check
from engine.catalog import Catalog, load_catalog
from engine.compare import compare
from engine.errors import RequestError
from engine.errors import allowed as allowed_text  # the catalogue's 'what is allowed'
from engine.model import HOSTINGS, Plan, PlanRequest
from engine.money.prices import PriceList, load_price_list
from engine.optimise.exact import Evaluator
from engine.optimise.risk import (
    Draws,
    draw,
    efficiency_ratio,
    lead_days,
    money_draws,
    quantiles,
    spread_key,
)
from engine.optimise.table import (
    COOLINGS,
    Axes,
    Table,
    build_table,
    deadline_nodes,
    node_steps,
    rack_budgets,
    settings,
)
from engine.resolve import Resolved, resolve

Objective = Literal["capex", "tco"]


class Stopped(Exception):
    """The caller asked the search to stop (``should_stop``) before it finished; nothing of it
    is kept."""


class Ticker:
    """Tells the caller the share of the work done (0..1, never going back) and stops the search
    when the caller asks. Each stage reports its own share, mapped into its slice of 0..1."""

    def __init__(self, progress: Callable[[float], None] | None,
                 should_stop: Callable[[], bool] | None) -> None:
        self.progress, self.should_stop = progress, should_stop
        self.done = 0.0

    def stage(self, start: float, end: float) -> Callable[[float], None]:
        def tick(share: float) -> None:
            self(start + (end - start) * min(max(share, 0.0), 1.0))
        return tick

    def finish(self) -> None:
        """The work is done: 1, whatever the caller now asks."""
        if self.progress is not None:
            self.done = 1.0
            self.progress(1.0)

    def __call__(self, done: float) -> None:
        if self.should_stop is not None and self.should_stop():
            raise Stopped("the search was stopped before it finished")
        if self.progress is not None and done >= self.done:
            self.done = done
            self.progress(done)


# the slices of 0..1 each stage reports in (by the time each takes)
PLANS, SEARCH, ODDS = 0.05, 0.85, 0.95


def pareto(cost: np.ndarray, days: np.ndarray) -> np.ndarray:
    """Indices of the non-dominated rows (no other row is as cheap and as quick, and better in
    one), cheapest first."""
    order = np.lexsort((days, cost))
    front: list[int] = []
    best_days = math.inf
    for i in order:
        if days[i] < best_days:
            front.append(int(i))
            best_days = days[i]
    return np.array(front, dtype=np.int64)


@dataclass(frozen=True)
class Odds:
    """The calendar-day draws of each (configuration, servers) group."""

    p_meets: np.ndarray  # per table row
    days_q: np.ndarray  # per row: the asked quantile of calendar days
    group: np.ndarray  # per row: index into days
    days: np.ndarray  # groups × draws


def odds(table: Table, draws: Draws, deadline: float, confidence: float,
         tick: Callable[[float], None] | None = None) -> Odds:
    """Calendar days per draw of each (configuration, servers) group: its lead time draws plus
    its expected training days times the ratio draws of its team profile, each drawn once.
    ``tick`` is told the share of the groups drawn so far."""
    keys = table.config.astype(np.int64) * 1_000_000 + table.nodes
    uniq, first, group = np.unique(keys, return_index=True, return_inverse=True)
    days = np.empty((len(uniq), len(draws)))
    ratios: dict[tuple[object, ...], np.ndarray] = {}
    leads: dict[tuple[object, ...], np.ndarray] = {}
    for g, row in enumerate(first):
        if tick is not None:
            tick(g / len(first))
        design = table.design[row]
        k = spread_key(design.efficiency)
        if k not in ratios:
            ratios[k] = efficiency_ratio(design.efficiency, draws.u_efficiency)
        lk = (design.lead, design.lead_time_days)
        if lk not in leads:
            leads[lk] = lead_days(design.lead, design.lead_time_days, draws.u_delivery)
        np.multiply(ratios[k], design.days, out=days[g])
        days[g] += leads[lk]
    meets = (days <= deadline).mean(axis=1)
    q = np.quantile(days, confidence, axis=1)
    return Odds(p_meets=meets[group], days_q=q[group], group=group, days=days)


def _variant(table: Table, o: Odds, i: int, draws: Draws, rate: float, currency: str,
             markets: dict[str, str]) -> dict[str, Any]:
    design = table.design[i]
    capex_d, tco_d = money_draws(float(table.capex[i]), float(table.tco[i]), design, draws, rate,
                                 currency)
    d10, d50, d90 = quantiles(o.days[o.group[i]])
    c10, c50, c90 = quantiles(capex_d)
    t10, t50, t90 = quantiles(tco_d)
    return {
        "config": table.configs[table.config[i]], "gpus": int(table.gpus[i]),
        "nodes": int(table.nodes[i]), "cooling": COOLINGS[table.cooling[i]],
        "rack_kw": float(table.rack_kw[i]), "hosting": HOSTINGS[table.hosting[i]],
        "capex": float(table.capex[i]), "tco": float(table.tco[i]),
        "days": float(table.calendar_days[i]), "days_quantile": float(o.days_q[i]),
        "days_p10": d10, "days_p50": d50, "days_p90": d90,
        "capex_p10": c10, "capex_p50": c50, "capex_p90": c90,
        "tco_p10": t10, "tco_p50": t50, "tco_p90": t90,
        "p_meets": float(o.p_meets[i]),
        "market": markets.get(table.configs[table.config[i]], "unsure"),
        "lead_time_days": float(design.lead_time_days),
    }


@dataclass(frozen=True)
class Result:
    variants_evaluated: int
    draws: int
    seed: int
    confidence: float
    objective: Objective
    deadline: float
    currency: str
    front: tuple[dict[str, Any], ...]
    best: dict[str, Any] | None
    best_plan: dict[str, Any] | None  # the cheapest single plan meeting the same confidence
    left_out: tuple[tuple[str, str], ...]  # (configuration, market status) not searched
    # calendar days of the best variant at P0, P1, ..., P100 of its draws (empty without a best)
    best_days_quantiles: tuple[float, ...] = ()
    # the same curve for each variant of the front, in the front's order
    front_days_quantiles: tuple[tuple[float, ...], ...] = ()


def market_group(plan: Plan) -> str:
    """The worse of the market's two gates (STATUS_GROUPS); no record: unsure."""
    return plan.availability.group if plan.availability else "unsure"


def market_words(plan: Plan) -> str:
    a = plan.availability
    if a is None:
        return "unsure: no market record"
    return f"{a.group}: export {a.export_status}, import {a.import_status} ({a.market}, {a.as_of})"


def allowed(plans: tuple[Plan, ...], named: bool) -> tuple[tuple[Plan, ...], tuple[tuple[str, str], ...]]:
    """Feasible plans the market lets the buyer have, clearly or with a caveat (conditional,
    unsure); a blocked GPU (a licence presumed denied, or the import restricted) only when
    the request names configurations, and then the variants say so."""
    keep, out = [], []
    for p in plans:
        if not p.feasible:
            continue
        if market_group(p) == "blocked" and not named:
            out.append((p.config, market_words(p)))
        else:
            keep.append(p)
    return tuple(keep), tuple(out)


COOLING_REFUSALS = ("liquid-needs-loop", "cooling-kind")


def with_its_cooling(request: PlanRequest, plans: tuple[Plan, ...], catalog: Catalog,
                     prices: PriceList) -> tuple[Plan, ...]:
    """The plans, where one is refused only for the request's cooling kind (a liquid-cooled
    server without a loop, an air-cooled one with only a loop) planned with the server's own:
    cooling is one of the choices searched."""
    out = []
    for p in plans:
        if p.feasible or not p.refusals or p.refusals[0].code not in COOLING_REFUSALS:
            out.append(p)
            continue
        server = catalog.servers[catalog.configuration(p.config).server]
        kind = "liquid" if server.cooling == "liquid" else "air"
        other = replace(request, configs=(p.config,),
                        facility=replace(request.facility, cooling=kind))  # type: ignore[arg-type]
        out.append(compare(other, catalog=catalog, price_list=prices).plans[0])
    return tuple(out)


@dataclass(frozen=True)
class Space:
    """The searched variants, the plans they grew from and what the market left out."""

    table: Table
    plans: tuple[Plan, ...]
    left_out: tuple[tuple[str, str], ...]
    resolved: Resolved


def variant_table(request: PlanRequest, catalog: Catalog | None = None,
                  prices: PriceList | None = None, ticker: Ticker | None = None) -> Space:
    """Every variant of the request the market allows, priced and timed as a plan."""
    ticker = ticker or Ticker(None, None)
    ticker(0.0)
    catalog = catalog or load_catalog()
    prices = prices or load_price_list()
    comparison = compare(request, catalog=catalog, price_list=prices)
    ticker(PLANS / 2)
    plans, left_out = allowed(with_its_cooling(request, comparison.plans, catalog, prices),
                              bool(request.configs))
    ticker(PLANS)
    if not any(p.feasible for p in comparison.plans):
        refused = comparison.plans[0]
        raise RequestError("schedule.days", request.schedule.days, allowed_text(
            "allowed.optimise-none-runs", config=refused.config,
            reason=refused.refusals[0].render("en"), reason_zh=refused.refusals[0].render("zh")))
    if not plans:
        raise RequestError("configs", ", ".join(c for c, _ in left_out) or "none",
                           allowed_text("allowed.optimise-none-allowed"))
    res = resolve(request)
    spreads = {k: float(v) for k, v in settings()["risk"]["price_spread"].items()}
    ev = Evaluator(request, comparison.compute, catalog, prices, spreads)
    steps = int(settings()["space"]["node_steps"]["value"])
    nodes: dict[str, tuple[int, ...]] = {}
    for p in plans:
        gpn = p.gpus_per_node
        low, high = deadline_nodes(p.nodes, math.ceil(p.memory_floor_gpus / gpn))
        nodes[p.config] = node_steps(max(low, 1), high, steps, must=(p.nodes,))
    archs: set[str] = {catalog.gpus[p.gpu].architecture for p in plans}
    axes = Axes(configs=tuple(p.config for p in plans), nodes=nodes,
                rack_kw={k: rack_budgets(request, k, archs) for k in COOLINGS},
                hostings=HOSTINGS)
    table = build_table(ev, axes, res, ticker.stage(PLANS, SEARCH))
    if not len(table):
        raise RequestError("configs", ", ".join(axes.configs),
                           allowed_text("allowed.optimise-no-variant"))
    return Space(table, plans, left_out, res)


def optimise(request: PlanRequest, *, confidence: float = 0.9, draws: int = 10_000,
             objective: Objective = "tco", seed: int = 0, catalog: Catalog | None = None,
             prices: PriceList | None = None,
             progress: Callable[[float], None] | None = None,
             should_stop: Callable[[], bool] | None = None) -> Result:
    """The search. ``progress`` is told the share done (0..1, rising, at least every 2% of the
    variant search and during the draws, 1 at the end); when ``should_stop`` answers True the
    search raises Stopped."""
    if request.schedule.days is None:
        raise RequestError("schedule.days", None, allowed_text("allowed.optimise-needs-deadline"))
    check("confidence", confidence, "optimise.confidence")
    check("draws", draws, "optimise.draws")
    if request.overrides:
        line = request.overrides[0]
        raise RequestError("overrides", f"{line.config}:{line.item}",
                           allowed_text("allowed.optimise-no-overrides"))
    ticker = Ticker(progress, should_stop)
    space = variant_table(request, catalog, prices, ticker)
    table, plans, res = space.table, space.plans, space.resolved
    d = draw(draws, seed)
    o = odds(table, d, request.schedule.days, confidence, ticker.stage(SEARCH, ODDS))
    markets = {p.config: market_group(p) for p in plans}
    cost = table.capex if objective == "capex" else table.tco
    currency = request.finance.currency
    front = pareto(cost, o.days_q)
    ok = np.flatnonzero(o.p_meets >= confidence)
    best = int(ok[np.argmin(cost[ok])]) if len(ok) else None
    tick = ticker.stage(ODDS, 1.0)
    variants = []
    for k, i in enumerate(front):
        tick(k / len(front))
        variants.append(_variant(table, o, int(i), d, res.exchange_rate, currency, markets))
    front_q = tuple(days_quantiles(o.days[o.group[i]]) for i in front)
    result = Result(
        variants_evaluated=len(table), draws=draws, seed=seed, confidence=confidence,
        objective=objective, deadline=float(request.schedule.days), currency=currency,
        front=tuple(variants),
        best=None if best is None else _variant(table, o, best, d, res.exchange_rate, currency,
                                                   markets),
        best_plan=best_plan(plans, table, o, cost, confidence, request),
        left_out=space.left_out,
        best_days_quantiles=() if best is None else days_quantiles(o.days[o.group[best]]),
        front_days_quantiles=front_q,
    )
    ticker.finish()
    return result


def days_quantiles(days: np.ndarray) -> tuple[float, ...]:
    """P0..P100 of a variant's calendar-day draws: the curve a risk chart is drawn from."""
    return tuple(float(x) for x in np.quantile(days, np.linspace(0.0, 1.0, 101)))


def best_plan(plans: tuple[Plan, ...], table: Table, o: Odds, cost: np.ndarray,
              confidence: float, request: PlanRequest) -> dict[str, Any] | None:
    """The request's own plans (its cooling, budget and hosting; the training days sized for
    the request's confidence with the lead time as planned), as found in the table: the
    cheapest whose drawn calendar meets the deadline with the asked confidence, else the
    likeliest to meet it (``meets_confidence`` says which). A plan refused for the request's
    cooling kind has no row here."""
    found: list[tuple[float, float, dict[str, Any]]] = []
    for p in plans:
        if p.racks is None:
            continue
        ci = table.configs.index(p.config)
        rows = np.flatnonzero(
            (table.config == ci) & (table.nodes == p.nodes)
            & (table.cooling == COOLINGS.index(request.facility.cooling))
            & (table.rack_kw == p.racks.budget_kw) & (table.hosting == HOSTINGS.index(
                request.finance.hosting)))
        for i in rows:
            found.append((float(cost[i]), float(o.p_meets[i]), {
                "config": p.config, "gpus": p.gpus, "capex": float(table.capex[i]),
                "tco": float(table.tco[i]), "p_meets": float(o.p_meets[i]),
                "meets_confidence": bool(o.p_meets[i] >= confidence),
                "cooling": request.facility.cooling, "rack_kw": float(table.rack_kw[i]),
                "hosting": request.finance.hosting, "days_quantile": float(o.days_q[i])}))
    meeting = [f for f in found if f[2]["meets_confidence"]]
    if meeting:
        return min(meeting, key=lambda f: f[0])[2]
    return max(found, key=lambda f: (f[1], -f[0]))[2] if found else None
