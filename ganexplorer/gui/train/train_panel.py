"""The Train tab: pick a model and data, press Start, watch losses, D outputs and samples.

This module is the run control: the training thread, what the buttons start and what its events do.
The setup form is ``train_form.py``, the buttons ``train_controls.py``, the curves, grids and
timeline ``train_plots.py``.
Training runs in a TrainingWorker thread; this panel only hands events to the plots, which are
redrawn from a timer a few times per second, so plotting never slows training.
Start builds the settings and checks what costs nothing (a mistyped dataset); opening the data
and building the trainer are the first steps of core's training session, on the training
thread, shown as "preparing…". Each run writes into its own timestamped folder under the runs
folder and can be resumed. Core decides when a checkpoint is written; this panel never saves.
"""

from __future__ import annotations

import copy
import threading
from concurrent.futures import Future
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget

from ganexplorer.core.data import DatasetError
from ganexplorer.core.data.dataset import check_dataset_spec
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.models.registry import PRESETS
from ganexplorer.core.train.checkpoint import read_run_config
from ganexplorer.core.train.config import TrainConfig
from ganexplorer.core.train.events import (CheckpointEvent, ClassHistogramEvent, LogEvent, MixingEvent, ReadyEvent,
                                           SamplesEvent, SetupEvent, StepEvent, StoppedEvent)
from ganexplorer.core.train.gan_trainer import GANTrainer
from ganexplorer.core.train.preload import preload_training_imports
from ganexplorer.core.train.session import training_session
from ganexplorer.gui.common.core_text import translate_core
from ganexplorer.gui.train.train_controls import TrainControls
from ganexplorer.gui.train.train_form import TrainSetupForm
from ganexplorer.gui.train.train_plots import TrainPlots
from ganexplorer.gui.train.training_worker import TrainingWorker

REDRAW_MS = 200   # how often the curves are redrawn while points arrive


