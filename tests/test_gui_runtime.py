"""The desktop runtime never gets stuck: one unexpected error, a failed run, a busy worker or closing the
window leaves the app working (issue 12, failures 1, 2 and 6).

Each test drives the real widgets where a user would (a slider, Start, a menu entry) and checks what the
user then sees; the worker-level ones drive the InferenceWorker / TrainingWorker directly.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import numpy as np
import pytest
import torch

import PySide6  # noqa: E402,F401  (the [test] extra brings Qt: a broken install fails here, never skips)
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

from gui_fixtures import *  # noqa: E402,F401,F403  (fixtures: dialogs, settings, pkl, window)
from gui_fixtures import expected, settle, shown  # noqa: E402
from PySide6.QtCore import QPoint, Qt  # noqa: E402

from ganexplorer.core.formats.loaded import LoadedModel  # noqa: E402
from ganexplorer.core.render import Renderer, RenderRequest  # noqa: E402

IMAGE, VARIATION, GRID, LAYERS = range(4)


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(widget.width() // 2, widget.height() // 2))


def click_tab(qtbot, tabs, index):
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def one_sentence(text: str) -> bool:
    return bool(text) and "\n" not in text and "Traceback" not in text and len(text) < 300


def logged_with_traceback(caplog, exc_type) -> bool:
    return any(r.name.startswith("ganexplorer") and r.exc_info and r.exc_info[0] is exc_type
               for r in caplog.records)


def hold_until(predicate, timeout: float = 30.0) -> bool:
    """On a worker thread: wait until ``predicate()`` (what a job polling its cancel flag does)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.002)
    return False


# -- 1. one unexpected exception must not stop rendering ----------------------------------------------

def test_a_render_that_raises_type_error_is_one_sentence_and_the_next_render_shows(window, qtbot, caplog):
    e = window.explorer
    raised = []

    def fail_once(_module, _args):
        if not raised:
            raised.append(1)
            raise TypeError("synthetic failure inside the generator")

    handle = window.model.G.synthesis.register_forward_pre_hook(fail_once)
    try:
        before = shown(window)
        qtbot.keyClick(e.psi.slider, Qt.Key.Key_Left)
        qtbot.waitUntil(lambda: "TypeError" in window.statusBar().currentMessage(), timeout=30_000)
        message = window.statusBar().currentMessage()
        assert "synthetic failure inside the generator" in message and one_sentence(message)
        assert np.array_equal(shown(window), before)      # nothing new was shown for the failed render
        assert logged_with_traceback(caplog, TypeError)

        qtbot.keyClick(e.psi.slider, Qt.Key.Key_Left)     # the user goes on: the next picture renders
        qtbot.waitUntil(lambda: e.last_result is not None and e.last_result.request == e.current_request(),
                        timeout=30_000)
        settle(qtbot, window)
    finally:
        handle.remove()
    assert raised == [1]
    assert e.psi.value() == pytest.approx(0.98)
    assert np.array_equal(shown(window), expected(window, e.current_request()))


def test_an_unexpected_error_while_loading_a_checkpoint_is_reported(window, qtbot, monkeypatch, dialogs, caplog):
    import ganexplorer.gui.window.model_loader as model_loader

    def broken(_path, **_kwargs):
        raise KeyError("G_ema")

    monkeypatch.setattr(model_loader, "load_checkpoint", broken)
    before = window.model
    window.open_checkpoint(window.model.path, show_progress=False)
    qtbot.waitUntil(lambda: window.last_error is not None, timeout=30_000)
    assert "KeyError" in window.last_error and "G_ema" in window.last_error and one_sentence(window.last_error)
    assert window.model is before
    assert logged_with_traceback(caplog, KeyError)


# -- 2. a failed training run ends the run ------------------------------------------------------------

@pytest.fixture
def train_tab(qtbot, settings, tmp_path):
    from ganexplorer.gui.window.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    win.tabs.setCurrentWidget(win.trainer_panel)
    p = win.trainer_panel
    p.setup.model.setCurrentIndex(p.setup.model.findData("mlp-gan"))
    p.setup.out_dir.setText(str(tmp_path / "runs"))
    yield win
    p.shutdown()
    win.worker.shutdown()


