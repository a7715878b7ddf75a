"""The Explore tab: controls that build a RenderRequest, and the views that show results.

Every control change builds a new immutable request and hands it to the inference
worker; nothing here runs a network. Derived views (stochastic variation, mixing grid,
w directions, feature maps) are computed as worker jobs, and the words that go into
exported pictures are drawn by ``core.render.annotate``.
"""

from __future__ import annotations

import html
import time
from collections import OrderedDict

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ganexplorer.core.device import device_label
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.render import RenderRequest, WEdit, bands
from ganexplorer.core.render.annotate import labelled_mixing_grid, variation_figure
from ganexplorer.core.render.directions import Directions, principal_directions
from ganexplorer.core.render.latents import parse_int_list
from ganexplorer.core.render.views import (
    feature_layers,
    feature_maps,
    mixing_grid,
    variation_levels,
)
from ganexplorer.core.render.walk import export_walk, walk_request, walk_requests
from ganexplorer.gui.image_view import ImageView
from ganexplorer.gui.inference_worker import InferenceWorker
from ganexplorer.gui.seed_pad import SeedPad
from ganexplorer.gui.walk_panel import WalkControls
from ganexplorer.gui.widgets import FloatSlider, SeedBox

N_Z_SLIDERS = 8
N_DIRECTIONS = 8
IMAGE, VARIATION, GRID, LAYERS = range(4)   # the view tabs
CAPTION_SCALE = 1.15                          # caption font relative to the app font
PRESENTATION_CAPTION_SCALE = 2.0
CAPTION_INTERVAL_S = 0.15   # during a drag: a caption per frame costs the UI thread and cannot be read anyway


def layer_band(res: int) -> str:
    """Coarse / middle / fine, the StyleGAN paper's grouping by resolution (kept for old callers)."""
    return bands.band_of(res)


def ranges_text(values, dash: str = "-") -> str:
    """[0, 1, 2, 3, 7] -> '0-3,7' (what the channel field accepts; '\u2013' for reading)."""
    vals = sorted({int(v) for v in values})
    out, k = [], 0
    while k < len(vals):
        j = k
        while j + 1 < len(vals) and vals[j + 1] == vals[j] + 1:
            j += 1
        out.append(str(vals[k]) if j == k else f"{vals[k]}{dash}{vals[j]}")
        k = j + 1
    return ",".join(out) if dash == "-" else ", ".join(out)


def short_layer(name: str) -> str:
    """'synthesis.b8.conv1' -> 'b8.conv1' (the part a student recognises)."""
    return name.removeprefix("synthesis.")


