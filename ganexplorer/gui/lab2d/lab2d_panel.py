"""The "2-D lab" tab: watch D's decision surface and G's pull, step by step (GAN Lab, offline, in Korean too).

The run is a core :class:`~ganexplorer.core.lab2d.lab.Lab2D` driven on a
:class:`~ganexplorer.gui.train.training_worker.TrainingWorker` thread (as the 1-D demo's runs are):
Play resumes the worker, Pause holds it, and the single-step buttons run a step on its thread while it
is held. The plane and plots are redrawn from a 20 fps timer from the newest snapshot. A generation
number drops events of a run that was reset.
"""

from __future__ import annotations

import time
from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ganexplorer.app.train_controller import StepFailed
from ganexplorer.core.lab2d.lab import CoverageEvent, Diverged, Finished, Lab2D
from ganexplorer.core.lab2d.plane import PlaneSnapshot, snapshot
from ganexplorer.core.lab2d.targets import builtin, from_points
from ganexplorer.gui.common.core_text import translate_core
from ganexplorer.gui.lab2d.lab2d_files import GIF_FRAMES, Lab2DFiles
from ganexplorer.gui.lab2d.lab2d_controls import Lab2DControls
from ganexplorer.gui.lab2d.lab2d_plots import Lab2DPlots
from ganexplorer.gui.lab2d.plane_view import PlaneView
from ganexplorer.gui.train.training_worker import TrainingWorker

COVERAGE_EVERY = 25     # steps between coverage measurements while playing
SNAPSHOT_S = 1 / 20     # the worker sends a plane snapshot at most this often
REDRAW_MS = 50          # 20 fps


