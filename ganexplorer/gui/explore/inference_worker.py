"""The inference worker: one thread owns the model; only the newest request is rendered.

The UI thread calls :meth:`InferenceWorker.submit` as often as it likes (every slider
tick). Requests are not queued: a newer one replaces the pending one, so a drag renders
only as often as the model can keep up, and the last position is always rendered.
Results come back on the UI thread (the signals below are emitted there). Other jobs
(swapping the model, computing directions, building derived views) run on the same
thread, in order, so the model is never used by two threads at once.

Slow models (a 1024 px StyleGAN2 on a laptop: seconds per picture) get previews: once full renders take
longer than ``preview_after_s``, the newest request is first rendered as a low-resolution preview (the
synthesis stopped early, ``RenderResult.preview``), and in full only when no newer request has come for
``rest_s``; a newer request abandons that full render between two blocks (the preview stays). Small, fast
models, and those where no preview is ``preview_min_speedup`` times cheaper, are rendered in full.

Nothing a render or a job raises stops the worker: the thread comes from the shared
:class:`~ganexplorer.gui.common.background.Runner`, each render and job runs :func:`guarded` (logged,
reported as one sentence through ``render_failed`` / ``job_failed``), and the scheduling flag
is reset in ``finally``. Every request and job carries the *model generation* (bumped by
:meth:`InferenceWorker.set_model`): work asked for under a replaced model is dropped before it
runs, asked to stop while it runs (:meth:`InferenceWorker.should_stop`), and its result is
discarded (``job_cancelled``). Jobs given a ``key`` replace a pending job of the same key;
:meth:`InferenceWorker.cancel` drops jobs by name; a job may ``report_progress``. A failed model
swap refuses the new model's requests. :meth:`InferenceWorker.shutdown` joins the thread.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections import deque
from dataclasses import dataclass
from typing import Any, Callable

import torch
from PySide6.QtCore import QObject, Signal

from ganexplorer.core.device import pick_device
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.ops import fused
from ganexplorer.core.render import RenderRequest, Renderer
from ganexplorer.core.render.renderer import PREVIEW_BUDGET_S, RenderCancelled, RenderResult
from ganexplorer.gui.common.background import Cancelled, Outcome, Runner, describe, guarded

log = logging.getLogger(__name__)


@dataclass(eq=False)
class _Render:
    gen: int                # the request's number (what ``rendered`` reports)
    req: RenderRequest
    model_gen: int          # the model it was asked for
    state: object = None    # what the request was made from; the result carries it back


@dataclass(eq=False)
class _Job:
    name: str
    fn: Callable[[Renderer | None], Any]
    key: str | None         # a newer job with the same key replaces this one while it waits
    model_gen: int | None   # the model it was asked for; None: runs on whichever model is loaded at its turn
    cancelled: bool = False


class InferenceWorker(QObject):
    """Stays on the UI thread (so its signals are emitted there); the work runs on its own thread."""

    rendered = Signal(int, object)        # (generation, RenderResult)
    render_failed = Signal(int, str)      # (generation, one sentence)
    job_done = Signal(str, object)        # (job name, result)
    job_failed = Signal(str, str)         # (job name, one sentence)
    job_cancelled = Signal(str)           # (job name): replaced, cancelled, its model replaced, or shut down
    job_progress = Signal(str, float)     # (job name, fraction done), from report_progress

    # Previews (see the module docstring); instance attributes so a test or a setting can change them.
    # Full renders slower than this make the next requests previews first. 0.25 s keeps a 256² model
    # (about 0.18 s on 2 quiet cores) rendering in full; a 1024² one (1.1 s) previews.
    PREVIEW_AFTER_S = 0.25
    REST_S = 0.2              # Refine to the full picture after this long without a newer request.
    PREVIEW_MIN_RESOLUTION = 128  # Smaller models never preview: cheap pictures; an 8 px stand-in would flicker.
    PREVIEW_MIN_SPEEDUP = 4.0     # A preview must be this many times cheaper than the full picture.
    SHUTDOWN_WAIT_S = 60.0        # Closing waits this long for a job that does not poll should_stop().

    def __init__(self, device: torch.device | None = None) -> None:
        super().__init__()
        self.device = device if device is not None else pick_device()
        # A daemon thread: shutdown() joins it, but a job that never returns cannot hold the process open.
        self._runner = Runner("inference", workers=1, daemon=True, logger=log)
        self._lock = threading.Condition()
        self._pending: _Render | None = None
        self._refine: _Render | None = None   # previewed; its full render is owed
        self._jobs: deque[_Job] = deque()
        self._current: _Job | None = None     # the job running now
        self._full_seconds: deque[float] = deque(maxlen=3)       # recent full renders' times, this model
        self._closing = False
        self.preview_after_s = self.PREVIEW_AFTER_S
        self.preview_min_resolution = self.PREVIEW_MIN_RESOLUTION
        self.rest_s = self.REST_S
        self.preview_budget_s = PREVIEW_BUDGET_S
        self.preview_min_speedup = self.PREVIEW_MIN_SPEEDUP
        self.preview_count = 0
        self._scheduled = False
        self._busy = 0                        # jobs waiting or running, renders running
        self._renderer: Renderer | None = None
        self._generations = itertools.count(1)
        self._model_gen = 0                   # bumped by set_model (UI thread, under the lock)
        self._renderer_gen = 0                # the model generation of _renderer
        self._swap_error: str | None = None   # why the last model could not be swapped in
        self.render_count = 0

    # -- called from the UI thread ------------------------------------------------------------
    def submit(self, req: RenderRequest, state: object = None) -> int:
        """Replace any pending request with ``req`` (made from ``state``, which its result carries); returns its
        generation number."""
        gen = next(self._generations)
        with self._lock:
            self._pending = _Render(gen, req, self._model_gen, state)
            self._lock.notify_all()  # ends a rest period early
            self._schedule()
        return gen

    def run_job(self, name: str, fn: Callable[[Renderer | None], Any], key: str | None = None,
                model_bound: bool = True) -> None:
        """Run ``fn(renderer)`` on the worker thread; result via ``job_done`` / ``job_failed`` / ``job_cancelled``.

        ``key``: a pending job with the same key is replaced (only the newest is computed).
        ``model_bound``: the job is about the current model, so it is dropped, or its result
        discarded, once another model is set (False for work whose result stands on its own,
        e.g. an export: it still runs on the model loaded when it was asked for, jobs run in order).
        A long job may poll :meth:`should_stop` (or call :meth:`check_stop`) to end early.
        """
        with self._lock:
            if self._closing:
                self._runner.post(lambda: self.job_cancelled.emit(name))
                return
            replaced = [j for j in self._jobs if key is not None and j.key == key]
            self._drop(replaced)
            self._jobs.append(_Job(name, fn, key, self._model_gen if model_bound else None))
            self._busy += 1
            self._lock.notify_all()  # a rest period lets jobs run
            self._schedule()

    def set_model(self, model: LoadedModel) -> None:
        """Swap the model (on the worker thread, between renders), on the render device.

        Work asked for under the previous model is dropped or, if running, asked to stop.
        On a GPU the fused ops are built and checked here the first time (seconds, off the UI thread).
        """
        with self._lock:
            self._model_gen += 1
            gen = self._model_gen
            self._lock.notify_all()

        def swap(_: Renderer | None) -> LoadedModel:
            try:
                model.to(self.device)
                if self.device.type == "cuda":
                    fused.prepare(self.device)
                renderer = Renderer(model)
            except BaseException as e:
                # The UI already shows the new model: its requests are refused (one sentence each), never
                # drawn by the old one; the failure itself goes out as job_failed('set_model').
                with self._lock:
                    self._renderer, self._renderer_gen = None, gen
                    self._swap_error = describe(e) if isinstance(e, Exception) else None
                    self._refine = None
                    self._full_seconds.clear()
                raise
            with self._lock:
                self._swap_error = None
                self._renderer, self._renderer_gen = renderer, gen
                self._refine = None  # the owed picture was the old model's
                self._full_seconds.clear()
            return model
        self.run_job("set_model", swap, key="set_model")

    def cancel(self, name: str) -> None:
        """Drop the waiting jobs called (or keyed) ``name``; a running one is asked to stop and its result discarded."""
        with self._lock:
            self._drop([j for j in self._jobs if name in (j.name, j.key)])
            job = self._current
            if job is not None and name in (job.name, job.key):
                job.cancelled = True

    def wait_until_idle(self, timeout: float = 60.0) -> bool:
        """Block until nothing is pending or running (for tests and screenshots)."""
        with self._lock:
            return self._lock.wait_for(lambda: self._pending is None and self._refine is None
                                       and not self._scheduled and self._busy == 0, timeout)

    def drain(self) -> None:
        """Deliver the results already computed now (tests and screenshots; the event loop does it otherwise)."""
        self._runner.drain()

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

    @property
    def closing(self) -> bool:
        """Whether :meth:`shutdown` has been asked for."""
        return self._closing

    def is_alive(self) -> bool:
        """Whether the worker's thread is still running."""
        return self._runner.is_alive()

    def shutdown(self, timeout: float | None = None) -> bool:
        """Cancel pending work, ask the running render or job to stop, and join the thread.

        Renders stop between two synthesis blocks and jobs that poll :meth:`should_stop` at
        their next check; a job that does not is waited for up to ``timeout`` (default
        ``SHUTDOWN_WAIT_S``) and logged if it is still running. Returns whether the thread ended.
        """
        with self._lock:
            self._closing = True
            self._drop(list(self._jobs))
            self._pending = self._refine = None
            if self._current is not None:
                self._current.cancelled = True
            self._lock.notify_all()   # ends a rest period
        ended = self._runner.shutdown(self.SHUTDOWN_WAIT_S if timeout is None else timeout)
        if ended:
            with self._lock:
                self._scheduled = False   # a drain that was queued but never started
                self._lock.notify_all()
        return ended

    # -- on the worker thread -----------------------------------------------------------------
    def should_stop(self) -> bool:
        """For a running job: whether to end early (cancelled, its model replaced, or the worker closing)."""
        job = self._current
        return self._closing or (job is not None and self._stale(job))

    def report_progress(self, name: str, fraction: float) -> None:
        """For a running job: tell the UI how far it is (``job_progress``, on the UI thread)."""
        self._runner.post(lambda: self.job_progress.emit(name, float(fraction)))

    def check_stop(self) -> None:
        """For a running job: raise :class:`~ganexplorer.gui.common.background.Cancelled` if it should stop."""
        if self.should_stop():
            raise Cancelled()

    def _stale(self, job: _Job) -> bool:
        return job.cancelled or (job.model_gen is not None and job.model_gen != self._model_gen)

    def _drop(self, jobs: list[_Job]) -> None:
        """Under the lock: take waiting jobs out of the queue; ``job_cancelled`` tells the UI."""
        for job in jobs:
            self._jobs.remove(job)
            self._busy -= 1
            self._runner.post(lambda name=job.name: self.job_cancelled.emit(name))
        if jobs:
            self._lock.notify_all()

    def _schedule(self) -> None:
        """Under the lock: make sure a drain runs on the worker thread."""
        if not self._scheduled and not self._closing:
            self._scheduled = True
            self._runner.submit(self._drain, what="the inference worker")

    def _next_task(self) -> tuple[str | None, Any]:
        """Under the lock: ('preview' | 'full' | 'refine', _Render), ('job', _Job), or (None, None) if nothing is left.

        A request waits for the job that swaps in the model it was asked for; otherwise renders
        come before jobs. A previewed request waits here for ``rest_s`` before its full render;
        a newer request (which replaces it) or a job ends the wait early. Waiting on the
        condition, not sleeping, is what lets tests run without fixed delays.
        """
        rested = False
        while not self._closing:
            if self._pending is not None and self._pending.model_gen != self._model_gen:
                self._pending = None   # asked for under a model that has been replaced since
            if self._refine is not None and self._refine.model_gen != self._model_gen:
                self._refine = None
            p = self._pending
            if p is not None and (p.model_gen == self._renderer_gen or not self._jobs):
                # (no job left that could swap its model in: _render_one refuses it with a sentence)
                self._pending, self._refine = None, None
                return ("preview" if self.previewing else "full"), p
            if self._jobs:
                return "job", self._jobs.popleft()
            if self._refine is None:
                return None, None
            if not rested:
                rested = True
                if self._lock.wait_for(lambda: self._pending is not None or bool(self._jobs) or self._closing,
                                       self.rest_s):
                    rested = False   # something came: look again
                continue
            item, self._refine = self._refine, None
            return "refine", item
        return None, None

    def _drain(self, _task: object) -> None:
        clean = False
        try:
            while True:
                with self._lock:
                    kind, item = self._next_task()
                    if kind is None:
                        self._scheduled = False
                        self._lock.notify_all()
                        clean = True
                        return
                    if kind == "job":
                        self._current = item
                    else:
                        self._busy += 1
                if kind == "job":
                    self._run_job(item)
                else:
                    self._render(kind, item)
        finally:
            if not clean:   # something above raised (logged by the runner): let the next submit schedule again
                with self._lock:
                    self._scheduled = False
                    self._current = None
                    self._lock.notify_all()

    def _render(self, kind: str, item: _Render) -> None:
        try:
            outcome = guarded(self._render_one, kind, item, what="render", logger=log)
            if outcome.error is not None or outcome.value is not None:
                self._runner.post(lambda: self._deliver_render(item, outcome))
        finally:
            with self._lock:
                self._busy -= 1
                self._lock.notify_all()

    def _deliver_render(self, item: _Render, outcome: Outcome) -> None:
        """UI thread: show the picture or say why not, unless another model has been set since it was asked for."""
        if item.model_gen != self._model_gen:
            return
        if outcome.error is not None:
            self.render_failed.emit(item.gen, describe(outcome.error))
        else:
            self.rendered.emit(item.gen, outcome.value)

    def _render_one(self, kind: str, item: _Render) -> RenderResult | None:
        """The picture for ``item``, or None if it was abandoned for a newer request, another model or closing."""
        renderer = self._renderer
        if renderer is None or item.model_gen != self._renderer_gen:
            if self._swap_error:
                raise ValueError(f"the model could not be made ready for drawing: {self._swap_error}")
            raise ValueError("no model is loaded")

        def stop() -> bool:
            return self._closing or item.model_gen != self._model_gen

        try:
            size = (renderer.preview_resolution(self.preview_budget_s, self.preview_min_speedup)
                    if kind == "preview" else None)
            if size is not None:
                result = renderer.render(item.req, preview_resolution=size, cancel=stop)
                self.preview_count += 1
                with self._lock:
                    self._refine = item
            else:
                # Only a previewed picture's full render is abandoned for a newer request (the
                # preview stays on screen); any other render completes unless the worker closes.
                cancel = (lambda: self._pending is not None or stop()) if kind == "refine" else stop
                result = renderer.render(item.req, cancel=cancel)
                self._full_seconds.append(result.seconds)
        except RenderCancelled:
            return None   # replaced: the newer request is previewed, then refined
        self.render_count += 1
        result.state = item.state
        return result

    def _run_job(self, job: _Job) -> None:
        try:
            if self._closing or self._stale(job):
                outcome: Outcome = Outcome(cancelled=True)
            else:
                outcome = guarded(job.fn, self._renderer, what=f"the job '{job.name}'", logger=log)
            self._runner.post(lambda: self._deliver_job(job, outcome))
        finally:
            with self._lock:
                self._current = None
                self._busy -= 1
                self._lock.notify_all()

    def _deliver_job(self, job: _Job, outcome: Outcome) -> None:
        """UI thread: exactly one of job_done / job_failed / job_cancelled (stale work counts as cancelled)."""
        if outcome.cancelled or self._stale(job):
            self.job_cancelled.emit(job.name)
        elif outcome.error is not None:
            self.job_failed.emit(job.name, describe(outcome.error))
        else:
            self.job_done.emit(job.name, outcome.value)
