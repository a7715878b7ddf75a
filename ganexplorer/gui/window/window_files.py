"""The main window's files: saving and copying what a tab shows, saving and opening explorer states.

A state file is ``app.state_json.state_file`` (version 2: the ExplorerState); version-1 files
(a RenderRequest) still open, converted there at load.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from ganexplorer.app.explorer_files import read_state_file
from ganexplorer.app.state_json import state_file
from ganexplorer.core.guarded import InputFileError
from ganexplorer.core.render.images import save_png, upscale_nearest
from ganexplorer.gui.common.export_dialog import DEFAULT_MIN_SIDE, ExportDialog, rgb_from_qimage
from ganexplorer.gui.common.core_text import translate_core
from ganexplorer.gui.common.image_view import qimage_from_rgb

if TYPE_CHECKING:
    from ganexplorer.gui.window.window_host import WindowHost


class WindowFiles(QObject):
    """Save image / Copy image / Save state / Open state of one main window, and their dialogs."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.export_dialog: ExportDialog | None = None   # the Save image dialog while it is open

    def current_picture(self) -> tuple[np.ndarray | None, str]:
        """What the current tab shows, as uint8 RGB, and a file-name stem for it.

        A panel may offer ``current_picture()``; the Explore tab otherwise gives its current view's
        picture, and other tabs a picture of the panel as it looks (plots included).
        """
        panel = self.window.tabs.currentWidget()
        fn = getattr(panel, "current_picture", None)
        if callable(fn):
            return fn()
        if panel is self.window.explorer:
            e = self.window.explorer
            views = ((e.image_view, f"seed{e.seed.value():04d}"), (e.variation_view, f"variation-seed{e.seed.value():04d}"),
                     (e.grid_view, "mixing-grid"), (e.layer_view, "layers"))
            view, stem = views[min(e.views.currentIndex(), len(views) - 1)]
            rgb = getattr(view, "rgb", None)
            return (rgb.copy() if rgb is not None else None), stem
        stems = {self.window.trainer_panel: "training", self.window.demo1d_panel: "demo-1d"}
        return rgb_from_qimage(panel.grab().toImage()), stems.get(panel, "ganexplorer")

    def export_min_side(self) -> int:
        """The export size the user chose last (shorter side in pixels; 0 = as shown)."""
        try:
            return int(self.window.settings.value("export/min_side", DEFAULT_MIN_SIDE))
        except (TypeError, ValueError):
            return DEFAULT_MIN_SIDE

    def save_image_dialog(self) -> None:
        """Ctrl+S: ask for a file name and a size, then save what the current tab shows."""
        picture, stem = self.current_picture()
        if picture is None:
            self.window.statusBar().showMessage(self.tr("Nothing to save yet: this view shows no picture."))
            return
        start = str(Path(self.window.remembered_folder("export_dir")) / f"{stem}.png")
        dlg = ExportDialog(self.window, start, picture.shape[:2], self.export_min_side())
        dlg.setFont(self.window.font())
        dlg.accepted.connect(lambda: self._export_accepted(dlg, picture))
        dlg.finished.connect(dlg.deleteLater)
        self.export_dialog = dlg
        dlg.open()  # window-modal, does not block the event loop

    def _export_accepted(self, dlg: ExportDialog, picture: np.ndarray) -> None:
        path, side = dlg.path(), dlg.min_side()
        self.export_dialog = None
        if not path:
            return
        self.window.settings.setValue("export/min_side", side)
        if self.save_image(path, side, picture):
            self.window.settings.setValue("export_dir", str(Path(path).resolve().parent))

    def save_image(self, path: str, min_side: int = 0, picture: np.ndarray | None = None) -> bool:
        """Write ``picture`` (default: what the current tab shows), enlarged to ``min_side`` if smaller."""
        if picture is None:
            picture = self.current_picture()[0]
        if picture is None:
            self.window.statusBar().showMessage(self.tr("Nothing to save yet: this view shows no picture."))
            return False
        try:
            save_png(upscale_nearest(picture, min_side), path)
        except (OSError, ValueError) as e:
            reason = getattr(e, "strerror", None) or (str(e).splitlines() or [type(e).__name__])[0]
            self.window.statusBar().showMessage(self.tr("Could not save {0}: {1}").format(path, reason))
            return False
        self.window.statusBar().showMessage(self.tr("Saved {0}").format(path))
        after = getattr(self.window.tabs.currentWidget(), "saved_picture", None)   # e.g. the 2-D lab's GIF of the run
        if callable(after):
            after(path)
        return True

    def copy_image(self) -> None:
        """Copy what the current tab shows, at the last chosen export size, for pasting into slides."""
        picture, _ = self.current_picture()
        if picture is None:
            self.window.statusBar().showMessage(self.tr("Nothing to copy yet: this view shows no picture."))
            return
        QGuiApplication.clipboard().setImage(qimage_from_rgb(upscale_nearest(picture, self.export_min_side())))
        self.window.statusBar().showMessage(self.tr("Image copied to the clipboard"))

    def state_dict(self) -> dict:
        """The JSON of a state file: the explorer's state (with the zoom shown) and the checkpoint it is on."""
        state = self.window.explorer.controller.state.with_(zoom=self.window.explorer.image_view.zoom)
        return state_file(state, str(self.window.model.path) if self.window.model and self.window.model.path else None)

    def save_state(self, path: str) -> bool:
        try:
            Path(path).write_text(json.dumps(self.state_dict(), indent=2))
        except OSError as e:
            self.window.statusBar().showMessage(self.tr("Could not save {0}: {1}").format(path, e.strerror or type(e).__name__))
            return False
        self.window.statusBar().showMessage(self.tr("Saved {0}").format(path))
        return True

    def save_state_dialog(self) -> None:
        start = str(Path(self.window.remembered_folder("export_dir")) / f"seed{self.window.explorer.seed.value():04d}.json")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save state"), start, self.tr("Explorer state (*.json)"))
        if path and self.save_state(path):
            self.window.settings.setValue("export_dir", str(Path(path).resolve().parent))

    def open_state_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open state"), self.window.remembered_folder("export_dir"),
                                              self.tr("Explorer state (*.json)"))
        if path:
            self.window.settings.setValue("export_dir", str(Path(path).resolve().parent))
            self.load_state(path)

    def load_state(self, path: str) -> bool:
        """Restore controls from a saved state; loads its checkpoint first if another one is open.

        The controls change only once that load succeeds; a failed load, or any newer load or state
        before it arrives, leaves everything as it was."""
        try:   # guarded: a regular file of bounded size, every field bounded (app.explorer_files)
            state, ckpt = read_state_file(path, self.window.explorer.controller.state)   # version 1 (a request) or 2
        except InputFileError as e:   # the guard's own sentence says why (a FIFO, too large, not JSON ...)
            self.window.warn(translate_core(str(e)))
            return False
        except (OSError, ValueError):
            self.window.warn(self.tr("'{0}' is not a ganexplorer state file.").format(path))
            return False
        self.window.show_state(state, ckpt)
        return True
