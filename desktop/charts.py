"""Charts of a comparison, drawn by pure functions on a matplotlib Figure.

Each ``draw_x(fig, comparison)`` clears ``fig`` and draws on it; nothing here
touches pyplot's global state, so tests call them on an Agg figure and the GUI
on the figure of a FigureCanvasQTAgg. They only draw what the engine computed.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from matplotlib import colormaps
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from PySide6.QtCore import QCoreApplication

from desktop.messages import catalogue_text
from desktop.pairing import config_label
from engine.model import CATEGORIES, Comparison, Plan

TAB10 = colormaps["tab10"]
MAX_LINES = 6  # line charts show at most this many configurations
COLOURS = {
    "compute": "#1f77b4",
    "network": "#ff7f0e",
    "rack_power": "#2ca02c",
    "cooling": "#17becf",
    "services": "#9467bd",
    "vat": "#c7c7c7",
    "storage": "#8c564b",
    "management": "#e377c2",
    "software": "#bcbd22",
    "spares": "#7f7f7f",
}
CJK_FONTS = [
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "SimHei",
    "DejaVu Sans",
]


_fonts_reread = False


def configure_fonts(language: str) -> None:
    """Put CJK fonts first in matplotlib's sans-serif list when the app speaks Chinese."""
    import matplotlib

    if language.startswith("zh"):
        from matplotlib import font_manager

        global _fonts_reread
        known = {f.name for f in font_manager.fontManager.ttflist}
        if not known & set(CJK_FONTS[:-1]) and not _fonts_reread:
            _fonts_reread = True
            # matplotlib's font cache predates a CJK font installed since: read the fonts again, once.
            font_manager.fontManager = font_manager._load_fontmanager(  # type: ignore[attr-defined]
                try_read_cache=False)  # private, unannotated: the one way to rebuild the cache
        matplotlib.rcParams["font.sans-serif"] = CJK_FONTS
        matplotlib.rcParams["axes.unicode_minus"] = False


def _feasible(comparison: Comparison) -> list[Plan]:
    return [p for p in comparison.plans if p.feasible and p.money is not None]


def _short(plan: Plan) -> str:
    return config_label(plan)


def _millions(comparison: Comparison) -> str:
    currency = comparison.request.finance.currency
    if currency == "CNY":
        return QCoreApplication.translate("Charts", "million CNY")
    return QCoreApplication.translate("Charts", "million USD")


def _empty(fig: Figure, message: str) -> None:
    ax = fig.add_subplot(1, 1, 1)
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", wrap=True)


def _chosen(comparison: Comparison) -> list[Plan]:
    """The plans a line chart shows: the recommended ones first, then lowest TCO."""
    plans = _feasible(comparison)
    rec = comparison.recommendation
    first = [rec.cheapest_meeting_deadline, rec.fastest, rec.lowest_tco]
    ranked = sorted(
        plans,
        key=lambda p: (p.config not in first, p.money.tco if p.money else math.inf),
    )
    return ranked[:MAX_LINES]


def _legend_below(ax: Axes, *, columns: int) -> None:
    """The legend under the axis label, outside the bars: inside the axes, twenty bars
    reach its every corner and it hid the largest ones and their totals."""
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=columns, fontsize=8,
              frameon=False)


