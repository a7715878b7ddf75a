"""The Explore tab's latent groups: z sliders, principal directions of w, the seed grid, A − B + C and
the latent walk. Each owns its widgets, reports edits as typed signals and shows only what changed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ganexplorer.app.explorer_state import PCA, W_SIGMA_RANGE, Z_SLIDER_RANGE, ExplorerState
from ganexplorer.core.render.blend import blend_position
from ganexplorer.gui.common.widgets import FloatSlider, SeedBox
from ganexplorer.gui.explore.directions.set_sliders import DirectionSetSliders
from ganexplorer.gui.explore.layer_range import BandLegend, LayerRange
from ganexplorer.gui.explore.seed_pad import SeedPad
from ganexplorer.gui.explore.state_diff import differs, set_quietly
from ganexplorer.gui.explore.walk_panel import WalkControls

N_Z_SLIDERS = 8
N_DIRECTIONS = 8


class ZSliders(QGroupBox):
    """Offsets added to the first coordinates of the seed's z."""

    FIELDS = ("z_offsets",)   # the state fields it shows

    offset_changed = Signal(int, float)
    reset_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("z sliders"))
        grid = QGridLayout(self)
        self.sliders: list[FloatSlider] = []
        tip = self.tr("Adds an offset to one coordinate of the seed's z (z itself is a standard normal vector, so \u00b13 is a big move); 0 = the seed's own z")
        for i in range(N_Z_SLIDERS):
            s = FloatSlider(*Z_SLIDER_RANGE, 0.05, 0.0, "{:+.2f}")
            s.setToolTip(tip)
            s.valueChanged.connect(lambda v, i=i: self.offset_changed.emit(i, float(v)))
            grid.addWidget(QLabel(f"z[{i}]"), i, 0)
            grid.addWidget(s, i, 1)
            self.sliders.append(s)
        self.reset = QPushButton(self.tr("Reset z"))
        self.reset.clicked.connect(self.reset_requested)
        grid.addWidget(self.reset, N_Z_SLIDERS, 1)

    def set_z_dim(self, z_dim: int) -> None:
        for i, s in enumerate(self.sliders):
            s.setEnabled(i < z_dim)

    def show_state(self, s: ExplorerState, old: ExplorerState | None) -> None:
        if not differs(s, old, "z_offsets"):
            return
        values = dict(s.z_offsets)
        for i, slider in enumerate(self.sliders):
            if slider.value() != values.get(i, 0.0):
                set_quietly(slider, slider.setValue, values.get(i, 0.0))


