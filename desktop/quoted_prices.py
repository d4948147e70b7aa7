"""The prices a plan is quoted with: today's price list, or the snapshot its file keeps.

A plan opened from a file with a price snapshot is planned with that snapshot, so
it shows the totals of the quote that was sent. A bar says so and offers to
re-price with today's list: a dialog shows, per configuration and line, what
would change (engine.money.reprice), and the user takes today's prices or keeps
the saved ones. Saving a plan takes a new snapshot of the prices it was planned with.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from html import escape
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import format as fmt
from desktop.overrides import RequestSource
from engine.catalog import CatalogError, catalog_version
from engine.compare import compare
from engine.errors import RequestError
from engine.model import Comparison, PlanRequest
from engine.money.prices import PriceError, PriceList, load_price_list
from engine.money.reprice import PlanChange, diff_comparisons
from engine.money.snapshot import PriceSnapshot, quoted_differences, snapshot_prices
from engine.planfile import snapshot_for

PLANNING_ERRORS = (RequestError, CatalogError, PriceError, OSError)


class QuotedPrices(QObject):
    """Holds the open plan's price snapshot, if it has one; ``source`` (the plan session)
    holds the request."""

    changed = Signal()  # the prices to plan with changed (re-priced with today's list)

    def __init__(self, source: RequestSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self.snapshot: PriceSnapshot | None = None

    def request(self) -> PlanRequest | None:
        return self._source.request

    def load(self, snapshot: PriceSnapshot | None) -> None:
        self.snapshot = snapshot

    def price_list(self) -> PriceList | None:
        """The list to plan with; None: today's (the planner loads it)."""
        if self.snapshot is None:
            return None
        try:
            today = load_price_list()
        except PriceError:  # the snapshot still prices the plan; a gap is reported by planning
            today = PriceList(name="", entries={})
        return snapshot_prices(self.snapshot, today)

    def for_saving(self, request: PlanRequest) -> PriceSnapshot | None:
        """A snapshot of the prices ``request`` is priced with now; None if it cannot be planned.

        A plan still on its saved prices keeps their date and source.
        """
        from desktop import user_systems

        try:  # on the systems the user added too (their prices come with them)
            catalog, prices = user_systems.working(self.price_list())
            comparison = compare(request, catalog=catalog, price_list=prices)
        except PLANNING_ERRORS:  # a request that cannot be planned is saved without prices
            return None
        saved = dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        taken = snapshot_for(comparison, prices, saved=saved, catalog_version=catalog_version(),
                             catalog=catalog)
        if self.snapshot is not None:
            taken = dataclasses.replace(taken, saved=self.snapshot.saved,
                                        price_list=self.snapshot.price_list)
        return taken

    def differences(self, comparison: Comparison) -> tuple[tuple[str, float, float | None], ...]:
        """Configurations whose capex differs from the quote saved in the file."""
        if self.snapshot is None:
            return ()
        return quoted_differences(self.snapshot, comparison)

    def repricing(self, request: PlanRequest) -> tuple[PlanChange, ...]:
        """What today's price list would change, configuration by configuration."""
        from desktop import user_systems

        saved = self.price_list()
        assert saved is not None
        catalog = user_systems.catalog()  # the saved prices hold the user's systems' own
        _, today = user_systems.working(load_price_list())
        return diff_comparisons(compare(request, catalog=catalog, price_list=saved),
                                compare(request, catalog=catalog, price_list=today))

    def use_todays_prices(self) -> None:
        self.snapshot = None
        self.changed.emit()

    def offer_repricing(self, parent: QWidget | None = None) -> bool:
        """Show what re-pricing would change; True when the user takes today's prices."""
        request = self.request()
        if self.snapshot is None or request is None:
            return False
        try:
            changes = self.repricing(request)
        except PLANNING_ERRORS as exc:
            QMessageBox.warning(parent, self.tr("Cannot re-price"), str(exc).splitlines()[0])
            return False
        dialog = RepriceDialog(changes, self.snapshot, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.use_todays_prices()
        return True


def saved_on(snapshot: PriceSnapshot) -> str:
    return snapshot.saved[:10]


class QuotedPricesBar(QWidget):
    """"Priced with the prices saved on …" and a button to re-price; hidden otherwise."""

    def __init__(self, quoted: QuotedPrices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quotedPricesBar")
        self.quoted = quoted
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 6, 3)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.button = QPushButton(self.tr("Re-price with today's list…"), self)
        self.button.setObjectName("reprice")
        self.button.clicked.connect(lambda: self.quoted.offer_repricing(self))
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.setStyleSheet("#quotedPricesBar { background: #e8f0fe; border-radius: 3px; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.hide()

    def show_for(self, comparison: Comparison) -> None:
        snapshot = self.quoted.snapshot
        if snapshot is None:
            self.hide()
            return
        text = self.tr("Priced with the prices saved with the plan on %1 (%2), as quoted.").replace(
            "%1", saved_on(snapshot)).replace("%2", escape(Path(snapshot.price_list).name))
        differ = self.quoted.differences(comparison)
        if differ:
            text += "<br><span style='color:#b00020'>" + self.tr(
                "The totals of %n configuration(s) differ from the quote saved in the file: "
                "the catalog has changed since (%1, now %2).", "", len(differ)
            ).replace("%1", escape(snapshot.catalog_version)).replace(
                "%2", escape(catalog_version())) + "</span>"
        self.label.setText(text)
        self.show()


class RepriceDialog(QDialog):
    """Per configuration: capex saved and today; under it, each line that would change."""

    def __init__(
        self, changes: tuple[PlanChange, ...], snapshot: PriceSnapshot, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("repriceDialog")
        self.setWindowTitle(self.tr("Re-price with today's list"))
        self.resize(900, 520)
        changed = [c for c in changes if c.changed]
        intro = QLabel(self)
        intro.setWordWrap(True)
        if changed:
            intro.setText(self.tr(
                "Prices saved on %1 against today's price list: %n configuration(s) would change.",
                "", len(changed)).replace("%1", saved_on(snapshot)))
        else:
            intro.setText(self.tr("Today's price list gives the same totals as the prices saved "
                                  "on %1.").replace("%1", saved_on(snapshot)))
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("repriceChanges")
        self.tree.setHeaderLabels([
            self.tr("Configuration / line"), self.tr("Qty"), self.tr("Saved"), self.tr("Today"),
            self.tr("Change"), self.tr("Change (%)"),
        ])
        for change in changed:
            self._add(change)
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(self)
        self.use_button = buttons.addButton(self.tr("Use today's prices"),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_button = buttons.addButton(self.tr("Keep the saved prices"),
                                             QDialogButtonBox.ButtonRole.RejectRole)
        self.use_button.setEnabled(bool(changed))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def _add(self, change: PlanChange) -> None:
        cur = change.currency

        def money(value: float | None) -> str:
            return fmt.money(value, cur) if value is not None else self.tr("refused")

        delta = change.capex_delta
        share = (fmt.percent(delta / change.capex_before, 2)
                 if delta is not None and change.capex_before else "")
        top = QTreeWidgetItem([
            f"{change.config} — " + self.tr("capex"), "", money(change.capex_before),
            money(change.capex_after), _signed(delta, cur), share,
        ])
        font = top.font(0)
        font.setBold(True)
        for column in range(6):
            top.setFont(column, font)
        self.tree.addTopLevelItem(top)
        chinese = QLocale().language() == QLocale.Language.Chinese  # set with the translators
        for line in change.lines:
            description = (line.description_zh or line.description_en) if chinese else line.description_en
            qty = _qty(line.qty_before, line.qty_after)
            item = QTreeWidgetItem([
                description or line.item, qty,
                fmt.money(line.unit_price_before, line.currency, 2) if line.unit_price_before is not None
                else self.tr("new line"),
                fmt.money(line.unit_price_after, line.currency, 2) if line.unit_price_after is not None
                else self.tr("no longer planned"),
                _signed(line.delta, line.currency), "",
            ])
            item.setToolTip(0, line.item)
            top.addChild(item)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row in (top, *(top.child(n) for n in range(top.childCount()))):
            for column in range(1, 6):
                if row is not None:
                    row.setTextAlignment(column, right)


def _signed(value: float | None, currency: str) -> str:
    if value is None:
        return "—"
    return ("+" if value > 0 else "") + fmt.money(value, currency)


def _qty(before: int | None, after: int | None) -> str:
    if before == after or before is None or after is None:
        return fmt.number(after if after is not None else before)
    return f"{fmt.number(before)} → {fmt.number(after)}"
