"""The Explore tab's derived views as worker jobs: stochastic variation, the mixing grid, a layer's feature
maps and the A − B + C strip. Built from the controller's current request; results go to their page.

No maths here (``core.render.views``, ``core.render.annotate``); the worker runs each job on the thread
that owns the model and reports back by job name.
"""

from __future__ import annotations

import weakref

from typing import Any

from PySide6.QtCore import QObject, Signal

from ganexplorer.app.explorer_controller import ExplorerController
from ganexplorer.core.render import bands
from ganexplorer.core.render.annotate import labelled_mixing_grid, variation_figure
from ganexplorer.core.render.latents import parse_int_list
from ganexplorer.core.render.views import arithmetic_strip, feature_maps, mixing_grid, variation_levels
from ganexplorer.gui.explore.explorer_words import ExplorerWords, short_layer
from ganexplorer.gui.explore.inference_worker import InferenceWorker
from ganexplorer.gui.explore.view_pages import LAYERS, ExplorerViews

NAMES = ("variation", "grid", "layers")   # jobs whose failure the status bar says (the strip just stays)


class ViewJobs(QObject):
    """Starts the view pages' jobs and shows their results; ``status`` says what went wrong in one sentence."""

    status = Signal(str)

    def __init__(self, worker: InferenceWorker, controller: ExplorerController, words: ExplorerWords,
                 views: ExplorerViews, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker, self.controller, self.words, self.views = worker, controller, words, views
        self.variation_stem, self.grid_stem, self.layers_stem = "variation", "mixing", "layers"
        self.grid_caption = ""
        self._arith_for: tuple | None = None   # (model, weakly; request; seeds) of the A, B, C strip last asked for
        views.variation.compute_requested.connect(self.compute_variation)
        views.grid.compute_requested.connect(self.compute_grid)
        views.grid.cancel_requested.connect(lambda: worker.cancel("grid"))
        views.layers.refresh_requested.connect(self.refresh_layers)
        views.currentChanged.connect(lambda _: self.refresh_layers())
        worker.job_done.connect(self._done)
        worker.job_failed.connect(self._failed)
        worker.job_cancelled.connect(self._cancelled)
        worker.job_progress.connect(self._progress)

    def _style_model(self) -> Any:
        m = self.words.model
        return m if m is not None and m.is_style_based else None

    def compute_variation(self, draws: int) -> None:
        if self._style_model() is None:
            return
        c = self.controller
        req, state = c.request(), c.state
        what = self.words.caption_text(req, state)
        title = self.tr("Per-pixel standard deviation over {0} noise draws, in pixel levels (0\u2013255): {1}").format(
            draws, what)
        self.variation_stem = "variation-" + self.words.stem_for(req, state.source)

        def job(r):
            levels = variation_levels(r, req, draws)
            return float(levels.max()), variation_figure(levels, title), draws, what
        self.worker.run_job("variation", job, key="variation")

    def compute_grid(self) -> None:
        m = self._style_model()
        if m is None:
            return
        page, c, words = self.views.grid, self.controller, self.words
        try:
            rows, cols = parse_int_list(page.rows.text()), parse_int_list(page.cols.text())
        except ValueError as e:
            self.status.emit(str(e))
            return
        span = bands.range_bands(c.state.mix_start, c.state.mix_end, m.num_ws, m.resolution)
        if span is None:
            self.status.emit(self.tr("Choose a layer range [a, b) with b > a under Style mixing first."))
            return
        req = c.request().with_(mix_seed=None, w_blend=(), z=None)   # the grid's own seeds, not a blend
        styles = list(range(span.first, span.last + 1))
        caption = self.tr("Each picture: its row's seed with layers {0} ({1}, {2}) taken from its column's seed").format(
            bands.layers(span.first, span.last), words.band_name(span.name), bands.squares(span.lo, span.hi))
        plain = c.state.with_(source=())
        extra = words.caption_text(req.with_(seed=0, w_blend=(), z=None), plain).split(" \u00b7 ")[1:]
        if extra:
            caption += " \u00b7 " + " \u00b7 ".join(extra)
        self.grid_caption = caption
        self.grid_stem = f"mixing-{'-'.join(map(str, rows))}-x-{'-'.join(map(str, cols))}"
        seed_word = self.tr("seed")
        worker = self.worker

        def progress(done: int, total: int) -> None:
            worker.check_stop()   # Cancel, another model or closing: stop between two pictures
            worker.report_progress("grid", done / total)

        page.busy(+1)
        worker.run_job("grid", lambda r: labelled_mixing_grid(mixing_grid(r, rows, cols, styles, req, progress)[0],
                                                              rows, cols, caption, seed_word), key="grid")

    def refresh_layers(self) -> None:
        """The Layers page's feature maps for the current picture (only while that page is shown)."""
        page = self.views.layers
        if self.words.model is None or self.views.currentIndex() != LAYERS or not page.layer():
            return
        req, layer = self.controller.request(), page.layer()
        first, norm = page.first.value(), page.norm.isChecked()
        self.layers_stem = "layers-" + short_layer(layer)
        self.worker.run_job("layers", lambda r: (feature_maps(r, req, layer, first, 16, norm), layer, first),
                            key="layers")

    def show_arith_strip(self, source: tuple) -> None:
        """Beside an A − B + C picture: A, B and C themselves (a worker job), hidden for any other picture."""
        strip = self.views.image.arith_strip
        on = bool(source) and source[0] == "arith" and self.words.model is not None
        strip.setVisible(on)
        if not on:
            self.worker.cancel("arith")
            self._arith_for = None
            return
        req, seeds = self.controller.request(), tuple(source[1:4])
        last = self._arith_for
        if last is not None and last[0]() is self.words.model and last[1:] == (req, seeds):
            return   # zoom, the view tab, a caption changed: the same three pictures
        self._arith_for = (weakref.ref(self.words.model), req, seeds)
        self.worker.run_job("arith", lambda r: arithmetic_strip(r, req, seeds), key="arith")

    def _done(self, name: str, result: Any) -> None:
        v = self.views
        if name == "variation":
            vmax, picture, n, what = result
            v.variation.show_result(picture, what, n, vmax)
        elif name == "arith":
            if v.image.arith_strip.isVisible():
                v.image.arith_strip.set_image(result)
        elif name == "grid":
            v.grid.busy(-1)
            v.grid.view.set_image(result)
        elif name == "layers":
            (picture, total), layer, first = result
            off = [ch for ch in dict(self.controller.state.ablations).get(layer, ()) if first <= ch < first + 16]
            v.layers.show_tiles(picture, total, first, off)

    def _cancelled(self, name: str) -> None:
        if name == "grid" and self.views.grid.jobs:
            self.views.grid.busy(-1)
            if not self.views.grid.jobs:
                self.status.emit(self.tr("Mixing grid cancelled"))

    def _failed(self, name: str, message: str) -> None:
        if name == "arith":
            self._arith_for = None   # the same picture again should try again
        if name == "grid":
            self.views.grid.busy(-1)
        if name in NAMES:
            self.status.emit(message)

    def _progress(self, name: str, fraction: float) -> None:
        if name == "grid" and self.views.grid.jobs:
            self.views.grid.progress.setValue(round(fraction * 100))
