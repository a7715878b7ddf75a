"""The directions dialogs (issue 24), driven like a user: pictures marked by clicks and keys, Fit, the slider
moving the picture; the comparison table and strips, exported with Ctrl+S; bad files refused in one sentence."""

import os

import numpy as np
import pytest

pytest.importorskip("PySide6")

from gui_fixtures import *  # noqa: E402,F401,F403  (fixtures: dialogs, settings, pkl, window)
from gui_fixtures import open_window, settle  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from ganexplorer.core.render import Renderer  # noqa: E402
from ganexplorer.core.render import direction_sets as ds  # noqa: E402
from ganexplorer.gui.common.export_dialog import rgb_from_qimage  # noqa: E402


@pytest.fixture
def shapes(qtbot, settings):
    from ganexplorer.core.paths import bundled_models

    path = next((p for p in bundled_models() if p.stem == "stylegan2-shapes"), None)
    if path is None:
        pytest.skip("the bundled stylegan2-shapes model is not in this copy")
    win = open_window(qtbot, settings, path)
    yield win
    win.worker.shutdown()


def _tile_rgb(tile):
    return rgb_from_qimage(tile.pixmap().toImage())


def _pictures_shown(dialog, before=()):
    """Every tile shows a picture, each a new one when ``before`` lists the previous page's pixmap keys."""
    keys = [t.pixmap().cacheKey() if t.pixmap() is not None and not t.pixmap().isNull() else None
            for t in dialog.grid.tiles]
    return None not in keys and not set(keys) & set(before)


def _keys(dialog):
    return [t.pixmap().cacheKey() for t in dialog.grid.tiles]


def _brightness(rgb):
    """The background's brightness: the mean of the picture's border pixels."""
    border = np.concatenate([rgb[:4].reshape(-1, 3), rgb[-4:].reshape(-1, 3), rgb[:, :4].reshape(-1, 3),
                             rgb[:, -4:].reshape(-1, 3)])
    return float(border.mean())


@pytest.mark.slow
def test_label_by_clicks_and_keys_fit_and_the_slider_moves_the_picture(qtbot, shapes):
    from ganexplorer.gui.explore.directions.host import ExploreHost
    from ganexplorer.gui.explore.directions.label_dialog import LabelDialog

    dialog = LabelDialog(ExploreHost(shapes.explorer), shapes)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: _pictures_shown(dialog), timeout=30_000)
    # what "brighter background" means here: above the median of the first pages' backgrounds
    seen = [_brightness(_tile_rgb(t)) for t in dialog.grid.tiles]
    for _ in range(2):
        before = _keys(dialog)
        qtbot.mouseClick(dialog.new_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda before=before: _pictures_shown(dialog, before), timeout=30_000)
        seen += [_brightness(_tile_rgb(t)) for t in dialog.grid.tiles]
    cut = float(np.median(seen))
    assert not dialog.fit_btn.isEnabled()
    # pages 3 and 4 by mouse: once = has it (brighter background), twice = hasn't
    for _ in range(2):
        before = _keys(dialog)
        qtbot.mouseClick(dialog.new_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda before=before: _pictures_shown(dialog, before), timeout=30_000)
        for t in dialog.grid.tiles:
            clicks = 1 if _brightness(_tile_rgb(t)) > cut else 2
            for _ in range(clicks):
                qtbot.mouseClick(t, Qt.MouseButton.LeftButton)
            assert t.label == (1 if clicks == 1 else 0)
    # page 5 by keyboard: Home, then H / N for each picture (the mark moves on by itself)
    before = _keys(dialog)
    qtbot.mouseClick(dialog.new_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda before=before: _pictures_shown(dialog, before), timeout=30_000)
    qtbot.keyClick(dialog.grid, Qt.Key.Key_Home)
    for t in dialog.grid.tiles:
        qtbot.keyClick(dialog.grid, Qt.Key.Key_H if _brightness(_tile_rgb(t)) > cut else Qt.Key.Key_N)
        assert t.label == (1 if _brightness(_tile_rgb(t)) > cut else 0)
    n0, n1 = dialog._count()
    assert n0 + n1 == 36 and min(n0, n1) >= 10
    assert "has it: {}".format(n1) in dialog.counts.text()
    assert dialog.fit_btn.isEnabled() and not dialog.slider.isEnabled()
    qtbot.mouseClick(dialog.fit_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.dset is not None and dialog.preview_rgb is not None, timeout=60_000)
    assert "Held-out accuracy" in dialog.accuracy.text()
    assert float(dialog.dset.scores[0]) > 0.6     # the background brightness is easy to see in w
    before = dialog.preview_rgb.copy()
    dialog.slider.setFocus()
    qtbot.keyClick(dialog.slider, Qt.Key.Key_End)   # +3 sigma: more of it
    qtbot.waitUntil(lambda: dialog.preview_rgb is not None and not np.array_equal(dialog.preview_rgb, before),
                    timeout=30_000)
    after = dialog.preview_rgb
    assert _brightness(after) > _brightness(before)
    want = Renderer(shapes.model).render(ds.moved(shapes.explorer.current_request().with_(w_edits=()),
                                                  dialog.dset, 0, 3.0)).rgb
    assert np.abs(want.astype(int) - after).max() <= 1
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "bright background")
    qtbot.mouseClick(dialog.add_btn, Qt.MouseButton.LeftButton)
    assert "bright background" in dialog.status.text()
    named = {d.name: d for d in shapes.explorer.controller.state.direction_sets}["bright background"]
    assert named.method == "labels" and np.allclose(named.vectors[0], dialog.dset.vectors[0], atol=1e-6)
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "pca")   # the PCA's own name: refused in one sentence, nothing added
    qtbot.mouseClick(dialog.add_btn, Qt.MouseButton.LeftButton)
    assert "pca" in dialog.status.text() and len(shapes.explorer.controller.state.direction_sets) == 1


