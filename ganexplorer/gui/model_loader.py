"""Loads checkpoints on a background thread so the window stays usable; cancel discards the result.

Results reach the UI thread through a :class:`UiQueue`.
"""

from __future__ import annotations

import itertools
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ganexplorer.core.formats import CheckpointError, load_checkpoint
from ganexplorer.gui.core_text import translate_core
from ganexplorer.gui.ui_queue import UiQueue


class ModelLoader(QObject):
    loaded = Signal(int, object)   # (ticket, LoadedModel)
    failed = Signal(int, str)      # (ticket, one sentence)

    def __init__(self) -> None:
        super().__init__()
        self._tickets = itertools.count(1)
        self._cancelled: set[int] = set()
        self._threads: list[threading.Thread] = []
        self._results = UiQueue(self._deliver)

    def _deliver(self, item: tuple) -> None:
        """On the UI thread: emit the result; failure sentences in the UI language."""
        if item[0] == "loaded":
            self.loaded.emit(*item[1:])
        else:
            self.failed.emit(item[1], translate_core(item[2]))

    def drain(self) -> None:
        self._results.drain()

    def load(self, path: str | Path) -> int:
        ticket = next(self._tickets)
        t = threading.Thread(target=self._run, args=(ticket, Path(path)), daemon=True, name=f"load-{ticket}")
        self._threads.append(t)
        t.start()
        return ticket

    def cancel(self, ticket: int) -> None:
        self._cancelled.add(ticket)

    def wait(self, timeout: float = 120.0) -> None:
        for t in list(self._threads):
            t.join(timeout)
        self._threads = [t for t in self._threads if t.is_alive()]
        self.drain()

    def _run(self, ticket: int, path: Path) -> None:
        try:
            model = load_checkpoint(path)
        except CheckpointError as e:
            if ticket not in self._cancelled:
                self._results.put(("failed", ticket, str(e)))
            return
        if ticket not in self._cancelled:
            self._results.put(("loaded", ticket, model))
