"""The 2-D lab's files: the drawn target's points (load / save) and Ctrl+S's labelled plane and GIF of the run.

A mixin of :class:`~ganexplorer.gui.lab2d.lab2d_panel.Lab2DPanel` (it uses the panel's plane, controls,
numbers, frames and status signal).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from ganexplorer.core.lab2d.points import PointsFileError, read_points, write_points
from ganexplorer.core.lab2d.targets import from_points
from ganexplorer.core.messages import message
from ganexplorer.core.render.video import write_animation
from ganexplorer.gui.common.core_text import translate_core
from ganexplorer.gui.lab2d.frames import frame, labelled_picture

GIF_FRAMES = 120     # at most this many frames in the GIF (the run is thinned evenly)


class Lab2DFiles:
    def load_points(self, path: str) -> bool:
        try:
            pts = read_points(path)
            from_points(pts)       # the same checks a run makes: at least 10 finite points, not too far out
        except PointsFileError as e:       # core's sentence naming the file, in the window's language
            self.status.emit(translate_core(str(e)))
            return False
        except ValueError as e:            # the file read, but its points make no target: name the file
            self.status.emit(translate_core(message("file.frame", path=path, problem=str(e))))
            return False
        self.plane.set_drawn(pts)
        self.status.emit(self.tr("Loaded {0} points from {1}").format(len(pts), Path(path).name))
        return True

    def load_points_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load points"), "",
                                              self.tr("Points (*.npy *.csv *.txt)"))
        if path:
            self.load_points(path)

    def save_points_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save points"), "points.npy",
                                              self.tr("Points (*.npy *.csv *.txt)"))
        if not path:
            return
        try:
            write_points(path, self.plane.drawn_points)
        except OSError as e:
            self.status.emit(self.tr("Could not save {0}: {1}").format(path, e.strerror or type(e).__name__))
            return
        self.status.emit(self.tr("Saved {0}").format(path))

    def current_picture(self):
        """Ctrl+S: the plane with a caption (target, step, coverage), and a file-name stem."""
        key = self.controls.target.currentData()
        caption = " \u00b7 ".join([self.controls.target.currentText(), self.numbers.text()]) + "\n" + self.tr(
            "green: real samples \u00b7 purple: generated \u00b7 dark line: D = 0.5 \u00b7 short lines: G's pull")
        return labelled_picture(self.plane, caption), f"lab2d-{key}"

    def saved_picture(self, path: str) -> None:
        """After Ctrl+S wrote ``path``: a GIF of the run beside it (same name, .gif)."""
        if not self.frames:
            return
        gif = Path(path).with_suffix(".gif")
        try:
            write_animation([frame(s) for s in self.frames[::max(1, len(self.frames) // GIF_FRAMES)]], gif, fps=10)
        except (OSError, ValueError) as e:
            self.status.emit(self.tr("Could not save {0}: {1}").format(
                gif, getattr(e, "strerror", None) or translate_core(str(e))))
            return
        self.status.emit(self.tr("Saved {0} and {1}").format(Path(path).name, gif.name))
