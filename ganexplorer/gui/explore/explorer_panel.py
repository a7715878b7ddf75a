"""The Explore tab: controls on the left, views on the right, bound to an ExplorerController.

The controller (``ganexplorer.app``, no Qt) holds what the user chose; ``explorer_binding`` shows
its state in the widgets and sends edits back; the panel turns the state's request into worker
jobs and shows the results. Builders live in ``explorer_controls`` / ``explorer_pages``, words in
``explorer_words``. Nothing here runs a network or computes a picture.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QSplitter, QVBoxLayout, QWidget

from ganexplorer.app.explorer_controller import ExplorerController
from ganexplorer.app.explorer_state import ExplorerState, ModelFacts
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.render import RenderRequest
from ganexplorer.core.render.directions import Directions, principal_directions
from ganexplorer.core.render.views import feature_layers, feature_maps
from ganexplorer.core.render.walk import export_walk, walk_requests
from ganexplorer.gui.explore.explorer_binding import StateBinding
from ganexplorer.gui.explore.explorer_controls import N_DIRECTIONS, N_Z_SLIDERS, ControlGroups
from ganexplorer.gui.explore.explorer_pages import ViewPages
from ganexplorer.gui.explore.explorer_words import (
    CAPTION_SCALE,
    GRID,
    IMAGE,
    LAYERS,
    PRESENTATION_CAPTION_SCALE,
    VARIATION,
    ExplorerWords,
    layer_band,
    ranges_text,
    short_layer,
)
from ganexplorer.gui.explore.inference_worker import InferenceWorker

__all__ = ["CAPTION_SCALE", "GRID", "IMAGE", "LAYERS", "N_DIRECTIONS", "N_Z_SLIDERS", "PRESENTATION_CAPTION_SCALE",
           "VARIATION", "ExplorerPanel", "layer_band", "ranges_text", "short_layer"]
CAPTION_INTERVAL_S = 0.15   # during a drag: a caption per frame costs the UI thread and cannot be read anyway


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


class ExplorerPanel(ControlGroups, ViewPages, ExplorerWords, StateBinding, QWidget):
    """Controls on the left, views on the right; emits ``status`` text for the status bar."""

    status = Signal(str)

    def __init__(self, worker: InferenceWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.model: LoadedModel | None = None
        self.controller = ExplorerController()
        self._show_all = True       # the next state is shown in every widget (a new model, an opened file)
        self._frame_times: list[float] = []
        self._building = False
        self._presentation = False
        self.last_result = None
        self._hold_render = False
        self._last_request: RenderRequest | None = None
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

        scroll = self._build_controls()
        self._build_views()

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
        worker.job_cancelled.connect(self._on_job_cancelled)
        worker.job_progress.connect(self._on_job_progress)
        self._connect_controls()
        self._ctrl_arrows = _LeaveCtrlArrows(self)
        for target in (self.seed.spin, self.seed.spin.lineEdit()):
            target.installEventFilter(self._ctrl_arrows)
        self.controller.add_view(self)
        self._set_enabled(False)
        self._apply_caption_font()

    @property
    def directions(self) -> Directions | None:
        """The loaded model's principal directions of w, once computed."""
        return self.controller.facts.directions

    def current_request(self) -> RenderRequest:
        """What the controls ask for now (the controller's request)."""
        return self.controller.request()

    def load_state(self, state: ExplorerState) -> None:
        """Show a saved state (its w edits become sliders once the directions are known)."""
        self._last_request = None
        self._show_all = True
        self.controller.load(state)

    def set_model(self, model: LoadedModel) -> None:
        """Show a freshly loaded model: adapt ranges, reset edits, render, compute directions."""
        self.model = model
        self._building = True
        num_ws = model.num_ws
        self.cutoff.setRange(0, num_ws)
        for s in (self.mix_start, self.mix_end, self.w_start, self.w_end):
            s.setRange(0, num_ws)
        for i, s in enumerate(self.z_sliders):
            s.setEnabled(i < model.z_dim)
        for s in self.w_sliders:
            s.setEnabled(False)
        self.label_combo.clear()
        for k in range(model.c_dim):
            self.label_combo.addItem(self.tr("class {0}").format(k), k)
        self.label_combo.setVisible(model.c_dim > 0)
        self.label_row_label.setVisible(model.c_dim > 0)
        self.layer_combo.clear()
        layers = feature_layers(model)
        self.layer_combo.addItems(layers)
        self.ablate_edit.clear()
        self._building = False
        self._hold_render = True
        self._show_all = True
        try:
            self.controller.set_model(ModelFacts(z_dim=model.z_dim, num_ws=num_ws, c_dim=model.c_dim,
                                                 style_based=model.is_style_based, layers=tuple(layers),
                                                 w_dim=model.w_dim))
        finally:
            self._hold_render = False
        self._set_enabled(True)
        self._style_only(model.is_style_based)
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
        self._last_request = None
        self.request_render()
        self._fit_controls()   # this model's words (bands, z or w) may need another width

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
        self._latent_words(style)

    def _latent_words(self, style: bool) -> None:
        """A DCGAN has no w: its truncation, directions and reset speak of z, and the w layer range is hidden."""
        if style:
            self.psi.setToolTip(self.tr("\u03c8 (psi) pulls w toward the average w: 1 = as sampled, 0 = the 'average' picture, between = more typical but less varied pictures, negative = the 'opposite' picture"))
            self.w_group.setTitle(self.tr("w directions (principal components, in \u03c3)"))
            tip = self.tr("Moves w along a principal direction of many sampled ws, in standard deviations (\u03c3) of w along it: \u00b12\u03c3 stays among typical pictures, \u00b15\u03c3 is extreme. PC0 is the direction w varies most")
            self.w_reset.setText(self.tr("Reset w"))
        else:
            self.psi.setToolTip(self.tr("\u03c8 (psi) scales z toward 0, the centre of the prior: 1 = as sampled, 0 = the 'average' picture, between = more typical but less varied pictures, negative = the 'opposite' picture"))
            self.w_group.setTitle(self.tr("z directions (principal components, in \u03c3)"))
            tip = self.tr("Moves z along a principal direction of many sampled zs, in standard deviations (\u03c3) along it: \u00b12\u03c3 stays among typical pictures, \u00b15\u03c3 is extreme. PC0 is the direction z varies most")
            self.w_reset.setText(self.tr("Reset directions"))
        for s in self.w_sliders:
            s.setToolTip(tip)
        for w in (self.w_range_label, self.w_range_row, self.w_band, self.w_legend):
            w.setVisible(style)

    def _set_enabled(self, on: bool) -> None:
        for w in self.findChildren(QGroupBox):
            w.setEnabled(on)

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

    def export_walk(self, path: str, seeds, space: str, frames: int, fps: int, min_side: int = 512) -> None:
        if self.model is None:
            return
        base = self.current_request().with_(w_blend=(), z=None, z_offsets=())
        requests = walk_requests(base, list(seeds), frames, space, self.model.z_dim)
        self.status.emit(self.tr("Exporting {0} frames\u2026").format(len(requests)))
        stop = self.worker.check_stop   # closing the window abandons the export before anything is written
        self.worker.run_job("export", lambda r: export_walk(r, requests, path, fps, min_side=min_side,
                                                            progress=lambda _k, _n: stop()), model_bound=False)

    def _refresh_layer_view(self) -> None:
        if self.model is None or self.views.currentIndex() != LAYERS or not self.layer_combo.currentText():
            return
        req, layer = self.current_request(), self.layer_combo.currentText()
        first, norm = self.layer_first.value(), self.layer_norm.isChecked()
        self._layers_stem = "layers-" + short_layer(layer)
        self.worker.run_job("layers", lambda r: (feature_maps(r, req, layer, first, 16, norm), layer, first),
                            key="layers")

    def request_render(self, *_: object) -> None:
        if self._building or self._hold_render or self.model is None:
            return
        req, state = self.current_request(), self.controller.state
        if req != self._last_request:
            self._last_request = req
            self.worker.submit(req, state)   # the result comes back with the state it was made from
        elif self._caption_for is not None and self._caption_for[0] == req:
            # the same picture, told differently (e.g. saved w edits matched to their components)
            self._caption_for = (req, self.controller.state, self._caption_for[2])
            self._show_caption()

    def _on_rendered(self, gen: int, result) -> None:
        """A picture: the worker drops stale ones (one check, there), so every result here is shown."""
        self.last_result = result
        preview = bool(getattr(result, "preview", False))
        self.image_view.set_image(result.rgb, smooth=preview)
        now = time.perf_counter()
        self._caption_for = (result.request, result.state, preview)
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
        self._last_request = None   # the same settings again should try again
        self.status.emit(message)

    def _on_job_done(self, name: str, result) -> None:
        if name == "directions" and isinstance(result, Directions):
            for i, s in enumerate(self.w_sliders):
                s.setEnabled(i < len(result.vectors))
            self.w_status.setText(self.tr("{0} directions from 3,000 samples; \u03c3 of PC0 = {1:.2f}")
                                  .format(len(result.vectors), result.sigmas[0]))
            self.controller.set_directions(result)
        elif name == "variation":
            vmax, picture, n, what = result
            self.variation_view.set_image(picture)
            self.variation_scale.setText(self.tr("{0}: per-pixel standard deviation over {1} noise draws; the largest is {2:.2f} pixel levels (of 255). Bright = what the noise inputs change.").format(what, n, vmax))
        elif name == "arith":
            if self.arith_strip.isVisible():
                self.arith_strip.set_image(result)
        elif name == "grid":
            self._grid_busy(-1)
            self.grid_view.set_image(result)
        elif name == "layers":
            (picture, total), layer, first = result
            off = [c for c in dict(self.controller.state.ablations).get(layer, ()) if first <= c < first + 16]
            self.layer_view.set_tiles(picture, list(range(first, min(total, first + 16))), set(off))
            text = self.tr("{0} channels in this layer; showing {1}\u2013{2}").format(
                total, first, min(total, first + 16) - 1)
            if off:
                text += "; " + self.tr("channels {0} switched off (black)").format(ranges_text(off, "\u2013"))
            self.layer_channels.setText(text)
        elif name == "export":
            self.status.emit(self.tr("Saved {0}").format(result))

    def _on_job_cancelled(self, name: str) -> None:
        if name == "grid" and self._grid_jobs:
            self._grid_busy(-1)
            if not self._grid_jobs:
                self.status.emit(self.tr("Mixing grid cancelled"))

    def _on_job_failed(self, name: str, message: str) -> None:
        if name == "grid":
            self._grid_busy(-1)
        if name in ("variation", "grid", "directions", "layers", "export", "set_model"):
            self.status.emit(message)
