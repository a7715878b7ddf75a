"""The Train tab's controller: where a run stands and what each button may do, fed only by events.

The Qt panel (or a mock in the tests) is the *view*; the training thread is reached through a
*runner* (pause, continue, stop, one step, a snapshot). Everything arrives as plain values: core's
events, :class:`RunStarted` instead of core's ``ReadyEvent`` (which carries the live trainer: the
training thread keeps that, see :func:`plain_events`), :class:`StepFailed` and the run's end. The
UI thread therefore never reads a trainer that a step is changing. No Qt here.

States: idle → preparing (the session opens data, builds networks) → running ⇄ paused;
paused → stepping (one D or G step in flight; the step buttons are off) → paused; any → idle
when the run ends. The settings are checked once, by :meth:`TrainController.start`.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from ganexplorer.core.data import DatasetError
from ganexplorer.core.data.dataset import check_dataset_spec
from ganexplorer.core.models.registry import PRESETS
from ganexplorer.core.train.checkpoint import read_run_config
from ganexplorer.core.train.config import TrainConfig
from ganexplorer.core.train.events import CheckpointEvent, LogEvent, ReadyEvent, SetupEvent, StepEvent, StoppedEvent

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunStarted:
    """The session is prepared (core's ReadyEvent without the trainer): what the tab shows before step one."""

    model: str
    dataset_name: str
    run_dir: Path | None
    real_grid: np.ndarray
    step: int
    epoch: int
    history: tuple[StepEvent, ...]
    resumed: bool


@dataclass(frozen=True)
class StepFailed:
    """A single step, or a call between two steps, raised: said, and the run goes on (paused)."""

    message: str


@dataclass(frozen=True)
class Snapshot:
    """A copy of the generator made between two steps, for the explorer."""

    G: Any
    family: str
    step: int
    run_dir: Path | None
    saved: Path | None     # the checkpoint that holds exactly this generator, if one was written at ``step``


@dataclass(frozen=True)
class Job:
    """What the training thread runs: ``training_session``'s arguments."""

    config: TrainConfig
    run_dir: Path | None
    out_root: str | None
    resume_from: Path | None
    max_steps: int | None


@dataclass(frozen=True)
class Progress:
    """The line under the buttons: where the run stands."""

    phase: str           # 'idle', 'preparing', 'running', 'paused', 'stepping', 'ended'
    step: int = 0
    epoch: int = 0
    rate: float = 0.0    # steps per second; 0 = not measured (yet)
    stage: str = ""      # while preparing: 'dataset' or 'model' ('' before either)
    detail: str = ""
    finished: bool = False   # ended by reaching its step limit (else stopped)
    trained: bool = False    # at least the session got ready (a trainer existed)


@dataclass(frozen=True)
class Buttons:
    start: bool
    pause: bool
    paused: bool         # the pause button reads "Continue"
    stop: bool
    step: bool
    explore: bool


@dataclass(frozen=True)
class StepChange:
    """One D or G step by hand: D(x) and D(G(z)) before and after it, and where it was plotted."""

    which: str           # 'd' or 'g'
    step: int
    d_real: tuple[float, float]   # before, after
    d_fake: tuple[float, float]


@dataclass(frozen=True)
class Said:
    """A status-bar sentence by kind (the view words and translates it) or core's own ``text``."""

    kind: str            # 'refused', 'cannot_train', 'at_limit', 'preparing', 'ready', 'resumed', 'checkpoint', 'log', 'error',
    #                      'nan', 'finished', 'stopped', 'stopped_saved', 'stopped_early', 'step_failed'
    args: tuple = ()
    text: str = ""       # core's sentence (translated by code in the view), for 'refused', 'error', 'log'


class TrainView(Protocol):
    def show_progress(self, progress: Progress) -> None: ...
    def show_buttons(self, buttons: Buttons) -> None: ...
    def say(self, said: Said) -> None: ...
    def run_started(self, started: RunStarted) -> None: ...
    def plot(self, event: object) -> None: ...
    def step_changed(self, change: StepChange) -> None: ...
    def open_snapshot(self, snapshot: Snapshot) -> None: ...
    def reset_plots(self) -> None: ...


class TrainRunner(Protocol):
    """The training thread, as the controller uses it (the Qt worker, or a mock)."""

    def pause(self) -> None: ...
    def resume(self) -> None: ...
    def stop(self) -> None: ...
    def single_step(self, which: str) -> None: ...
    def snapshot(self) -> None: ...


Launch = Callable[[Job], TrainRunner]


@dataclass
class _Run:
    job: Job
    runner: TrainRunner
    runs_root: str
    progress: Progress = field(default_factory=lambda: Progress("preparing"))
    stop_reason: str = ""
    saved: tuple[int, Path] | None = None
    run_dir: Path | None = None
    last_measure: tuple[float, float] | None = None   # the newest (D(x), D(G(z)))
    pending_step: tuple[str, tuple[float, float] | None] | None = None   # (which, measures before it)


class TrainController:
    """One Train tab's run. ``launch(job)`` starts the training thread and returns its runner."""

    def __init__(self, view: TrainView, launch: Launch) -> None:
        self.view = view
        self._launch = launch
        self.run: _Run | None = None
        self.remember_dir: Callable[[str], None] = lambda _root: None   # called once a new run's folder exists

    # -- what the buttons ask --------------------------------------------------------------------
    def start(self, config: TrainConfig, max_steps: int | None, out_root: str,
              resume_from: Path | None = None, at_step: int = 0) -> bool:
        """Check the settings (once, here), then start a run; False and a sentence when they are bad."""
        if self.active:
            return False
        try:
            config.validate()
            check_dataset_spec(config.data)   # a mistyped or missing dataset is refused at once
        except (DatasetError, ValueError) as e:
            self.view.say(Said("refused", text=str(e)))
            return False
        if max_steps is not None and at_step >= max_steps:
            self.view.say(Said("at_limit", (at_step,)))
            return False
        root = out_root.strip()
        job = Job(config, resume_from.parent if resume_from is not None else None,
                  (root or None) if resume_from is None else None, resume_from, max_steps)
        self.view.reset_plots()
        self.run = _Run(job, self._launch(job), root if resume_from is None else "")
        self.view.say(Said("preparing", (config.model, config.data)))
        self._show()
        return True

    def read_resume(self, checkpoint: Path, offered: Collection[str]) -> tuple[TrainConfig, int] | None:
        """The settings and step a saved run was at (its header only: cheap), or None and a sentence: an
        unreadable file, or a model this version does not offer for training."""
        try:
            config, step = read_run_config(checkpoint)
        except (ValueError, OSError) as e:
            self.view.say(Said("refused", text=str(e)))
            return None
        preset = PRESETS.get(config.model)
        if preset is None or not preset.trainable or config.model not in offered:
            self.view.say(Said("cannot_train", (checkpoint, config.model)))
            return None
        return config, step

    @property
    def active(self) -> bool:
        """A run is preparing, running or paused (its thread has not ended)."""
        return self.run is not None and self.run.progress.phase not in ("ended",)

    def toggle_pause(self) -> None:
        r = self.run
        if r is None or r.progress.phase not in ("running", "paused"):
            return
        if r.progress.phase == "running":
            r.runner.pause()
            r.progress = replace(r.progress, phase="paused", rate=0.0)
        else:
            r.runner.resume()
            r.progress = replace(r.progress, phase="running", rate=0.0)
        self._show()

    def stop(self) -> None:
        if self.active and self.run is not None:
            self.run.runner.stop()

    def single_step(self, which: str) -> bool:
        """One D or G step while paused; refused while one is in flight (so no step is left queued)."""
        r = self.run
        if r is None or r.progress.phase != "paused" or which not in ("d", "g"):
            return False
        r.pending_step = (which, r.last_measure)
        r.progress = replace(r.progress, phase="stepping")
        r.runner.single_step(which)
        self._show()
        return True

    def open_in_explorer(self) -> None:
        """Ask the training thread for a copy of the generator (made between two steps)."""
        r = self.run
        if r is not None and r.progress.trained:   # also once the run has ended: its last generator
            r.runner.snapshot()

    # -- what the training thread says -----------------------------------------------------------
    def on_event(self, ev: object) -> None:
        r = self.run
        if r is None:
            return
        if isinstance(ev, RunStarted):
            self._started(r, ev)
        elif isinstance(ev, StepEvent):
            self._stepped(r, ev)
        elif isinstance(ev, StepFailed):
            if r.progress.phase == "stepping":
                r.progress = replace(r.progress, phase="paused")
                r.pending_step = None
            self.view.say(Said("step_failed", text=ev.message))
            self._show()
        elif isinstance(ev, Snapshot):
            saved = r.saved[1] if r.saved is not None and r.saved[0] == ev.step else None
            self.view.open_snapshot(replace(ev, saved=saved))
        elif isinstance(ev, CheckpointEvent):
            r.saved = (ev.step, ev.path)
            self.view.say(Said("checkpoint", (ev.path,)))
        elif isinstance(ev, StoppedEvent):
            r.stop_reason = ev.reason
            if r.progress.trained and ev.step:   # a NaN step ends the run without a StepEvent of its own
                r.progress = replace(r.progress, step=ev.step)
            if ev.reason == "error":
                self.view.say(Said("error", text=ev.message))
            elif ev.reason == "nan":
                self.view.say(Said("nan", (ev.step,)))
        elif isinstance(ev, SetupEvent) and ev.stage == "note":   # skipped pictures and the like: said
            self.view.say(Said("log", text=ev.text))
        elif isinstance(ev, SetupEvent):
            r.progress = replace(r.progress, stage=ev.stage, detail=ev.detail)
            self._show()
        elif isinstance(ev, LogEvent):
            self.view.say(Said("log", text=ev.text))
        else:
            self.view.plot(ev)   # samples, the mixing strip, the class histogram

    def on_finished(self, message: str) -> None:
        """The training thread has ended ('' or one sentence saying what went wrong)."""
        r = self.run
        if r is None or r.progress.phase == "ended":
            return
        p = r.progress
        if message:
            self.view.say(Said("error", text=message))
        elif r.stop_reason in ("error", "nan"):
            pass   # already said
        elif not p.trained:
            self.view.say(Said("stopped_early"))
        elif r.stop_reason == "finished":
            self.view.say(Said("finished", (p.step, r.run_dir)))
        elif r.saved is not None and r.saved[0] == p.step:
            self.view.say(Said("stopped_saved", (p.step, r.saved[1])))
        else:
            self.view.say(Said("stopped", (p.step,)))
        r.progress = replace(p, phase="ended", rate=0.0, finished=r.stop_reason == "finished")
        self._show()

    # -- inside ------------------------------------------------------------------------------------
    def _started(self, r: _Run, ev: RunStarted) -> None:
        r.run_dir = ev.run_dir
        if ev.run_dir is not None and r.runs_root:
            self.remember_dir(r.runs_root)
        r.progress = replace(r.progress, phase="paused" if r.progress.phase == "paused" else "running",
                             step=ev.step, epoch=ev.epoch, trained=True, stage="", detail="")
        if ev.history:
            last = ev.history[-1]
            r.last_measure = (last.d_real, last.d_fake)
        self.view.run_started(ev)
        self.view.say(Said("resumed" if ev.resumed else "ready", (ev.model, ev.dataset_name, ev.step)))
        self._show()

    def _stepped(self, r: _Run, ev: StepEvent) -> None:
        p = r.progress
        before = r.last_measure
        r.last_measure = (ev.d_real, ev.d_fake)
        rate = ev.steps_per_second or p.rate
        phase = p.phase
        if r.pending_step is not None and ev.kind == r.pending_step[0]:
            which, before = r.pending_step
            r.pending_step = None
            phase = "paused"
            b = before or (ev.d_real, ev.d_fake)
            self.view.step_changed(StepChange(which, ev.step, (b[0], ev.d_real), (b[1], ev.d_fake)))
        r.progress = replace(p, phase=phase, step=ev.step, epoch=ev.epoch,
                             rate=0.0 if phase in ("paused", "stepping") else rate)
        self.view.plot(ev)
        self._show(buttons=phase != p.phase)

    def progress(self) -> Progress:
        return self.run.progress if self.run is not None else Progress("idle")

    def buttons(self) -> Buttons:
        p = self.progress()
        running = p.phase in ("preparing", "running", "paused", "stepping")
        preparing = running and not p.trained
        return Buttons(start=not running, pause=running and not preparing and p.phase != "stepping",
                       paused=p.phase in ("paused", "stepping"), stop=running,
                       step=p.phase == "paused" and p.trained, explore=p.trained)

    def _show(self, buttons: bool = True) -> None:
        self.view.show_progress(self.progress())
        if buttons:
            self.view.show_buttons(self.buttons())


class TrainerHolder:
    """The live trainer, touched only on the training thread (by :func:`plain_events` and the runner's calls)."""

    trainer: Any = None


def plain_events(events: Iterator[object], holder: TrainerHolder) -> Iterator[object]:
    """Core's session events with the ReadyEvent made plain (runs on the training thread): the trainer stays
    in ``holder`` for single steps and snapshots; the UI gets :class:`RunStarted`."""
    for ev in events:
        if isinstance(ev, ReadyEvent):
            holder.trainer = ev.trainer
            ev = RunStarted(ev.trainer.config.model, ev.dataset_name, ev.run_dir, ev.real_grid, ev.step,
                            ev.trainer.epoch, ev.history, ev.resumed)
        yield ev


def single_step_events(holder: TrainerHolder, which: str) -> list[object]:
    """Training thread: one D or G step's events; a step that raises is a :class:`StepFailed`, not the run's end."""
    try:
        return list(holder.trainer.single_step(which))
    except Exception as e:  # noqa: BLE001 - reported like any error between steps; the run goes on
        log.exception("a single %s step failed", which)
        return [StepFailed(str(e) or type(e).__name__)]


def make_snapshot(holder: TrainerHolder) -> Snapshot:
    """Training thread, between two steps: a copy of the generator as it is now."""
    tr = holder.trainer
    return Snapshot(copy.deepcopy(tr.sampler).eval(), tr.family, tr.step, tr.out_dir, None)
