"""Hand results from worker threads to the UI thread without passing Python objects through Qt.

``put()`` may be called from any thread; ``deliver(item)`` then runs on the UI thread. Only an
argument-less signal crosses threads (queued Python objects are where PySide has had refcount
bugs), and a burst of puts costs one wake-up. A ``deliver`` that raises goes to ``sys.excepthook``
(as an exception in a slot does: the app logs it and says it) and the items after it are still
delivered: one broken result must not hold up the others.
"""

from __future__ import annotations

import queue
import sys
import threading
from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal


class UiQueue(QObject):
    """Create on the UI thread."""

    _wake = Signal()

    def __init__(self, deliver: Callable[[object], None]) -> None:
        super().__init__()
        self._deliver = deliver
        self._items: queue.Queue[object] = queue.Queue()
        self._notified = threading.Event()
        self._wake.connect(self.drain, Qt.ConnectionType.QueuedConnection)

    def put(self, item: object) -> None:
        self._items.put(item)
        if not self._notified.is_set():
            self._notified.set()
            self._wake.emit()

    def drain(self) -> None:
        """Deliver everything queued so far (UI thread; also callable directly, e.g. after a join)."""
        self._notified.clear()
        while True:
            try:
                item = self._items.get_nowait()
            except queue.Empty:
                return
            try:
                self._deliver(item)
            except Exception:  # noqa: BLE001 -- one bad delivery must not stop the queue
                sys.excepthook(*sys.exc_info())
