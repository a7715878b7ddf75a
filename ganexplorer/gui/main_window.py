"""The main window: menus, Explore and Train tabs, status bar, drag-and-drop, settings."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QProgressDialog, QTabWidget

from ganexplorer.core.ops import fused
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.render import RenderRequest
from ganexplorer.gui.explorer_panel import ExplorerPanel
from ganexplorer.gui.inference_worker import InferenceWorker
from ganexplorer.gui.model_loader import ModelLoader

MAX_RECENT = 8
STATE_VERSION = 1


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.setWindowTitle("ganexplorer")
        self.setAcceptDrops(True)
        self.worker = InferenceWorker()
        self.loader = ModelLoader()
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_load_failed)
        self._ticket = 0
        self._progress: QProgressDialog | None = None
        self.model: LoadedModel | None = None
        self.last_error: str | None = None

        self.explorer = ExplorerPanel(self.worker)
        self.explorer.status.connect(lambda text: self.statusBar().showMessage(text))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.explorer, self.tr("Explore"))
        from ganexplorer.gui.train_panel import TrainPanel

        self.trainer_panel = TrainPanel()
        self.trainer_panel.status.connect(lambda text: self.statusBar().showMessage(text))
        self.trainer_panel.open_in_explorer.connect(self.show_model)
        self.tabs.addTab(self.trainer_panel, self.tr("Train"))
        from ganexplorer.gui.demo1d_panel import Demo1DPanel

        self.demo1d_panel = Demo1DPanel()
        self.demo1d_panel.status.connect(lambda text: self.statusBar().showMessage(text))
        self.tabs.addTab(self.demo1d_panel, self.tr("1-D demo"))
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self.statusBar().showMessage(self.tr("Ready"))
        geo = self.settings.value("window/geometry")
        if geo is not None:
            self.restoreGeometry(geo)
        else:
            self.resize(1180, 780)

    # -- menus --------------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(slot)
        return a

    def _build_menus(self) -> None:
        m = self.menuBar().addMenu(self.tr("&File"))
        m.addAction(self._action(self.tr("&Open checkpoint\u2026"), self.open_dialog, QKeySequence.StandardKey.Open))
        self.recent_menu = m.addMenu(self.tr("Open &recent"))
        self._refresh_recent()
        m.addSeparator()
        m.addAction(self._action(self.tr("&Save image\u2026"), self.save_image_dialog, QKeySequence.StandardKey.Save))
        m.addAction(self._action(self.tr("&Copy image"), self.copy_image, "Ctrl+Shift+C"))
        m.addAction(self._action(self.tr("Save s&tate\u2026"), self.save_state_dialog, "Ctrl+Shift+S"))
        m.addAction(self._action(self.tr("Open st&ate\u2026"), self.open_state_dialog, "Ctrl+Shift+O"))
        m.addSeparator()
        m.addAction(self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit))
        v = self.menuBar().addMenu(self.tr("&View"))
        v.addAction(self._action(self.tr("Zoom to &fit"), lambda: self.set_zoom("fit"), "Ctrl+0"))
        v.addAction(self._action(self.tr("Zoom &1:1"), lambda: self.set_zoom(1), "Ctrl+1"))
        v.addAction(self._action(self.tr("Zoom &2\u00d7"), lambda: self.set_zoom(2), "Ctrl+2"))
        v.addSeparator()
        v.addAction(self._action(self.tr("&Previous seed"), lambda: self.explorer.seed.prev_btn.click(), "Ctrl+Left"))
        v.addAction(self._action(self.tr("&Next seed"), lambda: self.explorer.seed.next_btn.click(), "Ctrl+Right"))
        v.addAction(self._action(self.tr("&Random seed"), lambda: self.explorer.seed.rand_btn.click(), "Ctrl+R"))
        s = self.menuBar().addMenu(self.tr("&Settings"))
        lang = s.addMenu(self.tr("&Language"))
        for code, name in (("", self.tr("System default")), ("en", "English"), ("ko", "\ud55c\uad6d\uc5b4")):
            a = self._action(name, lambda _=False, c=code: self.set_language(c))
            a.setCheckable(True)
            a.setChecked(self.settings.value("language", "") == code)
            lang.addAction(a)
        h = self.menuBar().addMenu(self.tr("&Help"))
        h.addAction(self._action(self.tr("&About ganexplorer"), self.about))

    def set_language(self, code: str) -> None:
        self.settings.setValue("language", code)
        self.statusBar().showMessage(self.tr("The language changes the next time ganexplorer starts."))

    def set_zoom(self, zoom) -> None:
        for view in (self.explorer.image_view, self.explorer.variation_view, self.explorer.grid_view):
            view.set_zoom(zoom)

    def about(self) -> None:
        from ganexplorer import __version__

        QMessageBox.about(self, self.tr("About ganexplorer"),
                          self.tr("ganexplorer {0}: see and teach Generative Adversarial Networks.").format(__version__))

    # -- opening models -----------------------------------------------------------------------
    def open_dialog(self) -> None:
        start = self.settings.value("last_dir", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open checkpoint"), start,
                                              self.tr("Checkpoints (*.pkl *.pt *.pth *.ckpt *.safetensors);;All files (*)"))
        if path:
            self.open_checkpoint(path)

    def open_checkpoint(self, path: str | Path, show_progress: bool = True) -> int:
        """Start loading ``path`` in the background; the current model stays until it succeeds."""
        path = Path(path)
        self.settings.setValue("last_dir", str(path.parent))
        self._ticket = self.loader.load(path)
        self.statusBar().showMessage(self.tr("Loading {0}\u2026").format(path.name))
        if show_progress and self.isVisible():
            self._progress = QProgressDialog(self.tr("Loading {0}\u2026").format(path.name), self.tr("Cancel"), 0, 0, self)
            self._progress.setWindowModality(Qt.WindowModality.WindowModal)
            self._progress.setMinimumDuration(300)
            ticket = self._ticket
            self._progress.canceled.connect(lambda: self._cancel_load(ticket))
        return self._ticket

    def _cancel_load(self, ticket: int) -> None:
        self.loader.cancel(ticket)
        self.statusBar().showMessage(self.tr("Loading cancelled; the previous model stays loaded."))
        self._close_progress()

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None

    def show_model(self, model: LoadedModel) -> None:
        """Make ``model`` the explorer's model (from a file or from the Train tab)."""
        self.model = model
        if self.worker.device.type == "cuda" and not fused.decided():
            self.statusBar().showMessage(self.tr(
                "Building the fused GPU ops (first use, up to a minute); the reference ops are used if that fails\u2026"))
        self.worker.set_model(model)
        self.explorer.set_model(model)
        self.tabs.setCurrentWidget(self.explorer)

    def _on_loaded(self, ticket: int, model: LoadedModel) -> None:
        if ticket != self._ticket:
            return
        self._close_progress()
        self.show_model(model)
        if model.path is not None:
            self._remember_recent(str(model.path))
            self.setWindowTitle(f"{model.path.name} \u2014 ganexplorer")
        self.statusBar().showMessage(self.tr("Loaded {0}").format(model.path.name if model.path else ""))

    def _on_load_failed(self, ticket: int, message: str) -> None:
        if ticket != self._ticket:
            return
        self._close_progress()
        self.last_error = message
        self.statusBar().showMessage(message)
        if self.isVisible():
            QMessageBox.warning(self, self.tr("Could not open the checkpoint"), message)

    def _remember_recent(self, path: str) -> None:
        recent = [p for p in self.recent_files() if p != path]
        self.settings.setValue("recent_files", json.dumps([path] + recent[: MAX_RECENT - 1]))
        self._refresh_recent()

    def recent_files(self) -> list[str]:
        try:
            return list(json.loads(self.settings.value("recent_files", "[]")))
        except (TypeError, ValueError):
            return []

    def _refresh_recent(self) -> None:
        self.recent_menu.clear()
        for p in self.recent_files():
            self.recent_menu.addAction(self._action(p, lambda _=False, q=p: self.open_checkpoint(q)))
        self.recent_menu.setEnabled(bool(self.recent_files()))

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        urls = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            if urls[0].endswith(".json"):
                self.load_state(urls[0])
            else:
                self.open_checkpoint(urls[0])

    # -- export and state ---------------------------------------------------------------------
    def save_image_dialog(self) -> None:
        if self.explorer.image_view.image() is None:
            return
        start = str(Path(self.settings.value("last_dir", str(Path.home()))) / f"seed{self.explorer.seed.value():04d}.png")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save image"), start, self.tr("PNG images (*.png)"))
        if path:
            self.save_image(path)

    def save_image(self, path: str) -> bool:
        img = self.explorer.image_view.image()
        ok = img is not None and img.save(path, "PNG")
        self.statusBar().showMessage(self.tr("Saved {0}").format(path) if ok else self.tr("Could not save {0}").format(path))
        return ok

    def copy_image(self) -> None:
        img = self.explorer.image_view.image()
        if img is not None:
            QGuiApplication.clipboard().setImage(img)
            self.statusBar().showMessage(self.tr("Image copied to the clipboard"))

    def state_dict(self) -> dict:
        return {"ganexplorer_state": STATE_VERSION,
                "checkpoint": str(self.model.path) if self.model and self.model.path else None,
                "request": self.explorer.current_request().to_dict(),
                "zoom": self.explorer.image_view.zoom}

    def save_state(self, path: str) -> None:
        Path(path).write_text(json.dumps(self.state_dict(), indent=2))
        self.statusBar().showMessage(self.tr("Saved {0}").format(path))

    def save_state_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save state"), "", self.tr("Explorer state (*.json)"))
        if path:
            self.save_state(path)

    def open_state_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open state"), "", self.tr("Explorer state (*.json)"))
        if path:
            self.load_state(path)

    def load_state(self, path: str) -> bool:
        """Restore controls from a saved state; loads its checkpoint first if another one is open."""
        try:
            data = json.loads(Path(path).read_text())
            if data.get("ganexplorer_state") != STATE_VERSION:
                raise ValueError
            req = RenderRequest.from_dict(data["request"])
        except (OSError, ValueError, KeyError, TypeError):
            self._warn(self.tr("'{0}' is not a ganexplorer state file.").format(path))
            return False
        ckpt = data.get("checkpoint")
        if ckpt and (self.model is None or str(self.model.path) != ckpt):
            self._ticket = self.loader.load(ckpt)
            self._after_load = req
            self.loader.loaded.connect(self._apply_after_load, Qt.ConnectionType.SingleShotConnection)
        else:
            self.explorer.apply_request(req)
        self.set_zoom(data.get("zoom", "fit"))
        return True

    def _apply_after_load(self, ticket: int, model) -> None:
        QTimer.singleShot(0, lambda: self.explorer.apply_request(self._after_load))

    def _warn(self, message: str) -> None:
        self.last_error = message
        self.statusBar().showMessage(message)
        if self.isVisible():
            QMessageBox.warning(self, "ganexplorer", message)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.trainer_panel.shutdown()
        self.demo1d_panel.shutdown()
        self.worker.shutdown()
        super().closeEvent(event)
