"""The inference worker: one QThread owns the model; only the newest request is rendered.

The UI thread calls :meth:`InferenceWorker.submit` as often as it likes (every slider
tick). Requests are not queued: a newer one replaces the pending one, so a drag renders
only as often as the model can keep up, and the last position is always rendered.
Results come back through a :class:`UiQueue`, so the signals below are emitted on the UI
thread. Other jobs
(swapping the model, computing directions, building derived views) run on the same
thread, in order, so the model is never used by two threads at once.
"""

from __future__ import annotations

import itertools
import queue
import threading
import traceback
from typing import Any, Callable

import torch
from PySide6.QtCore import QObject, QThread, Signal, Slot

from ganexplorer.core.formats import CheckpointError
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.render import RenderRequest, Renderer
from ganexplorer.core.device import pick_device
from ganexplorer.core.ops import fused
from ganexplorer.gui.ui_queue import UiQueue


class _Engine(QObject):
    """Lives on the inference thread: its slots run the renders and jobs there."""

    wake = Signal()
    wake_jobs = Signal()

    def __init__(self, owner: "InferenceWorker") -> None:
        super().__init__()
        self.owner = owner

    @Slot()
    def drain_requests(self) -> None:
        self.owner._drain()

    @Slot()
    def run_jobs(self) -> None:
        self.owner._jobs_slot()


class InferenceWorker(QObject):
    """Stays on the UI thread (so its signals are emitted there); the work runs on its QThread."""

    rendered = Signal(int, object)        # (generation, RenderResult)
    render_failed = Signal(int, str)      # (generation, one sentence)
    job_done = Signal(str, object)        # (job name, result)
    job_failed = Signal(str, str)         # (job name, one sentence)

    def __init__(self, device: torch.device | None = None) -> None:
        super().__init__()
        self.device = device if device is not None else pick_device()
        self._thread = QThread()
        self._thread.setObjectName("ganexplorer-inference")
        self._engine = _Engine(self)
        self._engine.moveToThread(self._thread)
        self._engine.wake.connect(self._engine.drain_requests)
        self._engine.wake_jobs.connect(self._engine.run_jobs)
        self._jobs: queue.Queue[tuple[str, Callable]] = queue.Queue()
        self._lock = threading.Condition()
        self._pending: tuple[int, RenderRequest] | None = None
        self._scheduled = False
        self._busy = 0
        self._renderer: Renderer | None = None
        self._generations = itertools.count(1)
        self.render_count = 0
        self._results = UiQueue(lambda item: getattr(self, item[0]).emit(*item[1]))
        self._thread.start()

    def _deliver(self, signal_name: str, *args: object) -> None:
        """Worker thread: emit ``signal_name(*args)`` on the UI thread."""
        self._results.put((signal_name, args))

    # -- called from the UI thread ------------------------------------------------------------
    def submit(self, req: RenderRequest) -> int:
        """Replace any pending request with ``req``; returns its generation number."""
        gen = next(self._generations)
        with self._lock:
            self._pending = (gen, req)
            if not self._scheduled:
                self._scheduled = True
                self._engine.wake.emit()
        return gen

    def run_job(self, name: str, fn: Callable[[Renderer | None], Any]) -> None:
        """Run ``fn(renderer)`` on the worker thread; result via ``job_done`` / ``job_failed``."""
        with self._lock:
            self._busy += 1
        self._jobs.put((name, fn))
        self._engine.wake_jobs.emit()

    def set_model(self, model: LoadedModel) -> None:
        """Swap the model (on the worker thread, between renders), on the render device.

        On a GPU the fused ops are built and checked here the first time (seconds, off the UI thread).
        """
        def swap(_: Renderer | None) -> LoadedModel:
            model.to(self.device)
            if self.device.type == "cuda":
                fused.prepare(self.device)
            self._renderer = Renderer(model)
            return model
        self.run_job("set_model", swap)

    def wait_until_idle(self, timeout: float = 60.0) -> bool:
        """Block until nothing is pending or running (for tests and screenshots)."""
        with self._lock:
            return self._lock.wait_for(lambda: self._pending is None and not self._scheduled and self._busy == 0,
                                       timeout)

    def shutdown(self) -> None:
        self._thread.quit()
        self._thread.wait(10_000)

    # -- on the worker thread -----------------------------------------------------------------
    def _drain(self) -> None:
        while True:
            with self._lock:
                item = self._pending
                self._pending = None
                if item is None:
                    self._scheduled = False
                    self._lock.notify_all()
                    return
                self._busy += 1
            gen, req = item
            try:
                if self._renderer is None:
                    raise ValueError("no model is loaded")
                result = self._renderer.render(req)
                self.render_count += 1
                self._deliver("rendered", gen, result)
            except (ValueError, CheckpointError, RuntimeError) as e:
                self._deliver("render_failed", gen, str(e))
            finally:
                with self._lock:
                    self._busy -= 1
                    self._lock.notify_all()

    def _jobs_slot(self) -> None:
        while True:
            try:
                name, fn = self._jobs.get_nowait()
            except queue.Empty:
                return
            self._job(name, fn)

    def _job(self, name: str, fn: Callable[[Renderer | None], Any]) -> None:
        try:
            result = fn(self._renderer)
            self._deliver("job_done", name, result)
        except CheckpointError as e:
            self._deliver("job_failed", name, str(e))
        except InterruptedError:
            self._deliver("job_failed", name, "cancelled")
        except Exception as e:  # a job's failure must never take the app down
            traceback.print_exc()
            self._deliver("job_failed", name, f"{type(e).__name__}: {e}")
        finally:
            with self._lock:
                self._busy -= 1
                self._lock.notify_all()
