"""The explorer window, offscreen: every control's effect, the slider storm, failures, state, Korean."""

import json
import time

import numpy as np
import pytest
import torch

pytest.importorskip("PySide6")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from ganexplorer.core.formats import load_checkpoint, save_native  # noqa: E402
from ganexplorer.core.models.registry import build_preset  # noqa: E402
from ganexplorer.core.render import RenderRequest, Renderer  # noqa: E402
from layouts import write_nvidia_pickle  # noqa: E402


@pytest.fixture(autouse=True)
def dialogs(monkeypatch):
    """Modal dialogs would block offscreen tests: record what they would have said instead."""
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    return said


@pytest.fixture
def settings(tmp_path):
    s = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield s


@pytest.fixture
def pkl(tmp_path, tiny_stylegan2):
    G, D = tiny_stylegan2
    return write_nvidia_pickle(tmp_path / "tiny.pkl", G, D)


@pytest.fixture
def window(qtbot, settings, pkl):
    from ganexplorer.gui.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    win.open_checkpoint(pkl, show_progress=False)
    qtbot.waitUntil(lambda: win.model is not None, timeout=30_000)
    settle(qtbot, win)
    yield win
    win.worker.shutdown()


def settle(qtbot, win):
    """Let the worker finish and the results reach the UI thread."""
    for _ in range(3):
        assert win.worker.wait_until_idle(60)
        qtbot.wait(20)


def shown(win) -> np.ndarray:
    return win.explorer.image_view.rgb.copy()


def expected(win, req: RenderRequest) -> np.ndarray:
    return Renderer(load_checkpoint(win.model.path)).render(req).rgb


def test_opens_model_and_shows_direct_render(window):
    assert window.model.format == "nvidia-pickle"
    assert "tiny.pkl" in window.explorer.info.text() and "num_ws 6" in window.explorer.info.text()
    assert np.array_equal(shown(window), expected(window, RenderRequest(seed=0)))
    assert "ms" in window.statusBar().currentMessage()


@pytest.mark.parametrize("change, req", [
    (lambda e: e.seed.setValue(5), RenderRequest(seed=5)),
    (lambda e: e.psi.setValue(0.5), RenderRequest(psi=0.5)),
    (lambda e: (e.psi.setValue(0.3), e.cutoff.setValue(2)), RenderRequest(psi=0.3, cutoff=2)),
    (lambda e: e.noise_mode.setCurrentIndex(e.noise_mode.findData("none")), RenderRequest(noise_mode="none")),
    (lambda e: (e.noise_mode.setCurrentIndex(e.noise_mode.findData("random")), e.noise_seed.setValue(4)),
     RenderRequest(noise_mode="random", noise_seed=4)),
    (lambda e: e.noise_strength.setValue(2.0), RenderRequest(noise_strength=2.0)),
    (lambda e: (e.mix_seed.setValue(9), e.mix_start.setValue(2), e.mix_end.setValue(5), e.mix_on.setChecked(True)),
     RenderRequest(mix_seed=9, mix_start=2, mix_end=5)),
    (lambda e: e.z_sliders[1].setValue(2.0), RenderRequest(z_offsets=((1, 2.0),))),
])
def test_each_control_changes_the_picture_as_a_direct_render_does(window, qtbot, change, req):
    before = shown(window)
    change(window.explorer)
    settle(qtbot, window)
    after = shown(window)
    assert not np.array_equal(before, after)
    assert np.array_equal(after, expected(window, req))


def test_w_direction_sliders(window, qtbot):
    qtbot.waitUntil(lambda: window.explorer.directions is not None, timeout=30_000)
    e = window.explorer
    before = shown(window)
    e.w_start.setValue(1)
    e.w_end.setValue(4)
    e.w_sliders[0].setValue(2.0)
    settle(qtbot, window)
    req = e.current_request()
    assert len(req.w_edits) == 1 and req.w_edits[0].layer_start == 1 and req.w_edits[0].layer_end == 4
    assert abs(req.w_edits[0].amount - 2.0 * e.directions.sigmas[0]) < 1e-6
    assert not np.array_equal(before, shown(window))
    assert np.array_equal(shown(window), expected(window, req))


