"""The main window: menus, Explore and Train tabs, status bar, drag-and-drop, settings.

Also what a lecture needs from the window itself: saving what the current tab shows at a size fit
for slides, a presentation mode for projectors, and Help ▸ "What am I looking at?" per tab.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QProgressDialog, QTabWidget, QToolTip

from ganexplorer import applog
from ganexplorer.app.explorer_state import ExplorerState
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.ops import fused
from ganexplorer.core.paths import checkpoints_dir
from ganexplorer.gui.explore.explorer_panel import ExplorerPanel
from ganexplorer.gui.common.background import UiQueue
from ganexplorer.gui.common.language_switch import switch_language
from ganexplorer.gui.explore.inference_worker import InferenceWorker
from ganexplorer.gui.window.geometry import DEFAULT_SIZE, USUAL_FRAME, default_geometry, fit_on_screen  # noqa: F401
from ganexplorer.gui.window.model_loader import ModelLoader
from ganexplorer.gui.common.wheel_guard import install_wheel_guard
from ganexplorer.gui.window.window_files import WindowFiles
from ganexplorer.gui.window.window_menus import WindowMenus
from ganexplorer.gui.explore.projection.project_dialog import is_picture, open_project_dialog

log = logging.getLogger("ganexplorer.window")

MAX_RECENT = 8
PRESENTATION_SCALE = 1.5    # app font in presentation mode, relative to the normal one


def show_warning(parent, title: str, text: str) -> None:
    """A modal warning whose text is shown as plain text: messages carry file names and text from files,
    which must never be read as markup (QMessageBox.warning guesses, and renders HTML it finds)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def _part(part: str, name: str) -> Any:
    """``window.<name>`` reads ``window.<part>.<name>``: what tests and other modules reach through the window."""
    return property(lambda self: getattr(getattr(self, part), name), doc=f"``self.{part}.{name}``")


