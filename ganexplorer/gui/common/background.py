"""One fail-safe way to run work off the UI thread: renders and jobs, training runs, loads, downloads.

Why one: each hand-written thread used to catch its own short list of exception types, so any
other error (a ``TypeError`` in a render, a ``KeyError`` in a training step) killed the thread
silently and left the window waiting forever. Here the rules live once:

* :func:`guarded` runs a callable and catches **any** ``Exception``: it is logged with its
  traceback (``logging``, never stderr) and handed back as an :class:`Outcome`.
* :func:`describe` turns an exception into the one sentence the user sees: core's own error
  sentences as they are (in the UI language where known), anything else as its type and
  message, never a traceback.
* :class:`Runner` owns the threads (started on first use, joined by :meth:`Runner.shutdown`).
  Each :meth:`Runner.submit` returns a :class:`Task` whose outcome reaches the UI thread, where
  exactly one of its ``done`` / ``failed`` / ``cancelled`` callbacks is always called.
* :class:`UiQueue` is how anything reaches the UI thread (``Runner.post`` uses it).

docs/ARCHITECTURE.md ("Threading: one mechanism") says how the workers use it.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Callable, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

from ganexplorer.core.data.dataset import DatasetError
from ganexplorer.core.formats import CheckpointError
from ganexplorer.gui.common.core_text import translate_core

log = logging.getLogger(__name__)
T = TypeVar("T")

# Their messages are sentences written for users (core's errors, bad values, files); any other type is a bug
# or an environment problem, shown with its type name so a teacher can report it.
USER_ERRORS: tuple[type[BaseException], ...] = (CheckpointError, DatasetError, ValueError, OSError)
MAX_MESSAGE = 200   # characters of an unexpected error's message shown in the status bar


class Cancelled(Exception):
    """Raised by cooperative work that noticed it was asked to stop (``InterruptedError`` means the same)."""


@dataclass
class Outcome(Generic[T]):
    """What running a callable came to: its value, the exception it raised, or that it was cancelled."""

    value: T | None = None
    error: BaseException | None = None
    cancelled: bool = False


def guarded(fn: Callable[..., T], *args: Any, what: str, logger: logging.Logger = log) -> Outcome[T]:
    """Call ``fn(*args)``; never raises an ``Exception``. Failures are logged with their traceback."""
    try:
        return Outcome(fn(*args))
    except (Cancelled, InterruptedError):
        return Outcome(cancelled=True)
    except USER_ERRORS as e:
        # the user is told in the window; the log keeps the details, the terminal stays quiet
        logger.info("%s failed: %s", what, e, exc_info=True)
        return Outcome(error=e)
    except Exception as e:  # the point of this module: no exception type may stop the app
        logger.exception("%s failed with an unexpected %s", what, type(e).__name__)
        return Outcome(error=e)


class _Sentences(QObject):
    """Holds the translatable wording (tr() needs a QObject)."""

    def unexpected(self, kind: str, message: str) -> str:
        if not message:
            return self.tr("Something went wrong ({0}). Details: Help \u25b8 Show log folder.").format(kind)
        return self.tr("Something went wrong ({0}: {1}). Details: Help \u25b8 Show log folder.").format(kind, message)


_sentences: _Sentences | None = None


def describe(error: BaseException) -> str:
    """One sentence for the status bar (call on the UI thread)."""
    global _sentences
    text = str(error).strip()
    first = text.splitlines()[0].strip() if text else ""
    if isinstance(error, USER_ERRORS) and first:
        return translate_core(first)
    if _sentences is None:
        _sentences = _Sentences()
    if len(first) > MAX_MESSAGE:
        first = first[:MAX_MESSAGE - 1].rstrip() + "\u2026"
    return _sentences.unexpected(type(error).__name__, first)


class Task(Generic[T]):
    """One submitted call. ``cancel()`` drops it if it has not started and asks it to stop if it has
    (work that can stop polls :meth:`cancelled`); a cancelled task's result is never delivered."""

    def __init__(self, fn: Callable[["Task[T]"], T], what: str,
                 done: Callable[[T], None] | None, failed: Callable[[BaseException], None] | None,
                 cancelled: Callable[[], None] | None) -> None:
        self.fn, self.what = fn, what
        self.future: Future[T] = Future()
        self._on = (done, failed, cancelled)
        self._stop = threading.Event()
        self._finished = threading.Event()   # set before the outcome is posted: done() is true in the callbacks
        self._posted = threading.Event()     # set after: wait() then drain() delivers the outcome

    def cancel(self) -> None:
        self._stop.set()

    def cancelled(self) -> bool:
        """Whether :meth:`cancel` was called (polled by work that can stop early)."""
        return self._stop.is_set()

    @property
    def stop_event(self) -> threading.Event:
        """Set by :meth:`cancel`: for APIs that take an event to watch."""
        return self._stop

    def done(self) -> bool:
        """Finished running, or will never run."""
        return self._finished.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until it has finished and its outcome is queued for the UI thread (see :meth:`Runner.drain`)."""
        return self._posted.wait(timeout)

    def _run(self, logger: logging.Logger) -> Outcome[T]:
        if self.cancelled():
            self.future.cancel()
            return Outcome(cancelled=True)
        if not self.future.set_running_or_notify_cancel():
            return Outcome(cancelled=True)
        outcome = guarded(self.fn, self, what=self.what, logger=logger)
        if outcome.error is not None:
            self.future.set_exception(outcome.error)
        elif outcome.cancelled:
            self.future.set_result(None)  # type: ignore[arg-type]  (a running Future cannot be cancelled)
        else:
            self.future.set_result(outcome.value)  # type: ignore[arg-type]
        return outcome

    def _deliver(self, outcome: Outcome[T]) -> None:
        """UI thread: exactly one callback."""
        done, failed, cancelled = self._on
        if outcome.cancelled or self.cancelled():
            if cancelled is not None:
                cancelled()
        elif outcome.error is not None:
            if failed is not None:
                failed(outcome.error)
        elif done is not None:
            done(outcome.value)  # type: ignore[arg-type]


class Runner:
    """Runs submitted calls on threads of its own; outcomes and :meth:`post`-ed calls reach the UI thread in order.

    ``workers`` threads at most, started when needed and kept until :meth:`shutdown` or, with
    ``idle_exit_s``, until idle that long. ``daemon`` threads do not hold up the end of the process
    (loads and downloads that cannot be interrupted); the others (renders, training) are asked to
    stop and joined. Create on the UI thread.
    """

    def __init__(self, name: str, workers: int = 1, daemon: bool = False,
                 logger: logging.Logger | None = None, idle_exit_s: float | None = None) -> None:
        self.name, self.workers, self.daemon, self.idle_exit_s = name, workers, daemon, idle_exit_s
        self.log = logger or log
        self._tasks: queue.Queue[Task | None] = queue.Queue()
        self._threads: list[threading.Thread] = []
        self._waiting = 0    # threads waiting for a task
        self._submitted: list[Task] = []
        self._lock = threading.Lock()
        self._closed = False
        self._ui = UiQueue(lambda call: call())

    # -- any thread -----------------------------------------------------------------------------
    def post(self, call: Callable[[], None]) -> None:
        """Run ``call()`` on the UI thread (after everything posted before it)."""
        self._ui.put(call)

    def submit(self, fn: Callable[[Task[T]], T], *, what: str = "",
               done: Callable[[T], None] | None = None, failed: Callable[[BaseException], None] | None = None,
               cancelled: Callable[[], None] | None = None) -> Task[T]:
        """Run ``fn(task)`` on a worker thread; then, on the UI thread, ``done(result)``, ``failed(exception)``
        or ``cancelled()``. After :meth:`shutdown` the task is cancelled at once."""
        task = Task(fn, what or self.name, done, failed, cancelled)
        with self._lock:
            closed = self._closed
            if not closed:
                self._submitted = [t for t in self._submitted if not t._posted.is_set()] + [task]
                self._tasks.put(task)
                if self._tasks.qsize() > self._waiting and len(self._threads) < self.workers:
                    t = threading.Thread(target=self._work, name=f"ganexplorer-{self.name}", daemon=self.daemon)
                    self._threads.append(t)
                    self._waiting += 1
                    t.start()
        if closed:
            task.cancel()
            task.future.cancel()
            self._finish(task, Outcome(cancelled=True))
        return task

    def is_alive(self) -> bool:
        """Whether any of its threads is still running."""
        return any(t.is_alive() for t in self._threads)

    # -- UI thread ------------------------------------------------------------------------------
    def drain(self) -> None:
        """Deliver what has been posted so far now (tests, and after a join)."""
        self._ui.drain()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every task submitted so far has finished, then deliver their outcomes."""
        with self._lock:
            tasks = list(self._submitted)
        ok = all(t.wait(timeout) for t in tasks)
        self.drain()
        return ok

    def close(self) -> None:
        """Take no more tasks; the threads end once the tasks already submitted have run."""
        with self._lock:
            if not self._closed:
                self._closed = True
                for _ in self._threads:
                    self._tasks.put(None)

    def shutdown(self, timeout: float | None = None) -> bool:
        """Cancel pending tasks, ask running ones to stop (:meth:`Task.cancel`) and join the threads.

        Returns whether they all ended within ``timeout`` (None: however long the running task takes
        to notice). A thread that does not end is logged, never silently left behind.
        """
        with self._lock:
            tasks, threads = list(self._submitted), list(self._threads)
            for t in tasks:
                t.cancel()
            if not self._closed:
                self._closed = True
                for _ in threads:
                    self._tasks.put(None)
        ok = True
        for t in threads:
            if t is threading.current_thread():
                continue
            t.join(timeout)
            if t.is_alive():
                ok = False
                self.log.warning("%s: the thread %s did not stop within %s s; it is left to finish on its own",
                                 self.name, t.name, timeout)
        self.drain()
        return ok

    # -- worker threads -------------------------------------------------------------------------
    def _work(self) -> None:
        me = threading.current_thread()
        while True:
            try:
                task = self._tasks.get(timeout=self.idle_exit_s)
            except queue.Empty:
                with self._lock:
                    if self._tasks.empty():   # (tasks are put under the lock: none can be missed)
                        self._waiting -= 1
                        self._threads.remove(me)
                        return
                continue
            with self._lock:
                self._waiting -= 1
            if task is None:
                return
            outcome: Outcome = Outcome(cancelled=True)
            try:
                outcome = task._run(self.log)
            finally:
                self._finish(task, outcome)
                with self._lock:
                    self._waiting += 1

    def _finish(self, task: Task, outcome: Outcome) -> None:
        task._finished.set()
        self.post(lambda: task._deliver(outcome))
        task._posted.set()


class UiQueue(QObject):
    """Hands items from any thread to ``deliver(item)`` on the UI thread, in order (create on the UI thread).

    Only an argument-less signal crosses threads (queued Python objects are where PySide has had
    refcount bugs), and a burst of puts costs one wake-up. A ``deliver`` that raises goes to
    ``sys.excepthook`` (the app logs it and says it) and the items after it are still delivered."""

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
            try:
                self._wake.emit()
            except RuntimeError:   # the UI side is gone (the app is closing): nobody is left to tell
                pass

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
