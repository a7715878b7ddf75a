"""The Train tab: pick a model and data, press Start, watch losses, D outputs and samples.

This module is the view of :class:`~ganexplorer.app.train_controller.TrainController` (which holds
where the run stands and what each button may do) and the place that starts the training thread
(:class:`TrainRunner`). The setup form is ``train_form.py``, the buttons ``train_controls.py``, the
curves, grids and timeline ``train_plots.py``. Events only append to the plots, which are redrawn
from a timer a few times per second, so plotting never slows training. Opening the data and
building the trainer are the first steps of core's training session, on the training thread, shown
as "preparing…"; the live trainer never reaches this thread. Core decides when a checkpoint is
written; this panel never saves.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget

from ganexplorer.app.train_controller import (Buttons, Job, Progress, RunStarted, Said, Snapshot, StepChange,
                                              StepFailed, TrainController, TrainerHolder, make_snapshot,
                                              plain_events, single_step_events)
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.models.registry import PRESETS
from ganexplorer.core.train.events import CheckpointEvent
from ganexplorer.core.train.preload import preload_training_imports
from ganexplorer.core.train.session import training_session
from ganexplorer.gui.common.background import Runner
from ganexplorer.gui.common.core_text import translate_core
from ganexplorer.gui.train.train_controls import TrainControls
from ganexplorer.gui.train.train_form import TrainSetupForm
from ganexplorer.gui.train.train_plots import TrainPlots
from ganexplorer.gui.train.training_worker import TrainingWorker

REDRAW_MS = 200   # how often the curves are redrawn while points arrive


class TrainRunner:
    """The training thread as the controller drives it: a :class:`TrainingWorker` running core's session, with
    the live trainer kept on that thread (``holder``); single steps and snapshots run there too."""

    def __init__(self, job: Job, on_event, on_finished) -> None:
        self.holder = TrainerHolder()
        self._on_event = on_event
        self.worker = TrainingWorker(lambda: self._events(job))
        self.worker.event.connect(on_event)
        self.worker.finished.connect(on_finished)
        self.worker.start()

    def _events(self, job: Job) -> Iterator[object]:
        """Training thread: the session's events, plain; a save made while the run was being stopped (inside
        the session's ``finally``, so without an event of its own) is announced after them."""
        said = None
        events = plain_events(training_session(job.config, run_dir=job.run_dir, out_root=job.out_root,
                                               resume_from=job.resume_from, max_steps=job.max_steps), self.holder)
        try:
            for ev in events:
                if isinstance(ev, CheckpointEvent):
                    said = (ev.step, ev.path)
                yield ev
        finally:
            events.close()   # the session saves as it closes (Stop)
            saved = getattr(self.holder.trainer, "last_checkpoint", None)
            if saved is not None and saved != said:
                self.worker.post_event(CheckpointEvent(*saved))

    def pause(self) -> None:
        self.worker.pause()

    def resume(self) -> None:
        self.worker.resume()

    def stop(self) -> None:
        self.worker.stop()

    def single_step(self, which: str) -> None:
        holder = self.holder
        self.worker.call_while_paused(lambda: single_step_events(holder, which))

    def snapshot(self) -> None:
        holder = self.holder
        self.worker.call_between_steps(lambda: make_snapshot(holder), then=self._snapshot_made)

    def _snapshot_made(self, future: Future) -> None:
        error = future.exception()
        self._on_event(StepFailed(str(error)) if error is not None else future.result())


