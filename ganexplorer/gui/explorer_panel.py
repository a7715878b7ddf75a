"""The Explore tab: controls that build a RenderRequest, and the views that show results.

Every control change builds a new immutable request and hands it to the inference
worker; nothing here runs a network. Derived views (stochastic variation, mixing grid,
w directions) are computed as worker jobs.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QScrollArea, QSpinBox, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from ganexplorer.core.device import device_label
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.render import RenderRequest, WEdit
from ganexplorer.core.render.directions import Directions, principal_directions
from ganexplorer.core.render.latents import parse_int_list
from ganexplorer.core.render.views import feature_layers, feature_maps, mixing_grid, stochastic_variation
from ganexplorer.core.render.walk import export_walk, walk_request, walk_requests
from ganexplorer.gui.image_view import ImageView
from ganexplorer.gui.inference_worker import InferenceWorker
from ganexplorer.gui.seed_pad import SeedPad
from ganexplorer.gui.walk_panel import WalkControls
from ganexplorer.gui.widgets import FloatSlider, SeedBox

N_Z_SLIDERS = 8
N_DIRECTIONS = 8


def layer_band(res: int) -> str:
    """Coarse / middle / fine, the StyleGAN paper's grouping by resolution."""
    if res <= 8:
        return "coarse"
    if res <= 32:
        return "middle"
    return "fine"


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
        self.last_result = None
        self._pending_edits: tuple = ()
        self._blend: tuple = ()          # set by the seed grid, vector arithmetic or a w-space walk
        self._z_override: tuple | None = None  # set by a z-space walk

        self.info = QLabel(self.tr("No model loaded. Open a checkpoint with File \u2192 Open or drop it here."))
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        controls = QWidget()
        col = QVBoxLayout(controls)
        col.addWidget(self._seed_group())
        col.addWidget(self._truncation_group())
        col.addWidget(self._noise_group())
        col.addWidget(self._mixing_group())
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
        scroll.setMinimumWidth(360)

        self.views = QTabWidget()
        self.image_view = ImageView()
        self.variation_view = ImageView()
        self.grid_view = ImageView()
        self.views.addTab(self.image_view, self.tr("Image"))
        self.views.addTab(self._wrap_view(self.variation_view, self._variation_bar()), self.tr("Stochastic variation"))
        self.views.addTab(self._wrap_view(self.grid_view, self._grid_bar()), self.tr("Mixing grid"))
        self.layer_view = ImageView()
        self.views.addTab(self._wrap_view(self.layer_view, self._layer_bar()), self.tr("Layers"))
        self.views.currentChanged.connect(lambda _: self._refresh_layer_view())

        split = QSplitter()
        split.addWidget(scroll)
        split.addWidget(self.views)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.info)
        lay.addWidget(split, 1)

        worker.rendered.connect(self._on_rendered)
        worker.render_failed.connect(self._on_render_failed)
        worker.job_done.connect(self._on_job_done)
        worker.job_failed.connect(self._on_job_failed)
        self._set_enabled(False)

    # -- building the controls -------------------------------------------------------------------
    def _seed_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("Seed"))
        f = QFormLayout(g)
        self.seed = SeedBox(0)
        self.seed.valueChanged.connect(self._seed_changed)
        f.addRow(self.tr("Seed"), self.seed)
        self.label_combo = QComboBox()
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
        self.psi.valueChanged.connect(self.request_render)
        self.cutoff = QSpinBox()
        self.cutoff.setSpecialValueText(self.tr("all"))
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
        self.noise_mode.currentIndexChanged.connect(self.request_render)
        self.noise_strength = FloatSlider(0.0, 3.0, 0.05, 1.0, "{:.2f}\u00d7")
        self.noise_strength.valueChanged.connect(self.request_render)
        self.noise_seed = SeedBox(0)
        self.noise_seed.valueChanged.connect(self.request_render)
        f.addRow(self.tr("Mode"), self.noise_mode)
        f.addRow(self.tr("Strength"), self.noise_strength)
        f.addRow(self.tr("Noise seed"), self.noise_seed)
        return g

    def _mixing_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("Style mixing"))
        f = QFormLayout(g)
        self.mix_on = QCheckBox(self.tr("Take layers from a second seed"))
        self.mix_on.toggled.connect(self.request_render)
        self.mix_seed = SeedBox(1)
        self.mix_seed.valueChanged.connect(self.request_render)
        rng, self.mix_start, self.mix_end = self._layer_range()
        self.mix_band = QLabel()
        f.addRow(self.mix_on)
        f.addRow(self.tr("Mix seed"), self.mix_seed)
        f.addRow(self.tr("Layers [a, b)"), rng)
        f.addRow("", self.mix_band)
        return g

    def _z_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("z sliders"))
        grid = QGridLayout(g)
        self.z_sliders = []
        for i in range(N_Z_SLIDERS):
            s = FloatSlider(-3.0, 3.0, 0.05, 0.0, "{:+.2f}")
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
        for i in range(N_DIRECTIONS):
            s = FloatSlider(-5.0, 5.0, 0.1, 0.0, "{:+.1f}")
            s.valueChanged.connect(self.request_render)
            grid.addWidget(QLabel(f"PC{i}"), i + 1, 0)
            grid.addWidget(s, i + 1, 1)
            self.w_sliders.append(s)
        rng, self.w_start, self.w_end = self._layer_range()
        grid.addWidget(QLabel(self.tr("Layers [a, b)")), N_DIRECTIONS + 1, 0)
        grid.addWidget(rng, N_DIRECTIONS + 1, 1)
        reset = QPushButton(self.tr("Reset w"))
        reset.clicked.connect(lambda: self._reset(self.w_sliders))
        grid.addWidget(reset, N_DIRECTIONS + 2, 1)
        return g

    def _layer_range(self) -> tuple[QWidget, QSpinBox, QSpinBox]:
        """A [start, end) pair of layer-index boxes that re-render on change."""
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        start, end = QSpinBox(), QSpinBox()
        for s in (start, end):
            s.valueChanged.connect(self.request_render)
            h.addWidget(s)
        return row, start, end

    def _pad_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("Seed grid (drag to blend w)"))
        v = QVBoxLayout(g)
        self.pad = SeedPad()
        self.pad.moved.connect(self._pad_moved)
        v.addWidget(self.pad)
        return g

    def _arith_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("Vector arithmetic in w"))
        f = QFormLayout(g)
        self.arith = [SeedBox(v) for v in (1, 2, 3)]
        for name, box in zip("ABC", self.arith):
            f.addRow(name, box)
        btn = QPushButton(self.tr("Show A − B + C"))
        btn.clicked.connect(self.show_arithmetic)
        f.addRow(btn)
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

    def _layer_bar(self) -> QWidget:
        w = QWidget()
        f = QFormLayout(w)
        self.layer_combo = QComboBox()
        self.layer_combo.currentIndexChanged.connect(lambda _: self._refresh_layer_view())
        self.layer_first = QSpinBox()
        self.layer_first.setRange(0, 4096)
        self.layer_first.setSingleStep(16)
        self.layer_first.valueChanged.connect(lambda _: self._refresh_layer_view())
        self.layer_norm = QCheckBox(self.tr("Normalise each channel"))
        self.layer_norm.setChecked(True)
        self.layer_norm.toggled.connect(lambda _: self._refresh_layer_view())
        from PySide6.QtWidgets import QLineEdit

        self.ablate_edit = QLineEdit()
        self.ablate_edit.setPlaceholderText(self.tr("e.g. 0-7,12"))
        self.ablate_edit.editingFinished.connect(self.request_render)
        self.layer_channels = QLabel()
        f.addRow(self.tr("Layer"), self.layer_combo)
        f.addRow(self.tr("First channel"), self.layer_first)
        f.addRow(self.layer_norm)
        f.addRow(self.tr("Switch off channels"), self.ablate_edit)
        f.addRow(self.layer_channels)
        return w

    def _seed_changed(self, *_: object) -> None:
        self._blend, self._z_override = (), None
        self.pad.set_base(self.seed.value())
        self.request_render()

    def _pad_moved(self, blend) -> None:
        self._blend, self._z_override = tuple(blend), None
        self.request_render()

    def show_arithmetic(self) -> None:
        a, b, c = (box.value() for box in self.arith)
        self._blend, self._z_override = ((a, 1.0), (b, -1.0), (c, 1.0)), None
        self.request_render()

    def _walk_frame(self, seeds, i: int, j: int, t: float, space: str) -> None:
        if self.model is None:
            return
        req = walk_request(RenderRequest(), list(seeds), i, j, t, space, self.model.z_dim)
        self._blend, self._z_override = req.w_blend, req.z
        self.request_render()

    def export_walk(self, path: str, seeds, space: str, frames: int, fps: int) -> None:
        if self.model is None:
            return
        base = self.current_request().with_(w_blend=(), z=None, z_offsets=())
        requests = walk_requests(base, list(seeds), frames, space, self.model.z_dim)
        self.status.emit(self.tr("Exporting {0} frames…").format(len(requests)))
        self.worker.run_job("export", lambda r: export_walk(r, requests, path, fps))

    def ablations(self) -> tuple:
        text = self.ablate_edit.text().strip()
        layer = self.layer_combo.currentText()
        if not text or not layer:
            return ()
        try:
            return ((layer, tuple(parse_int_list(text))),)
        except ValueError:
            self.status.emit(self.tr("Channels to switch off must look like 0-7,12"))
            return ()

    def _refresh_layer_view(self) -> None:
        if self.model is None or self.views.currentIndex() != 3 or not self.layer_combo.currentText():
            return
        req, layer = self.current_request(), self.layer_combo.currentText()
        first, norm = self.layer_first.value(), self.layer_norm.isChecked()
        self.worker.run_job("layers", lambda r: feature_maps(r, req, layer, first, 16, norm))

    def _wrap_view(self, view: ImageView, bar: QWidget) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(bar)
        v.addWidget(view, 1)
        return w

    def _variation_bar(self) -> QWidget:
        w = QWidget()
        h = QHBoxLayout(w)
        self.variation_draws = QSpinBox()
        self.variation_draws.setRange(2, 256)
        self.variation_draws.setValue(16)
        btn = QPushButton(self.tr("Compute"))
        btn.clicked.connect(self.compute_variation)
        h.addWidget(QLabel(self.tr("Noise draws")))
        h.addWidget(self.variation_draws)
        h.addWidget(btn)
        h.addStretch(1)
        return w

    def _grid_bar(self) -> QWidget:
        w = QWidget()
        h = QHBoxLayout(w)
        from PySide6.QtWidgets import QLineEdit

        self.grid_rows, self.grid_cols = QLineEdit("85,100,75"), QLineEdit("55,821,1789,293")
        btn = QPushButton(self.tr("Compute"))
        btn.clicked.connect(self.compute_grid)
        h.addWidget(QLabel(self.tr("Row seeds")))
        h.addWidget(self.grid_rows)
        h.addWidget(QLabel(self.tr("Column seeds")))
        h.addWidget(self.grid_cols)
        h.addWidget(btn)
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
        for w in (self.mix_on, self.mix_seed, self.mix_start, self.mix_end, self.noise_mode, self.noise_strength,
                  self.noise_seed):
            w.setEnabled(style)
        self.mix_on.setChecked(False)
        self._blend, self._z_override = (), None
        self.layer_combo.clear()
        self.layer_combo.addItems(feature_layers(model))
        self.ablate_edit.clear()
        self.pad.set_base(self.seed.value())
        self._building = False
        self._set_enabled(True)
        self._update_band()
        self.info.setText(self._info_text(model))
        self.w_status.setText(self.tr("Computing principal directions of w\u2026"))
        self.worker.run_job("directions", lambda _r: principal_directions(model, N_DIRECTIONS))
        self.request_render()

    def _info_text(self, m: LoadedModel) -> str:
        d = m.describe()
        name = m.path.name if m.path else self.tr("(unsaved)")
        parts = [f"<b>{name}</b>", f"{d['family']}", f"{d['resolution']}\u00b2\u00d7{d['channels']}",
                 f"z {d['z_dim']}", f"w {d['w_dim']}", f"num_ws {d['num_ws']}",
                 self.tr("{0} parameters").format(f"{d['G_parameters']:,}"),
                 self.tr("device: {0}").format(device_label(self.worker.device)),
                 self._ops_text(m)]
        if d["labels"]:
            parts.insert(3, self.tr("{0} classes").format(d["labels"]))
        text = " \u00b7 ".join(parts)
        training = m.metadata.get("training") or {}
        quality = m.metadata.get("quality") or {}
        facts = []
        if training.get("step"):
            facts.append(self.tr("trained {0} steps on {1}").format(training["step"], training.get("dataset", "?")))
        if quality:
            facts.append(self.tr(
            "digit classifier on {0} samples: {1:.0%} confident, {2}/10 classes, largest {3:.0%}, Fr\u00e9chet distance {4:.2f} (real data: {5:.2f})").format(
                quality["samples"], quality["confident_share"], quality["coverage"], quality["largest_share"],
                quality["frechet"], quality["frechet_floor"]))
        if facts:
            text += "<br>" + " \u00b7 ".join(facts)
        if m.notes:
            text += "<br><i>" + "; ".join(m.notes) + "</i>"
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

    def _update_band(self) -> None:
        if self.model is None or not self.model.is_style_based:
            self.mix_band.setText("")
            return
        res = self.model.G.synthesis.layer_resolutions()
        a, b = self.mix_start.value(), self.mix_end.value()
        if b <= a:
            self.mix_band.setText(self.tr("empty range"))
            return
        lo, hi = res[a], res[min(b, len(res)) - 1]
        band = layer_band(lo), layer_band(hi)
        names = {"coarse": self.tr("coarse"), "middle": self.tr("middle"), "fine": self.tr("fine")}
        text = names[band[0]] if band[0] == band[1] else f"{names[band[0]]}\u2013{names[band[1]]}"
        self.mix_band.setText(f"{lo}\u00b2\u2013{hi}\u00b2 ({text})")

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
            self._blend, self._z_override = req.w_blend, req.z
            if req.ablations:
                name, channels = req.ablations[0]
                self.layer_combo.setCurrentIndex(max(0, self.layer_combo.findText(name)))
                self.ablate_edit.setText(",".join(str(c) for c in channels))
        finally:
            self._building = False
        self._pending_edits = req.w_edits
        self._apply_w_edits()
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

    def request_render(self, *_: object) -> None:
        if self._building or self.model is None:
            return
        self._update_band()
        self.worker.submit(self.current_request())

    # -- results ----------------------------------------------------------------------------------
    def _on_rendered(self, gen: int, result) -> None:
        if gen < self._shown_gen:
            return  # stale
        self._shown_gen = gen
        self.last_result = result
        self.image_view.set_image(result.rgb)
        if self.views.currentIndex() == 3:
            self._refresh_layer_view()
        now = time.perf_counter()
        self._frame_times = [t for t in self._frame_times if now - t < 1.0] + [now]
        fps = 1.0 / result.seconds if result.seconds > 0 else 0.0
        self.status.emit(self.tr("render {0:.1f} ms \u00b7 {1:.1f} fps (model) \u00b7 {2} frames in the last second")
                         .format(result.seconds * 1000, fps, len(self._frame_times)))

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
            self.variation_view.set_image(result)
        elif name == "grid":
            self.grid_view.set_image(result)
        elif name == "layers":
            picture, total = result
            self.layer_view.set_image(picture)
            self.layer_channels.setText(self.tr("{0} channels in this layer").format(total))
        elif name == "export":
            self.status.emit(self.tr("Saved {0}").format(result))

    def _on_job_failed(self, name: str, message: str) -> None:
        if name in ("variation", "grid", "directions", "layers", "export"):
            self.status.emit(message)

    def compute_variation(self) -> None:
        if self.model is None:
            return
        req, n = self.current_request(), self.variation_draws.value()
        self.worker.run_job("variation", lambda r: stochastic_variation(r, req, n))

    def compute_grid(self) -> None:
        if self.model is None:
            return
        try:
            rows, cols = parse_int_list(self.grid_rows.text()), parse_int_list(self.grid_cols.text())
        except ValueError as e:
            self.status.emit(str(e))
            return
        req = self.current_request().with_(mix_seed=None)
        styles = list(range(self.mix_start.value(), self.mix_end.value()))
        self.worker.run_job("grid", lambda r: mixing_grid(r, rows, cols, styles, req)[0])
