"""The 2-D lab tab, offscreen, driven as a student would: step buttons, Play / Pause, drawing a target,
loading a bad points file, typing a bad learning rate, Ctrl+S, presentation mode at 1280x720."""

import os
from pathlib import Path

import numpy as np
import pytest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

from gui_fixtures import *  # noqa: E402,F403  (the fixtures: dialogs, settings)
from PIL import Image  # noqa: E402
from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog  # noqa: E402

LEFT = Qt.MouseButton.LeftButton
SHOTS = Path(os.environ.get("GANEXPLORER_SHOTS", ""))   # set it to keep screenshots of the tab


@pytest.fixture
def lab_tab(qtbot, settings):
    from ganexplorer.gui.window.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    win.tabs.setCurrentWidget(win.lab2d_panel)
    yield win, win.lab2d_panel
    win.lab2d_panel.shutdown()
    win.worker.shutdown()


def pick(combo, key) -> None:
    combo.setCurrentIndex(combo.findData(key))


def type_value(qtbot, box, text: str) -> None:
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def click_step(qtbot, panel, button) -> None:
    """Click a step button and wait until the plane shows the step's result."""
    s = panel.plane.snapshot
    g, d = (s.step, s.d_updates) if s is not None else (0, 0)
    steps = panel.lab.config.d_steps if panel.lab is not None else panel.controls.d_steps.value()
    g, d = {panel.d_btn: (g, d + 1), panel.g_btn: (g + 1, d), panel.both_btn: (g + 1, d + steps)}[button]
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: panel.plane.snapshot is not None
                    and (panel.plane.snapshot.step, panel.plane.snapshot.d_updates) == (g, d), timeout=10_000)


def test_step_buttons_change_the_surface_and_the_samples(qtbot, lab_tab):
    _, panel = lab_tab
    click_step(qtbot, panel, panel.d_btn)
    first = panel.plane.snapshot
    shown_heat = panel.plane.heat.image.copy()
    click_step(qtbot, panel, panel.d_btn)
    second = panel.plane.snapshot
    assert not np.allclose(first.heat, second.heat)          # D learned: its surface moved
    assert np.array_equal(first.fake, second.fake)           # G did not
    assert not np.array_equal(shown_heat, panel.plane.heat.image)
    x, _ = panel.plane.fake.getData()
    assert len(x) == len(second.fake)
    click_step(qtbot, panel, panel.g_btn)
    third = panel.plane.snapshot
    assert not np.allclose(second.fake, third.fake)          # G moved its samples
    assert np.allclose(second.heat, third.heat)              # D did not change
    assert np.allclose(np.stack(panel.plane.fake.getData(), axis=1), third.fake)
    click_step(qtbot, panel, panel.both_btn)
    assert panel.lab.step == 2 and panel.lab.d_updates == 3
    assert "Step 2" in panel.numbers.text() and "modes" in panel.numbers.text()
    assert not panel.controls.lr_d.isEnabled()               # settings wait for Reset
    qtbot.mouseClick(panel.reset_btn, LEFT)
    assert panel.lab is None and panel.controls.lr_d.isEnabled() and panel.plane.snapshot is None


def test_play_and_pause_plot_coverage_live(qtbot, lab_tab):
    _, panel = lab_tab
    type_value(qtbot, panel.controls.steps, "400")
    qtbot.mouseClick(panel.play_btn, LEFT)
    qtbot.waitUntil(lambda: panel.plots.n >= 2, timeout=30_000)
    qtbot.mouseClick(panel.pause_btn, LEFT)
    qtbot.waitUntil(lambda: panel.worker.holding, timeout=10_000)
    held = panel.lab.step
    qtbot.waitUntil(lambda: panel.redraws > 0)
    assert panel.lab.step == held and panel.pause_btn.isEnabled() is False
    x, y = panel.plots.modes_curve.getData()
    assert len(x) == panel.plots.n and x[0] == 25 and np.all((0 <= y) & (y <= 100))
    qtbot.mouseClick(panel.play_btn, LEFT)
    qtbot.waitUntil(lambda: not panel.worker.is_running(), timeout=60_000)
    assert panel.lab.step == 400
    qtbot.waitUntil(lambda: "Done: 400 steps" in panel.window().statusBar().currentMessage())


