"""The optimiser's text table (engine/optimise/report.py) in the catalogue's words
(resources/i18n/<lang>/optimise.ftl): English and Chinese from the same result, the Chinese
with no English word but the configuration ids and units."""

from __future__ import annotations

from engine.optimise.report import result_table
from engine.optimise.search import Result
from tests.zh_words import english_words


def _variant(config: str, gpus: int, cooling: str, rack_kw: float, hosting: str, tco: float,
             p_meets: float) -> dict[str, object]:
    return dict(config=config, gpus=gpus, cooling=cooling, rack_kw=rack_kw, hosting=hosting,
                capex=tco * 0.8, tco=tco, days_p50=100.0, days_p90=130.0, p_meets=p_meets,
                meets_confidence=p_meets >= 0.8)


BEST = _variant("inspur-nf5688m7-h200", 64, "liquid", 40, "colo", 10_000_000, 0.9)
PLAN = _variant("lenovo-sr680av3-h100", 128, "air", 20, "own", 12_500_000, 0.85)
RESULT = Result(variants_evaluated=120, draws=2000, seed=7, confidence=0.8, objective="tco",
                deadline=150, currency="CNY", front=(BEST,), best=BEST, best_plan=PLAN,
                left_out=(("lenovo-sr780av3-h100", "blocked"),))
IDS = {"inspur-nf5688m7-h200", "lenovo-sr680av3-h100", "lenovo-sr780av3-h100", "P50", "P80",
       "P90", "config"}  # config: the flag --config


def test_the_table_reads_the_same_result_in_both_languages() -> None:
    en = result_table(RESULT, "en").splitlines()
    assert en[0] == ("120 variants searched, 2,000 draws (seed 7); deadline 150 days, "
                     "confidence 0.8")
    assert en[1] == "Pareto front: tco against the P80 of calendar days"
    # 12,500,000 - 10,000,000 = 2,500,000 more for the request's own plan
    assert ("The cheapest plan of the request itself that meets the same confidence: "
            "lenovo-sr680av3-h100, 128 GPUs, tco 12,500,000 (2,500,000 more)") in en
    assert en[-1] == ("Not searched (the market blocks their GPU; name them with --config to "
                      "search them anyway): lenovo-sr780av3-h100 (blocked)")
    zh = result_table(RESULT, "zh")
    assert "帕累托前沿：总拥有成本 对比日历天数的 P80" in zh
    assert "总拥有成本 12,500,000（多 2,500,000）" in zh
    assert zh.endswith("：lenovo-sr780av3-h100（受阻）")
    assert "；" in zh.splitlines()[-2] and "; " not in zh  # the reasons, with Chinese semicolons
    assert english_words(zh, IDS) == [], english_words(zh, IDS)


def test_the_optimisers_refusals_name_the_field_in_both_languages() -> None:
    """A request the optimiser cannot search is refused from the catalogue: in English the field,
    the value and what is allowed; in Chinese with no English word but the field's path."""
    import pytest

    from engine.errors import RequestError
    from engine.model import LineOverride, PlanRequest, Schedule, Workload
    from engine.optimise.search import optimise

    without_deadline = PlanRequest(workload=Workload(preset="gpt3-175b"), schedule=Schedule(gpus=64))
    with pytest.raises(RequestError) as refused:
        optimise(without_deadline)
    assert refused.value.text("en").endswith("the optimiser needs a deadline in days")
    assert "优化需要以天数给出的期限" in refused.value.text("zh")
    assert not english_words(refused.value.text("zh"), {"schedule.days"})
    overridden = PlanRequest(workload=Workload(preset="gpt3-175b"), schedule=Schedule(days=150),
                             overrides=(LineOverride(config="inspur-nf5688m7-h200", item="x",
                                                     qty=1),))
    with pytest.raises(RequestError) as refused:
        optimise(overridden)
    assert "line overrides apply to one plan" in refused.value.text("en")
    assert "inspur-nf5688m7-h200:x" in refused.value.text("en")  # the value
    assert "行项目覆盖只适用于单个方案" in refused.value.text("zh")
