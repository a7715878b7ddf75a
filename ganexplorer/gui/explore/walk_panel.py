"""Latent walk: keyframe seeds, slerp in z or lerp in w, speed, loop, play/pause, export."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ganexplorer.app.explorer_state import EXPORT_SIDE_RANGE, WALK_FPS_RANGE, WALK_FRAMES_RANGE, WalkSettings
from ganexplorer.core.render.latents import parse_int_list, walk_positions
from ganexplorer.core.render.video import mp4_problem
from ganexplorer.gui.explore.state_diff import quiet

DEFAULT_EXPORT_SIDE = 512   # shorter side of exported clips: big enough for a slide


class WalkControls(QWidget):
    """Emits ``frame(seeds, i, j, t, space)`` on each tick while playing, ``export(...)`` on request, and one
    typed signal per setting the user edits (the walk's part of the Explore tab's state)."""

    frame = Signal(object, int, int, float, str)
    export = Signal(str, object, str, int, int, int)   # (path, seeds, space, frames, fps, min_side)
    message = Signal(str)
    seeds_changed = Signal(str)
    space_changed = Signal(str)
    frames_changed = Signal(int)
    fps_changed = Signal(int)
    loop_changed = Signal(bool)
    export_side_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        f = QFormLayout(self)
        self.seeds = QLineEdit("0,1,2")
        self.seeds.setToolTip(self.tr(
            "The walk visits these seeds in turn and loops back to the first, e.g. 0,1,2 or 10-14"))
        self.space = QComboBox()
        self.space.addItem(self.tr("w (linear)"), "w")
        self.space.addItem(self.tr("z (spherical)"), "z")
        self.space.setToolTip(self.tr("w: straight lines between the seeds' ws (smooth in a style-based generator); z: arcs on the sphere where Gaussian z lives (slerp), the usual choice for z"))
        self.frames = QSpinBox()
        self.frames.setRange(*WALK_FRAMES_RANGE)
        self.frames.setValue(60)
        self.frames.setToolTip(self.tr("Frames for one loop through all the keyframe seeds"))
        self.fps = QSpinBox()
        self.fps.setRange(*WALK_FPS_RANGE)
        self.fps.setValue(15)
        self.fps.setToolTip(self.tr("Playback speed here and in the exported clip"))
        self.loop = QCheckBox(self.tr("Loop"))
        self.loop.setChecked(True)
        self.loop.setToolTip(self.tr("Start again from the first seed at the end"))
        self.export_size = QSpinBox()
        self.export_size.setRange(*EXPORT_SIDE_RANGE)
        self.export_size.setSingleStep(64)
        self.export_size.setValue(DEFAULT_EXPORT_SIDE)
        self.export_size.setSuffix(" px")
        self.export_size.setKeyboardTracking(False)
        self.export_size.setToolTip(self.tr("Shorter side of the exported clip; small models are enlarged by a whole factor (nearest neighbour) so the pixels stay crisp on a projector"))
        buttons = QWidget()
        h = QHBoxLayout(buttons)
        h.setContentsMargins(0, 0, 0, 0)
        self.play = QPushButton(self.tr("Play"))
        self.play.setCheckable(True)
        self.play.toggled.connect(self._toggle)
        self.play.setToolTip(self.tr("Play the walk in the Image view (the caption shows the frame number)"))
        self.export_button = QPushButton(self.tr("Export GIF/MP4\u2026"))
        self.export_button.setToolTip(self.tr("Render one loop of the walk to a GIF or MP4 file at the size below"))
        self.export_button.clicked.connect(self._export_dialog)
        h.addWidget(self.play)
        h.addWidget(self.export_button)
        f.addRow(self.tr("Keyframe seeds"), self.seeds)
        f.addRow(self.tr("Space"), self.space)
        f.addRow(self.tr("Frames per loop"), self.frames)
        f.addRow(self.tr("Speed (frames/s)"), self.fps)
        f.addRow(self.loop)
        f.addRow(self.tr("Export size"), self.export_size)
        f.addRow(buttons)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.step)
        self.index = 0
        self.seeds.textChanged.connect(self.seeds_changed)
        self.space.currentIndexChanged.connect(lambda _: self.space_changed.emit(self.space.currentData() or "w"))
        self.frames.valueChanged.connect(lambda v: self.frames_changed.emit(int(v)))
        self.fps.valueChanged.connect(lambda v: self.fps_changed.emit(int(v)))
        self.loop.toggled.connect(lambda on: self.loop_changed.emit(bool(on)))
        self.export_size.valueChanged.connect(lambda v: self.export_side_changed.emit(int(v)))

    def show_settings(self, k: WalkSettings) -> None:
        """Show saved walk settings without reporting them back; only widgets that differ are set."""
        with quiet(self.seeds, self.space, self.frames, self.fps, self.loop, self.export_size):
            if self.seeds.text() != k.seeds:
                self.seeds.setText(k.seeds)
            if self.space.currentData() != k.space:
                self.space.setCurrentIndex(max(0, self.space.findData(k.space)))
            for box, v in ((self.frames, k.frames), (self.fps, k.fps), (self.export_size, k.export_side)):
                if box.value() != v:
                    box.setValue(v)
            if self.loop.isChecked() != k.loop:
                self.loop.setChecked(k.loop)

    def keyframes(self) -> list[int] | None:
        try:
            seeds = parse_int_list(self.seeds.text())
        except ValueError as e:
            self.message.emit(str(e))
            return None
        if len(seeds) < 2:
            self.message.emit(self.tr("A walk needs at least two keyframe seeds."))
            return None
        return seeds

    def _toggle(self, on: bool) -> None:
        if on and self.keyframes() is None:
            self.play.setChecked(False)
            return
        self.play.setText(self.tr("Pause") if on else self.tr("Play"))
        if on:
            self._timer.start(int(1000 / self.fps.value()))
        else:
            self._timer.stop()

    def step(self) -> None:
        seeds = self.keyframes()
        if seeds is None:
            self.play.setChecked(False)
            return
        pos = walk_positions(len(seeds), self.frames.value())
        if self.index >= len(pos):
            if not self.loop.isChecked():
                self.play.setChecked(False)
                self.index = 0
                return
            self.index = 0
        i, j, t = pos[self.index]
        self.index += 1
        self.frame.emit(seeds, i, j, t, self.space.currentData())

    def _export_dialog(self) -> None:
        seeds = self.keyframes()
        if seeds is None:
            return
        mp4 = mp4_problem() is None   # offer MP4 only where it can be written (checked before rendering)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export latent walk"), "walk.gif",
                                              self.tr("Animations (*.gif *.mp4)") if mp4 else self.tr("GIF (*.gif)"))
        if path and not mp4 and path.lower().endswith(".mp4"):
            path = path[:-4] + ".gif"   # typed by hand: what this copy can write
        if path:
            self.export.emit(path, seeds, self.space.currentData(), self.frames.value(), self.fps.value(),
                             self.export_size.value())