class MainWindow(QMainWindow):
    """The tabs, the status bar, loading models; its menu bar is ``self.menus`` (window_menus.py) and its
    picture and state files ``self.files`` (window_files.py): parts it composes, each using the window's
    public methods only."""

    # the menus' actions and dialogs
    open_action = _part("menus", "open_action")
    save_image_action = _part("menus", "save_image_action")
    copy_image_action = _part("menus", "copy_image_action")
    save_state_action = _part("menus", "save_state_action")
    open_state_action = _part("menus", "open_state_action")
    presentation_action = _part("menus", "presentation_action")
    language_actions = _part("menus", "language_actions")
    bundled_menu = _part("menus", "bundled_menu")
    directions_menu = _part("menus", "directions_menu")
    project_action = _part("menus", "project_action")
    help_menu = _part("menus", "help_menu")
    help_action = _part("menus", "help_action")
    help_dialog = _part("menus", "help_dialog")
    show_log_action = _part("menus", "show_log_action")
    problem_reporter = _part("menus", "problem_reporter")
    # the files' methods and their dialog
    export_dialog = _part("files", "export_dialog")
    current_picture = _part("files", "current_picture")
    save_image = _part("files", "save_image")
    save_state = _part("files", "save_state")
    load_state = _part("files", "load_state")

    def __init__(self, settings: QSettings | None = None, interactive: bool = True) -> None:
        """``interactive=False`` (screenshot mode): nobody is there to answer a dialog, so none opens;
        errors go to the status bar and ``last_error`` only."""
        super().__init__()
        install_wheel_guard()   # the wheel scrolls panels; it changes only the control that has the focus
        self.settings = settings or QSettings()
        self.interactive = interactive
        self.setWindowTitle("ganexplorer")
        self.setAcceptDrops(True)
        self.worker = InferenceWorker()
        self.loader = ModelLoader()
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_load_failed)
        self._ticket = 0
        self._pending_state: tuple[int, ExplorerState] | None = None  # (load ticket, state to show on it)
        self._switch_on_load = True   # whether the model being loaded brings the Explore tab forward
        self._progress: QProgressDialog | None = None
        self.model: LoadedModel | None = None
        self.last_error: str | None = None
        self._base_font = QFont(self.font())

        self.explorer = ExplorerPanel(self.worker)
        self.explorer.status.connect(lambda text: self._panel_status(self.explorer, text))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.explorer, self.tr("Explore"))
        from ganexplorer.gui.train.train_panel import TrainPanel

        self.trainer_panel = TrainPanel(settings=self.settings)
        self.trainer_panel.status.connect(lambda text: self.statusBar().showMessage(text))  # training news: always
        self.trainer_panel.open_in_explorer.connect(self._show_snapshot)
        self.tabs.addTab(self.trainer_panel, self.tr("Train"))
        from ganexplorer.gui.demo1d.demo1d_panel import Demo1DPanel

        self.demo1d_panel = Demo1DPanel()
        self.demo1d_panel.status.connect(lambda text: self.statusBar().showMessage(text))
        self.tabs.addTab(self.demo1d_panel, self.tr("1-D demo"))
        from ganexplorer.gui.lab2d.lab2d_panel import Lab2DPanel

        self.lab2d_panel = Lab2DPanel()
        self.lab2d_panel.status.connect(lambda text: self.statusBar().showMessage(text))
        self.tabs.addTab(self.lab2d_panel, self.tr("2-D lab"))
        self.setCentralWidget(self.tabs)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.files = WindowFiles(self)
        self.menus = WindowMenus(self, self.files)
        if self.settings.value("view/presentation", False, type=bool):
            self.presentation_action.setChecked(True)
        self.statusBar().showMessage(self.tr("Ready"))
        self._uncaught = UiQueue(self._show_uncaught)   # any thread's uncaught exception, said on this one
        applog.add_error_listener(self._on_uncaught)
        geo = self.settings.value("window/geometry")
        if geo is not None:
            self.restoreGeometry(geo)
        else:
            self.setGeometry(default_geometry(self))

    def _panel_status(self, panel, text: str) -> None:
        """The Explore tab's messages (mostly render timings) show only while it is shown."""
        if self.tabs.currentWidget() is panel:
            self.statusBar().showMessage(text)

    def _tab_changed(self, _index: int) -> None:
        self.statusBar().clearMessage()  # whatever it said was about the tab left

    def _on_uncaught(self, exc: BaseException, thread: str) -> None:
        """From any thread (applog's hooks): hand the exception to the UI thread."""
        self._uncaught.put(exc)

    def _show_uncaught(self, exc: BaseException) -> None:
        self.statusBar().showMessage(self.tr(
            "Something went wrong ({0}); the window goes on. Details: Help \u25b8 Show log folder."
        ).format(applog.one_sentence(exc)))


    # -- opening models -----------------------------------------------------------------------
    def remembered_folder(self, key: str) -> str:
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
        start = self.remembered_folder("last_dir")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open checkpoint"), start,
                                              self.tr("Checkpoints (*.pkl *.pt *.pth *.ckpt *.safetensors);;All files (*)"))
        if path and is_picture(path):   # a picture is projected into the open model (issue 23)
            open_project_dialog(self, path)
        elif path:
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
            self._apply_state(pending[1])
        if model.path is not None and self.interactive:   # screenshot mode leaves the recent files alone
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
        self.menus.refresh_recent()

    def recent_files(self) -> list[str]:
        try:
            return list(json.loads(self.settings.value("recent_files", "[]")))
        except (TypeError, ValueError):
            return []


    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        urls = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            if is_picture(urls[0]):   # a dropped picture is projected (issue 23)
                open_project_dialog(self, urls[0])
            elif urls[0].endswith(".json"):
                self.load_state(urls[0])
            else:
                self.open_checkpoint(urls[0])

    def warn(self, message: str) -> None:
        """A user error: one sentence in the status bar and, when someone is there, a warning box."""
        log.info("%s", message)
        self.last_error = message
        self.statusBar().showMessage(message)
        if self.isVisible() and self.interactive:
            show_warning(self, "ganexplorer", message)

    # -- states, zoom, presentation, language ---------------------------------------------------
    def show_state(self, state: ExplorerState, checkpoint: str | None) -> None:
        """Show a state read from a file; loads its ``checkpoint`` first if another one is open.

        The controls change only once that load succeeds; a failed load, or any newer load or state
        before it arrives, leaves everything as it was."""
        if checkpoint and (self.model is None or str(self.model.path) != checkpoint):
            ticket = self.open_checkpoint(checkpoint)
            self._pending_state = (ticket, state)
        else:
            self._supersede_load()  # the state is for the model shown: a model still loading would replace it
            self._apply_state(state)

    def _apply_state(self, state: ExplorerState) -> None:
        """Show a loaded state in the explorer, zoom included."""
        self.explorer.load_state(state)
        self.set_zoom(state.zoom)

    def set_zoom(self, zoom) -> None:
        e = self.explorer
        e.controller.update(zoom=zoom)   # saved with the state
        for view in (e.image_view, e.variation_view, e.grid_view, getattr(e, "layer_view", None)):
            if view is not None:
                view.set_zoom(zoom)

    def set_presentation(self, on: bool, remember: bool = True) -> None:
        """Projector mode: the whole window's text 1.5x larger; panels thicken their plots (remembered, unless
        ``remember`` is False: ``ganexplorer gui --presentation`` is for one session)."""
        if remember:
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
        for dialog in (self.files.export_dialog, self.menus.help_dialog):
            if dialog is not None:
                dialog.setFont(font)
        for i in range(self.tabs.count()):
            fn = getattr(self.tabs.widget(i), "set_presentation", None)
            if callable(fn):
                fn(bool(on))
        action = self.menus.presentation_action
        if action.isChecked() != bool(on):
            action.blockSignals(True)   # (its toggled signal would come back here)
            action.setChecked(bool(on))
            action.blockSignals(False)

    def set_language(self, code: str) -> None:
        """Settings ▸ Language: at once (every text on screen mapped into it; tabs re-render what they
        compose themselves) and remembered for the next start. Models, runs and settings stay."""
        self.settings.setValue("language", code)
        text_map = switch_language(code)
        for i in range(self.tabs.count()):
            fn = getattr(self.tabs.widget(i), "retranslate", None)
            if callable(fn):
                fn(text_map)
        self.menus.retranslate()

    def closeEvent(self, event) -> None:  # noqa: N802
        applog.remove_error_listener(self._on_uncaught)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.trainer_panel.shutdown()
        self.demo1d_panel.shutdown()
        self.lab2d_panel.shutdown()
        self.worker.shutdown()
        super().closeEvent(event)
