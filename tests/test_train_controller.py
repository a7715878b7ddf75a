"""The Train tab's controller without Qt: a mock view and a mock training thread, driven by events."""

from pathlib import Path

import numpy as np
import pytest

from ganexplorer.app.train_controller import (RunStarted, Snapshot, StepFailed, TrainController, TrainerHolder,
                                              plain_events, single_step_events)
from ganexplorer.core.train.config import TrainConfig
from ganexplorer.core.train.events import CheckpointEvent, ReadyEvent, StepEvent, StoppedEvent


class MockView:
    def __init__(self):
        self.said, self.progress, self.buttons, self.changes, self.plotted, self.started = [], [], [], [], [], []
        self.snapshots = []

    def show_progress(self, p): self.progress.append(p)
    def show_buttons(self, b): self.buttons.append(b)
    def say(self, s): self.said.append(s)
    def run_started(self, ev): self.started.append(ev)
    def plot(self, ev): self.plotted.append(ev)
    def step_changed(self, c): self.changes.append(c)
    def open_snapshot(self, s): self.snapshots.append(s)
    def reset_plots(self): self.plotted.clear()


class MockRunner:
    def __init__(self, job):
        self.job, self.calls = job, []

    def pause(self): self.calls.append("pause")
    def resume(self): self.calls.append("resume")
    def stop(self): self.calls.append("stop")
    def single_step(self, which): self.calls.append(("step", which))
    def snapshot(self): self.calls.append("snapshot")


def step(n, kind="both", real=0.6, fake=0.3):
    return StepEvent(n, 0, 1.0, 1.0, real, fake, 5.0, kind=kind)


def started(step_=0):
    return RunStarted("mlp-gan", "digits", Path("/runs/a"), np.zeros((4, 4, 3), np.uint8), step_, 0, (), False)


@pytest.fixture
def run():
    view = MockView()
    runners = []
    c = TrainController(view, lambda job: runners.append(MockRunner(job)) or runners[-1])
    assert c.start(TrainConfig(model="mlp-gan"), max_steps=None, out_root="/runs")
    return c, view, runners


def test_bad_settings_are_one_sentence_and_start_nothing():
    view, launched = MockView(), []
    c = TrainController(view, lambda job: launched.append(job))
    assert not c.start(TrainConfig(model="mlp-gan", data="nosuchkind:x"), None, "/runs")
    assert not c.start(TrainConfig(model="mlp-gan", batch_size=0), None, "/runs")
    assert launched == [] and [s.kind for s in view.said] == ["refused", "refused"]
    assert all(s.text for s in view.said)   # core's own sentence, translated by the view


def test_preparing_then_running_buttons_follow_the_events(run):
    c, view, runners = run
    assert len(runners) == 1 and runners[0].job.out_root == "/runs" and runners[0].job.run_dir is None
    b = view.buttons[-1]
    assert not b.start and b.stop and not b.pause and not b.step and not b.explore   # preparing: only Stop
    c.on_event(started())
    c.on_event(step(1))
    b = view.buttons[-1]
    assert b.pause and not b.paused and not b.step and b.explore
    assert view.progress[-1].step == 1 and view.progress[-1].rate == 5.0
    assert not c.start(TrainConfig(model="mlp-gan"), None, "/runs")   # one run at a time


def test_a_step_in_flight_disables_the_step_buttons_and_shows_what_it_changed(run):
    c, view, runners = run
    c.on_event(started())
    c.on_event(step(3, real=0.6, fake=0.3))
    c.toggle_pause()
    assert runners[0].calls == ["pause"] and view.buttons[-1].step and view.buttons[-1].paused
    assert c.single_step("d")
    assert not view.buttons[-1].step and not view.buttons[-1].pause   # in flight: nothing to queue up
    assert not c.single_step("g")                                       # a second click is refused
    assert runners[0].calls == ["pause", ("step", "d")]
    c.on_event(step(4, kind="d", real=0.7, fake=0.2))
    assert view.buttons[-1].step and view.progress[-1].phase == "paused"
    change = view.changes[-1]
    assert (change.which, change.step, change.d_real, change.d_fake) == ("d", 4, (0.6, 0.7), (0.3, 0.2))


def test_a_failing_step_is_said_and_the_run_goes_on_paused(run):
    c, view, runners = run
    c.on_event(started())
    c.on_event(step(1))
    c.toggle_pause()
    c.single_step("g")
    c.on_event(StepFailed("boom"))
    assert view.said[-1].kind == "step_failed" and view.said[-1].text == "boom"
    assert c.active and view.progress[-1].phase == "paused" and view.buttons[-1].step
    c.toggle_pause()
    assert runners[0].calls[-1] == "resume" and view.progress[-1].phase == "running"


