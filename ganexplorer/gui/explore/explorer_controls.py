"""The Explore tab's control groups on the left: widget builders only.

Each builder makes one group box and stores its widgets on the panel; what the widgets mean
(state <-> widgets, edits to the controller) is wired in ``explorer_binding``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ganexplorer.app.explorer_state import NOISE_STRENGTH_RANGE, PSI_RANGE, W_SIGMA_RANGE, Z_SLIDER_RANGE
from ganexplorer.gui.explore.seed_pad import SeedPad
from ganexplorer.gui.explore.walk_panel import WalkControls
from ganexplorer.gui.common.widgets import FloatSlider, SeedBox

N_Z_SLIDERS = 8
N_DIRECTIONS = 8


class ControlGroups:
    """Mixin of ExplorerPanel (a QWidget): builds the seed, truncation, noise, mixing, z, w, pad,
    arithmetic and walk groups."""

    def _build_controls(self) -> QScrollArea:
        """The control column, in a scroll area as wide as its widgets need."""
        controls = QWidget()
        col = QVBoxLayout(controls)
        col.addWidget(self._seed_group())
        col.addWidget(self._truncation_group())
        self.noise_group = self._noise_group()
        col.addWidget(self.noise_group)
        self.mixing_group = self._mixing_group()
        col.addWidget(self.mixing_group)
        col.addWidget(self._z_group())
        col.addWidget(self._w_group())
        col.addWidget(self._pad_group())
        col.addWidget(self._arith_group())
        col.addWidget(self._walk_group())
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.controls, self.controls_scroll = controls, scroll
        self._fit_controls()
        return scroll

    def _seed_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("Seed"))
        f = QFormLayout(g)
        self.seed = SeedBox(0)
        self.seed.setToolTip(self.tr("The seed picks the random vector z the picture starts from (as NVIDIA's generate.py does): the same seed always gives the same picture. Arrows: previous / next seed; die: a random one."))
        f.addRow(self.tr("Seed"), self.seed)
        self.label_combo = QComboBox()
        self.label_combo.setToolTip(self.tr(
            "Which class a conditional generator should draw (e.g. which digit); the seed still picks the style"))
        self.label_row_label = QLabel(self.tr("Class"))
        f.addRow(self.label_row_label, self.label_combo)
        self.force_fp32 = QCheckBox(self.tr("Force fp32"))
        on_gpu = self.worker.device.type == "cuda"
        self.force_fp32.setEnabled(on_gpu)
        self.force_fp32.setToolTip(self.tr(
            "Run the layers a checkpoint marks as fp16 in float32 (GPU only; the CPU always uses float32)"))
        f.addRow(self.tr("Precision"), self.force_fp32)
        return g

    def _truncation_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("Truncation"))
        f = QFormLayout(g)
        self.psi = FloatSlider(*PSI_RANGE, 0.01, 1.0)
        self.psi.setToolTip(self.tr("\u03c8 (psi) pulls w toward the average w: 1 = as sampled, 0 = the 'average' picture, between = more typical but less varied pictures, negative = the 'opposite' picture"))
        self.cutoff = QSpinBox()
        self.cutoff.setSpecialValueText(self.tr("all"))
        self.cutoff.setToolTip(self.tr(
            "Truncate only the first N w layers (the coarse ones first); 'all' truncates every layer"))
        f.addRow("\u03c8", self.psi)
        f.addRow(self.tr("Cutoff (layers)"), self.cutoff)
        return g

    def _noise_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("Noise"))
        f = QFormLayout(g)
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
        return g

    def _mixing_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("Style mixing"))
        f = QFormLayout(g)
        self.mix_on = QCheckBox(self.tr("Take layers from a second seed"))
        self.mix_on.setToolTip(self.tr(
            "Style mixing: the layers [a, b) use the w of the mix seed instead of this seed's"))
        self.mix_seed = SeedBox(1)
        self.mix_seed.setToolTip(self.tr("The seed whose styles are copied into the chosen layers"))
        rng, self.mix_start, self.mix_end = self._layer_range()
        self.mix_band = QLabel()
        self.mix_band.setWordWrap(True)   # a long band name must not widen the column (F5 at 1280x720)
        self.mix_legend = self._legend_label()
        f.addRow(self.mix_on)
        f.addRow(self.tr("Mix seed"), self.mix_seed)
        f.addRow(self.tr("Layers [a, b)"), rng)
        f.addRow("", self.mix_band)
        f.addRow(self.mix_legend)
        return g

    def _legend_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setToolTip(self.tr("The StyleGAN paper's bands: coarse styles (4\u00b2\u20138\u00b2) set pose and shape, middle ones (16\u00b2\u201332\u00b2) smaller features, fine ones (64\u00b2 and up) colour and micro-structure"))
        return label

    def _z_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("z sliders"))
        grid = QGridLayout(g)
        self.z_sliders = []
        tip = self.tr("Adds an offset to one coordinate of the seed's z (z itself is a standard normal vector, so \u00b13 is a big move); 0 = the seed's own z")
        for i in range(N_Z_SLIDERS):
            s = FloatSlider(*Z_SLIDER_RANGE, 0.05, 0.0, "{:+.2f}")
            s.setToolTip(tip)
            grid.addWidget(QLabel(f"z[{i}]"), i, 0)
            grid.addWidget(s, i, 1)
            self.z_sliders.append(s)
        self.z_reset = QPushButton(self.tr("Reset z"))
        grid.addWidget(self.z_reset, N_Z_SLIDERS, 1)
        return g

    def _w_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("w directions (principal components, in \u03c3)"))
        self.w_group = g
        grid = QGridLayout(g)
        self.w_sliders = []
        self.w_status = QLabel(self.tr("Computed in the background after a model loads."))
        self.w_status.setWordWrap(True)
        grid.addWidget(self.w_status, 0, 0, 1, 2)
        tip = self.tr("Moves w along a principal direction of many sampled ws, in standard deviations (\u03c3) of w along it: \u00b12\u03c3 stays among typical pictures, \u00b15\u03c3 is extreme. PC0 is the direction w varies most")
        for i in range(N_DIRECTIONS):
            s = FloatSlider(*W_SIGMA_RANGE, 0.1, 0.0, "{:+.1f}")
            s.setToolTip(tip)
            grid.addWidget(QLabel(f"PC{i}"), i + 1, 0)
            grid.addWidget(s, i + 1, 1)
            self.w_sliders.append(s)
        rng, self.w_start, self.w_end = self._layer_range()
        self.w_range_label = QLabel(self.tr("Layers [a, b)"))
        self.w_range_row = rng
        grid.addWidget(self.w_range_label, N_DIRECTIONS + 1, 0)
        grid.addWidget(rng, N_DIRECTIONS + 1, 1)
        self.w_band = QLabel()
        self.w_band.setWordWrap(True)
        grid.addWidget(self.w_band, N_DIRECTIONS + 2, 1)
        self.w_legend = self._legend_label()
        grid.addWidget(self.w_legend, N_DIRECTIONS + 3, 0, 1, 2)
        self.w_reset = QPushButton(self.tr("Reset w"))
        grid.addWidget(self.w_reset, N_DIRECTIONS + 4, 1)
        return g

    def _layer_range(self) -> tuple[QWidget, QSpinBox, QSpinBox]:
        """A [start, end) pair of layer-index boxes."""
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        start, end = QSpinBox(), QSpinBox()
        start.setToolTip(self.tr("First w layer of the range (0 = the coarsest, 4\u00b2)"))
        end.setToolTip(self.tr("End of the range: layers a, a+1, \u2026, b\u22121 are affected (b itself is not)"))
        for s in (start, end):
            h.addWidget(s)
        return row, start, end

    def _pad_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("Seed grid (drag to blend w)"))
        v = QVBoxLayout(g)
        self.pad = SeedPad()
        self.pad.setToolTip(self.tr("Each dot is a seed. Drag between dots: the picture's w is the weighted average of the four nearest seeds' ws, so you see how the generator fills the space between them"))
        v.addWidget(self.pad)
        return g

    def _arith_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("Vector arithmetic in w"))
        f = QFormLayout(g)
        self.arith = [SeedBox(v) for v in (1, 2, 3)]
        tips = (self.tr("A: the seed to start from"), self.tr("B: the seed whose features are taken away (\u2212B)"),
                self.tr("C: the seed whose features are added (+C)"))
        for name, box, tip in zip("ABC", self.arith, tips):
            box.setToolTip(tip)
            f.addRow(name, box)
        self.arith_button = QPushButton(self.tr("Show A \u2212 B + C"))
        self.arith_button.setToolTip(self.tr(
            "Shows w(A) \u2212 w(B) + w(C): if B and C differ in one feature (e.g. thickness), A gets that change"))
        f.addRow(self.arith_button)
        return g

    def _walk_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("Latent walk"))
        v = QVBoxLayout(g)
        self.walk = WalkControls()
        v.addWidget(self.walk)
        return g
