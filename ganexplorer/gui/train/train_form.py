"""The Train tab's setup form: model, data, optimiser and run settings, and the StyleGAN2-only rows.

Ranges and defaults come from ``TrainConfig``'s field metadata (``core/train/settings.py``), the
family's usual optimiser settings from ``TrainConfig.for_model``; the form turns its widgets into a
``TrainConfig`` (:meth:`TrainSetupForm.config`) and back (:meth:`TrainSetupForm.show_config`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QGroupBox, QLabel, QLineEdit, \
    QPushButton, QSpinBox

from ganexplorer.core.models.registry import PRESETS, QUICK_DEMO
from ganexplorer.core.train.config import LOSSES, PRECISIONS, TrainConfig
from ganexplorer.core.train.placement import train_device_choices
from ganexplorer.core.train.settings import settings_of
from ganexplorer.gui.train.dataset_download import DownloadButton
from ganexplorer.gui.common.widgets import field_row

LAST_DIR_KEY = "train/last_dir"
MODEL_KEY, DATA_KEY = "train/model", "train/data"   # the last model and data chosen, shown at the next start
SETTINGS = settings_of(TrainConfig)   # help, range and default of every training setting


def bind_setting(box: QSpinBox | QDoubleSpinBox, name: str, minimum: float | None = None) -> None:
    """Give a form spin box the range and default of its ``TrainConfig`` field (``core/train/settings.py``)."""
    s = SETTINGS[name]
    cast = int if isinstance(box, QSpinBox) else float
    low = s.minimum if minimum is None else max(minimum, s.minimum if s.minimum is not None else minimum)
    box.setRange(cast(low), cast(s.maximum))
    box.setValue(cast(s.default))


def trainable_models() -> list[str]:
    """The presets the tab offers, the quick demo first."""
    return [QUICK_DEMO] + [n for n, p in PRESETS.items() if p.trainable and n != QUICK_DEMO]


class TrainSetupForm(QGroupBox):
    """The "Setup" box. ``model_changed`` carries the newly chosen preset's name."""

    model_changed = Signal(str)
    status = Signal(str)

    def __init__(self, settings: Callable[[], QSettings], parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Setup"))
        self._settings = settings
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._build_model_and_data()
        self._build_optimiser()
        self._build_run()
        self._build_stylegan2()
        self.model.currentIndexChanged.connect(self._model_changed)
        self.model.setCurrentIndex(self.model.findData(QUICK_DEMO))
        self._model_changed()

    # -- the rows ---------------------------------------------------------------------------------
    def _model_words(self) -> dict[str, tuple[str, str]]:
        """Each preset's name in the list, and what a teacher can expect from it (shown under the list)."""
        minute, minutes = self.tr("digits after about a minute on a laptop"), self.tr(
            "blurry digits after a few minutes on a laptop")
        gpu = self.tr("slow on a laptop: a GPU helps")
        return {
            QUICK_DEMO: (self.tr("Quick demo \u2014 DCGAN 32\u00b2 digits"), minute),
            "mlp-gan": (self.tr("MLP GAN 28\u00b2 (the lecture's)"), minutes),
            "mlp-gan-bn": (self.tr("MLP GAN 28\u00b2 with BatchNorm"), minutes),
            "dcgan32": (self.tr("DCGAN 32\u00b2"), self.tr("digits after a few minutes on a laptop")),
            "dcgan32-cond": (self.tr("DCGAN 32\u00b2, conditional (pick the digit)"),
                             self.tr("digits after a few minutes on a laptop")),
            "dcgan64": (self.tr("DCGAN 64\u00b2 (PyTorch tutorial)"), gpu),
            "dcgan64-cond": (self.tr("DCGAN 64\u00b2, conditional"), gpu),
            "dcgan128": (self.tr("DCGAN 128\u00b2"), self.tr("needs a GPU")),
            "stylegan2-32": (self.tr("StyleGAN2 32\u00b2"), self.tr("shapes appear after ~10 min on a laptop")),
            "stylegan2-32-cond": (self.tr("StyleGAN2 32\u00b2, conditional"),
                                  self.tr("shapes appear after ~10 min on a laptop")),
            "stylegan2-64": (self.tr("StyleGAN2 64\u00b2"), self.tr("hours on a laptop: a GPU helps")),
            "stylegan2-64-small": (self.tr("StyleGAN2 64\u00b2, narrow (the bundled shapes model)"),
                                   self.tr("about an hour on a laptop")),
        }

    def _build_model_and_data(self) -> None:
        self.model = QComboBox()
        # A long name must not widen the form (the tab fits 1280x720): the list shows names in full when open.
        self.model.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.model.setMinimumContentsLength(14)
        words = self._model_words()
        for name in trainable_models():
            text, expect = words.get(name, (name, ""))
            self.model.addItem(text, name)
            self.model.setItemData(self.model.count() - 1,   # in the UI language (core's description is English)
                                   f"{name}: {text} \u2014 {expect}" if expect else f"{name}: {text}",
                                   Qt.ItemDataRole.ToolTipRole)
        self.expect = QLabel()
        self.expect.setWordWrap(True)
        self.expect.setToolTip(self.tr("What to expect from this model with the shipped digits on a laptop CPU"))
        self._expectations = {name: w[1] for name, w in words.items()}
        self.model.setToolTip(self.tr("The network to train. \u201cQuick demo\u201d is a narrow DCGAN that draws "
                                      "recognisable digits within about a minute on a laptop; the others are "
                                      "the lecture's MLP and DCGAN layouts and small StyleGAN2s (slower)."))
        self.data = QLineEdit(TrainConfig.data)
        self.data.setMinimumWidth(120)
        self.data.setToolTip(self.tr("What the discriminator sees as real: builtin:digits (shipped, works "
                                     "offline), mnist:FILE, quickdraw:FILE, cifar10:FOLDER or folder:FOLDER"))
        self.data_browse = QPushButton(self.tr("Browse\u2026"))
        self.data_browse.setToolTip(self.tr("Pick a dataset file on disk"))
        self.data_browse.clicked.connect(self._browse_data)
        self.download = DownloadButton(self)
        self.download.downloaded.connect(self.data.setText)
        self.download.message.connect(self.status)
        self.form.addRow(self.tr("Model"), self.model)
        self.form.addRow("", self.expect)
        self.form.addRow(self.tr("Data"), field_row(self.data, self.data_browse, self.download))

    def _build_optimiser(self) -> None:
        self.batch = self._spin(QSpinBox(), "batch_size", self.tr(
            "Real and generated images per step. Smaller batches make more, noisier steps per second"))
        self.lr = QDoubleSpinBox()
        self.lr.setDecimals(5)
        self.lr.setSingleStep(1e-4)
        self._spin(self.lr, "lr", self.tr("How far each Adam step moves the weights of D and G. Too high and "
                                          "training oscillates or collapses; too low and nothing happens for a "
                                          "long time"))
        self.beta1 = QDoubleSpinBox()
        self.beta1.setSingleStep(0.05)
        self._spin(self.beta1, "beta1", self.tr("Adam's momentum: how much of the previous steps' direction each "
                                                "step keeps. GANs use 0.5 (DCGAN paper) or 0 (StyleGAN2) instead "
                                                "of 0.9"))
        self.loss = QComboBox()
        for key, text in zip(LOSSES, (self.tr("non-saturating BCE"), self.tr("minimax (original)"),
                                      self.tr("least squares"))):
            self.loss.addItem(text, key)
        self.d_steps = self._spin(QSpinBox(), "d_steps", self.tr("Discriminator updates before each generator update"))
        self.seed = self._spin(QSpinBox(), "seed", self.tr("Random seed for the initial weights and the fixed noise "
                                                           "of the sample grid: the same seed gives the same run"))
        self.form.addRow(self.tr("Batch size"), self.batch)
        self.form.addRow(self.tr("Learning rate (Adam)"), self.lr)
        self.form.addRow("\u03b2\u2081", self.beta1)
        self.form.addRow(self.tr("Loss"), self.loss)
        self.form.addRow(self.tr("D steps per G step"), self.d_steps)
        self.form.addRow(self.tr("Seed"), self.seed)

    def _build_run(self) -> None:
        self.max_steps = QSpinBox()
        self.max_steps.setRange(0, 10_000_000)
        self.max_steps.setSingleStep(100)
        self.max_steps.setSpecialValueText(self.tr("no limit"))
        self.max_steps.setToolTip(self.tr("Training stops (and saves) when the step counter reaches this "
                                          "number; 0 = no limit, stop it with Stop"))
        self.sample_every = self._spin(QSpinBox(), "sample_every", self.tr(
            "How often the sample grid and the class histogram are redrawn (each costs a little training time)"),
            minimum=1)   # the tab always shows samples
        self.checkpoint_every = self._spin(QSpinBox(), "checkpoint_every", self.tr(
            "How often last.safetensors is rewritten in the run folder: every N steps or every {0:g} minutes, "
            "whichever comes first (it is also written when training stops, but never after a loss became NaN)")
            .format(TrainConfig.checkpoint_minutes), minimum=1)
        self.out_dir = QLineEdit(str(Path.home() / "ganexplorer-runs"))
        self.out_dir.setToolTip(self.tr("Each run gets its own new folder in here, named after the model and the "
                                        "start time; empty = do not save"))
        self.runs_browse = QPushButton(self.tr("Browse\u2026"))
        self.runs_browse.setToolTip(self.tr("Pick the folder that holds your runs"))
        self.runs_browse.clicked.connect(self._browse_runs)
        self.device = QComboBox()
        for key, text in train_device_choices():
            self.device.addItem(text, key)
        self.device.setToolTip(self.tr("Where training computes. auto takes a CUDA GPU, then Apple's MPS, then the "
                                       "CPU; checkpoints open on any device"))
        self.precision = QComboBox()
        for key, text in zip(PRECISIONS, (self.tr("fp32 (exact)"), self.tr("bf16 mixed precision"),
                                          self.tr("fp16 mixed precision"))):
            self.precision.addItem(text, key)
        self.precision.setToolTip(self.tr("Number format of the forward passes. bf16/fp16 are faster on recent "
                                          "GPUs (weights stay fp32); fp16 is the riskier of the two for StyleGAN2"))
        self.form.addRow(self.tr("Device"), self.device)
        self.form.addRow(self.tr("Precision"), self.precision)
        self.form.addRow(self.tr("Stop at step"), self.max_steps)
        self.form.addRow(self.tr("Samples every N steps"), self.sample_every)
        self.form.addRow(self.tr("Checkpoint every N steps"), self.checkpoint_every)
        self.form.addRow(self.tr("Runs folder"), field_row(self.out_dir, self.runs_browse))

    def _build_stylegan2(self) -> None:
        self.r1_gamma = QDoubleSpinBox()
        self.r1_gamma.setDecimals(4)
        self.r1_gamma.setSingleStep(0.005)
        self._spin(self.r1_gamma, "r1_gamma", self.tr("R1 penalty: punishes D for steep slopes around real images, "
                                                      "which keeps StyleGAN2 training stable"))
        self.pl_weight = self._spin(QDoubleSpinBox(), "pl_weight", self.tr(
            "Path-length regularisation: a fixed step in w should change the picture by a fixed amount "
            "(0 = off, faster)"))
        self.mixing_prob = QDoubleSpinBox()
        self.mixing_prob.setSingleStep(0.1)
        self._spin(self.mixing_prob, "mixing_prob", self.tr("How often a training image takes its later styles "
                                                            "from a second latent, so that coarse and fine "
                                                            "styles stay separable"))
        self.augment = QComboBox()
        for key, text in (("", self.tr("none")), ("translation", self.tr("translation")),
                          ("translation,cutout", self.tr("translation + cutout"))):
            self.augment.addItem(text, key)
        self.augment.setToolTip(self.tr("Differentiable augmentation: D sees shifted (and partly blanked) real and "
                                        "generated images, which keeps it from memorising a small dataset"))
        self.r1_label = self.tr("R1 \u03b3 (lazy, every {0} D steps)")
        self.style_rows = [(self.r1_label.format(TrainConfig.r1_interval), self.r1_gamma),
                           (self.tr("Augmentation for D"), self.augment),
                           (self.tr("Path-length weight"), self.pl_weight),
                           (self.tr("Style-mixing probability"), self.mixing_prob)]
        for label, w in self.style_rows:
            self.form.addRow(label, w)

    def _spin(self, box, name: str, tip: str, minimum: float | None = None):
        bind_setting(box, name, minimum)
        box.setToolTip(tip)
        return box

    # -- settings <-> widgets ----------------------------------------------------------------------
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
        # The lazy-R1 interval is the config's (a preset may set its own), not a number written here.
        self.form.labelForField(self.r1_gamma).setText(self.r1_label.format(cfg.r1_interval))
        self.expect.setText(self._expectations.get(model, ""))
        style = self.is_stylegan2()
        for _, w in self.style_rows:
            self.form.setRowVisible(w, style)
        self.loss.setEnabled(not style)
        self.loss.setToolTip(self.tr("StyleGAN2 always uses the non-saturating logistic loss") if style else
                             self.tr("What G and D minimise. Non-saturating: G maximises log D(G(z)), which "
                                     "still gives G gradients when D wins; minimax is the original paper's form; "
                                     "least squares (LSGAN) penalises distance from the target"))
        self.model_changed.emit(model)

    def is_stylegan2(self) -> bool:
        model = self.model.currentData()
        return model is not None and PRESETS[model].family == "stylegan2"

    def config(self) -> TrainConfig:
        """The settings as the form shows them (the family's defaults for what it does not show)."""
        model = self.model.currentData()
        return TrainConfig.for_model(
            model, data=self.data.text().strip(), batch_size=self.batch.value(), lr=self.lr.value(),
            beta1=self.beta1.value(), loss=self.loss.currentData(), d_steps=self.d_steps.value(),
            seed=self.seed.value(), conditional=PRESETS[model].conditional, sample_every=self.sample_every.value(),
            checkpoint_every=self.checkpoint_every.value(), r1_gamma=self.r1_gamma.value(),
            pl_weight=self.pl_weight.value(), mixing_prob=self.mixing_prob.value(), augment=self.augment.currentData(),
            device=self.device.currentData(), precision=self.precision.currentData())

    def show_config(self, cfg: TrainConfig) -> None:
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
        self.device.setCurrentIndex(max(0, self.device.findData(cfg.device)))
        self.precision.setCurrentIndex(max(0, self.precision.findData(cfg.precision)))

    def retranslate(self) -> None:
        """After a language switch: the texts this form keeps to show later (each model's expectation, the
        R1 row's label) in the new language, and the ones it shows now from them."""
        self._expectations = {name: w[1] for name, w in self._model_words().items()}
        self.r1_label = self.tr("R1 \u03b3 (lazy, every {0} D steps)")
        self.expect.setText(self._expectations.get(self.model.currentData(), ""))
        interval = TrainConfig.for_model(self.model.currentData()).r1_interval
        self.form.labelForField(self.r1_gamma).setText(self.r1_label.format(interval))

    def remember_choices(self) -> None:
        """Show the model and data chosen last time (the window's QSettings) and remember each new choice,
        so a class picks up where it stopped. An unknown model name (from another version) is ignored."""
        s = self._settings()
        index = self.model.findData(s.value(MODEL_KEY, ""))
        if index >= 0:
            self.model.setCurrentIndex(index)
        data = s.value(DATA_KEY, "")
        if isinstance(data, str) and data.strip():
            self.data.setText(data)
        self.model.currentIndexChanged.connect(lambda _i: self._settings().setValue(MODEL_KEY, self.model.currentData()))
        self.data.textChanged.connect(lambda text: self._settings().setValue(DATA_KEY, text.strip()))

    # -- folders ------------------------------------------------------------------------------------
    def last_dir(self) -> str:
        """Where file dialogs open: the folder last used here, else the runs folder, else home."""
        s = self._settings()
        fallback = self.out_dir.text().strip() or s.value("last_dir", str(Path.home()))
        return str(s.value(LAST_DIR_KEY, fallback))

    def remember_dir(self, path: str | Path) -> None:
        self._settings().setValue(LAST_DIR_KEY, str(path))

    def _browse_data(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Training data"), self.last_dir(),
                                              self.tr("Datasets (*idx3-ubyte* *.gz *.npy *.ndjson data_batch_*);;All files (*)"))
        if not path:
            return
        p = Path(path)
        self.remember_dir(p.parent)
        kind = ("quickdraw" if p.suffix in (".npy", ".ndjson") else "cifar10" if p.name.startswith("data_batch")
                else "mnist")
        self.data.setText(f"{kind}:{p.parent if kind == 'cifar10' else p}")

    def _browse_runs(self) -> None:
        start = self.out_dir.text().strip() or self.last_dir()
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder for training runs"), start)
        if path:
            self.out_dir.setText(path)
            self.remember_dir(path)
