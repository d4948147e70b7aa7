"""The optimiser: variants are plans, the front is non-dominated, the draws are reproducible,
the market's gates hold, and the answer is never dearer than the best plan at the same
confidence."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.compare import compare
from engine.errors import RequestError
from engine.lead_times import LeadRange
from engine.model import HOSTINGS, Finance, PlanRequest, Schedule, Workload
from engine.optimise.exact import variant_request
from engine.optimise.report import result_dict
from engine.optimise.risk import draw, lead_days
from engine.optimise.search import ODDS, PLANS, SEARCH, Stopped, optimise, pareto, variant_table
from engine.optimise.table import COOLINGS

# one configuration per GPU generation the market sells, and the liquid-cooled server
CONFIGS = ("inspur-nf5688m7-h200", "huawei-atlas800t-a2-910b", "lenovo-sr670v2-a800-pcie",
           "lenovo-sr780av3-h100")
REQUEST = PlanRequest(workload=Workload(preset="gpt3-175b"), schedule=Schedule(days=150),
                      configs=CONFIGS)


@pytest.fixture(scope="module")
def result():
    return optimise(REQUEST, confidence=0.8, draws=2_000, objective="tco", seed=7)


@pytest.fixture(scope="module")
def space():
    return variant_table(REQUEST)


def _plan_of(request, config, gpus, cooling, rack_kw, hosting):
    (plan,) = compare(variant_request(request, config, gpus, cooling, rack_kw, hosting)).plans
    return plan


def test_variants_equal_plans_of_the_same_choices(space):
    """A sample over every hosting and cooling kind: capex and TCO to the yuan, calendar days
    to the day (and far below)."""
    t = space.table
    rng = np.random.default_rng(11)
    sample = []
    for h, k in itertools.product(range(len(HOSTINGS)), range(len(COOLINGS))):
        rows = np.flatnonzero((t.hosting == h) & (t.cooling == k))
        sample += [int(i) for i in rng.choice(rows, size=min(2, len(rows)), replace=False)]
    assert len(sample) >= 12
    for i in sample:
        cfg = t.configs[t.config[i]]
        plan = _plan_of(REQUEST, cfg, int(t.gpus[i]), COOLINGS[t.cooling[i]],
                        float(t.rack_kw[i]), HOSTINGS[t.hosting[i]])
        assert plan.feasible and plan.gpus == t.gpus[i]
        assert plan.money is not None
        assert abs(plan.money.capex - t.capex[i]) < 1.0, (cfg, i)
        assert abs(plan.money.tco - t.tco[i]) < 1.0, (cfg, i)
        assert abs(plan.calendar_days - t.calendar_days[i]) < 1e-6


def test_front_and_best_equal_plans(result):
    for v in [*result.front[::4], result.best]:
        plan = _plan_of(REQUEST, v["config"], v["gpus"], v["cooling"], v["rack_kw"], v["hosting"])
        assert plan.money is not None
        assert abs(plan.money.tco - v["tco"]) < 1.0 and abs(plan.money.capex - v["capex"]) < 1.0
        assert abs(plan.calendar_days - v["days"]) < 1e-6
        assert plan.lead_time_days == v["lead_time_days"]


def test_the_space_is_the_whole_design_space(space):
    t = space.table
    assert {HOSTINGS[h] for h in set(t.hosting.tolist())} == set(HOSTINGS)
    assert {COOLINGS[k] for k in set(t.cooling.tolist())} == set(COOLINGS)
    # the liquid-cooled server only with its loop, the air-cooled ones never with one
    liquid = t.configs.index("lenovo-sr780av3-h100")
    assert set(t.cooling[t.config == liquid].tolist()) == {COOLINGS.index("liquid")}
    assert COOLINGS.index("liquid") not in set(t.cooling[t.config != liquid].tolist())
    # each configuration's fleet reaches its own plan's and about half as much again
    for p in space.plans:
        n = t.nodes[t.config == t.configs.index(p.config)]
        assert p.nodes in n and n.max() >= p.nodes * 1.45


def test_front_is_non_dominated(result):
    pts = [(v["tco"], v["days_quantile"]) for v in result.front]
    assert len(pts) >= 2
    for a in pts:
        for b in pts:
            dominated = b[0] <= a[0] and b[1] <= a[1] and (b[0] < a[0] or b[1] < a[1])
            assert not dominated, (a, b)


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), min_size=1, max_size=40))
def test_pareto_matches_brute_force(points):
    cost = np.array([p[0] for p in points], dtype=float)
    days = np.array([p[1] for p in points], dtype=float)
    front = set(pareto(cost, days).tolist())
    for i, (c, d) in enumerate(points):
        beaten = any(c2 <= c and d2 <= d and (c2 < c or d2 < d) for c2, d2 in points)
        if beaten:
            assert i not in front
    # every undominated point is represented (ties: one of equal points)
    kept = {points[i] for i in front}
    for c, d in points:
        if not any(c2 <= c and d2 <= d and (c2 < c or d2 < d) for c2, d2 in points):
            assert (c, d) in kept


def test_draws_are_reproducible_with_the_seed(result):
    again = optimise(REQUEST, confidence=0.8, draws=2_000, objective="tco", seed=7)
    assert again.front == result.front and again.best == result.best and again.seed == 7
    assert again.best_days_quantiles == result.best_days_quantiles
    other = optimise(REQUEST, confidence=0.8, draws=2_000, objective="tco", seed=8)
    assert [v["p_meets"] for v in other.front] != [v["p_meets"] for v in result.front]


def test_best_never_dearer_than_the_best_plan_at_the_same_confidence(result):
    assert result.best is not None and result.best["p_meets"] >= 0.8
    own = result.best_plan
    assert own is not None and own["meets_confidence"] and own["p_meets"] >= 0.8
    # the plan compared against is the request's own plan, priced by plan itself
    plans = {p.config: p for p in compare(REQUEST).plans if p.feasible}
    assert abs(plans[own["config"]].money.tco - own["tco"]) < 1.0
    assert own["gpus"] == plans[own["config"]].gpus
    assert result.best["tco"] <= own["tco"]


def test_the_market_gates_leave_blocked_gpus_out():
    # mid-2025 in China: the A800, H800, H200 and H20 need a licence presumed denied
    req = PlanRequest(workload=Workload(preset="gpt3-175b"), schedule=Schedule(days=150),
                      finance=Finance(purchase_date="2025-06-01"))
    space = variant_table(req)
    out = dict(space.left_out)
    assert "inspur-nf5688m7-h200" in out and out["inspur-nf5688m7-h200"].startswith("blocked")
    searched = set(space.table.configs)
    assert searched and not searched & set(out)
    for p in space.plans:
        assert p.availability is None or p.availability.group != "blocked"
    assert "huawei-atlas800t-a2-910b" in searched


def test_every_variant_in_the_front_has_its_odds(result):
    for v in result.front:
        assert v["days_p10"] <= v["days_p50"] <= v["days_p90"]
        assert v["capex_p10"] <= v["capex_p50"] <= v["capex_p90"]
        assert 0.0 <= v["p_meets"] <= 1.0
        assert v["market"] in ("clear", "conditional", "unsure", "blocked")
    assert result.variants_evaluated > len(result.front)


def test_best_days_quantiles_are_the_best_variants_draws(result):
    q = result.best_days_quantiles
    assert result.best is not None and len(q) == 101
    assert all(a <= b for a, b in itertools.pairwise(q))
    # P10/P50/P90 of the same draws, read off the same curve
    assert q[10] == pytest.approx(result.best["days_p10"])
    assert q[50] == pytest.approx(result.best["days_p50"])
    assert q[90] == pytest.approx(result.best["days_p90"])
    # the share of draws at or under the deadline sits between the curve's neighbours
    below = sum(x <= result.deadline for x in q[1:100]) / 99
    assert abs(below - result.best["p_meets"]) <= 0.02


def test_every_front_variant_has_its_days_curve(result):
    assert len(result.front_days_quantiles) == len(result.front)
    for v, q in zip(result.front, result.front_days_quantiles, strict=True):
        assert len(q) == 101 and all(a <= b for a, b in itertools.pairwise(q))
        assert q[10] == pytest.approx(v["days_p10"]) and q[90] == pytest.approx(v["days_p90"])
        assert q[50] == pytest.approx(v["days_p50"])
    # the curve is of the variant's fleet: the best's, where the front holds the best's fleet
    b = result.best
    same = [q for v, q in zip(result.front, result.front_days_quantiles, strict=True)
            if (v["config"], v["gpus"]) == (b["config"], b["gpus"])]
    assert same and all(q == result.best_days_quantiles for q in same)
    out = result_dict(result)
    assert [f["days_quantiles"] for f in out["front"]] == [list(q) for q in
                                                           result.front_days_quantiles]
    assert "front_days_quantiles" not in out
    assert list(out["best"]["days_quantiles"]) == list(result.best_days_quantiles)


def test_progress_rises_in_small_steps_to_one():
    seen: list[float] = []
    optimise(REQUEST, confidence=0.8, draws=1_000, seed=7, progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert all(a <= b for a, b in itertools.pairwise(seen))
    search = [x for x in seen if PLANS <= x <= SEARCH]
    assert search[0] == PLANS and search[-1] == SEARCH
    assert max(b - a for a, b in itertools.pairwise(search)) <= 0.02
    assert any(SEARCH < x < ODDS for x in seen)  # told during the draws too


def test_a_stopped_search_raises_and_keeps_nothing(result):
    seen: list[float] = []
    with pytest.raises(Stopped):
        optimise(REQUEST, confidence=0.8, draws=2_000, objective="tco", seed=7,
                 progress=seen.append, should_stop=lambda: bool(seen) and seen[-1] >= 0.3)
    assert 0.3 <= seen[-1] < SEARCH  # stopped in the variant search, at the next step
    again = optimise(REQUEST, confidence=0.8, draws=2_000, objective="tco", seed=7)
    assert again == result


@given(st.floats(0, 200), st.floats(0, 200), st.floats(0, 200), st.floats(0, 60),
       st.lists(st.floats(0, 1), min_size=2, max_size=50))
def test_lead_days_stay_in_their_range_and_rise_with_the_draw(a, b, c, install, u):
    low, mode, high = sorted((a, b, c))
    lead = LeadRange(low, mode, high, install, "")
    days = lead_days(lead, 0.0, np.sort(np.array(u)))
    assert np.all(days >= low + install - 1e-9) and np.all(days <= high + install + 1e-9)
    assert np.all(np.diff(days) >= -1e-9)


@given(st.integers(0, 2**32 - 1), st.integers(2, 300))
def test_the_draws_are_a_function_of_the_seed(seed, n):
    a, b = draw(n, seed), draw(n, seed)
    for field in ("u_efficiency", "u_delivery", "price", "exchange_rate"):
        assert np.array_equal(getattr(a, field), getattr(b, field))
    assert np.all((a.price >= -1) & (a.price <= 1)) and len(a) == n


def test_a_quoted_lead_time_is_not_drawn():
    assert np.all(lead_days(None, 45.0, np.array([0.0, 0.5, 1.0])) == 45.0)


@pytest.mark.parametrize(("field", "kwargs"), [
    ("confidence", {"confidence": 1.0}), ("draws", {"draws": 10}),
])
def test_bad_input_names_the_field(field, kwargs):
    with pytest.raises(RequestError) as exc:
        optimise(REQUEST, **kwargs)
    assert exc.value.field == field


def test_the_command_answers_in_json(capsys, tmp_path):
    from engine.cli import main

    saved = tmp_path / "best.cqplan"
    named = [a for c in CONFIGS for a in ("--config", c)]
    code = main(["optimise", "--preset", "gpt3-175b", "--days", "150", "--draws", "1000",
                 "--seed", "5", "--format", "json", "--save", str(saved), *named])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["seed"] == 5 and out["draws"] == 1000 and out["variants_evaluated"] > 100
    best = out["best"]
    for key in ("config", "gpus", "cooling", "rack_kw", "hosting", "capex", "tco", "days_p50",
                "days_p90", "p_meets"):
        assert key in best
    assert len(best["days_quantiles"]) == 101 and "best_days_quantiles" not in out
    assert best["days_quantiles"][50] == pytest.approx(best["days_p50"])
    assert saved.exists()
    assert main(["plan", str(saved), "--format", "json"]) == 0
    (plan,) = json.loads(capsys.readouterr().out)["plans"]
    assert plan["gpus"] == best["gpus"] and abs(plan["tco"] - best["tco"]) < 1.0
    # and quoted like any plan
    assert main(["quote", str(saved), "--out", str(tmp_path / "best.xlsx")]) == 0
    assert (tmp_path / "best.xlsx").exists()


@pytest.mark.parametrize(("args", "flag"), [
    (["--days", "150", "--confidence", "1.5"], "--confidence"),
    (["--days", "150", "--draws", "5"], "--draws"),
    (["--gpus", "512"], "--days"),
])
def test_bad_input_exits_2_naming_the_flag(capsys, args, flag):
    from engine.cli import main

    assert main(["optimise", "--preset", "gpt3-175b", *args]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and flag in err and "Traceback" not in err
