"""The main window: menus, Explore and Train tabs, status bar, drag-and-drop, settings.

Also what a lecture needs from the window itself: saving what the current tab shows at a size fit
for slides, a presentation mode for projectors, and Help ▸ "What am I looking at?" per tab.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QProgressDialog, QTabWidget, QToolTip

from ganexplorer import applog
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.ops import fused
from ganexplorer.core.paths import bundled_models, checkpoints_dir
from ganexplorer.core.render import RenderRequest
from ganexplorer.core.render.images import save_png, upscale_nearest
from ganexplorer.gui.explorer_panel import ExplorerPanel
from ganexplorer.gui.export_dialog import DEFAULT_MIN_SIDE, ExportDialog, rgb_from_qimage
from ganexplorer.gui.help import HelpDialog
from ganexplorer.gui.image_view import qimage_from_rgb
from ganexplorer.gui.inference_worker import InferenceWorker
from ganexplorer.gui.model_loader import ModelLoader
from ganexplorer.gui.ui_queue import UiQueue

MAX_RECENT = 8
STATE_VERSION = 1
PRESENTATION_SCALE = 1.5    # app font in presentation mode, relative to the normal one
DEFAULT_SIZE = (1280, 720)  # a classroom projector; every tab must be usable at this size

log = logging.getLogger("ganexplorer.window")



def show_warning(parent, title: str, text: str) -> None:
    """A modal warning whose text is shown as plain text: messages carry file names and text from files,
    which must never be read as markup (QMessageBox.warning guesses, and renders HTML it finds)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()

