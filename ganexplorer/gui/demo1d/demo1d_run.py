"""One run of the 1-D demo: its settings, Start / Stop, the live plots and what D sees of a batch.

The tab (``demo1d_panel.py``) puts two of these side by side. Training runs on a
TrainingWorker thread; the plots are redrawn from snapshots a few times per second.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ganexplorer.core.train.demo1d import (
    PREPROCESS,
    Demo1D,
    Demo1DConfig,
    Demo1DEvent,
    Demo1DSnapshot,
    Demo1DSummary,
)
from ganexplorer.gui.common.core_text import translate_core
from ganexplorer.gui.train.training_worker import TrainingWorker

REAL, FAKE, D_COLOUR, G_COLOUR = "#2ca02c", "#9467bd", "#d62728", "#1f77b4"
SNAPSHOT_EVERY = 25     # epochs between plot snapshots (~10 a second at full speed; plots redraw ~3 a second)


def _legend_plot(layout: pg.GraphicsLayoutWidget) -> tuple[pg.LegendItem, pg.PlotItem]:
    """A plot with its legend in a row of its own above it, so the legend never covers a curve."""
    legend = pg.LegendItem(colCount=3, verticalSpacing=-6)
    layout.addItem(legend, row=0, col=0)
    plot = layout.addPlot(row=1, col=0)
    layout.ci.layout.setRowStretchFactor(1, 10)
    layout.ci.layout.setContentsMargins(2, 0, 2, 2)
    layout.ci.layout.setVerticalSpacing(0)
    return legend, plot


class Demo1DRun(QWidget):
    """Controls, histogram of real vs generated with D's score, losses, the lecture's log lines and a summary."""

    status = Signal(str)
    running_changed = Signal(bool)

    def __init__(self, preprocess: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker: TrainingWorker | None = None
        self.demo: Demo1D | None = None
        self.losses: list[tuple[int, float, float, float]] = []
        self.last_snapshot: Demo1DSnapshot | None = None
        self.summary: Demo1DSummary | None = None
        self._clock = QElapsedTimer()
        self._dirty = False
        self._presentation = False
        self._build_controls(preprocess)
        self._build_plots()
        self.d_sees = QLabel()
        self.d_sees.setWordWrap(True)
        self._fit_d_sees()
        self.d_sees.setToolTip(self.tr("What D was given for the last real and the last generated batch, and the "
                                       "score it gave each (1 = real, 0 = generated). At the end of a good run both "
                                       "scores are near 0.5: D can no longer tell them apart."))
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        bold = QFont(self.summary_label.font())
        bold.setBold(True)
        self.summary_label.setFont(bold)
        self.summary_label.setToolTip(self.tr("How the run ended: epochs, wall-clock time, and the mean and standard "
                                              "deviation of 20 000 fresh generated samples next to the target."))
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(500)
        self.log.setToolTip(self.tr("The lecture's log lines: D's error on the real and on the generated batch, "
                                    "G's error, then [mean, std] of the last real and generated batch."))
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.loss_view, self.tr("Errors"))
        self.pages.addTab(self.log, self.tr("Log lines"))
        self.pages.setTabToolTip(1, self.log.toolTip())
        self._layout = v = QVBoxLayout(self)
        v.addLayout(self._form)
        v.addWidget(self.hist_view, 3)
        v.addWidget(self.d_sees)
        v.addWidget(self.pages, 2)
        v.addWidget(self.summary_label)
        v.setContentsMargins(2, 2, 2, 2)
        self._timer = QTimer(self)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self._refresh)
        self._timer.start()
        self._set_running(False)
        self._show_what_d_sees()

    # -- building -------------------------------------------------------------------------
    def _build_controls(self, preprocess: str) -> None:
        self.pre = QComboBox()
        names = {"raw": self.tr("raw samples"), "moments2": self.tr("mean, std"),
                 "moments4": self.tr("mean, std, skew, kurtosis"), "diffs": self.tr("samples + squared deviations")}
        for key in PREPROCESS:
            self.pre.addItem(names[key], key)
        self.pre.setCurrentIndex(self.pre.findData(preprocess))
        self.pre.setToolTip(self.tr(
            "What D is shown of each batch of 500 samples. D never judges one number: it judges a whole batch.\n"
            "raw samples: all 500 numbers; mean, std: two numbers; mean, std, skew, kurtosis: four numbers "
            "(the shape of the batch's histogram); samples + squared deviations: the 500 numbers and how far each "
            "is from the batch mean.\nThe fewer and better chosen the numbers, the easier D's job, and the better "
            "G's teacher."))
        self.pre.currentIndexChanged.connect(lambda _: self._show_what_d_sees(numbers=False))
        self.mu = QDoubleSpinBox()
        self.mu.setRange(-50, 50)
        self.mu.setValue(4.0)
        self.mu.setToolTip(self.tr("\u03bc: the mean of the real distribution N(\u03bc, \u03c3) that G must learn "
                                   "to imitate."))
        self.sigma = QDoubleSpinBox()
        self.sigma.setRange(0.05, 20)
        self.sigma.setValue(1.25)
        self.sigma.setToolTip(self.tr("\u03c3: the standard deviation (spread) of the real distribution."))
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 50_000)
        self.epochs.setValue(2000)
        self.epochs.setToolTip(self.tr("One epoch = 20 D updates (real batch \u2192 1, generated batch \u2192 0), "
                                       "then 20 G updates (generated batch \u2192 1). The lecture uses 2000."))
        self.seed = QSpinBox()
        self.seed.setRange(0, 99_999)
        self.seed.setToolTip(self.tr("Starting weights and random numbers: the same seed and settings repeat "
                                     "the same run; another seed shows how much luck is involved."))
        self.start_btn = QPushButton(self.tr("Start"))
        self.start_btn.setToolTip(self.tr("Train this run from scratch with the settings above."))
        self.stop_btn = QPushButton(self.tr("Stop"))
        self.stop_btn.setToolTip(self.tr("Stop this run; its plots and summary stay."))
        self.start_btn.clicked.connect(lambda: self.start())
        self.stop_btn.clicked.connect(lambda: self.stop())
        # Two rows that need not line up: each is as narrow as its own widgets (1280 px holds both runs,
        # also with presentation mode's larger text).
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("D sees")))
        top.addWidget(self.pre, 1)
        top.addWidget(self.start_btn)
        top.addWidget(self.stop_btn)
        numbers = QHBoxLayout()
        for label, widget in ((QLabel("\u03bc"), self.mu), (QLabel("\u03c3"), self.sigma),
                              (QLabel(self.tr("Epochs")), self.epochs), (QLabel(self.tr("Seed")), self.seed)):
            label.setToolTip(widget.toolTip())
            label.setBuddy(widget)
            numbers.addWidget(label)
            numbers.addWidget(widget, 1)
        form = QVBoxLayout()
        form.addLayout(top)
        form.addLayout(numbers)
        self._form = form

    def _build_plots(self) -> None:
        self.hist_view = pg.GraphicsLayoutWidget()
        self.legend, self.hist = _legend_plot(self.hist_view)
        self.hist.setLabel("bottom", "x")
        self.hist.enableAutoRange(x=False, y=True)
        self.hist.getAxis("left").enableAutoSIPrefix(False)
        self.hist.setLabel("left", self.tr("density"))
        self.real_hist = self.hist.plot(stepMode="center", fillLevel=0, brush=(44, 160, 44, 90), pen=REAL,
                                        name=self.tr("real N(\u03bc, \u03c3)"))
        self.fake_hist = self.hist.plot(stepMode="center", fillLevel=0, brush=(148, 103, 189, 90), pen=FAKE,
                                        name=self.tr("generated G(z)"))
        self.legend.addItem(self.real_hist, self.real_hist.name())
        self.legend.addItem(self.fake_hist, self.fake_hist.name())
        # D's score lives on its own 0..1 axis at the right, sharing x with the histograms.
        self.d_box = pg.ViewBox()
        self.d_box.setMouseEnabled(False, False)
        self.hist.showAxis("right")
        self.hist.scene().addItem(self.d_box)
        self.hist.getAxis("right").linkToView(self.d_box)
        self.d_box.setXLink(self.hist)
        self.d_box.setYRange(0, 1, padding=0.02)
        self.hist.setLabel("right", self.tr("D's score (1 = real)"))
        self.d_plot = pg.PlotDataItem(pen=pg.mkPen(D_COLOUR, width=2), name=self.tr("D(real batch moved to x)"))
        self.d_box.addItem(self.d_plot)
        self.half = pg.InfiniteLine(pos=0.5, angle=0, pen=pg.mkPen(D_COLOUR, width=1, style=Qt.PenStyle.DashLine))
        self.d_box.addItem(self.half)
        self.legend.addItem(self.d_plot, self.d_plot.name())
        self.hist.vb.sigResized.connect(self._sync_d_box)
        self.hist_view.setToolTip(self.tr(
            "Green: samples of the real distribution. Purple: what G makes of uniform noise.\n"
            "Red (right axis): D's score. D never scores one number: it scores a whole batch of 500. The red curve "
            "is its score for the last real batch moved so that its mean is x (same spread and shape): near 1 "
            "where D would call such a batch real. The dashed line is 0.5, where D cannot tell."))
        self.loss_view = pg.GraphicsLayoutWidget()
        self.loss_legend, self.loss_plot = _legend_plot(self.loss_view)
        self.loss_plot.setLabel("bottom", self.tr("epoch"))
        self.loss_plot.enableAutoRange(x=False, y=True)
        self.loss_plot.getAxis("left").enableAutoSIPrefix(False)
        names = (self.tr("D error, real batch"), self.tr("D error, generated batch"), self.tr("G error"))
        self.loss_curves = []
        for colour, name in zip((REAL, FAKE, G_COLOUR), names):
            curve = self.loss_plot.plot(pen=pg.mkPen(colour, width=1.5), name=name)
            self.loss_legend.addItem(curve, name)
            self.loss_curves.append(curve)
        self.loss_view.setToolTip(self.tr(
            "Binary cross-entropy after each epoch. log 2 \u2248 0.69 is the error of a D that answers 0.5 for "
            "everything: near it, D and G are balanced."))

    def _fit_d_sees(self) -> None:
        """A fixed height: its text changes a few times a second and must not re-lay out (and repaint) the plots."""
        lines = 3 if self._presentation else 2
        self.d_sees.setFixedHeight(lines * self.d_sees.fontMetrics().lineSpacing() + 4)

    def _sync_d_box(self) -> None:
        self.d_box.setGeometry(self.hist.vb.sceneBoundingRect())
        self.d_box.linkedViewChanged(self.hist.vb, self.d_box.XAxis)

    # -- running --------------------------------------------------------------------------
    def config(self) -> Demo1DConfig:
        return Demo1DConfig(preprocess=self.pre.currentData(), mu=self.mu.value(), sigma=self.sigma.value(),
                            epochs=self.epochs.value(), seed=self.seed.value(), print_every=250)

    def is_running(self) -> bool:
        return self.worker is not None and self.worker.is_running()

    def start(self) -> bool:
        """Train a fresh run with the settings shown; False (and a status sentence) if it cannot start."""
        if self.is_running():
            return False
        try:
            self.demo = Demo1D(self.config())
        except ValueError as e:
            self.status.emit(str(e))
            return False
        self.losses = []
        self.last_snapshot = None
        self.summary = None
        self.log.clear()
        c = self.demo.config
        # Fixed x ranges: the axes are not re-laid out at every refresh (painting is the tab's main cost).
        self.loss_plot.setXRange(0, c.epochs, padding=0.01)
        self.hist.setXRange(c.mu - 4 * c.sigma, c.mu + 4 * c.sigma, padding=0.01)
        self.summary_label.setText(self.tr("Training\u2026"))
        demo = self.demo
        self.worker = TrainingWorker(lambda: demo.run(snapshot_every=SNAPSHOT_EVERY))
        self.worker.event.connect(self._on_event)
        self.worker.finished.connect(self._on_finished)
        self._clock.start()
        self.worker.start()
        self._set_running(True)
        return True

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop()

    def _on_finished(self, message: str) -> None:
        self._set_running(False)
        if message:
            self.status.emit(message)
        if self.summary is None and self.demo is not None and self.demo.epoch > 0:
            self.summary = self.demo.summary()   # stopped early: the training thread has ended
        self._show_summary()
        self._refresh()

    def _set_running(self, on: bool) -> None:
        self.start_btn.setEnabled(not on)
        self.stop_btn.setEnabled(on)
        for w in (self.pre, self.mu, self.sigma, self.epochs, self.seed):
            w.setEnabled(not on)
        self.running_changed.emit(on)

    def _on_event(self, ev) -> None:
        if isinstance(ev, Demo1DEvent):
            self.losses.append((ev.epoch, ev.d_real_err, ev.d_fake_err, ev.g_err))
            every = self.demo.config.print_every if self.demo else 250
            if ev.epoch % every == 0 or (self.demo and ev.epoch == self.demo.config.epochs - 1):
                self.log.appendPlainText(translate_core(ev.log_line()))   # core's sentence, in the UI language
            self._dirty = True
        elif isinstance(ev, Demo1DSnapshot):
            self.last_snapshot = ev
            self._dirty = True
        elif isinstance(ev, Demo1DSummary):
            self.summary = ev

    def _show_summary(self) -> None:
        s = self.summary
        if s is None:
            self.summary_label.setText("")
            return
        seconds = self._clock.elapsed() / 1000.0
        if s.epochs >= s.planned:
            head = self.tr("Done: {0} epochs in {1:.1f} s.").format(s.epochs, seconds)
        else:
            head = self.tr("Stopped after {0} of {1} epochs ({2:.1f} s).").format(s.epochs, s.planned, seconds)
        text = head + " " + self.tr("Learned mean {0:.2f} (target {1:.2f}), std {2:.2f} (target {3:.2f}).").format(
            s.learned[0], s.target[0], s.learned[1], s.target[1])
        self.summary_label.setText(text)
        self.log.appendPlainText(text)

    def _show_what_d_sees(self, numbers: bool = True) -> None:
        """What D is given, and (with ``numbers``) what it was given and answered for the latest batches."""
        s = self.last_snapshot if numbers else None
        mode = self.pre.currentData() if s is None or self.demo is None else self.demo.config.preprocess
        what = {"raw": self.tr("D sees all 500 numbers of a batch at once."),
                "diffs": self.tr("D sees a batch's 500 numbers and their squared deviations from its mean."),
                "moments2": self.tr("D sees 2 numbers per batch (mean, std)."),
                "moments4": self.tr("D sees 4 numbers per batch (mean, std, skew, kurtosis).")}[mode]
        if s is None:
            self.d_sees.setText(what)
            return
        if mode in ("moments2", "moments4"):
            def fmt(features: np.ndarray) -> str:
                return ", ".join(f"{v:.2f}" for v in features)
            text = what + " " + self.tr("Real [{0}] \u2192 D = {1:.2f}; generated [{2}] \u2192 D = {3:.2f}.").format(
                fmt(s.real_features), s.d_real, fmt(s.fake_features), s.d_fake)
        else:
            text = what + " " + self.tr("Real batch \u2192 D = {0:.2f}; generated batch \u2192 D = {1:.2f}.").format(
                s.d_real, s.d_fake)
        self.d_sees.setText(text)

    def _refresh(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        if self.losses:
            arr = np.asarray(self.losses)
            for k, curve in enumerate(self.loss_curves):
                curve.setData(arr[:, 0], arr[:, k + 1])
        s = self.last_snapshot
        if s is not None:
            bins = np.linspace(s.xs[0], s.xs[-1], 61)
            for curve, data in ((self.real_hist, s.real), (self.fake_hist, s.fake)):
                counts, _ = np.histogram(data, bins=bins)
                curve.setData(bins, counts / (len(data) * (bins[1] - bins[0])))   # samples off the plot still count
            self.d_plot.setData(s.xs, s.d_of_x)
            self._show_what_d_sees()

    # -- presentation ---------------------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        """Thicker curves and larger axis text for a projector (idempotent)."""
        self._presentation = bool(on)
        width = 3.0 if on else 1.5
        for curve, colour in ((self.real_hist, REAL), (self.fake_hist, FAKE)):
            curve.setPen(pg.mkPen(colour, width=width))
        self.d_plot.setPen(pg.mkPen(D_COLOUR, width=width + 1))
        for curve, colour in zip(self.loss_curves, (REAL, FAKE, G_COLOUR)):
            curve.setPen(pg.mkPen(colour, width=width))
        font = QFont(self.font())
        size = 13 if on else 9
        font.setPointSize(size)
        for plot in (self.hist, self.loss_plot):
            for name in ("left", "bottom", "right"):
                axis = plot.getAxis(name)
                axis.setTickFont(font)
                axis.label.setFont(font)
        self._layout.setStretchFactor(self.pages, 3 if on else 2)   # larger text: the errors plot needs more room
        for legend in (self.legend, self.loss_legend):
            legend.setLabelTextSize(f"{size}pt")
            for _, label in legend.items:
                label.setText(label.text)      # a new size applies when the text is set again
        self._fit_d_sees()

    def shutdown(self) -> None:
        if self.is_running():
            self.worker.stop()
            self.worker.wait(30_000)
