"""The app's start, where the operating system is involved: files it hands over (macOS Finder sends a
``QFileOpenEvent`` to the application, not a command-line argument), and a start that fails where nobody
sees a terminal (a double-clicked installer build): then a dialog says why and where the log is.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from ganexplorer import applog

NO_SCREEN_PLATFORMS = ("offscreen", "minimal")   # Qt platforms on which a dialog is seen by nobody


class FileOpenHandler(QObject):
    """Opens the checkpoint of each ``QFileOpenEvent`` the application receives (macOS: a double-click in
    Finder, a file dropped on the Dock icon, ``open -a ganexplorer FILE``) in ``window``."""

    def __init__(self, app: QCoreApplication, window) -> None:
        super().__init__(window)
        self.window = window
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if isinstance(event, QFileOpenEvent) and watched is QCoreApplication.instance():
            path = event.file() or event.url().toLocalFile()
            if path:
                applog.log.info("the system asks to open %s", path)
                self.window.open_checkpoint(path)
                return True
        return False


def handle_file_open_events(app: QCoreApplication, window) -> FileOpenHandler:
    """Install the handler (kept alive by the window)."""
    return FileOpenHandler(app, window)


def nobody_sees_stderr() -> bool:
    """A windowed start: no stderr (frozen Windows/macOS app), or one that is not a terminal (a desktop
    launcher's). A start from a terminal reads the one line printed there instead."""
    err = sys.stderr
    if err is None:
        return True
    try:
        return not err.isatty()
    except (AttributeError, ValueError):
        return True


def say_startup_failure(exc: BaseException, screenshot: bool) -> bool:
    """After a start that failed with ``exc`` (already logged): a dialog with the reason and the log file,
    where a user launched the window and no terminal shows the error. Returns whether a dialog was shown.
    Never in screenshot mode (a script waits for it), nor where no screen shows it."""
    if screenshot or not nobody_sees_stderr():
        return False
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in NO_SCREEN_PLATFORMS:
        return False
    try:
        app = QApplication.instance() or QApplication(sys.argv[:1])
        if not isinstance(app, QApplication):
            return False
        reason = applog.one_sentence(exc)
        text = QCoreApplication.translate(
            "Startup", "ganexplorer could not start: {0}\n\nThe details are in the log file {1}. Help with this "
                       "comes quickest if you send that file with your report.").format(reason,
                                                                                        str(applog.log_file()))
        QMessageBox.critical(None, QCoreApplication.translate("Startup", "ganexplorer could not start"), text)
        return True
    except Exception:  # noqa: BLE001 - the failure is logged already; a second one must not hide it
        applog.log.exception("could not show the start-up failure dialog")
        return False
