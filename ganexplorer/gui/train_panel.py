"""The Train tab: pick a model and data, press Start, watch losses, D outputs and samples.

Training runs in a TrainingWorker thread; this panel only collects events into arrays and
redraws the plots from a timer a few times per second, so plotting never slows training.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QGridLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QSlider, QSpinBox, QSplitter,
                               QVBoxLayout, QWidget)

from ganexplorer.core.data import DatasetError, open_dataset
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.models.registry import PRESETS
from ganexplorer.core.render.images import grid, to_uint8
from ganexplorer.core.train.events import (CheckpointEvent, ClassHistogramEvent, LogEvent, MixingEvent, SamplesEvent,
                                           StepEvent, StoppedEvent)
from ganexplorer.core.train.gan_trainer import LOSSES, UNTRAINABLE, GANTrainer, TrainConfig
from ganexplorer.core.train.stylegan2_trainer import make_trainer
from ganexplorer.gui.dataset_download import DownloadButton
from ganexplorer.gui.image_view import ImageView
from ganexplorer.gui.training_worker import TrainingWorker


class GrowingSeries:
    """Append-only float arrays that grow by doubling (cheap appends, views for plotting)."""

    def __init__(self, n: int) -> None:
        self._data = np.zeros((n, 1024))
        self.size = 0

    def append(self, values: list[float]) -> None:
        if self.size == self._data.shape[1]:
            self._data = np.concatenate([self._data, np.zeros_like(self._data)], axis=1)
        self._data[:, self.size] = values
        self.size += 1

    def column(self, i: int) -> np.ndarray:
        return self._data[i, :self.size]


class TrainPanel(QWidget):
    status = Signal(str)
    open_in_explorer = Signal(object)   # LoadedModel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trainer: GANTrainer | None = None
        self.worker: TrainingWorker | None = None
        self.series = GrowingSeries(6)   # step, d_loss, g_loss, d_real, d_fake, r1
        self.grids: list[tuple[int, np.ndarray]] = []
        self.rate = 0.0
        self.log_lines: list[str] = []
        self._dirty = False

        form = QFormLayout()
        self.model = QComboBox()
        for name in PRESETS:
            if name not in UNTRAINABLE:
                self.model.addItem(name, name)
        self.data = QLineEdit("builtin:digits")
        browse = QPushButton(self.tr("Browse\u2026"))
        browse.clicked.connect(self._browse_data)
        self.download = DownloadButton(self)
        self.download.downloaded.connect(self.data.setText)
        self.download.message.connect(self.status)
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.data, 1)
        h.addWidget(browse)
        h.addWidget(self.download)
        self.batch = QSpinBox()
        self.batch.setRange(2, 1024)
        self.batch.setValue(64)
        self.lr = QDoubleSpinBox()
        self.lr.setDecimals(5)
        self.lr.setRange(1e-5, 1e-1)
        self.lr.setSingleStep(1e-4)
        self.lr.setValue(2e-4)
        self.beta1 = QDoubleSpinBox()
        self.beta1.setRange(0.0, 0.99)
        self.beta1.setSingleStep(0.05)
        self.beta1.setValue(0.5)
        self.loss = QComboBox()
        for key, text in zip(LOSSES, (self.tr("non-saturating BCE"), self.tr("minimax (original)"),
                                      self.tr("least squares"))):
            self.loss.addItem(text, key)
        self.d_steps = QSpinBox()
        self.d_steps.setRange(1, 10)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2 ** 31 - 1)
        self.sample_every = QSpinBox()
        self.sample_every.setRange(1, 100_000)
        self.sample_every.setValue(50)
        self.checkpoint_every = QSpinBox()
        self.checkpoint_every.setRange(1, 1_000_000)
        self.checkpoint_every.setValue(500)
        self.out_dir = QLineEdit(str(Path.home() / "ganexplorer-runs" / "run"))
        self.r1_gamma = QDoubleSpinBox()
        self.r1_gamma.setDecimals(4)
        self.r1_gamma.setRange(0.0, 100.0)
        self.r1_gamma.setSingleStep(0.005)
        self.r1_gamma.setValue(TrainConfig.r1_gamma)
        self.pl_weight = QDoubleSpinBox()
        self.pl_weight.setRange(0.0, 10.0)
        self.pl_weight.setValue(TrainConfig.pl_weight)
        self.mixing_prob = QDoubleSpinBox()
        self.mixing_prob.setRange(0.0, 1.0)
        self.mixing_prob.setSingleStep(0.1)
        self.mixing_prob.setValue(TrainConfig.mixing_prob)
        self.augment = QComboBox()
        for key, text in (("", self.tr("none")), ("translation", self.tr("translation")),
                          ("translation,cutout", self.tr("translation + cutout"))):
            self.augment.addItem(text, key)
        self.augment.setToolTip(self.tr("Differentiable augmentation: D sees shifted (and partly blanked) real and generated images, which keeps it from memorising a small dataset"))
        self.style_rows = [(self.tr("R1 \u03b3 (lazy, every 16 D steps)"), self.r1_gamma),
                           (self.tr("Augmentation for D"), self.augment),
                           (self.tr("Path-length weight"), self.pl_weight),
                           (self.tr("Style-mixing probability"), self.mixing_prob)]
        form.addRow(self.tr("Model"), self.model)
        form.addRow(self.tr("Data"), row)
        form.addRow(self.tr("Batch size"), self.batch)
        form.addRow(self.tr("Learning rate (Adam)"), self.lr)
        form.addRow("\u03b2\u2081", self.beta1)
        form.addRow(self.tr("Loss"), self.loss)
        form.addRow(self.tr("D steps per G step"), self.d_steps)
        form.addRow(self.tr("Seed"), self.seed)
        form.addRow(self.tr("Samples every N steps"), self.sample_every)
        form.addRow(self.tr("Checkpoint every N steps"), self.checkpoint_every)
        form.addRow(self.tr("Run folder"), self.out_dir)
        for label, w in self.style_rows:
            form.addRow(label, w)
        self.form = form
        settings = QGroupBox(self.tr("Setup"))
        settings.setLayout(form)

        self.start_btn = QPushButton(self.tr("Start"))
        self.pause_btn = QPushButton(self.tr("Pause"))
        self.stop_btn = QPushButton(self.tr("Stop"))
        self.step_d_btn = QPushButton(self.tr("One D step"))
        self.step_g_btn = QPushButton(self.tr("One G step"))
        self.explore_btn = QPushButton(self.tr("Open in explorer"))
        self.start_btn.clicked.connect(self.start)
        self.pause_btn.clicked.connect(self.toggle_pause)
        self.stop_btn.clicked.connect(self.stop)
        self.step_d_btn.clicked.connect(lambda: self._single_step("d"))
        self.step_g_btn.clicked.connect(lambda: self._single_step("g"))
        self.explore_btn.clicked.connect(self._send_to_explorer)
        buttons = QGridLayout()
        for i, b in enumerate((self.start_btn, self.pause_btn, self.stop_btn, self.step_d_btn, self.step_g_btn,
                               self.explore_btn)):
            buttons.addWidget(b, i // 3, i % 3)
        self.rate_label = QLabel(self.tr("Not running"))

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.addWidget(settings)
        lv.addLayout(buttons)
        lv.addWidget(self.rate_label)
        lv.addStretch(1)

        pg.setConfigOptions(antialias=True)
        self.loss_plot = pg.PlotWidget(title=self.tr("Losses"))
        self.loss_plot.addLegend()
        self.d_curve = self.loss_plot.plot(pen=pg.mkPen("#d62728", width=1.5), name="D")
        self.g_curve = self.loss_plot.plot(pen=pg.mkPen("#1f77b4", width=1.5), name="G")
        self.prob_plot = pg.PlotWidget(title=self.tr("D(x) and D(G(z))"))
        self.prob_plot.addLegend()
        self.prob_plot.setYRange(0, 1)
        self.real_curve = self.prob_plot.plot(pen=pg.mkPen("#2ca02c", width=1.5), name="D(x)")
        self.fake_curve = self.prob_plot.plot(pen=pg.mkPen("#9467bd", width=1.5), name="D(G(z))")
        self.r1_curve = self.loss_plot.plot(pen=pg.mkPen("#ff7f0e", width=1.5, style=Qt.PenStyle.DashLine),
                                            name="R1", connect="finite")
        for p in (self.loss_plot, self.prob_plot):
            p.setDownsampling(mode="peak")
            p.setClipToView(True)
            p.setLabel("bottom", self.tr("step"))
        self.class_plot = pg.PlotWidget(title=self.tr("Digits the classifier sees in 200 samples"))
        self.class_plot.setLabel("bottom", self.tr("class"))
        self.class_bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7, brush="#1f77b4")
        self.class_plot.addItem(self.class_bars)
        self.class_plot.getAxis("bottom").setTicks([[(i, str(i)) for i in range(10)]])
        self.class_label = QLabel(self.tr("Class coverage appears for digit data."))
        self.last_classes: ClassHistogramEvent | None = None
        self.samples = ImageView()
        self.real_view = ImageView()
        self.timeline = QSlider(Qt.Orientation.Horizontal)
        self.timeline.setEnabled(False)
        self.timeline.valueChanged.connect(self._show_grid)
        self.timeline_label = QLabel()
        self.mixing_view = ImageView()
        self.mixing_title = QLabel(self.tr(
            "Style mixing (moving-average G): rows take the coarse styles of the top row"))
        pics = QWidget()
        pg_ = QGridLayout(pics)
        pg_.addWidget(QLabel(self.tr("Generated (fixed noise)")), 0, 0)
        pg_.addWidget(QLabel(self.tr("Real")), 0, 1)
        pg_.addWidget(self.samples, 1, 0)
        pg_.addWidget(self.real_view, 1, 1)
        pg_.addWidget(self.timeline, 2, 0)
        pg_.addWidget(self.timeline_label, 2, 1)
        pg_.addWidget(self.mixing_title, 3, 0, 1, 2)
        pg_.addWidget(self.mixing_view, 4, 0, 1, 2)
        pg_.setRowStretch(1, 3)
        pg_.setRowStretch(4, 2)

        right = QSplitter(Qt.Orientation.Vertical)
        plots = QSplitter()
        plots.addWidget(self.loss_plot)
        plots.addWidget(self.prob_plot)
        classes = QWidget()
        cv = QVBoxLayout(classes)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.addWidget(self.class_plot, 1)
        cv.addWidget(self.class_label)
        plots.addWidget(classes)
        right.addWidget(plots)
        right.addWidget(pics)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        QVBoxLayout(self).addWidget(split)

        self._redraw = QTimer(self)
        self._redraw.setInterval(200)
        self._redraw.timeout.connect(self._refresh)
        self._redraw.start()
        self.model.currentIndexChanged.connect(self._model_changed)
        self.model.setCurrentIndex(self.model.findData("dcgan32"))
        self._model_changed()
        self._update_buttons()

    # -- setup --------------------------------------------------------------------------------
    def _browse_data(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Training data"), "",
                                              self.tr("Datasets (*idx3-ubyte* *.gz *.npy *.ndjson data_batch_*);;All files (*)"))
        if not path:
            return
        p = Path(path)
        kind = ("quickdraw" if p.suffix in (".npy", ".ndjson") else "cifar10" if p.name.startswith("data_batch")
                else "mnist")
        self.data.setText(f"{kind}:{p.parent if kind == 'cifar10' else p}")

    def _model_changed(self) -> None:
        """Load the family's usual optimiser settings; show the StyleGAN2-only rows for StyleGAN2."""
        model = self.model.currentData()
        cfg = TrainConfig.for_model(model)
        self.batch.setValue(cfg.batch_size)
        self.lr.setValue(cfg.lr)
        self.beta1.setValue(cfg.beta1)
        self.r1_gamma.setValue(cfg.r1_gamma)
        self.augment.setCurrentIndex(max(0, self.augment.findData(cfg.augment)))
        style = PRESETS[model].family == "stylegan2"
        for _, w in self.style_rows:
            self.form.setRowVisible(w, style)
        self.loss.setEnabled(not style)
        self.loss.setToolTip(self.tr("StyleGAN2 always uses the non-saturating logistic loss") if style else "")
        self.mixing_title.setVisible(style)
        self.mixing_view.setVisible(style)
        self.r1_curve.setVisible(style)

    def config(self) -> TrainConfig:
        model = self.model.currentData()
        return TrainConfig.for_model(
            model, data=self.data.text().strip(), batch_size=self.batch.value(), lr=self.lr.value(),
            beta1=self.beta1.value(), loss=self.loss.currentData(), d_steps=self.d_steps.value(),
            seed=self.seed.value(), conditional=model.endswith("-cond"), sample_every=self.sample_every.value(),
            checkpoint_every=self.checkpoint_every.value(), log_every=100, r1_gamma=self.r1_gamma.value(),
            pl_weight=self.pl_weight.value(), mixing_prob=self.mixing_prob.value(), augment=self.augment.currentData())

    # -- control ------------------------------------------------------------------------------
    def start(self, max_steps: int | None = None) -> bool:
        if self.worker is not None and self.worker.is_running():
            return False
        cfg = self.config()
        try:
            data = open_dataset(cfg.data)
            trainer = make_trainer(cfg, data, out_dir=self.out_dir.text().strip() or None)
        except (DatasetError, ValueError) as e:
            self.status.emit(str(e))
            return False
        self.trainer = trainer
        self.series = GrowingSeries(6)
        self.grids = []
        real = data.prepared(trainer.resolution, trainer.channels)[:trainer.config.grid_size ** 2]
        self.real_view.set_image(grid([to_uint8(x) for x in real], cols=trainer.config.grid_size, pad=2, fill=40))
        self.worker = TrainingWorker(lambda: trainer.run(max_steps=max_steps))
        self.worker.event.connect(self._on_event)
        self.worker.finished.connect(self._on_finished)
        self._t0 = time.perf_counter()
        self.worker.start()
        self.status.emit(self.tr("Training {0} on {1}").format(cfg.model, data.name))
        self._update_buttons()
        return True

    def toggle_pause(self) -> None:
        if self.worker is None:
            return
        if self.worker.paused:
            self.worker.resume()
        else:
            self.worker.pause()
        self._update_buttons()

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop()

    def _single_step(self, which: str) -> None:
        if self.worker is None or not self.worker.paused or self.trainer is None:
            return
        tr = self.trainer

        def run():
            (tr.step_d if which == "d" else tr.step_g)()
            last = tr._last
            return StepEvent(tr.step, tr.epoch, last["d_loss"], last["g_loss"], last["d_real"], last["d_fake"], 0.0,
                             last.get("r1", float("nan")))
        self.worker.call_while_paused(run)

    def _send_to_explorer(self) -> None:
        if self.trainer is None:
            return
        model = self.snapshot()
        if model is not None:
            self.open_in_explorer.emit(model)

    def snapshot(self) -> LoadedModel | None:
        """A copy of the current generator (eval mode) for the explorer."""
        import copy

        if self.trainer is None:
            return None
        G = copy.deepcopy(self.trainer.sampler).eval()
        return LoadedModel(G=G, family=self.trainer.family, format="native", network="G (training)",
                           notes=[self.tr("snapshot at step {0}").format(self.trainer.step)])

    # -- events -------------------------------------------------------------------------------
    def _on_event(self, ev) -> None:
        if isinstance(ev, StepEvent):
            self.series.append([ev.step, ev.d_loss, ev.g_loss, ev.d_real, ev.d_fake, ev.r1])
            if ev.steps_per_second:
                self.rate = ev.steps_per_second
            self._dirty = True
        elif isinstance(ev, SamplesEvent):
            self.grids.append((ev.step, ev.grid))
            self.timeline.setEnabled(True)
            follow = self.timeline.value() >= self.timeline.maximum() - 0
            self.timeline.setRange(0, len(self.grids) - 1)
            if follow:
                self.timeline.setValue(len(self.grids) - 1)
                self._show_grid(len(self.grids) - 1)
        elif isinstance(ev, MixingEvent):
            self.mixing_view.set_image(ev.grid)
        elif isinstance(ev, ClassHistogramEvent):
            self.last_classes = ev
            self.class_bars.setOpts(height=np.asarray(ev.counts, dtype=float))
            top = max(ev.counts) / max(1, sum(ev.counts))
            text = self.tr("step {0}: {1} of 10 classes covered, largest class {2:.0%}, {3:.0%} classified confidently")
            self.class_label.setText(text.format(ev.step, ev.coverage, top, ev.confident_share))
        elif isinstance(ev, LogEvent):
            self.log_lines.append(ev.text)
            self.status.emit(ev.text)
        elif isinstance(ev, CheckpointEvent):
            self.status.emit(self.tr("Checkpoint written: {0}").format(ev.path))
        elif isinstance(ev, StoppedEvent) and ev.reason == "nan":
            self.status.emit(ev.message)
            if self.worker is not None:
                self.worker.pause()

    def _on_finished(self, message: str) -> None:
        if self.trainer is not None and self.trainer.out_dir is not None and not message:
            try:
                path = self.trainer.save_checkpoint()  # autosave on Stop (the thread has ended)
                self.status.emit(self.tr("Stopped at step {0}; saved {1}").format(self.trainer.step, path))
            except OSError as e:
                self.status.emit(str(e))
        elif message:
            self.status.emit(message)
        self._update_buttons()

    def _show_grid(self, index: int) -> None:
        if 0 <= index < len(self.grids):
            step, pic = self.grids[index]
            self.samples.set_image(pic)
            self.timeline_label.setText(self.tr("step {0}").format(step))

    def _refresh(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        s = self.series
        x = s.column(0)
        self.d_curve.setData(x, s.column(1))
        self.g_curve.setData(x, s.column(2))
        self.real_curve.setData(x, s.column(3))
        self.fake_curve.setData(x, s.column(4))
        if self.r1_curve.isVisible():
            self.r1_curve.setData(x, s.column(5))
        if self.trainer is not None:
            self.rate_label.setText(self.tr("step {0} \u00b7 epoch {1} \u00b7 {2:.2f} steps/s")
                                    .format(self.trainer.step, self.trainer.epoch, self.rate))

    def _update_buttons(self) -> None:
        running = self.worker is not None and self.worker.is_running()
        paused = running and self.worker.paused
        self.start_btn.setEnabled(not running)
        self.pause_btn.setEnabled(running)
        self.pause_btn.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.stop_btn.setEnabled(running)
        self.step_d_btn.setEnabled(paused)
        self.step_g_btn.setEnabled(paused)
        self.explore_btn.setEnabled(self.trainer is not None)

    def shutdown(self) -> None:
        if self.worker is not None and self.worker.is_running():
            self.worker.stop()
            self.worker.wait(30_000)
