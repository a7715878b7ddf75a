"""The explorer window, offscreen: every control's effect, the slider storm, failures, state, Korean."""

import numpy as np
import pytest
import torch

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

import json  # noqa: E402

from gui_fixtures import *  # noqa: E402,F401,F403  (fixtures: dialogs, settings, pkl, window)
from gui_fixtures import expected, open_window, settle, shown  # noqa: E402,F401
from layouts import write_nvidia_pickle  # noqa: E402,F401
from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402,F401
from PySide6.QtWidgets import QMessageBox  # noqa: E402,F401

from ganexplorer.core.formats import load_checkpoint, save_native  # noqa: E402,F401
from ganexplorer.core.models.registry import build_preset  # noqa: E402,F401
from ganexplorer.core.render import Renderer, RenderRequest  # noqa: E402,F401


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


def test_slider_storm_renders_only_the_newest_position(window, qtbot):
    """200 slider steps while the model's thread is busy: one render, of the last position.

    The worker keeps only the newest request, so a drag never queues work. Holding its thread
    with a job makes that deterministic (how many renders a free-running drag gets depends on
    the machine; UI-thread lateness during a drag is measured in benchmarks/bench_gui.py).
    """
    import threading

    e = window.explorer
    started, release = threading.Event(), threading.Event()
    window.worker.run_job("hold", lambda r: (started.set(), release.wait(60)))
    assert started.wait(30)
    start_count = window.worker.render_count
    try:
        for i in range(200):
            e.psi.slider.setValue(e.psi.slider.value() - 1 if i % 50 < 25 else e.psi.slider.value() + 1)
            e.seed.setValue(i // 40)
        final = e.current_request()
    finally:
        release.set()
    settle(qtbot, window)
    assert window.worker.render_count - start_count == 1
    assert np.array_equal(shown(window), expected(window, final))


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
    assert json.loads((tmp_path / "state.json").read_text())["state"]["seed"] == 11   # version 2: the file holds the explorer state
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
    assert "junk.json" in window.last_error and "not an explorer state file" in window.last_error   # the reader's own reason


def test_save_image_and_zoom(window, tmp_path):
    from PIL import Image

    assert window.save_image(str(tmp_path / "x.png"))
    assert np.array_equal(np.asarray(Image.open(tmp_path / "x.png").convert("RGB")), shown(window))
    window.set_zoom(2)
    assert window.explorer.image_view.zoom == 2


def test_variation_and_grid_views(window, qtbot):
    from PySide6.QtCore import Qt

    e = window.explorer
    e.views.setCurrentIndex(1)
    qtbot.mouseClick(e.views.variation.button, Qt.MouseButton.LeftButton)
    e.views.setCurrentIndex(2)
    for field, text in ((e.grid_rows, "1,2"), (e.grid_cols, "3,4,5")):
        field.clear()
        qtbot.keyClicks(field, text)
    qtbot.mouseClick(e.views.grid.button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert e.views.variation.view.rgb is not None and "pixel levels" in e.views.variation.scale.text()
    # 16 px tiles are enlarged (nearest neighbour) to make room for the seed numbers drawn beside them.
    assert e.grid_view.rgb.shape[0] > 3 * 96 and e.grid_view.rgb.shape[1] > 4 * 96


def test_conditional_dcgan_class_picker(qtbot, settings, tmp_path):
    torch.manual_seed(0)
    G, D = build_preset("dcgan32-cond")
    win = open_window(qtbot, settings, save_native(tmp_path / "c.safetensors", "dcgan32", G.eval(), D), show=False)
    e = win.explorer
    assert e.seed_group.label_combo.count() == 10 and not e.mix_on.isEnabled()
    before = shown(win)
    e.seed_group.label_combo.setCurrentIndex(7)
    settle(qtbot, win)
    assert not np.array_equal(before, shown(win))
    assert np.array_equal(shown(win), expected(win, RenderRequest(label=7)))
    qtbot.waitUntil(lambda: e.caption.text() == "seed 0 \u00b7 class 7", timeout=5_000)
    win.worker.shutdown()


def test_korean_translation_loads(qtbot, settings):
    from PySide6.QtWidgets import QApplication

    from ganexplorer.gui.app import install_translator
    from ganexplorer.gui.window.main_window import MainWindow

    app = QApplication.instance()
    tr = install_translator(app, "ko")
    assert tr is not None
    try:
        win = MainWindow(settings)
        qtbot.addWidget(win)
        titles = [win.tabs.tabText(i) for i in range(win.tabs.count())]
        assert titles[:3] == ["\ud0d0\uc0c9", "\ud559\uc2b5", "1\ucc28\uc6d0 \ub370\ubaa8"]  # 탐색, 학습, 1차원 데모
        assert titles[3] in ("2-D lab", "2\ucc28\uc6d0 \uc2e4\ud5d8\uc2e4")   # 2차원 실험실 once the lead's lupdate has it
        from PySide6.QtWidgets import QGroupBox
        titles = {g.title() for g in win.explorer.findChildren(QGroupBox)}
        assert "\uc2dc\ub4dc" in titles and "Seed" not in titles   # 시드: the Explore tab's controls speak Korean
        win.worker.shutdown()
    finally:
        app.removeTranslator(tr)


@pytest.mark.slow
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
    import xml.etree.ElementTree as ET
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    ts = ET.parse(root / "resources/translations/ganexplorer_ko.ts").getroot()
    sources = {}
    for msg in ts.iter("message"):
        tr = msg.find("translation")
        sources[msg.find("source").text] = (tr.text or "", tr.get("type"))
    import ast

    used = set()  # the literal first argument of every self.tr(...) (the parser joins "a" "b" pieces)
    for path in (root / "ganexplorer/gui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                used.add(node.args[0].value)
    assert len(used) > 300
    missing = [s for s in used if s not in sources]
    assert not missing, f"run resources/translations/update.sh: {missing[:5]}"
    unfinished = [s for s, (text, kind) in sources.items() if kind in ("unfinished", "vanished", "obsolete") or not text]
    assert not unfinished, unfinished[:5]
    assert (root / "resources/translations/ganexplorer_ko.qm").stat().st_size > 1000


def test_seed_pad_arithmetic_and_walk(window, qtbot):
    """Clicked as a student would: a point on the seed grid, the A - B + C button, the walk's Play/Pause."""
    from PySide6.QtCore import QPoint

    from ganexplorer.core.render.blend import bilinear_blend
    from ganexplorer.core.render.latents import walk_positions
    from ganexplorer.core.render.walk import walk_request

    e = window.explorer
    pad = e.pad_group.pad
    qtbot.mouseClick(pad, Qt.MouseButton.LeftButton, pos=QPoint(pad.width() // 2, pad.height() // 3))
    settle(qtbot, window)
    blend = bilinear_blend(*pad.pos_xy, pad.base, pad.columns)
    assert len(blend) > 1 and pad.pos_xy != (0.0, 0.0)          # between seeds, not on one
    assert np.array_equal(shown(window), expected(window, RenderRequest(w_blend=blend)))
    for box, v in zip(e.arith_group.boxes, (3, 4, 5)):
        box.spin.lineEdit().selectAll()
        qtbot.keyClicks(box.spin.lineEdit(), str(v))
        qtbot.keyClick(box.spin.lineEdit(), Qt.Key.Key_Return)
    qtbot.mouseClick(e.arith_group.button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert np.array_equal(shown(window), expected(window, RenderRequest(w_blend=((3, 1.0), (4, -1.0), (5, 1.0)))))
    qtbot.mouseClick(e.seed.next_btn, Qt.MouseButton.LeftButton)   # picking a seed leaves blend mode
    settle(qtbot, window)
    assert np.array_equal(shown(window), expected(window, RenderRequest(seed=1)))
    e.walk.seeds.selectAll()
    qtbot.keyClicks(e.walk.seeds, "7,8")
    e.walk.frames.lineEdit().selectAll()
    qtbot.keyClicks(e.walk.frames.lineEdit(), "4")
    qtbot.keyClick(e.walk.frames.lineEdit(), Qt.Key.Key_Return)
    qtbot.mouseClick(e.walk.play, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: e.walk.index >= 2, timeout=30_000)
    qtbot.mouseClick(e.walk.play, Qt.MouseButton.LeftButton)      # Pause
    assert e.walk.play.text() == "Play"
    settle(qtbot, window)
    i, j, t = walk_positions(2, 4)[e.walk.index - 1]
    want = walk_request(RenderRequest(seed=1), [7, 8], i, j, t, "w", 16)
    assert e.controller.state.source[:2] == ("walk", e.walk.index)
    assert np.array_equal(shown(window), expected(window, want))


def test_walk_export_and_play(window, qtbot, tmp_path, monkeypatch):
    from PIL import Image
    from PySide6.QtWidgets import QFileDialog

    e = window.explorer
    w = e.walk
    for box, text in ((w.seeds, "0,1,2"), (w.frames, "6")):
        target = box.lineEdit() if hasattr(box, "lineEdit") else box
        box.setFocus()
        target.selectAll()
        qtbot.keyClicks(target, text)
        qtbot.keyClick(target, Qt.Key.Key_Return)
    w.space.setCurrentIndex(w.space.findData("z"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "walk.gif"), ""))
    qtbot.mouseClick(w.export_button, Qt.MouseButton.LeftButton)     # Export GIF/MP4…
    qtbot.waitUntil(lambda: (tmp_path / "walk.gif").exists(), timeout=30_000)
    settle(qtbot, window)
    assert Image.open(tmp_path / "walk.gif").n_frames == 6
    e.walk.fps.setValue(60)
    qtbot.mouseClick(e.walk.play, Qt.MouseButton.LeftButton)          # Play
    assert e.walk.play.isChecked()
    qtbot.waitUntil(lambda: e.walk.index > 2, timeout=10_000)          # the frames advance by themselves
    qtbot.mouseClick(e.walk.play, Qt.MouseButton.LeftButton)          # and stop again
    stopped = e.walk.index
    settle(qtbot, window)
    assert not e.walk.play.isChecked() and e.walk.index == stopped


def test_layer_view_and_channel_ablation(window, qtbot):
    e = window.explorer
    e.views.setCurrentIndex(3)
    e.views.layers.layer_combo.setCurrentIndex(e.views.layers.layer_combo.findText("synthesis.b8.conv1"))
    settle(qtbot, window)
    assert e.views.layers.view.rgb is not None and "channels" in e.views.layers.channels.text()
    before = shown(window)
    e.views.layers.ablate_edit.setFocus()
    e.views.layers.ablate_edit.selectAll()
    qtbot.keyClicks(e.views.layers.ablate_edit, "0-3")          # the user types the channels to switch off
    qtbot.keyClick(e.views.layers.ablate_edit, Qt.Key.Key_Return)
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
    qtbot.waitUntil(lambda: "cancelled" in window.statusBar().currentMessage(), timeout=10_000)
    settle(qtbot, window)
    assert window.model is before


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
