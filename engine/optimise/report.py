"""The optimiser's answer for people (a table, in the catalogue's words) and for programs."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from engine.i18n import t
from engine.optimise.search import Result


def result_dict(r: Result) -> dict[str, Any]:
    out = asdict(r)
    out["left_out"] = [{"config": c, "status": s} for c, s in r.left_out]
    out["front"] = list(r.front)
    quantiles = out.pop("best_days_quantiles")
    if out["best"] is not None:
        out["best"]["days_quantiles"] = quantiles  # P0..P100 calendar days of the best's draws
    return out


def _row(v: dict[str, Any]) -> str:
    return " | ".join((
        v["config"], str(v["gpus"]), v["cooling"], f"{v['rack_kw']:g}", v["hosting"],
        f"{v['capex']:,.0f}", f"{v['tco']:,.0f}", f"{v['days_p50']:.0f}", f"{v['days_p90']:.0f}",
        f"{v['p_meets']:.2f}"))


def result_table(r: Result, lang: str = "en") -> str:
    lines = [
        t("optimise.searched", lang, variants=r.variants_evaluated, draws=r.draws, seed=r.seed,
          deadline=r.deadline, confidence=r.confidence),
        t("optimise.front", lang, objective=r.objective, quantile=r.confidence * 100),
        t("optimise.columns", lang),
        *(_row(v) for v in r.front),
        "",
    ]
    if r.best is None:
        lines.append(t("optimise.none", lang))
    else:
        b = r.best
        lines += [t("optimise.best", lang, config=b["config"], gpus=b["gpus"],
                    cooling=b["cooling"], rack_kw=b["rack_kw"], hosting=b["hosting"],
                    p_meets=b["p_meets"]), _row(b)]
    own = r.best_plan
    if own is not None and own["meets_confidence"] and r.best is not None:
        cost = own[r.objective]
        lines.append(t("optimise.versus-plan", lang, config=own["config"], gpus=own["gpus"],
                       objective=r.objective, cost=cost, saving=cost - r.best[r.objective]))
    elif own is not None:
        lines.append(t("optimise.plan-short", lang, config=own["config"], gpus=own["gpus"],
                       objective=r.objective, cost=own[r.objective], p_meets=own["p_meets"]))
    if r.left_out:
        lines.append(t("optimise.left-out", lang, configs=", ".join(c for c, _ in r.left_out)))
    return "\n".join(lines)
