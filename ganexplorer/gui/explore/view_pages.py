"""The Explore tab's view pages on the right: Image (with its caption, ablation badge and A − B + C strip),
Stochastic variation, Mixing grid and Layers, in one tab widget.

Each page owns its bar and view and says what the user asked for with typed signals; the panel runs the
jobs (``explorer_jobs``) and hands the results back. No maths here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
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

from ganexplorer.core.render.latents import parse_int_list
from ganexplorer.gui.common.image_view import ImageView
from ganexplorer.gui.explore.channel_tiles import ChannelTiles
from ganexplorer.gui.explore.explorer_words import ranges_text
from ganexplorer.gui.explore.layer_range import BandLegend
from ganexplorer.gui.explore.state_diff import quiet

IMAGE, VARIATION, GRID, LAYERS = range(4)   # the view tabs
CAPTION_SCALE = 1.15                          # caption font relative to the app font
PRESENTATION_CAPTION_SCALE = 2.0


def _with_bar(bar: QWidget, view: QWidget, page: QWidget) -> None:
    v = QVBoxLayout(page)
    v.setContentsMargins(0, 0, 0, 0)
    v.addWidget(bar)
    v.addWidget(view, 1)


class ImagePage(QWidget):
    """The picture, the red badge while channels are switched off, the A − B + C strip and the caption."""

    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        v = QVBoxLayout(self)
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
        self.clear_ablations.clicked.connect(self.clear_requested)
        h.addWidget(self.ablation_badge, 1)
        h.addWidget(self.clear_ablations)
        self.badge_row.setVisible(False)
        self.image_view = ImageView()
        self.image_view.set_placeholder(self.tr("Open a checkpoint to see its pictures."))
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
        self.set_caption_scale(CAPTION_SCALE)

    def show_ablations(self, words: str) -> None:
        """``words``: the switched-off channels in words ('' when none: the badge hides)."""
        self.badge_row.setVisible(bool(words))
        self.ablation_badge.setText(self.tr("Ablation on \u2014 switched off: {0}").format(words))

    def set_caption_scale(self, scale: float) -> None:
        base = QApplication.font()
        for label in (self.caption, self.ablation_badge):
            f = QFont(label.font())
            if base.pointSizeF() > 0:
                f.setPointSizeF(base.pointSizeF() * scale)
            else:
                f.setPixelSize(round(base.pixelSize() * scale))
            label.setFont(f)


class VariationPage(QWidget):
    """What the noise inputs change: ``compute_requested(draws)`` when Compute is clicked."""

    compute_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = QWidget()
        v = QVBoxLayout(bar)
        h = QHBoxLayout()
        self.draws = QSpinBox()
        self.draws.setRange(2, 256)
        self.draws.setValue(16)
        self.draws.setToolTip(self.tr(
            "How many pictures with different random noise (same w) to compare; more draws = a steadier map"))
        self.button = QPushButton(self.tr("Compute"))
        self.button.setToolTip(self.tr(
            "Render the current picture with many noise draws and show how much each pixel varies"))
        self.button.clicked.connect(lambda: self.compute_requested.emit(self.draws.value()))
        h.addWidget(QLabel(self.tr("Noise draws")))
        h.addWidget(self.draws)
        h.addWidget(self.button)
        h.addStretch(1)
        self.scale = QLabel(self.tr(
            "Bright = what the noise inputs change; the colour bar gives the scale in pixel levels (0\u2013255)."))
        self.scale.setWordWrap(True)
        v.addLayout(h)
        v.addWidget(self.scale)
        self.view = ImageView()
        _with_bar(bar, self.view, self)
        self.reset()

    def reset(self) -> None:
        self.view.set_placeholder(self.tr("Click Compute to see what the noise inputs change."))

    def show_result(self, picture, what: str, draws: int, vmax: float) -> None:
        self.view.set_image(picture)
        self.scale.setText(self.tr("{0}: per-pixel standard deviation over {1} noise draws; the largest is {2:.2f} pixel levels (of 255). Bright = what the noise inputs change.").format(what, draws, vmax))


class GridPage(QWidget):
    """The style-mixing grid: row and column seeds, Compute, and a progress bar with Cancel while it runs."""

    compute_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = QWidget()
        v = QVBoxLayout(bar)
        h = QHBoxLayout()
        self.rows, self.cols = QLineEdit("85,100,75"), QLineEdit("55,821,1789,293")
        self.rows.setToolTip(self.tr("Seeds of the rows (e.g. 85,100,75): each row keeps its own seed's other layers"))
        self.cols.setToolTip(self.tr("Seeds of the columns: their styles go into the chosen layers of each row"))
        self.button = QPushButton(self.tr("Compute"))
        self.button.setToolTip(self.tr("Build the grid with the layer range of 'Style mixing' on the left"))
        for signal in (self.button.clicked, self.rows.returnPressed, self.cols.returnPressed):
            signal.connect(lambda *_: self.compute_requested.emit())
        h.addWidget(QLabel(self.tr("Row seeds")))
        h.addWidget(self.rows)
        h.addWidget(QLabel(self.tr("Column seeds")))
        h.addWidget(self.cols)
        h.addWidget(self.button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setToolTip(self.tr("How many of the grid's pictures are drawn"))
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Stop building the grid"))
        self.cancel.clicked.connect(self.cancel_requested)
        for b in (self.progress, self.cancel):
            b.setVisible(False)
            h.addWidget(b)
        self.jobs = 0
        self.legend = BandLegend()
        v.addLayout(h)
        v.addWidget(self.legend)
        self.view = ImageView()
        _with_bar(bar, self.view, self)
        self.reset()

    def reset(self) -> None:
        self.view.set_placeholder(self.tr("Type row and column seeds, then click Compute."))

    def busy(self, step: int) -> None:
        """Grid jobs in flight: while any is, the progress bar and Cancel show and Compute waits."""
        self.jobs = max(0, self.jobs + step)
        on = self.jobs > 0
        if step > 0:
            self.progress.setValue(0)
        self.progress.setVisible(on)
        self.cancel.setVisible(on)
        self.button.setEnabled(not on)


class LayersPage(QWidget):
    """Feature maps of one layer; typed or clicked channels are switched off (per layer)."""

    refresh_requested = Signal()               # another layer, first channel or normalisation
    ablation_typed = Signal(str, object)      # (layer, channels)
    channel_toggled = Signal(str, int)         # (layer, channel)
    bad_input = Signal(str)                    # one sentence for the status bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = QWidget()
        self.layer_combo = QComboBox()
        self.layer_combo.setMinimumContentsLength(18)
        self.layer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.layer_combo.setToolTip(self.tr("Which layer's output (feature maps) to show"))
        self.first = QSpinBox()
        self.first.setRange(0, 4096)
        self.first.setSingleStep(16)
        self.first.setToolTip(self.tr("The first of the 16 channels shown"))
        self.norm = QCheckBox(self.tr("Normalise each channel"))
        self.norm.setToolTip(self.tr("On: each map stretched to its own darkest\u2013brightest; off: one scale for all (grey = 0). Switched-off channels are black either way"))
        self.norm.setChecked(True)
        self.ablate_edit = QLineEdit()
        self.ablate_edit.setPlaceholderText(self.tr("e.g. 0-7,12"))
        self.ablate_edit.setToolTip(self.tr("Channels of the selected layer to set to zero (ablation), e.g. 0-7,12; press Enter. Each layer keeps its own list; clear the field to switch that layer's channels back on"))
        self.channels = QLabel()
        self.channels.setWordWrap(True)
        self.ablation_list = QLabel()
        self.ablation_list.setWordWrap(True)
        g = QGridLayout(bar)
        g.addWidget(QLabel(self.tr("Layer")), 0, 0)
        g.addWidget(self.layer_combo, 0, 1)
        g.addWidget(QLabel(self.tr("First channel")), 0, 2)
        g.addWidget(self.first, 0, 3)
        g.addWidget(QLabel(self.tr("Switch off channels")), 1, 0)
        g.addWidget(self.ablate_edit, 1, 1)
        g.addWidget(self.norm, 1, 2, 1, 2)
        g.addWidget(self.channels, 2, 0, 1, 4)
        g.addWidget(self.ablation_list, 3, 0, 1, 4)
        g.setColumnStretch(1, 1)
        self.view = ChannelTiles()
        _with_bar(bar, self.view, self)
        self._off: dict[str, tuple[int, ...]] = {}   # each layer's switched-off channels, as last shown
        self.layer_combo.currentIndexChanged.connect(self._layer_changed)
        self.first.valueChanged.connect(lambda _: self.refresh_requested.emit())
        self.norm.toggled.connect(lambda _: self.refresh_requested.emit())
        self.ablate_edit.editingFinished.connect(self._typed)
        self.view.toggled.connect(self._clicked)

    def layer(self) -> str:
        return self.layer_combo.currentText()

    def set_layers(self, layers: list[str]) -> None:
        with quiet(self.layer_combo):
            self.layer_combo.clear()
            self.layer_combo.addItems(layers)
        self.ablate_edit.clear()

    def show_ablations(self, ablations: tuple, words: str) -> None:
        """The switch-offs of every layer: select a layer that has some, and show the selected layer's."""
        self._off = dict(ablations)
        if ablations and self.layer() not in self._off:
            with quiet(self.layer_combo):
                self.layer_combo.setCurrentIndex(max(0, self.layer_combo.findText(ablations[0][0])))
        self._show_channels(self._off.get(self.layer(), ()))
        self.ablation_list.setText(self.tr("Switched off: {0}").format(words) if words else
                                   self.tr("No channels switched off."))

    def show_tiles(self, picture, total: int, first: int, off: list[int]) -> None:
        self.view.set_tiles(picture, list(range(first, min(total, first + 16))), set(off))
        text = self.tr("{0} channels in this layer; showing {1}\u2013{2}").format(total, first, min(total, first + 16) - 1)
        if off:
            text += "; " + self.tr("channels {0} switched off (black)").format(ranges_text(off, "\u2013"))
        self.channels.setText(text)

    def _show_channels(self, channels: tuple[int, ...]) -> None:
        """The switched-off channels of the selected layer, unless the field already says them as typed."""
        text = self.ablate_edit.text().strip()
        try:
            typed = tuple(sorted(set(parse_int_list(text)))) if text else ()
        except ValueError:
            typed = None
        if typed != tuple(channels):
            self.ablate_edit.setText(ranges_text(channels))

    def _layer_changed(self, *_: object) -> None:
        """Show the selected layer's own switch-offs (they stay with their layer)."""
        self.ablate_edit.setText(ranges_text(self._off.get(self.layer(), ())))
        self.refresh_requested.emit()

    def _typed(self) -> None:
        layer, text = self.layer(), self.ablate_edit.text().strip()
        if not layer:
            return
        try:
            channels = tuple(parse_int_list(text)) if text else ()
        except ValueError:
            self.bad_input.emit(self.tr("Channels to switch off must look like 0-7,12"))
            return
        self.ablation_typed.emit(layer, channels)

    def _clicked(self, channel: int) -> None:
        """A click on a tile switches its channel off, or back on."""
        if self.layer():
            self.channel_toggled.emit(self.layer(), int(channel))