def test_too_few_of_a_class_cannot_be_fitted(qtbot, window):
    from ganexplorer.gui.explore.directions.host import ExploreHost
    from ganexplorer.gui.explore.directions.label_dialog import LabelDialog

    dialog = LabelDialog(ExploreHost(window.explorer), window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: _pictures_shown(dialog), timeout=30_000)
    for t in dialog.grid.tiles:   # every picture "has it": one class only
        qtbot.mouseClick(t, Qt.MouseButton.LeftButton)
    assert dialog._count() == (0, 12)
    assert not dialog.fit_btn.isEnabled()
    qtbot.mouseClick(dialog.fit_btn, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert dialog.dset is None and not dialog.slider.isEnabled() and not dialog.add_btn.isEnabled()


def _compare(qtbot, win):
    dialog = win.directions_menu.open("compare")   # as the menu's action does
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.figure is not None, timeout=60_000)
    return dialog


def test_compare_through_the_menu_add_sefa_and_save_the_labelled_strips(qtbot, shapes, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from ganexplorer.core.render.directions_file import load_directions

    qtbot.waitUntil(lambda: shapes.explorer.directions is not None, timeout=60_000)
    shapes.directions_menu.compare_action.trigger()
    dialog = shapes.directions_menu.dialogs["compare"]
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.figure is not None, timeout=60_000)
    assert dialog.table.rowCount() == 3 and dialog.table.item(1, 1).text() == "+1.00"
    assert dialog.table.item(0, 1).text() == "+0.00"      # principal components are orthogonal (never "-0.00")
    first = dialog.figure
    qtbot.mouseClick(dialog.sefa_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 6, timeout=60_000)
    assert any(dialog.list.item(i).text().startswith("SeFa") for i in range(dialog.list.count()))
    qtbot.waitUntil(lambda: dialog.figure is not None and dialog.figure.shape[0] > first.shape[0], timeout=60_000)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "cmp.png"), ""))
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: (tmp_path / "cmp.png").exists(), timeout=10_000)
    from PIL import Image

    saved = np.asarray(Image.open(tmp_path / "cmp.png").convert("RGB"))
    assert saved.shape == dialog.figure.shape and np.array_equal(saved, dialog.figure)
    # the SeFa set goes out as a file others can open
    row = next(i for i in range(dialog.list.count()) if dialog.list.item(i).text().startswith("SeFa"))
    dialog.list.setCurrentRow(row)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "sefa.npz"), ""))
    qtbot.mouseClick(dialog.export_btn, Qt.MouseButton.LeftButton)
    got = load_directions(tmp_path / "sefa.npz", shapes.model.w_dim, shapes.model.G.num_ws)
    assert got.method == "sefa" and len(got) == 3


