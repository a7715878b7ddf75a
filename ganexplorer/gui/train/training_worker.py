"""Runs a core training iterator on a thread of its own; pause / resume / stop are checked between events.

The loop itself is the plain generator from ``ganexplorer.core.train``, unchanged (the
pattern of superqt's GeneratorWorker). The ``TrainingWorker`` object stays on the UI
thread; the loop runs on a thread of the shared :class:`~ganexplorer.gui.common.background.Runner`.
Events reach the UI thread in order, so ``event`` and ``finished`` are always emitted there.

``finished`` is always sent, exactly once, after the last event: '' when the iterator ended
or was stopped, otherwise one sentence saying what went wrong. Whatever the factory or the
iterator raises (a ``DatasetError`` while the data set opens, a ``KeyError`` in a step) ends
the run that way and is logged with its traceback.

Code that must not run while a step changes the networks (a deep copy of the generator for
the explorer) goes through :meth:`TrainingWorker.call_between_steps`: it runs on the training
thread between two events, running or paused.
"""

from __future__ import annotations

import logging
import queue
import threading
from concurrent.futures import Future
from typing import Callable, Iterator, TypeVar

from PySide6.QtCore import QObject, Signal

from ganexplorer.app.train_controller import StepFailed
from ganexplorer.gui.common.background import Runner, Task, describe

log = logging.getLogger(__name__)
T = TypeVar("T")


class TrainingWorker(QObject):
    event = Signal(object)        # on the UI thread
    finished = Signal(str)        # '' when the iterator ended or was stopped, else an error sentence (UI thread)

    def __init__(self, make_iterator: Callable[[], Iterator[object]]) -> None:
        super().__init__()
        self._make = make_iterator
        self._resume = threading.Event()
        self._resume.set()
        self._stop = False
        self._calls: queue.Queue[Callable[[], object]] = queue.Queue()   # call_while_paused
        self._between: queue.Queue[tuple[Callable[[], object], Future]] = queue.Queue()   # call_between_steps
        self._lock = threading.Lock()
        self._looping = False             # the loop is serving call_between_steps
        self._holding = threading.Event()   # set while the loop actually waits between two events
        # Not a daemon thread: closing the app stops the run and waits for it (a checkpoint being written).
        self._runner = Runner("training", workers=1, daemon=False, logger=log)
        self._task: Task | None = None

    # -- UI thread ----------------------------------------------------------------------------
    def start(self) -> None:
        if self._task is not None:
            return
        self._looping = True
        self._task = self._runner.submit(self._loop, what="training",
                                         done=self.finished.emit,
                                         failed=lambda error: self.finished.emit(describe(error)),
                                         cancelled=self._ended_cancelled)
        self._runner.close()   # no more tasks: the thread ends with the run

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

    def call_between_steps(self, fn: Callable[[], T],
                           then: Callable[[Future[T]], None] | None = None) -> Future[T]:
        """Run ``fn()`` on the training thread between two events, running or paused; returns its Future.

        For reading what a step changes (``copy.deepcopy(trainer.G)``) without racing it. Before
        :meth:`start` and once the loop has ended nothing changes the networks, so ``fn`` then runs
        here at once. An exception ``fn`` raises is set on the Future (and logged); it does not end
        the run. ``then(future)``, if given, is called on the UI thread once it is done (so the UI
        need not block on ``future.result()`` for up to a step).
        """
        future: Future[T] = Future()
        if then is not None:
            future.add_done_callback(lambda f: self._runner.post(lambda: then(f)))
        with self._lock:
            if self._looping:
                self._between.put((fn, future))
                return future
        _serve(fn, future)
        return future

    def _ended_cancelled(self) -> None:
        """UI thread: the loop never ran, or ended on InterruptedError: still exactly one ``finished``."""
        with self._lock:
            self._looping = False
        self._serve_between()
        self.finished.emit("")

    def stop(self) -> None:
        self._stop = True
        self._resume.set()

    def is_running(self) -> bool:
        return self._task is not None and not self._task.done()

    def wait(self, ms: int = 60_000) -> bool:
        ok = self._task is None or self._task.wait(ms / 1000)
        self.drain()
        return ok

    def drain(self) -> None:
        """Deliver queued events now (UI thread)."""
        self._runner.drain()

    # -- training thread ----------------------------------------------------------------------
    def post_event(self, ev: object) -> None:
        """Any thread: emit ``ev`` on the UI thread, after the events before it and before ``finished``."""
        self._runner.post(lambda: self.event.emit(ev))

    _put = post_event

    def _serve_between(self) -> None:
        while True:
            try:
                fn, future = self._between.get_nowait()
            except queue.Empty:
                return
            _serve(fn, future)

    def _loop(self, _task: Task) -> str:
        try:
            it = self._make()
            for ev in it:
                self._put(ev)
                self._serve_between()
                while not self._resume.wait(0.05):
                    if self._stop:
                        break
                    self._serve_between()
                    while not self._calls.empty():
                        self._holding.clear()
                        result = _call(self._calls.get())
                        for item in (result if isinstance(result, list) else [result]):
                            if item is not None:
                                self._put(item)
                    self._holding.set()
                self._holding.clear()
                if self._stop:
                    close = getattr(it, "close", None)
                    if close is not None:
                        close()
                    break
            return ""
        finally:
            self._holding.clear()
            with self._lock:
                self._looping = False
            self._serve_between()   # asked for while the last step ran: nothing changes the networks now


def _call(fn: Callable[[], object]) -> object:
    """A call while paused (one step by hand): an exception is said (a ``StepFailed`` event) and the run goes
    on paused, as a failed call between steps does; it never ends the run."""
    try:
        return fn()
    except Exception as e:  # noqa: BLE001 - any error in a single step is reported, not fatal
        log.exception("a call while paused failed")
        return StepFailed(str(e) or type(e).__name__)


def _serve(fn: Callable[[], T], future: Future[T]) -> None:
    if not future.set_running_or_notify_cancel():
        return
    try:
        future.set_result(fn())
    except Exception as e:
        log.exception("a call between two training steps failed")
        future.set_exception(e)