class WDirections(QGroupBox):
    """Sliders along the model's principal directions of w (or z), in σ, on a layer range."""

    FIELDS = ("w_start", "w_end", "w_edits")   # the state fields it shows

    edit_changed = Signal(int, float)        # (component, sigmas)
    range_changed = Signal(int, int)
    reset_requested = Signal()
    compute_requested = Signal()             # compute the directions again (after a Cancel or a failure)
    cancel_requested = Signal()              # stop computing them

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("w directions (principal components, in \u03c3)"))
        grid = QGridLayout(self)
        self.sliders: list[FloatSlider] = []
        self.status = QLabel(self.tr("Computed in the background after a model loads."))
        self.status.setWordWrap(True)
        grid.addWidget(self.status, 0, 0, 1, 2)
        busy = QWidget()
        h = QHBoxLayout(busy)
        h.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setToolTip(self.tr("How many of the sampled ws are mapped so far"))
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Stop computing the principal directions (the sliders stay off)"))
        self.compute = QPushButton(self.tr("Compute"))
        self.compute.setToolTip(self.tr("Compute the principal directions of this model"))
        for w in (self.progress, self.cancel, self.compute):
            h.addWidget(w)
        self.cancel.clicked.connect(self.cancel_requested)
        self.compute.clicked.connect(self.compute_requested)
        self.busy_row = busy
        grid.addWidget(busy, 1, 0, 1, 2)
        self.show_busy(None)
        busy.setVisible(False)
        for i in range(N_DIRECTIONS):
            s = FloatSlider(*W_SIGMA_RANGE, 0.1, 0.0, "{:+.1f}")
            s.valueChanged.connect(lambda v, i=i: self.edit_changed.emit(i, float(v)))
            grid.addWidget(QLabel(f"PC{i}"), i + 2, 0)
            grid.addWidget(s, i + 2, 1)
            self.sliders.append(s)
        self.range = LayerRange()
        self.w_start, self.w_end = self.range.start, self.range.end
        self.range_label = QLabel(self.tr("Layers [a, b)"))
        grid.addWidget(self.range_label, N_DIRECTIONS + 2, 0)
        grid.addWidget(self.range, N_DIRECTIONS + 2, 1)
        self.band = QLabel()
        self.band.setWordWrap(True)
        grid.addWidget(self.band, N_DIRECTIONS + 3, 1)
        self.legend = BandLegend()
        grid.addWidget(self.legend, N_DIRECTIONS + 4, 0, 1, 2)
        self.reset = QPushButton(self.tr("Reset w"))
        grid.addWidget(self.reset, N_DIRECTIONS + 5, 1)
        self.range.range_changed.connect(self.range_changed)
        self.reset.clicked.connect(self.reset_requested)
        self.set_style(True, "")

    def set_model(self, num_ws: int, style: bool, why: str) -> None:
        """A new model: the range boxes fit it, and the sliders wait for its directions."""
        self.range.set_count(num_ws)
        for s in self.sliders:
            s.setEnabled(False)
        self.set_style(style, why)

    def computing(self) -> None:
        """The directions are being computed: a progress bar and Cancel show until they arrive."""
        self.status.setText(self.tr("Computing principal directions of w\u2026"))
        self.busy_row.setVisible(True)
        self.show_busy(0.0)

    def show_busy(self, fraction: float | None) -> None:
        """``fraction`` done (progress bar and Cancel), or None: nothing running (Compute offered instead)."""
        running = fraction is not None
        self.progress.setVisible(running)
        self.cancel.setVisible(running)
        self.compute.setVisible(not running)
        if running:
            self.progress.setValue(round(100 * fraction))

    def stopped(self, words: str) -> None:
        """Cancelled or failed: say so; Compute starts again."""
        self.show_busy(None)
        self.busy_row.setVisible(True)
        self.status.setText(words)

    def set_directions(self, count: int, words: str) -> None:
        """The directions arrived: one slider per direction, and what they are in words."""
        for i, s in enumerate(self.sliders):
            s.setEnabled(i < count)
        self.status.setText(words)
        self.show_busy(None)
        self.busy_row.setVisible(False)

    def set_style(self, style: bool, why: str) -> None:
        """A DCGAN has no w: its directions and reset speak of z, and the w layer range is hidden."""
        if style:
            self.setTitle(self.tr("w directions (principal components, in \u03c3)"))
            tip = self.tr("Moves w along a principal direction of many sampled ws, in standard deviations (\u03c3) of w along it: \u00b12\u03c3 stays among typical pictures, \u00b15\u03c3 is extreme. PC0 is the direction w varies most")
            self.reset.setText(self.tr("Reset w"))
        else:
            self.setTitle(self.tr("z directions (principal components, in \u03c3)"))
            tip = self.tr("Moves z along a principal direction of many sampled zs, in standard deviations (\u03c3) along it: \u00b12\u03c3 stays among typical pictures, \u00b15\u03c3 is extreme. PC0 is the direction z varies most")
            self.reset.setText(self.tr("Reset directions"))
        for s in self.sliders:
            s.setToolTip(tip)
        self.range.setEnabled(style)
        self.range.set_tips(self.tr("Which w layers the direction moves [a, b)") if style else why)
        for w in (self.range_label, self.range, self.band, self.legend):
            w.setVisible(style)

    def show_state(self, s: ExplorerState, old: ExplorerState | None) -> None:
        if differs(s, old, "w_start", "w_end"):
            self.range.show_range(s.w_start, s.w_end)
        if not differs(s, old, "w_edits"):
            return
        values = {e.component: e.sigmas for e in s.w_edits if e.set_name == PCA}
        for i, slider in enumerate(self.sliders):
            if slider.value() != values.get(i, 0.0):
                set_quietly(slider, slider.setValue, values.get(i, 0.0))


