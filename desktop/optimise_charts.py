"""The optimiser's two charts, drawn by pure functions on a matplotlib Figure (as desktop.charts):
the Pareto front of cost against calendar days, and the odds of the chosen variant's finish."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from PySide6.QtCore import QCoreApplication

from desktop import format as fmt
from desktop.optimise_model import Name
from desktop.pairing import VENDOR_ORDER, vendor_name

VENDOR_COLOURS = {"Lenovo": "#d62728", "Inspur": "#1f77b4", "Huawei": "#2ca02c"}
OTHER_COLOUR = "#7f7f7f"
DEADLINE_COLOUR = "#b00020"


translate = QCoreApplication.translate  # lupdate reads translate("context", "text")


def millions(currency: str) -> str:
    if currency == "CNY":
        return QCoreApplication.translate("Charts", "million CNY")
    return QCoreApplication.translate("Charts", "million USD")


@dataclass(frozen=True)
class FrontPicture:
    """What the front chart shows."""

    rows: Sequence[dict[str, Any]]
    names: dict[str, Name]
    chosen: int | None
    best: int | None
    deadline: float
    confidence: float
    currency: str
    objective: str  # "capex" or "tco": the cost on the vertical axis


def _deadline(ax: Any, deadline: float) -> None:
    ax.axvline(deadline, color=DEADLINE_COLOUR, linestyle="--", linewidth=1)
    ax.text(deadline, 0.01, " " + translate("Optimise", "deadline") + f" {fmt.number(deadline)}",
            color=DEADLINE_COLOUR, transform=ax.get_xaxis_transform(), va="bottom", fontsize=8)


def draw_front(fig: Figure, p: FrontPicture) -> None:
    """Each variant as a point (cost against calendar days at the asked odds), coloured by
    vendor; the front as a step line; the deadline; the chosen and the best variants marked."""
    fig.clear()
    ax = fig.add_subplot(1, 1, 1)
    if not p.rows:
        ax.set_axis_off()
        ax.text(0.5, 0.5, translate("Optimise", "Search to see the cheapest ways to meet the deadline."),
                ha="center", va="center", wrap=True)
        return
    xs = [float(v["days_quantile"]) for v in p.rows]
    ys = [float(v[p.objective]) / 1e6 for v in p.rows]
    front = sorted(range(len(p.rows)), key=lambda i: xs[i])
    ax.step([xs[i] for i in front], [ys[i] for i in front], where="post", color="#bbbbbb",
            linewidth=1, zorder=1)
    vendors = [p.names[v["config"]].vendor if v["config"] in p.names else "" for v in p.rows]
    seen = sorted(set(vendors), key=lambda v: (*VENDOR_ORDER, v).index(v))
    for vendor in seen:
        idx = [i for i, v in enumerate(vendors) if v == vendor]
        ax.scatter([xs[i] for i in idx], [ys[i] for i in idx], s=28, zorder=3,
                   color=VENDOR_COLOURS.get(vendor, OTHER_COLOUR),
                   label=vendor_name(vendor) if vendor else "?")
    if p.best is not None:
        ax.scatter([xs[p.best]], [ys[p.best]], marker="*", s=220, facecolors="none",
                   edgecolors="#333333", linewidths=1.2, zorder=4)
    if p.chosen is not None:
        ax.scatter([xs[p.chosen]], [ys[p.chosen]], s=260, facecolors="none", edgecolors="black",
                   linewidths=2, zorder=5)
    _deadline(ax, p.deadline)
    handles, labels = ax.get_legend_handles_labels()
    extra = [(Line2D([], [], marker="*", linestyle="", markersize=12, markerfacecolor="none",
                     markeredgecolor="#333333"), translate("Optimise", "cheapest meeting the odds")),
             (Line2D([], [], marker="o", linestyle="", markersize=12, markerfacecolor="none",
                     markeredgecolor="black", markeredgewidth=2), translate("Optimise", "chosen"))]
    ax.legend(handles + [h for h, _ in extra], labels + [t for _, t in extra], fontsize=8,
              loc="upper right")
    quantile = f"{p.confidence * 100:g}"
    ax.set_xlabel(translate("Optimise", "Calendar days from the order, P%1 (lead time and training)")
                  .replace("%1", quantile))
    cost = translate("Optimise", "Capex" if p.objective == "capex" else "TCO")
    ax.set_ylabel(f"{cost} ({millions(p.currency)})")
    ax.set_title(translate("Optimise", "Cost against calendar days"))
    ax.grid(alpha=0.3)
    # variants far slower than the deadline squash the ones that matter: show up to twice it
    # and say how many are off the chart (the table lists them all)
    limit = max(p.deadline * 2, min(xs) * 1.2)
    if p.chosen is not None:  # the chosen variant is always on the chart
        limit = max(limit, xs[p.chosen])
    beyond = sum(1 for x in xs if x > limit)
    shown = [x for x in xs if x <= limit]
    low, high = min(*shown, p.deadline), max(*shown, p.deadline)
    pad = (high - low) * 0.06 or high * 0.05
    ax.set_xlim(low - pad, high + pad)
    _, top = ax.get_ylim()
    ax.set_ylim(0, top * 1.06)  # room above the dearest point's ring
    if beyond:
        ax.text(1.0, 0.02, translate("Optimise", "Off the chart, slower: %1 →").replace("%1", str(beyond)),
                transform=ax.transAxes, ha="right", va="bottom", fontsize=8, color="#555555")
    fig.tight_layout()


def draw_risk(fig: Figure, v: dict[str, Any] | None, title: str, deadline: float,
              confidence: float, quantiles: Sequence[float] = ()) -> None:
    """The chosen variant's odds of finishing by each day (a CDF of calendar days: ``quantiles``
    are P0..P100 of the variant's own draws), with the deadline and the asked odds marked. A
    variant whose curve is not known is drawn by its P10, P50 and P90 alone."""
    fig.clear()
    ax = fig.add_subplot(1, 1, 1)
    if v is None:
        ax.set_axis_off()
        ax.text(0.5, 0.5, translate("Optimise", "Choose a variant to see its odds."),
                ha="center", va="center")
        return
    if quantiles:
        days = [float(d) for d in quantiles]
        shares = [i / (len(days) - 1) for i in range(len(days))]
        ax.plot(days, shares, color="#1f77b4", linewidth=2)
        ax.fill_between(days, shares, where=[d <= deadline for d in days], color="#1f77b4",
                        alpha=0.15, step=None)
    else:  # only the three quantiles are known: show them, not a curve made up between them
        days = [float(v["days_p10"]), float(v["days_p50"]), float(v["days_p90"])]
        shares = [0.1, 0.5, 0.9]
        ax.plot(days, shares, linestyle="", marker="o", color="#1f77b4")
        for d, s in zip(days, shares, strict=True):
            ax.annotate(f"P{s * 100:.0f}", (d, s), textcoords="offset points", xytext=(6, -4), fontsize=8)
        known = translate("Optimise", "Only P10, P50 and P90\nare known for this variant")
        ax.text(0.02, 0.62, known, transform=ax.transAxes, ha="left", va="top", fontsize=7, color="#555555")
    _deadline(ax, deadline)
    ax.axhline(confidence, color="#555555", linestyle=":", linewidth=1)
    asked = translate("Optimise", "asked odds %1").replace("%1", fmt.percent(confidence))
    ax.text(0.0, confidence, " " + asked, transform=ax.get_yaxis_transform(), va="bottom",
            fontsize=8, color="#555555")
    on_time = fmt.percent(float(v["p_meets"]))
    said = translate("Optimise", "on time in %1 of the draws").replace("%1", on_time)
    ax.set_title(f"{title}\n{said}", fontsize=10)
    ax.set_xlabel(translate("Optimise", "Calendar days from the order"))
    ax.set_ylabel(translate("Optimise", "Share of draws finished"))
    ax.set_ylim(0, 1.02)
    ax.yaxis.set_major_formatter(lambda y, _pos: fmt.percent(y))
    left, right = ax.get_xlim()
    ax.set_xlim(min(left, deadline * 0.95), max(right, deadline * 1.05))
    ax.grid(alpha=0.3)
    fig.tight_layout()
