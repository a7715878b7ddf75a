"""The inference worker: one QThread owns the model; only the newest request is rendered.

The UI thread calls :meth:`InferenceWorker.submit` as often as it likes (every slider
tick). Requests are not queued: a newer one replaces the pending one, so a drag renders
only as often as the model can keep up, and the last position is always rendered.
Results come back through a :class:`UiQueue`, so the signals below are emitted on the UI
thread. Other jobs
(swapping the model, computing directions, building derived views) run on the same
thread, in order, so the model is never used by two threads at once.

Slow models (a 1024 px StyleGAN2 on a laptop: seconds per picture) get previews: once full
renders take longer than ``preview_after_s``, the newest request is first rendered as a
low-resolution preview (the synthesis network stopped early, ``RenderResult.preview``), and
in full only when no newer request has come for ``rest_s``; a newer request also abandons
that full render between two blocks (the preview stays on screen). So a dragged slider
shows a picture several times a second and the sharp one when the slider rests. Models
below ``preview_min_resolution`` (the bundled 32 px ones), fast ones, and those where no
preview is ``preview_min_speedup`` times cheaper than the full picture are rendered exactly
as before: every picture in full, none abandoned.
"""

from __future__ import annotations

import itertools
import queue
import threading
import traceback
from collections import deque
from typing import Any, Callable

import torch
from PySide6.QtCore import QObject, QThread, Signal, Slot

from ganexplorer.core.formats import CheckpointError
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.render import RenderRequest, Renderer
from ganexplorer.core.render.renderer import PREVIEW_BUDGET_S, RenderCancelled
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

    # Previews (see the module docstring); instance attributes so a test or a setting can change them.
    # Full renders slower than this make the next requests previews first. 0.25 s keeps a 256² model
    # (about 0.18 s on 2 quiet cores) rendering in full; a 1024² one (1.1 s) previews.
    PREVIEW_AFTER_S = 0.25
    REST_S = 0.2              # Refine to the full picture after this long without a newer request.
    PREVIEW_MIN_RESOLUTION = 128  # Smaller models never preview: their pictures are cheap whatever the load,
                                  # and an 8 px stand-in for a 32 px picture would only flicker.
    PREVIEW_MIN_SPEEDUP = 4.0     # A preview must be this many times cheaper than the full picture.

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
        self._refine: tuple[int, RenderRequest] | None = None   # previewed; its full render is owed
        self._full_seconds: deque[float] = deque(maxlen=3)       # recent full renders' times, this model
        self._closing = False
        self.preview_after_s = self.PREVIEW_AFTER_S
        self.preview_min_resolution = self.PREVIEW_MIN_RESOLUTION
        self.rest_s = self.REST_S
        self.preview_budget_s = PREVIEW_BUDGET_S
        self.preview_min_speedup = self.PREVIEW_MIN_SPEEDUP
        self.preview_count = 0
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
            self._lock.notify_all()  # ends a rest period early
            if not self._scheduled:
                self._scheduled = True
                self._engine.wake.emit()
        return gen

    def run_job(self, name: str, fn: Callable[[Renderer | None], Any]) -> None:
        """Run ``fn(renderer)`` on the worker thread; result via ``job_done`` / ``job_failed``."""
        with self._lock:
            self._busy += 1
            self._jobs.put((name, fn))
            self._lock.notify_all()  # a rest period lets jobs run
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
            with self._lock:
                self._refine = None  # the owed picture was the old model's
                self._full_seconds.clear()
            return model
        self.run_job("set_model", swap)

    def wait_until_idle(self, timeout: float = 60.0) -> bool:
        """Block until nothing is pending or running (for tests and screenshots)."""
        with self._lock:
            return self._lock.wait_for(lambda: self._pending is None and self._refine is None
                                       and not self._scheduled and self._busy == 0, timeout)

    @property
    def previewing(self) -> bool:
        """Whether requests are now rendered as previews first.

        Yes when the model can preview, is at least ``preview_min_resolution`` px, and its
        recent full renders (the fastest of the last three, so one hiccup on a busy machine
        does not switch a fast model to previews) took longer than ``preview_after_s``.
        """
        r = self._renderer
        return (r is not None and r.can_preview and r.model.resolution >= self.preview_min_resolution
                and bool(self._full_seconds) and min(self._full_seconds) > self.preview_after_s)

    def shutdown(self) -> None:
        self._closing = True  # abandons a long full render between blocks
        with self._lock:
            self._lock.notify_all()
        self._thread.quit()
        self._thread.wait(10_000)

    # -- on the worker thread -----------------------------------------------------------------
    def _next_task(self) -> tuple[str | None, tuple[int, RenderRequest] | None]:
        """Under the lock: 'preview' / 'full' / 'refine' (with the request), 'jobs', or None if nothing is left.

        A previewed request waits here for ``rest_s`` before its full render; a newer request
        (which replaces it) or a job ends the wait early. Waiting on the condition, not
        sleeping, is what lets tests run without fixed delays.
        """
        if self._pending is None and self._refine is not None and not self._closing:
            self._lock.wait_for(lambda: self._pending is not None or not self._jobs.empty() or self._closing,
                                self.rest_s)
            if self._pending is None and not self._jobs.empty():
                return "jobs", None
        if self._pending is not None:
            item, self._pending, self._refine = self._pending, None, None
            return ("preview" if self.previewing else "full"), item
        if self._refine is not None and not self._closing:
            item, self._refine = self._refine, None
            return "refine", item
        self._refine = None
        return None, None

    def _drain(self) -> None:
        while True:
            with self._lock:
                task, item = self._next_task()
                if task is None:
                    self._scheduled = False
                    self._lock.notify_all()
                    return
                if task != "jobs":
                    self._busy += 1
            if task == "jobs":
                self._jobs_slot()
                continue
            gen, req = item
            try:
                renderer = self._renderer
                if renderer is None:
                    raise ValueError("no model is loaded")
                size = (renderer.preview_resolution(self.preview_budget_s, self.preview_min_speedup)
                        if task == "preview" else None)
                if size is not None:
                    result = renderer.render(req, preview_resolution=size)
                    self.preview_count += 1
                    with self._lock:
                        self._refine = item
                else:
                    # Only a previewed picture's full render is abandoned for a newer request (the
                    # preview stays on screen); any other render completes, as it always has.
                    cancel = (lambda: self._pending is not None or self._closing) if task == "refine" else None
                    result = renderer.render(req, cancel=cancel)
                    self._full_seconds.append(result.seconds)
                self.render_count += 1
                self._deliver("rendered", gen, result)
            except RenderCancelled:
                pass  # a newer request replaced it: that one is previewed, then refined
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