class Lab2DPanel(Lab2DFiles, QWidget):
    status = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lab: Lab2D | None = None
        self.worker: TrainingWorker | None = None
        self.generation = 0
        self.latest: PlaneSnapshot | None = None
        self.last_coverage: CoverageEvent | None = None
        self.frames: list[PlaneSnapshot] = []
        self.redraws = 0
        self._sps = 0
        self._zgrid = False     # the worker draws G's image of the z-grid only while it is shown
        self._dirty = False
        self._clock = QElapsedTimer()
        self.controls = Lab2DControls()
        self.plane = PlaneView()
        self.plots = Lab2DPlots()
        self.numbers = QLabel()
        self.numbers.setWordWrap(True)
        self._build()
        self.controls.target_changed.connect(self._target_changed)
        self.controls.speed.currentIndexChanged.connect(lambda _: self._set_speed())
        self.plane.points_drawn.connect(lambda n: self._show_numbers())
        self._timer = QTimer(self)
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self._redraw)
        self._timer.start()
        self._target_changed(self.controls.target.currentData())
        self._update_buttons()

    # -- building ---------------------------------------------------------------------------------
    def _button(self, text: str, tip: str, slot) -> QPushButton:
        b = QPushButton(text)
        b.setToolTip(tip)
        b.clicked.connect(lambda: slot())
        return b

    def _build(self) -> None:
        self.play_btn = self._button(self.tr("Play"), self.tr("Train continuously (D steps, then a G step, ...)."),
                                     self.play)
        self.pause_btn = self._button(self.tr("Pause"), self.tr("Hold the run after the current step."), self.pause)
        self.d_btn = self._button(self.tr("D step"), self.tr("One update of D only: watch the heat map move."),
                                  lambda: self.single("d"))
        self.g_btn = self._button(self.tr("G step"), self.tr("One update of G only: watch the samples follow "
                                                             "the arrows."), lambda: self.single("g"))
        self.both_btn = self._button(self.tr("D + G step"), self.tr("D's steps then one G step."),
                                     lambda: self.single("both"))
        self.reset_btn = self._button(self.tr("Reset"), self.tr("Throw this run away; the settings can be changed "
                                                                "again."), self.reset)
        self.draw_btn = QPushButton(self.tr("Draw"))
        self.draw_btn.setCheckable(True)
        self.draw_btn.setToolTip(self.tr("Click and drag on the plane to paint the target's points."))
        self.draw_btn.toggled.connect(self.plane.set_drawing)
        self.clear_btn = self._button(self.tr("Clear"), self.tr("Remove every drawn point."),
                                      lambda: self.plane.set_drawn([]))
        self.load_btn = self._button(self.tr("Load\u2026"), self.tr("Read points from a .npy or x,y text file."),
                                     self.load_points_dialog)
        self.save_btn = self._button(self.tr("Save\u2026"), self.tr("Write the drawn points to a .npy or .csv "
                                                                    "file."), self.save_points_dialog)
        steps = QGridLayout()
        for k, b in enumerate((self.play_btn, self.pause_btn, self.reset_btn, self.d_btn, self.g_btn, self.both_btn)):
            steps.addWidget(b, k // 3, k % 3)
        draw = QHBoxLayout()
        for b in (self.draw_btn, self.clear_btn, self.load_btn, self.save_btn):
            draw.addWidget(b)
        self.layer_boxes = {}
        layers = QGridLayout()
        names = {"heat": self.tr("D's heat map"), "real": self.tr("Real"), "fake": self.tr("Generated"),
                 "arrows": self.tr("G's pull"), "zgrid": self.tr("z-grid under G")}
        for k, (key, text) in enumerate(names.items()):
            box = QCheckBox(text)
            box.setChecked(self.plane.layers[key])
            box.toggled.connect(lambda on, key=key: self._layer(key, on))
            self.layer_boxes[key] = box
            layers.addWidget(box, k // 2, k % 2)
        self.plane.set_layer("zgrid", False)
        settings = QWidget()
        sv = QVBoxLayout(settings)
        sv.setContentsMargins(0, 0, 0, 0)
        sv.addWidget(self.controls)
        sv.addLayout(draw)
        sv.addLayout(layers)
        sv.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(settings)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._settings = settings
        left = QVBoxLayout()
        left.addLayout(steps)
        left.addWidget(scroll, 1)
        left.addWidget(self.numbers)
        left_w = QWidget()
        left_w.setLayout(left)
        self.left = left_w
        self._fit_left()
        row = QHBoxLayout(self)
        row.setContentsMargins(2, 2, 2, 2)
        row.addWidget(left_w, 0)
        row.addWidget(self.plane, 3)
        row.addWidget(self.plots, 2)

    # -- the run ----------------------------------------------------------------------------------
    def _target(self):
        key = self.controls.target.currentData()
        if key == "drawn":
            return from_points(self.plane.drawn_points, name="drawn")
        return builtin(key)

    def _ensure_run(self) -> bool:
        """A run exists and its worker is alive (held); False and a sentence when the settings are bad."""
        if self.lab is not None and self.lab.diverged is not None:
            self.status.emit(self.tr("This run diverged; press Reset to start again."))
            return False
        if self.lab is None:
            try:
                self.lab = Lab2D(self._target(), self.controls.config())
            except ValueError as e:
                self.status.emit(self.tr("Cannot start: {0}.").format(translate_core(str(e))))
                return False
            self.generation += 1
            self.plots.reset_data()
            self.frames = []
            self.last_coverage = None
            self.draw_btn.setChecked(False)
            self.controls.set_locked(True)
            self._clock.start()
        if self.worker is None or not self.worker.is_running():
            lab, gen = self.lab, self.generation
            self.worker = TrainingWorker(lambda: self._iterate(lab))
            self.worker.event.connect(lambda ev, gen=gen: self._on_event(gen, ev))
            self.worker.finished.connect(lambda msg, gen=gen: self._on_finished(gen, msg))
            self.worker.pause()
            self.worker.start()
        return True

    def _iterate(self, lab: Lab2D):
        """Training thread: a first snapshot, then the run with a snapshot at most every SNAPSHOT_S."""
        yield snapshot(lab, zgrid=self._zgrid)
        last = [time.perf_counter()]

        def tick(lab: Lab2D):
            if self._sps:
                time.sleep(1.0 / self._sps)
            now = time.perf_counter()
            if now - last[0] >= SNAPSHOT_S:
                last[0] = now
                yield snapshot(lab, zgrid=self._zgrid)
        yield from lab.run(every=COVERAGE_EVERY, step_events=False, tick=tick)
        yield snapshot(lab, zgrid=self._zgrid)

    def _single_step(self, lab: Lab2D, which: str) -> list:
        """Training thread, run held: one D step, one G step, or both; then what it changed."""
        lab.single(which)
        bad = lab.check_diverged()
        return [bad] if bad is not None else [lab.coverage(), snapshot(lab, zgrid=self._zgrid)]

    def play(self) -> None:
        if self._ensure_run():
            self._set_speed()
            self.worker.resume()
        self._update_buttons()

    def pause(self) -> None:
        if self.worker is not None:
            self.worker.pause()
        self._update_buttons()

    def single(self, which: str) -> None:
        if not self._ensure_run():
            return
        self.worker.pause()
        lab = self.lab
        self.worker.call_while_paused(lambda: self._single_step(lab, which))
        self._update_buttons()

    def reset(self) -> None:
        if self.worker is not None:
            self.worker.stop()
        self.worker = None
        self.lab = None
        self.generation += 1
        self.latest = None
        self.last_coverage = None
        self.plane.clear_run()
        self.plots.reset_data()
        self.controls.set_locked(False)
        self._show_numbers()
        self._update_buttons()

    def _layer(self, key: str, on: bool) -> None:
        self.plane.set_layer(key, on)
        if key == "zgrid":
            self._zgrid = bool(on)

    def _set_speed(self) -> None:
        self._sps = self.controls.steps_per_second()

    def is_playing(self) -> bool:
        return self.worker is not None and self.worker.is_running() and not self.worker.paused

    def _on_event(self, gen: int, ev) -> None:
        if gen != self.generation:
            return
        if isinstance(ev, PlaneSnapshot):
            self.latest = ev
            self._record(ev)
            self._dirty = True
        elif isinstance(ev, CoverageEvent):
            self.last_coverage = ev
            cov = ev.coverage
            modes = 100.0 * cov.modes / cov.total if cov is not None else float("nan")
            hq = 100.0 * cov.hq_share if cov is not None else float("nan")
            self.plots.add(ev.step, modes, hq, ev.d_loss, ev.g_loss)
            self._dirty = True
        elif isinstance(ev, Diverged):
            self.plots.mark(ev.step, self.tr("diverged"))
            self.status.emit(self.tr("The run diverged at step {0} ({1}) and was stopped; press Reset.").format(
                ev.step, translate_core(ev.reason)))
            if self.worker is not None:
                self.worker.stop()
            self._dirty = True
        elif isinstance(ev, StepFailed):   # a single step raised: said, the run stays paused
            self.status.emit(self.tr("That step failed: {0}").format(translate_core(ev.message)))
        elif isinstance(ev, Finished):
            self.status.emit(self.tr("Done: {0} steps in {1:.1f} s.").format(ev.step, ev.seconds))
        self._update_buttons()

    def _record(self, s: PlaneSnapshot) -> None:
        """Keep a frame for the GIF: every single step, and while playing every steps/GIF_FRAMES steps;
        every other frame is dropped when there are too many (the GIF spans the whole run)."""
        every = max(1, self.lab.config.steps // GIF_FRAMES) if self.lab is not None else 1
        last = self.frames[-1] if self.frames else None
        if last is None or s.step - last.step >= every or (not self.is_playing() and s is not last):
            self.frames.append(s)
        if len(self.frames) > 2 * GIF_FRAMES:
            self.frames = self.frames[::2]

    def _on_finished(self, gen: int, message: str) -> None:
        if gen == self.generation and message:
            self.status.emit(message)
        self._update_buttons()

    def _update_buttons(self) -> None:
        playing = self.is_playing()
        diverged = self.lab is not None and self.lab.diverged is not None
        self.play_btn.setEnabled(not playing and not diverged)
        self.pause_btn.setEnabled(playing)
        for b in (self.d_btn, self.g_btn, self.both_btn):
            b.setEnabled(not diverged)
        self.reset_btn.setEnabled(self.lab is not None)
        drawn = self.controls.target.currentData() == "drawn" and self.lab is None
        for b in (self.draw_btn, self.clear_btn, self.load_btn):
            b.setEnabled(drawn)
        self.save_btn.setEnabled(self.controls.target.currentData() == "drawn")

    # -- showing ----------------------------------------------------------------------------------
    def _redraw(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        self.redraws += 1
        if self.latest is not None:
            self.plane.show_snapshot(self.latest)
        self.plots.redraw()
        self._show_numbers()

    def _show_numbers(self) -> None:
        parts = []
        if self.lab is not None:
            parts.append(self.tr("Step {0}").format(self.lab.step))
        ev = self.last_coverage
        if ev is not None and ev.coverage is not None:
            parts.append(self.tr("{0}/{1} modes, {2:.1f}% high quality").format(
                ev.coverage.modes, ev.coverage.total, 100 * ev.coverage.hq_share))
        if ev is not None:
            parts.append(self.tr("D loss {0:.3f}, G loss {1:.3f}").format(ev.d_loss, ev.g_loss))
        if self.controls.target.currentData() == "drawn":
            parts.append(self.tr("{0} points drawn").format(len(self.plane.drawn_points)))
        self.numbers.setText(" \u00b7 ".join(parts))

    def _target_changed(self, key: str) -> None:
        drawn = key == "drawn"
        self.plane.set_drawing(drawn and self.draw_btn.isChecked())
        self.plane.drawn.setVisible(drawn)
        if drawn:
            self.draw_btn.setChecked(True)
            self.plane.set_extent(3.0)
        else:
            self.draw_btn.setChecked(False)
            self.plane.set_extent(builtin(key).extent())
        self._show_numbers()
        self._update_buttons()

    # -- window hooks -----------------------------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        self.plane.set_presentation(on)
        self.plots.set_presentation(on)
        self._fit_left()

    def _fit_left(self) -> None:
        """The settings column as wide as its widgets need at the current font (never cut off on the right)."""
        width = self._settings.sizeHint().width() + self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent) + 8
        self.left.setFixedWidth(width)

    def help_html(self) -> str:
        return self.tr(
            "<h3>The 2-D lab</h3>"
            "<p>Real samples (green) come from a target in the plane; G turns noise z into points (purple). "
            "The background is D's answer at each place: green where it says \u201creal\u201d, purple where it "
            "says \u201cgenerated\u201d; the dark line is 0.5, where D cannot tell. The short lines show where G's loss pulls each "
            "generated point.</p>"
            "<p>Press <b>D step</b> to watch the surface move, <b>G step</b> to watch the points follow it, "
            "<b>Play</b> to train. The plots count the <b>modes covered</b> (at least 12 of 2,500 samples within "
            "3 std of a mode) and the share of <b>high-quality</b> samples, so mode collapse is seen, not "
            "guessed. Try the presets: \u201cMode collapse\u201d, then \u201cFixed\u201d.</p>")

    def shutdown(self) -> None:
        if self.worker is not None and self.worker.is_running():
            self.worker.stop()
            self.worker.wait(30_000)