def draw_capex(fig: Figure, comparison: Comparison) -> None:
    """Capex of each configuration, stacked by category (after discount) with VAT on top."""
    fig.clear()
    plans = _feasible(comparison)
    if not plans:
        _empty(fig, QCoreApplication.translate("Charts", "No configuration can be built."))
        return
    ax = fig.add_subplot(1, 1, 1)
    names = [_short(p) for p in plans]
    left = [0.0] * len(plans)
    labels = {
        "compute": QCoreApplication.translate("Charts", "Compute"),
        "network": QCoreApplication.translate("Charts", "Network"),
        "rack_power": QCoreApplication.translate("Charts", "Racks and power"),
        "cooling": QCoreApplication.translate("Charts", "Cooling"),
        "services": QCoreApplication.translate("Charts", "Services"),
        "vat": QCoreApplication.translate("Charts", "VAT"),
        "storage": QCoreApplication.translate("Charts", "Storage"),
        "management": QCoreApplication.translate("Charts", "Management"),
        "software": QCoreApplication.translate("Charts", "Software"),
        "spares": QCoreApplication.translate("Charts", "Spares"),
    }
    for category in (*CATEGORIES, "vat"):
        widths = []
        for plan in plans:
            money = plan.money
            assert money is not None
            if category == "vat":
                widths.append(money.vat / 1e6)
            else:
                subtotals: dict[str, float] = dict(money.subtotals)
                raw = subtotals.get(category, 0.0)
                widths.append(raw * (1 - money.discount_rate) / 1e6)
        ax.barh(names, widths, left=left, color=COLOURS[category], label=labels[category])
        left = [a + b for a, b in zip(left, widths, strict=True)]
    for y, plan in enumerate(plans):
        assert plan.money is not None
        ax.text(left[y], y, f" {plan.money.capex / 1e6:,.1f}", va="center", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(QCoreApplication.translate("Charts", "Capex (%1)").replace("%1", _millions(comparison)))
    ax.set_title(catalogue_text("chart.capex"))
    ax.set_xlim(0, max(left) * 1.15)
    _legend_below(ax, columns=5)
    ax.tick_params(axis="y", labelsize=8)
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()


def draw_power(fig: Figure, comparison: Comparison) -> None:
    """IT and facility power, and racks, of each configuration."""
    fig.clear()
    plans = [p for p in _feasible(comparison) if p.power is not None]
    if not plans:
        _empty(fig, QCoreApplication.translate("Charts", "No configuration can be built."))
        return
    names = [_short(p) for p in plans]
    ys = list(range(len(plans)))
    ax_kw = fig.add_subplot(1, 2, 1)
    it = [p.power.it_max_kw for p in plans if p.power]
    facility = [p.power.facility_kw for p in plans if p.power]
    height = 0.4
    ax_kw.barh(
        [y - height / 2 for y in ys],
        it,
        height,
        label=QCoreApplication.translate("Charts", "IT power, maximum"),
        color="#1f77b4",
    )
    ax_kw.barh(
        [y + height / 2 for y in ys],
        facility,
        height,
        label=QCoreApplication.translate("Charts", "Facility power (IT typical × PUE)"),
        color="#ff7f0e",
    )
    ax_kw.set_yticks(ys, names, fontsize=8)
    ax_kw.invert_yaxis()
    ax_kw.set_xlabel(QCoreApplication.translate("Charts", "kW"))
    ax_kw.set_title(QCoreApplication.translate("Charts", "Power"))
    _legend_below(ax_kw, columns=1)
    ax_kw.grid(axis="x", alpha=0.3)

    ax_racks = fig.add_subplot(1, 2, 2, sharey=ax_kw)
    compute = [sum(1 for r in p.racks.racks if r.kind == "compute") if p.racks else 0 for p in plans]
    network = [sum(1 for r in p.racks.racks if r.kind == "network") if p.racks else 0 for p in plans]
    ax_racks.barh(ys, compute, color="#2ca02c", label=QCoreApplication.translate("Charts", "Compute racks"))
    ax_racks.barh(
        ys,
        network,
        left=compute,
        color="#98df8a",
        label=QCoreApplication.translate("Charts", "Network racks"),
    )
    for y, (c, n) in enumerate(zip(compute, network, strict=True)):
        ax_racks.text(c + n, y, f" {c + n}", va="center", fontsize=8)
    ax_racks.set_xlabel(QCoreApplication.translate("Charts", "Racks"))
    ax_racks.set_title(QCoreApplication.translate("Charts", "Racks"))
    ax_racks.tick_params(axis="y", labelleft=False)
    ax_racks.set_xlim(0, max(c + n for c, n in zip(compute, network, strict=True)) * 1.2 + 1)
    _legend_below(ax_racks, columns=2)
    ax_racks.grid(axis="x", alpha=0.3)
    fig.tight_layout()


def gpus_needed(plan: Plan, deadline: float, days_at: Callable[[Plan], float]) -> float:
    """GPUs that finish the plan's work in ``deadline`` days, keeping its GPU-days.

    ``days_at`` picks the plan's expected, best-case or worst-case days. The
    engine's GPU count times its days is the work in GPU-days at the plan's
    efficiency; rounded up to whole servers and never below the memory floor.
    """
    gpu_days = plan.gpus * days_at(plan)
    need = gpu_days / deadline
    per_node = max(1, plan.gpus_per_node)
    # gpus × days / days can land one ulp above a whole server count: not a server more.
    servers = math.ceil(need / per_node * (1 - 1e-12))
    return max(servers * per_node, plan.memory_floor_gpus)


def draw_deadline(fig: Figure, comparison: Comparison) -> None:
    """GPUs needed against the deadline, with the efficiency band as a shaded range."""
    fig.clear()
    plans = [p for p in _chosen(comparison) if p.days > 0 and p.gpus > 0]
    if not plans:
        _empty(fig, QCoreApplication.translate("Charts", "No configuration can be built."))
        return
    ax = fig.add_subplot(1, 1, 1)
    deadline = comparison.request.schedule.days or max(p.days for p in plans)
    xs = [deadline * 0.25 * 12 ** (i / 47) for i in range(48)]  # a quarter to three times it
    for n, plan in enumerate(plans):
        colour = TAB10(n)
        expected = [gpus_needed(plan, x, lambda p: p.days) for x in xs]
        low = [gpus_needed(plan, x, lambda p: p.days_low or p.days) for x in xs]
        high = [gpus_needed(plan, x, lambda p: p.days_high or p.days) for x in xs]
        ax.fill_between(xs, low, high, alpha=0.15, color=colour, linewidth=0)
        ax.plot(xs, expected, color=colour, label=_short(plan))
        ax.plot([plan.days], [plan.gpus], marker="o", color=colour)
    ax.axvline(deadline, color="#b00020", linestyle="--", linewidth=1)
    ax.text(
        deadline,
        1.0,
        " " + QCoreApplication.translate("Charts", "deadline"),
        color="#b00020",
        transform=ax.get_xaxis_transform(),
        va="top",
        fontsize=8,
    )
    ax.set_yscale("log")
    ax.set_xlabel(QCoreApplication.translate("Charts", "Deadline (days)"))
    ax.set_ylabel(QCoreApplication.translate("Charts", "GPUs needed"))
    ax.set_title(
        QCoreApplication.translate(
            "Charts", "GPUs needed against the deadline (band: low to high efficiency)"
        )
    )
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3, which="both")
    fig.tight_layout()