class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None, interactive: bool = True) -> None:
        """``interactive=False`` (screenshot mode): nobody is there to answer a dialog, so none opens;
        errors go to the status bar and ``last_error`` only."""
        super().__init__()
        self.settings = settings or QSettings()
        self.interactive = interactive
        self.setWindowTitle("ganexplorer")
        self.setAcceptDrops(True)
        self.worker = InferenceWorker()
        self.loader = ModelLoader()
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_load_failed)
        self._ticket = 0
        self._pending_state: tuple[int, RenderRequest, object] | None = None  # (load ticket, request, zoom)
        self._switch_on_load = True   # whether the model being loaded brings the Explore tab forward
        self._progress: QProgressDialog | None = None
        self.model: LoadedModel | None = None
        self.last_error: str | None = None
        self.export_dialog: ExportDialog | None = None
        self.help_dialog: HelpDialog | None = None
        self._base_font = QFont(self.font())

        self.explorer = ExplorerPanel(self.worker)
        self.explorer.status.connect(lambda text: self._panel_status(self.explorer, text))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.explorer, self.tr("Explore"))
        from ganexplorer.gui.train_panel import TrainPanel

        self.trainer_panel = TrainPanel()
        self.trainer_panel.status.connect(lambda text: self.statusBar().showMessage(text))  # training news: always
        self.trainer_panel.open_in_explorer.connect(self._show_snapshot)
        self.tabs.addTab(self.trainer_panel, self.tr("Train"))
        from ganexplorer.gui.demo1d_panel import Demo1DPanel

        self.demo1d_panel = Demo1DPanel()
        self.demo1d_panel.status.connect(lambda text: self.statusBar().showMessage(text))
        self.tabs.addTab(self.demo1d_panel, self.tr("1-D demo"))
        self.setCentralWidget(self.tabs)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._build_menus()
        if self.settings.value("view/presentation", False, type=bool):
            self.presentation_action.setChecked(True)
        self.statusBar().showMessage(self.tr("Ready"))
        self._uncaught = UiQueue(self._show_uncaught)   # any thread's uncaught exception, said on this one
        applog.add_error_listener(self._on_uncaught)
        geo = self.settings.value("window/geometry")
        if geo is not None:
            self.restoreGeometry(geo)
        else:
            self._default_size()

    def _panel_status(self, panel, text: str) -> None:
        """The Explore tab's messages (mostly render timings) show only while it is shown."""
        if self.tabs.currentWidget() is panel:
            self.statusBar().showMessage(text)

    def _tab_changed(self, _index: int) -> None:
        self.statusBar().clearMessage()  # whatever it said was about the tab left
        if self.help_dialog is not None and self.help_dialog.isVisible():
            self._refresh_help(activate=False)

    def _default_size(self) -> None:
        """1280x720 where the screen has room for it, else what the screen has."""
        w, h = DEFAULT_SIZE
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            avail = screen.availableGeometry()
            w, h = min(w, avail.width()), min(h, avail.height())
        self.resize(w, h)

    # -- menus --------------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(slot)
        return a

    def _build_menus(self) -> None:
        m = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = self._action(self.tr("&Open checkpoint\u2026"), self.open_dialog,
                                        QKeySequence.StandardKey.Open)
        m.addAction(self.open_action)
        self.recent_menu = m.addMenu(self.tr("Open &recent"))
        self._refresh_recent()
        self.bundled_menu = m.addMenu(self.tr("Open &bundled model"))
        self.bundled_menu.setToolTip(self.tr("The demo models that ship with ganexplorer (no file dialog needed)"))
        for p in bundled_models():
            self.bundled_menu.addAction(self._action(p.stem, lambda _=False, q=p: self.open_checkpoint(q)))
        self.bundled_menu.setEnabled(bool(self.bundled_menu.actions()))
        m.addSeparator()
        self.save_image_action = self._action(self.tr("&Save image\u2026"), self.save_image_dialog,
                                              QKeySequence.StandardKey.Save)
        self.save_image_action.setToolTip(self.tr("Save what the current tab shows, enlarged for slides if small"))
        self.copy_image_action = self._action(self.tr("&Copy image"), self.copy_image, "Ctrl+Shift+C")
        self.save_state_action = self._action(self.tr("Save s&tate\u2026"), self.save_state_dialog, "Ctrl+Shift+S")
        self.open_state_action = self._action(self.tr("Open st&ate\u2026"), self.open_state_dialog, "Ctrl+Shift+O")
        for a in (self.save_image_action, self.copy_image_action, self.save_state_action, self.open_state_action):
            m.addAction(a)
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
        v.addSeparator()
        self.presentation_action = QAction(self.tr("&Presentation (large text for projectors)"), self)
        self.presentation_action.setCheckable(True)
        self.presentation_action.setShortcut(QKeySequence("F5"))
        self.presentation_action.toggled.connect(self.set_presentation)
        v.addAction(self.presentation_action)
        s = self.menuBar().addMenu(self.tr("&Settings"))
        lang = s.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        chosen = self.settings.value("language", "") or ""
        for code, name in (("", self.tr("System default")), ("en", "English"), ("ko", "\ud55c\uad6d\uc5b4")):
            a = self._action(name, lambda _=False, c=code: self.set_language(c))
            a.setCheckable(True)
            a.setChecked(chosen == code)
            group.addAction(a)
            lang.addAction(a)
            self.language_actions[code] = a
        self.help_menu = h = self.menuBar().addMenu(self.tr("&Help"))
        self.help_action = self._action(self.tr("&What am I looking at?"), self.show_help, "F1")
        h.addAction(self.help_action)
        self.show_log_action = self._action(self.tr("Show &log folder"), self.show_log_folder)
        self.show_log_action.setToolTip(self.tr("Open the folder with ganexplorer's log, to send it with a bug report"))
        h.addAction(self.show_log_action)
        h.addSeparator()
        h.addAction(self._action(self.tr("&About ganexplorer"), self.about))

    def set_language(self, code: str) -> None:
        self.settings.setValue("language", code)
        self.statusBar().showMessage(self.tr("The language changes the next time ganexplorer starts."))

    def set_presentation(self, on: bool) -> None:
        """Projector mode: the whole window's text 1.5x larger; panels thicken their plots (remembered)."""
        self.settings.setValue("view/presentation", bool(on))
        font = QFont(self._base_font)
        if on:
            if font.pointSizeF() > 0:
                font.setPointSizeF(font.pointSizeF() * PRESENTATION_SCALE)
            else:
                font.setPixelSize(round(font.pixelSize() * PRESENTATION_SCALE))
        self.setFont(font)
        QToolTip.setFont(font)
        for menu in self.menuBar().findChildren(QMenu):  # pop-ups are windows: they do not inherit the font
            menu.setFont(font)
        for dialog in (self.export_dialog, self.help_dialog):
            if dialog is not None:
                dialog.setFont(font)
        for i in range(self.tabs.count()):
            fn = getattr(self.tabs.widget(i), "set_presentation", None)
            if callable(fn):
                fn(bool(on))
        if self.presentation_action.isChecked() != bool(on):
            self.presentation_action.setChecked(bool(on))

    def show_help(self) -> None:
        """Explain the current tab (its panel's ``help_html``, else an overview of the tabs)."""
        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self)
            self.help_dialog.setFont(self.font())
        self._refresh_help()

    def _refresh_help(self, activate: bool = True) -> None:
        fn = getattr(self.tabs.currentWidget(), "help_html", None)
        html = fn() if callable(fn) else self.help_dialog.overview_html()
        title = self.tr("What am I looking at? \u2014 {0}").format(self.tabs.tabText(self.tabs.currentIndex()))
        self.help_dialog.show_html(title.replace("&", ""), html, activate)

    def set_zoom(self, zoom) -> None:
        e = self.explorer
        for view in (e.image_view, e.variation_view, e.grid_view, getattr(e, "layer_view", None)):
            if view is not None:
                view.set_zoom(zoom)

    def show_log_folder(self) -> None:
        """Help ▸ Show log folder: the file manager on the folder of the log files."""
        folder = applog.log_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            self.statusBar().showMessage(self.tr("Could not open {0}: {1}").format(str(folder), e.strerror or e))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.statusBar().showMessage(self.tr("The log is in {0}").format(str(folder)))

    def _on_uncaught(self, exc: BaseException, thread: str) -> None:
        """From any thread (applog's hooks): hand the exception to the UI thread."""
        self._uncaught.put(exc)

    def _show_uncaught(self, exc: BaseException) -> None:
        self.statusBar().showMessage(self.tr(
            "Something went wrong ({0}); the window goes on. Details: Help \u25b8 Show log folder."
        ).format(applog.one_sentence(exc)))

    def about(self) -> None:
        from ganexplorer import __version__

        QMessageBox.about(self, self.tr("About ganexplorer"),
                          self.tr("ganexplorer {0}: see and teach Generative Adversarial Networks.").format(__version__))

    # -- opening models -----------------------------------------------------------------------
    def _folder(self, key: str) -> str:
        """The user's last folder for ``key``: never the app's own checkpoints/, home if it is gone."""
        value = self.settings.value(key, "") or ""
        if value and Path(value).is_dir() and not self._is_bundled(Path(value)):
            return str(value)
        return str(Path.home())

    @staticmethod
    def _is_bundled(folder: Path) -> bool:
        try:
            return folder.resolve() == checkpoints_dir().resolve()
        except OSError:
            return False

    def open_dialog(self) -> None:
        start = self._folder("last_dir")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open checkpoint"), start,
                                              self.tr("Checkpoints (*.pkl *.pt *.pth *.ckpt *.safetensors);;All files (*)"))
        if path:
            self.open_checkpoint(path)

    def open_checkpoint(self, path: str | Path, show_progress: bool = True, switch_tab: bool = True) -> int:
        """Start loading ``path`` in the background; the current model stays until it succeeds.

        ``switch_tab``: show the Explore tab once it is loaded (what opening a file asks for; not
        what the model the app starts on should do to a window opened on another tab)."""
        path = Path(path)
        self._supersede_load()
        self._switch_on_load = switch_tab
        if not self._is_bundled(path.parent):
            self.settings.setValue("last_dir", str(path.parent))
        self._ticket = self.loader.load(path)
        log.info("opening %s (load %d)", path, self._ticket)
        self.statusBar().showMessage(self.tr("Loading {0}\u2026").format(path.name))
        if show_progress and self.isVisible() and self.interactive:
            self._progress = QProgressDialog(self.tr("Loading {0}\u2026").format(path.name), self.tr("Cancel"), 0, 0, self)
            self._progress.setWindowModality(Qt.WindowModality.WindowModal)
            self._progress.setMinimumDuration(300)
            ticket = self._ticket
            self._progress.canceled.connect(lambda: self._cancel_load(ticket))
        return self._ticket

    def _supersede_load(self) -> None:
        """A newer action wins: the load in flight (and a state waiting for it) will change nothing."""
        self.loader.cancel(self._ticket)
        self._ticket = 0
        self._pending_state = None
        self._close_progress()

    def _cancel_load(self, ticket: int) -> None:
        self.loader.cancel(ticket)
        if self._pending_state is not None and self._pending_state[0] == ticket:
            self._pending_state = None
        self.statusBar().showMessage(self.tr("Loading cancelled; the previous model stays loaded."))
        self._close_progress()

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None

    def show_model(self, model: LoadedModel, switch_tab: bool = True) -> None:
        """Make ``model`` the explorer's model (from a file or from the Train tab) and, unless told not
        to, bring the Explore tab to the front."""
        self.model = model
        self.statusBar().clearMessage()  # whatever it said was about the previous model
        self.setWindowTitle(f"{self.model_title(model)} \u2014 ganexplorer")
        if self.worker.device.type == "cuda" and not fused.decided():
            self.statusBar().showMessage(self.tr(
                "Building the fused GPU ops (first use, up to a minute); the reference ops are used if that fails\u2026"))
        self.worker.set_model(model)
        self.explorer.set_model(model)
        if switch_tab:
            self.tabs.setCurrentWidget(self.explorer)

    def _show_snapshot(self, model: LoadedModel) -> None:
        """Train tab ▸ Open in explorer: the newest action, so a model still loading will not replace it."""
        self._supersede_load()
        self.show_model(model)

    def model_title(self, model: LoadedModel) -> str:
        """The file's name, or for a snapshot from the Train tab which network and step it is."""
        if model.path is not None:
            return model.path.name
        return " \u00b7 ".join([model.network, *model.notes[:1]])

    def _on_loaded(self, ticket: int, model: LoadedModel) -> None:
        if ticket != self._ticket:
            return
        self._close_progress()
        pending, self._pending_state = self._pending_state, None
        self.show_model(model, switch_tab=self._switch_on_load)
        if pending is not None and pending[0] == ticket:  # the state file this model was opened for
            _, req, zoom = pending
            self.explorer.apply_request(req)
            self.set_zoom(zoom)
        if model.path is not None:
            self._remember_recent(str(model.path))
        self.statusBar().showMessage(self.tr("Loaded {0}").format(model.path.name if model.path else ""))

    def _on_load_failed(self, ticket: int, message: str) -> None:
        if ticket != self._ticket:
            return
        self._close_progress()
        self._pending_state = None  # the state was for that model: it changes nothing now
        log.info("load %d failed: %s", ticket, message)
        self.last_error = message
        self.statusBar().showMessage(message)
        if self.isVisible() and self.interactive:
            show_warning(self, self.tr("Could not open the checkpoint"), message)

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
    def current_picture(self) -> tuple[np.ndarray | None, str]:
        """What the current tab shows, as uint8 RGB, and a file-name stem for it.

        A panel may offer ``current_picture()``; the Explore tab otherwise gives its current view's
        picture, and other tabs a picture of the panel as it looks (plots included).
        """
        panel = self.tabs.currentWidget()
        fn = getattr(panel, "current_picture", None)
        if callable(fn):
            return fn()
        if panel is self.explorer:
            e = self.explorer
            views = ((e.image_view, f"seed{e.seed.value():04d}"), (e.variation_view, f"variation-seed{e.seed.value():04d}"),
                     (e.grid_view, "mixing-grid"), (e.layer_view, "layers"))
            view, stem = views[min(e.views.currentIndex(), len(views) - 1)]
            rgb = getattr(view, "rgb", None)
            return (rgb.copy() if rgb is not None else None), stem
        stems = {self.trainer_panel: "training", self.demo1d_panel: "demo-1d"}
        return rgb_from_qimage(panel.grab().toImage()), stems.get(panel, "ganexplorer")

    def export_min_side(self) -> int:
        """The export size the user chose last (shorter side in pixels; 0 = as shown)."""
        try:
            return int(self.settings.value("export/min_side", DEFAULT_MIN_SIDE))
        except (TypeError, ValueError):
            return DEFAULT_MIN_SIDE

    def save_image_dialog(self) -> None:
        """Ctrl+S: ask for a file name and a size, then save what the current tab shows."""
        picture, stem = self.current_picture()
        if picture is None:
            self.statusBar().showMessage(self.tr("Nothing to save yet: this view shows no picture."))
            return
        start = str(Path(self._folder("export_dir")) / f"{stem}.png")
        dlg = ExportDialog(self, start, picture.shape[:2], self.export_min_side())
        dlg.setFont(self.font())
        dlg.accepted.connect(lambda: self._export_accepted(dlg, picture))
        dlg.finished.connect(dlg.deleteLater)
        self.export_dialog = dlg
        dlg.open()  # window-modal, does not block the event loop

    def _export_accepted(self, dlg: ExportDialog, picture: np.ndarray) -> None:
        path, side = dlg.path(), dlg.min_side()
        self.export_dialog = None
        if not path:
            return
        self.settings.setValue("export/min_side", side)
        if self.save_image(path, side, picture):
            self.settings.setValue("export_dir", str(Path(path).resolve().parent))

    def save_image(self, path: str, min_side: int = 0, picture: np.ndarray | None = None) -> bool:
        """Write ``picture`` (default: what the current tab shows), enlarged to ``min_side`` if smaller."""
        if picture is None:
            picture = self.current_picture()[0]
        if picture is None:
            self.statusBar().showMessage(self.tr("Nothing to save yet: this view shows no picture."))
            return False
        try:
            save_png(upscale_nearest(picture, min_side), path)
        except (OSError, ValueError) as e:
            reason = getattr(e, "strerror", None) or (str(e).splitlines() or [type(e).__name__])[0]
            self.statusBar().showMessage(self.tr("Could not save {0}: {1}").format(path, reason))
            return False
        self.statusBar().showMessage(self.tr("Saved {0}").format(path))
        return True

    def copy_image(self) -> None:
        """Copy what the current tab shows, at the last chosen export size, for pasting into slides."""
        picture, _ = self.current_picture()
        if picture is None:
            self.statusBar().showMessage(self.tr("Nothing to copy yet: this view shows no picture."))
            return
        QGuiApplication.clipboard().setImage(qimage_from_rgb(upscale_nearest(picture, self.export_min_side())))
        self.statusBar().showMessage(self.tr("Image copied to the clipboard"))

    def state_dict(self) -> dict:
        return {"ganexplorer_state": STATE_VERSION,
                "checkpoint": str(self.model.path) if self.model and self.model.path else None,
                "request": self.explorer.current_request().to_dict(),
                "zoom": self.explorer.image_view.zoom}

    def save_state(self, path: str) -> bool:
        try:
            Path(path).write_text(json.dumps(self.state_dict(), indent=2))
        except OSError as e:
            self.statusBar().showMessage(self.tr("Could not save {0}: {1}").format(path, e.strerror or type(e).__name__))
            return False
        self.statusBar().showMessage(self.tr("Saved {0}").format(path))
        return True

    def save_state_dialog(self) -> None:
        start = str(Path(self._folder("export_dir")) / f"seed{self.explorer.seed.value():04d}.json")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save state"), start, self.tr("Explorer state (*.json)"))
        if path and self.save_state(path):
            self.settings.setValue("export_dir", str(Path(path).resolve().parent))

    def open_state_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open state"), self._folder("export_dir"),
                                              self.tr("Explorer state (*.json)"))
        if path:
            self.settings.setValue("export_dir", str(Path(path).resolve().parent))
            self.load_state(path)

    def load_state(self, path: str) -> bool:
        """Restore controls from a saved state; loads its checkpoint first if another one is open.

        The controls change only once that load succeeds; a failed load, or any newer load or state
        before it arrives, leaves everything as it was."""
        try:
            data = json.loads(Path(path).read_text())
            if data.get("ganexplorer_state") != STATE_VERSION:
                raise ValueError
            req = RenderRequest.from_dict(data["request"])
        except (OSError, ValueError, KeyError, TypeError):
            self._warn(self.tr("'{0}' is not a ganexplorer state file.").format(path))
            return False
        ckpt, zoom = data.get("checkpoint"), data.get("zoom", "fit")
        if ckpt and (self.model is None or str(self.model.path) != ckpt):
            ticket = self.open_checkpoint(ckpt)
            self._pending_state = (ticket, req, zoom)
        else:
            self._supersede_load()  # the state is for the model shown: a model still loading would replace it
            self.explorer.apply_request(req)
            self.set_zoom(zoom)
        return True

    def _warn(self, message: str) -> None:
        log.info("%s", message)
        self.last_error = message
        self.statusBar().showMessage(message)
        if self.isVisible() and self.interactive:
            show_warning(self, "ganexplorer", message)

    def closeEvent(self, event) -> None:  # noqa: N802
        applog.remove_error_listener(self._on_uncaught)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.trainer_panel.shutdown()
        self.demo1d_panel.shutdown()
        self.worker.shutdown()
        super().closeEvent(event)