@pytest.mark.parametrize("where", ["in the first step", "when the run is built"])
def test_a_training_run_raising_key_error_ends_with_a_message_and_start_is_enabled(train_tab, qtbot, monkeypatch,
                                                                                  caplog, where):
    from ganexplorer.core.train.gan_trainer import GANTrainer

    def run_that_fails(self, *args, **kwargs):
        if where == "when the run is built":
            raise KeyError("no such preset field")

        def steps():
            raise KeyError("no such preset field")
            yield  # a generator, as the real run is
        return steps()

    monkeypatch.setattr(GANTrainer, "run", run_that_fails)
    win, p = train_tab, train_tab.trainer_panel
    click(qtbot, p.controls.start_btn)
    qtbot.waitUntil(lambda: p.controls.start_btn.isEnabled() and p.worker is not None and not p.worker.is_running(),
                    timeout=60_000)
    message = win.statusBar().currentMessage()
    assert "KeyError" in message and "no such preset field" in message and one_sentence(message)
    assert not p.controls.stop_btn.isEnabled() and not p.controls.pause_btn.isEnabled()
    assert logged_with_traceback(caplog, KeyError)


def test_a_download_raising_an_unexpected_error_enables_the_button_again(train_tab, qtbot, monkeypatch, caplog):
    import ganexplorer.gui.train.dataset_download as dataset_download

    def broken(*_args, **_kwargs):
        raise KeyError("mirror index")

    monkeypatch.setattr(dataset_download, "download", broken)
    win, button = train_tab, train_tab.trainer_panel.setup.download
    data_before = train_tab.trainer_panel.setup.data.text()
    button.menu().actions()[0].trigger()          # Download… ▸ MNIST
    qtbot.waitUntil(button.isEnabled, timeout=30_000)
    message = win.statusBar().currentMessage()
    assert "KeyError" in message and "mirror index" in message and one_sentence(message)
    assert train_tab.trainer_panel.setup.data.text() == data_before
    assert logged_with_traceback(caplog, KeyError)


# -- 6. jobs are tagged with the model, coalesce by kind, can be cancelled; shutdown joins ----------------

@pytest.fixture
def worker(qtbot):
    from ganexplorer.gui.explore.inference_worker import InferenceWorker

    w = InferenceWorker(torch.device("cpu"))
    w.results, w.done, w.failed, w.cancelled = [], [], [], []
    w.rendered.connect(lambda gen, res: w.results.append((gen, res)))
    w.job_done.connect(lambda name, result: w.done.append((name, result)))
    w.job_failed.connect(lambda name, message: w.failed.append((name, message)))
    if hasattr(w, "job_cancelled"):   # (so that these tests fail on the code before it for their own reason)
        w.job_cancelled.connect(lambda name: w.cancelled.append(name))
    yield w
    w.shutdown()


def model_of(G) -> LoadedModel:
    return LoadedModel(G=G, family="stylegan2", format="native")


def hold(worker):
    """Keep the worker's thread busy with a job until the returned event is set."""
    started, release = threading.Event(), threading.Event()
    worker.run_job("hold", lambda _r: (started.set(), release.wait(60)))
    assert started.wait(30)
    return release


def test_a_job_or_render_that_raises_does_not_stop_the_worker(qtbot, worker, tiny_stylegan2):
    G = tiny_stylegan2[0]
    worker.set_model(model_of(G))
    failures = []
    worker.render_failed.connect(lambda gen, message: failures.append(message))
    raised = []

    def fail_once(_module, _args):
        if not raised:
            raised.append(1)
            raise TypeError("synthetic failure inside the generator")

    handle = G.synthesis.register_forward_pre_hook(fail_once)
    try:
        worker.run_job("bad", lambda _r: None + 1)
        worker.submit(RenderRequest(seed=1))
        qtbot.waitUntil(lambda: bool(worker.failed and failures), timeout=30_000)
        assert worker.wait_until_idle(30)
        gen = worker.submit(RenderRequest(seed=2))
        qtbot.waitUntil(lambda: any(g == gen for g, _ in worker.results), timeout=30_000)
    finally:
        handle.remove()
    assert worker.failed[0][0] == "bad" and "TypeError" in worker.failed[0][1] and one_sentence(worker.failed[0][1])
    assert "TypeError" in failures[0] and one_sentence(failures[0])
    worker.run_job("good", lambda r: r.model.resolution)
    qtbot.waitUntil(lambda: ("good", 16) in worker.done, timeout=30_000)


