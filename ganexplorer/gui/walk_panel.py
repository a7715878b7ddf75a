"""Latent walk: keyframe seeds, slerp in z or lerp in w, speed, loop, play/pause, export."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QPushButton,
                               QSpinBox, QWidget)

from ganexplorer.core.render.latents import parse_int_list, walk_positions


class WalkControls(QWidget):
    """Emits ``frame(seeds, i, j, t, space)`` on each tick while playing, ``export(path)`` on request."""

    frame = Signal(object, int, int, float, str)
    export = Signal(str, object, str, int, int)   # (path, seeds, space, frames, fps)
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        f = QFormLayout(self)
        self.seeds = QLineEdit("0,1,2")
        self.space = QComboBox()
        self.space.addItem(self.tr("w (linear)"), "w")
        self.space.addItem(self.tr("z (spherical)"), "z")
        self.frames = QSpinBox()
        self.frames.setRange(2, 2000)
        self.frames.setValue(60)
        self.fps = QSpinBox()
        self.fps.setRange(1, 60)
        self.fps.setValue(15)
        self.loop = QCheckBox(self.tr("Loop"))
        self.loop.setChecked(True)
        buttons = QWidget()
        h = QHBoxLayout(buttons)
        h.setContentsMargins(0, 0, 0, 0)
        self.play = QPushButton(self.tr("Play"))
        self.play.setCheckable(True)
        self.play.toggled.connect(self._toggle)
        exp = QPushButton(self.tr("Export GIF/MP4\u2026"))
        exp.clicked.connect(self._export_dialog)
        h.addWidget(self.play)
        h.addWidget(exp)
        f.addRow(self.tr("Keyframe seeds"), self.seeds)
        f.addRow(self.tr("Space"), self.space)
        f.addRow(self.tr("Frames per loop"), self.frames)
        f.addRow(self.tr("Speed (frames/s)"), self.fps)
        f.addRow(self.loop)
        f.addRow(buttons)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.step)
        self.index = 0

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
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export latent walk"), "walk.gif",
                                              self.tr("Animations (*.gif *.mp4)"))
        if path:
            self.export.emit(path, seeds, self.space.currentData(), self.frames.value(), self.fps.value())
