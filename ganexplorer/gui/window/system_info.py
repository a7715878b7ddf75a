"""Help ▸ Copy system info, Help ▸ Report a problem, and the About box with the licences.

When something goes wrong in a classroom, the report that helps is the one that says where it ran: the text
comes from :mod:`ganexplorer.core.sysinfo` plus what the window knows (its device, the log file). Reporting
opens the project's issue page (one URL, ``[project.urls] Issues`` in pyproject.toml, read from the installed
metadata) with that text filled in, and always also says in a dialog where to send it, for a machine that is
offline or has no browser.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, QUrlQuery
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QPlainTextEdit, QPushButton, QVBoxLayout

from ganexplorer import applog
from ganexplorer.core import sysinfo
from ganexplorer.core.paths import licence_files

ISSUES_LABEL = "Issues"
MAX_NOTICE_BYTES = 4_000_000   # our own shipped text files; a bound all the same


def issues_url() -> str | None:
    """The project's issue page: the installed metadata's ``Project-URL: Issues``; for a checkout whose
    metadata predates it, the same entry read from its pyproject.toml."""
    try:
        entries = metadata.metadata("ganexplorer").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        entries = []
    for entry in entries:
        label, _, url = entry.partition(",")
        if label.strip() == ISSUES_LABEL and url.strip():
            return url.strip()
    try:
        import tomllib

        pyproject = Path(__file__).resolve().parents[3] / "pyproject.toml"
        return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["urls"][ISSUES_LABEL])
    except (ImportError, OSError, KeyError, TypeError, ValueError):
        return None


def new_issue_url(base: str, title: str, body: str) -> QUrl:
    """``<issues>/new?title=..&body=..`` (GitHub's form for a pre-filled issue)."""
    url = QUrl(base.rstrip("/") + "/new")
    query = QUrlQuery()
    query.addQueryItem("title", title)
    query.addQueryItem("body", body)
    url.setQuery(query)
    return url


class ProblemReporter(QObject):
    """The two Help actions and the About box of one main window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.copy_action = QAction(self.tr("Copy &system info"), window)
        self.copy_action.setToolTip(self.tr("Copy the app, system, PyTorch, Qt and device versions, for a bug report"))
        self.copy_action.triggered.connect(self.copy)
        self.report_action = QAction(self.tr("&Report a problem\u2026"), window)
        self.report_action.setToolTip(self.tr("Open the project's issue page with the system information filled in"))
        self.report_action.triggered.connect(self.report)
        self.where_box: QMessageBox | None = None
        self.about_box: QMessageBox | None = None
        self.licences_dialog: LicencesDialog | None = None

    def add_to(self, menu) -> None:
        menu.addAction(self.copy_action)
        menu.addAction(self.report_action)

    def text(self) -> str:
        worker = getattr(self.window, "worker", None)
        extra = {"log file": str(applog.log_file())}
        device = getattr(worker, "device", None)
        if device is not None:
            from ganexplorer.core.device import device_label

            extra["window device"] = device_label(device)
        screen = self.window.screen()
        if screen is not None:
            size = screen.size()
            extra["screen"] = f"{size.width()}x{size.height()}, scale {screen.devicePixelRatio():g}"
        return sysinfo.report(extra)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.window.statusBar().showMessage(self.tr("System information copied: paste it into your report."))

    def report(self) -> None:
        text = self.text()
        QGuiApplication.clipboard().setText(text)
        base = issues_url()
        opened = False
        if base:
            body = (self.tr("What I did, what I expected, what happened:") + "\n\n\n" +
                    self.tr("System information:") + "\n```\n" + text + "\n```\n")
            opened = QDesktopServices.openUrl(new_issue_url(base, self.tr("Problem: "), body))
        where = base or self.tr("the person who gave you ganexplorer")
        if opened:
            message = self.tr("Your browser shows the project's issue page with the system information filled in. "
                              "If this computer is offline, the same text is on the clipboard: send it later to "
                              "{0}, with the log file {1}.").format(where, str(applog.log_file()))
        else:
            message = self.tr("No web browser could be opened. The system information is on the clipboard: send "
                              "it to {0}, with what happened and the log file {1}.").format(where,
                                                                                              str(applog.log_file()))
        box = self.where_box = QMessageBox(QMessageBox.Icon.Information, self.tr("Report a problem"), message,
                                           QMessageBox.StandardButton.Ok, self.window)
        box.setDetailedText(text)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()   # window-modal, not blocking: the user may copy from it

    def about(self) -> None:
        from ganexplorer import __version__

        text = (self.tr("ganexplorer {0}: see and teach Generative Adversarial Networks.").format(__version__) +
                "\n\n" + self.tr("Licensed under the MIT licence. ganexplorer includes Qt (LGPL-3.0), PyTorch, "
                                 "NumPy, Pillow, pyqtgraph and other open-source software under their own "
                                 "licences: see Licences."))
        box = self.about_box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("About ganexplorer"), text,
                                           QMessageBox.StandardButton.Ok, self.window)
        self.licences_button = box.addButton(self.tr("&Licences\u2026"), QMessageBox.ButtonRole.ActionRole)
        self.licences_button.clicked.connect(self.show_licences)
        box.open()

    def show_licences(self) -> None:
        if self.licences_dialog is None:
            self.licences_dialog = LicencesDialog(self.window)
        self.licences_dialog.show()
        self.licences_dialog.raise_()


class LicencesDialog(QDialog):
    """ganexplorer's licence and the third-party notices, as shipped with this copy."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Licences"))
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        parts = []
        for f in licence_files():
            try:
                if not f.is_file() or f.stat().st_size > MAX_NOTICE_BYTES:
                    raise OSError(f"not a regular file under {MAX_NOTICE_BYTES} bytes")
                parts.append(f.read_text(encoding="utf-8", errors="replace"))
            except OSError:
                parts.append(self.tr("{0} is missing from this copy of ganexplorer.").format(str(f)))
        self.text.setPlainText("\n\n".join(parts))
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(760, 560)
