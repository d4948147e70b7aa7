"""Lenovo against Inspur: human names, equivalent pairs, and the rows of a pair's comparison.

Plain functions over the engine's results and catalog (no widgets), so tests check it
directly. Two configurations are *equivalent* when they carry the same class of
GPU (architecture and form factor: SXM or PCIe) joined the same way inside the
server (NVSwitch, NVLink bridges, PCIe); the same GPU model is the closest pair.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from engine.catalog import PEAK_PRECISIONS, Catalog, server_peaks
from engine.export import names
from engine.export.names import config_title
from engine.model import CATEGORIES, Comparison, Plan

VENDOR_ORDER = ("Lenovo", "Inspur")


def vendor_name(vendor: str) -> str:
    """The vendor as the GUI's language says it (联想, 浪潮), from the language catalogue the
    quote documents read; NVIDIA and other brand names stay as they are."""
    from desktop.messages import speaks_chinese

    return names.vendor_name(vendor, "zh" if speaks_chinese() else "en")


def config_label(plan: Plan) -> str:
    """'Inspur NF5688M6 · 8× A800 SXM4' ('浪潮 NF5688M6 · 8× A800 SXM4' in Chinese), as the
    quote names it; a system the user entered says so."""
    title = config_title(plan, vendor_name(plan.vendor))
    if any(w.code == "user-entered" for w in plan.warnings):
        from PySide6.QtCore import QCoreApplication

        title += " · " + QCoreApplication.translate("Pairing", "user-entered")
    return title


def by_vendor(plans: tuple[Plan, ...] | list[Plan]) -> list[Plan]:
    """Lenovo's configurations, then Inspur's, each in the engine's order."""
    rank = {v: i for i, v in enumerate(VENDOR_ORDER)}
    return sorted(plans, key=lambda p: rank.get(p.vendor, len(rank)))


@dataclass(frozen=True)
class Pair:
    lenovo: str  # configuration ids
    inspur: str
    same_gpu: bool  # the same GPU model, not only the same class


def _klass(config_id: str, catalog: Catalog) -> tuple[str, str, str]:
    cfg = catalog.configuration(config_id)
    gpu = catalog.gpu(cfg.gpu)
    return gpu.architecture, gpu.form_factor, cfg.intra_node_link


def proposed_pairs(comparison: Comparison, catalog: Catalog) -> list[Pair]:
    """Lenovo–Inspur pairs of equivalent configurations: same GPU model first."""
    lenovo = [p for p in comparison.plans if p.vendor == "Lenovo"]
    inspur = [p for p in comparison.plans if p.vendor == "Inspur"]
    pairs = [
        (Pair(a.config, b.config, a.gpu == b.gpu), a.gpus_per_node == b.gpus_per_node)
        for a in lenovo
        for b in inspur
        if _klass(a.config, catalog) == _klass(b.config, catalog)
    ]
    # the same GPU model first, then the same GPUs per server
    return [pair for pair, _ in sorted(pairs, key=lambda x: (not x[0].same_gpu, not x[1]))]


@dataclass(frozen=True)
class PairRow:
    """One figure of two configurations and their difference (Inspur minus Lenovo)."""

    key: str  # an engine figure's key (engine.figures) or "category:<name>"
    kind: str  # as desktop.models.Figure.kind
    left: object
    right: object
    lower_is_better: bool | None

    @property
    def difference(self) -> float | None:
        if not (_number(self.left) and _number(self.right)):
            return None
        return float(self.right) - float(self.left)  # type: ignore[arg-type]

    @property
    def percent(self) -> float | None:
        """The difference as a share of the left (Lenovo) figure."""
        diff = self.difference
        if diff is None or not self.left:
            return None
        return diff / abs(float(self.left))  # type: ignore[arg-type]

    @property
    def better(self) -> int:
        """-1: the left is better, 1: the right, 0: equal or not comparable."""
        diff = self.difference
        if self.lower_is_better is None or diff is None or diff == 0:
            return 0
        right_lower = diff < 0
        return 1 if right_lower == self.lower_is_better else -1


def peak_rows(left: Plan, right: Plan, catalog: Catalog) -> list[PairRow]:
    """One row per precision either server has: its dense peak per server in PF (INT8: POPS),
    higher being better (engine.catalog.server_peaks; the view shows the sparse peak beside)."""
    peaks = [server_peaks_of(p, catalog) for p in (left, right)]
    rows = []
    for name, _key in PEAK_PRECISIONS:
        if any(name in p for p in peaks):
            values = [p[name]["dense"] if name in p else None for p in peaks]
            rows.append(PairRow(f"peak:{name}", "peak", values[0], values[1], False))
    return rows


def server_peaks_of(plan: Plan, catalog: Catalog) -> dict[str, dict[str, float | None]]:
    """A plan's server peaks by precision ({} for a configuration the catalog lacks)."""
    cfg = catalog.configurations.get(plan.config)
    if cfg is None or cfg.gpu not in catalog.gpus:
        return {}
    return server_peaks(cfg, catalog.gpus[cfg.gpu])


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and not math.isnan(value)


def pair_rows(left: Plan, right: Plan, frame_rows: Mapping[str, Mapping[str, object]],
              figures: list[tuple[str, str, bool | None]]) -> list[PairRow]:
    """Every figure (``(column, kind, lower_is_better)``) then every BOM category and the money.

    ``frame_rows`` maps a configuration id to its figures (engine.figures.figure_row).
    """
    rows = [
        PairRow(column, kind, frame_rows[left.config].get(column), frame_rows[right.config].get(column),
                lower)
        for column, kind, lower in figures
    ]  # fmt: skip
    subtotals = [dict(p.money.subtotals) if p.money else {} for p in (left, right)]
    for category in CATEGORIES:
        if any(category in s for s in subtotals):
            values = [s.get(category, 0.0) if p.money else None for s, p in zip(subtotals, (left, right),
                                                                                 strict=True)]
            rows.append(PairRow(f"category:{category}", "money", values[0], values[1], True))
    for key in ("discount", "net", "vat"):
        values = [getattr(p.money, key) if p.money else None for p in (left, right)]
        rows.append(PairRow(f"money:{key}", "money", values[0], values[1], key != "discount"))
    return rows