class DirectionSetsGroup(QGroupBox):
    """The sliders of the state's named direction sets (SeFa, labels, files: ``sets``, helper F's widget, whose
    ``edit_changed`` / ``remove_requested`` the panel routes), shown only when the sets or their edits change."""

    FIELDS = ("direction_sets", "w_edits")   # the state fields it shows

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Direction sets (in \u03c3)"))
        v = QVBoxLayout(self)
        self.sets = DirectionSetSliders()
        v.addWidget(self.sets)
        self.num_ws = 0

    def show_state(self, s: ExplorerState, old: ExplorerState | None) -> None:
        if differs(s, old, "direction_sets", "w_edits"):
            self.sets.show_state(s, self.num_ws)


class PadGroup(QGroupBox):
    """The seed grid: dragging blends the ws of the four nearest seeds."""

    FIELDS = ("seed", "blend", "source")   # the state fields it shows

    blend_changed = Signal(object)           # ((seed, weight), ...)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Seed grid (drag to blend w)"))
        v = QVBoxLayout(self)
        self.pad = SeedPad()
        self.pad.setToolTip(self.tr("Each dot is a seed. Drag between dots: the picture's w is the weighted average of the four nearest seeds' ws, so you see how the generator fills the space between them"))
        v.addWidget(self.pad)
        self.pad.moved.connect(lambda blend: self.blend_changed.emit(tuple(blend)))

    def show_state(self, s: ExplorerState, old: ExplorerState | None) -> None:
        if differs(s, old, "seed"):
            self.pad.set_base(s.seed)
        if differs(s, old, "seed", "blend", "source") and s.source == ("pad",):
            dot = blend_position(s.blend, s.seed, self.pad.columns)
            if dot is not None:
                self.pad.show_position(*dot)


class ArithGroup(QGroupBox):
    """Vector arithmetic in w: the seeds A, B, C and the button that shows A − B + C."""

    FIELDS = ("arith",)   # the state fields it shows

    seeds_changed = Signal(object)           # (a, b, c)
    show_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Vector arithmetic in w"))
        f = QFormLayout(self)
        self.boxes = [SeedBox(v) for v in (1, 2, 3)]
        tips = (self.tr("A: the seed to start from"), self.tr("B: the seed whose features are taken away (\u2212B)"),
                self.tr("C: the seed whose features are added (+C)"))
        for name, box, tip in zip("ABC", self.boxes, tips):
            box.setToolTip(tip)
            box.valueChanged.connect(lambda _: self.seeds_changed.emit(tuple(b.value() for b in self.boxes)))
            f.addRow(name, box)
        self.button = QPushButton(self.tr("Show A \u2212 B + C"))
        self.button.setToolTip(self.tr(
            "Shows w(A) \u2212 w(B) + w(C): if B and C differ in one feature (e.g. thickness), A gets that change"))
        self.button.clicked.connect(self.show_requested)
        f.addRow(self.button)

    def show_state(self, s: ExplorerState, old: ExplorerState | None) -> None:
        if differs(s, old, "arith"):
            for box, v in zip(self.boxes, s.arith):
                if box.value() != v:
                    set_quietly(box, box.setValue, v)


class WalkGroup(QGroupBox):
    """The latent walk's controls (``walk``: their signals go straight to the panel)."""

    FIELDS = ("walk",)   # the state fields it shows

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Latent walk"))
        v = QVBoxLayout(self)
        self.walk = WalkControls()
        v.addWidget(self.walk)

    def show_state(self, s: ExplorerState, old: ExplorerState | None) -> None:
        if differs(s, old, "walk"):
            self.walk.show_settings(s.walk)