class ExplorerPanel(QWidget):
    """Controls on the left, views on the right; emits ``status`` text for the status bar."""

    status = Signal(str)

    def __init__(self, worker: InferenceWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.model: LoadedModel | None = None
        self.directions: Directions | None = None
        self._shown_gen = 0
        self._frame_times: list[float] = []
        self._building = False
        self._presentation = False
        self.last_result = None
        self._pending_edits: tuple = ()
        self._blend: tuple = ()          # set by the seed grid, vector arithmetic or a w-space walk
        self._z_override: tuple | None = None  # set by a z-space walk
        self._source: tuple = ()         # how the blend / z came about: ('pad',), ('arith', a, b, c), ('walk', ...)
        self._sources: OrderedDict = OrderedDict()  # request -> source, for the caption of what comes back
        self._ablations: dict[str, tuple[int, ...]] = {}   # layer -> switched-off channels, as typed for it
        self._layer_order: dict[str, int] = {}
        self._variation_stem, self._grid_stem, self._layers_stem = "variation", "mixing", "layers"
        self.grid_caption = ""
        self._caption_for: tuple | None = None
        self._caption_at = 0.0
        self._caption_timer = QTimer(self)
        self._caption_timer.setSingleShot(True)
        self._caption_timer.timeout.connect(self._show_caption)

        self.info = QLabel(self.tr("No model loaded. Open a checkpoint with File \u2192 Open or drop it here."))
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

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

        self.views = QTabWidget()
        self.image_view = ImageView()
        self.variation_view = ImageView()
        self.grid_view = ImageView()
        self.layer_view = ImageView()
        self.views.addTab(self._image_page(), self.tr("Image"))
        self.views.addTab(self._wrap_view(self.variation_view, self._variation_bar()), self.tr("Stochastic variation"))
        self.views.addTab(self._wrap_view(self.grid_view, self._grid_bar()), self.tr("Mixing grid"))
        self.views.addTab(self._wrap_view(self.layer_view, self._layer_bar()), self.tr("Layers"))
        self._tab_tips = {
            IMAGE: self.tr("The picture the generator makes from the settings on the left"),
            VARIATION: self.tr("What the noise inputs change: per-pixel standard deviation over many noise draws"),
            GRID: self.tr("Style mixing: each row's seed takes the chosen layers from each column's seed"),
            LAYERS: self.tr("The feature maps inside one layer of the generator; switch channels off to see their job"),
        }
        for i, tip in self._tab_tips.items():
            self.views.setTabToolTip(i, tip)
        self.views.currentChanged.connect(lambda _: self._refresh_layer_view())
        self.image_view.set_placeholder(self.tr("Open a checkpoint to see its pictures."))
        self.variation_view.set_placeholder(self.tr("Click Compute to see what the noise inputs change."))
        self.grid_view.set_placeholder(self.tr("Type row and column seeds, then click Compute."))

        split = QSplitter()
        split.addWidget(scroll)
        split.addWidget(self.views)
        split.setStretchFactor(1, 1)
        split.setSizes([400, 880])
        lay = QVBoxLayout(self)
        lay.addWidget(self.info)
        lay.addWidget(split, 1)

        worker.rendered.connect(self._on_rendered)
        worker.render_failed.connect(self._on_render_failed)
        worker.job_done.connect(self._on_job_done)
        worker.job_failed.connect(self._on_job_failed)
        self._set_enabled(False)
        self._apply_caption_font()

    # -- building the controls -------------------------------------------------------------------
    def _seed_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("Seed"))
        f = QFormLayout(g)
        self.seed = SeedBox(0)
        self.seed.setToolTip(self.tr("The seed picks the random vector z the picture starts from (as NVIDIA's generate.py does): the same seed always gives the same picture. Arrows: previous / next seed; die: a random one."))
        self.seed.valueChanged.connect(self._seed_changed)
        f.addRow(self.tr("Seed"), self.seed)
        self.label_combo = QComboBox()
        self.label_combo.setToolTip(self.tr(
            "Which class a conditional generator should draw (e.g. which digit); the seed still picks the style"))
        self.label_combo.currentIndexChanged.connect(self.request_render)
        self.label_row_label = QLabel(self.tr("Class"))
        f.addRow(self.label_row_label, self.label_combo)
        self.force_fp32 = QCheckBox(self.tr("Force fp32"))
        on_gpu = self.worker.device.type == "cuda"
        self.force_fp32.setEnabled(on_gpu)
        self.force_fp32.setToolTip(self.tr(
            "Run the layers a checkpoint marks as fp16 in float32 (GPU only; the CPU always uses float32)"))
        self.force_fp32.toggled.connect(self.request_render)
        f.addRow(self.tr("Precision"), self.force_fp32)
        return g

    def _truncation_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("Truncation"))
        f = QFormLayout(g)
        self.psi = FloatSlider(-1.0, 2.0, 0.01, 1.0)
        self.psi.setToolTip(self.tr("\u03c8 (psi) pulls w toward the average w: 1 = as sampled, 0 = the 'average' picture, between = more typical but less varied pictures, negative = the 'opposite' picture"))
        self.psi.valueChanged.connect(self.request_render)
        self.cutoff = QSpinBox()
        self.cutoff.setSpecialValueText(self.tr("all"))
        self.cutoff.setToolTip(self.tr(
            "Truncate only the first N w layers (the coarse ones first); 'all' truncates every layer"))
        self.cutoff.valueChanged.connect(self.request_render)
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
        self.noise_mode.currentIndexChanged.connect(self.request_render)
        self.noise_strength = FloatSlider(0.0, 3.0, 0.05, 1.0, "{:.2f}\u00d7")
        self.noise_strength.setToolTip(self.tr(
            "Multiplies the noise the network adds: 0\u00d7 = no noise, 1\u00d7 = as trained"))
        self.noise_strength.valueChanged.connect(self.request_render)
        self.noise_seed = SeedBox(0)
        self.noise_seed.setToolTip(self.tr("Which random noise to draw in 'random' mode: change it to see what noise alone changes (hair strands, texture) while the picture's content stays"))
        self.noise_seed.valueChanged.connect(self.request_render)
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
        self.mix_on.toggled.connect(self.request_render)
        self.mix_seed = SeedBox(1)
        self.mix_seed.setToolTip(self.tr("The seed whose styles are copied into the chosen layers"))
        self.mix_seed.valueChanged.connect(self.request_render)
        rng, self.mix_start, self.mix_end = self._layer_range()
        self.mix_band = QLabel()
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
            s = FloatSlider(-3.0, 3.0, 0.05, 0.0, "{:+.2f}")
            s.setToolTip(tip)
            s.valueChanged.connect(self.request_render)
            grid.addWidget(QLabel(f"z[{i}]"), i, 0)
            grid.addWidget(s, i, 1)
            self.z_sliders.append(s)
        reset = QPushButton(self.tr("Reset z"))
        reset.clicked.connect(lambda: self._reset(self.z_sliders))
        grid.addWidget(reset, N_Z_SLIDERS, 1)
        return g

    def _w_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("w directions (principal components, in \u03c3)"))
        grid = QGridLayout(g)
        self.w_sliders = []
        self.w_status = QLabel(self.tr("Computed in the background after a model loads."))
        self.w_status.setWordWrap(True)
        grid.addWidget(self.w_status, 0, 0, 1, 2)
        tip = self.tr("Moves w along a principal direction of many sampled ws, in standard deviations (\u03c3) of w along it: \u00b12\u03c3 stays among typical pictures, \u00b15\u03c3 is extreme. PC0 is the direction w varies most")
        for i in range(N_DIRECTIONS):
            s = FloatSlider(-5.0, 5.0, 0.1, 0.0, "{:+.1f}")
            s.setToolTip(tip)
            s.valueChanged.connect(self.request_render)
            grid.addWidget(QLabel(f"PC{i}"), i + 1, 0)
            grid.addWidget(s, i + 1, 1)
            self.w_sliders.append(s)
        rng, self.w_start, self.w_end = self._layer_range()
        grid.addWidget(QLabel(self.tr("Layers [a, b)")), N_DIRECTIONS + 1, 0)
        grid.addWidget(rng, N_DIRECTIONS + 1, 1)
        self.w_band = QLabel()
        grid.addWidget(self.w_band, N_DIRECTIONS + 2, 1)
        self.w_legend = self._legend_label()
        grid.addWidget(self.w_legend, N_DIRECTIONS + 3, 0, 1, 2)
        reset = QPushButton(self.tr("Reset w"))
        reset.clicked.connect(lambda: self._reset(self.w_sliders))
        grid.addWidget(reset, N_DIRECTIONS + 4, 1)
        return g

    def _layer_range(self) -> tuple[QWidget, QSpinBox, QSpinBox]:
        """A [start, end) pair of layer-index boxes that re-render on change."""
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        start, end = QSpinBox(), QSpinBox()
        start.setToolTip(self.tr("First w layer of the range (0 = the coarsest, 4\u00b2)"))
        end.setToolTip(self.tr("End of the range: layers a, a+1, \u2026, b\u22121 are affected (b itself is not)"))
        for s in (start, end):
            s.valueChanged.connect(self._range_changed)
            h.addWidget(s)
        return row, start, end

    def _range_changed(self, *_: object) -> None:
        if not self._building:
            self._update_range_words()
        self.request_render()

    def _pad_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("Seed grid (drag to blend w)"))
        v = QVBoxLayout(g)
        self.pad = SeedPad()
        self.pad.setToolTip(self.tr("Each dot is a seed. Drag between dots: the picture's w is the weighted average of the four nearest seeds' ws, so you see how the generator fills the space between them"))
        self.pad.moved.connect(self._pad_moved)
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
        self.arith_button.clicked.connect(self.show_arithmetic)
        f.addRow(self.arith_button)
        return g

    def _walk_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("Latent walk"))
        v = QVBoxLayout(g)
        self.walk = WalkControls()
        self.walk.frame.connect(self._walk_frame)
        self.walk.export.connect(self.export_walk)
        self.walk.message.connect(self.status)
        v.addWidget(self.walk)
        return g

    def _image_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        self.badge_row = QWidget()
        h = QHBoxLayout(self.badge_row)
        h.setContentsMargins(4, 4, 4, 0)
        self.ablation_badge = QLabel()
        self.ablation_badge.setWordWrap(True)
        self.ablation_badge.setStyleSheet(
            "QLabel { background: #b03a2e; color: white; padding: 4px 8px; border-radius: 4px; font-weight: bold; }")
        self.ablation_badge.setToolTip(self.tr("Some channels of the generator are switched off (set to zero) in the Layers view; the picture is not what the model normally makes"))
        self.clear_ablations = QPushButton(self.tr("Clear switch-offs"))
        self.clear_ablations.setToolTip(self.tr("Switch every channel back on, in every layer"))
        self.clear_ablations.clicked.connect(self.clear_switch_offs)
        h.addWidget(self.ablation_badge, 1)
        h.addWidget(self.clear_ablations)
        self.badge_row.setVisible(False)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption.setToolTip(self.tr("What the picture above is: how it was made from seeds and settings"))
        v.addWidget(self.badge_row)
        v.addWidget(self.image_view, 1)
        v.addWidget(self.caption)
        return page

    def _layer_bar(self) -> QWidget:
        w = QWidget()
        self.layer_combo = QComboBox()
        self.layer_combo.setMinimumContentsLength(18)
        self.layer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.layer_combo.setToolTip(self.tr("Which layer's output (feature maps) to show"))
        self.layer_combo.currentIndexChanged.connect(self._layer_changed)
        self.layer_first = QSpinBox()
        self.layer_first.setRange(0, 4096)
        self.layer_first.setSingleStep(16)
        self.layer_first.setToolTip(self.tr("The first of the 16 channels shown"))
        self.layer_first.valueChanged.connect(lambda _: self._refresh_layer_view())
        self.layer_norm = QCheckBox(self.tr("Normalise each channel"))
        self.layer_norm.setToolTip(self.tr("On: each map stretched to its own darkest\u2013brightest; off: one scale for all (grey = 0). Switched-off channels are black either way"))
        self.layer_norm.setChecked(True)
        self.layer_norm.toggled.connect(lambda _: self._refresh_layer_view())
        self.ablate_edit = QLineEdit()
        self.ablate_edit.setPlaceholderText(self.tr("e.g. 0-7,12"))
        self.ablate_edit.setToolTip(self.tr("Channels of the selected layer to set to zero (ablation), e.g. 0-7,12; press Enter. Each layer keeps its own list; clear the field to switch that layer's channels back on"))
        self.ablate_edit.editingFinished.connect(self._ablation_typed)
        self.layer_channels = QLabel()
        self.layer_channels.setWordWrap(True)
        self.ablation_list = QLabel()
        self.ablation_list.setWordWrap(True)
        g = QGridLayout(w)
        g.addWidget(QLabel(self.tr("Layer")), 0, 0)
        g.addWidget(self.layer_combo, 0, 1)
        g.addWidget(QLabel(self.tr("First channel")), 0, 2)
        g.addWidget(self.layer_first, 0, 3)
        g.addWidget(QLabel(self.tr("Switch off channels")), 1, 0)
        g.addWidget(self.ablate_edit, 1, 1)
        g.addWidget(self.layer_norm, 1, 2, 1, 2)
        g.addWidget(self.layer_channels, 2, 0, 1, 4)
        g.addWidget(self.ablation_list, 3, 0, 1, 4)
        g.setColumnStretch(1, 1)
        return w

    def _seed_changed(self, *_: object) -> None:
        self._blend, self._z_override, self._source = (), None, ()
        self.pad.set_base(self.seed.value())
        self.request_render()

    def _pad_moved(self, blend) -> None:
        self._blend, self._z_override, self._source = tuple(blend), None, ("pad",)
        self.request_render()

    def show_arithmetic(self) -> None:
        a, b, c = (box.value() for box in self.arith)
        self._blend, self._z_override, self._source = ((a, 1.0), (b, -1.0), (c, 1.0)), None, ("arith", a, b, c)
        self.request_render()

    def _walk_frame(self, seeds, i: int, j: int, t: float, space: str) -> None:
        if self.model is None:
            return
        req = walk_request(RenderRequest(), list(seeds), i, j, t, space, self.model.z_dim)
        self._blend, self._z_override = req.w_blend, req.z
        self._source = ("walk", self.walk.index, self.walk.frames.value(), tuple(seeds), space)
        self.request_render()

    def export_walk(self, path: str, seeds, space: str, frames: int, fps: int, min_side: int = 512) -> None:
        if self.model is None:
            return
        base = self.current_request().with_(w_blend=(), z=None, z_offsets=())
        requests = walk_requests(base, list(seeds), frames, space, self.model.z_dim)
        self.status.emit(self.tr("Exporting {0} frames\u2026").format(len(requests)))
        stop = self.worker.check_stop   # closing the window abandons the export before anything is written
        self.worker.run_job("export", lambda r: export_walk(r, requests, path, fps, min_side=min_side,
                                                            progress=lambda _k, _n: stop()), model_bound=False)

    # -- switching channels off --------------------------------------------------------------------
    def ablations(self) -> tuple:
        """((layer, channels), ...) in forward order: each layer's switch-offs as they were typed for it."""
        order = self._layer_order
        return tuple((name, self._ablations[name]) for name in sorted(self._ablations, key=lambda n: order.get(n, 0)))

    def _ablation_typed(self) -> None:
        layer, text = self.layer_combo.currentText(), self.ablate_edit.text().strip()
        if not layer:
            return
        if not text:
            changed = self._ablations.pop(layer, None) is not None
        else:
            try:
                channels = tuple(sorted(set(parse_int_list(text))))
            except ValueError:
                self.status.emit(self.tr("Channels to switch off must look like 0-7,12"))
                return
            changed = self._ablations.get(layer) != channels
            self._ablations[layer] = channels
        if changed:
            self._ablations_changed()

    def _layer_changed(self, *_: object) -> None:
        """Show the selected layer's own switch-offs (they stay with their layer)."""
        self.ablate_edit.setText(ranges_text(self._ablations.get(self.layer_combo.currentText(), ())))
        self._refresh_layer_view()

    def clear_switch_offs(self) -> None:
        self._ablations.clear()
        self.ablate_edit.clear()
        self._ablations_changed()

    def _ablations_changed(self) -> None:
        self._update_ablation_labels()
        self.request_render()

    def _ablation_words(self) -> str:
        return "; ".join(self.tr("{0} channels {1}").format(short_layer(n), ranges_text(c, "\u2013"))
                         for n, c in self.ablations())

    def _update_ablation_labels(self) -> None:
        words = self._ablation_words()
        self.badge_row.setVisible(bool(words))
        self.ablation_badge.setText(self.tr("Ablation on \u2014 switched off: {0}").format(words))
        self.ablation_list.setText(self.tr("Switched off: {0}").format(words) if words else
                                   self.tr("No channels switched off."))

    def _refresh_layer_view(self) -> None:
        if self.model is None or self.views.currentIndex() != LAYERS or not self.layer_combo.currentText():
            return
        req, layer = self.current_request(), self.layer_combo.currentText()
        first, norm = self.layer_first.value(), self.layer_norm.isChecked()
        self._layers_stem = "layers-" + short_layer(layer)
        self.worker.run_job("layers", lambda r: (feature_maps(r, req, layer, first, 16, norm), layer, first),
                            key="layers")

    def _wrap_view(self, view: ImageView, bar: QWidget) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(bar)
        v.addWidget(view, 1)
        return w

    def _variation_bar(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        h = QHBoxLayout()
        self.variation_draws = QSpinBox()
        self.variation_draws.setRange(2, 256)
        self.variation_draws.setValue(16)
        self.variation_draws.setToolTip(self.tr(
            "How many pictures with different random noise (same w) to compare; more draws = a steadier map"))
        self.variation_button = QPushButton(self.tr("Compute"))
        self.variation_button.setToolTip(self.tr(
            "Render the current picture with many noise draws and show how much each pixel varies"))
        self.variation_button.clicked.connect(self.compute_variation)
        h.addWidget(QLabel(self.tr("Noise draws")))
        h.addWidget(self.variation_draws)
        h.addWidget(self.variation_button)
        h.addStretch(1)
        self.variation_scale = QLabel(self.tr(
            "Bright = what the noise inputs change; the colour bar gives the scale in pixel levels (0\u2013255)."))
        self.variation_scale.setWordWrap(True)
        v.addLayout(h)
        v.addWidget(self.variation_scale)
        return w

    def _grid_bar(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        h = QHBoxLayout()
        self.grid_rows, self.grid_cols = QLineEdit("85,100,75"), QLineEdit("55,821,1789,293")
        self.grid_rows.setToolTip(self.tr("Seeds of the rows (e.g. 85,100,75): each row keeps its own seed's other layers"))
        self.grid_cols.setToolTip(self.tr("Seeds of the columns: their styles go into the chosen layers of each row"))
        self.grid_button = QPushButton(self.tr("Compute"))
        self.grid_button.setToolTip(self.tr("Build the grid with the layer range of 'Style mixing' on the left"))
        self.grid_button.clicked.connect(self.compute_grid)
        self.grid_rows.returnPressed.connect(self.compute_grid)
        self.grid_cols.returnPressed.connect(self.compute_grid)
        h.addWidget(QLabel(self.tr("Row seeds")))
        h.addWidget(self.grid_rows)
        h.addWidget(QLabel(self.tr("Column seeds")))
        h.addWidget(self.grid_cols)
        h.addWidget(self.grid_button)
        self.grid_legend = self._legend_label()
        v.addLayout(h)
        v.addWidget(self.grid_legend)
        return w

    def _reset(self, sliders: list[FloatSlider]) -> None:
        self._building = True
        for s in sliders:
            s.reset()
        self._building = False
        self.request_render()

    def _set_enabled(self, on: bool) -> None:
        for w in self.findChildren(QGroupBox):
            w.setEnabled(on)

    # -- model ------------------------------------------------------------------------------------
    def _family_name(self, m: LoadedModel) -> str:
        return {"mlp": "MLP GAN"}.get(m.family, "DCGAN" if m.family.startswith("dcgan") else m.family)

    def set_model(self, model: LoadedModel) -> None:
        """Show a freshly loaded model: adapt ranges, reset edits, render, compute directions."""
        self.model = model
        self.directions = None
        self._building = True
        num_ws = model.num_ws
        style = model.is_style_based
        self.cutoff.setRange(0, num_ws)
        self.cutoff.setValue(0)
        for s in (self.mix_start, self.mix_end, self.w_start, self.w_end):
            s.setRange(0, num_ws)
        self.mix_start.setValue(0)
        self.mix_end.setValue(min(num_ws, 4) if style else num_ws)
        self.w_start.setValue(0)
        self.w_end.setValue(num_ws)
        for s in self.z_sliders + self.w_sliders:
            s.reset()
            s.setEnabled(False)
        for i, s in enumerate(self.z_sliders):
            s.setEnabled(i < model.z_dim)
        self.label_combo.clear()
        for k in range(model.c_dim):
            self.label_combo.addItem(self.tr("class {0}").format(k), k)
        self.label_combo.setVisible(model.c_dim > 0)
        self.label_row_label.setVisible(model.c_dim > 0)
        self.mix_on.setChecked(False)
        self._blend, self._z_override, self._source = (), None, ()
        self._ablations.clear()
        self.layer_combo.clear()
        layers = feature_layers(model)
        self._layer_order = {name: k for k, name in enumerate(layers)}
        self.layer_combo.addItems(layers)
        self.ablate_edit.clear()
        self.pad.set_base(self.seed.value())
        self._building = False
        self._set_enabled(True)
        self._style_only(style)
        self._update_ablation_labels()
        self._update_bands()
        self.variation_view.set_placeholder(self.tr("Click Compute to see what the noise inputs change."))
        self.grid_view.set_placeholder(self.tr("Type row and column seeds, then click Compute."))
        self.info.setText(self._info_text(model))
        self.w_status.setText(self.tr("Computing principal directions of w\u2026"))
        def going_on(_fraction: float) -> bool:   # the PCA stops early once another model is set
            return not self.worker.should_stop()
        self.worker.run_job("directions", lambda _r: principal_directions(model, N_DIRECTIONS, progress=going_on),
                            key="directions")
        self.request_render()

    def _style_only(self, style: bool) -> None:
        """Enable the views and controls that need per-layer styles and noise; say why they are off."""
        why = "" if style else self.tr(
            "Needs a style-based generator (StyleGAN2): this {0} has no per-layer styles or noise inputs"
        ).format(self._family_name(self.model))
        for tab in (VARIATION, GRID):
            self.views.setTabEnabled(tab, style)
            self.views.setTabToolTip(tab, self._tab_tips[tab] if style else why)
        if not style and self.views.currentIndex() in (VARIATION, GRID):
            self.views.setCurrentIndex(IMAGE)
        for w in (self.noise_group, self.mixing_group, self.cutoff, self.w_start, self.w_end):
            w.setEnabled(style)
        self.noise_group.setToolTip(why)
        self.mixing_group.setToolTip(why)
        only = "" if style else " \u2014 " + self.tr("StyleGAN2 only")
        self.noise_group.setTitle(self.tr("Noise") + only)
        self.mixing_group.setTitle(self.tr("Style mixing") + only)
        self.cutoff.setToolTip(self.tr(
            "Truncate only the first N w layers (the coarse ones first); 'all' truncates every layer")
            if style else why)
        for s in (self.w_start, self.w_end):
            s.setToolTip(self.tr("Which w layers the direction moves [a, b)") if style else why)

    def _info_text(self, m: LoadedModel) -> str:
        """The info strip (rich text): everything that came from the file or its name is escaped, so a crafted
        name or metadata shows as text, never as markup."""
        d = m.describe()
        esc = html.escape
        name = esc(m.path.name) if m.path else self.tr("(unsaved)")
        parts = [f"<b>{name}</b>", esc(str(d['family'])), f"{d['resolution']}\u00b2\u00d7{d['channels']}",
                 f"z {d['z_dim']}", f"w {d['w_dim']}", f"num_ws {d['num_ws']}",
                 self.tr("{0} parameters").format(f"{d['G_parameters']:,}"),
                 self.tr("device: {0}").format(device_label(self.worker.device)),
                 self._ops_text(m)]
        if d["labels"]:
            parts.insert(3, self.tr("{0} classes").format(d["labels"]))
        text = " \u00b7 ".join(parts)
        training = m.metadata.get("training")
        quality = m.metadata.get("quality")
        facts = []
        if isinstance(training, dict) and training.get("step"):
            facts.append(self.tr("trained {0} steps on {1}").format(esc(str(training["step"])),
                                                                   esc(str(training.get("dataset", "?")))))
        if isinstance(quality, dict) and quality:
            try:
                facts.append(self.tr(
                "digit classifier on {0} samples: {1:.0%} confident, {2}/10 classes, largest {3:.0%}, Fr\u00e9chet distance {4:.2f} (real data: {5:.2f})").format(
                    int(quality["samples"]), float(quality["confident_share"]), int(quality["coverage"]),
                    float(quality["largest_share"]), float(quality["frechet"]), float(quality["frechet_floor"])))
            except (KeyError, TypeError, ValueError):   # the file's own JSON: not always what we wrote
                pass
        if facts:
            text += "<br>" + " \u00b7 ".join(facts)
        if m.notes:
            text += "<br><i>" + esc("; ".join(m.notes)) + "</i>"
        return text

    def _ops_text(self, m: LoadedModel) -> str:
        from ganexplorer.core.ops import fused
        from ganexplorer.core.ops.fastpath import reference_path_enabled

        if self.worker.device.type == "cuda":
            impl, why = fused.status()["upfirdn2d"]
            if impl.startswith("fused"):
                return self.tr("ops: fused GPU (Triton)")
            return self.tr("ops: reference (PyTorch) \u2014 {0}").format(why)
        if m.is_style_based and not reference_path_enabled():
            return self.tr("ops: CPU fast path (PyTorch)")
        return self.tr("ops: reference (PyTorch)")

    # -- band words -------------------------------------------------------------------------------
    def _band_name(self, name: str) -> str:
        words = {"coarse": self.tr("coarse"), "middle": self.tr("middle"), "fine": self.tr("fine")}
        return " + ".join(words.get(n, n) for n in name.split("+"))

    def band_legend(self) -> str:
        """E.g. 'layers 0–3 coarse (4²–8²) · 4–7 middle (16²–32²) · this 32² model has no fine band'."""
        m = self.model
        if m is None or not m.is_style_based:
            return ""
        spans = bands.band_spans(m.num_ws, m.resolution)
        parts = [self.tr("{0} {1} ({2})").format(bands.layers(s.first, s.last), self._band_name(s.name),
                                                  bands.squares(s.lo, s.hi)) for s in spans]
        text = self.tr("layers {0}").format(" \u00b7 ".join(parts))
        missing = bands.missing_bands(m.num_ws, m.resolution)
        if missing:
            text += " \u00b7 " + self.tr("this {0}\u00b2 model has no {1} band").format(
                m.resolution, self.tr(" or ").join(self._band_name(n) for n in missing))
        return text

    def range_words(self, start: int, end: int) -> str:
        """'layers 0–3: coarse (4²–8²)' for the w layers [start, end); '' for a non-style model."""
        m = self.model
        if m is None or not m.is_style_based:
            return ""
        span = bands.range_bands(start, end, m.num_ws, m.resolution)
        if span is None:
            return self.tr("empty range: b must be larger than a")
        return self.tr("layers {0}: {1} ({2})").format(bands.layers(span.first, span.last),
                                                        self._band_name(span.name), bands.squares(span.lo, span.hi))

    def _update_bands(self) -> None:
        legend = self.band_legend()
        for label in (self.mix_legend, self.w_legend, self.grid_legend):
            label.setText(legend)
        self._update_range_words()

    def _update_range_words(self) -> None:
        self.mix_band.setText(self.range_words(self.mix_start.value(), self.mix_end.value()))
        self.w_band.setText(self.range_words(self.w_start.value(), self.w_end.value()))

    # -- captions ---------------------------------------------------------------------------------
    def caption_text(self, req: RenderRequest, source: tuple = (), preview: bool = False) -> str:
        """One line saying what the picture made from ``req`` is (seed, blend, walk frame, settings)."""
        m = self.model
        if source and source[0] == "walk":
            _, k, n, seeds, space = source
            main = self.tr("walk frame {0}/{1} ({2}: seeds {3})").format(
                k, n, space, " \u2192 ".join(str(s) for s in seeds + seeds[:1]))
        elif source and source[0] == "arith":
            main = self.tr("A \u2212 B + C of seeds {0}, {1}, {2}").format(*source[1:4])
        elif req.w_blend and (source and source[0] == "pad"):
            main = self.tr("seed grid blend of {0}").format(
                ", ".join(f"{s} ({w:.0%})".replace("%", " %") for s, w in req.w_blend))
        elif req.w_blend:
            main = self.tr("blend of seeds {0}").format(", ".join(f"{s} ({w:+.2f})" for s, w in req.w_blend))
        elif req.z is not None:
            main = self.tr("a custom z")
        else:
            main = self.tr("seed {0}").format(req.seed)
        if req.mix_seed is not None and m is not None:
            span = bands.range_bands(req.mix_start, m.num_ws if req.mix_end is None else req.mix_end,
                                     m.num_ws, m.resolution)
            if span is not None:
                main += " " + self.tr("with layers {0} from seed {1} ({2})").format(
                    bands.layers(span.first, span.last), req.mix_seed, self._band_name(span.name))
        parts = [main]
        if req.z_offsets:
            parts.append(self.tr("z offsets {0}").format(", ".join(f"z[{i}] {v:+.2f}" for i, v in req.z_offsets)))
        if req.w_edits and self.directions is not None:
            for e in req.w_edits:
                for i, v in enumerate(self.directions.vectors):
                    if max(abs(a - b) for a, b in zip(v, e.direction)) < 1e-6:
                        n_ws = m.num_ws if m is not None else 1
                        end = n_ws if e.layer_end is None else e.layer_end
                        where = "" if (e.layer_start == 0 and end >= n_ws) else " " + self.tr("on layers {0}").format(
                            bands.layers(e.layer_start, end - 1))
                        parts.append(f"PC{i} {e.amount / self.directions.sigmas[i]:+.1f}\u03c3{where}")
        if req.psi != 1:
            psi = f"\u03c8 = {req.psi:.2f}"
            if req.cutoff:
                psi += " " + self.tr("on layers {0}").format(bands.layers(0, req.cutoff - 1))
            parts.append(psi)
        if req.label is not None and m is not None and m.c_dim:
            parts.append(self.tr("class {0}").format(req.label))
        if m is not None and m.is_style_based:
            if req.noise_mode == "random":
                parts.append(self.tr("random noise (seed {0})").format(req.noise_seed))
            elif req.noise_mode == "none":
                parts.append(self.tr("no noise"))
            if req.noise_mode != "none" and req.noise_strength != 1:
                parts.append(self.tr("noise \u00d7 {0:.2f}").format(req.noise_strength))
        if req.ablations:
            parts.append(self.tr("switched off: {0}").format("; ".join(
                self.tr("{0} channels {1}").format(short_layer(n), ranges_text(c, "\u2013")) for n, c in req.ablations)))
        if preview:
            parts.append(self.tr("preview \u2014 refining\u2026"))
        return " \u00b7 ".join(parts)

    def _apply_caption_font(self) -> None:
        base = QApplication.font()
        scale = PRESENTATION_CAPTION_SCALE if self._presentation else CAPTION_SCALE
        for label in (self.caption, self.ablation_badge):
            f = QFont(label.font())
            if base.pointSizeF() > 0:
                f.setPointSizeF(base.pointSizeF() * scale)
            else:
                f.setPixelSize(round(base.pixelSize() * scale))
            label.setFont(f)

    def set_presentation(self, on: bool) -> None:
        """Projector mode: a larger caption and badge (the main window enlarges everything else)."""
        self._presentation = bool(on)
        self._apply_caption_font()
        self._fit_controls()
        QTimer.singleShot(0, self._fit_controls)   # once the window's new font has reached every child

    def _fit_controls(self) -> None:
        """Keep the control column as wide as its widgets need (no horizontal scrolling, nothing cut off)."""
        bar = self.controls_scroll.verticalScrollBar().sizeHint().width()
        self.controls_scroll.setMinimumWidth(max(380, self.controls.minimumSizeHint().width() + bar + 4))

    def help_html(self) -> str:
        """'What am I looking at?' for the Explore tab, about the view tab now shown."""
        intro = self.tr("<p>A <b>generator</b> turns a random vector <i>z</i> (picked by the <b>seed</b>) into a picture. A style-based generator (StyleGAN2) first maps z to <i>w</i> and feeds w to every layer; the early layers work on coarse resolutions (4\u00b2\u20138\u00b2: pose, shape), the middle ones on 16\u00b2\u201332\u00b2, the fine ones on 64\u00b2 and up (colour, texture).</p>")
        legend = self.band_legend()
        if legend:
            intro += "<p>" + self.tr("This model: {0}.").format(legend) + "</p>"
        elif self.model is not None:
            intro += "<p>" + self.tr("This {0} feeds z straight into its first layer: it has no w per layer and no noise inputs, so Stochastic variation, Mixing grid, noise and style mixing are switched off.").format(self._family_name(self.model)) + "</p>"
        pages = {
            IMAGE: self.tr("<p><b>Image</b>: the picture for the current settings; the caption underneath says how it was made. Try the seed arrows, \u03c8 (truncation toward the average picture), the z sliders (offsets added to z) and the w directions (moves along the main directions of w, in \u03c3). The seed grid blends the ws of nearby seeds; A \u2212 B + C does arithmetic on ws.</p>"),
            VARIATION: self.tr("<p><b>Stochastic variation</b>: the same w rendered with many different noise inputs; each pixel's colour is how much it changed (standard deviation, in pixel levels 0\u2013255, see the colour bar). Bright places are details the noise decides (texture, strands); dark places are fixed by w.</p>"),
            GRID: self.tr("<p><b>Mixing grid</b>: the top row and the left column are the seeds themselves; every other picture is its row's seed with the chosen layers taken from its column's seed. Coarse layers copy pose and shape, fine layers only colour and texture.</p>"),
            LAYERS: self.tr("<p><b>Layers</b>: 16 feature maps (channels) of one layer for the current picture. Type channel numbers to switch them off (set them to zero): the picture changes, a red badge says so on the Image tab, and the switched-off maps are shown black. Each layer keeps its own list.</p>"),
        }
        return intro + pages.get(self.views.currentIndex(), "")

    # -- what the current view shows -------------------------------------------------------------
    def current_picture(self) -> tuple[np.ndarray | None, str]:
        """uint8 RGB of what the current view tab shows (with its labels), and a file stem for saving it."""
        tab = self.views.currentIndex()
        if tab == VARIATION:
            rgb, stem = self.variation_view.rgb, self._variation_stem
        elif tab == GRID:
            rgb, stem = self.grid_view.rgb, self._grid_stem
        elif tab == LAYERS:
            rgb, stem = self.layer_view.rgb, self._layers_stem
        else:
            rgb, stem = self.image_view.rgb, self._image_stem()
        return (None if rgb is None else rgb.copy()), stem

    def _image_stem(self) -> str:
        if self.last_result is not None:
            req = self.last_result.request
            return self._stem_for(req, self._sources.get(req, ()))
        return self._stem_for(self.current_request(), self._source)

    @staticmethod
    def _stem_for(req: RenderRequest, source: tuple) -> str:
        """A file stem naming the picture: 'seed0042', 'seed0042-mix7', 'arith-3-7-9', 'walk-frame012'."""
        if source and source[0] == "walk":
            return f"walk-frame{source[1]:03d}"
        if source and source[0] == "arith":
            return "arith-{}-{}-{}".format(*source[1:4])
        if req.w_blend:
            return "blend-" + "-".join(str(s) for s, _ in req.w_blend)
        if req.z is not None:
            return "custom-z"
        stem = f"seed{req.seed:04d}"
        if req.mix_seed is not None:
            stem += f"-mix{req.mix_seed}"
        return stem

    # -- requests ---------------------------------------------------------------------------------
    def current_request(self) -> RenderRequest:
        m = self.model
        z_off = tuple((i, s.value()) for i, s in enumerate(self.z_sliders) if s.value() != 0)
        edits = ()
        if self.directions is not None:
            end = self.w_end.value()
            edits = tuple(WEdit(self.directions.vectors[i], s.value() * self.directions.sigmas[i],
                                self.w_start.value(), end)
                          for i, s in enumerate(self.w_sliders[:len(self.directions.vectors)]) if s.value() != 0)
        cutoff = self.cutoff.value() or None
        mix = self.mix_on.isChecked() and m is not None and m.is_style_based
        return RenderRequest(
            seed=self.seed.value(), z=self._z_override, w_blend=self._blend, ablations=self.ablations(),
            z_offsets=z_off, w_edits=edits, psi=self.psi.value(), cutoff=cutoff,
            noise_mode=self.noise_mode.currentData() or "const", noise_strength=self.noise_strength.value(),
            noise_seed=self.noise_seed.value(), mix_seed=self.mix_seed.value() if mix else None,
            mix_start=self.mix_start.value(), mix_end=self.mix_end.value(),
            label=self.label_combo.currentData() if m is not None and m.c_dim else None,
            force_fp32=self.force_fp32.isChecked(),
        )

    def apply_request(self, req: RenderRequest) -> None:
        """Set every control from a saved request (w edits are matched by amount per direction)."""
        self._building = True
        try:
            self.seed.setValue(req.seed)
            self.psi.setValue(req.psi)
            self.cutoff.setValue(req.cutoff or 0)
            self.noise_mode.setCurrentIndex(max(0, self.noise_mode.findData(req.noise_mode)))
            self.noise_strength.setValue(req.noise_strength)
            self.noise_seed.setValue(req.noise_seed)
            self.mix_on.setChecked(req.mix_seed is not None)
            if req.mix_seed is not None:
                self.mix_seed.setValue(req.mix_seed)
            self.mix_start.setValue(req.mix_start)
            if req.mix_end is not None:
                self.mix_end.setValue(req.mix_end)
            for s in self.z_sliders:
                s.reset()
            for i, v in req.z_offsets:
                if i < len(self.z_sliders):
                    self.z_sliders[i].setValue(v)
            if req.label is not None:
                self.label_combo.setCurrentIndex(max(0, self.label_combo.findData(req.label)))
            self._blend, self._z_override, self._source = req.w_blend, req.z, ()
            self._ablations = {name: tuple(channels) for name, channels in req.ablations}
            if req.ablations:
                self.layer_combo.setCurrentIndex(max(0, self.layer_combo.findText(req.ablations[0][0])))
            self.ablate_edit.setText(ranges_text(self._ablations.get(self.layer_combo.currentText(), ())))
        finally:
            self._building = False
        self._update_ablation_labels()
        self._pending_edits = req.w_edits
        self._apply_w_edits()
        self._update_range_words()
        self.request_render()

    def _apply_w_edits(self) -> None:
        edits = getattr(self, "_pending_edits", ())
        if not edits or self.directions is None:
            return
        self._building = True
        for e in edits:
            for i, v in enumerate(self.directions.vectors):
                if max(abs(a - b) for a, b in zip(v, e.direction)) < 1e-6:
                    self.w_sliders[i].setValue(e.amount / self.directions.sigmas[i])
                    self.w_start.setValue(e.layer_start)
                    if e.layer_end is not None:
                        self.w_end.setValue(e.layer_end)
        self._building = False
        self._pending_edits = ()
        self._update_range_words()

    def request_render(self, *_: object) -> None:
        if self._building or self.model is None:
            return
        req = self.current_request()
        self._sources[req] = self._source
        self._sources.move_to_end(req)
        while len(self._sources) > 16:
            self._sources.popitem(last=False)
        self.worker.submit(req)

    # -- results ----------------------------------------------------------------------------------
    def _on_rendered(self, gen: int, result) -> None:
        if gen < self._shown_gen:
            return  # stale
        self._shown_gen = gen
        self.last_result = result
        preview = bool(getattr(result, "preview", False))
        self.image_view.set_image(result.rgb, smooth=preview)
        now = time.perf_counter()
        self._caption_for = (result.request, self._sources.get(result.request, ()), preview)
        wait = CAPTION_INTERVAL_S - (now - self._caption_at)
        if wait <= 0:
            self._show_caption()
        elif not self._caption_timer.isActive():
            self._caption_timer.start(max(1, int(wait * 1000)))
        if self.views.currentIndex() == LAYERS and not preview:
            self._refresh_layer_view()
        self._frame_times = [t for t in self._frame_times if now - t < 1.0] + [now]
        fps = 1.0 / result.seconds if result.seconds > 0 else 0.0
        if preview:
            self.status.emit(self.tr("preview at {0} px: {1:.1f} ms \u00b7 the full picture follows when the slider rests")
                             .format(result.preview_resolution, result.seconds * 1000))
            return
        self.status.emit(self.tr("render {0:.1f} ms \u00b7 {1:.1f} fps (model) \u00b7 {2} frames in the last second")
                         .format(result.seconds * 1000, fps, len(self._frame_times)))

    def _show_caption(self) -> None:
        """Caption of the newest picture; during a drag at most every CAPTION_INTERVAL_S (text is read, not watched)."""
        self._caption_timer.stop()
        self._caption_at = time.perf_counter()
        if self._caption_for is not None:
            self.caption.setText(self.caption_text(*self._caption_for))

    def _on_render_failed(self, gen: int, message: str) -> None:
        self.status.emit(message)

    def _on_job_done(self, name: str, result) -> None:
        if name == "directions" and isinstance(result, Directions):
            self.directions = result
            for i, s in enumerate(self.w_sliders):
                s.setEnabled(i < len(result.vectors))
            self.w_status.setText(self.tr("{0} directions from 3,000 samples; \u03c3 of PC0 = {1:.2f}")
                                  .format(len(result.vectors), result.sigmas[0]))
            self._apply_w_edits()
        elif name == "variation":
            vmax, picture, n, what = result
            self.variation_view.set_image(picture)
            self.variation_scale.setText(self.tr("{0}: per-pixel standard deviation over {1} noise draws; the largest is {2:.2f} pixel levels (of 255). Bright = what the noise inputs change.").format(what, n, vmax))
        elif name == "grid":
            self.grid_view.set_image(result)
        elif name == "layers":
            (picture, total), layer, first = result
            self.layer_view.set_image(picture)
            text = self.tr("{0} channels in this layer; showing {1}\u2013{2}").format(
                total, first, min(total, first + 16) - 1)
            off = [c for c in self._ablations.get(layer, ()) if first <= c < first + 16]
            if off:
                text += "; " + self.tr("channels {0} switched off (black)").format(ranges_text(off, "\u2013"))
            self.layer_channels.setText(text)
        elif name == "export":
            self.status.emit(self.tr("Saved {0}").format(result))

    def _on_job_failed(self, name: str, message: str) -> None:
        if name in ("variation", "grid", "directions", "layers", "export"):
            self.status.emit(message)

    def compute_variation(self) -> None:
        if self.model is None or not self.model.is_style_based:
            return
        req, n = self.current_request(), self.variation_draws.value()
        what = self.caption_text(req, self._source)
        title = self.tr("Per-pixel standard deviation over {0} noise draws, in pixel levels (0\u2013255): {1}").format(
            n, what)
        self._variation_stem = "variation-" + self._stem_for(req, self._source)

        def job(r):
            levels = variation_levels(r, req, n)
            return float(levels.max()), variation_figure(levels, title), n, what
        self.worker.run_job("variation", job, key="variation")

    def compute_grid(self) -> None:
        if self.model is None or not self.model.is_style_based:
            return
        try:
            rows, cols = parse_int_list(self.grid_rows.text()), parse_int_list(self.grid_cols.text())
        except ValueError as e:
            self.status.emit(str(e))
            return
        a, b = self.mix_start.value(), self.mix_end.value()
        span = bands.range_bands(a, b, self.model.num_ws, self.model.resolution)
        if span is None:
            self.status.emit(self.tr("Choose a layer range [a, b) with b > a under Style mixing first."))
            return
        req = self.current_request().with_(mix_seed=None, w_blend=(), z=None)   # the grid's own seeds, not a blend
        styles = list(range(span.first, span.last + 1))
        caption = self.tr("Each picture: its row's seed with layers {0} ({1}, {2}) taken from its column's seed").format(
            bands.layers(span.first, span.last), self._band_name(span.name), bands.squares(span.lo, span.hi))
        extra = [p for p in self.caption_text(req.with_(seed=0, w_blend=(), z=None)).split(" \u00b7 ")[1:]]
        if extra:
            caption += " \u00b7 " + " \u00b7 ".join(extra)
        self.grid_caption = caption
        self._grid_stem = f"mixing-{'-'.join(map(str, rows))}-x-{'-'.join(map(str, cols))}"
        seed_word = self.tr("seed")
        self.worker.run_job("grid", lambda r: labelled_mixing_grid(mixing_grid(r, rows, cols, styles, req)[0],
                                                                   rows, cols, caption, seed_word), key="grid")