def test_jobs_and_renders_of_a_replaced_model_are_dropped_or_discarded(qtbot, worker, tiny_stylegan2):
    from conftest import wide_generator

    G_old, G_new = tiny_stylegan2[0], wide_generator(3)
    worker.set_model(model_of(G_old))
    assert worker.wait_until_idle(30)

    # A render of the old model still in flight when the new model is set: its picture is never shown.
    entered, release = threading.Event(), threading.Event()
    handle = G_old.synthesis.register_forward_pre_hook(lambda *_: (entered.set(), release.wait(30)) and None)
    try:
        old_gen = worker.submit(RenderRequest(seed=1))
        assert entered.wait(30)
        ran = []
        worker.run_job("layers", lambda _r: ran.append("layers") or "old layers", key="layers")
        worker.set_model(model_of(G_new))
        release.set()
        assert worker.wait_until_idle(30)
    finally:
        handle.remove()
    qtbot.waitUntil(lambda: "layers" in worker.cancelled, timeout=30_000)
    assert ran == []                                      # queued for the old model: never run
    assert all(g != old_gen for g, _ in worker.results)   # rendered for the old model: discarded

    # A job running on the old model when another model is set: asked to stop, its result discarded.
    started = threading.Event()
    saw_stop = []

    def variation(_r):
        started.set()
        saw_stop.append(hold_until(worker.should_stop))
        return "old variation"

    worker.run_job("variation", variation, key="variation")
    assert started.wait(30)
    worker.set_model(model_of(G_old))
    assert worker.wait_until_idle(30)
    qtbot.waitUntil(lambda: worker.cancelled.count("variation") == 1, timeout=30_000)
    assert saw_stop == [True]
    assert not [name for name, _ in worker.done if name in ("layers", "variation")]

    gen = worker.submit(RenderRequest(seed=1))            # the current model renders as usual
    qtbot.waitUntil(lambda: any(g == gen for g, _ in worker.results), timeout=30_000)
    assert worker.results[-1][1].rgb.shape == (16, 16, 3)


def test_a_job_can_be_cancelled_by_name(qtbot, worker, tiny_stylegan2):
    worker.set_model(model_of(tiny_stylegan2[0]))
    release = hold(worker)
    ran = []
    worker.run_job("grid", lambda _r: ran.append("grid"), key="grid")
    worker.run_job("export", lambda _r: ran.append("export") or "out.gif")
    worker.cancel("grid")
    release.set()
    assert worker.wait_until_idle(30)
    qtbot.waitUntil(lambda: ("export", "out.gif") in worker.done, timeout=30_000)
    assert ran == ["export"] and worker.cancelled == ["grid"]


def test_feature_map_jobs_coalesce_while_the_worker_is_busy(window, qtbot, monkeypatch):
    """The Layers view asks for feature maps on every change; a busy worker computes only the newest."""
    import ganexplorer.gui.explore.explorer_jobs as explorer_jobs

    real, calls = explorer_jobs.feature_maps, []

    def counting(renderer, req, layer, first, count, norm):
        calls.append((layer, norm))
        return real(renderer, req, layer, first, count, norm)

    monkeypatch.setattr(explorer_jobs, "feature_maps", counting)
    e = window.explorer
    click_tab(qtbot, e.views, LAYERS)
    qtbot.waitUntil(lambda: e.views.layers.view.rgb is not None, timeout=30_000)
    settle(qtbot, window)
    calls.clear()
    release = hold(window.worker)
    try:
        e.views.layers.norm.setFocus()
        for _ in range(11):
            qtbot.keyClick(e.views.layers.norm, Qt.Key.Key_Space)   # 11 changes, each asks for the feature maps
    finally:
        release.set()
    settle(qtbot, window)
    assert not e.views.layers.norm.isChecked()
    assert calls == [(e.views.layers.layer_combo.currentText(), False)]   # only the newest ran
    want = real(Renderer(window.model), e.current_request(), e.views.layers.layer_combo.currentText(), 0, 16, False)[0]
    assert np.array_equal(e.views.layers.view.rgb, want)


def test_shutdown_abandons_the_running_render_and_joins_the_thread(qtbot, worker, tiny_stylegan2):
    G = tiny_stylegan2[0]
    worker.set_model(model_of(G))
    assert worker.wait_until_idle(30)
    entered, later_blocks = threading.Event(), []

    def slow_block(*_):
        entered.set()
        hold_until(lambda: worker.closing)

    handles = [G.synthesis.b8.register_forward_hook(slow_block),
               G.synthesis.b16.register_forward_pre_hook(lambda *_: later_blocks.append(1))]
    try:
        gen = worker.submit(RenderRequest(seed=7))
        assert entered.wait(30)
        worker.shutdown()
    finally:
        for h in handles:
            h.remove()
    assert not worker.is_alive()
    assert later_blocks == []                          # the render was abandoned between two blocks
    worker.drain()
    assert all(g != gen for g, _ in worker.results)


