"""The Explore tab's setting groups: seed, truncation, noise and style mixing.

Each group owns its widgets, reports the user's edits as typed signals, and shows a new state with
``show_state(state, old)``, touching only the widgets whose field changed (``old`` None: all of them).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget

from ganexplorer.app.explorer_state import NOISE_STRENGTH_RANGE, PSI_RANGE, ExplorerState
from ganexplorer.gui.common.widgets import FloatSlider, SeedBox
from ganexplorer.gui.explore.layer_range import BandLegend, LayerRange
from ganexplorer.gui.explore.state_diff import differs, quiet, set_quietly


class _LeaveCtrlArrows(QObject):
    """Lets Ctrl+Left/Right reach the window's previous/next-seed shortcuts while a seed box has focus (its line
    edit would take them as word jumps, which mean nothing in a number)."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if (event.type() == QEvent.Type.ShortcutOverride
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
                and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right)):
            event.ignore()
            return True
        return False


class SeedGroup(QGroupBox):
    """The seed, the class of a conditional model, and fp32 on a GPU."""

    FIELDS = ("seed", "label", "force_fp32")   # the state fields it shows

    seed_changed = Signal(int)
    label_changed = Signal(int)
    force_fp32_changed = Signal(bool)

    def __init__(self, on_gpu: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Seed"))
        f = QFormLayout(self)
        self.seed = SeedBox(0)
        self.seed.setToolTip(self.tr("The seed picks the random vector z the picture starts from (as NVIDIA's generate.py does): the same seed always gives the same picture. Arrows: previous / next seed; die: a random one."))
        f.addRow(self.tr("Seed"), self.seed)
        self.label_combo = QComboBox()
        self.label_combo.setToolTip(self.tr(
            "Which class a conditional generator should draw (e.g. which digit); the seed still picks the style"))
        self.label_row_label = QLabel(self.tr("Class"))
        f.addRow(self.label_row_label, self.label_combo)
        self.force_fp32 = QCheckBox(self.tr("Force fp32"))
        self.force_fp32.setEnabled(on_gpu)
        self.force_fp32.setToolTip(self.tr(
            "Run the layers a checkpoint marks as fp16 in float32 (GPU only; the CPU always uses float32)"))
        f.addRow(self.tr("Precision"), self.force_fp32)
        self.seed.valueChanged.connect(self.seed_changed)
        self._ctrl_arrows = _LeaveCtrlArrows(self)
        for target in (self.seed.spin, self.seed.spin.lineEdit()):
            target.installEventFilter(self._ctrl_arrows)
        self.label_combo.currentIndexChanged.connect(self._label_chosen)
        self.force_fp32.toggled.connect(self.force_fp32_changed)

    def _label_chosen(self, _index: int) -> None:
        if self.label_combo.currentData() is not None:
            self.label_changed.emit(int(self.label_combo.currentData()))

    def set_classes(self, c_dim: int) -> None:
        """One entry per class of a conditional model; the row hides for an unconditional one."""
        with quiet(self.label_combo):
            self.label_combo.clear()
            for k in range(c_dim):
                self.label_combo.addItem(self.tr("class {0}").format(k), k)
        self.label_combo.setVisible(c_dim > 0)
        self.label_row_label.setVisible(c_dim > 0)

    def show_state(self, s: ExplorerState, old: ExplorerState | None) -> None:
        if differs(s, old, "seed") and self.seed.value() != s.seed:
            set_quietly(self.seed, self.seed.setValue, s.seed)
        if differs(s, old, "label") and s.label is not None:
            set_quietly(self.label_combo, self.label_combo.setCurrentIndex, max(0, self.label_combo.findData(s.label)))
        if differs(s, old, "force_fp32"):
            set_quietly(self.force_fp32, self.force_fp32.setChecked, s.force_fp32)


class TruncationGroup(QGroupBox):
    """ψ and the cutoff: how far w is pulled toward the average, on how many layers."""

    FIELDS = ("psi", "cutoff")   # the state fields it shows

    truncation_changed = Signal(float)
    cutoff_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Truncation"))
        f = QFormLayout(self)
        self.psi = FloatSlider(*PSI_RANGE, 0.01, 1.0)
        self.cutoff = QSpinBox()
        self.cutoff.setSpecialValueText(self.tr("all"))
        f.addRow("\u03c8", self.psi)
        f.addRow(self.tr("Cutoff (layers)"), self.cutoff)
        self.set_style(True, "")
        self.psi.valueChanged.connect(self.truncation_changed)
        self.cutoff.valueChanged.connect(self.cutoff_changed)

    def set_model(self, num_ws: int, style: bool, why: str) -> None:
        with quiet(self.cutoff):
            self.cutoff.setRange(0, num_ws)
        self.set_style(style, why)

    def set_style(self, style: bool, why: str) -> None:
        """A DCGAN has no w: ψ speaks of z and the cutoff is off, saying why."""
        self.cutoff.setEnabled(style)
        if style:
            self.psi.setToolTip(self.tr("\u03c8 (psi) pulls w toward the average w: 1 = as sampled, 0 = the 'average' picture, between = more typical but less varied pictures, negative = the 'opposite' picture"))
            self.cutoff.setToolTip(self.tr(
                "Truncate only the first N w layers (the coarse ones first); 'all' truncates every layer"))
        else:
            self.psi.setToolTip(self.tr("\u03c8 (psi) scales z toward 0, the centre of the prior: 1 = as sampled, 0 = the 'average' picture, between = more typical but less varied pictures, negative = the 'opposite' picture"))
            self.cutoff.setToolTip(why)

    def show_state(self, s: ExplorerState, old: ExplorerState | None) -> None:
        if differs(s, old, "psi") and self.psi.value() != s.psi:
            set_quietly(self.psi, self.psi.setValue, s.psi)
        if differs(s, old, "cutoff") and self.cutoff.value() != s.cutoff:
            set_quietly(self.cutoff, self.cutoff.setValue, s.cutoff)


class NoiseGroup(QGroupBox):
    """StyleGAN2's noise inputs: which noise, how strong, which random draw."""

    FIELDS = ("noise_mode", "noise_strength", "noise_seed")   # the state fields it shows

    mode_changed = Signal(str)
    strength_changed = Signal(float)
    noise_seed_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Noise"))
        f = QFormLayout(self)
        self.noise_mode = QComboBox()
        for mode, text in (("const", self.tr("const (stored)")), ("random", self.tr("random")),
                           ("none", self.tr("none"))):
            self.noise_mode.addItem(text, mode)
        self.noise_mode.setToolTip(self.tr("StyleGAN2 adds per-pixel noise in every layer for stochastic detail: 'const' uses the noise stored in the file (reproducible), 'random' draws new noise from the noise seed, 'none' switches it off"))
        self.noise_strength = FloatSlider(*NOISE_STRENGTH_RANGE, 0.05, 1.0, "{:.2f}\u00d7")
        self.noise_strength.setToolTip(self.tr(
            "Multiplies the noise the network adds: 0\u00d7 = no noise, 1\u00d7 = as trained"))
        self.noise_seed = SeedBox(0)
        self.noise_seed.setToolTip(self.tr("Which random noise to draw in 'random' mode: change it to see what noise alone changes (hair strands, texture) while the picture's content stays"))
        f.addRow(self.tr("Mode"), self.noise_mode)
        f.addRow(self.tr("Strength"), self.noise_strength)
        f.addRow(self.tr("Noise seed"), self.noise_seed)
        self.noise_mode.currentIndexChanged.connect(
            lambda _: self.mode_changed.emit(self.noise_mode.currentData() or "const"))
        self.noise_strength.valueChanged.connect(self.strength_changed)
        self.noise_seed.valueChanged.connect(self.noise_seed_changed)

    def set_style(self, style: bool, why: str) -> None:
        """Off for a generator without noise inputs, its title and tooltip saying why."""
        self.setEnabled(style)
        self.setToolTip(why)
        self.setTitle(self.tr("Noise") + ("" if style else " \u2014 " + self.tr("StyleGAN2 only")))

    def show_state(self, s: ExplorerState, old: ExplorerState | None) -> None:
        if differs(s, old, "noise_mode"):
            set_quietly(self.noise_mode, self.noise_mode.setCurrentIndex, max(0, self.noise_mode.findData(s.noise_mode)))
            self.noise_strength.setEnabled(s.noise_mode != "none")   # (the group is off for a DCGAN)
            self.noise_seed.setEnabled(s.noise_mode == "random")
        if differs(s, old, "noise_strength") and self.noise_strength.value() != s.noise_strength:
            set_quietly(self.noise_strength, self.noise_strength.setValue, s.noise_strength)
        if differs(s, old, "noise_seed") and self.noise_seed.value() != s.noise_seed:
            set_quietly(self.noise_seed, self.noise_seed.setValue, s.noise_seed)


class MixingGroup(QGroupBox):
    """Style mixing: the layers [a, b) take the w of a second seed."""

    FIELDS = ("mix_on", "mix_seed", "mix_start", "mix_end")   # the state fields it shows

    mix_on_changed = Signal(bool)
    mix_seed_changed = Signal(int)
    range_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Style mixing"))
        f = QFormLayout(self)
        self.mix_on = QCheckBox(self.tr("Take layers from a second seed"))
        self.mix_on.setToolTip(self.tr(
            "Style mixing: the layers [a, b) use the w of the mix seed instead of this seed's"))
        self.mix_seed = SeedBox(1)
        self.mix_seed.setToolTip(self.tr("The seed whose styles are copied into the chosen layers"))
        self.range = LayerRange()
        self.mix_start, self.mix_end = self.range.start, self.range.end
        self.mix_band = QLabel()
        self.mix_band.setWordWrap(True)   # a long band name must not widen the column (F5 at 1280x720)
        self.mix_legend = BandLegend()
        f.addRow(self.mix_on)
        f.addRow(self.tr("Mix seed"), self.mix_seed)
        f.addRow(self.tr("Layers [a, b)"), self.range)
        f.addRow("", self.mix_band)
        f.addRow(self.mix_legend)
        self.mix_on.toggled.connect(self.mix_on_changed)
        self.mix_seed.valueChanged.connect(self.mix_seed_changed)
        self.range.range_changed.connect(self.range_changed)

    def set_style(self, style: bool, why: str) -> None:
        self.setEnabled(style)
        self.setToolTip(why)
        self.setTitle(self.tr("Style mixing") + ("" if style else " \u2014 " + self.tr("StyleGAN2 only")))

    def show_state(self, s: ExplorerState, old: ExplorerState | None) -> None:
        if differs(s, old, "mix_on"):
            set_quietly(self.mix_on, self.mix_on.setChecked, s.mix_on)
        if differs(s, old, "mix_seed") and self.mix_seed.value() != s.mix_seed:
            set_quietly(self.mix_seed, self.mix_seed.setValue, s.mix_seed)
        if differs(s, old, "mix_start", "mix_end"):
            self.range.show_range(s.mix_start, s.mix_end)
