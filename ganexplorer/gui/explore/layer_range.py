"""Two small widgets the layer-range controls share: the [a, b) pair of layer boxes and the band legend."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QWidget

from ganexplorer.gui.explore.state_diff import quiet


class LayerRange(QWidget):
    """A [start, end) pair of w-layer boxes; ``range_changed(start, end)`` when the user edits either."""

    range_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        h = QHBoxLayout(self)
        h.setContentsMargins(0, 0, 0, 0)
        self.start, self.end = QSpinBox(), QSpinBox()
        self.start.setToolTip(self.tr("First w layer of the range (0 = the coarsest, 4\u00b2)"))
        self.end.setToolTip(self.tr("End of the range: layers a, a+1, \u2026, b\u22121 are affected (b itself is not)"))
        for box in (self.start, self.end):
            h.addWidget(box)
            box.valueChanged.connect(lambda _: self.range_changed.emit(self.start.value(), self.end.value()))

    def set_count(self, num_ws: int) -> None:
        """The model's number of ws bounds both boxes (no edit is reported)."""
        with quiet(self.start, self.end):
            for box in (self.start, self.end):
                box.setRange(0, num_ws)

    def show_range(self, start: int, end: int) -> None:
        """Show [start, end) without reporting it; only a box whose number differs is set."""
        with quiet(self.start, self.end):
            for box, v in ((self.start, start), (self.end, end)):
                if box.value() != v:
                    box.setValue(v)

    def set_tips(self, tip: str) -> None:
        for box in (self.start, self.end):
            box.setToolTip(tip)


class BandLegend(QLabel):
    """The StyleGAN paper's coarse / middle / fine bands of the loaded model, in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setToolTip(self.tr("The StyleGAN paper's bands: coarse styles (4\u00b2\u20138\u00b2) set pose and shape, middle ones (16\u00b2\u201332\u00b2) smaller features, fine ones (64\u00b2 and up) colour and micro-structure"))