class ExplorerViews(QTabWidget):
    """The four view pages as tabs; tabs that need a style-based generator say why they are off."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = ImagePage()
        self.variation = VariationPage()
        self.grid = GridPage()
        self.layers = LayersPage()
        self.addTab(self.image, self.tr("Image"))
        self.addTab(self.variation, self.tr("Stochastic variation"))
        self.addTab(self.grid, self.tr("Mixing grid"))
        self.addTab(self.layers, self.tr("Layers"))
        self._tips = {
            IMAGE: self.tr("The picture the generator makes from the settings on the left"),
            VARIATION: self.tr("What the noise inputs change: per-pixel standard deviation over many noise draws"),
            GRID: self.tr("Style mixing: each row's seed takes the chosen layers from each column's seed"),
            LAYERS: self.tr("The feature maps inside one layer of the generator; switch channels off to see their job"),
        }
        for i, tip in self._tips.items():
            self.setTabToolTip(i, tip)

    def set_style(self, style: bool, why: str) -> None:
        for tab in (VARIATION, GRID):
            self.setTabEnabled(tab, style)
            self.setTabToolTip(tab, self._tips[tab] if style else why)
        if not style and self.currentIndex() in (VARIATION, GRID):
            self.setCurrentIndex(IMAGE)

    def set_zoom(self, zoom: int | str) -> None:
        for view in (self.image.image_view, self.variation.view, self.grid.view, self.layers.view):
            view.set_zoom(zoom)

    def show_view(self, index: int) -> None:
        """The state's view tab (its currentChanged then repeats what the state says: no new edit)."""
        if self.currentIndex() != index:
            self.setCurrentIndex(index)