def test_slider_storm_renders_final_state_without_stalling(window, qtbot):
    """200 slider steps: far fewer renders, the last image equals a direct render, no UI stall > 30 ms."""
    e = window.explorer
    lateness = []
    last = [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        lateness.append(now - last[0] - 0.005)
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    start_count = window.worker.render_count
    for i in range(200):
        e.psi.slider.setValue(e.psi.slider.value() - 1 if i % 50 < 25 else e.psi.slider.value() + 1)
        e.seed.setValue(i // 40)
        qtbot.wait(1)
    final = e.current_request()
    settle(qtbot, window)
    timer.stop()
    renders = window.worker.render_count - start_count
    assert renders < 100, renders
    assert np.array_equal(shown(window), expected(window, final))
    worst = max(lateness) * 1000
    print(f"slider storm: {renders} renders for 200 steps, worst timer lateness {worst:.1f} ms")
    assert worst < 30, worst


def test_failed_load_shows_one_sentence_and_keeps_the_model(window, qtbot, tmp_path, dialogs):
    shown_msgs = dialogs
    bad = tmp_path / "broken.pkl"
    bad.write_bytes(b"\x80\x04garbage")
    before = window.model
    window.open_checkpoint(bad, show_progress=False)
    qtbot.waitUntil(lambda: window.last_error is not None, timeout=30_000)
    assert window.model is before
    assert len(shown_msgs) == 1 and "broken.pkl" in shown_msgs[0] and "\n" not in shown_msgs[0]
    window.explorer.seed.setValue(3)
    settle(qtbot, window)
    assert np.array_equal(shown(window), expected(window, RenderRequest(seed=3)))


def test_save_and_reopen_state(window, qtbot, tmp_path):
    e = window.explorer
    e.seed.setValue(11)
    e.psi.setValue(0.6)
    e.noise_mode.setCurrentIndex(e.noise_mode.findData("random"))
    e.noise_seed.setValue(2)
    e.mix_on.setChecked(True)
    e.mix_seed.setValue(4)
    e.z_sliders[0].setValue(-1.0)
    settle(qtbot, window)
    saved_req = e.current_request()
    picture = shown(window)
    window.save_state(str(tmp_path / "state.json"))
    assert json.loads((tmp_path / "state.json").read_text())["request"]["seed"] == 11
    # Change everything, then reopen.
    e.seed.setValue(0)
    e.psi.setValue(1.0)
    e.mix_on.setChecked(False)
    e.z_sliders[0].reset()
    settle(qtbot, window)
    assert not np.array_equal(shown(window), picture)
    assert window.load_state(str(tmp_path / "state.json"))
    settle(qtbot, window)
    assert e.current_request() == saved_req
    assert np.array_equal(shown(window), picture)
    (tmp_path / "junk.json").write_text("{}")
    assert not window.load_state(str(tmp_path / "junk.json"))
    assert "not a ganexplorer state file" in window.last_error


def test_save_image_and_zoom(window, tmp_path):
    from PIL import Image

    assert window.save_image(str(tmp_path / "x.png"))
    assert np.array_equal(np.asarray(Image.open(tmp_path / "x.png").convert("RGB")), shown(window))
    window.set_zoom(2)
    assert window.explorer.image_view.zoom == 2


def test_variation_and_grid_views(window, qtbot):
    e = window.explorer
    e.compute_variation()
    e.grid_rows.setText("1,2")
    e.grid_cols.setText("3,4,5")
    e.compute_grid()
    settle(qtbot, window)
    assert e.variation_view.rgb is not None and e.variation_view.rgb.max() == 255
    assert e.grid_view.rgb.shape == (16 * 3, 16 * 4, 3)


def test_conditional_dcgan_class_picker(qtbot, settings, tmp_path):
    from ganexplorer.gui.main_window import MainWindow

    torch.manual_seed(0)
    G, D = build_preset("dcgan32-cond")
    path = save_native(tmp_path / "c.safetensors", "dcgan32", G.eval(), D)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.open_checkpoint(path, show_progress=False)
    qtbot.waitUntil(lambda: win.model is not None, timeout=30_000)
    settle(qtbot, win)
    e = win.explorer
    assert e.label_combo.count() == 10 and not e.mix_on.isEnabled()
    before = shown(win)
    e.label_combo.setCurrentIndex(7)
    settle(qtbot, win)
    assert not np.array_equal(before, shown(win))
    assert np.array_equal(shown(win), expected(win, RenderRequest(label=7)))
    win.worker.shutdown()


def test_korean_translation_loads(qtbot, settings):
    from PySide6.QtWidgets import QApplication

    from ganexplorer.gui.app import install_translator
    from ganexplorer.gui.main_window import MainWindow

    app = QApplication.instance()
    tr = install_translator(app, "ko")
    assert tr is not None
    try:
        win = MainWindow(settings)
        qtbot.addWidget(win)
        titles = [win.tabs.tabText(i) for i in range(win.tabs.count())]
        assert titles == ["\ud0d0\uc0c9", "\ud559\uc2b5", "1\ucc28\uc6d0 \ub370\ubaa8"]  # 탐색, 학습, 1차원 데모
        assert win.explorer.findChildren(type(win.explorer.views))[0] is not None
        win.worker.shutdown()
    finally:
        app.removeTranslator(tr)


def test_gui_screenshot_command(tmp_path, pkl):
    import subprocess
    import sys

    out = tmp_path / "shot.png"
    p = subprocess.run([sys.executable, "-m", "ganexplorer", "gui", "--screenshot", str(out)],
                       capture_output=True, text=True, timeout=300,
                       env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen",
                            "XDG_CONFIG_HOME": str(tmp_path / "config")})
    assert p.returncode == 0, p.stderr
    from PIL import Image

    im = Image.open(out)
    assert im.size[0] > 600 and im.size[1] > 400


def test_every_ui_string_has_a_korean_translation():
    import re
    import xml.etree.ElementTree as ET
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    ts = ET.parse(root / "resources/translations/ganexplorer_ko.ts").getroot()
    sources = {}
    for msg in ts.iter("message"):
        tr = msg.find("translation")
        sources[msg.find("source").text] = (tr.text or "", tr.get("type"))
    code = "".join(p.read_text(encoding="utf-8") for p in (root / "ganexplorer/gui").glob("*.py"))
    used = set(re.findall(r'self\.tr\(\s*"((?:[^"\\]|\\.)*)"', code))
    used = {s.encode().decode("unicode_escape").encode("latin-1").decode("utf-8") if "\\u" not in s
            else s.encode().decode("unicode_escape") for s in used}
    missing = [s for s in used if s not in sources]
    assert not missing, f"run resources/translations/update.sh: {missing[:5]}"
    unfinished = [s for s, (text, kind) in sources.items() if kind in ("unfinished", "vanished", "obsolete") or not text]
    assert not unfinished, unfinished[:5]
    assert (root / "resources/translations/ganexplorer_ko.qm").stat().st_size > 1000


def test_seed_pad_arithmetic_and_walk(window, qtbot):
    e = window.explorer
    e.pad.set_position(1.5, 0.0)
    settle(qtbot, window)
    assert np.array_equal(shown(window), expected(window, RenderRequest(w_blend=((1, 0.5), (2, 0.5)))))
    for box, v in zip(e.arith, (3, 4, 5)):
        box.setValue(v)
    e.show_arithmetic()
    settle(qtbot, window)
    assert np.array_equal(shown(window), expected(window, RenderRequest(w_blend=((3, 1.0), (4, -1.0), (5, 1.0)))))
    e.seed.setValue(2)  # picking a seed leaves blend mode
    settle(qtbot, window)
    assert np.array_equal(shown(window), expected(window, RenderRequest(seed=2)))
    e.walk.seeds.setText("7,8")
    e.walk.frames.setValue(4)
    e.walk.step()
    e.walk.step()
    settle(qtbot, window)
    assert np.array_equal(shown(window), expected(window, RenderRequest(seed=2, w_blend=((7, 0.5), (8, 0.5)))))


def test_walk_export_and_play(window, qtbot, tmp_path):
    from PIL import Image

    e = window.explorer
    e.export_walk(str(tmp_path / "walk.gif"), [0, 1, 2], "z", 6, 10)
    settle(qtbot, window)
    assert Image.open(tmp_path / "walk.gif").n_frames == 6
    e.walk.fps.setValue(60)
    e.walk.play.setChecked(True)
    qtbot.wait(200)
    e.walk.play.setChecked(False)
    assert e.walk.index > 2


def test_layer_view_and_channel_ablation(window, qtbot):
    e = window.explorer
    e.views.setCurrentIndex(3)
    e.layer_combo.setCurrentIndex(e.layer_combo.findText("synthesis.b8.conv1"))
    settle(qtbot, window)
    assert e.layer_view.rgb is not None and "channels" in e.layer_channels.text()
    before = shown(window)
    e.ablate_edit.setText("0-3")
    e.ablate_edit.editingFinished.emit()
    settle(qtbot, window)
    assert not np.array_equal(before, shown(window))
    req = RenderRequest(ablations=(("synthesis.b8.conv1", (0, 1, 2, 3)),))
    assert np.array_equal(shown(window), expected(window, req))


def test_cancelled_load_keeps_the_current_model(window, qtbot, tmp_path):
    before = window.model
    torch.manual_seed(1)
    G, D = build_preset("dcgan32")
    other = save_native(tmp_path / "other.safetensors", "dcgan32", G.eval(), D)
    ticket = window.open_checkpoint(other, show_progress=False)
    window._cancel_load(ticket)
    window.loader.wait(30)
    qtbot.wait(100)
    assert window.model is before
    assert "cancelled" in window.statusBar().currentMessage()


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


def test_demo1d_tab_two_runs(qtbot, settings):
    from ganexplorer.gui.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    runs = win.demo1d_panel.runs
    assert [r.pre.currentData() for r in runs] == ["raw", "moments4"]
    for r in runs:
        r.epochs.setValue(30)
        assert r.start()
    for r in runs:
        qtbot.waitUntil(lambda r=r: not r.worker.is_running(), timeout=60_000)
    qtbot.wait(300)
    for r in runs:
        assert len(r.losses) == 30 and r.last_snapshot is not None and r.last_snapshot.epoch == 29
        assert r.log.toPlainText().splitlines()[-1].startswith("Epoch 29: D (")
        assert len(r.real_hist.getData()[0]) > 0 and len(r.d_plot.getData()[0]) == 121
        assert r.start_btn.isEnabled() and not r.stop_btn.isEnabled()
    win.demo1d_panel.shutdown()
    win.worker.shutdown()


def test_qt_binding_does_not_leak_none_references():
    """PySide6 6.12.0's QPainter.setClipRect dropped a reference to None on every call, so every
    pyqtgraph axis repaint brought a long-running window closer to a fatal crash (pinned out)."""
    import sys

    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage, QPainter

    img = QImage(32, 32, QImage.Format.Format_RGB32)
    p = QPainter(img)
    try:
        before = sys.getrefcount(None)
        for _ in range(2000):
            p.setClipRect(QRect(0, 0, 8, 8))
            p.drawText(QRect(0, 0, 30, 10), 0, "1.0")
        assert sys.getrefcount(None) >= before - 50
    finally:
        p.end()


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
