"""Explore ▸ Project image…: the target beside the generator's attempt, converging live.

The projection runs on a thread of its own (``background.Runner``) with its own copy of the
generator (core's ``Projector`` deep-copies it), so the Explore tab keeps rendering; events
reach the UI thread through the runner's queue. Only when the projection ends does the
projected latent become the Explore tab's picture (``ExplorerController.set_projected``):
Cancel leaves the state exactly as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFileDialog, QGridLayout, QHBoxLayout, QLabel,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)

from ganexplorer.gui.common.background import Cancelled, Runner, describe
from ganexplorer.gui.common.core_text import translate_core
from ganexplorer.gui.common.image_view import qimage_from_rgb
from ganexplorer.gui.explore.projection.drawing_pad import PAD_SIDE, DrawingPad

PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff")
VIEW = PAD_SIDE
DRAW_MAX_RESOLUTION = 64   # the pad is offered for small models (the bundled digits)


def is_picture(path: str | Path) -> bool:
    """Whether a dropped or opened file is a picture to project rather than a checkpoint."""
    return Path(path).suffix.lower() in PICTURE_SUFFIXES



class SparseLogAxis(pg.AxisItem):
    """A log axis labelled at 1, 2 and 5 times a power of ten only: pyqtgraph labels every minor tick of a
    short log range (0.9 0.8 0.7 ... on top of each other on a small plot)."""

    def logTickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph's name)
        strings = super().logTickStrings(values, scale, spacing)
        return [t if f"{10 ** v:.0e}"[0] in "125" else "" for v, t in zip(values, strings)]

class ProjectDialog(QDialog):
    """Made for the Explore panel ``panel`` (its ``model`` and ``controller``)."""

    def __init__(self, panel: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel, self.model = panel, panel.model
        self.setWindowTitle(self.tr("Project image"))
        self.runner = Runner("project")
        self.task: Any = None
        self.target: Any = None
        self.curves: dict[Any, list[float]] = {}   # the distance curve of each class's attempt (one if not tried)
        self.trial_steps = 0
        self.winner_said = False
        self.result: Any = None
        m = self.model
        self.target_view, self.attempt_view = QLabel(), QLabel()
        for v in (self.target_view, self.attempt_view):
            v.setFixedSize(VIEW, VIEW)
            v.setAlignment(Qt.AlignmentFlag.AlignCenter)
            v.setStyleSheet("background: #202020; color: #bbbbbb")
        self.target_view.setText(self.tr("Open a picture\nor draw one"))
        self.pad = DrawingPad()
        self.pad.drawn.connect(self._drawn)
        self.pad.setVisible(False)
        self.plot = pg.PlotWidget(axisItems={"left": SparseLogAxis("left")})
        self.plot.setMinimumHeight(140)
        self.plot.setLabel("left", self.tr("distance"))
        self.plot.setLabel("bottom", self.tr("step"))
        self.plot.setLogMode(y=True)
        self.curve = self.plot.plot(pen=pg.mkPen("#e0a030", width=2))
        self.step_label, self.notes_label = QLabel(), QLabel()
        self.notes_label.setWordWrap(True)
        # room for the step line and a two-line result from the start: filled in later, they would otherwise
        # squeeze the plot over the pictures (or be cut) in a dialog opened at its minimum height
        lines = self.notes_label.fontMetrics().lineSpacing()
        self.step_label.setMinimumHeight(lines)
        self.notes_label.setMinimumHeight(2 * lines)
        self.space = QComboBox()
        if m.is_style_based:
            self.space.addItem(self.tr("w: one vector, stays editable"), "w")
            self.space.addItem(self.tr("w+: one per layer, closer, less editable"), "w+")
        else:
            self.space.addItem(self.tr("z: this model's only latent"), "z")
        self.steps = QSpinBox()
        self.steps.setRange(1, 5000)
        from ganexplorer.core.project.projector import DEFAULT_STEPS

        self.steps.setValue(DEFAULT_STEPS)
        self.noise = QCheckBox(self.tr("Optimise noise too"))
        self.noise.setEnabled(m.is_style_based)
        self.label = QComboBox()
        self.label.addItem(self.tr("try each class"), None)
        for c in range(m.c_dim):
            self.label.addItem(str(c), c)
        self.label.setVisible(bool(m.c_dim))
        self.open_btn = QPushButton(self.tr("Open picture\u2026"))
        self.open_btn.clicked.connect(self.choose_file)
        self.draw_btn = QPushButton(self.tr("Draw"))
        self.draw_btn.setCheckable(True)
        self.draw_btn.toggled.connect(self._toggle_pad)
        self.draw_btn.setVisible(m.resolution <= DRAW_MAX_RESOLUTION)
        self.clear_btn = QPushButton(self.tr("Clear"))
        self.clear_btn.clicked.connect(self.pad.clear)
        self.clear_btn.setVisible(False)
        self.project_btn = QPushButton(self.tr("Project"))
        self.project_btn.clicked.connect(self.start)
        self.project_btn.setEnabled(False)
        self.cancel_btn = QPushButton(self.tr("Cancel"))
        self.cancel_btn.clicked.connect(self.cancel)
        self.cancel_btn.setEnabled(False)
        self._layout()

    def _layout(self) -> None:
        pics = QGridLayout()
        pics.addWidget(QLabel(self.tr("Target")), 0, 0)
        pics.addWidget(QLabel(self.tr("The generator's attempt")), 0, 1)
        pics.addWidget(self.target_view, 1, 0)
        pics.addWidget(self.pad, 1, 0)
        pics.addWidget(self.attempt_view, 1, 1)
        opts = QHBoxLayout()
        for w in (QLabel(self.tr("Space")), self.space, QLabel(self.tr("Steps")), self.steps, self.noise, self.label):
            opts.addWidget(w)
        opts.addStretch(1)
        buttons = QHBoxLayout()
        for b in (self.open_btn, self.draw_btn, self.clear_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.project_btn)
        buttons.addWidget(self.cancel_btn)
        lay = QVBoxLayout(self)
        lay.addLayout(pics)
        lay.addWidget(self.plot)
        lay.addWidget(self.step_label)
        lay.addWidget(self.notes_label)
        lay.addLayout(opts)
        lay.addLayout(buttons)

    # -- the target -----------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a picture to project"), "",
                                              self.tr("Pictures (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff)"
                                                      ";;All files (*)"))
        if path:
            self.open_picture(path)

    def open_picture(self, path: str | Path) -> bool:
        """Read ``path`` as the target (one sentence if it cannot be); the previous target stays on failure."""
        from ganexplorer.core.project.target import load_target

        try:
            target = load_target(path, self.model.resolution, self.model.channels)
        except ValueError as e:
            self._say(describe(e))
            return False
        self.draw_btn.setChecked(False)
        self._set_target(target)
        return True

    def _drawn(self, pixels: np.ndarray) -> None:
        from ganexplorer.core.project.target import prepare_target

        self._set_target(prepare_target(pixels, self.model.resolution, self.model.channels, self.tr("the drawing")),
                         said=False)
        self.start()   # let go and watch

    def _set_target(self, target: Any, said: bool = True) -> None:
        self.target = target
        self.target_view.setPixmap(self._pixmap(target.rgb()))
        self.project_btn.setEnabled(self.task is None)
        self._say("; ".join(translate_core(n) for n in target.notes) if said and target.notes else "")

    def _toggle_pad(self, on: bool) -> None:
        self.pad.setVisible(on)
        self.target_view.setVisible(not on)
        self.clear_btn.setVisible(on)

    # -- running --------------------------------------------------------------------------------
    def start(self) -> None:
        """Project the current target with the chosen settings (a running projection is cancelled first)."""
        from ganexplorer.core.project.projector import ProjectSettings, Projector

        if self.target is None:
            return
        if self.task is not None:
            self.task.cancel()
        settings = ProjectSettings(space=self.space.currentData(), num_steps=self.steps.value(),
                                   optimize_noise=self.noise.isChecked(), label=self.label.currentData(),
                                   picture_every=max(1, min(10, self.steps.value() // 20)))
        self.curves = {}
        self.trial_steps, self.winner_said = settings.steps_per_trial, False
        self.curve.setData([], [])
        model, target, runner = self.model, self.target.tensor(), self.runner

        def work(task: Any) -> Any:
            last = None
            for ev in Projector(model, target, settings).run(task.cancelled):
                runner.post(lambda ev=ev, task=task: self._show(ev, task))
                last = ev if ev.done else last
            if last is None:
                raise Cancelled()
            return last

        self.task = task = runner.submit(work, what="project", done=lambda ev: self._finished(ev, task),
                                         failed=lambda e: self._failed(e, task),
                                         cancelled=lambda: self._ended(task, self.tr("Cancelled: the picture is "
                                                                                     "as it was.")))
        self.cancel_btn.setEnabled(True)
        self.project_btn.setEnabled(False)
        self.step_label.setText(self.tr("Starting from the mean w\u2026") if self.model.is_style_based
                                else self.tr("Starting from z = 0\u2026"))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _show(self, ev: Any, task: Any) -> None:
        if task is not self.task:
            return
        seen = self.curves.setdefault(ev.label, [])
        if ev.step and ev.step > len(seen):
            seen.append(ev.distance)
            self.curve.setData(np.arange(1, len(seen) + 1), np.asarray(seen))
        if ev.picture is not None:
            self.attempt_view.setPixmap(self._pixmap(ev.picture))
        if ev.trial:
            text = self.tr("trying class {0} ({1} of {2}): step {3} of {4}").format(
                ev.label, ev.label + 1, self.model.c_dim, ev.step, self.trial_steps)
            if ev.step:
                text += self.tr(", distance {0:.4f}").format(ev.distance)
        else:
            text = self.tr("step {0} of {1}, distance {2:.4f}").format(ev.step, ev.num_steps, ev.distance) \
                if ev.step else self.tr("step 0 of {0}").format(ev.num_steps)
        if ev.tried and not self.winner_said:
            self.winner_said = True
            self._say(self.tr("Class {0} fits best after {1} steps each (distance {2:.4f}; the next best, class {3}, "
                              "{4:.4f}): finishing it.").format(ev.label, self.trial_steps, *self._runner_up(ev)))
        if ev.psnr is not None:
            text += self.tr(", PSNR {0:.1f} dB").format(ev.psnr)
        self.step_label.setText(text)

    def _finished(self, ev: Any, task: Any) -> None:
        if task is not self.task:
            return
        latent = ev.latent.tolist()
        try:
            self.panel.controller.set_projected(ev.space, tuple(tuple(r) for r in latent) if ev.space == "w+"
                                                else tuple(latent))
            if ev.label is not None:   # the class the projection drew with (the chosen one, or the trials' best)
                self.panel.controller.update(label=ev.label)
        except ValueError as e:
            self._ended(task, describe(e))
            return
        self.result = ev
        where = {"w": self.tr("w (one vector for every layer)"), "w+": self.tr("w+ (one vector per layer)"),
                 "z": self.tr("z")}[ev.space]
        cls = self.tr(", class {0}").format(ev.label) if ev.label is not None else ""
        if ev.tried:
            cls = self.tr(", class {0} (the best of the {1} classes tried)").format(ev.label, len(ev.tried))
        self._ended(task, self.tr("Done: the picture now starts from the projected {0}{1}; every slider works "
                                  "on it. PSNR {2:.1f} dB.").format(where, cls, ev.psnr))

    def _failed(self, e: BaseException, task: Any) -> None:
        self._ended(task, describe(e))

    def _ended(self, task: Any, sentence: str) -> None:
        if task is not self.task:
            return
        self.task = None
        self.cancel_btn.setEnabled(False)
        self.project_btn.setEnabled(self.target is not None)
        self._say(sentence)

    @staticmethod
    def _runner_up(ev: Any) -> tuple[float, int, float]:
        """The winner's trial distance, and the class that came second with its distance."""
        order = sorted(range(len(ev.tried)), key=ev.tried.__getitem__)
        second = order[1] if len(order) > 1 else order[0]
        return ev.tried[ev.label], second, ev.tried[second]

    # -- helpers --------------------------------------------------------------------------------
    def _say(self, sentence: str) -> None:
        self.notes_label.setText(sentence)

    @staticmethod
    def _pixmap(rgb: np.ndarray) -> QPixmap:
        return QPixmap.fromImage(qimage_from_rgb(np.ascontiguousarray(rgb))).scaled(
            VIEW, VIEW, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        self.cancel()
        self.runner.shutdown(timeout=5)
        super().closeEvent(event)


def open_project_dialog(window: Any, picture: str | Path | None = None) -> ProjectDialog | None:
    """Explore ▸ Project image…, File ▸ Open on a picture, a picture dropped on the window: the dialog
    (one per window), with ``picture`` as its target. Without a model: one sentence in the status bar."""
    panel = window.explorer
    if panel.model is None:
        window.statusBar().showMessage(window.tr("Open a model first: a picture is projected into a generator."))
        return None
    dialog = getattr(window, "project_dialog", None)
    if dialog is None or dialog.model is not panel.model:
        if dialog is not None:
            dialog.close()
        dialog = window.project_dialog = ProjectDialog(panel, window)
    if picture is not None:
        dialog.open_picture(picture)
    dialog.show()
    dialog.raise_()
    return dialog