def test_compare_strips_show_progress_and_cancel_stops_them(qtbot, window, monkeypatch):
    """Drawing the strips is long work: a bar shows how far it is, Cancel stops it (no figure), and a change of
    the ticks draws them again."""
    import time

    qtbot.waitUntil(lambda: window.explorer.directions is not None, timeout=60_000)
    real = ds.strips

    def slow(r, req, rows, sigmas=ds.STRIP_SIGMAS, progress=None, cancel=None):
        progress(1, 10)
        deadline = time.monotonic() + 30
        while not cancel() and time.monotonic() < deadline:   # the worker thread waits for Cancel
            time.sleep(0.002)
        return real(r, req, rows, sigmas, progress, cancel)   # which stops at its first check

    monkeypatch.setattr(ds, "strips", slow)
    window.directions_menu.compare_action.trigger()
    dialog = window.directions_menu.dialogs["compare"]
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.progress.isVisible() and dialog.progress.value() > 0, timeout=30_000)
    assert dialog.cancel_btn.isVisible() and "strips" in dialog.progress.text() and dialog.figure is None
    if os.environ.get("GANEXPLORER_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["GANEXPLORER_SHOTS"], "compare_drawing.png"))
    qtbot.mouseClick(dialog.cancel_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Cancelled"), timeout=30_000)
    assert not dialog.progress.isVisible() and not dialog.cancel_btn.isVisible() and dialog.figure is None
    drawn = []

    def counting(r, req, rows, *args, **kwargs):
        drawn.append(len(rows))
        return real(r, req, rows, *args, **kwargs)

    monkeypatch.setattr(ds, "strips", counting)
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Home)          # to the first entry, as a user would
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)     # untick PCA 0: the two others are drawn
    qtbot.waitUntil(lambda: dialog.figure is not None, timeout=60_000)
    assert dialog.table.rowCount() == 2 and not dialog.progress.isVisible() and drawn == [2]
    assert dialog.status.text() == "Ctrl+S saves the strips as a labelled picture."
    two = dialog.figure
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)     # tick it again: only its strip is drawn
    qtbot.waitUntil(lambda: dialog.figure is not two, timeout=60_000)
    assert dialog.table.rowCount() == 3 and drawn == [2, 1] and dialog.figure.shape[0] > two.shape[0]
    if os.environ.get("GANEXPLORER_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["GANEXPLORER_SHOTS"], "compare_drawn.png"))

@pytest.mark.parametrize("crafted,fragment", [("nan", "NaN"), ("other", "this model's w has"), ("pickle", "pickle")])
def test_importing_a_bad_directions_file_is_one_sentence_and_changes_nothing(qtbot, window, tmp_path, monkeypatch,
                                                                             crafted, fragment):
    from PySide6.QtWidgets import QFileDialog

    qtbot.waitUntil(lambda: window.explorer.directions is not None, timeout=60_000)
    dialog = _compare(qtbot, window)
    before = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    path = tmp_path / f"{crafted}.npz"
    d = window.model.w_dim
    vec = {"nan": np.full((1, d), np.nan), "other": np.eye(1, d + 3), "pickle": np.array([{}], dtype=object)}[crafted]
    np.savez(path, directions=vec, method=np.array("labels"), layers=np.array([0, 2]), sigma=np.ones(1))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(dialog.import_btn, Qt.MouseButton.LeftButton)
    text = dialog.status.text()
    assert path.name in text and fragment in text and "\n" not in text and "Traceback" not in text
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == before


def test_after_another_model_is_opened_the_dialog_says_so_and_mixes_nothing(qtbot, window, pkl, tmp_path):
    from ganexplorer.core.render.directions_file import DirectionSet

    first = window.model
    dialog = window.directions_menu.open("label")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: _pictures_shown(dialog), timeout=30_000)
    window.open_checkpoint(pkl, show_progress=False)
    qtbot.waitUntil(lambda: window.model is not None and window.model is not first, timeout=30_000)
    settle(qtbot, window)
    before = _keys(dialog)
    qtbot.mouseClick(dialog.new_btn, Qt.MouseButton.LeftButton)
    assert "Another model was opened" in dialog.status.text()
    assert dialog.page == 0 and _keys(dialog) == before
    assert not isinstance(dialog.dset, DirectionSet)
    again = window.directions_menu.open("label")   # the menu gives a fresh dialog for the new model
    qtbot.addWidget(again)
    assert again is not dialog and again.model is window.model


