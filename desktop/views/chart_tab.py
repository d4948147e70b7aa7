"""A chart of the comparison, drawn when first shown."""

from __future__ import annotations

import warnings
from typing import Any

from PySide6.QtWidgets import (
    QVBoxLayout,
    QWidget,
)

from engine.model import Comparison


class ChartTab(QWidget):
    """A matplotlib canvas drawn by one of desktop.charts' functions, when first shown.

    matplotlib is imported on the first drawing, not when the window opens.
    """

    def __init__(self, key: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.language = language
        self.setObjectName(f"chart:{key}")
        self.figure: Any = None
        self.canvas: Any = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._comparison: Comparison | None = None
        self._drawn = True

    def set_comparison(self, comparison: Comparison) -> None:
        self._comparison = comparison
        self._drawn = False
        if self.isVisible():
            self.redraw()

    def _make_canvas(self) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from desktop.charts import configure_fonts

        configure_fonts(self.language)
        self.figure = Figure(figsize=(8, 5))
        self.canvas = FigureCanvasQTAgg(self.figure)
        self._layout.addWidget(self.canvas)

    def redraw(self) -> None:
        from desktop.charts import DRAWERS

        if self._comparison is None or self._drawn:
            return
        if self.canvas is None:
            self._make_canvas()
        with warnings.catch_warnings():
            # Without a CJK font matplotlib draws boxes for Chinese text and says so per glyph.
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            DRAWERS[self.key](self.figure, self._comparison)
            self.canvas.draw()
        self._drawn = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.redraw()
