"""The optimiser's answer for people (a table, in the catalogue's words) and for programs."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from engine.i18n import get, t
from engine.optimise.search import Result


def result_dict(r: Result) -> dict[str, Any]:
    out = asdict(r)
    out["left_out"] = [{"config": c, "status": s} for c, s in r.left_out]
    # P0..P100 calendar days of each front variant's draws
    curves = out.pop("front_days_quantiles")
    out["front"] = [{**v, "days_quantiles": list(curves[k])} if k < len(curves) else dict(v)
                    for k, v in enumerate(r.front)]
    quantiles = out.pop("best_days_quantiles")
    if out["best"] is not None:
        out["best"]["days_quantiles"] = quantiles  # P0..P100 calendar days of the best's draws
    return out


def word(value: str, lang: str) -> str:
    """A choice (air, rdhx, own, colo, ...) in the reader's language."""
    return get(f"value-{value}", lang, value)


def status(value: str, lang: str) -> str:
    """A market status (clear, conditional, unsure, blocked) in the reader's language."""
    return get(f"options-choice-{value}", lang, word(value, lang))


def objective(value: str, lang: str) -> str:
    """The cost minimised (capex or tco) as the table names it."""
    return t("optimise.objective", lang, objective=value)


def _row(v: dict[str, Any], lang: str) -> str:
    return " | ".join((
        v["config"], str(v["gpus"]), word(v["cooling"], lang), f"{v['rack_kw']:g}",
        word(v["hosting"], lang), f"{v['capex']:,.0f}", f"{v['tco']:,.0f}",
        f"{v['days_p50']:.0f}", f"{v['days_p90']:.0f}", f"{v['p_meets']:.2f}"))


def why_cheaper(best: dict[str, Any], plan: dict[str, Any], lang: str = "en") -> list[str]:
    """The choices in which the best variant differs from the request's own plan."""
    out = []
    if best["config"] != plan["config"]:
        out.append(t("optimise-why-config", lang, config=best["config"], plan=plan["config"]))
    if best["gpus"] != plan["gpus"]:
        out.append(t("optimise-why-gpus", lang, gpus=best["gpus"], plan=plan["gpus"]))
    if (best["cooling"], best["rack_kw"]) != (plan["cooling"], plan["rack_kw"]):
        out.append(t("optimise-why-cooling", lang, cooling=word(best["cooling"], lang),
                     rack_kw=best["rack_kw"], plan_cooling=word(plan["cooling"], lang),
                     plan_rack_kw=plan["rack_kw"]))
    if best["hosting"] != plan["hosting"]:
        out.append(t("optimise-why-hosting", lang, hosting=word(best["hosting"], lang),
                     plan=word(plan["hosting"], lang)))
    return out


def _listed(reasons: list[str], lang: str) -> str:
    """Reasons one after another, with the language's semicolon."""
    return t("optimise.semicolon", lang).join(reasons)


def result_table(r: Result, lang: str = "en") -> str:
    lines = [
        t("optimise.searched", lang, variants=r.variants_evaluated, draws=r.draws, seed=r.seed,
          deadline=r.deadline, confidence=r.confidence),
        t("optimise.front", lang, objective=objective(r.objective, lang),
          quantile=r.confidence * 100),
        t("optimise.columns", lang),
        *(_row(v, lang) for v in r.front),
        "",
    ]
    if r.best is None:
        lines.append(t("optimise.none", lang))
    else:
        b = r.best
        lines += [t("optimise.best", lang, config=b["config"], gpus=b["gpus"],
                    cooling=word(b["cooling"], lang), rack_kw=b["rack_kw"],
                    hosting=word(b["hosting"], lang), p_meets=b["p_meets"]), _row(b, lang)]
    own = r.best_plan
    if own is not None and own["meets_confidence"] and r.best is not None:
        cost = own[r.objective]
        lines.append(t("optimise.versus-plan", lang, config=own["config"], gpus=own["gpus"],
                       objective=objective(r.objective, lang), cost=cost,
                       saving=cost - r.best[r.objective]))
        reasons = why_cheaper(r.best, own, lang)
        lines.append(t("optimise-why", lang, reasons=_listed(reasons, lang)) if reasons
                     else t("optimise-why-same", lang))
    elif own is not None:
        lines.append(t("optimise.plan-short", lang, config=own["config"], gpus=own["gpus"],
                       objective=objective(r.objective, lang), cost=own[r.objective],
                       p_meets=own["p_meets"]))
        if r.best is not None:
            reasons = why_cheaper(r.best, own, lang)
            if reasons:
                lines.append(t("optimise-why-short", lang, reasons=_listed(reasons, lang)))
    if r.left_out:
        lines.append(t("optimise.left-out", lang, configs=t("optimise.comma", lang).join(
            t("optimise.left-out-one", lang, config=c, status=status(s, lang))
            for c, s in r.left_out)))
    return "\n".join(lines)