def test_a_drawn_target_needs_ten_points_then_trains(qtbot, lab_tab):
    win, panel = lab_tab
    pick(panel.controls.target, "drawn")
    assert panel.draw_btn.isChecked()
    view = panel.plane.viewport()
    for k in range(3):
        qtbot.mouseClick(view, LEFT, pos=QPoint(200 + 20 * k, 200))
    qtbot.waitUntil(lambda: len(panel.plane.drawn_points) == 3)
    qtbot.mouseClick(panel.d_btn, LEFT)
    assert panel.lab is None
    assert "at least 10 points, this one has 3" in win.statusBar().currentMessage()
    for k in range(10):
        qtbot.mouseClick(view, LEFT, pos=QPoint(150 + 15 * k, 300 - 10 * k))
    assert "13 points drawn" in panel.numbers.text()
    click_step(qtbot, panel, panel.d_btn)
    assert panel.lab.target.name == "drawn" and len(panel.lab.target.points) == 13
    qtbot.mouseClick(panel.reset_btn, LEFT)
    qtbot.mouseClick(panel.clear_btn, LEFT)
    assert len(panel.plane.drawn_points) == 0


def test_loading_points_files(qtbot, lab_tab, tmp_path, monkeypatch):
    win, panel = lab_tab
    pick(panel.controls.target, "drawn")
    good = tmp_path / "good.csv"
    good.write_text("x,y\n" + "\n".join(f"{np.cos(t):.3f},{np.sin(t):.3f}" for t in np.linspace(0, 6, 40)))
    bad = tmp_path / "objects.npy"
    np.save(bad, np.array([{"x": 1}], dtype=object), allow_pickle=True)
    answer = [str(good)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (answer[0], ""))
    qtbot.mouseClick(panel.load_btn, LEFT)
    assert len(panel.plane.drawn_points) == 40
    answer[0] = str(bad)
    qtbot.mouseClick(panel.load_btn, LEFT)
    message = win.statusBar().currentMessage()
    assert "objects.npy" in message and "pickle" in message
    assert len(panel.plane.drawn_points) == 40          # what the user had stays


def test_bad_learning_rates_are_one_sentence(qtbot, lab_tab):
    win, panel = lab_tab
    for text, words in (("0", "D's learning rate must be between"), ("1000000", "D's learning rate must be between")):
        type_value(qtbot, panel.controls.lr_d, text)
        qtbot.mouseClick(panel.play_btn, LEFT)
        assert panel.lab is None
        message = win.statusBar().currentMessage()
        assert words in message and "\n" not in message


def test_a_diverging_run_stops_and_says_so(qtbot, lab_tab):
    win, panel = lab_tab
    c = panel.controls
    pick(c.loss, "wgan-gp")
    for box, text in ((c.lr_d, "0.1"), (c.lr_g, "0.1"), (c.penalty, "0"), (c.beta1, "0"), (c.steps, "20000")):
        type_value(qtbot, box, text)
    qtbot.mouseClick(panel.play_btn, LEFT)
    qtbot.waitUntil(lambda: "diverged" in win.statusBar().currentMessage(), timeout=60_000)
    qtbot.waitUntil(lambda: not panel.worker.is_running(), timeout=10_000)
    assert panel.lab.step < 20_000 and not panel.play_btn.isEnabled()
    assert any(m.value() == panel.lab.diverged.step for m in panel.plots.marks)


