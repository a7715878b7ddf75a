"""Loads checkpoints on a background thread so the window stays usable; cancel discards the result.

Each load gets a ticket; exactly one of ``loaded(ticket, model)`` / ``failed(ticket, sentence)``
follows on the UI thread, whatever the reader raises (unless the ticket was cancelled). The
threads come from the shared :class:`~ganexplorer.gui.common.background.Runner` (daemon threads: a
load cannot be interrupted, and must not keep a closed app alive).
"""

from __future__ import annotations

import itertools
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ganexplorer.core.formats import load_checkpoint
from ganexplorer.core.formats.isolated import keep_warm
from ganexplorer.gui.common.background import Runner, describe

log = logging.getLogger(__name__)
IDLE_EXIT_S = 10.0   # a loader thread ends after this long without a file to load


class ModelLoader(QObject):
    loaded = Signal(int, object)   # (ticket, LoadedModel)
    failed = Signal(int, str)      # (ticket, one sentence)

    WORKERS = 2   # a second file opened while a big one loads need not wait for it

    def __init__(self) -> None:
        super().__init__()
        self._tickets = itertools.count(1)
        self._cancelled: set[int] = set()
        self._runner = Runner("load", workers=self.WORKERS, daemon=True, logger=log, idle_exit_s=IDLE_EXIT_S)
        self._tasks: dict[int, object] = {}
        keep_warm(True)

    def drain(self) -> None:
        self._runner.drain()

    def load(self, path: str | Path) -> int:
        ticket = next(self._tickets)
        path = Path(path)
        self._tasks[ticket] = self._runner.submit(
            lambda task: load_checkpoint(path, cancel=task.stop_event), what=f"loading '{path}'",
            done=lambda model: self._deliver(ticket, model, None),
            failed=lambda error: self._deliver(ticket, None, error),
            cancelled=lambda: self._tasks.pop(ticket, None))
        return ticket

    def cancel(self, ticket: int) -> None:
        self._cancelled.add(ticket)
        task = self._tasks.pop(ticket, None)
        if task is not None:
            task.cancel()   # kills the reader process of that file

    def wait(self, timeout: float = 120.0) -> None:
        self._runner.wait(timeout)

    def _deliver(self, ticket: int, model: object, error: BaseException | None) -> None:
        """On the UI thread: emit the result (failure sentences in the UI language), unless cancelled."""
        self._tasks.pop(ticket, None)
        if ticket in self._cancelled:
            return
        if error is None:
            self.loaded.emit(ticket, model)
        else:
            self.failed.emit(ticket, describe(error))
