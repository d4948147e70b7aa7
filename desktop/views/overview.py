"""The overview: recommendation, every configuration as a row (grouped by vendor), warnings.

Configurations are rows so fifteen of them stay readable; a shortlist filter
narrows them to those that can be built, meet the deadline, or are recommended.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, QTransposeProxyModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import format as fmt
from desktop.messages import list_text, message_text
from desktop.models import ComparisonModel, at_risk
from desktop.notices import band_sentence, export_banner, export_licence_html
from desktop.pairing import config_label
from engine.figures import FigureTable
from engine.model import Comparison, Plan

TEXT_COLUMNS = ("vendor", "server", "gpu_name")  # in the row's name already


class Shortlist(QSortFilterProxyModel):
    """Rows (configurations) of the transposed comparison that pass the chosen filter."""

    MODES = ("all", "feasible", "meets", "recommended")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.mode = "all"
        self.keep: set[str] = set()  # configuration ids that pass

    def set_filter(self, mode: str, comparison: Comparison | None) -> None:
        self.beginFilterChange()
        self.mode = mode
        plans = comparison.plans if comparison else ()
        rec = comparison.recommendation if comparison else None
        tests: dict[str, Callable[[Plan], bool]] = {
            "all": lambda p: True,
            "feasible": lambda p: p.feasible,
            "meets": lambda p: p.feasible and p.meets_deadline,
            "recommended": lambda p: rec is not None
            and p.config in (rec.cheapest_meeting_deadline, rec.fastest, rec.lowest_tco, rec.only),
        }
        self.keep = {p.config for p in plans if tests[mode](p)}
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        source = self.sourceModel()
        assert isinstance(source, QTransposeProxyModel)
        model = source.sourceModel()
        assert isinstance(model, ComparisonModel)
        return self.mode == "all" or model.config_at(row) in self.keep


class OverviewView(QWidget):
    """The comparison of every configuration, with the recommendation and the warnings."""

    def __init__(self, *, translated: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview")
        self.translated = translated
        self._comparison: Comparison | None = None
        self.export_banner = export_banner(self, "exportBanner")
        self.band_note = QLabel(self)
        self.band_note.setObjectName("bandNote")
        self.band_note.setWordWrap(True)
        self.band_note.setStyleSheet("color: palette(mid);")
        self.recommendation = QLabel(self)
        self.recommendation.setObjectName("recommendation")
        self.recommendation.setTextFormat(Qt.TextFormat.RichText)
        self.recommendation.setWordWrap(True)
        self.model = ComparisonModel(self)
        self.transposed = QTransposeProxyModel(self)
        self.transposed.setSourceModel(self.model)
        self.shortlist = Shortlist(self)
        self.shortlist.setSourceModel(self.transposed)
        self.filter = QComboBox(self)
        self.filter.setObjectName("shortlist")
        for mode, text in zip(
            Shortlist.MODES,
            (
                self.tr("All configurations"),
                self.tr("Those that can be built"),
                self.tr("Those that meet the deadline"),
                self.tr("The recommended ones"),
            ),
            strict=True,
        ):
            self.filter.addItem(text, mode)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.table = QTableView(self)
        self.table.setObjectName("comparisonTable")
        self.table.setModel(self.shortlist)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # one line a row: a fixed height; the columns fit their content after every re-plan
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.setWordWrap(False)
        self.warnings = QTreeWidget(self)
        self.warnings.setObjectName("warnings")
        self.warnings.setHeaderLabels([self.tr("Warning"), self.tr("Configurations")])
        self.warnings.setRootIsDecorated(False)
        self.warnings.setWordWrap(True)
        self.warnings.header().setStretchLastSection(False)
        self.warnings.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.warnings.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.warnings.header().resizeSection(1, 320)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.warnings)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:")))
        bar.addWidget(self.filter)
        self.count = QLabel(self)
        self.count.setObjectName("shortlistCount")
        bar.addWidget(self.count)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.export_banner)
        layout.addWidget(self.recommendation)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.band_note)

    def show_comparison(self, figures: FigureTable, comparison: Comparison) -> None:
        self._comparison = comparison
        self.model.set_result(figures, comparison)
        for row in range(self.model.rowCount()):  # the text figures are in each row's name
            self.table.setColumnHidden(row, self.model.figure_at(row).column in TEXT_COLUMNS)
        self._filter_changed()
        self._show_recommendation(comparison)
        self._show_warnings(comparison)
        banner = export_licence_html(comparison)
        self.export_banner.setText(banner)
        self.export_banner.setVisible(bool(banner))
        self.band_note.setText(band_sentence(comparison))

    def _filter_changed(self) -> None:
        self.shortlist.set_filter(self.filter.currentData() or "all", self._comparison)
        total = self.model.columnCount()
        self.count.setText(
            self.tr("%1 of %2 configurations").replace("%1", str(self.shortlist.rowCount()))
            .replace("%2", str(total))
        )  # fmt: skip

    def _show_recommendation(self, comparison: Comparison) -> None:
        rec = comparison.recommendation
        plans = {p.config: p for p in comparison.plans}

        def describe(config: str | None) -> str:
            if config is None:
                return self.tr("none")
            plan = plans[config]
            money = plan.money
            capex = fmt.money(money.capex, money.currency) if money else "—"
            return (
                f"<b>{escape(config_label(plan))}</b> ("
                + self.tr("%1 GPUs, %2 days, capex %3")
                .replace("%1", fmt.number(plan.gpus))
                .replace("%2", fmt.number(plan.days, 1))
                .replace("%3", capex)
                + ")"
                + self._risk(plan, comparison)
            )

        if rec.only:  # the only configuration in scope: named, not ranked
            lines = [self.tr("The only option in scope (named, not ranked): %1").replace(
                "%1", describe(rec.only))]
        else:
            lines = [
                self.tr("Cheapest that meets the deadline: %1").replace(
                    "%1", describe(rec.cheapest_meeting_deadline)
                ),
                self.tr("Fastest: %1").replace("%1", describe(rec.fastest)),
                self.tr("Lowest TCO: %1").replace("%1", describe(rec.lowest_tco)),
            ]
        # the scope the titles hold in and the best of the other market-status groups, dated:
        # the same sentences as the CLI and the workbook, in the app's language
        lang = "zh" if self.translated else "en"
        lines += [f"<small>{escape(m.render(lang))}</small>" for m in rec.caveat_messages]
        self.recommendation.setText("<br>".join(lines))

    def _risk(self, plan: Plan, comparison: Comparison) -> str:
        deadline = comparison.request.schedule.days
        if not at_risk(plan, deadline):
            return ""
        risk = self.tr(
            "at risk: %1–%2 days across the efficiency band; the worst case misses the %3-day deadline"
        )
        return (
            " <span style='color:#b36b00'>"
            + risk.replace("%1", fmt.number(plan.lead_time_days + plan.days_low, 1))
            .replace("%2", fmt.number(plan.lead_time_days + plan.days_high, 1))
            .replace("%3", f"{deadline:g}")
            + "</span>"
        )

    def _show_warnings(self, comparison: Comparison) -> None:
        """One row per distinct warning with the configurations it concerns; refusals first."""
        self.warnings.clear()
        translated = self.translated
        shared: dict[str, list[str]] = {}
        details: dict[str, list[str]] = {}
        for plan in comparison.plans:
            for message in plan.refusals:
                refused = self.tr("Refused: %1").replace("%1", message_text(message, translated=translated))
                item = QTreeWidgetItem([refused, config_label(plan)])
                item.setForeground(0, Qt.GlobalColor.red)
                if not translated:  # the engine's sentence, with its figures, is English
                    item.setToolTip(0, message.text)
                self.warnings.addTopLevelItem(item)
            for message in plan.warnings:
                text = message_text(message, translated=translated)
                shared.setdefault(text, []).append(config_label(plan))
                details.setdefault(text, []).append(f"{config_label(plan)}: {message.text}")
        total = len(comparison.plans)
        for text, configs in shared.items():
            who = self.tr("all") if len(configs) == total and total > 1 else list_text(configs)
            item = QTreeWidgetItem([text, who])
            item.setToolTip(0, "\n".join(configs) if translated else "\n".join(details[text]))
            item.setToolTip(1, "\n".join(configs))
            self.warnings.addTopLevelItem(item)
