"""Project image (issue 23), driven like a user: the menu action, the drawing pad drawn with the mouse, the
picture converging live, Cancel leaving the state as it was, a bad picture refused in one sentence."""

import numpy as np
import pytest

pytest.importorskip("PySide6")

from gui_fixtures import *  # noqa: E402,F401,F403  (fixtures: dialogs, settings, pkl, window)
from gui_fixtures import expected, open_window, settle, shown  # noqa: E402
from PIL import Image  # noqa: E402
from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtWidgets import QFileDialog  # noqa: E402

from ganexplorer.core.paths import bundled_models  # noqa: E402


@pytest.fixture
def digits(qtbot, settings):
    path = next((p for p in bundled_models() if p.stem == "stylegan2-digits"), None)
    if path is None:
        pytest.skip("the bundled stylegan2-digits model is not in this copy")
    win = open_window(qtbot, settings, path)
    yield win
    if getattr(win, "project_dialog", None) is not None:
        win.project_dialog.close()
    win.worker.shutdown()


def _set_steps(qtbot, dialog, n):
    dialog.steps.selectAll()
    qtbot.keyClicks(dialog.steps, str(n))
    assert dialog.steps.value() == n


def _draw_a_one(qtbot, pad):
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(112, 40))
    for y in range(50, 190, 10):
        qtbot.mouseMove(pad, QPoint(112, y))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(112, 190))


@pytest.mark.slow
def test_draw_a_digit_let_go_and_the_projection_becomes_the_picture(qtbot, digits):
    win = digits
    before = win.explorer.controller.state
    win.project_action.trigger()
    dialog = win.project_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.draw_btn.isVisible()   # a small model: the pad is offered
    _set_steps(qtbot, dialog, 12)
    qtbot.mouseClick(dialog.draw_btn, Qt.MouseButton.LeftButton)
    assert dialog.pad.isVisible() and not dialog.target_view.isVisible()
    _draw_a_one(qtbot, dialog.pad)
    drawing = dialog.pad.pixels()
    assert drawing[100, 112] == 255 and drawing[100, 30] == 0   # the stroke is where the mouse went
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=120_000)
    assert "Done" in dialog.notes_label.text() and "w (one vector" in dialog.notes_label.text()
    assert "step 12 of 12" in dialog.step_label.text()
    xs, ys = dialog.curve.getData()
    assert len(xs) == 12 and np.isfinite(ys).all()
    assert not dialog.attempt_view.pixmap().isNull()
    state = win.explorer.controller.state
    assert state.source == ("projected", "w") and state.projected is not None and state != before
    assert np.allclose(state.projected.latent, dialog.result.latent, atol=1e-6)
    settle(qtbot, win)
    picture = shown(win)
    assert (picture == expected(win, win.explorer.controller.request())).all()
    assert np.abs(picture.astype(int) - dialog.result.picture.astype(int)).max() <= 1   # what the dialog showed


@pytest.mark.slow
def test_cancel_leaves_the_state_and_a_bad_picture_is_one_sentence(qtbot, digits, tmp_path, monkeypatch):
    win = digits
    before = win.explorer.controller.state
    picture = tmp_path / "photo.png"
    Image.fromarray(np.random.RandomState(1).randint(0, 255, (48, 80, 3), dtype=np.uint8)).save(picture)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(picture), ""))
    win.open_action.trigger()   # File > Open on a picture: the projection dialog with it as the target
    dialog = win.project_dialog
    qtbot.waitUntil(dialog.isVisible)
    notes = dialog.notes_label.text()
    assert "cropped from 80 x 48" in notes and "grey" in notes
    _set_steps(qtbot, dialog, 5000)
    qtbot.mouseClick(dialog.project_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "step 2 of 5000" in dialog.step_label.text() or "step 3 " in dialog.step_label.text(),
                    timeout=120_000)
    qtbot.mouseClick(dialog.cancel_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Cancelled" in dialog.notes_label.text(), timeout=60_000)
    assert win.explorer.controller.state == before and dialog.result is None
    assert dialog.project_btn.isEnabled() and not dialog.cancel_btn.isEnabled()
    bad = tmp_path / "broken.png"
    bad.write_bytes(picture.read_bytes()[:100])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    shown_target = dialog.target_view.pixmap().toImage()
    qtbot.mouseClick(dialog.open_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "broken.png" in dialog.notes_label.text())
    assert "truncated" in dialog.notes_label.text() and "\n" not in dialog.notes_label.text()
    assert dialog.target_view.pixmap().toImage() == shown_target   # the previous target stays
    assert win.explorer.controller.state == before


def test_a_conditional_model_tries_each_class_and_the_winner_becomes_the_class(qtbot, settings, tmp_path,
                                                                               monkeypatch):
    import torch

    from ganexplorer.core.formats import save_native
    from ganexplorer.core.models.registry import build_preset

    torch.manual_seed(0)
    G, D = build_preset("dcgan32-cond")
    win = open_window(qtbot, settings, save_native(tmp_path / "cond.safetensors", "dcgan32", G.eval(), D))
    try:
        picture = tmp_path / "dark.png"
        Image.fromarray(np.full((32, 32, 3), 30, np.uint8)).save(picture)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(picture), ""))
        win.project_action.trigger()
        dialog = win.project_dialog
        qtbot.waitUntil(dialog.isVisible)
        assert dialog.label.isVisible() and dialog.label.currentText() == "try each class"
        qtbot.mouseClick(dialog.open_btn, Qt.MouseButton.LeftButton)
        _set_steps(qtbot, dialog, 6)
        qtbot.mouseClick(dialog.project_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=120_000)
        won = dialog.result.label
        assert f"class {won} (the best of the 10 classes tried)" in dialog.notes_label.text()
        assert won == int(np.argmin(dialog.result.tried))
        assert sorted(dialog.curves) == list(range(10))    # every class drew its own curve
        assert len(dialog.curves[won]) == 6 and all(len(dialog.curves[c]) == 5 for c in range(10) if c != won)
        state = win.explorer.controller.state
        assert state.label == won and state.source == ("projected", "z")
        settle(qtbot, win)
        assert np.abs(shown(win).astype(int) - dialog.result.picture.astype(int)).max() <= 1
    finally:
        win.project_dialog.close()
        win.worker.shutdown()


def test_the_distance_axis_labels_only_1_2_5_of_each_decade(qapp):
    """pyqtgraph labels every minor tick of a short log range, so 0.9 0.8 0.7 ... were drawn on top of each other."""
    import math

    from ganexplorer.gui.explore.projection.project_dialog import SparseLogAxis

    values = [math.log10(x) for x in (0.9, 0.8, 0.5, 0.3, 0.2, 0.1, 0.09, 0.05)]
    assert SparseLogAxis("left").logTickStrings(values, 1, 0.1) == ["", "", "0.5", "", "0.2", "0.1", "", "0.05"]
