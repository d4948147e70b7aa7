"""The optimiser: variants are plans, the front is non-dominated, the draws are reproducible,
and the answer is never dearer than the best plan at the same confidence."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.compare import compare
from engine.errors import RequestError
from engine.model import PlanRequest, Schedule, Workload
from engine.optimise.exact import variant_request
from engine.optimise.search import optimise, pareto

REQUEST = PlanRequest(workload=Workload(preset="gpt3-175b"), schedule=Schedule(days=150))


@pytest.fixture(scope="module")
def result():
    return optimise(REQUEST, confidence=0.9, draws=2_000, objective="tco", seed=7)


def test_variants_equal_plans_of_the_same_choices(result):
    rng = np.random.default_rng(11)
    rows = [*result.front, result.best]
    for i in rng.choice(len(rows), size=min(5, len(rows)), replace=False):
        v = rows[int(i)]
        req = variant_request(REQUEST, v["config"], v["gpus"], v["cooling"], v["rack_kw"],
                              v["hosting"])
        (plan,) = compare(req).plans
        assert plan.feasible and plan.gpus == v["gpus"]
        assert abs(plan.money.capex - v["capex"]) < 1.0  # to the yuan
        assert abs(plan.money.tco - v["tco"]) < 1.0
        assert abs(plan.calendar_days - v["days"]) < 1e-6  # to the day and below


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
    again = optimise(REQUEST, confidence=0.9, draws=2_000, objective="tco", seed=7)
    assert again.front == result.front and again.best == result.best and again.seed == 7
    other = optimise(REQUEST, confidence=0.9, draws=2_000, objective="tco", seed=8)
    assert [v["p_meets"] for v in other.front] != [v["p_meets"] for v in result.front]


def test_best_never_dearer_than_the_best_plan_at_the_same_confidence():
    # a plan is sized for the deadline at the expected efficiency, so it meets the deadline
    # about half the time less the delivery slip: a low confidence lets plans qualify
    result = optimise(REQUEST, confidence=0.3, draws=2_000, objective="tco", seed=7)
    assert result.best is not None and result.best["p_meets"] >= 0.3
    assert result.best_plan is not None and result.best_plan["meets_confidence"]
    assert result.best_plan["p_meets"] >= 0.3
    # the plan compared against is the request's own plan, priced by plan itself
    plans = {p.config: p for p in compare(REQUEST).plans}
    own = plans[result.best_plan["config"]]
    assert abs(own.money.tco - result.best_plan["tco"]) < 1.0
    assert result.best["tco"] <= result.best_plan["tco"]


def test_every_variant_in_the_front_has_its_odds(result):
    for v in result.front:
        assert v["days_p10"] <= v["days_p50"] <= v["days_p90"]
        assert v["capex_p10"] <= v["capex_p50"] <= v["capex_p90"]
        assert 0.0 <= v["p_meets"] <= 1.0
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


@pytest.mark.parametrize(("field", "kwargs"), [
    ("confidence", {"confidence": 1.0}), ("draws", {"draws": 10}),
])
def test_bad_input_names_the_field(field, kwargs):
    with pytest.raises(RequestError) as exc:
        optimise(REQUEST, **kwargs)
    assert exc.value.field == field


def test_the_requests_own_plan_is_reported_when_it_falls_short(result):
    own = result.best_plan
    assert own is not None
    if not own["meets_confidence"]:
        assert own["p_meets"] < 0.9
        assert result.best is not None and result.best["gpus"] > own["gpus"]


def test_the_command_answers_in_json(capsys, tmp_path):
    from engine.cli import main

    saved = tmp_path / "best.cqplan"
    code = main(["optimise", "--preset", "gpt3-175b", "--days", "150", "--draws", "1000",
                 "--seed", "5", "--format", "json", "--save", str(saved)])
    assert code == 0
    import json

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
