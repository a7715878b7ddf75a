"""The Train tab, offscreen: start, pause, single steps, plots, downloads, StyleGAN2 rows."""

import numpy as np
import pytest
import torch

pytest.importorskip("PySide6")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

from gui_fixtures import *  # noqa: E402,F401,F403  (fixtures: dialogs, settings, pkl, window)
from gui_fixtures import expected, settle, shown  # noqa: E402,F401


@pytest.fixture
def train_window(qtbot, settings, tmp_path):
    from ganexplorer.gui.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    p = win.trainer_panel
    p.model.setCurrentIndex(p.model.findData("mlp-gan"))
    p.batch.setValue(16)
    p.sample_every.setValue(2)
    p.out_dir.setText(str(tmp_path / "run"))
    yield win
    p.shutdown()
    win.worker.shutdown()


def test_train_tab_runs_plots_and_saves(train_window, qtbot, tmp_path):
    p = train_window.trainer_panel
    assert p.start(max_steps=6)
    qtbot.waitUntil(lambda: not p.worker.is_running(), timeout=60_000)
    qtbot.wait(300)  # redraw timer
    assert p.series.size == 6 and len(p.d_curve.getData()[0]) == 6
    assert len(p.grids) >= 3 and p.samples.rgb is not None and p.real_view.rgb is not None
    p.timeline.setValue(0)
    assert p.timeline_label.text().endswith("0")
    assert (tmp_path / "run" / "last.safetensors").exists()
    assert "steps/s" in p.rate_label.text()
    assert p.last_classes is not None and sum(p.last_classes.counts) == 200
    assert "classes covered" in p.class_label.text()
    p.explore_btn.click()
    qtbot.waitUntil(lambda: train_window.model is not None and train_window.model.family == "mlp", timeout=30_000)
    settle(qtbot, train_window)
    assert train_window.tabs.currentWidget() is train_window.explorer
    assert train_window.explorer.image_view.rgb.shape == (28, 28, 3)


def test_train_tab_pause_step_resume_stop(train_window, qtbot):
    p = train_window.trainer_panel
    assert p.start()
    qtbot.waitUntil(lambda: p.series.size >= 2, timeout=60_000)
    p.toggle_pause()
    assert p.worker.paused and p.step_d_btn.isEnabled()
    qtbot.wait(300)
    n = p.series.size
    qtbot.wait(300)
    assert p.series.size <= n + 1  # at most the step in flight when pausing
    before = [t.detach().clone() for t in p.trainer.D.parameters()]
    p.step_d_btn.click()
    qtbot.waitUntil(lambda: any(not torch.equal(a, b) for a, b in zip(before, p.trainer.D.parameters())),
                    timeout=30_000)
    p.toggle_pause()
    qtbot.waitUntil(lambda: p.series.size > n + 2, timeout=60_000)
    p.stop()
    qtbot.waitUntil(lambda: not p.worker.is_running(), timeout=60_000)
    qtbot.wait(100)
    assert p.start_btn.isEnabled() and "saved" in train_window.statusBar().currentMessage()


def test_train_tab_bad_data_is_one_sentence(train_window):
    p = train_window.trainer_panel
    p.data.setText("mnist:/no/such/file")
    assert not p.start()
    assert "does not exist" in train_window.statusBar().currentMessage()


def test_train_tab_download_button_fetches_into_the_cache(train_window, qtbot, dataset_server, tmp_path,
                                                          monkeypatch):
    base, _ = dataset_server
    monkeypatch.setenv("GANEXPLORER_CACHE", str(tmp_path / "cache"))
    p = train_window.trainer_panel
    p.download.base_url = base
    assert p.download.start("mnist")
    assert not p.download.isEnabled()
    qtbot.waitUntil(lambda: p.data.text().startswith("mnist:"), timeout=30_000)
    assert p.download.isEnabled() and "Downloaded" in train_window.statusBar().currentMessage()
    assert str(tmp_path / "cache") in p.data.text()
    p.download.start("quickdraw:unicorn")  # not on the server: one sentence, data unchanged
    qtbot.waitUntil(lambda: p.download.isEnabled(), timeout=30_000)
    assert "could not download" in train_window.statusBar().currentMessage()
    assert p.data.text().startswith("mnist:")


def test_train_tab_stylegan2_shows_r1_and_mixing(train_window, qtbot, tmp_path):
    p = train_window.trainer_panel
    p.model.setCurrentIndex(p.model.findData("stylegan2-32"))
    assert p.lr.value() == pytest.approx(0.0025) and p.beta1.value() == 0 and p.batch.value() == 32
    assert p.form.isRowVisible(p.r1_gamma) and not p.loss.isEnabled()
    p.batch.setValue(8)
    assert p.start(max_steps=3)
    qtbot.waitUntil(lambda: not p.worker.is_running(), timeout=120_000)
    qtbot.wait(300)
    assert np.isfinite(p.r1_curve.getData()[1]).any()   # R1 is applied on step 1 of every 16
    assert p.mixing_view.rgb is not None and not p.mixing_view.isHidden()
    p.explore_btn.click()
    qtbot.waitUntil(lambda: train_window.model is not None and train_window.model.family == "stylegan2",
                    timeout=30_000)
    settle(qtbot, train_window)
    assert train_window.explorer.image_view.rgb.shape == (32, 32, 3)
    p.model.setCurrentIndex(p.model.findData("dcgan32"))
    assert not p.form.isRowVisible(p.r1_gamma) and p.lr.value() == pytest.approx(2e-4)


def test_explorer_stays_usable_while_stylegan2_trains(train_window, qtbot):
    """Training runs on its own thread: the explorer still renders, and the event loop keeps ticking."""
    import time as _time

    from PySide6.QtCore import QTimer

    from ganexplorer.gui.app import default_checkpoint

    win = train_window
    win.open_checkpoint(default_checkpoint(), show_progress=False)
    qtbot.waitUntil(lambda: win.model is not None, timeout=30_000)
    settle(qtbot, win)
    p = win.trainer_panel
    p.model.setCurrentIndex(p.model.findData("stylegan2-32"))
    p.batch.setValue(8)
    p.out_dir.setText("")
    assert p.start(max_steps=1000)
    qtbot.waitUntil(lambda: p.series.size >= 1, timeout=60_000)
    win.tabs.setCurrentWidget(win.explorer)
    lateness, last = [], [_time.perf_counter()]

    def tick():
        now = _time.perf_counter()
        lateness.append(now - last[0] - 0.010)
        last[0] = now
    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    try:
        before = win.worker.render_count
        win.explorer.psi.setValue(0.5)
        qtbot.waitUntil(lambda: win.worker.render_count > before, timeout=30_000)
        settle(qtbot, win)
        np.testing.assert_array_equal(shown(win), expected(win, win.explorer.current_request()))
        qtbot.wait(1000)
        assert p.worker.is_running()
    finally:
        timer.stop()
        p.stop()
        qtbot.waitUntil(lambda: not p.worker.is_running(), timeout=60_000)
    assert len(lateness) > 50 and max(lateness) < 0.25, max(lateness)
