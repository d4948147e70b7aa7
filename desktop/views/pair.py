"""Lenovo against Inspur: two configurations side by side with the difference of every figure."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import format as fmt
from desktop import user_systems
from desktop.models import FIGURES, at_risk, at_risk_text, category_name, display_value
from desktop.noop import QT_TRANSLATE_NOOP
from desktop.notices import band_sentence, export_banner, export_licence_html
from desktop.pairing import (
    PairRow,
    config_label,
    pair_rows,
    peak_rows,
    proposed_pairs,
    server_peaks_of,
    vendor_name,
)
from engine.figures import figure_row
from engine.model import Comparison, Plan

BETTER = QColor("#1b7f3b")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# The figures a pair is compared on: every numeric and yes/no row of the overview.
PAIR_FIGURES = [(f.column, f.kind, f.lower_is_better) for f in FIGURES if f.kind != "text"]
LABELS = {f.column: f for f in FIGURES}
MONEY_LABELS = {
    "discount": QT_TRANSLATE_NOOP("PairView", "Discount"),
    "net": QT_TRANSLATE_NOOP("PairView", "Net, before VAT"),
    "vat": QT_TRANSLATE_NOOP("PairView", "VAT"),
}


# The precisions' names as the catalog window writes them (FP64 is the vector peak).
PEAK_NAMES = {"fp64": "FP64", "fp64_tensor": QT_TRANSLATE_NOOP("PairView", "FP64 tensor"),
              "fp32": "FP32", "tf32": "TF32", "bf16/fp16": "BF16/FP16", "fp8": "FP8",
              "int8": "INT8"}


class PairView(QWidget):
    """Pick a Lenovo and an Inspur configuration (or a proposed pair) and compare them."""

    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pair")
        self._comparison: Comparison | None = None
        self.rows: list[PairRow] = []
        self.peaks: dict[str, dict[str, dict[str, float | None]]] = {}  # config -> server peaks
        self._stale = False
        self.proposals = QComboBox(self)
        self.proposals.setObjectName("pairProposals")
        self.lenovo = QComboBox(self)
        self.lenovo.setObjectName("pairLenovo")
        self.inspur = QComboBox(self)
        self.inspur.setObjectName("pairInspur")
        for combo in (self.lenovo, self.inspur):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._show)
        self.proposals.activated.connect(self._take_proposal)
        # a third vendor's system (a domestic accelerator): the right-hand side can be it
        self.domestic = QPushButton(self.tr("Against the domestic option"), self)
        self.domestic.setObjectName("pairDomestic")
        self.domestic.clicked.connect(self.against_domestic)
        self.domestic.hide()
        form = QFormLayout()
        form.addRow(self.tr("Proposed pairs (same GPU class and link):"), self.proposals)
        picks = QHBoxLayout()
        picks.addWidget(QLabel(self.tr("Lenovo:")))
        picks.addWidget(self.lenovo, 1)
        picks.addSpacing(12)
        picks.addWidget(QLabel(self.tr("Inspur:")))
        picks.addWidget(self.inspur, 1)
        picks.addWidget(self.domestic)
        form.addRow(picks)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("pairTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Figure"), vendor_name("Lenovo"), vendor_name("Inspur"),
             self.tr("Difference (Inspur − Lenovo)"), "%"]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.legend = self.tr("Bold green ✓: the better value of the two. Differences are Inspur minus "
                              "Lenovo; % is of the Lenovo figure.")
        self.note = QLabel(self.legend)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(mid);")
        self.export_banner = export_banner(self, "pairExportBanner")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.export_banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)

    def set_comparison(self, comparison: Comparison) -> None:
        self._comparison = comparison
        keep = (self.lenovo.currentData(), self.inspur.currentData())
        pairs = proposed_pairs(comparison, user_systems.catalog())
        plans = {p.config: p for p in comparison.plans}
        for combo, vendor in ((self.lenovo, "Lenovo"), (self.inspur, "Inspur")):
            combo.blockSignals(True)
            combo.clear()
            for plan in comparison.plans:
                if plan.vendor == vendor:
                    combo.addItem(config_label(plan), plan.config)
            combo.blockSignals(False)
        # other vendors' systems after Inspur's, to compare Lenovo's against the domestic option
        self.inspur.blockSignals(True)
        for plan in self._domestic_plans():
            self.inspur.addItem(config_label(plan), plan.config)
        self.inspur.blockSignals(False)
        self.domestic.setVisible(bool(self._domestic_plans()))
        self.proposals.clear()
        for pair in pairs:
            text = f"{config_label(plans[pair.lenovo])}  ↔  {config_label(plans[pair.inspur])}"
            if pair.same_gpu:
                text += "  " + self.tr("(same GPU)")
            self.proposals.addItem(text, (pair.lenovo, pair.inspur))
        if not pairs:
            self.proposals.addItem(self.tr("(no equivalent pair among these configurations)"))
        if keep[0] is not None and self.lenovo.findData(keep[0]) >= 0 and self.inspur.findData(keep[1]) >= 0:
            self._pick(keep[0], keep[1])
        elif pairs:
            self._pick(pairs[0].lenovo, pairs[0].inspur)
        self._stale = True
        if self.isVisible():  # a hidden view fills its table when shown: re-plans stay quick
            self._show()

    def _domestic_plans(self) -> list[Plan]:
        """Configurations of vendors other than Lenovo and Inspur, buildable first."""
        plans = self._comparison.plans if self._comparison else ()
        return sorted((p for p in plans if p.vendor not in ("Lenovo", "Inspur")),
                      key=lambda p: not p.feasible)

    def against_domestic(self) -> None:
        """The chosen Lenovo configuration against the (first buildable) domestic option."""
        domestic = self._domestic_plans()
        if domestic:
            self.select(self.lenovo.currentData(), domestic[0].config)

    def _take_proposal(self, index: int) -> None:
        data = self.proposals.itemData(index)
        if data:
            self.select(*data)

    def select(self, lenovo: str, inspur: str) -> None:
        self._pick(lenovo, inspur)
        self._show()

    def _pick(self, lenovo: str, inspur: str) -> None:
        for combo, config in ((self.lenovo, lenovo), (self.inspur, inspur)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(config)))
            combo.blockSignals(False)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self._show()

    def selected(self) -> tuple[Plan, Plan] | None:
        if self._comparison is None:
            return None
        plans = {p.config: p for p in self._comparison.plans}
        left, right = plans.get(self.lenovo.currentData()), plans.get(self.inspur.currentData())
        return (left, right) if left is not None and right is not None else None

    def _show(self) -> None:
        self._stale = False
        chosen = self.selected()
        self.table.setRowCount(0)
        self.rows = []
        self.export_banner.hide()
        if chosen is None or self._comparison is None:
            return
        left, right = chosen
        self.note.setText("\n".join(t for t in (self.legend, band_sentence(self._comparison)) if t))
        banner = export_licence_html(self._comparison, [left, right])
        self.export_banner.setText(banner)
        self.export_banner.setVisible(bool(banner))
        currency = self._comparison.request.finance.currency
        rows = {p.config: figure_row(p) for p in (left, right)}  # the overview's figures, same source
        catalog = user_systems.catalog()
        self.peaks = {p.config: server_peaks_of(p, catalog) for p in (left, right)}
        self.rows = pair_rows(left, right, rows, PAIR_FIGURES) + peak_rows(left, right, catalog)
        difference = (self.tr("Difference (Inspur − Lenovo)") if right.vendor == "Inspur" else
                      self.tr("Difference (%1 − %2)").replace("%1", vendor_name(right.vendor))
                      .replace("%2", vendor_name(left.vendor)))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Figure"), config_label(left), config_label(right), difference, "%"]
        )  # fmt: skip
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            cells = [
                self.row_label(row.key),
                self._value(row.key, row.kind, row.left, left, currency),
                self._value(row.key, row.kind, row.right, right, currency),
                self._difference(row, currency),
                fmt.percent(row.percent, 1) if row.percent is not None else "—",
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(RIGHT)
                if (c == 1 and row.better < 0) or (c == 2 and row.better > 0):
                    font = QFont()
                    font.setBold(True)
                    item.setFont(font)
                    item.setForeground(QBrush(BETTER))
                    item.setText(text + " ✓")
                    item.setToolTip(self.tr("The better value of the two"))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def _value(self, key: str, kind: str, value: object, plan: Plan, currency: str) -> str:
        deadline = self._comparison.request.schedule.days if self._comparison else None
        risky = at_risk(plan, deadline)
        if key == "meets_deadline" and risky:
            return at_risk_text(plan.days_low, plan.days_high, plan.lead_time_days)
        if kind == "peak":  # dense, then the 2:4 sparse peak where the part has one
            peak = self.peaks.get(plan.config, {}).get(key.split(":", 1)[1])
            if peak is None or peak["dense"] is None:
                return "—"
            text = fmt.number(peak["dense"], 3)
            if peak.get("dense_high") is not None:
                text += "–" + fmt.number(peak["dense_high"], 3)
            if peak["sparse"] is not None:
                text += " / " + fmt.number(peak["sparse"], 3)
            return text
        return display_value(kind, value, currency)

    @staticmethod
    def row_label(key: str) -> str:
        if key.startswith("category:"):
            return QCoreApplication.translate("PairView", "BOM: %1").replace(
                "%1", category_name(key.split(":", 1)[1])
            )
        if key.startswith("money:"):
            return QCoreApplication.translate("PairView", MONEY_LABELS[key.split(":", 1)[1]])
        if key.startswith("peak:"):
            name = key.split(":", 1)[1]
            unit = "POPS" if name == "int8" else "PF"
            return (QCoreApplication.translate("PairView", "Peak per server, %1 (%2 dense / sparse)")
                    .replace("%1", QCoreApplication.translate("PairView", PEAK_NAMES.get(name, name)))
                    .replace("%2", unit))
        return LABELS[key].text

    @staticmethod
    def _difference(row: PairRow, currency: str) -> str:
        diff = row.difference
        if diff is None:
            return "—"
        sign = "+" if diff > 0 else ""
        if row.kind == "percent":
            return sign + fmt.percent(diff, 1)
        if row.kind == "peak":
            return sign + fmt.number(diff, 3)
        return sign + display_value(row.kind, diff, currency)
