"""Runs a core training iterator on a QThread; pause / resume / stop are checked between events.

The loop itself is the plain generator from ``ganexplorer.core.train``, unchanged (the
pattern of superqt's GeneratorWorker). Events reach the UI thread through a queued signal;
the UI batches its redraws on a timer, so plotting never paces training.
"""

from __future__ import annotations

import queue
import threading
from typing import Callable, Iterator

from PySide6.QtCore import QObject, QThread, Signal


class TrainingWorker(QObject):
    event = Signal(object)
    finished = Signal(str)        # '' when the iterator ended, else an error sentence

    def __init__(self, make_iterator: Callable[[], Iterator[object]]) -> None:
        super().__init__()
        self._make = make_iterator
        self._resume = threading.Event()
        self._resume.set()
        self._stop = False
        self._calls: queue.Queue[Callable[[], object]] = queue.Queue()
        self._thread = QThread()
        self._thread.setObjectName("ganexplorer-training")
        self.moveToThread(self._thread)
        self._thread.started.connect(self._run)

    def start(self) -> None:
        self._thread.start()

    def pause(self) -> None:
        self._resume.clear()

    def resume(self) -> None:
        self._resume.set()

    @property
    def paused(self) -> bool:
        return not self._resume.is_set()

    def call_while_paused(self, fn: Callable[[], object]) -> None:
        """Run ``fn`` on the training thread while paused (step mode); its result is emitted as an event."""
        self._calls.put(fn)

    def stop(self) -> None:
        self._stop = True
        self._resume.set()

    def wait(self, ms: int = 60_000) -> bool:
        return self._thread.wait(ms)

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def _run(self) -> None:
        message = ""
        try:
            it = self._make()
            for ev in it:
                self.event.emit(ev)
                while not self._resume.wait(0.05):
                    if self._stop:
                        break
                    while not self._calls.empty():
                        result = self._calls.get()()
                        if result is not None:
                            self.event.emit(result)
                if self._stop:
                    close = getattr(it, "close", None)
                    if close is not None:
                        close()
                    break
        except (ValueError, RuntimeError, OSError) as e:
            message = str(e)
        self.finished.emit(message)
        self._thread.quit()
