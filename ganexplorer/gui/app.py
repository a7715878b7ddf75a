"""Start the Qt application: the log, translations, the main window, the screenshot mode."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from ganexplorer import applog
from ganexplorer.core.locale import translate, user_language
from ganexplorer.core.messages import message
from ganexplorer.core.paths import checkpoints_dir
from ganexplorer.gui.common.translators import (TRANSLATIONS, current_language,  # noqa: F401
                                                install_qt_translator, install_translator, install_translators,
                                                use_language)
from ganexplorer.gui.window.startup import handle_file_open_events, say_startup_failure

if TYPE_CHECKING:
    from ganexplorer.gui.window.main_window import MainWindow

BUNDLED = checkpoints_dir()


def default_checkpoint() -> Path | None:
    """The bundled demo model the app opens on, if one ships with this copy."""
    for name in ("stylegan2-digits.safetensors", "dcgan-digits.safetensors"):
        p = BUNDLED / name
        if p.exists():
            return p
    found = sorted(BUNDLED.glob("*.safetensors")) if BUNDLED.is_dir() else []
    return found[0] if found else None


_collector = None


def collect_garbage_on_ui_thread() -> None:
    """Run Python's cycle collector only on the UI thread, from a timer (pyqtgraph's GarbageCollector).

    Left automatic, a collection starts on whichever thread happens to allocate: a loader or
    training thread then destroys a closed window's widgets, and the Qt destructor waiting for the
    interpreter lock deadlocks that thread (seen as a model load that never finished). Reference
    counting still frees everything without cycles at once.
    """
    global _collector
    if _collector is None:
        from pyqtgraph.util.garbage_collector import GarbageCollector

        _collector = GarbageCollector(interval=1.0)


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("ganexplorer")
    app.setApplicationName("ganexplorer")
    collect_garbage_on_ui_thread()
    return app


_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}


@contextlib.contextmanager
def qt_messages_logged() -> Iterator[None]:
    """Qt's own messages go to the log file (a windowed app has no console to print them on)."""
    qt_log = logging.getLogger(applog.QT_LOGGER)

    def handler(mode: QtMsgType, _context: object, message: str) -> None:
        qt_log.log(_QT_LEVELS.get(mode, logging.WARNING), "%s", message)
        if mode == QtMsgType.QtFatalMsg and sys.stderr is not None:   # Qt ends the process next: say why
            first = (message.strip().splitlines() or [""])[0]
            print(_error_line(first, current_language()), file=sys.stderr, flush=True)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def run_gui(checkpoint: str | None = None, screenshot: str | None = None, tab: str = "explore",
            language: str | None = None, presentation: bool = False) -> int:
    """Open the window (on ``checkpoint`` or the bundled model). With ``screenshot``: render, save, exit.

    Everything goes to the log (:mod:`ganexplorer.applog`) while it runs; an exception nobody caught
    is logged and said in the status bar instead of ending the app. One that ends it anyway (a bug
    while the window is built) is logged too, said in one line on stderr, and the exit code is 1."""
    with applog.session(), qt_messages_logged():
        try:
            problem = _display_problem(screenshot is not None)
            if problem:
                applog.log.info("no window: %s", problem)
                if sys.stderr is not None:
                    print(_error_line(problem, (language or user_language()).split("_")[0]), file=sys.stderr)
                return 2
            return _run_gui(checkpoint, screenshot, tab, language, presentation)
        except Exception as e:  # noqa: BLE001 - a double-clicked app has no console: the log must have it
            applog.report_uncaught(e, e.__traceback__, "MainThread")
            say_startup_failure(e, screenshot is not None)   # a windowed start says why in a dialog (issue 26)
            return 1


def _error_line(problem: str, language: str) -> str:
    """``ganexplorer: error: PROBLEM`` on the terminal, in ``language`` where PROBLEM is one of core's sentences."""
    return translate(message("log.error", text=translate(problem, language)), language)


def _display_problem(screenshot: bool) -> str | None:
    """Why no window can open here (a Linux session without a display), or None.

    Qt would abort the process (SIGABRT) with its reason only in the log. A screenshot needs no
    screen, so it is taken with Qt's offscreen platform instead; an explicit QT_QPA_PLATFORM is kept.
    """
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or QApplication.instance() is not None:
        return None
    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        applog.log.info("no display: the screenshot is taken offscreen")
        return None
    return message("gui.no_display")


class _ErrorCount(logging.Handler):
    """Counts what ganexplorer logs as an error: work that failed unexpectedly (``background.guarded``)
    and exceptions nobody caught (``applog.report_uncaught``). User errors are logged at INFO."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith(applog.QT_LOGGER):
            self.count += 1


def _run_gui(checkpoint: str | None, screenshot: str | None, tab: str, language: str | None,
             presentation: bool = False) -> int:
    app = make_app()
    settings = QSettings()
    use_language(app, language or settings.value("language", "") or None)
    from ganexplorer.gui.window.main_window import MainWindow

    errors = _ErrorCount()
    logging.getLogger("ganexplorer").addHandler(errors)
    try:
        win = MainWindow(settings, interactive=screenshot is None)  # screenshot mode: no dialog can wait for a click
        win.file_open_handler = handle_file_open_events(app, win)   # macOS Finder's double-click on a checkpoint
        if screenshot is not None:
            from ganexplorer.gui.window.main_window import DEFAULT_SIZE

            win.resize(*DEFAULT_SIZE)  # the same picture on every machine: a projector's 1280x720
        if presentation:
            win.set_presentation(True, remember=False)
        index = {"explore": 0, "train": 1, "demo1d": 2}.get(tab, 0)
        win.tabs.setCurrentIndex(index)
        path = checkpoint or default_checkpoint()
        win.show()
        if path is not None:
            win.open_checkpoint(path, show_progress=screenshot is None, switch_tab=index == 0)
        if screenshot is None:
            return app.exec()
        return _screenshot(app, win, path, screenshot, errors)
    finally:
        logging.getLogger("ganexplorer").removeHandler(errors)


def _screenshot(app: QApplication, win: MainWindow, path: Path | str | None, out: str, errors: _ErrorCount) -> int:
    """Wait for the load and first render, grab the whole window into ``out``; the exit code says how it went:
    1 when anything failed unexpectedly meanwhile (already on stderr and in the log), 2 for a user error
    (a bad file: one sentence), else 0."""
    deadline = time.monotonic() + 300
    if path is not None:
        while win.model is None and win.last_error is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        win.loader.wait(1)
        app.processEvents()
    for _ in range(3):
        win.worker.wait_until_idle(120)
        app.processEvents()
    win.repaint()
    app.processEvents()
    ok = win.grab().save(out)
    win.close()
    if errors.count:
        applog.log.info("screenshot mode: %d unexpected error(s), exit code 1", errors.count)
        return 1
    error = win.last_error or (None if ok else message("gui.not_written", path=out))
    if error:
        applog.log.info("screenshot mode: %s", error)
        if sys.stderr is not None:
            print(_error_line(error, current_language()), file=sys.stderr)
        return 2
    return 0
