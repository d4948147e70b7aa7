"""The rack elevation and floor sketch of one configuration, with a picker and PNG export."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop import user_systems
from desktop.pairing import config_label
from desktop.views.picker import fill_config_picker
from engine.model import Comparison, Plan, Rack

SCREEN_DPI = 80


class RackView(QWidget):
    """One configuration's racks, drawn when shown (matplotlib is imported on the first drawing)."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("racks")
        self.language = language
        self._comparison: Comparison | None = None
        self._drawn = True
        self.figure: Any = None
        self.canvas: Any = None
        self.drawn_racks: list[tuple[Rack, list[int]]] = []
        self.picker = QComboBox(self)
        self.picker.setObjectName("rackConfig")
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.picker.currentIndexChanged.connect(self._invalidate)
        self.export_button = QPushButton(self.tr("Export as PNG…"), self)
        self.export_button.setObjectName("rackExport")
        self.export_button.clicked.connect(lambda: self.export_png())
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Configuration:")))
        top.addWidget(self.picker)
        top.addStretch(1)
        top.addWidget(self.export_button)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll_area, 1)

    def set_comparison(self, comparison: Comparison) -> None:
        self._comparison = comparison
        fill_config_picker(self.picker, comparison)
        self._invalidate()

    def select(self, config: str) -> None:
        self.picker.setCurrentIndex(max(0, self.picker.findData(config)))

    def plan(self) -> Plan | None:
        if self._comparison is None:
            return None
        return next((p for p in self._comparison.plans if p.config == self.picker.currentData()), None)

    def _invalidate(self) -> None:
        self._drawn = False
        if self.isVisible():
            self.redraw()

    def _draw(self, figure: Any) -> bool:
        from desktop.elevation import draw_racks, figure_size, rack_view

        plan = self.plan()
        chinese = self.language.startswith("zh")
        view = rack_view(plan, user_systems.catalog(), chinese=chinese) if plan is not None else None
        if view is None:
            self.drawn_racks = []
            return False
        figure.set_size_inches(*figure_size(view))
        self.drawn_racks = draw_racks(figure, view)
        return True

    def redraw(self) -> None:
        if self._drawn or self._comparison is None:
            return
        with warnings.catch_warnings():
            # Without a CJK font matplotlib draws boxes for Chinese text and says so per glyph.
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            self._redraw()
        self._drawn = True

    def _redraw(self) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from desktop.charts import configure_fonts

        configure_fonts(self.language)
        if self.canvas is None:
            self.figure = Figure(dpi=SCREEN_DPI)
            self.canvas = FigureCanvasQTAgg(self.figure)  # type: ignore[no-untyped-call]  # unannotated
            self.scroll_area.setWidget(self.canvas)
        drawn = self._draw(self.figure)
        plan = self.plan()
        self.canvas.setVisible(drawn)
        self.export_button.setEnabled(drawn)
        if not drawn and plan is not None:
            self.message.setText(self.tr("%1 cannot be built, so it has no racks.").replace(
                "%1", config_label(plan)))
        self.message.setVisible(not drawn)
        if drawn:
            width, height = self.figure.get_size_inches()
            self.canvas.setFixedSize(int(width * SCREEN_DPI), int(height * SCREEN_DPI))
            self.canvas.draw()

    def export_png(self, path: Path | None = None) -> Path | None:
        """Write the drawing as a PNG (asks for a file name unless ``path`` is given)."""
        plan = self.plan()
        if plan is None:
            return None
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export racks as PNG"),
                f"racks-{plan.config}.png",
                self.tr("PNG images (*.png)"),
            )
            if not name:
                return None
            path = Path(name)
        from matplotlib.figure import Figure

        from desktop.charts import configure_fonts

        configure_fonts(self.language)
        figure = Figure()
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        partial = path.with_name(path.name + ".part")
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            if not self._draw(figure):
                return None
            figure.savefig(partial, dpi=120, format="png")
        partial.replace(path)  # written whole or not at all
        return path

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.redraw()