def draw_tco(fig: Figure, comparison: Comparison) -> None:
    """Cumulative cost of ownership year by year (year 0 is capex)."""
    fig.clear()
    plans = _chosen(comparison)
    if not plans:
        _empty(fig, QCoreApplication.translate("Charts", "No configuration can be built."))
        return
    ax = fig.add_subplot(1, 1, 1)
    for plan in plans:
        assert plan.money is not None
        years = list(range(len(plan.money.tco_by_year)))
        ax.plot(years, [v / 1e6 for v in plan.money.tco_by_year], marker="o", label=_short(plan))
    ax.set_xlabel(QCoreApplication.translate("Charts", "Year"))
    ax.set_ylabel(
        QCoreApplication.translate("Charts", "Cumulative cost (%1)").replace("%1", _millions(comparison))
    )
    ax.set_title(QCoreApplication.translate("Charts", "Total cost of ownership over the years"))
    locator = ax.xaxis.get_major_locator()
    if isinstance(locator, MaxNLocator):  # the default AutoLocator is one
        locator.set_params(integer=True)
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()


DRAWERS: dict[str, Callable[[Figure, Comparison], None]] = {
    "capex": draw_capex,
    "power": draw_power,
    "deadline": draw_deadline,
    "tco": draw_tco,
}


def shown(key: str, comparison: Comparison) -> list[Plan]:
    """The configurations chart ``key`` draws for ``comparison``: what its legend or axis lists."""
    if key in ("capex", "power"):
        return [p for p in _feasible(comparison) if key != "power" or p.power is not None]
    if key == "deadline":
        return [p for p in _chosen(comparison) if p.days > 0 and p.gpus > 0]
    return _chosen(comparison)