def test_shutdown_asks_a_running_job_to_stop_and_joins_the_thread(qtbot, worker, tiny_stylegan2):
    worker.set_model(model_of(tiny_stylegan2[0]))
    started, saw_stop = threading.Event(), []

    def long_job(_r):
        started.set()
        saw_stop.append(hold_until(worker.should_stop))
        return "finished"

    worker.run_job("directions", long_job, key="directions")
    worker.run_job("grid", lambda _r: saw_stop.append("grid ran"), key="grid")
    assert started.wait(30)
    worker.shutdown()
    assert not worker.is_alive()
    assert saw_stop == [True]                          # stopped when asked; the queued job never ran
    worker.drain()
    assert [name for name, _ in worker.done] == ["set_model"] and sorted(worker.cancelled) == ["directions", "grid"]


def test_directions_of_a_model_replaced_at_once_are_not_computed(window, qtbot, pkl, monkeypatch):
    """Opening two models in a row: the first one's principal directions are dropped, not computed."""
    import ganexplorer.gui.explore.background_jobs as background_jobs

    real, computed = background_jobs.principal_directions, []

    def counting(model, *args, **kwargs):
        computed.append(model)
        return real(model, *args, **kwargs)

    monkeypatch.setattr(background_jobs, "principal_directions", counting)
    release = hold(window.worker)
    try:
        window.open_checkpoint(pkl, show_progress=False)
        qtbot.waitUntil(lambda: window.model is not None and window.explorer.directions is None, timeout=30_000)
        first = window.model
        window.open_checkpoint(pkl, show_progress=False)
        qtbot.waitUntil(lambda: window.model is not first, timeout=30_000)
    finally:
        release.set()
    qtbot.waitUntil(lambda: window.explorer.directions is not None, timeout=30_000)
    settle(qtbot, window)
    assert computed == [window.model]
    group = window.explorer.w_group   # the first model's dropped job does not read as the user's Cancel
    assert "Cancelled" not in group.status.text() and not group.progress.isVisible()


# -- the training worker: a callable between two steps ------------------------------------------------

def test_call_between_steps_runs_on_the_training_thread_between_two_steps(qtbot):
    from ganexplorer.gui.train.training_worker import TrainingWorker

    state = {"in_step": False, "step": 0}

    def steps():
        while True:
            state["in_step"] = True
            time.sleep(0.002)    # a step in flight
            state["step"] += 1
            state["in_step"] = False
            yield state["step"]

    w = TrainingWorker(steps)
    finished = []
    w.finished.connect(finished.append)
    w.start()
    seen = w.call_between_steps(lambda: (state["in_step"], state["step"], threading.current_thread()))
    in_step, step, thread = seen.result(30)
    assert not in_step and thread is not threading.current_thread()
    w.pause()
    qtbot.waitUntil(lambda: w.holding, timeout=30_000)
    paused = w.call_between_steps(lambda: state["step"]).result(30)   # served while paused too
    assert paused == state["step"]
    w.stop()
    assert w.wait(30_000)
    qtbot.waitUntil(lambda: finished == [""], timeout=30_000)
    assert w.call_between_steps(lambda: "after the run").result(1) == "after the run"


def test_a_training_iterator_that_raises_always_sends_finished(qtbot):
    from ganexplorer.core.data.dataset import DatasetError
    from ganexplorer.gui.train.training_worker import TrainingWorker

    for error in (DatasetError("'x.npz' holds no images"), KeyError("lr"), TypeError("bad step")):
        def steps(error=error):
            yield 1
            raise error

        w = TrainingWorker(steps)
        finished = []
        w.finished.connect(finished.append)
        w.start()
        qtbot.waitUntil(lambda finished=finished: len(finished) == 1, timeout=30_000)
        assert not w.is_running() and one_sentence(finished[0])
        assert str(error).strip("'") in finished[0]
        if not isinstance(error, DatasetError):
            assert type(error).__name__ in finished[0]


# -- the shared runner ------------------------------------------------------------------------------

def test_the_runner_calls_exactly_one_callback_per_task_and_idle_threads_end(qtbot, caplog):
    from ganexplorer.gui.common.background import Runner

    runner = Runner("test", workers=2, daemon=True, idle_exit_s=0.05)
    seen = []

    def callbacks(tag):
        return dict(done=lambda value: seen.append((tag, "done", value)),
                    failed=lambda error: seen.append((tag, "failed", type(error).__name__)),
                    cancelled=lambda: seen.append((tag, "cancelled", None)))

    def interrupted(_task):
        raise InterruptedError("stopped")

    runner.submit(lambda _task: 42, what="answer", **callbacks("a"))
    runner.submit(lambda _task: {}["missing"], what="lookup", **callbacks("b"))
    runner.submit(interrupted, what="stoppable", **callbacks("c"))
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=30_000)
    assert sorted(seen) == [("a", "done", 42), ("b", "failed", "KeyError"), ("c", "cancelled", None)]
    assert logged_with_traceback(caplog, KeyError)
    qtbot.waitUntil(lambda: not runner.is_alive(), timeout=30_000)   # idle threads end
    runner.submit(lambda _task: "again", **callbacks("d"))            # and start again when needed
    qtbot.waitUntil(lambda: ("d", "done", "again") in seen, timeout=30_000)
    assert runner.shutdown(30) and not runner.is_alive()
    runner.submit(lambda _task: "late", **callbacks("e"))             # after shutdown: cancelled, still told
    qtbot.waitUntil(lambda: ("e", "cancelled", None) in seen, timeout=30_000)


