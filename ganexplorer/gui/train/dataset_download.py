"""The Train tab's "Download" button: fetch MNIST, Fashion-MNIST or a Quick Draw category.

The download runs on a thread of the shared :class:`~ganexplorer.gui.common.background.Runner`; progress
and the result reach the UI thread in order, and the progress dialog's Cancel stops it between
chunks (the cache never holds a partial file, see ``core.data.download``). Whatever the download
raises, the button is enabled again and one sentence says what happened.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QInputDialog, QMenu, QProgressDialog, QPushButton, QWidget

from ganexplorer.core.data.download import download
from ganexplorer.gui.common.background import Runner, Task, describe

log = logging.getLogger(__name__)


class DownloadButton(QPushButton):
    downloaded = Signal(str)   # the --data spec of the downloaded set
    message = Signal(str)      # one sentence for the status bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Download\u2026"), parent)
        self.setToolTip(self.tr(
            "Download MNIST, Fashion-MNIST or a Quick Draw category (needs internet; kept in a local cache)"))
        self.base_url: str | None = None   # another mirror (tests use a server on 127.0.0.1)
        self._task: Task | None = None
        self._dialog: QProgressDialog | None = None
        # Daemon threads: a download in progress must not keep a closed app alive.
        self._runner = Runner("download", workers=1, daemon=True, logger=log, idle_exit_s=10.0)
        menu = QMenu(self)
        menu.addAction(self.tr("MNIST"), lambda: self.start("mnist"))
        menu.addAction(self.tr("Fashion-MNIST"), lambda: self.start("fashion-mnist"))
        menu.addAction(self.tr("Quick Draw category\u2026"), self._ask_quickdraw)
        self.setMenu(menu)

    def _ask_quickdraw(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Quick Draw"),
                                        self.tr("Category (for example cat, house, bicycle):"))
        if ok and name.strip():
            self.start(f"quickdraw:{name.strip()}")

    def start(self, name: str) -> bool:
        """Begin downloading ``name`` in the background; False if a download is already running."""
        if self.busy:
            return False
        self._dialog = QProgressDialog(self.tr("Downloading {0}\u2026").format(name), self.tr("Cancel"), 0, 0,
                                       self.window())
        self._dialog.setMinimumDuration(300)
        self.setEnabled(False)
        base_url = self.base_url

        def run(task: Task) -> str:
            def progress(done: int, total: int | None) -> bool:
                self._runner.post(lambda: self._progress(done, total))
                return not task.cancelled()
            return download(name, base_url=base_url, progress=progress)

        self._task = self._runner.submit(run, what=f"downloading {name}", done=self._done,
                                         failed=lambda error: self._end(describe(error)),
                                         cancelled=lambda: self._end(self.tr("Download cancelled")))
        self._dialog.canceled.connect(self._task.cancel)
        return True

    @property
    def busy(self) -> bool:
        """Whether a download is running (its result not yet shown)."""
        return self._task is not None

    def _progress(self, done: int, total: int | None) -> None:
        if self._dialog is not None:
            if total:
                self._dialog.setMaximum(1000)
                self._dialog.setValue(int(1000 * done / total))
            self._dialog.setLabelText(self.tr("Downloaded {0:.1f} MB").format(done / 1e6))

    def _done(self, spec: str) -> None:
        self._end(self.tr("Downloaded; training data set to {0}").format(spec), spec)

    def _end(self, message: str, spec: str | None = None) -> None:
        """The download is over, however it ended: close the dialog, enable the button, say what happened."""
        self._task = None
        if self._dialog is not None:
            self._dialog.canceled.disconnect()
            self._dialog.close()
            self._dialog = None
        self.setEnabled(True)
        if spec is not None:
            self.downloaded.emit(spec)
        self.message.emit(message)
