"""The optimiser's front as a table: one row per variant, names in the GUI's language.

A variant is a dict of ``engine.optimise.search`` (config, gpus, cooling, rack_kw, hosting,
capex, tco, days quantiles, p_meets). The rows are the Pareto front, cheapest first, and the
cheapest variant meeting the asked odds when the front does not hold it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from desktop import format as fmt
from desktop.models import SORT_ROLE
from desktop.noop import QT_TRANSLATE_NOOP
from desktop.pairing import vendor_name
from engine.catalog import Catalog
from engine.naming import gpu_short

Index = QModelIndex | QPersistentModelIndex
Variant = dict[str, Any]

COOLING_NAMES = {
    "air": QT_TRANSLATE_NOOP("Optimise", "Air"),
    "rdhx": QT_TRANSLATE_NOOP("Optimise", "Rear door"),
    "liquid": QT_TRANSLATE_NOOP("Optimise", "Direct liquid"),
}
HOSTING_NAMES = {
    "own": QT_TRANSLATE_NOOP("Optimise", "Own data centre"),
    "colo": QT_TRANSLATE_NOOP("Optimise", "Leased IDC"),
    "wholesale": QT_TRANSLATE_NOOP("Optimise", "Wholesale hall"),
    "cloud": QT_TRANSLATE_NOOP("Optimise", "Cloud rental"),
}

MARKET_NAMES = {  # the worse of the market's two gates (engine.model.STATUS_GROUPS)
    "clear": QT_TRANSLATE_NOOP("Optimise", "Clear to buy"),
    "conditional": QT_TRANSLATE_NOOP("Optimise", "Licence case by case"),
    "unsure": QT_TRANSLATE_NOOP("Optimise", "Unsure"),
    "blocked": QT_TRANSLATE_NOOP("Optimise", "Blocked"),
}
MARKET_COLOURS = {"conditional": "#9a6700", "unsure": "#9a6700", "blocked": "#b00020"}


def cooling_text(kind: str) -> str:
    return QCoreApplication.translate("Optimise", COOLING_NAMES.get(kind, kind))


def hosting_text(kind: str) -> str:
    return QCoreApplication.translate("Optimise", HOSTING_NAMES.get(kind, kind))


def variant_key(v: Variant) -> tuple[str, int, str, float, str]:
    """What makes a variant: the choices a plan is made of."""
    return v["config"], int(v["gpus"]), v["cooling"], float(v["rack_kw"]), v["hosting"]


@dataclass(frozen=True)
class Name:
    vendor: str  # as the catalog spells it: the chart's colour
    title: str  # 'Inspur NF5688M6 · 8× A800 SXM4' in the GUI's language
    server: str = ""  # the server's model: 'NF5688M6'
    gpu: str = ""  # the GPU's short name: 'A800 SXM4'


def config_names(configs: set[str], catalog: Catalog) -> dict[str, Name]:
    """Each configuration's vendor and title, as engine.naming.config_title writes a plan's."""
    out = {}
    for config in configs:
        cfg = catalog.configuration(config)
        server = catalog.servers[cfg.server]
        model = server.model.removeprefix("ThinkSystem").removeprefix("WenTian").strip()
        gpu = gpu_short(catalog.gpus[cfg.gpu].name)
        out[config] = Name(server.vendor, f"{vendor_name(server.vendor)} {model} · {cfg.gpu_count}× {gpu}",
                           model, gpu)
    return out


def variant_label(v: Variant, name: Name | None) -> Callable[[], str]:
    """What using the variant as the plan is called in the undo history, worded when shown (in
    the GUI's language then): 'use of the optimised plan: 128 × H800 SXM5 (Lenovo SR680a V3),
    Direct liquid at 40 kW a rack, Leased IDC'. It holds plain values, not the view, so it
    outlives a window remade for another language."""
    return partial(_label, int(v["gpus"]), name or Name("", str(v["config"])), str(v["cooling"]),
                   float(v["rack_kw"]), str(v["hosting"]))


def _label(gpus: int, name: Name, cooling: str, rack_kw: float, hosting: str) -> str:
    if name.gpu:
        what = QCoreApplication.translate("Optimise", "%1 × %2 (%3)").replace("%1", fmt.number(gpus)) \
            .replace("%2", name.gpu).replace("%3", f"{vendor_name(name.vendor)} {name.server}")
    else:
        what = f"{fmt.number(gpus)} × {name.title}"
    facility = QCoreApplication.translate("Optimise", "%1 at %2 kW a rack").replace(
        "%1", _in_sentence(cooling_text(cooling))).replace(
        "%2", fmt.number(rack_kw, 0 if rack_kw.is_integer() else 1))
    return QCoreApplication.translate("Optimise", "use of the optimised plan: %1, %2, %3").replace(
        "%1", what).replace("%2", facility).replace("%3", _in_sentence(hosting_text(hosting)))


def _in_sentence(name: str) -> str:
    """A column's value inside a sentence: 'Direct liquid' → 'direct liquid', 'IDC' kept."""
    return name[0].lower() + name[1:] if name[:2].istitle() else name


COLUMNS = (  # what a buyer compares first (cost, time, odds), then what the variant is made of
    ("config", QT_TRANSLATE_NOOP("Optimise", "Configuration")),
    ("gpus", QT_TRANSLATE_NOOP("Optimise", "GPUs")),
    ("capex", QT_TRANSLATE_NOOP("Optimise", "Capex")),
    ("tco", QT_TRANSLATE_NOOP("Optimise", "TCO")),
    ("days_p50", QT_TRANSLATE_NOOP("Optimise", "Days, P50")),
    ("days_quantile", QT_TRANSLATE_NOOP("Optimise", "Days, P%1")),
    ("p_meets", QT_TRANSLATE_NOOP("Optimise", "On time")),
    ("market", QT_TRANSLATE_NOOP("Optimise", "Market")),
    ("cooling", QT_TRANSLATE_NOOP("Optimise", "Cooling")),
    ("rack_kw", QT_TRANSLATE_NOOP("Optimise", "Rack budget (kW)")),
    ("hosting", QT_TRANSLATE_NOOP("Optimise", "Hosting")),
    ("lead_time_days", QT_TRANSLATE_NOOP("Optimise", "Lead time (days)")),
)


class FrontModel(QAbstractTableModel):
    """The front's variants; DisplayRole is text, SORT_ROLE the raw value."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Variant] = []
        self.curves: list[tuple[float, ...]] = []  # per row: calendar days at P0..P100
        self.names: dict[str, Name] = {}
        self.currency = "CNY"
        self.confidence = 0.9
        self.best: int | None = None  # the row of the cheapest variant meeting the odds

    def show(self, front: tuple[Variant, ...], best: Variant | None, names: dict[str, Name],
             currency: str, confidence: float, curves: Sequence[Sequence[float]] = (),
             best_curve: Sequence[float] = ()) -> None:
        """The front (cheapest first) and the best variant; ``curves`` are the front's calendar
        days at P0..P100 in the front's order, ``best_curve`` the best variant's."""
        self.beginResetModel()
        self.rows = list(front)
        self.curves = [tuple(c) for c in curves][: len(self.rows)]
        self.curves += [()] * (len(self.rows) - len(self.curves))
        self.names, self.currency, self.confidence = names, currency, confidence
        self.best = None
        if best is not None:
            keys = [variant_key(v) for v in self.rows]
            if variant_key(best) not in keys:
                self.rows.append(best)
                self.curves.append(())
                keys.append(variant_key(best))
            self.best = keys.index(variant_key(best))
            if best_curve:
                self.curves[self.best] = tuple(best_curve)
        self.endResetModel()

    def curve(self, row: int) -> tuple[float, ...]:
        """The row's calendar days at P0, P1, ..., P100 of its draws; () when not known."""
        return self.curves[row]

    def set_confidence(self, confidence: float) -> None:
        self.confidence = confidence
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def clear(self) -> None:
        self.show((), None, {}, self.currency, self.confidence)

    def title(self, v: Variant) -> str:
        name = self.names.get(v["config"])
        return name.title if name else v["config"]

    # ------------------------------------------------------------ Qt's model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        key, label = COLUMNS[section]
        text = QCoreApplication.translate("Optimise", label)
        if key == "days_quantile":
            text = text.replace("%1", f"{self.confidence * 100:g}")
        elif key in ("capex", "tco"):
            text += f" ({self.currency})"
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        v = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(v, key)
        if role == SORT_ROLE:
            return self.title(v) if key == "config" else v.get(key)
        if role == Qt.ItemDataRole.ForegroundRole and key == "market" and v.get("market") in MARKET_COLOURS:
            return QColor(MARKET_COLOURS[v["market"]])
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in ("config", "market", "cooling",
                                                                      "hosting"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and index.row() == self.best:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and key == "market":
            return QCoreApplication.translate(
                "Optimise", "Whether the buyer's market sells this GPU: the worse of its two gates, "
                "the US export rule and the import rule")
        if role == Qt.ItemDataRole.ToolTipRole and index.row() == self.best:
            return QCoreApplication.translate(
                "Optimise", "The cheapest variant that meets the deadline with at least %1 odds"
            ).replace("%1", fmt.percent(self.confidence))
        return None

    def _text(self, v: Variant, key: str) -> str:
        if key == "config":
            return ("★ " if self.rows.index(v) == self.best else "") + self.title(v)
        if key == "market":
            market = v.get("market")
            return QCoreApplication.translate("Optimise", MARKET_NAMES[market]) if market in MARKET_NAMES \
                else "—"
        if key == "cooling":
            return cooling_text(v["cooling"])
        if key == "hosting":
            return hosting_text(v["hosting"])
        if key in ("capex", "tco"):
            return fmt.money(v[key], self.currency)
        if key == "rack_kw":
            return fmt.number(v[key], 0 if float(v[key]).is_integer() else 1)
        if key == "p_meets":
            return fmt.percent(v[key])
        return fmt.number(v.get(key))