# -- screenshot mode: an unexpected error is a failed run ----------------------------------------------

@pytest.mark.parametrize("where", ["render", "slot"])
def test_screenshot_mode_exits_1_when_an_unexpected_error_happened(qtbot, pkl, monkeypatch, tmp_path, capsys, where):
    """`ganexplorer gui FILE --screenshot OUT` in a script: a render that raised, or a slot that raised, was
    logged and said in the status bar, yet the run exited 0 with a picture of the failure. It must exit 1."""
    from PySide6.QtCore import QTimer

    from ganexplorer.gui import app
    from ganexplorer.gui.window.main_window import MainWindow

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("GANEXPLORER_LOG_DIR", str(tmp_path / "logs"))
    if where == "render":
        def broken(self, *a, **k):
            raise TypeError("synthetic failure inside the generator")
        monkeypatch.setattr(Renderer, "render", broken)
    else:
        real_show = MainWindow.show

        def show(self):
            real_show(self)
            QTimer.singleShot(0, lambda: {}["synthetic missing key"])   # a slot that raises on the UI thread
        monkeypatch.setattr(MainWindow, "show", show)
    assert app.run_gui(str(pkl), screenshot=str(tmp_path / "shot.png"), language="en") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err and all(line.startswith("ganexplorer: error: ") and "Traceback" not in line for line in err), err
    assert any(("TypeError" if where == "render" else "KeyError") in line for line in err), err
    log_text = (tmp_path / "logs" / "ganexplorer.log").read_text(encoding="utf-8")
    assert "Traceback" in log_text


def test_screenshot_mode_of_a_good_file_still_exits_0(qtbot, pkl, monkeypatch, tmp_path, capsys):
    from ganexplorer.gui import app

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("GANEXPLORER_LOG_DIR", str(tmp_path / "logs"))
    assert app.run_gui(str(pkl), screenshot=str(tmp_path / "shot.png"), language="en") == 0
    assert (tmp_path / "shot.png").stat().st_size > 0
    assert "error" not in capsys.readouterr().err


# -- no display -----------------------------------------------------------------------------------------

def _headless_env(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return {**env, "XDG_CONFIG_HOME": str(tmp_path / "config"), "GANEXPLORER_LOG_DIR": str(tmp_path / "logs"), **extra}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux session without DISPLAY / WAYLAND_DISPLAY")
@pytest.mark.slow
def test_without_a_display_the_screenshot_is_taken_offscreen_and_the_window_says_why_it_cannot_open(tmp_path, pkl):
    """Before: on a server (no DISPLAY) Qt aborted the process (exit 134, SIGABRT) and said why only in the log."""
    out = tmp_path / "shot.png"
    p = subprocess.run([sys.executable, "-m", "ganexplorer", "gui", str(pkl), "--screenshot", str(out)],
                       capture_output=True, text=True, timeout=300, env=_headless_env(tmp_path))
    assert p.returncode == 0, p.stderr
    assert out.stat().st_size > 0
    p = subprocess.run([sys.executable, "-m", "ganexplorer", "gui", str(pkl)], capture_output=True, text=True,
                       timeout=300, env=_headless_env(tmp_path))
    assert p.returncode == 2, p.stderr
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ganexplorer: error: ") and "display" in lines[0], p.stderr


def test_a_qt_platform_that_cannot_start_is_said_on_stderr(tmp_path, pkl):
    """Qt ends the process itself (qFatal); the user still reads why, not only the log."""
    p = subprocess.run([sys.executable, "-m", "ganexplorer", "gui", str(pkl), "--screenshot", str(tmp_path / "s.png")],
                       capture_output=True, text=True, timeout=300,
                       env=_headless_env(tmp_path, QT_QPA_PLATFORM="no-such-platform"))
    assert p.returncode != 0
    assert "ganexplorer: error: " in p.stderr and "platform plugin" in p.stderr, p.stderr
