"""The Train tab: pick a model and data, press Start, watch losses, D outputs and samples.

Training runs in a TrainingWorker thread; this panel only collects events into arrays and
redraws the plots from a timer a few times per second, so plotting never slows training.
Start builds the settings and checks what costs nothing (a mistyped dataset); opening the data
and building the trainer are the first steps of core's training session, on the training
thread, shown as "preparing…". Each run writes into its own timestamped folder under the runs
folder and can be resumed. Core decides when a checkpoint is written; this panel never saves.
"""

from __future__ import annotations

import copy
import threading
from concurrent.futures import Future
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QFrame, QGridLayout,
                               QGroupBox, QLabel, QLineEdit, QPushButton, QScrollArea, QSlider, QSpinBox,
                               QSplitter, QVBoxLayout, QWidget)

from ganexplorer.core.data import DatasetError
from ganexplorer.core.data.dataset import check_dataset_spec
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.models.registry import PRESETS, QUICK_DEMO
from ganexplorer.core.train.events import (CheckpointEvent, ClassHistogramEvent, LogEvent, MixingEvent, ReadyEvent,
                                           SamplesEvent, SetupEvent, StepEvent, StoppedEvent)
from ganexplorer.core.train.checkpoint import read_run_config
from ganexplorer.core.train.config import LOSSES, TrainConfig
from ganexplorer.core.train.gan_trainer import GANTrainer
from ganexplorer.core.train.settings import settings_of
from ganexplorer.core.train.preload import preload_training_imports
from ganexplorer.core.train.session import training_session
from ganexplorer.gui.core_text import translate_core
from ganexplorer.gui.dataset_download import DownloadButton
from ganexplorer.gui.image_view import ImageView
from ganexplorer.gui.training_worker import TrainingWorker
from ganexplorer.gui.widgets import field_row


SMOOTHING = 0.9          # EMA weight of the past in the smoothed curves (about a 10-step window)
LAST_DIR_KEY = "train/last_dir"
COLOURS = {"d": "#d62728", "g": "#1f77b4", "real": "#2ca02c", "fake": "#9467bd", "r1": "#ff7f0e"}
SETTINGS = settings_of(TrainConfig)   # help, range and default of every training setting
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


def _bind(box: QSpinBox | QDoubleSpinBox, name: str, minimum: float | None = None) -> None:
    """Give a form spin box the range and default of its ``TrainConfig`` field (``core/train/settings.py``)."""
    s = SETTINGS[name]
    cast = int if isinstance(box, QSpinBox) else float
    low = s.minimum if minimum is None else max(minimum, s.minimum if s.minimum is not None else minimum)
    box.setRange(cast(low), cast(s.maximum))
    box.setValue(cast(s.default))


def _swatch(colour: str, text: str, dashed: bool = False) -> str:
    line = "\u2504" if dashed else "\u2501"
    return f"<span style='color:{colour}'>{line}</span>&nbsp;{text}"


