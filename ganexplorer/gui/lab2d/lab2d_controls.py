"""The 2-D lab's settings: target, preset, loss, learning rates, networks, batch, noise, speed.

Only widgets: the settings become a core ``Lab2DConfig`` in :meth:`Lab2DControls.config`, and core
checks them. Numbers sit two pairs to a row so the column fits 1280x720 in presentation mode.
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from ganexplorer.core.lab2d.config import LIMITS, PRESET_NAMES, PRESETS, Lab2DConfig
from ganexplorer.core.lab2d.losses import LOSSES
from ganexplorer.core.lab2d.targets import BUILTIN

SPEEDS = (10, 60, 0)    # steps per second; 0 = as fast as it goes


class Lab2DControls(QWidget):
    """Target, preset and the numbers; ``changed`` whenever one of them is edited."""

    changed = Signal()
    target_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = QComboBox()
        names = {"ring8": self.tr("Ring of 8 Gaussians"), "grid25": self.tr("5\u00d75 grid of Gaussians"),
                 "moons": self.tr("Two moons"), "spiral": self.tr("Spiral"), "line": self.tr("A line"),
                 "drawn": self.tr("Drawn by you")}
        for key in (*BUILTIN, "drawn"):
            self.target.addItem(names[key], key)
        self.target.setToolTip(self.tr("The real distribution G must learn to imitate. \u201cDrawn by you\u201d: "
                                       "click and drag on the plane to paint your own."))
        self.preset = QComboBox()
        preset_names = {"mode collapse": self.tr("Mode collapse"), "fixed": self.tr("Fixed (covers every mode)"),
                        "D too strong": self.tr("D too strong"), "G too strong": self.tr("G too strong")}
        for key in PRESET_NAMES:
            self.preset.addItem(preset_names[key], key)
        self.preset.setToolTip(self.tr("Settings that show a lesson: vanilla settings collapse onto a few modes; "
                                       "the fixed recipe (R1 penalty, Adam (0.5, 0.9), a large batch, a falling "
                                       "learning rate) covers every mode."))
        self.loss = QComboBox()
        loss_names = {"minimax": self.tr("minimax"), "nonsat": self.tr("non-saturating"),
                      "lsgan": self.tr("least squares"), "wgan-gp": self.tr("WGAN-GP"),
                      "r1": self.tr("non-saturating + R1")}
        for key in LOSSES:
            self.loss.addItem(loss_names[key], key)
        self.loss.setToolTip(self.tr("minimax: G minimises log(1 \u2212 D(G(z))) (its gradient vanishes when D is "
                                     "sure); non-saturating: G maximises log D(G(z)); least squares: squared "
                                     "distances to 1 and 0; WGAN-GP: a critic with a gradient penalty; R1: a "
                                     "penalty on D's slope at real samples."))
        self.lr_d, self.lr_g = self._lr(), self._lr()
        self.penalty = self._double(0, 1000, 3, 0.05)
        self.beta1 = self._double(0, 0.999, 2, 0.1)
        self.d_steps = self._int(*LIMITS["d_steps"])
        self.net_width = self._int(*LIMITS["width"])
        self.net_depth = self._int(*LIMITS["depth"])
        self.batch = self._int(*LIMITS["batch"])
        self.z_dim = self._int(*LIMITS["z_dim"])
        self.steps = self._int(1, 200_000)
        self.seed = self._int(0, 99_999)
        self.speed = QComboBox()
        for sps in SPEEDS:
            self.speed.addItem(self.tr("{0} steps/s").format(sps) if sps else self.tr("full speed"), sps)
        self.speed.setCurrentIndex(len(SPEEDS) - 1)
        self.speed.setToolTip(self.tr("Slow the run down to watch single steps, or let it run as fast as it can."))
        tips = {
            self.lr_d: self.tr("D's learning rate (Adam)."), self.lr_g: self.tr("G's learning rate (Adam)."),
            self.penalty: self.tr("R1's \u03b3 or WGAN-GP's \u03bb: how strongly D's slope is held down."),
            self.beta1: self.tr("Adam's \u03b21 (momentum); 0.5 or 0 is usual for GANs."),
            self.d_steps: self.tr("How many D updates before each G update."),
            self.net_width: self.tr("Hidden units per layer, in G and in D."),
            self.net_depth: self.tr("Hidden layers, in G and in D."),
            self.batch: self.tr("Samples per update."),
            self.z_dim: self.tr("The noise dimension (z); the z-grid shows its first two."),
            self.steps: self.tr("G updates in a run; late in a run the learning rates fall."),
            self.seed: self.tr("Starting weights and random numbers: the same seed repeats the same run."),
        }
        for w, tip in tips.items():
            w.setToolTip(tip)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(3)
        grid.addWidget(QLabel(self.tr("Target")), 0, 0)
        grid.addWidget(self.target, 0, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Preset")), 1, 0)
        grid.addWidget(self.preset, 1, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Loss")), 2, 0)
        grid.addWidget(self.loss, 2, 1, 1, 3)
        pairs = ((self.tr("lr D"), self.lr_d, self.tr("lr G"), self.lr_g),
                 (self.tr("D steps"), self.d_steps, self.tr("\u03b3 / \u03bb"), self.penalty),
                 (self.tr("Width"), self.net_width, self.tr("Depth"), self.net_depth),
                 (self.tr("Batch"), self.batch, self.tr("z dim"), self.z_dim),
                 (self.tr("Steps"), self.steps, self.tr("\u03b21"), self.beta1),
                 (self.tr("Seed"), self.seed, self.tr("Speed"), self.speed))
        for row, (la, wa, lb, wb) in enumerate(pairs, start=3):
            for col, (text, w) in enumerate(((la, wa), (lb, wb))):
                label = QLabel(text)
                label.setBuddy(w)
                label.setToolTip(w.toolTip())
                grid.addWidget(label, row, 2 * col)
                grid.addWidget(w, row, 2 * col + 1)
        self.preset.currentIndexChanged.connect(lambda _: self.apply_preset(self.preset.currentData()))
        self.target.currentIndexChanged.connect(lambda _: self.target_changed.emit(self.target.currentData()))
        for w in self._numbers():
            w.valueChanged.connect(lambda _: self.changed.emit())
        self.loss.currentIndexChanged.connect(lambda _: self.changed.emit())
        self.apply_preset("mode collapse")
        self.preset.setCurrentIndex(self.preset.findData("mode collapse"))

    def _numbers(self) -> list:
        return [self.lr_d, self.lr_g, self.penalty, self.beta1, self.d_steps, self.net_width, self.net_depth, self.batch,
                self.z_dim, self.steps, self.seed]

    def _lr(self) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setDecimals(5)
        box.setRange(0.0, 1e6)          # core refuses what it cannot train with, in one sentence
        box.setSingleStep(1e-4)
        return box

    def _double(self, lo: float, hi: float, decimals: int, step: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(lo, hi)
        box.setDecimals(decimals)
        box.setSingleStep(step)
        return box

    def _int(self, lo: float, hi: float) -> QSpinBox:
        box = QSpinBox()
        box.setRange(int(lo), int(hi))
        return box

    def apply_preset(self, name: str) -> None:
        """Show a preset's settings (the target stays)."""
        c = PRESETS[name]
        self.loss.setCurrentIndex(self.loss.findData(c.loss))
        for w, v in ((self.lr_d, c.lr_d), (self.lr_g, c.lr_g), (self.penalty, c.penalty), (self.beta1, c.beta1),
                     (self.d_steps, c.d_steps), (self.net_width, c.width), (self.net_depth, c.depth), (self.batch, c.batch),
                     (self.z_dim, c.z_dim), (self.steps, c.steps)):
            w.setValue(v)
        self._preset_betas = (c.beta2, c.decay_from)
        self.changed.emit()

    def config(self) -> Lab2DConfig:
        beta2, decay_from = getattr(self, "_preset_betas", (0.9, 1.0))
        values = dict(loss=self.loss.currentData(), lr_d=self.lr_d.value(), lr_g=self.lr_g.value(),
                      beta1=self.beta1.value(), beta2=beta2, d_steps=self.d_steps.value(),
                      width=self.net_width.value(), depth=self.net_depth.value(), batch=self.batch.value(),
                      z_dim=self.z_dim.value(), penalty=self.penalty.value(), steps=self.steps.value(),
                      decay_from=decay_from, seed=self.seed.value())
        assert set(values) == {f.name for f in fields(Lab2DConfig)}
        return Lab2DConfig(**values)

    def steps_per_second(self) -> int:
        return int(self.speed.currentData())

    def set_locked(self, locked: bool) -> None:
        """While a run exists its settings are fixed (Reset unlocks them); the speed stays free."""
        for w in (*self._numbers(), self.loss, self.preset, self.target):
            w.setEnabled(not locked)