def test_single_step_events_turn_an_exception_into_step_failed():
    class Broken:
        def single_step(self, which):
            raise KeyError("missing")
            yield  # pragma: no cover

    holder = TrainerHolder()
    holder.trainer = Broken()
    [ev] = single_step_events(holder, "d")
    assert isinstance(ev, StepFailed) and "missing" in ev.message


def test_the_ready_event_reaches_the_ui_without_the_trainer():
    class FakeTrainer:
        config = TrainConfig(model="mlp-gan")
        epoch = 2

    holder = TrainerHolder()
    ready = ReadyEvent(FakeTrainer(), None, np.zeros((2, 2, 3), np.uint8), 5, (), "digits", True)
    out = list(plain_events(iter([ready, step(6)]), holder))
    assert isinstance(out[0], RunStarted) and holder.trainer is ready.trainer
    assert (out[0].model, out[0].step, out[0].epoch, out[0].resumed) == ("mlp-gan", 5, 2, True)
    assert not any(v is ready.trainer for v in vars(out[0]).values())


def test_how_a_run_ended_is_said_once(run):
    c, view, runners = run
    c.on_event(started())
    c.on_event(step(7))
    c.on_event(CheckpointEvent(7, Path("/runs/a/last.safetensors")))
    c.stop()
    assert runners[0].calls == ["stop"]
    c.on_finished("")
    assert view.said[-1].kind == "stopped_saved" and view.said[-1].args == (7, Path("/runs/a/last.safetensors"))
    assert view.progress[-1].phase == "ended" and view.buttons[-1].start and not view.buttons[-1].stop
    c.on_finished("")
    assert [s.kind for s in view.said].count("stopped_saved") == 1


def test_finished_nan_and_errors(run):
    c, view, _ = run
    c.on_event(started())
    c.on_event(step(2))
    c.on_event(StoppedEvent(2, "finished"))
    c.on_finished("")
    assert view.said[-1].kind == "finished" and view.progress[-1].finished
    assert c.start(TrainConfig(model="mlp-gan"), None, "/runs")
    c.on_event(StoppedEvent(0, "error", "the data set is empty"))
    c.on_finished("")
    assert view.said[-1].kind == "error" and view.said[-1].text == "the data set is empty"
    assert not view.progress[-1].trained


def test_a_snapshot_taken_at_the_saved_step_names_its_file(run):
    c, view, runners = run
    c.on_event(started())
    c.on_event(step(4))
    c.on_event(CheckpointEvent(4, Path("/runs/a/last.safetensors")))
    c.open_in_explorer()
    assert runners[0].calls == ["snapshot"]
    c.on_event(Snapshot(object(), "mlp", 4, Path("/runs/a"), None))
    c.on_event(Snapshot(object(), "mlp", 5, Path("/runs/a"), None))
    assert [s.saved for s in view.snapshots] == [Path("/runs/a/last.safetensors"), None]


def test_at_the_step_limit_already_is_refused():
    view = MockView()
    c = TrainController(view, lambda job: pytest.fail("must not launch"))
    assert not c.start(TrainConfig(model="mlp-gan"), 10, "", resume_from=Path("/r/last.safetensors"), at_step=10)
    assert view.said[-1].kind == "at_limit"


def test_resume_reads_the_header_and_refuses_what_cannot_go_on(tmp_path, monkeypatch):
    from ganexplorer.app import train_controller

    view = MockView()
    c = TrainController(view, lambda job: pytest.fail("reading must not launch"))
    bad = tmp_path / "last.safetensors"
    bad.write_bytes(b"not a checkpoint at all")
    assert c.read_resume(bad, {"mlp-gan"}) is None
    assert view.said[-1].kind == "refused" and view.said[-1].text   # core's sentence about the file
    monkeypatch.setattr(train_controller, "read_run_config", lambda path: (TrainConfig(model="mlp-gan"), 12))
    assert c.read_resume(bad, {"dcgan32"}) is None                     # not offered by this tab
    assert view.said[-1].kind == "cannot_train" and view.said[-1].args == (bad, "mlp-gan")
    cfg, step = c.read_resume(bad, {"mlp-gan"})
    assert cfg.model == "mlp-gan" and step == 12