class TrainPanel(QWidget):
    status = Signal(str)
    open_in_explorer = Signal(object)   # LoadedModel

    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self._own_settings = settings
        self.trainer: GANTrainer | None = None
        self.worker: TrainingWorker | None = None
        self.series = GrowingSeries(6, PLOTTED)   # step, d_loss, g_loss, d_real, d_fake, r1
        self.grids: list[tuple[int, np.ndarray]] = []
        self.rate = 0.0
        self.log_lines: list[str] = []
        self.run_dir: Path | None = None
        self._dirty = False
        self._finished = False
        self._stop_reason = ""       # the last StoppedEvent's reason in this run ('finished', 'nan', 'error')
        self._runs_root = ""         # the runs folder of the run being prepared (remembered once it works)
        self._preloading = False
        self._presentation = False

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.model = QComboBox()
        names = [QUICK_DEMO] + [n for n, p in PRESETS.items() if p.trainable and n != QUICK_DEMO]
        for name in names:
            text = self.tr("Quick demo ({0})").format(name) if name == QUICK_DEMO else name
            self.model.addItem(text, name)
            self.model.setItemData(self.model.count() - 1, PRESETS[name].description, Qt.ItemDataRole.ToolTipRole)
        self.model.setToolTip(self.tr("The network to train. \u201cQuick demo\u201d is a narrow DCGAN that draws "
                                      "recognisable digits within about a minute on a laptop; the others are "
                                      "the lecture's MLP and DCGAN layouts and small StyleGAN2s (slower)."))
        self.data = QLineEdit(TrainConfig.data)
        self.data.setMinimumWidth(120)
        self.data.setToolTip(self.tr("What the discriminator sees as real: builtin:digits (shipped, works "
                                     "offline), mnist:FILE, quickdraw:FILE, cifar10:FOLDER or folder:FOLDER"))
        self.data_browse = browse = QPushButton(self.tr("Browse\u2026"))
        browse.setToolTip(self.tr("Pick a dataset file on disk"))
        browse.clicked.connect(self._browse_data)
        self.download = DownloadButton(self)
        self.download.downloaded.connect(self.data.setText)
        self.download.message.connect(self.status)
        row = field_row(self.data, browse, self.download)
        self.batch = QSpinBox()
        _bind(self.batch, "batch_size")
        self.batch.setToolTip(self.tr("Real and generated images per step. Smaller batches make more, "
                                      "noisier steps per second"))
        self.lr = QDoubleSpinBox()
        self.lr.setDecimals(5)
        self.lr.setSingleStep(1e-4)
        _bind(self.lr, "lr")
        self.lr.setToolTip(self.tr("How far each Adam step moves the weights of D and G. Too high and "
                                   "training oscillates or collapses; too low and nothing happens for a long time"))
        self.beta1 = QDoubleSpinBox()
        self.beta1.setSingleStep(0.05)
        _bind(self.beta1, "beta1")
        self.beta1.setToolTip(self.tr("Adam's momentum: how much of the previous steps' direction each step "
                                      "keeps. GANs use 0.5 (DCGAN paper) or 0 (StyleGAN2) instead of 0.9"))
        self.loss = QComboBox()
        for key, text in zip(LOSSES, (self.tr("non-saturating BCE"), self.tr("minimax (original)"),
                                      self.tr("least squares"))):
            self.loss.addItem(text, key)
        self.d_steps = QSpinBox()
        _bind(self.d_steps, "d_steps")
        self.d_steps.setToolTip(self.tr("Discriminator updates before each generator update"))
        self.seed = QSpinBox()
        _bind(self.seed, "seed")
        self.seed.setToolTip(self.tr("Random seed for the initial weights and the fixed noise of the sample "
                                     "grid: the same seed gives the same run"))
        self.max_steps = QSpinBox()
        self.max_steps.setRange(0, 10_000_000)
        self.max_steps.setSingleStep(100)
        self.max_steps.setSpecialValueText(self.tr("no limit"))
        self.max_steps.setToolTip(self.tr("Training stops (and saves) when the step counter reaches this "
                                          "number; 0 = no limit, stop it with Stop"))
        self.sample_every = QSpinBox()
        _bind(self.sample_every, "sample_every", minimum=1)   # the tab always shows samples
        self.sample_every.setToolTip(self.tr("How often the sample grid and the class histogram are redrawn "
                                             "(each costs a little training time)"))
        self.checkpoint_every = QSpinBox()
        _bind(self.checkpoint_every, "checkpoint_every", minimum=1)
        self.checkpoint_every.setToolTip(self.tr("How often last.safetensors is rewritten in the run folder: every "
                                                 "N steps or every {0:g} minutes, whichever comes first (it is also "
                                                 "written when training stops, but never after a loss became NaN)")
                                         .format(TrainConfig.checkpoint_minutes))
        self.out_dir = QLineEdit(str(Path.home() / "ganexplorer-runs"))
        self.out_dir.setToolTip(self.tr("Each run gets its own new folder in here, named after the model and the "
                                        "start time; empty = do not save"))
        self.runs_browse = runs_browse = QPushButton(self.tr("Browse\u2026"))
        runs_browse.setToolTip(self.tr("Pick the folder that holds your runs"))
        runs_browse.clicked.connect(self._browse_runs)
        runs_row = field_row(self.out_dir, runs_browse)
        self.r1_gamma = QDoubleSpinBox()
        self.r1_gamma.setDecimals(4)
        self.r1_gamma.setSingleStep(0.005)
        _bind(self.r1_gamma, "r1_gamma")
        self.r1_gamma.setToolTip(self.tr("R1 penalty: punishes D for steep slopes around real images, which "
                                         "keeps StyleGAN2 training stable"))
        self.pl_weight = QDoubleSpinBox()
        _bind(self.pl_weight, "pl_weight")
        self.pl_weight.setToolTip(self.tr("Path-length regularisation: a fixed step in w should change the picture "
                                          "by a fixed amount (0 = off, faster)"))
        self.mixing_prob = QDoubleSpinBox()
        self.mixing_prob.setSingleStep(0.1)
        _bind(self.mixing_prob, "mixing_prob")
        self.mixing_prob.setToolTip(self.tr("How often a training image takes its later styles from a second "
                                            "latent, so that coarse and fine styles stay separable"))
        self.augment = QComboBox()
        for key, text in (("", self.tr("none")), ("translation", self.tr("translation")),
                          ("translation,cutout", self.tr("translation + cutout"))):
            self.augment.addItem(text, key)
        self.augment.setToolTip(self.tr("Differentiable augmentation: D sees shifted (and partly blanked) real and generated images, which keeps it from memorising a small dataset"))
        self.style_rows = [(self.tr("R1 \u03b3 (lazy, every {0} D steps)").format(TrainConfig.r1_interval), self.r1_gamma),
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
        form.addRow(self.tr("Stop at step"), self.max_steps)
        form.addRow(self.tr("Samples every N steps"), self.sample_every)
        form.addRow(self.tr("Checkpoint every N steps"), self.checkpoint_every)
        form.addRow(self.tr("Runs folder"), runs_row)
        for label, w in self.style_rows:
            form.addRow(label, w)
        self.form = form
        settings = QGroupBox(self.tr("Setup"))
        settings.setLayout(form)

        self.start_btn = QPushButton(self.tr("Start"))
        self.start_btn.setToolTip(self.tr("Start a new run in a new folder with these settings"))
        self.resume_btn = QPushButton(self.tr("Resume\u2026"))
        self.resume_btn.setToolTip(self.tr("Continue a saved run: pick its last.safetensors; it goes on in "
                                           "the same folder from the step it stopped at"))
        self.pause_btn = QPushButton(self.tr("Pause"))
        self.pause_btn.setToolTip(self.tr("Hold training between two steps (then step it by hand); press "
                                          "again to continue"))
        self.stop_btn = QPushButton(self.tr("Stop"))
        self.stop_btn.setToolTip(self.tr("End the run and save it in its run folder"))
        self.step_d_btn = QPushButton(self.tr("One D step"))
        self.step_d_btn.setToolTip(self.tr("While paused: one discriminator update. Watch D(x) rise and D(G(z)) fall"))
        self.step_g_btn = QPushButton(self.tr("One G step"))
        self.step_g_btn.setToolTip(self.tr("While paused: one generator update. Watch D(G(z)) rise: G fools D a "
                                           "little more"))
        self.explore_btn = QPushButton(self.tr("Open in explorer"))
        self.explore_btn.setToolTip(self.tr("Look at the generator as it is now in the Explore tab"))
        self.start_btn.clicked.connect(lambda: self.start())
        self.resume_btn.clicked.connect(self._resume_dialog)
        self.pause_btn.clicked.connect(self.toggle_pause)
        self.stop_btn.clicked.connect(self.stop)
        self.step_d_btn.clicked.connect(lambda: self._single_step("d"))
        self.step_g_btn.clicked.connect(lambda: self._single_step("g"))
        self.explore_btn.clicked.connect(self._send_to_explorer)
        buttons = QGridLayout()
        for i, b in enumerate((self.start_btn, self.resume_btn, self.pause_btn, self.stop_btn, self.step_d_btn,
                               self.step_g_btn, self.explore_btn)):
            buttons.addWidget(b, i // 2, i % 2)
        self.smooth = QCheckBox(self.tr("Smooth the curves (moving average)"))
        self.smooth.setChecked(True)
        self.smooth.setToolTip(self.tr("Show an exponential moving average (about 10 steps) over the faint raw "
                                       "values, so the trend is visible through the step-to-step noise"))
        self.smooth.toggled.connect(self._smoothing_changed)
        self.rate_label = QLabel(self.tr("Not running"))
        self.rate_label.setToolTip(self.tr("Training steps done, epochs (passes over the data) and speed"))
        self.run_label = QLabel(self.tr("Run folder: (made when you press Start)"))
        self.run_label.setWordWrap(True)
        self.run_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        left_inner = QWidget()
        lv = QVBoxLayout(left_inner)
        lv.addWidget(settings)
        lv.addLayout(buttons)
        lv.addWidget(self.smooth)
        lv.addWidget(self.rate_label)
        lv.addWidget(self.run_label)
        lv.addStretch(1)
        left = QScrollArea()
        left.setWidget(left_inner)
        left.setWidgetResizable(True)
        left.setFrameShape(QFrame.Shape.NoFrame)
        left.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.left, self.left_inner = left, left_inner
        self._fit_form()

        pg.setConfigOptions(antialias=True)
        self.loss_plot = pg.PlotWidget()
        self.prob_plot = pg.PlotWidget()
        self.prob_plot.setYRange(0, 1, padding=0.02)
        self.half_line = pg.InfiniteLine(pos=0.5, angle=0, movable=False,
                                         pen=pg.mkPen("#888888", width=1, style=Qt.PenStyle.DashLine))
        self.prob_plot.addItem(self.half_line)
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
        self.loss_plot.setToolTip(self.tr("D's and G's losses. They do not fall together: each one's gain is the "
                                          "other's loss. Wild swings or one going to 0 mean trouble"))
        self.prob_plot.setToolTip(self.tr("D(x): D's average belief that real images are real. D(G(z)): its belief "
                                          "that generated ones are real. At the ideal end both sit at 0.5 (dashed): "
                                          "D can no longer tell"))
        self.class_plot = pg.PlotWidget()
        self.class_plot.setLabel("bottom", self.tr("class"))
        self.class_bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7, brush="#1f77b4")
        self.class_plot.addItem(self.class_bars)
        self.class_plot.getAxis("bottom").setTicks([[(i, str(i)) for i in range(10)]])
        self.class_plot.setToolTip(self.tr("A digit classifier labels 200 generated samples. Only samples it "
                                           "recognises confidently are counted; a GAN that has collapsed covers "
                                           "few classes"))
        self.class_label = QLabel(self.tr("Class coverage appears for digit data."))
        self.class_label.setWordWrap(True)
        self.last_classes: ClassHistogramEvent | None = None
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
        for view in (self.samples, self.real_view, self.mixing_view):
            view.setMinimumSize(120, 120)   # the tab must fit 1280x720 with the StyleGAN2 rows shown
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
        self.pics_layout = pg_

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
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        right.setSizes([2000, 3000])
        self.class_plot.setMinimumHeight(120)
        for plot in (self.loss_plot, self.prob_plot):
            plot.setMinimumSize(180, 160)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        self.split = split
        self._fit_form()
        QVBoxLayout(self).addWidget(split)

        self._redraw = QTimer(self)
        self._redraw.setInterval(200)
        self._redraw.timeout.connect(self._refresh)
        self._redraw.start()
        self.model.currentIndexChanged.connect(self._model_changed)
        self.model.setCurrentIndex(self.model.findData(QUICK_DEMO))
        self._model_changed()
        self._set_titles()
        self._smoothing_changed(self.smooth.isChecked())
        self._update_buttons()

    def showEvent(self, event) -> None:
        """The first time the tab is shown, load what training needs (seconds of torch imports) in the
        background, so Start finds it ready; the session waits for it if Start comes first."""
        super().showEvent(event)
        if not self._preloading:
            self._preloading = True
            threading.Thread(target=preload_training_imports, name="ganexplorer-preload").start()

    # -- settings and folders -----------------------------------------------------------------
    def _settings(self) -> QSettings:
        """The main window's settings (tests give it a temporary file), else the application's."""
        if self._own_settings is None:
            self._own_settings = getattr(self.window(), "settings", None) or QSettings()
        return self._own_settings

    def _last_dir(self) -> str:
        """Where file dialogs open: the folder last used here, else the runs folder, else home."""
        s = self._settings()
        fallback = self.out_dir.text().strip() or s.value("last_dir", str(Path.home()))
        return str(s.value(LAST_DIR_KEY, fallback))

    def _remember_dir(self, path: str | Path) -> None:
        self._settings().setValue(LAST_DIR_KEY, str(path))

    def _browse_data(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Training data"), self._last_dir(),
                                              self.tr("Datasets (*idx3-ubyte* *.gz *.npy *.ndjson data_batch_*);;All files (*)"))
        if not path:
            return
        p = Path(path)
        self._remember_dir(p.parent)
        kind = ("quickdraw" if p.suffix in (".npy", ".ndjson") else "cifar10" if p.name.startswith("data_batch")
                else "mnist")
        self.data.setText(f"{kind}:{p.parent if kind == 'cifar10' else p}")

    def _browse_runs(self) -> None:
        start = self.out_dir.text().strip() or self._last_dir()
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder for training runs"), start)
        if path:
            self.out_dir.setText(path)
            self._remember_dir(path)

    def _resume_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Resume a training run"), self._last_dir(),
                                              self.tr("Training checkpoints (*.safetensors);;All files (*)"))
        if path:
            self._remember_dir(Path(path).parent.parent)
            self.resume(path)

    def _model_changed(self) -> None:
        """Load the family's usual optimiser settings; show the StyleGAN2-only rows for StyleGAN2."""
        model = self.model.currentData()
        cfg = TrainConfig.for_model(model)
        self.batch.setValue(cfg.batch_size)
        self.lr.setValue(cfg.lr)
        self.beta1.setValue(cfg.beta1)
        self.r1_gamma.setValue(cfg.r1_gamma)
        self.augment.setCurrentIndex(max(0, self.augment.findData(cfg.augment)))
        self.sample_every.setValue(max(1, cfg.sample_every))
        style = PRESETS[model].family == "stylegan2"
        for _, w in self.style_rows:
            self.form.setRowVisible(w, style)
        self.loss.setEnabled(not style)
        self.loss.setToolTip(self.tr("StyleGAN2 always uses the non-saturating logistic loss") if style else
                             self.tr("What G and D minimise. Non-saturating: G maximises log D(G(z)), which "
                                     "still gives G gradients when D wins; minimax is the original paper's form; "
                                     "least squares (LSGAN) penalises distance from the target"))
        self.mixing_title.setVisible(style)
        self.mixing_view.setVisible(style)
        self.pics_layout.setRowStretch(4, 2 if style else 0)   # a hidden row must not keep its share
        self.r1_curve.setVisible(style)
        self._set_titles()

    def config(self) -> TrainConfig:
        model = self.model.currentData()
        return TrainConfig.for_model(
            model, data=self.data.text().strip(), batch_size=self.batch.value(), lr=self.lr.value(),
            beta1=self.beta1.value(), loss=self.loss.currentData(), d_steps=self.d_steps.value(),
            seed=self.seed.value(), conditional=PRESETS[model].conditional, sample_every=self.sample_every.value(),
            checkpoint_every=self.checkpoint_every.value(), r1_gamma=self.r1_gamma.value(),
            pl_weight=self.pl_weight.value(), mixing_prob=self.mixing_prob.value(), augment=self.augment.currentData())

    def _show_config(self, cfg: TrainConfig) -> None:
        """Fill the form from a saved run's settings (for Resume)."""
        self.model.setCurrentIndex(self.model.findData(cfg.model))
        self.data.setText(cfg.data)
        self.batch.setValue(cfg.batch_size)
        self.lr.setValue(cfg.lr)
        self.beta1.setValue(cfg.beta1)
        self.loss.setCurrentIndex(max(0, self.loss.findData(cfg.loss)))
        self.d_steps.setValue(cfg.d_steps)
        self.seed.setValue(cfg.seed)
        self.sample_every.setValue(max(1, cfg.sample_every))
        self.checkpoint_every.setValue(max(1, cfg.checkpoint_every))
        self.r1_gamma.setValue(cfg.r1_gamma)
        self.pl_weight.setValue(cfg.pl_weight)
        self.mixing_prob.setValue(cfg.mixing_prob)
        self.augment.setCurrentIndex(max(0, self.augment.findData(cfg.augment)))

    # -- control ------------------------------------------------------------------------------
    def start(self, max_steps: int | None = None) -> bool:
        """Start a new run in a new folder; ``max_steps`` overrides the "Stop at step" field."""
        return self._launch(max_steps, resume_from=None)

    def resume(self, checkpoint: str | Path, max_steps: int | None = None) -> bool:
        """Continue the run saved in ``checkpoint`` (its folder keeps receiving the checkpoints)."""
        if self.worker is not None and self.worker.is_running():
            return False
        try:
            cfg, step = read_run_config(checkpoint)   # the header only: cheap
        except (ValueError, OSError) as e:
            self.status.emit(translate_core(str(e)))
            return False
        if cfg.model not in PRESETS or not PRESETS[cfg.model].trainable or self.model.findData(cfg.model) < 0:
            self.status.emit(self.tr("'{0}' was trained as {1}, which this version cannot train")
                             .format(checkpoint, cfg.model))
            return False
        self._show_config(cfg)
        return self._launch(max_steps, resume_from=Path(checkpoint), at_step=step)

    def _launch(self, max_steps: int | bool | None, resume_from: Path | None, at_step: int = 0) -> bool:
        """Check what is cheap here, then hand the rest (data, trainer, training) to the training thread."""
        if self.worker is not None and self.worker.is_running():
            return False
        if isinstance(max_steps, bool) or max_steps is None:   # a clicked(bool) is not a step count
            max_steps = self.max_steps.value() or None
        cfg = self.config()
        root = self.out_dir.text().strip()
        try:
            cfg.validate()
            check_dataset_spec(cfg.data)   # a mistyped or missing dataset is refused at once
        except (DatasetError, ValueError) as e:
            self.status.emit(translate_core(str(e)))   # core's sentence, in the UI language where known
            return False
        if max_steps is not None and at_step >= max_steps:
            self.status.emit(self.tr("The run is already at step {0}; raise \u201cStop at step\u201d to go on")
                             .format(at_step))
            return False
        run_dir = resume_from.parent if resume_from is not None else None
        self.trainer = None            # until the session says it is ready
        self.run_dir = None
        self._runs_root = root if resume_from is None else ""
        self.series = GrowingSeries(6, PLOTTED)
        self.grids = []
        self.timeline.setRange(0, 0)
        self.timeline.setEnabled(False)
        self.rate = 0.0
        self._finished = False
        self._stop_reason = ""
        self._dirty = True
        self.worker = TrainingWorker(lambda: training_session(
            cfg, run_dir=run_dir, out_root=root or None, resume_from=resume_from, max_steps=max_steps))
        self.worker.event.connect(self._on_event)
        self.worker.finished.connect(self._on_finished)
        self.worker.start()
        self.rate_label.setText(self.tr("preparing\u2026"))
        self.status.emit(self.tr("Preparing {0} on {1}\u2026").format(cfg.model, cfg.data))
        self._update_buttons()
        return True

    def _on_ready(self, ev: ReadyEvent) -> None:
        """The session has its data and trainer: show the run folder, the real images and a resumed run's past."""
        self.trainer = ev.trainer
        self.run_dir = ev.run_dir
        if ev.run_dir is not None and self._runs_root:
            self._remember_dir(self._runs_root)
        self.run_label.setText(self.tr("Run folder: {0}").format(ev.run_dir) if ev.run_dir is not None
                               else self.tr("Run folder: none (not saving)"))
        for h in ev.history:   # a resumed run shows its past
            self.series.append([h.step, h.d_loss, h.g_loss, h.d_real, h.d_fake, h.r1])
        self._dirty = True
        self.real_view.set_image(ev.real_grid)
        self.rate_label.setText(self.tr("starting at step {0}\u2026").format(ev.step))
        verb = self.tr("Resuming {0} on {1} at step {2}") if ev.resumed else self.tr("Training {0} on {1}")
        self.status.emit(verb.format(ev.trainer.config.model, ev.dataset_name, ev.step))
        self._update_buttons()

    def _show_setup(self, ev: SetupEvent) -> None:
        if ev.stage == "dataset":
            text = self.tr("preparing: opening {0}\u2026")
        elif ev.stage == "model":
            text = self.tr("preparing: building {0}\u2026")
        else:
            text = self.tr("preparing\u2026")
        self.rate_label.setText(text.format(ev.detail))

    def toggle_pause(self) -> None:
        if self.worker is None or not self.worker.is_running() or self.trainer is None:
            return
        if self.worker.paused:
            self.worker.resume()
            self.rate = 0.0
            self.rate_label.setText(self.tr("step {0} \u00b7 resuming\u2026").format(self.trainer.step))
        else:
            self.worker.pause()
            self._show_stopped_rate()
        self._update_buttons()

    def stop(self) -> None:
        if self.worker is not None and self.worker.is_running():
            self.worker.stop()

    def _single_step(self, which: str) -> None:
        if self.worker is None or not self.worker.paused or self.trainer is None:
            return
        tr = self.trainer
        self.worker.call_while_paused(lambda: list(tr.single_step(which)))

    def _send_to_explorer(self) -> None:
        """Copy the generator on the training thread between two steps (a step must not change it mid-copy),
        then open the copy in the explorer."""
        tr = self.trainer
        if tr is None:
            return
        if self.worker is None:
            self._open_copy(copy.deepcopy(tr.sampler).eval(), tr.family, tr.step)
            return
        self.worker.call_between_steps(lambda: (copy.deepcopy(tr.sampler).eval(), tr.family, tr.step),
                                       then=self._copy_made)

    def _copy_made(self, future: Future) -> None:
        if future.exception() is not None:
            self.status.emit(translate_core(str(future.exception())))
            return
        self._open_copy(*future.result())

    def _open_copy(self, G, family: str, step: int) -> None:
        self.open_in_explorer.emit(LoadedModel(G=G, family=family, format="native",
                                               network="G (training)",
                                               notes=[self.tr("snapshot at step {0}").format(step)]))

    # -- events -------------------------------------------------------------------------------
    def _on_event(self, ev) -> None:
        if isinstance(ev, SetupEvent):
            self._show_setup(ev)
        elif isinstance(ev, ReadyEvent):
            self._on_ready(ev)
        elif isinstance(ev, StepEvent):
            self.series.append([ev.step, ev.d_loss, ev.g_loss, ev.d_real, ev.d_fake, ev.r1])
            if ev.steps_per_second:
                self.rate = ev.steps_per_second
            self._dirty = True
            if self.worker is not None and self.worker.paused:   # step mode, or the step in flight at Pause
                self._show_stopped_rate()
        elif isinstance(ev, SamplesEvent):
            self.grids.append((ev.step, ev.grid))
            self.timeline.setEnabled(True)
            follow = len(self.grids) == 1 or self.timeline.value() >= self.timeline.maximum()
            self.timeline.setRange(0, len(self.grids) - 1)
            if follow:
                self.timeline.setValue(len(self.grids) - 1)
                self._show_grid(len(self.grids) - 1)
        elif isinstance(ev, MixingEvent):
            self.mixing_view.set_image(ev.grid)
        elif isinstance(ev, ClassHistogramEvent):
            self.last_classes = ev
            self.class_bars.setOpts(height=np.asarray(ev.counts, dtype=float))
            self.class_plot.setYRange(0, max(10, max(ev.counts)), padding=0.05)
            self.class_label.setText(self._class_text(ev))
        elif isinstance(ev, LogEvent):
            self.log_lines.append(ev.text)
            self.status.emit(ev.text)
        elif isinstance(ev, CheckpointEvent):
            self.status.emit(self.tr("Checkpoint written: {0}").format(ev.path))
        elif isinstance(ev, StoppedEvent):
            self._stop_reason = ev.reason
            if ev.reason == "finished":
                self._finished = True
            elif ev.reason == "error":   # the session could not start: bad data, settings or checkpoint
                self.status.emit(translate_core(ev.message))
            elif ev.reason == "nan":   # the run ends here; core has kept the last good checkpoint
                self.status.emit(self._nan_text(ev.step))

    def _nan_text(self, step: int) -> str:
        return self.tr("Training stopped at step {0}: a loss became NaN or infinite; the last good checkpoint "
                       "is kept").format(step)

    def _class_text(self, ev: ClassHistogramEvent) -> str:
        confident = sum(ev.counts)
        if confident == 0:
            return self.tr("step {0}: no confident samples yet").format(ev.step)
        text = self.tr("step {0}: {1} of 10 classes, {2:.0%} of {3} samples recognised, largest class {4:.0%}")
        text = text.format(ev.step, ev.coverage, ev.confident_share, ev.samples, max(ev.counts) / confident)
        if ev.recognisable:
            text += self.tr(" \u2014 recognisable digits")
        return text

    def _on_finished(self, message: str) -> None:
        """Say how the run ended. Core has saved whatever was to be saved (on the training thread)."""
        tr = self.trainer
        if message:
            self.status.emit(translate_core(message))
        elif self._stop_reason == "error":
            pass   # its sentence is already in the status bar
        elif tr is not None and self._stop_reason == "nan":
            self.status.emit(self._nan_text(tr.step))
        elif tr is not None and self._finished:
            self.status.emit(self.tr("Finished at step {0}; saved in {1}").format(tr.step, self.run_dir)
                             if self.run_dir is not None else self.tr("Finished at step {0}").format(tr.step))
        elif tr is not None:
            saved = tr.last_checkpoint
            if saved is not None and saved[0] == tr.step:
                self.status.emit(self.tr("Stopped at step {0}; saved {1}").format(tr.step, saved[1]))
            else:
                self.status.emit(self.tr("Stopped at step {0}").format(tr.step))
        else:
            self.status.emit(self.tr("Stopped before training began"))
        self._dirty = True
        self._refresh()
        if tr is None:
            self.rate_label.setText(self.tr("Not running"))
        self._show_stopped_rate(finished=True)
        self._update_buttons()

    def _show_stopped_rate(self, finished: bool = False) -> None:
        """Pause, Stop and the end of a run replace the steps/s figure (stale from then on) by where it stands."""
        if self.trainer is None:
            return
        step = self.trainer.step
        if finished:
            text = self.tr("finished at step {0}") if self._finished else self.tr("stopped at step {0}")
        else:
            text = self.tr("paused at step {0}")
        self.rate = 0.0
        self.rate_label.setText(text.format(step) + " \u00b7 " + self.tr("epoch {0}").format(self.trainer.epoch))

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
        smooth = self.smooth.isChecked()
        for key, col in (("d", 1), ("g", 2), ("real", 3), ("fake", 4)):
            y = s.column(col)
            self.main_curves[key].setData(x, s.smoothed(col) if smooth else y)
            if smooth:
                self.raw_curves[key].setData(x, y)
        if self.r1_curve.isVisible():
            self.r1_curve.setData(x, s.column(5))
        self._fit_loss_range()
        running = self.worker is not None and self.worker.is_running() and not self.worker.paused
        if self.trainer is not None and running and self.rate > 0:
            self.rate_label.setText(self.tr("step {0} \u00b7 epoch {1} \u00b7 {2:.2f} steps/s")
                                    .format(self.trainer.step, self.trainer.epoch, self.rate))
        elif self.trainer is not None and running:
            self.rate_label.setText(self.tr("step {0} \u00b7 epoch {1} \u00b7 measuring speed\u2026")
                                    .format(self.trainer.step, self.trainer.epoch))

    def _fit_loss_range(self) -> None:
        """Fit the loss plot to the bold curves with headroom (past the first few wild steps of a long run)."""
        s = self.series
        if s.size == 0:
            return
        smooth = self.smooth.isChecked()
        cols = [s.smoothed(1) if smooth else s.column(1), s.smoothed(2) if smooth else s.column(2)]
        if self.r1_curve.isVisible():
            cols.append(s.column(5))
        skip = 5 if s.size > 20 else 0
        values = np.concatenate([c[skip:] for c in cols])
        values = values[np.isfinite(values)]
        if values.size:
            lo, hi = float(values.min()), float(values.max())
            span = max(hi - lo, 1e-3)
            self.loss_plot.setYRange(lo - 0.05 * span, hi + 0.1 * span, padding=0)

    def _smoothing_changed(self, on: bool) -> None:
        for c in self.raw_curves.values():
            c.setVisible(on)
        self._dirty = True
        self._refresh()

    def _update_buttons(self) -> None:
        running = self.worker is not None and self.worker.is_running()
        preparing = running and self.trainer is None   # only Stop makes sense before the first step
        paused = running and self.worker.paused and not preparing
        self.start_btn.setEnabled(not running)
        self.resume_btn.setEnabled(not running)
        self.pause_btn.setEnabled(running and not preparing)
        self.pause_btn.setText(self.tr("Continue") if paused else self.tr("Pause"))   # "Resume…" opens a saved run
        self.stop_btn.setEnabled(running)
        self.step_d_btn.setEnabled(paused)
        self.step_g_btn.setEnabled(paused)
        self.explore_btn.setEnabled(self.trainer is not None)

    def current_picture(self) -> tuple[np.ndarray | None, str]:
        """What Ctrl+S saves on this tab: the sample grid shown (the timeline's step), named by its step."""
        index = self.timeline.value()
        if not 0 <= index < len(self.grids):
            return None, "samples"
        step, pic = self.grids[index]
        return pic.copy(), f"samples-step{step:07d}"

    # -- presentation and help ----------------------------------------------------------------
    def _set_titles(self) -> None:
        size = "12pt" if self._presentation else "10pt"
        style = self.model.currentData() is not None and PRESETS[self.model.currentData()].family == "stylegan2"
        losses = [_swatch(COLOURS["d"], "D"), _swatch(COLOURS["g"], "G")]
        if style:
            losses.append(_swatch(COLOURS["r1"], "R1", dashed=True))
        self.loss_plot.setTitle(self.tr("Losses") + "&nbsp;&nbsp;" + "&nbsp;&nbsp;".join(losses), size=size)
        probs = [_swatch(COLOURS["real"], "D(x)"), _swatch(COLOURS["fake"], "D(G(z))"),
                 _swatch("#888888", "0.5", dashed=True)]
        self.prob_plot.setTitle("&nbsp;&nbsp;".join(probs), size=size)
        self.class_plot.setTitle(self.tr("Digits recognised"), size=size)

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
        self._fit_form()
        QTimer.singleShot(0, self._fit_form)   # once the window's new font has reached every child

    def _fit_form(self) -> None:
        """Keep the form column as wide as its widgets need (nothing cut off), the plots get the rest."""
        bar = self.left.verticalScrollBar().sizeHint().width()
        self.left.setMinimumWidth(self.left_inner.minimumSizeHint().width() + bar + 4)
        if getattr(self, "split", None) is not None:
            self.split.setSizes([self.left.minimumWidth(), 10_000])

    def help_html(self) -> str:
        return self.tr(
            "<h3>Train: watch a GAN learn</h3>"
            "<p>Press <b>Start</b>. Two networks train against each other: the generator G turns random noise "
            "into pictures, the discriminator D tries to tell them from the real ones.</p>"
            "<ul><li><b>Losses</b>: D's and G's. They do not both go down; a steady tug of war is healthy.</li>"
            "<li><b>D(x) and D(G(z))</b>: how real D thinks the real and the generated pictures are. They move "
            "towards the dashed 0.5 line when D can no longer tell them apart.</li>"
            "<li><b>Generated</b>: the same 64 noise vectors drawn again every few steps: blobs, then strokes, "
            "then digits. Drag the slider below to go back in time.</li>"
            "<li><b>Digits recognised</b>: a digit classifier labels 200 samples; only confident labels count. "
            "Few classes means mode collapse.</li></ul>"
            "<p><b>Pause</b>, then <b>One D step</b> / <b>One G step</b>, to see one update at a time. Every run "
            "is saved in its own folder; <b>Resume\u2026</b> continues one.</p>")

    def shutdown(self) -> None:
        if self.worker is not None and self.worker.is_running():
            self.worker.stop()
            self.worker.wait(30_000)
