"""The 2-D lab's live numbers: modes covered and high-quality share over steps, and the two losses.

Points are appended to arrays that grow by doubling; the curves are redrawn from a timer by the tab.
A diverged run gets a red line where it stopped.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

MODES, HQ, D_LOSS, G_LOSS = "#1f77b4", "#2ca02c", "#d62728", "#9467bd"


class Lab2DPlots(pg.GraphicsLayoutWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.ci.layout.setContentsMargins(2, 2, 2, 2)
        self.cov = self.addPlot(row=0, col=0)
        self.loss = self.addPlot(row=1, col=0)
        self.cov.setYRange(0, 100, padding=0.02)
        self.cov.setLabel("left", "%")
        self.loss.setLabel("bottom", self.tr("step"))
        self.loss.setXLink(self.cov)
        self.cov_legend = self.cov.addLegend(offset=(4, 4), labelTextSize="8pt")
        self.loss_legend = self.loss.addLegend(offset=(4, 4), labelTextSize="8pt")
        self.modes_curve = self.cov.plot(pen=pg.mkPen(MODES, width=2), name=self.tr("modes covered"))
        self.hq_curve = self.cov.plot(pen=pg.mkPen(HQ, width=2), name=self.tr("high quality"))
        self.d_curve = self.loss.plot(pen=pg.mkPen(D_LOSS, width=1.5), name=self.tr("D loss"))
        self.g_curve = self.loss.plot(pen=pg.mkPen(G_LOSS, width=1.5), name=self.tr("G loss"))
        for plot in (self.cov, self.loss):
            plot.setClipToView(True)
            plot.setDownsampling(mode="peak")
            plot.getAxis("left").enableAutoSIPrefix(False)
        self.cov.setToolTip(self.tr("Blue: the share of the target's modes that G covers (at least 12 of 2,500 "
                                    "samples within 3 std of the mode). Green: the share of G's samples within 3 "
                                    "std of some mode."))
        self.loss.setToolTip(self.tr("D's and G's losses after each measured step."))
        self.marks: list[pg.InfiniteLine] = []
        self.reset_data()

    def reset_data(self) -> None:
        self.data = np.zeros((64, 5))     # step, modes %, hq %, d loss, g loss
        self.n = 0
        for m in self.marks:
            m.getViewBox().removeItem(m)
        self.marks = []
        for c in (self.modes_curve, self.hq_curve, self.d_curve, self.g_curve):
            c.setData([], [])

    def add(self, step: int, modes_pct: float, hq_pct: float, d_loss: float, g_loss: float) -> None:
        if self.n == len(self.data):
            self.data = np.concatenate([self.data, np.zeros_like(self.data)])
        self.data[self.n] = (step, modes_pct, hq_pct, d_loss, g_loss)
        self.n += 1

    def redraw(self) -> None:
        d = self.data[:self.n]
        x = d[:, 0]
        self.modes_curve.setData(x, d[:, 1], connect="finite")
        self.hq_curve.setData(x, d[:, 2], connect="finite")
        finite = np.isfinite(d[:, 3:]).all(axis=1)
        self.d_curve.setData(x[finite], d[finite, 3])
        self.g_curve.setData(x[finite], d[finite, 4])

    def mark(self, step: int, text: str) -> None:
        """A red vertical line at ``step`` on both plots (where a run diverged)."""
        for plot in (self.cov, self.loss):
            line = pg.InfiniteLine(pos=step, angle=90, label=text, labelOpts={"color": "#d62728"},
                                   pen=pg.mkPen("#d62728", width=2, style=Qt.PenStyle.DashLine))
            plot.addItem(line)
            self.marks.append(line)

    def set_presentation(self, on: bool) -> None:
        font = QFont(self.font())
        size = 13 if on else 9
        font.setPointSize(size)
        for plot in (self.cov, self.loss):
            for name in ("left", "bottom"):
                plot.getAxis(name).setTickFont(font)
                plot.getAxis(name).label.setFont(font)
        for legend in (self.cov_legend, self.loss_legend):
            legend.setLabelTextSize(f"{size}pt")
            for _, label in legend.items:
                label.setText(label.text)
