"""A chart of the comparison, drawn when first shown, saying which configurations it shows."""

from __future__ import annotations

import dataclasses
import warnings
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.messages import list_text
from desktop.pairing import by_vendor, config_label
from engine.model import Comparison


class ChartTab(QWidget):
    """A matplotlib canvas drawn by one of desktop.charts' functions, when first shown.

    matplotlib is imported on the first drawing, not when the window opens. A
    menu picks the configurations the chart draws (by default the chart's own
    choice); a line above the chart names the ones it shows.
    """

    def __init__(self, key: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.language = language
        self.setObjectName(f"chart:{key}")
        self.figure: Any = None
        self.canvas: Any = None
        self.picked: set[str] | None = None  # None: the chart's own choice
        self.shown_configs: list[str] = []
        self.pick_button = QToolButton(self)
        self.pick_button.setObjectName("chartPick")
        self.pick_button.setText(self.tr("Configurations…"))
        self.pick_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.pick_button)
        self.pick_button.setMenu(self.menu)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.caption = QLabel(self)
        self.caption.setObjectName("chartCaption")
        self.caption.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.pick_button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(top)
        self._comparison: Comparison | None = None
        self._drawn = True

    def set_comparison(self, comparison: Comparison) -> None:

        self._comparison = comparison
        known = {p.config for p in comparison.plans}
        if self.picked is not None:
            self.picked &= known
        self._drawn = False
        if self.isVisible():
            self.redraw()

    def _fill_menu(self) -> None:
        """The menu of configurations, made when it opens (re-plans need not rebuild it)."""
        from desktop.charts import shown

        comparison = self._comparison
        if comparison is None:
            return
        chosen = self.picked if self.picked is not None else {p.config for p in shown(self.key, comparison)}
        self.menu.clear()
        default = self.menu.addAction(self.tr("The chart's own choice"))
        default.triggered.connect(lambda: self.pick(None))
        self.menu.addSeparator()
        for plan in by_vendor(list(comparison.plans)):
            action = self.menu.addAction(config_label(plan))
            action.setCheckable(True)
            action.setChecked(plan.config in chosen)
            action.setEnabled(plan.feasible)
            action.toggled.connect(lambda on, c=plan.config: self._toggle(c, on))

    def _toggle(self, config: str, on: bool) -> None:
        from desktop.charts import shown

        if self._comparison is None:
            return
        picked = set(self.picked if self.picked is not None else
                     {p.config for p in shown(self.key, self._comparison)})
        (picked.add if on else picked.discard)(config)
        self.pick(picked)

    def pick(self, configs: set[str] | None) -> None:
        """Draw these configurations (None: the chart's own choice)."""
        self.picked = None if configs is None else set(configs)
        if self._comparison is not None:
            self.set_comparison(self._comparison)

    def _make_canvas(self) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from desktop.charts import configure_fonts

        configure_fonts(self.language)
        self.figure = Figure(figsize=(8, 5))
        self.canvas = FigureCanvasQTAgg(self.figure)  # type: ignore[no-untyped-call]  # unannotated
        self._layout.addWidget(self.canvas, 1)

    def redraw(self) -> None:
        from desktop.charts import DRAWERS, shown

        if self._comparison is None or self._drawn:
            return
        if self.canvas is None:
            self._make_canvas()
        comparison = self._comparison
        if self.picked is not None:
            comparison = dataclasses.replace(
                comparison, plans=tuple(p for p in comparison.plans if p.config in self.picked)
            )
        drawn = shown(self.key, comparison)
        self.shown_configs = [p.config for p in drawn]
        total = len(self._comparison.plans)
        self.caption.setText(
            self.tr("Shows %1 of %2 configurations: %3")
            .replace("%1", str(len(drawn)))
            .replace("%2", str(total))
            .replace("%3", list_text([config_label(p) for p in drawn]) or "—")
        )
        with warnings.catch_warnings():
            # Without a CJK font matplotlib draws boxes for Chinese text and says so per glyph.
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            DRAWERS[self.key](self.figure, comparison)
            self.canvas.draw()
        self._drawn = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.redraw()