class TrainPanel(QWidget):
    """The setup form and the run buttons on the left, :class:`TrainPlots` on the right; the run itself is
    :class:`~ganexplorer.app.train_controller.TrainController`'s, this panel is its view."""

    status = Signal(str)
    open_in_explorer = Signal(object)   # LoadedModel

    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self._own_settings = settings
        self.runner: TrainRunner | None = None
        self._preloading = False
        self._progress = Progress("idle")
        self.setup = TrainSetupForm(self._settings)
        self.setup.status.connect(self.status)
        self.plots = TrainPlots()
        self.controls = TrainControls()
        self.controller = TrainController(self, self._launch)
        self.controller.remember_dir = self.setup.remember_dir
        self._connect_controls()
        split = QSplitter()
        split.addWidget(self._build_left())
        split.addWidget(self.plots)
        split.setStretchFactor(1, 1)
        self.split = split
        self._fit_form()
        QVBoxLayout(self).addWidget(split)

        self._redraw = QTimer(self)
        self._redraw.setInterval(REDRAW_MS)
        self._redraw.timeout.connect(self._refresh)
        self._redraw.start()
        self.setup.model_changed.connect(self._model_changed)
        self._model_changed(self.setup.model.currentData())
        if settings is not None:   # the window's settings: the form shows the model and data chosen last time
            self.setup.remember_choices()
        self.plots.set_smoothing(self.controls.smooth.isChecked())
        self.show_buttons(self.controller.buttons())

    @property
    def run_dir(self) -> Path | None:
        """The current run's folder, once the session has made it."""
        return self.controller.run.run_dir if self.controller.run is not None else None

    @property
    def worker(self) -> TrainingWorker | None:
        """The training thread of the current run (tests wait on it; the run's state is the controller's)."""
        return self.runner.worker if self.runner is not None else None

    def _connect_controls(self) -> None:
        c = self.controls
        c.start_btn.clicked.connect(lambda: self.start())
        c.resume_btn.clicked.connect(self._resume_dialog)
        c.pause_btn.clicked.connect(self.controller.toggle_pause)
        c.stop_btn.clicked.connect(self.controller.stop)
        c.step_d_btn.clicked.connect(lambda: self.controller.single_step("d"))
        c.step_g_btn.clicked.connect(lambda: self.controller.single_step("g"))
        c.explore_btn.clicked.connect(self.controller.open_in_explorer)
        c.smooth.toggled.connect(self.plots.set_smoothing)

    def _build_left(self) -> QWidget:
        """The form in a part that scrolls, the run controls under it always in sight (Start must never be
        scrolled away, on a 1280x720 projector in presentation mode neither)."""
        inner = QWidget()
        lv = QVBoxLayout(inner)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.setup)
        lv.addStretch(1)
        left = QScrollArea()
        left.setWidget(inner)
        left.setWidgetResizable(True)
        left.setFrameShape(QFrame.Shape.NoFrame)
        left.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.left, self.left_inner = left, inner
        column = QWidget()
        cv = QVBoxLayout(column)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.addWidget(left, 1)
        cv.addWidget(self.controls)
        self.left_column = column
        return column

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """The first time the tab is shown, load what training needs (seconds of torch imports) in the
        background, so Start finds it ready; the session waits for it if Start comes first."""
        super().showEvent(event)
        if not self._preloading:
            self._preloading = True
            self._preload = Runner("preload", daemon=True, idle_exit_s=1.0)   # kept: its queue lives on this thread
            self._preload.submit(lambda _task: preload_training_imports(), what="loading the training imports")

    # -- settings and folders -----------------------------------------------------------------
    def _settings(self) -> QSettings:
        """The main window's settings (tests give it a temporary file), else the application's."""
        if self._own_settings is None:
            self._own_settings = getattr(self.window(), "settings", None) or QSettings()
        return self._own_settings

    def _resume_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Resume a training run"), self.setup.last_dir(),
                                              self.tr("Training checkpoints (*.safetensors);;All files (*)"))
        if path:
            self.setup.remember_dir(Path(path).parent.parent)
            self.resume(path)

    def _model_changed(self, model: str) -> None:
        self.plots.set_stylegan2(PRESETS[model].family == "stylegan2")

    # -- control ------------------------------------------------------------------------------
    def start(self, max_steps: int | None = None) -> bool:
        """Start a new run in a new folder; ``max_steps`` overrides the "Stop at step" field."""
        return self.controller.start(self.setup.config(), self._max_steps(max_steps), self.setup.out_dir.text())

    def resume(self, checkpoint: str | Path, max_steps: int | None = None) -> bool:
        """Continue the run saved in ``checkpoint`` (its folder keeps receiving the checkpoints)."""
        if self.controller.active:
            return False
        box = self.setup.model
        found = self.controller.read_resume(Path(checkpoint), {box.itemData(i) for i in range(box.count())})
        if found is None:
            return False
        cfg, step = found
        self.setup.show_config(cfg)
        return self.controller.start(self.setup.config(), self._max_steps(max_steps), "",
                                     resume_from=Path(checkpoint), at_step=step)

    def _max_steps(self, max_steps: int | None) -> int | None:
        return max_steps if max_steps is not None else (self.setup.max_steps.value() or None)

    def _launch(self, job: Job) -> TrainRunner:
        self.runner = TrainRunner(job, self.controller.on_event, self.controller.on_finished)
        return self.runner

    # -- the controller's view -------------------------------------------------------------------
    def reset_plots(self) -> None:
        self.plots.reset()
        self.controls.step_change.clear()

    def run_started(self, ev: RunStarted) -> None:
        """The session has its data and trainer: show the run folder, the real images and a resumed run's past."""
        self.controls.run_label.setText(self.tr("Run folder: {0}").format(ev.run_dir) if ev.run_dir is not None
                               else self.tr("Run folder: none (not saving)"))
        for h in ev.history:   # a resumed run shows its past
            self.plots.add_step(h)
        self.plots.real_view.set_image(ev.real_grid)

    def plot(self, ev: object) -> None:
        self.plots.show_event(ev)

    def step_changed(self, change: StepChange) -> None:
        """One D or G step by hand: say what it changed, mark the new point."""
        (r0, r1), (f0, f1) = change.d_real, change.d_fake
        who = self.tr("One D step") if change.which == "d" else self.tr("One G step")
        self.controls.step_change.setText(self.tr("{0} (step {1}): D(x) {2:.3f} \u2192 {3:.3f}, "
                                                  "D(G(z)) {4:.3f} \u2192 {5:.3f}").format(
            who, change.step, r0, r1, f0, f1))
        self.plots.mark_step(change.step, r1, f1)

    def open_snapshot(self, snap: Snapshot) -> None:
        """A copy of the generator in the explorer, named by its run (the run folder, and the checkpoint that
        holds exactly this generator if one was written at this step)."""
        notes = [self.tr("snapshot at step {0}").format(snap.step)]
        if snap.run_dir is not None:
            notes.append(self.tr("run {0}").format(snap.run_dir.name))
        if snap.saved is not None:
            notes.append(self.tr("saved as {0}").format(snap.saved))
        self.open_in_explorer.emit(LoadedModel(G=snap.G, family=snap.family, format="native",
                                               network="G (training)", notes=notes))

    def say(self, said: Said) -> None:
        text = self._sentence(said)
        if text:
            self.status.emit(text)

    def _sentence(self, said: Said) -> str:
        """The status-bar sentence for what the controller says (core's own sentences translated by code)."""
        if said.text:
            text = translate_core(said.text)
            return self.tr("That step failed: {0}").format(text) if said.kind == "step_failed" else text
        a = said.args
        words = {
            "cannot_train": lambda: self.tr("'{0}' was trained as {1}, which this version cannot train"),
            "at_limit": lambda: self.tr("The run is already at step {0}; raise \u201cStop at step\u201d to go on"),
            "preparing": lambda: self.tr("Preparing {0} on {1}\u2026"),
            "ready": lambda: self.tr("Training {0} on {1}"),
            "resumed": lambda: self.tr("Resuming {0} on {1} at step {2}"),
            "checkpoint": lambda: self.tr("Checkpoint written: {0}"),
            "nan": lambda: self.tr("Training stopped at step {0}: a loss became NaN or infinite; the last good "
                                   "checkpoint is kept"),
            "finished": lambda: (self.tr("Finished at step {0}; saved in {1}") if a[1] is not None
                                 else self.tr("Finished at step {0}")),
            "stopped_saved": lambda: self.tr("Stopped at step {0}; saved {1}"),
            "stopped": lambda: self.tr("Stopped at step {0}"),
            "stopped_early": lambda: self.tr("Stopped before training began"),
        }
        word = words.get(said.kind)
        return word().format(*a) if word is not None else ""

    def show_progress(self, p: Progress) -> None:
        self._progress = p
        self.controls.rate_label.setText(self._progress_text(p))

    def _progress_text(self, p: Progress) -> str:
        where = self.tr("epoch {0}").format(p.epoch)
        if p.phase == "idle":
            return self.tr("Not running")
        if p.phase == "preparing" or (p.phase == "ended" and not p.trained):
            if p.phase == "ended":
                return self.tr("Not running")
            texts = {"dataset": self.tr("preparing: opening {0}\u2026"),
                     "model": self.tr("preparing: building {0}\u2026")}
            return texts.get(p.stage, self.tr("preparing\u2026")).format(p.detail)
        if p.phase in ("paused", "stepping"):
            return self.tr("paused at step {0}").format(p.step) + " \u00b7 " + where
        if p.phase == "ended":
            text = self.tr("finished at step {0}") if p.finished else self.tr("stopped at step {0}")
            return text.format(p.step) + " \u00b7 " + where
        if p.rate > 0:
            return self.tr("step {0} \u00b7 epoch {1} \u00b7 {2:.2f} steps/s").format(p.step, p.epoch, p.rate)
        return self.tr("step {0} \u00b7 epoch {1} \u00b7 measuring speed\u2026").format(p.step, p.epoch)

    def show_buttons(self, b: Buttons) -> None:
        self.controls.set_state(b)

    def _refresh(self, force: bool = False) -> None:
        """Redraw the curves if points came (or ``force``); the speed line follows the newest step."""
        self.plots.refresh(force)
        self.controls.rate_label.setText(self._progress_text(self.controller.progress()))

    def current_picture(self) -> tuple[np.ndarray | None, str]:
        """What Ctrl+S saves on this tab: the sample grid shown (the timeline's step), named by its step."""
        return self.plots.current_picture()

    # -- presentation and help ----------------------------------------------------------------
    def retranslate(self, _text_map: object = None) -> None:
        """Settings ▸ Language switched (gui/common/language_switch.py mapped the texts on screen): re-render
        what this tab composes itself or keeps to show later."""
        self.setup.retranslate()
        self.plots.retranslate()
        self.controls.rate_label.setText(self._progress_text(self._progress))
        self._fit_form()   # labels of another length: the form column as wide as they now need

    def set_presentation(self, on: bool) -> None:
        """Projector mode: thicker lines, larger plot titles and axis labels (idempotent)."""
        self.plots.set_presentation(on)
        self._fit_form()
        QTimer.singleShot(0, self._fit_form)   # once the window's new font has reached every child

    def _fit_form(self) -> None:
        """Keep the form column as wide as its widgets need (nothing cut off), the plots get the rest."""
        bar = self.left.verticalScrollBar().sizeHint().width()
        self.left.setMinimumWidth(self.left_inner.minimumSizeHint().width() + bar + 16)
        if getattr(self, "split", None) is not None:
            self.split.setSizes([self.left_column.minimumSizeHint().width(), 10_000])

    def help_html(self) -> str:
        return self.tr(
            "<h3>Train: watch a GAN learn</h3>"
            "<p>Press <b>Start</b>. Two networks train against each other: the generator G turns random noise "
            "into pictures, the discriminator D tries to tell them from the real ones.</p>"
            "<ul><li><b>Losses</b>: D's and G's. They do not both go down; a steady tug of war is healthy.</li>"
            "<li><b>D(x) and D(G(z))</b>: how real D thinks the real and the generated pictures are. They move "
            "towards the dashed 0.5 line when D can no longer tell them apart.</li>"
            "<li><b>Generated</b>: the same 64 noise vectors drawn again every few steps: blobs, then strokes, "
            "then digits. Drag the slider below to go back in time.</li>"
            "<li><b>Digits recognised</b>: a digit classifier labels 200 samples; only confident labels count. "
            "Few classes means mode collapse.</li></ul>"
            "<p><b>Pause</b>, then <b>One D step</b> / <b>One G step</b>, to see one update at a time. Every run "
            "is saved in its own folder; <b>Resume\u2026</b> continues one.</p>")

    def shutdown(self) -> None:
        if self.worker is not None and self.worker.is_running():
            self.worker.stop()
            self.worker.wait(30_000)
