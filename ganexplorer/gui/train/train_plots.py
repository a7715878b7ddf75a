"""The Train tab's right side: loss and D-output curves, the class histogram, the sample grids with
their timeline, the real images and StyleGAN2's mixing strip.

Events only append to arrays here (:class:`GrowingSeries`, the list of grids); the curves are
redrawn by :meth:`TrainPlots.refresh`, which the panel calls from a timer a few times per second,
so plotting never slows training.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QSlider, QSplitter, QVBoxLayout, QWidget

from ganexplorer.core.train.events import ClassHistogramEvent, MixingEvent, SamplesEvent, StepEvent
from ganexplorer.gui.common.image_view import ImageView

SMOOTHING = 0.9          # EMA weight of the past in the smoothed curves (about a 10-step window)
COLOURS = {"d": "#d62728", "g": "#1f77b4", "real": "#2ca02c", "fake": "#9467bd", "r1": "#ff7f0e"}
PLOTTED = (1, 2, 3, 4)   # series columns that get a smoothed twin: d_loss, g_loss, d_real, d_fake


class GrowingSeries:
    """Append-only float arrays that grow by doubling (cheap appends, views for plotting).

    Columns ``n .. n + len(smooth) - 1`` hold bias-corrected exponential moving averages of the
    columns listed in ``smooth``, updated as points arrive (O(1) per point).
    """

    def __init__(self, n: int, smooth: tuple[int, ...] = ()) -> None:
        self.n, self.smooth = n, smooth
        self._data = np.zeros((n + len(smooth), 1024))
        self._ema = np.zeros(len(smooth))
        self._weight = 0.0
        self.size = 0

    def append(self, values: list[float]) -> None:
        if self.size == self._data.shape[1]:
            self._data = np.concatenate([self._data, np.zeros_like(self._data)], axis=1)
        self._data[:self.n, self.size] = values
        if self.smooth:
            v = np.asarray([values[i] for i in self.smooth], dtype=float)
            self._ema = SMOOTHING * self._ema + (1 - SMOOTHING) * np.nan_to_num(v)
            self._weight = SMOOTHING * self._weight + (1 - SMOOTHING)
            self._data[self.n:, self.size] = self._ema / self._weight
        self.size += 1

    def column(self, i: int) -> np.ndarray:
        return self._data[i, :self.size]

    def smoothed(self, i: int) -> np.ndarray:
        return self._data[self.n + self.smooth.index(i), :self.size]


def _swatch(colour: str, text: str, dashed: bool = False) -> str:
    line = "\u2504" if dashed else "\u2501"
    return f"<span style='color:{colour}'>{line}</span>&nbsp;{text}"


def _new_series() -> GrowingSeries:
    return GrowingSeries(6, PLOTTED)   # step, d_loss, g_loss, d_real, d_fake, r1


class TrainPlots(QSplitter):
    """Curves on top, pictures below. ``smooth``: show moving averages over faint raw values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.series = _new_series()
        self.grids: list[tuple[int, np.ndarray]] = []
        self.last_classes: ClassHistogramEvent | None = None
        self.smooth = True
        self._dirty = False
        self._presentation = False
        self._stylegan2 = False
        pg.setConfigOptions(antialias=True)
        self._build_curves()
        self._build_classes()
        self._build_pictures()
        plots = QSplitter()
        plots.addWidget(self.loss_plot)
        plots.addWidget(self.prob_plot)
        plots.addWidget(self._classes)
        self.addWidget(plots)
        self.addWidget(self._pictures)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 3)
        self.setSizes([2000, 3000])

    # -- building ---------------------------------------------------------------------------------
    def _build_curves(self) -> None:
        self.loss_plot = pg.PlotWidget()
        self.prob_plot = pg.PlotWidget()
        self.prob_plot.setYRange(0, 1, padding=0.02)
        self.half_line = pg.InfiniteLine(pos=0.5, angle=0, movable=False,
                                         pen=pg.mkPen("#888888", width=1, style=Qt.PenStyle.DashLine))
        self.prob_plot.addItem(self.half_line)
        # The point a single D or G step made, ringed (D(x) and D(G(z)) of that step).
        self.step_marks = self.prob_plot.plot([], [], pen=None, symbol="o", symbolSize=16, symbolBrush=None,
                                              symbolPen=pg.mkPen("#ffd400", width=2.5))   # seen on the black plot
        # Raw values (faint when smoothing is on) and the smoothed trend on top.
        self.raw_curves = {k: plot.plot(pen=pg.mkPen(COLOURS[k] + "55", width=1))
                           for k, plot in (("d", self.loss_plot), ("g", self.loss_plot),
                                           ("real", self.prob_plot), ("fake", self.prob_plot))}
        self.d_curve = self.loss_plot.plot(pen=pg.mkPen(COLOURS["d"], width=1.5))
        self.g_curve = self.loss_plot.plot(pen=pg.mkPen(COLOURS["g"], width=1.5))
        self.real_curve = self.prob_plot.plot(pen=pg.mkPen(COLOURS["real"], width=1.5))
        self.fake_curve = self.prob_plot.plot(pen=pg.mkPen(COLOURS["fake"], width=1.5))
        self.r1_curve = self.loss_plot.plot(pen=pg.mkPen(COLOURS["r1"], width=1.5, style=Qt.PenStyle.DashLine),
                                            connect="finite")
        self.main_curves = {"d": self.d_curve, "g": self.g_curve, "real": self.real_curve, "fake": self.fake_curve,
                            "r1": self.r1_curve}
        for p in (self.loss_plot, self.prob_plot):
            p.setDownsampling(mode="peak")
            p.setClipToView(True)
            p.setLabel("bottom", self.tr("step"))
            p.setMinimumSize(180, 160)
        self.loss_plot.setToolTip(self.tr("D's and G's losses. They do not fall together: each one's gain is the "
                                          "other's loss. Wild swings or one going to 0 mean trouble"))
        self.prob_plot.setToolTip(self.tr("D(x): D's average belief that real images are real. D(G(z)): its belief "
                                          "that generated ones are real. At the ideal end both sit at 0.5 (dashed): "
                                          "D can no longer tell"))

    def _build_classes(self) -> None:
        self.class_plot = pg.PlotWidget()
        self.class_plot.setLabel("bottom", self.tr("class"))
        self.class_bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7, brush="#1f77b4")
        self.class_plot.addItem(self.class_bars)
        self.class_plot.getAxis("bottom").setTicks([[(i, str(i)) for i in range(10)]])
        self.class_plot.setToolTip(self.tr("A digit classifier labels 200 generated samples. Only samples it "
                                           "recognises confidently are counted; a GAN that has collapsed covers "
                                           "few classes"))
        self.class_plot.setMinimumHeight(120)
        self.class_label = QLabel(self.tr("Class coverage appears for digit data."))
        self.class_label.setWordWrap(True)
        self._classes = QWidget()
        cv = QVBoxLayout(self._classes)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.addWidget(self.class_plot, 1)
        cv.addWidget(self.class_label)

    def _build_pictures(self) -> None:
        self.samples = ImageView()
        self.samples.setToolTip(self.tr("The generator's output for the same 64 noise vectors at every redraw, so "
                                        "you see the same samples change"))
        self.real_view = ImageView()
        self.real_view.setToolTip(self.tr("Training images, for comparison"))
        self.timeline = QSlider(Qt.Orientation.Horizontal)
        self.timeline.setRange(0, 0)
        self.timeline.setEnabled(False)
        self.timeline.setToolTip(self.tr("Go back to an earlier sample grid of this run"))
        self.timeline.valueChanged.connect(self._show_grid)
        self.timeline_label = QLabel()
        self.mixing_view = ImageView()
        self.mixing_title = QLabel(self.tr(
            "Style mixing (moving-average G): rows take the coarse styles of the top row"))
        self.mixing_title.setWordWrap(True)   # F5's large font must not widen the tab past 1280 px
        for view in (self.samples, self.real_view, self.mixing_view):
            view.setMinimumSize(120, 120)   # the tab must fit 1280x720 with the StyleGAN2 rows shown
        self._pictures = QWidget()
        grid = QGridLayout(self._pictures)
        grid.addWidget(QLabel(self.tr("Generated (fixed noise)")), 0, 0)
        grid.addWidget(QLabel(self.tr("Real")), 0, 1)
        grid.addWidget(self.samples, 1, 0)
        grid.addWidget(self.real_view, 1, 1)
        grid.addWidget(self.timeline, 2, 0)
        grid.addWidget(self.timeline_label, 2, 1)
        grid.addWidget(self.mixing_title, 3, 0, 1, 2)
        grid.addWidget(self.mixing_view, 4, 0, 1, 2)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(4, 2)
        self.pics_layout = grid

    # -- what a run sends -------------------------------------------------------------------------
    def reset(self) -> None:
        """A new run: no points, no grids."""
        self.series = _new_series()
        self.grids = []
        self.timeline.setRange(0, 0)
        self.timeline.setEnabled(False)
        self.step_marks.setData([], [])
        self._dirty = True

    def show_event(self, ev: object) -> None:
        """A training event that shows on this side: a step, a sample grid, the mixing strip, the classes."""
        if isinstance(ev, StepEvent):
            self.add_step(ev)
        elif isinstance(ev, SamplesEvent):
            self.add_grid(ev.step, ev.grid)
        elif isinstance(ev, MixingEvent):
            self.mixing_view.set_image(ev.grid)
        elif isinstance(ev, ClassHistogramEvent):
            self.show_classes(ev)

    def mark_step(self, step: int, d_real: float, d_fake: float) -> None:
        """Ring where a single step left D(x) and D(G(z))."""
        self.step_marks.setData([step, step], [d_real, d_fake])

    def add_step(self, ev: StepEvent) -> None:
        self.series.append([ev.step, ev.d_loss, ev.g_loss, ev.d_real, ev.d_fake, ev.r1])
        self._dirty = True

    def add_grid(self, step: int, grid: np.ndarray) -> None:
        """Keep the grid for the timeline; show it if the timeline follows the newest grid."""
        self.grids.append((step, grid))
        self.timeline.setEnabled(True)
        follow = len(self.grids) == 1 or self.timeline.value() >= self.timeline.maximum()
        self.timeline.setRange(0, len(self.grids) - 1)
        if follow:
            self.timeline.setValue(len(self.grids) - 1)
            self._show_grid(len(self.grids) - 1)

    def show_classes(self, ev: ClassHistogramEvent) -> None:
        self.last_classes = ev
        self.class_bars.setOpts(height=np.asarray(ev.counts, dtype=float))
        self.class_plot.setYRange(0, max(10, max(ev.counts)), padding=0.05)
        self.class_label.setText(self._class_text(ev))

    def _class_text(self, ev: ClassHistogramEvent) -> str:
        confident = sum(ev.counts)
        if confident == 0:
            return self.tr("step {0}: no confident samples yet").format(ev.step)
        text = self.tr("step {0}: {1} of 10 classes, {2:.0%} of {3} samples recognised, largest class {4:.0%}")
        text = text.format(ev.step, ev.coverage, ev.confident_share, ev.samples, max(ev.counts) / confident)
        if ev.recognisable:
            text += self.tr(" \u2014 recognisable digits")
        return text

    def _show_grid(self, index: int) -> None:
        if 0 <= index < len(self.grids):
            step, pic = self.grids[index]
            self.samples.set_image(pic)
            self.timeline_label.setText(self.tr("step {0}").format(step))

    def current_picture(self) -> tuple[np.ndarray | None, str]:
        """The sample grid shown (the timeline's step), named by its step."""
        index = self.timeline.value()
        if not 0 <= index < len(self.grids):
            return None, "samples"
        step, pic = self.grids[index]
        return pic.copy(), f"samples-step{step:07d}"

    # -- drawing ----------------------------------------------------------------------------------
    def refresh(self, force: bool = False) -> None:
        """Redraw the curves if points arrived since the last redraw (or ``force``)."""
        if not (self._dirty or force):
            return
        self._dirty = False
        s = self.series
        x = s.column(0)
        for key, col in (("d", 1), ("g", 2), ("real", 3), ("fake", 4)):
            y = s.column(col)
            self.main_curves[key].setData(x, s.smoothed(col) if self.smooth else y)
            if self.smooth:
                self.raw_curves[key].setData(x, y)
        if self.r1_curve.isVisible():
            self.r1_curve.setData(x, s.column(5))
        self._fit_loss_range()

    def _fit_loss_range(self) -> None:
        """Fit the loss plot to the bold curves with headroom (past the first few wild steps of a long run)."""
        s = self.series
        if s.size == 0:
            return
        cols = [s.smoothed(1) if self.smooth else s.column(1), s.smoothed(2) if self.smooth else s.column(2)]
        if self.r1_curve.isVisible():
            cols.append(s.column(5))
        skip = 5 if s.size > 20 else 0
        values = np.concatenate([c[skip:] for c in cols])
        values = values[np.isfinite(values)]
        if values.size:
            lo, hi = float(values.min()), float(values.max())
            span = max(hi - lo, 1e-3)
            self.loss_plot.setYRange(lo - 0.05 * span, hi + 0.1 * span, padding=0)

    def set_smoothing(self, on: bool) -> None:
        self.smooth = bool(on)
        for c in self.raw_curves.values():
            c.setVisible(on)
        self._dirty = True
        self.refresh()

    def set_stylegan2(self, on: bool) -> None:
        """Show the mixing strip and the R1 curve for StyleGAN2 only."""
        self._stylegan2 = bool(on)
        self.mixing_title.setVisible(on)
        self.mixing_view.setVisible(on)
        self.pics_layout.setRowStretch(4, 2 if on else 0)   # a hidden row must not keep its share
        self.r1_curve.setVisible(on)
        self._set_titles()

    def _set_titles(self) -> None:
        size = "12pt" if self._presentation else "10pt"
        losses = [_swatch(COLOURS["d"], "D"), _swatch(COLOURS["g"], "G")]
        if self._stylegan2:
            losses.append(_swatch(COLOURS["r1"], "R1", dashed=True))
        # In presentation mode the legends take two lines: on one, the large text was cut off at 1280 px.
        gap = "<br>" if self._presentation else "&nbsp;&nbsp;"
        self.loss_plot.setTitle(self.tr("Losses") + gap + "&nbsp;&nbsp;".join(losses), size=size)
        probs = [_swatch(COLOURS["real"], "D(x)"), _swatch(COLOURS["fake"], "D(G(z))")]
        self.prob_plot.setTitle("&nbsp;&nbsp;".join(probs) + gap + _swatch("#888888", "0.5", dashed=True),
                                size=size)
        self.class_plot.setTitle(self.tr("Digits recognised"), size=size)

    def retranslate(self) -> None:
        """The titles again, in the language just switched to (they are composed with markup)."""
        self._set_titles()

    def set_presentation(self, on: bool) -> None:
        """Projector mode: thicker lines, larger plot titles and axis labels (idempotent)."""
        self._presentation = bool(on)
        width = 3.0 if on else 1.5
        for key, curve in self.main_curves.items():
            curve.setPen(pg.mkPen(COLOURS[key], width=width,
                                  style=Qt.PenStyle.DashLine if key == "r1" else Qt.PenStyle.SolidLine))
        for key, curve in self.raw_curves.items():
            curve.setPen(pg.mkPen(COLOURS[key] + "55", width=width / 1.5))
        self.half_line.setPen(pg.mkPen("#888888", width=width / 1.5, style=Qt.PenStyle.DashLine))
        font = QFont()
        font.setPointSize(12 if on else 9)
        for plot in (self.loss_plot, self.prob_plot, self.class_plot):
            for name in ("bottom", "left"):
                axis = plot.getAxis(name)
                axis.setStyle(tickFont=font)
                axis.label.setFont(font)
        self._set_titles()