def test_ctrl_s_saves_the_labelled_plane_and_a_gif(qtbot, lab_tab, tmp_path):
    win, panel = lab_tab
    for _ in range(3):
        click_step(qtbot, panel, panel.both_btn)
    win.activateWindow()
    qtbot.waitActive(win)
    qtbot.keyClick(win, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    dlg = win.export_dialog
    qtbot.waitUntil(dlg.isVisible)
    assert "lab2d-ring8" in dlg.path_edit.text()
    dlg.path_edit.selectAll()
    qtbot.keyClicks(dlg.path_edit, str(tmp_path / "plane.png"))
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)
    qtbot.waitUntil(lambda: (tmp_path / "plane.gif").exists())
    png = np.asarray(Image.open(tmp_path / "plane.png").convert("RGB"))
    assert png.shape[1] >= panel.plane.width()
    assert png[:5].mean() > 200                        # the caption's white band, not freed memory
    assert (png.reshape(-1, 3) != png[0, 0]).any(axis=1).mean() > 0.05    # the caption and the plane
    gif = Image.open(tmp_path / "plane.gif")
    assert gif.n_frames == len(panel.frames) == 4       # the first picture and one per step
    assert "plane.gif" in win.statusBar().currentMessage()


@pytest.mark.parametrize("presentation", [False, True])
def test_the_tab_fits_1280x720(qtbot, lab_tab, presentation):
    win, panel = lab_tab
    if presentation:
        win.presentation_action.trigger()
    pick(panel.controls.preset, "fixed")
    panel.layer_boxes["zgrid"].setChecked(True)
    for _ in range(2):
        click_step(qtbot, panel, panel.both_btn)
    hint = win.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 720, hint
    assert panel.plane.width() >= 300 and panel.plots.width() >= 200
    assert panel.plane.snapshot.zgrid.shape[0] > 0
    if os.environ.get("GANEXPLORER_SHOTS") and SHOTS.is_dir():
        win.grab().save(str(SHOTS / f"lab2d_{'presentation' if presentation else 'window'}.png"))


def drag(view, points) -> None:
    """Press at the first point, move through the others with the button held, release at the last."""
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    def send(kind, p, button, buttons):
        local = QPointF(*p)
        QApplication.sendEvent(view, QMouseEvent(kind, local, view.mapToGlobal(local), button, buttons,
                                                 Qt.KeyboardModifier.NoModifier))
    send(QEvent.Type.MouseButtonPress, points[0], LEFT, LEFT)
    for p in points[1:]:
        send(QEvent.Type.MouseMove, p, Qt.MouseButton.NoButton, LEFT)
    send(QEvent.Type.MouseButtonRelease, points[-1], LEFT, Qt.MouseButton.NoButton)


def test_click_and_drag_paints_a_trail_of_points(qtbot, lab_tab):
    _, panel = lab_tab
    pick(panel.controls.target, "drawn")
    view = panel.plane.viewport()
    x0, x1 = panel.plane.plotItem.vb.mapViewToDevice(QPoint(-2, 0)), panel.plane.plotItem.vb.mapViewToDevice(QPoint(2, 0))
    y = int(x0.y())
    drag(view, [(int(x0.x()) + k * (int(x1.x()) - int(x0.x())) // 20, y) for k in range(21)])
    pts = panel.plane.drawn_points
    assert len(pts) >= 20                                    # a trail, not one dot
    assert pts[:, 0].min() < -1.5 and pts[:, 0].max() > 1.5 and np.abs(pts[:, 1]).max() < 0.2
    xs, _ = panel.plane.drawn.getData()
    assert len(xs) == len(pts)
    click_step(qtbot, panel, panel.d_btn)                     # enough points: it trains on them
    assert panel.lab.target.points.shape == pts.shape


def test_a_step_that_raises_is_said_and_the_tab_recovers(qtbot, lab_tab, monkeypatch):
    """A D step that fails (here: made to) is one sentence in the status bar; the next step works."""
    win, panel = lab_tab
    click_step(qtbot, panel, panel.d_btn)
    from ganexplorer.core.lab2d.lab import Lab2D

    real = Lab2D.d_step
    monkeypatch.setattr(Lab2D, "d_step", lambda self: (_ for _ in ()).throw(RuntimeError("made to fail")))
    qtbot.mouseClick(panel.d_btn, LEFT)
    qtbot.waitUntil(lambda: "made to fail" in win.statusBar().currentMessage(), timeout=10_000)
    monkeypatch.setattr(Lab2D, "d_step", real)
    qtbot.waitUntil(lambda: panel.d_btn.isEnabled(), timeout=10_000)
    click_step(qtbot, panel, panel.g_btn)
    assert panel.lab.step == 1
