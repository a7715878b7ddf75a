"""The Explore tab's view pages on the right: the Image page with its caption and ablation badge,
and the Stochastic variation, Mixing grid and Layers pages with their bars and the jobs they start.

Builders store widgets on the panel; the derived views are computed as worker jobs from the
controller's current request (no maths here: ``core.render.views`` and ``core.render.annotate``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ganexplorer.core.render import bands
from ganexplorer.core.render.annotate import labelled_mixing_grid, variation_figure
from ganexplorer.core.render.latents import parse_int_list
from ganexplorer.core.render.views import arithmetic_strip, mixing_grid, variation_levels
from ganexplorer.gui.explore.channel_tiles import ChannelTiles
from ganexplorer.gui.explore.explorer_words import GRID, IMAGE, LAYERS, VARIATION
from ganexplorer.gui.common.image_view import ImageView


class ViewPages:
    """Mixin of ExplorerPanel (a QWidget): the view pages, their bars and the variation / grid jobs."""

    def _build_views(self) -> None:
        """The view tabs: Image, Stochastic variation, Mixing grid, Layers."""
        self.views = QTabWidget()
        self.image_view = ImageView()
        self.variation_view = ImageView()
        self.grid_view = ImageView()
        self.layer_view = ChannelTiles()
        self.layer_view.toggled.connect(self._channel_clicked)
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
        self.arith_strip = ImageView()
        self.arith_strip.setMinimumSize(96, 72)
        self.arith_strip.setMaximumHeight(140)
        self.arith_strip.setToolTip(self.tr("The seeds A, B and C with the settings on the left, and the picture their ws make"))
        self.arith_strip.setVisible(False)
        v.addWidget(self.badge_row)
        v.addWidget(self.image_view, 1)
        v.addWidget(self.arith_strip)
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

    def _wrap_view(self, view: QWidget, bar: QWidget) -> QWidget:
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
        self.grid_progress = QProgressBar()
        self.grid_progress.setRange(0, 100)
        self.grid_progress.setToolTip(self.tr("How many of the grid's pictures are drawn"))
        self.grid_cancel = QPushButton(self.tr("Cancel"))
        self.grid_cancel.setToolTip(self.tr("Stop building the grid"))
        self.grid_cancel.clicked.connect(lambda: self.worker.cancel("grid"))
        for b in (self.grid_progress, self.grid_cancel):
            b.setVisible(False)
            h.addWidget(b)
        self._grid_jobs = 0
        self.grid_legend = self._legend_label()
        v.addLayout(h)
        v.addWidget(self.grid_legend)
        return w

    def compute_variation(self) -> None:
        if self.model is None or not self.model.is_style_based:
            return
        req, n = self.current_request(), self.variation_draws.value()
        what = self.caption_text(req, self.controller.state)
        title = self.tr("Per-pixel standard deviation over {0} noise draws, in pixel levels (0\u2013255): {1}").format(
            n, what)
        self._variation_stem = "variation-" + self._stem_for(req, self.controller.state.source)

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
        a, b = self.controller.state.mix_start, self.controller.state.mix_end
        span = bands.range_bands(a, b, self.model.num_ws, self.model.resolution)
        if span is None:
            self.status.emit(self.tr("Choose a layer range [a, b) with b > a under Style mixing first."))
            return
        req = self.current_request().with_(mix_seed=None, w_blend=(), z=None)   # the grid's own seeds, not a blend
        styles = list(range(span.first, span.last + 1))
        caption = self.tr("Each picture: its row's seed with layers {0} ({1}, {2}) taken from its column's seed").format(
            bands.layers(span.first, span.last), self._band_name(span.name), bands.squares(span.lo, span.hi))
        plain = self.controller.state.with_(source=())
        extra = [p for p in self.caption_text(req.with_(seed=0, w_blend=(), z=None), plain).split(" \u00b7 ")[1:]]
        if extra:
            caption += " \u00b7 " + " \u00b7 ".join(extra)
        self.grid_caption = caption
        self._grid_stem = f"mixing-{'-'.join(map(str, rows))}-x-{'-'.join(map(str, cols))}"
        seed_word = self.tr("seed")
        worker = self.worker

        def progress(done: int, total: int) -> None:
            worker.check_stop()   # Cancel, another model or closing: stop between two pictures
            worker.report_progress("grid", done / total)

        self._grid_busy(+1)
        worker.run_job("grid", lambda r: labelled_mixing_grid(mixing_grid(r, rows, cols, styles, req, progress)[0],
                                                              rows, cols, caption, seed_word), key="grid")

    def _grid_busy(self, step: int) -> None:
        """Grid jobs in flight: while any is, the progress bar and Cancel show and Compute waits."""
        self._grid_jobs = max(0, self._grid_jobs + step)
        busy = self._grid_jobs > 0
        if step > 0:
            self.grid_progress.setValue(0)
        self.grid_progress.setVisible(busy)
        self.grid_cancel.setVisible(busy)
        self.grid_button.setEnabled(not busy)

    def _show_arith_strip(self, source: tuple) -> None:
        """Beside an A − B + C picture: A, B and C themselves (a worker job), hidden for any other picture."""
        on = bool(source) and source[0] == "arith" and self.model is not None
        self.arith_strip.setVisible(on)
        if not on:
            self.worker.cancel("arith")
            return
        req, seeds = self.current_request(), tuple(source[1:4])
        self.worker.run_job("arith", lambda r: arithmetic_strip(r, req, seeds), key="arith")

    def _on_job_progress(self, name: str, fraction: float) -> None:
        if name == "grid" and self._grid_jobs:
            self.grid_progress.setValue(round(fraction * 100))
