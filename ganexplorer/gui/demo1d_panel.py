"""The 1-D demo tab: two runs side by side, each learning N(mu, sigma) with its own D input."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QPlainTextEdit, QPushButton,
                               QSpinBox, QSplitter, QVBoxLayout, QWidget)

from ganexplorer.core.train.demo1d import PREPROCESS, Demo1D, Demo1DConfig, Demo1DEvent, Demo1DSnapshot
from ganexplorer.gui.training_worker import TrainingWorker


class Demo1DRun(QWidget):
    """Controls, histogram of real vs generated, D(x), losses and the lecture's log lines."""

    status = Signal(str)

    def __init__(self, preprocess: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker: TrainingWorker | None = None
        self.demo: Demo1D | None = None
        self.losses: list[tuple[int, float, float, float]] = []
        self.last_snapshot: Demo1DSnapshot | None = None
        self._dirty = False
        f = QFormLayout()
        self.pre = QComboBox()
        names = {"raw": self.tr("raw samples"), "moments2": self.tr("mean, std"),
                 "moments4": self.tr("mean, std, skew, kurtosis"), "diffs": self.tr("samples + squared deviations")}
        for key in PREPROCESS:
            self.pre.addItem(names[key], key)
        self.pre.setCurrentIndex(self.pre.findData(preprocess))
        self.mu = QDoubleSpinBox()
        self.mu.setRange(-50, 50)
        self.mu.setValue(4.0)
        self.sigma = QDoubleSpinBox()
        self.sigma.setRange(0.05, 20)
        self.sigma.setValue(1.25)
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 100_000)
        self.epochs.setValue(2000)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2 ** 31 - 1)
        f.addRow(self.tr("D sees"), self.pre)
        f.addRow("\u03bc", self.mu)
        f.addRow("\u03c3", self.sigma)
        f.addRow(self.tr("Epochs"), self.epochs)
        f.addRow(self.tr("Seed"), self.seed)
        self.start_btn = QPushButton(self.tr("Start"))
        self.stop_btn = QPushButton(self.tr("Stop"))
        self.start_btn.clicked.connect(self.start)
        self.stop_btn.clicked.connect(self.stop)
        row = QHBoxLayout()
        row.addWidget(self.start_btn)
        row.addWidget(self.stop_btn)
        self.hist = pg.PlotWidget(title=self.tr("Real (green) vs generated (purple)"))
        self.real_hist = self.hist.plot(stepMode="center", fillLevel=0, brush=(44, 160, 44, 90), pen="#2ca02c")
        self.fake_hist = self.hist.plot(stepMode="center", fillLevel=0, brush=(148, 103, 189, 90), pen="#9467bd")
        self.d_plot = self.hist.plot(pen=pg.mkPen("#d62728", width=2))
        self.loss_plot = pg.PlotWidget(title=self.tr("D real / D fake / G errors"))
        self.loss_curves = [self.loss_plot.plot(pen=pg.mkPen(c, width=1.2)) for c in ("#2ca02c", "#9467bd", "#1f77b4")]
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(500)
        v = QVBoxLayout(self)
        v.addLayout(f)
        v.addLayout(row)
        v.addWidget(self.hist, 2)
        v.addWidget(self.loss_plot, 1)
        v.addWidget(self.log, 1)
        self._timer = QTimer(self)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._refresh)
        self._timer.start()
        self.stop_btn.setEnabled(False)

    def config(self) -> Demo1DConfig:
        return Demo1DConfig(preprocess=self.pre.currentData(), mu=self.mu.value(), sigma=self.sigma.value(),
                            epochs=self.epochs.value(), seed=self.seed.value(), print_every=250)

    def start(self) -> bool:
        if self.worker is not None and self.worker.is_running():
            return False
        try:
            self.demo = Demo1D(self.config())
        except ValueError as e:
            self.status.emit(str(e))
            return False
        self.losses = []
        self.log.clear()
        demo = self.demo
        self.worker = TrainingWorker(lambda: demo.run(snapshot_every=25))
        self.worker.event.connect(self._on_event)
        self.worker.finished.connect(self._on_finished)
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

    def _set_running(self, on: bool) -> None:
        self.start_btn.setEnabled(not on)
        self.stop_btn.setEnabled(on)

    def _on_event(self, ev) -> None:
        if isinstance(ev, Demo1DEvent):
            self.losses.append((ev.epoch, ev.d_real_err, ev.d_fake_err, ev.g_err))
            every = self.demo.config.print_every if self.demo else 250
            if ev.epoch % every == 0 or (self.demo and ev.epoch == self.demo.config.epochs - 1):
                self.log.appendPlainText(ev.log_line())
            self._dirty = True
        elif isinstance(ev, Demo1DSnapshot):
            self.last_snapshot = ev
            self._dirty = True

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
                h, _ = np.histogram(data, bins=bins, density=True)
                curve.setData(bins, h)
            peak = max(np.histogram(s.real, bins=bins, density=True)[0].max(), 1e-6)
            self.d_plot.setData(s.xs, s.d_of_x * peak)  # D(x) scaled to the histogram's height

    def shutdown(self) -> None:
        if self.worker is not None and self.worker.is_running():
            self.worker.stop()
            self.worker.wait(30_000)


class Demo1DPanel(QWidget):
    """Two runs side by side, to compare what D sees (e.g. raw samples vs four moments)."""

    status = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runs = [Demo1DRun("raw"), Demo1DRun("moments4")]
        split = QSplitter()
        for r in self.runs:
            r.status.connect(self.status)
            split.addWidget(r)
        QVBoxLayout(self).addWidget(split)

    def shutdown(self) -> None:
        for r in self.runs:
            r.shutdown()