def test_set_sliders_move_the_controller_and_show_its_state_without_echo(qtbot):
    """The Explore tab's direction-set sliders, standalone: one σ slider per direction of each set, named with
    its kind and layers; a key or a click moves the controller's state; a state from the controller is shown
    without being sent back; × removes a set and its edits."""
    from PySide6.QtCore import QPoint

    from ganexplorer.app.explorer_controller import ExplorerController
    from ganexplorer.app.explorer_state import ModelFacts, NamedDirections
    from ganexplorer.gui.explore.directions.set_sliders import DirectionSetSliders

    ctl = ExplorerController()
    ctl.set_model(ModelFacts(z_dim=4, num_ws=6, style_based=True, w_dim=4))
    w = DirectionSetSliders()
    qtbot.addWidget(w)
    w.set_num_ws(6)
    ctl.add_view(w)
    w.edit_changed.connect(ctl.set_direction_edit)
    w.remove_requested.connect(ctl.remove_direction_set)
    w.show()
    assert w.empty.isVisible() and not w.sliders
    ctl.add_direction_set(NamedDirections("bright", "labels", ((1.0, 0.0, 0.0, 0.0),), (0.5,), 2, 5))
    sefa = tuple(tuple(float(i == k) for i in range(4)) for k in range(1, 4))
    ctl.add_direction_set(NamedDirections("SeFa w0\u20135", "sefa", sefa, (1.0, 2.0, 3.0), 0, 18))
    assert set(w.sliders) == {("bright", 0)} | {("SeFa w0\u20135", k) for k in range(3)} and not w.empty.isVisible()
    assert w.headers["bright"].text() == "bright \u2014 from labels, w 2\u20134"
    assert w.headers["SeFa w0\u20135"].text().endswith("SeFa, w 0\u20135")    # the model's 6 ws, not the set's 18
    emitted = []
    w.edit_changed.connect(lambda *a: emitted.append(a))
    bright = w.sliders[("bright", 0)]
    bright.slider.setFocus()
    qtbot.keyClick(bright.slider, Qt.Key.Key_End)
    assert emitted == [("bright", 0, 5.0)] and bright.label.text() == "+5.0\u03c3"
    (edit,) = ctl.state.w_edits
    assert (edit.set_name, edit.component, edit.sigmas, edit.layer_start, edit.layer_end) == ("bright", 0, 5.0, 2, 5)
    (moved,) = ctl.request().w_edits
    assert moved.amount == 2.5 and (moved.layer_start, moved.layer_end) == (2, 5)   # 5 σ of 0.5, on w 2-4
    second = w.sliders[("SeFa w0\u20135", 1)].slider
    qtbot.mouseClick(second, Qt.MouseButton.LeftButton, pos=QPoint(4, second.height() // 2))   # left of the handle
    assert w.value("SeFa w0\u20135", 1) < 0
    assert {e.key: e.sigmas for e in ctl.state.w_edits}[("SeFa w0\u20135", 1)] == w.value("SeFa w0\u20135", 1)
    emitted.clear()
    ctl.set_direction_edit("SeFa w0\u20135", 2, -1.5)      # from elsewhere (a state file, the label dialog)
    assert w.value("SeFa w0\u20135", 2) == -1.5 and emitted == []
    if os.environ.get("GANEXPLORER_SHOTS"):
        w.resize(320, w.sizeHint().height())
        w.grab().save(os.path.join(os.environ["GANEXPLORER_SHOTS"], "set_sliders.png"))
    qtbot.mouseClick(w.remove_buttons["bright"], Qt.MouseButton.LeftButton)
    assert [s.name for s in ctl.state.direction_sets] == ["SeFa w0\u20135"]
    assert all(e.set_name != "bright" for e in ctl.state.w_edits) and ("bright", 0) not in w.sliders
    assert w.value("SeFa w0\u20135", 2) == -1.5 and emitted == []
