"""Runs a core training iterator on a QThread; pause / resume / stop are checked between events.

The loop itself is the plain generator from ``ganexplorer.core.train``, unchanged (the
pattern of superqt's GeneratorWorker). The ``TrainingWorker`` object stays on the UI
thread; a small runner object lives on the training thread. Events reach the UI thread
through a :class:`UiQueue`, so ``event`` and ``finished`` are always emitted there.
"""

from __future__ import annotations

import queue
import threading
from typing import Callable, Iterator

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ganexplorer.gui.ui_queue import UiQueue


class _Runner(QObject):
    """Lives on the training thread and iterates the loop."""

    def __init__(self, owner: "TrainingWorker") -> None:
        super().__init__()
        self.owner = owner

    @Slot()
    def run(self) -> None:
        self.owner._loop()


class TrainingWorker(QObject):
    event = Signal(object)        # on the UI thread
    finished = Signal(str)        # '' when the iterator ended, else an error sentence (UI thread)

    def __init__(self, make_iterator: Callable[[], Iterator[object]]) -> None:
        super().__init__()
        self._make = make_iterator
        self._resume = threading.Event()
        self._resume.set()
        self._stop = False
        self._calls: queue.Queue[Callable[[], object]] = queue.Queue()
        self._events = UiQueue(self._emit)
        self._done = threading.Event()
        self._holding = threading.Event()   # set while the loop actually waits between two events
        self._thread = QThread()
        self._thread.setObjectName("ganexplorer-training")
        self._runner = _Runner(self)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)

    # -- UI thread ----------------------------------------------------------------------------
    def start(self) -> None:
        self._thread.start()

    def pause(self) -> None:
        self._resume.clear()

    def resume(self) -> None:
        self._resume.set()

    @property
    def paused(self) -> bool:
        return not self._resume.is_set()

    @property
    def holding(self) -> bool:
        """Paused *and* no step in flight: the loop is waiting between two events (pause takes effect
        only once the step running when it was asked for has ended)."""
        return self._holding.is_set()

    def call_while_paused(self, fn: Callable[[], object]) -> None:
        """Run ``fn`` on the training thread while paused (step mode); its result is emitted as an event
        (a list: each item, in order)."""
        self._calls.put(fn)

    def stop(self) -> None:
        self._stop = True
        self._resume.set()

    def is_running(self) -> bool:
        return self._thread.isRunning() and not self._done.is_set()

    def wait(self, ms: int = 60_000) -> bool:
        ok = self._thread.wait(ms)
        self.drain()
        return ok

    def drain(self) -> None:
        """Deliver queued events now (UI thread)."""
        self._events.drain()

    def _emit(self, item: object) -> None:
        kind, payload = item
        (self.event if kind == "event" else self.finished).emit(payload)

    # -- training thread ----------------------------------------------------------------------
    def _put(self, kind: str, payload: object) -> None:
        self._events.put((kind, payload))

    def _loop(self) -> None:
        message = ""
        try:
            it = self._make()
            for ev in it:
                self._put("event", ev)
                while not self._resume.wait(0.05):
                    if self._stop:
                        break
                    while not self._calls.empty():
                        self._holding.clear()
                        result = self._calls.get()()
                        for item in (result if isinstance(result, list) else [result]):
                            if item is not None:
                                self._put("event", item)
                    self._holding.set()
                self._holding.clear()
                if self._stop:
                    close = getattr(it, "close", None)
                    if close is not None:
                        close()
                    break
        except (ValueError, RuntimeError, OSError) as e:
            message = str(e)
        self._done.set()
        self._thread.quit()
        self._put("finished", message)

