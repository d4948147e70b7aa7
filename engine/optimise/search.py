"""The answer: the Pareto front of cost against the asked quantile of calendar days, and the
cheapest variant that meets the deadline with the asked confidence."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from engine.bounds import check
from engine.catalog import Catalog, load_catalog
from engine.compare import compare
from engine.errors import RequestError
from engine.model import HOSTINGS, Plan, PlanRequest
from engine.money.prices import PriceList, load_price_list
from engine.optimise.exact import Evaluator
from engine.optimise.risk import Draws, calendar_days, draw, money_draws, quantiles, slip_days
from engine.optimise.table import (
    COOLINGS,
    STOPPED,
    Axes,
    Table,
    build_table,
    deadline_nodes,
    node_steps,
    rack_budgets,
    settings,
)
from engine.resolve import resolve

Objective = Literal["capex", "tco"]


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


def odds(table: Table, catalog: Catalog, draws: Draws, deadline: float, confidence: float
         ) -> Odds:
    keys = table.config.astype(np.int64) * 1_000_000 + table.nodes
    uniq, first, group = np.unique(keys, return_index=True, return_inverse=True)
    days = np.empty((len(uniq), len(draws)))
    for g, row in enumerate(first):
        design = table.design[row]
        arch = catalog.gpus[catalog.configuration(table.configs[table.config[row]]).gpu].architecture
        days[g] = calendar_days(design, draws, slip_days(arch))
    meets = (days <= deadline).mean(axis=1)
    q = np.quantile(days, confidence, axis=1)
    return Odds(p_meets=meets[group], days_q=q[group], group=group, days=days)


def _variant(table: Table, o: Odds, i: int, draws: Draws, rate: float, currency: str
             ) -> dict[str, Any]:
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


def allowed(plans: tuple[Plan, ...], named: bool) -> tuple[tuple[Plan, ...], tuple[tuple[str, str], ...]]:
    """Feasible plans the market lets the buyer have; a stopped GPU only when named by the
    request, and then the result says so."""
    keep, out = [], []
    for p in plans:
        status = p.availability.status if p.availability else "unknown"
        if not p.feasible:
            continue
        if status == STOPPED and not named:
            out.append((p.config, status))
        else:
            keep.append(p)
    return tuple(keep), tuple(out)


def optimise(request: PlanRequest, *, confidence: float = 0.9, draws: int = 10_000,
             objective: Objective = "tco", seed: int = 0, catalog: Catalog | None = None,
             prices: PriceList | None = None) -> Result:
    if request.schedule.days is None:
        raise RequestError("schedule.days", None, "the optimiser needs a deadline in days")
    check("confidence", confidence, "optimise.confidence")
    check("draws", draws, "optimise.draws")
    if request.overrides:
        line = request.overrides[0]
        raise RequestError("overrides", f"{line.config}:{line.item}",
                           "line overrides apply to one plan; optimise the request without them")
    catalog = catalog or load_catalog()
    prices = prices or load_price_list()
    comparison = compare(request, catalog=catalog, price_list=prices)
    plans, left_out = allowed(comparison.plans, bool(request.configs))
    if not any(p.feasible for p in comparison.plans):
        refused = comparison.plans[0]
        raise RequestError("schedule.days", request.schedule.days,
                           f"no configuration can run this workload (e.g. {refused.config}: "
                           f"{refused.refusals[0].text})")
    if not plans:
        raise RequestError("configs", ", ".join(c for c, _ in left_out) or "none",
                           "no configuration the market allows can run this workload; "
                           "name one with --config to search it anyway")
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
    table = build_table(ev, axes, res)
    if not len(table):
        raise RequestError("configs", ", ".join(axes.configs), "no variant could be planned")
    d = draw(draws, seed)
    o = odds(table, catalog, d, request.schedule.days, confidence)
    cost = table.capex if objective == "capex" else table.tco
    currency = request.finance.currency
    front = pareto(cost, o.days_q)
    ok = np.flatnonzero(o.p_meets >= confidence)
    best = int(ok[np.argmin(cost[ok])]) if len(ok) else None
    return Result(
        variants_evaluated=len(table), draws=draws, seed=seed, confidence=confidence,
        objective=objective, deadline=float(request.schedule.days), currency=currency,
        front=tuple(_variant(table, o, int(i), d, res.exchange_rate, currency) for i in front),
        best=None if best is None else _variant(table, o, best, d, res.exchange_rate, currency),
        best_plan=best_plan(plans, table, o, cost, confidence, request),
        left_out=left_out,
        best_days_quantiles=() if best is None else days_quantiles(o.days[o.group[best]]),
    )


def days_quantiles(days: np.ndarray) -> tuple[float, ...]:
    """P0..P100 of a variant's calendar-day draws: the curve a risk chart is drawn from."""
    return tuple(float(x) for x in np.quantile(days, np.linspace(0.0, 1.0, 101)))


def best_plan(plans: tuple[Plan, ...], table: Table, o: Odds, cost: np.ndarray,
              confidence: float, request: PlanRequest) -> dict[str, Any] | None:
    """The request's own plans (its cooling, budget and hosting, sized for the deadline at the
    expected efficiency), as found in the table: the cheapest that meets the deadline with the
    asked confidence, else the likeliest to meet it (``meets_confidence`` says which)."""
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
                "meets_confidence": bool(o.p_meets[i] >= confidence)}))
    meeting = [f for f in found if f[2]["meets_confidence"]]
    if meeting:
        return min(meeting, key=lambda f: f[0])[2]
    return max(found, key=lambda f: (f[1], -f[0]))[2] if found else None
