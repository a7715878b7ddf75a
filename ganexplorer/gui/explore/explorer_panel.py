"""The Explore tab: setting groups on the left, view pages on the right, bound to an ExplorerController.

The panel composes small widgets (``settings_groups``, ``latent_groups``, ``view_pages``), each of which
owns its controls and reports the user's edits as typed signals. One trip per edit: a widget's signal →
a controller call (the Qt-free state, ``ganexplorer.app``) → ``state_changed``: each widget shows only
the fields that changed, and the state's request goes to the worker → the result comes back with the
state it was made from → the image view and its caption. Derived views run as jobs (``explorer_jobs``);
words are ``explorer_words``. Nothing here runs a network or computes a picture.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from ganexplorer.app.explorer_controller import ExplorerController
from ganexplorer.app.explorer_state import ExplorerState, ModelFacts
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.render import RenderRequest
from ganexplorer.core.render.directions import Directions
from ganexplorer.core.render.views import feature_layers
from ganexplorer.core.render.walk import walk_requests
from ganexplorer.gui.explore.background_jobs import DirectionsJob, WalkExport
from ganexplorer.gui.explore.explorer_jobs import ViewJobs
from ganexplorer.gui.explore.explorer_words import ExplorerWords
from ganexplorer.gui.explore.inference_worker import InferenceWorker
from ganexplorer.gui.explore.latent_groups import (
    ArithGroup,
    DirectionSetsGroup,
    PadGroup,
    WalkGroup,
    WDirections,
    ZSliders,
)
from ganexplorer.gui.explore.settings_groups import MixingGroup, NoiseGroup, SeedGroup, TruncationGroup
from ganexplorer.gui.explore.state_diff import changed_fields
from ganexplorer.gui.explore.view_pages import (
    CAPTION_SCALE,
    GRID,
    LAYERS,
    PRESENTATION_CAPTION_SCALE,
    VARIATION,
    ExplorerViews,
)

CAPTION_INTERVAL_S = 0.15   # during a drag: a caption per frame costs the UI thread and cannot be read anyway


class ExplorerPanel(QWidget):
    """Controls on the left, views on the right; emits ``status`` text for the status bar."""

    status = Signal(str)

    def __init__(self, worker: InferenceWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.model: LoadedModel | None = None
        self.controller = ExplorerController()
        self.words = ExplorerWords(worker.device, self)
        self.last_result = None
        self._show_all = True       # the next state is shown in every widget (a new model, an opened file)
        self._frame_times: list[float] = []
        self._hold_render = False
        self._last_request: RenderRequest | None = None
        self._caption_for: tuple | None = None
        self._caption_at = 0.0
        self._caption_timer = QTimer(self)
        self._caption_timer.setSingleShot(True)
        self._caption_timer.timeout.connect(self._show_caption)

        self.info = QLabel(self.tr("No model loaded. Open a checkpoint with File \u2192 Open or drop it here."))
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.seed_group = SeedGroup(on_gpu=worker.device.type == "cuda")
        self.truncation = TruncationGroup()
        self.noise = NoiseGroup()
        self.mixing = MixingGroup()
        self.z_group = ZSliders()
        self.w_group = WDirections()
        self.sets_group = DirectionSetsGroup()
        self.pad_group = PadGroup()
        self.arith_group = ArithGroup()
        self.walk_group = WalkGroup()
        self.groups = (self.seed_group, self.truncation, self.noise, self.mixing, self.z_group, self.w_group,
                       self.sets_group, self.pad_group, self.arith_group, self.walk_group)
        self.views = ExplorerViews()
        self.jobs = ViewJobs(worker, self.controller, self.words, self.views, self)
        self.pca = DirectionsJob(worker, self.w_group, self)
        self.walk_export = WalkExport(worker, self)
        self._expose_widgets()

        split = QSplitter()
        split.addWidget(self._control_column())
        split.addWidget(self.views)
        split.setStretchFactor(1, 1)
        split.setSizes([400, 880])
        lay = QVBoxLayout(self)
        lay.addWidget(self.info)
        lay.addWidget(split, 1)

        worker.rendered.connect(self._on_rendered)
        worker.render_failed.connect(self._on_render_failed)
        worker.job_failed.connect(self._on_job_failed)
        for part in (self.jobs, self.pca, self.walk_export):
            part.status.connect(self.status)
        self.pca.arrived.connect(self._directions_arrived)
        self._connect_edits()
        self.controller.add_view(self)
        self._set_enabled(False)

    def _expose_widgets(self) -> None:
        """The widgets the window, the benchmarks and the tests reach by their old names (the children's own)."""
        s, t, n, m, im = self.seed_group, self.truncation, self.noise, self.mixing, self.views.image
        self.seed, self.psi, self.cutoff = s.seed, t.psi, t.cutoff
        self.noise_mode, self.noise_strength, self.noise_seed = n.noise_mode, n.noise_strength, n.noise_seed
        self.mix_on, self.mix_seed, self.mix_start, self.mix_end = m.mix_on, m.mix_seed, m.mix_start, m.mix_end
        self.z_sliders, self.w_sliders = self.z_group.sliders, self.w_group.sliders
        self.w_start, self.w_end = self.w_group.w_start, self.w_group.w_end
        self.walk = self.walk_group.walk
        self.image_view, self.caption, self.ablation_badge = im.image_view, im.caption, im.ablation_badge
        self.grid_rows, self.grid_cols, self.grid_view = self.views.grid.rows, self.views.grid.cols, self.views.grid.view
        self.variation_view, self.layer_view = self.views.variation.view, self.views.layers.view

    def _control_column(self) -> QScrollArea:
        """The control column, in a scroll area as wide as its widgets need."""
        controls = QWidget()
        col = QVBoxLayout(controls)
        for g in self.groups:
            col.addWidget(g)
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.controls, self.controls_scroll = controls, scroll
        self._fit_controls()
        return scroll

    def _connect_edits(self) -> None:
        """Widget → controller: each child's typed signal becomes one controller call."""
        c = self.controller
        self.seed_group.seed_changed.connect(c.set_seed)
        self.seed_group.label_changed.connect(lambda k: c.update(label=k))
        self.seed_group.force_fp32_changed.connect(lambda on: c.update(force_fp32=on))
        self.truncation.truncation_changed.connect(c.set_psi)
        self.truncation.cutoff_changed.connect(lambda v: c.update(cutoff=v))
        self.noise.mode_changed.connect(lambda mode: c.update(noise_mode=mode))
        self.noise.strength_changed.connect(lambda v: c.update(noise_strength=v))
        self.noise.noise_seed_changed.connect(lambda v: c.update(noise_seed=v))
        self.mixing.mix_on_changed.connect(lambda on: c.update(mix_on=on))
        self.mixing.mix_seed_changed.connect(lambda v: c.update(mix_seed=v))
        self.mixing.range_changed.connect(lambda a, b: c.update(mix_start=a, mix_end=b))
        self.z_group.offset_changed.connect(c.set_z_offset)
        self.z_group.reset_requested.connect(c.reset_z)
        self.w_group.edit_changed.connect(c.set_edit)
        self.w_group.range_changed.connect(c.set_w_range)
        self.w_group.reset_requested.connect(c.reset_w)
        self.sets_group.sets.edit_changed.connect(lambda name, k, sigmas: c.set_direction_edit(name, k, sigmas))
        self.sets_group.sets.remove_requested.connect(c.remove_direction_set)
        self.pad_group.blend_changed.connect(lambda blend: c.set_blend(blend, ("pad",)))
        self.arith_group.seeds_changed.connect(lambda abc: c.update(arith=abc))
        self.arith_group.show_requested.connect(c.show_arithmetic)
        w = self.walk
        w.frame.connect(self._walk_frame)
        w.export.connect(self.export_walk)
        w.message.connect(self.status)
        w.seeds_changed.connect(lambda text: c.set_walk(seeds=text))
        w.space_changed.connect(lambda space: c.set_walk(space=space))
        w.frames_changed.connect(lambda v: c.set_walk(frames=v))
        w.fps_changed.connect(lambda v: c.set_walk(fps=v))
        w.loop_changed.connect(lambda on: c.set_walk(loop=on))
        w.export_side_changed.connect(lambda v: c.set_walk(export_side=v))
        self.views.currentChanged.connect(lambda i: c.update(view=int(i)))
        self.views.image.clear_requested.connect(c.clear_ablations)
        layers = self.views.layers
        layers.ablation_typed.connect(c.set_ablation)
        layers.channel_toggled.connect(
            lambda layer, ch: c.set_ablation(layer, tuple(sorted(set(dict(c.state.ablations).get(layer, ())) ^ {ch}))))
        layers.bad_input.connect(self.status)

    # -- what the window asks -----------------------------------------------------------------------
    @property
    def directions(self) -> Directions | None:
        """The loaded model's principal directions of w, once computed."""
        return self.controller.facts.directions

    @property
    def grid_caption(self) -> str:
        return self.jobs.grid_caption

    def current_request(self) -> RenderRequest:
        """What the controls ask for now (the controller's request)."""
        return self.controller.request()

    def help_html(self) -> str:
        return self.words.help_html(self.views.currentIndex())

    def load_state(self, state: ExplorerState) -> None:
        """Show a saved state (its w edits become sliders once the directions are known)."""
        self._last_request = None
        self._show_all = True
        self.controller.load(state)

    def set_model(self, model: LoadedModel) -> None:
        """Show a freshly loaded model: adapt ranges, reset edits, render, compute directions."""
        self.model = model
        self.words.set_model(model)
        style, layers = model.is_style_based, feature_layers(model)
        self.seed_group.set_classes(model.c_dim)
        self.truncation.set_model(model.num_ws, style, "")
        self.mixing.range.set_count(model.num_ws)
        self.z_group.set_z_dim(model.z_dim)
        self.sets_group.num_ws = model.num_ws
        self.w_group.set_model(model.num_ws, style, "")
        self.views.layers.set_layers(layers)
        self._set_enabled(True)
        self._model_words(model)
        self.views.variation.reset()
        self.views.grid.reset()
        self._hold_render, self._show_all = True, True
        try:
            self.controller.set_model(ModelFacts(z_dim=model.z_dim, num_ws=model.num_ws, c_dim=model.c_dim,
                                                 style_based=style, layers=tuple(layers), w_dim=model.w_dim))
        finally:
            self._hold_render = False

        self.pca.set_model(model)
        self._last_request = None
        self.request_render()
        self._fit_controls()   # this model's words (bands, z or w) may need another width

    def _model_words(self, model: LoadedModel) -> None:
        """What the tab says about this model: its info strip, its bands, and why style-only controls are off."""
        style = model.is_style_based
        why = "" if style else self.tr(
            "Needs a style-based generator (StyleGAN2): this {0} has no per-layer styles or noise inputs"
        ).format(self.words.family_name(model))
        for part in (self.truncation, self.w_group, self.noise, self.mixing, self.views):
            part.set_style(style, why)
        legend = self.words.band_legend()
        for label in (self.mixing.mix_legend, self.w_group.legend, self.views.grid.legend):
            label.setText(legend)
        self.info.setText(self.words.info_text(model))

    def retranslate(self, _text_map: object = None) -> None:
        """After Settings ▸ Language: say again, in the new language, what this tab composes from several
        translated pieces (info strip, bands, badge, caption); the window maps every other text."""
        if self.model is None:
            return
        self._model_words(self.model)
        s = self.controller.state
        self.mixing.mix_band.setText(self.words.range_words(s.mix_start, s.mix_end))
        self.w_group.band.setText(self.words.range_words(s.w_start, s.w_end))
        words = self.words.ablation_words(s.ablations)
        self.views.image.show_ablations(words)
        self.views.layers.show_ablations(s.ablations, words)
        if self._caption_for is not None:
            self._show_caption()

    def _set_enabled(self, on: bool) -> None:
        for w in self.findChildren(QGroupBox):
            w.setEnabled(on)

    def set_presentation(self, on: bool) -> None:
        """Projector mode: a larger caption and badge (the main window enlarges everything else)."""
        self.views.image.set_caption_scale(PRESENTATION_CAPTION_SCALE if on else CAPTION_SCALE)
        self._fit_controls()
        QTimer.singleShot(0, self._fit_controls)   # once the window's new font has reached every child

    def _fit_controls(self) -> None:
        """Keep the control column as wide as its widgets need (no horizontal scrolling, nothing cut off)."""
        bar = self.controls_scroll.verticalScrollBar().sizeHint().width()
        self.controls_scroll.setMinimumWidth(max(380, self.controls.minimumSizeHint().width() + bar + 4))

    def current_picture(self) -> tuple[np.ndarray | None, str]:
        """uint8 RGB of what the current view tab shows (with its labels), and a file stem for saving it."""
        tab, v, j = self.views.currentIndex(), self.views, self.jobs
        if tab == VARIATION:
            rgb, stem = v.variation.view.rgb, j.variation_stem
        elif tab == GRID:
            rgb, stem = v.grid.view.rgb, j.grid_stem
        elif tab == LAYERS:
            rgb, stem = v.layers.view.rgb, j.layers_stem
        else:
            rgb, stem = v.image.image_view.rgb, self._image_stem()
        return (None if rgb is None else rgb.copy()), stem

    def _image_stem(self) -> str:
        r = self.last_result
        if r is not None:
            return self.words.stem_for(r.request, r.state.source if r.state is not None else ())
        return self.words.stem_for(self.current_request(), self.controller.state.source)

    def export_walk(self, path: str, seeds, space: str, frames: int, fps: int, min_side: int = 512) -> None:
        """One loop of the walk from the current settings to a GIF or MP4, with a progress dialog and Cancel."""
        if self.model is None:
            return
        base = self.current_request().with_(w_blend=(), z=None, z_offsets=())
        self.walk_export.start(path, walk_requests(base, list(seeds), frames, space, self.model.z_dim), fps, min_side)

    def _walk_frame(self, seeds, _i: int, _j: int, _t: float, space: str) -> None:
        """A tick of Play: the walk's position (its frame number, counted from 1) becomes the state's latent."""
        if self.model is not None:
            self.controller.show_walk_frame(seeds, self.walk.index, self.walk.frames.value(), space)

    # -- state → widgets → request ------------------------------------------------------------------
    def state_changed(self, state: ExplorerState, old: ExplorerState) -> None:
        """The controller has a new state: each widget shows what changed in it, then the picture is asked for.

        After a new model or an opened file (``_show_all``) every widget is set, since their ranges changed too."""
        prev: ExplorerState | None = None if self._show_all else old
        self._show_all = False
        changed = changed_fields(state, prev)

        def any_of(*names: str) -> bool:
            return changed is None or not changed.isdisjoint(names)
        for g in self.groups:   # a group none of whose fields changed is not asked (one slider tick: one group)
            if any_of(*g.FIELDS):
                g.show_state(state, prev)
        if any_of("mix_start", "mix_end"):
            self.mixing.mix_band.setText(self.words.range_words(state.mix_start, state.mix_end))
        if any_of("w_start", "w_end"):
            self.w_group.band.setText(self.words.range_words(state.w_start, state.w_end))
        if any_of("ablations"):
            words = self.words.ablation_words(state.ablations)
            self.views.image.show_ablations(words)
            self.views.layers.show_ablations(state.ablations, words)
        if any_of("zoom"):
            self.views.set_zoom(state.zoom)
        if any_of("view"):
            self.views.show_view(state.view)
        if "arith" in (state.source[:1] + old.source[:1]):   # A − B + C beside its picture, kept up to date
            self.jobs.show_arith_strip(state.source)
        self.request_render()

    def request_render(self) -> None:
        if self._hold_render or self.model is None:
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
            self.jobs.refresh_layers()
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
            self.caption.setText(self.words.caption_text(*self._caption_for))

    def _on_render_failed(self, gen: int, message: str) -> None:
        self._last_request = None   # the same settings again should try again
        self.status.emit(message)

    def _directions_arrived(self, directions: Directions) -> None:
        self.words.directions = directions
        self.controller.set_directions(directions)

    def _on_job_failed(self, name: str, message: str) -> None:
        if name == "set_model":
            self.status.emit(message)
