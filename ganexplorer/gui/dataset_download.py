"""The Train tab's "Download" button: fetch MNIST, Fashion-MNIST or a Quick Draw category.

The download runs on a plain thread; progress and the result reach the UI thread through a
:class:`UiQueue`, and the progress dialog's Cancel stops it between chunks (the cache never
holds a partial file, see ``core.data.download``).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QInputDialog, QMenu, QProgressDialog, QPushButton, QWidget

from ganexplorer.core.data.dataset import DatasetError
from ganexplorer.core.data.download import download
from ganexplorer.gui.ui_queue import UiQueue


class DownloadButton(QPushButton):
    downloaded = Signal(str)   # the --data spec of the downloaded set
    message = Signal(str)      # one sentence for the status bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Download\u2026"), parent)
        self.setToolTip(self.tr(
            "Download MNIST, Fashion-MNIST or a Quick Draw category (needs internet; kept in a local cache)"))
        self.base_url: str | None = None   # another mirror (tests use a server on 127.0.0.1)
        self.thread: threading.Thread | None = None
        self._cancel = threading.Event()
        self._dialog: QProgressDialog | None = None
        self._queue = UiQueue(self._deliver)
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
        if self.thread is not None and self.thread.is_alive():
            return False
        self._cancel.clear()
        self._dialog = QProgressDialog(self.tr("Downloading {0}\u2026").format(name), self.tr("Cancel"), 0, 0,
                                       self.window())
        self._dialog.setMinimumDuration(300)
        self._dialog.canceled.connect(self._cancel.set)
        self.setEnabled(False)
        self.thread = threading.Thread(target=self._run, args=(name,), daemon=True, name="download")
        self.thread.start()
        return True

    def _run(self, name: str) -> None:
        def progress(done: int, total: int | None) -> bool:
            self._queue.put(("progress", done, total))
            return not self._cancel.is_set()

        try:
            spec = download(name, base_url=self.base_url, progress=progress)
        except InterruptedError:
            self._queue.put(("cancelled",))
        except (DatasetError, OSError) as e:
            self._queue.put(("failed", str(e)))
        else:
            self._queue.put(("done", spec))

    def _deliver(self, item: tuple) -> None:
        kind = item[0]
        if kind == "progress":
            if self._dialog is not None:
                done, total = item[1], item[2]
                if total:
                    self._dialog.setMaximum(1000)
                    self._dialog.setValue(int(1000 * done / total))
                self._dialog.setLabelText(self.tr("Downloaded {0:.1f} MB").format(done / 1e6))
            return
        if self._dialog is not None:
            self._dialog.canceled.disconnect()
            self._dialog.close()
            self._dialog = None
        self.setEnabled(True)
        if kind == "done":
            self.downloaded.emit(item[1])
            self.message.emit(self.tr("Downloaded; training data set to {0}").format(item[1]))
        elif kind == "failed":
            self.message.emit(item[1])
        else:
            self.message.emit(self.tr("Download cancelled"))