class TrainPanel(QWidget):
    """The setup form and the run buttons on the left, :class:`TrainPlots` on the right."""

    status = Signal(str)
    open_in_explorer = Signal(object)   # LoadedModel

    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self._own_settings = settings
        self.trainer: GANTrainer | None = None
        self.worker: TrainingWorker | None = None
        self.rate = 0.0
        self.log_lines: list[str] = []
        self.run_dir: Path | None = None
        self._finished = False
        self._stop_reason = ""       # the last StoppedEvent's reason in this run ('finished', 'nan', 'error')
        self._runs_root = ""         # the runs folder of the run being prepared (remembered once it works)
        self._preloading = False
        self.setup = TrainSetupForm(self._settings)
        self.setup.status.connect(self.status)
        # The widgets other tabs' tests and tools reach by their old names.
        self.model, self.data, self.out_dir, self.download = (self.setup.model, self.setup.data, self.setup.out_dir,
                                                              self.setup.download)
        self.plots = TrainPlots()
        self.controls = TrainControls()
        self._connect_controls()
        # The run's state lines and the buttons other tabs' tests and tools press by their old names.
        self.rate_label, self.run_label = self.controls.rate_label, self.controls.run_label
        self.start_btn, self.pause_btn, self.stop_btn, self.explore_btn = (
            self.controls.start_btn, self.controls.pause_btn, self.controls.stop_btn, self.controls.explore_btn)
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
        self.plots.set_smoothing(self.controls.smooth.isChecked())
        self._update_buttons()

    def _connect_controls(self) -> None:
        c = self.controls
        c.start_btn.clicked.connect(lambda: self.start())
        c.resume_btn.clicked.connect(self._resume_dialog)
        c.pause_btn.clicked.connect(self.toggle_pause)
        c.stop_btn.clicked.connect(self.stop)
        c.step_d_btn.clicked.connect(lambda: self._single_step("d"))
        c.step_g_btn.clicked.connect(lambda: self._single_step("g"))
        c.explore_btn.clicked.connect(self._send_to_explorer)
        c.smooth.toggled.connect(self.plots.set_smoothing)

    def _build_left(self) -> QScrollArea:
        """The form, then the run controls, in a column that scrolls."""
        inner = QWidget()
        lv = QVBoxLayout(inner)
        lv.addWidget(self.setup)
        lv.addWidget(self.controls)
        lv.addStretch(1)
        left = QScrollArea()
        left.setWidget(inner)
        left.setWidgetResizable(True)
        left.setFrameShape(QFrame.Shape.NoFrame)
        left.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.left, self.left_inner = left, inner
        return left

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """The first time the tab is shown, load what training needs (seconds of torch imports) in the
        background, so Start finds it ready; the session waits for it if Start comes first."""
        super().showEvent(event)
        if not self._preloading:
            self._preloading = True
            threading.Thread(target=preload_training_imports, name="ganexplorer-preload").start()

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

    def config(self) -> TrainConfig:
        """The settings the form shows (see :meth:`TrainSetupForm.config`)."""
        return self.setup.config()

    # -- control ------------------------------------------------------------------------------
    def start(self, max_steps: int | None = None) -> bool:
        """Start a new run in a new folder; ``max_steps`` overrides the "Stop at step" field."""
        return self._launch(max_steps, resume_from=None)

    def resume(self, checkpoint: str | Path, max_steps: int | None = None) -> bool:
        """Continue the run saved in ``checkpoint`` (its folder keeps receiving the checkpoints)."""
        if self.worker is not None and self.worker.is_running():
            return False
        try:
            cfg, step = read_run_config(checkpoint)   # the header only: cheap
        except (ValueError, OSError) as e:
            self.status.emit(translate_core(str(e)))
            return False
        if cfg.model not in PRESETS or not PRESETS[cfg.model].trainable or self.model.findData(cfg.model) < 0:
            self.status.emit(self.tr("'{0}' was trained as {1}, which this version cannot train")
                             .format(checkpoint, cfg.model))
            return False
        self.setup.show_config(cfg)
        return self._launch(max_steps, resume_from=Path(checkpoint), at_step=step)

    def _launch(self, max_steps: int | bool | None, resume_from: Path | None, at_step: int = 0) -> bool:
        """Check what is cheap here, then hand the rest (data, trainer, training) to the training thread."""
        if self.worker is not None and self.worker.is_running():
            return False
        if isinstance(max_steps, bool) or max_steps is None:   # a clicked(bool) is not a step count
            max_steps = self.setup.max_steps.value() or None
        cfg = self.setup.config()
        root = self.setup.out_dir.text().strip()
        try:
            cfg.validate()
            check_dataset_spec(cfg.data)   # a mistyped or missing dataset is refused at once
        except (DatasetError, ValueError) as e:
            self.status.emit(translate_core(str(e)))   # core's sentence, in the UI language where known
            return False
        if max_steps is not None and at_step >= max_steps:
            self.status.emit(self.tr("The run is already at step {0}; raise \u201cStop at step\u201d to go on")
                             .format(at_step))
            return False
        run_dir = resume_from.parent if resume_from is not None else None
        self.trainer = None            # until the session says it is ready
        self.run_dir = None
        self._runs_root = root if resume_from is None else ""
        self.plots.reset()
        self.rate = 0.0
        self._finished = False
        self._stop_reason = ""
        self.worker = TrainingWorker(lambda: training_session(
            cfg, run_dir=run_dir, out_root=root or None, resume_from=resume_from, max_steps=max_steps))
        self.worker.event.connect(self._on_event)
        self.worker.finished.connect(self._on_finished)
        self.worker.start()
        self.rate_label.setText(self.tr("preparing\u2026"))
        self.status.emit(self.tr("Preparing {0} on {1}\u2026").format(cfg.model, cfg.data))
        self._update_buttons()
        return True

    def _on_ready(self, ev: ReadyEvent) -> None:
        """The session has its data and trainer: show the run folder, the real images and a resumed run's past."""
        self.trainer = ev.trainer
        self.run_dir = ev.run_dir
        if ev.run_dir is not None and self._runs_root:
            self.setup.remember_dir(self._runs_root)
        self.run_label.setText(self.tr("Run folder: {0}").format(ev.run_dir) if ev.run_dir is not None
                               else self.tr("Run folder: none (not saving)"))
        for h in ev.history:   # a resumed run shows its past
            self.plots.add_step(h)
        self.plots.real_view.set_image(ev.real_grid)
        self.rate_label.setText(self.tr("starting at step {0}\u2026").format(ev.step))
        verb = self.tr("Resuming {0} on {1} at step {2}") if ev.resumed else self.tr("Training {0} on {1}")
        self.status.emit(verb.format(ev.trainer.config.model, ev.dataset_name, ev.step))
        self._update_buttons()

    def _show_setup(self, ev: SetupEvent) -> None:
        if ev.stage == "dataset":
            text = self.tr("preparing: opening {0}\u2026")
        elif ev.stage == "model":
            text = self.tr("preparing: building {0}\u2026")
        else:
            text = self.tr("preparing\u2026")
        self.rate_label.setText(text.format(ev.detail))

    def toggle_pause(self) -> None:
        if self.worker is None or not self.worker.is_running() or self.trainer is None:
            return
        if self.worker.paused:
            self.worker.resume()
            self.rate = 0.0
            self.rate_label.setText(self.tr("step {0} \u00b7 resuming\u2026").format(self.trainer.step))
        else:
            self.worker.pause()
            self._show_stopped_rate()
        self._update_buttons()

    def stop(self) -> None:
        if self.worker is not None and self.worker.is_running():
            self.worker.stop()

    def _single_step(self, which: str) -> None:
        if self.worker is None or not self.worker.paused or self.trainer is None:
            return
        tr = self.trainer
        self.worker.call_while_paused(lambda: list(tr.single_step(which)))

    def _send_to_explorer(self) -> None:
        """Copy the generator on the training thread between two steps (a step must not change it mid-copy),
        then open the copy in the explorer."""
        tr = self.trainer
        if tr is None:
            return
        if self.worker is None:
            self._open_copy(copy.deepcopy(tr.sampler).eval(), tr.family, tr.step)
            return
        self.worker.call_between_steps(lambda: (copy.deepcopy(tr.sampler).eval(), tr.family, tr.step),
                                       then=self._copy_made)

    def _copy_made(self, future: Future) -> None:
        if future.exception() is not None:
            self.status.emit(translate_core(str(future.exception())))
            return
        self._open_copy(*future.result())

    def _open_copy(self, G, family: str, step: int) -> None:
        self.open_in_explorer.emit(LoadedModel(G=G, family=family, format="native",
                                               network="G (training)",
                                               notes=[self.tr("snapshot at step {0}").format(step)]))

    # -- events -------------------------------------------------------------------------------
    def _on_event(self, ev) -> None:
        if isinstance(ev, SetupEvent):
            self._show_setup(ev)
        elif isinstance(ev, ReadyEvent):
            self._on_ready(ev)
        elif isinstance(ev, StepEvent):
            self.plots.add_step(ev)
            if ev.steps_per_second:
                self.rate = ev.steps_per_second
            if self.worker is not None and self.worker.paused:   # step mode, or the step in flight at Pause
                self._show_stopped_rate()
        elif isinstance(ev, SamplesEvent):
            self.plots.add_grid(ev.step, ev.grid)
        elif isinstance(ev, MixingEvent):
            self.plots.mixing_view.set_image(ev.grid)
        elif isinstance(ev, ClassHistogramEvent):
            self.plots.show_classes(ev)
        elif isinstance(ev, LogEvent):
            self.log_lines.append(ev.text)
            self.status.emit(ev.text)
        elif isinstance(ev, CheckpointEvent):
            self.status.emit(self.tr("Checkpoint written: {0}").format(ev.path))
        elif isinstance(ev, StoppedEvent):
            self._on_stopped(ev)

    def _on_stopped(self, ev: StoppedEvent) -> None:
        self._stop_reason = ev.reason
        if ev.reason == "finished":
            self._finished = True
        elif ev.reason == "error":   # the session could not start: bad data, settings or checkpoint
            self.status.emit(translate_core(ev.message))
        elif ev.reason == "nan":   # the run ends here; core has kept the last good checkpoint
            self.status.emit(self._nan_text(ev.step))

    def _nan_text(self, step: int) -> str:
        return self.tr("Training stopped at step {0}: a loss became NaN or infinite; the last good checkpoint "
                       "is kept").format(step)

    def _on_finished(self, message: str) -> None:
        """Say how the run ended. Core has saved whatever was to be saved (on the training thread)."""
        tr = self.trainer
        if message:
            self.status.emit(translate_core(message))
        elif self._stop_reason == "error":
            pass   # its sentence is already in the status bar
        elif tr is not None and self._stop_reason == "nan":
            self.status.emit(self._nan_text(tr.step))
        elif tr is not None and self._finished:
            self.status.emit(self.tr("Finished at step {0}; saved in {1}").format(tr.step, self.run_dir)
                             if self.run_dir is not None else self.tr("Finished at step {0}").format(tr.step))
        elif tr is not None:
            saved = tr.last_checkpoint
            if saved is not None and saved[0] == tr.step:
                self.status.emit(self.tr("Stopped at step {0}; saved {1}").format(tr.step, saved[1]))
            else:
                self.status.emit(self.tr("Stopped at step {0}").format(tr.step))
        else:
            self.status.emit(self.tr("Stopped before training began"))
        self._refresh(force=True)
        if tr is None:
            self.rate_label.setText(self.tr("Not running"))
        self._show_stopped_rate(finished=True)
        self._update_buttons()

    def _show_stopped_rate(self, finished: bool = False) -> None:
        """Pause, Stop and the end of a run replace the steps/s figure (stale from then on) by where it stands."""
        if self.trainer is None:
            return
        step = self.trainer.step
        if finished:
            text = self.tr("finished at step {0}") if self._finished else self.tr("stopped at step {0}")
        else:
            text = self.tr("paused at step {0}")
        self.rate = 0.0
        self.rate_label.setText(text.format(step) + " \u00b7 " + self.tr("epoch {0}").format(self.trainer.epoch))

    def _refresh(self, force: bool = False) -> None:
        """Redraw the curves (if points came, or ``force``) and the speed line."""
        self.plots.refresh(force)
        running = self.worker is not None and self.worker.is_running() and not self.worker.paused
        if self.trainer is not None and running and self.rate > 0:
            self.rate_label.setText(self.tr("step {0} \u00b7 epoch {1} \u00b7 {2:.2f} steps/s")
                                    .format(self.trainer.step, self.trainer.epoch, self.rate))
        elif self.trainer is not None and running:
            self.rate_label.setText(self.tr("step {0} \u00b7 epoch {1} \u00b7 measuring speed\u2026")
                                    .format(self.trainer.step, self.trainer.epoch))

    def _update_buttons(self) -> None:
        running = self.worker is not None and self.worker.is_running()
        preparing = running and self.trainer is None   # only Stop makes sense before the first step
        self.controls.set_state(running, preparing, running and self.worker.paused and not preparing,
                                self.trainer is not None)

    def current_picture(self) -> tuple[np.ndarray | None, str]:
        """What Ctrl+S saves on this tab: the sample grid shown (the timeline's step), named by its step."""
        return self.plots.current_picture()

    # -- presentation and help ----------------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        """Projector mode: thicker lines, larger plot titles and axis labels (idempotent)."""
        self.plots.set_presentation(on)
        self._fit_form()
        QTimer.singleShot(0, self._fit_form)   # once the window's new font has reached every child

    def _fit_form(self) -> None:
        """Keep the form column as wide as its widgets need (nothing cut off), the plots get the rest."""
        bar = self.left.verticalScrollBar().sizeHint().width()
        self.left.setMinimumWidth(self.left_inner.minimumSizeHint().width() + bar + 4)
        if getattr(self, "split", None) is not None:
            self.split.setSizes([self.left.minimumWidth(), 10_000])

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
