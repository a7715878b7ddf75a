"""The main window, offscreen: Save/Copy image at a chosen size, last folders, the title, the language
menu, stale status messages, presentation mode, Help, Qt's own Korean strings."""

import numpy as np
import pytest

import PySide6  # noqa: E402,F401  (the [test] extra brings Qt: a broken install fails here, never skips)
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

from gui_fixtures import *  # noqa: E402,F401,F403  (fixtures: dialogs, settings, pkl, window)
from gui_fixtures import settle, shown  # noqa: E402
from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QKeySequence  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QPushButton  # noqa: E402

from ganexplorer.core.render.images import upscale_nearest  # noqa: E402


def _png(path) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(path).convert("RGB"))


def _click_tab(tabs, index: int, qtbot) -> None:
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def _keys(window, qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A shortcut pressed in the window (its menu entry's QAction reacts, as for a user)."""
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, key, modifier)


def _export(window, qtbot, path, size_index: int | None = None):
    """Ctrl+S as a user does it: the shortcut, then type a file name, pick a size, click Save."""
    _keys(window, qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    dlg = window.export_dialog
    qtbot.waitUntil(dlg.isVisible)
    dlg.path_edit.selectAll()
    qtbot.keyClicks(dlg.path_edit, str(path))
    if size_index is not None:
        dlg.size_combo.setCurrentIndex(size_index)
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.isVisible())
    return dlg


def test_ctrl_s_saves_the_image_enlarged_and_remembers_size_and_folder(window, qtbot, tmp_path, settings):
    assert window.save_image_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    out = tmp_path / "slides"
    out.mkdir()
    _keys(window, qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    dlg = window.export_dialog
    qtbot.waitUntil(dlg.isVisible)
    assert dlg.min_side() == 512  # default for a small model: at least 512 px
    assert "checkpoints" not in dlg.path_edit.text()
    assert dlg.result_label.text() == "512 \u00d7 512 px"  # 16 px \u00d7 32
    dlg.path_edit.selectAll()
    qtbot.keyClicks(dlg.path_edit, str(out / "seed0"))  # no suffix: .png is added
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (out / "seed0.png").exists())
    saved = _png(out / "seed0.png")
    assert saved.shape == (512, 512, 3)
    assert np.array_equal(saved, upscale_nearest(shown(window), 512))
    assert "seed0.png" in window.statusBar().currentMessage()
    # Pick 1024 px: remembered, and the next dialog opens in the same folder with that size.
    _export(window, qtbot, out / "big.png", size_index=dlg.size_combo.findData(1024))
    assert _png(out / "big.png").shape == (1024, 1024, 3)
    window.save_image_action.trigger()
    again = window.export_dialog
    qtbot.waitUntil(again.isVisible)
    assert again.min_side() == 1024
    assert str(out) in again.path_edit.text()
    qtbot.mouseClick(again.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not again.isVisible())
    # "As shown" writes the picture at its own size.
    _export(window, qtbot, out / "small.png", size_index=again.size_combo.findData(0))
    assert np.array_equal(_png(out / "small.png"), shown(window))


def test_ctrl_s_saves_the_mixing_grid_and_copy_image_copies_it(window, qtbot, tmp_path):
    e = window.explorer
    _click_tab(e.views, 2, qtbot)
    e.grid_rows.clear()
    qtbot.keyClicks(e.grid_rows, "1,2")
    e.grid_cols.clear()
    qtbot.keyClicks(e.grid_cols, "3,4,5")
    compute = next(b for b in e.views.currentWidget().findChildren(QPushButton) if b.isVisible())
    qtbot.mouseClick(compute, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: e.grid_view.rgb is not None)
    picture, stem = window.current_picture()
    assert picture.shape[0] >= 16 * 3 and picture.shape[1] >= 16 * 4 and stem
    _export(window, qtbot, tmp_path / "grid.png", size_index=1)
    saved = _png(tmp_path / "grid.png")
    assert np.array_equal(saved, upscale_nearest(picture, 512))
    assert min(saved.shape[:2]) >= 512
    window.copy_image_action.trigger()
    img = QGuiApplication.clipboard().image()
    assert (img.height(), img.width()) == saved.shape[:2]
    assert "clipboard" in window.statusBar().currentMessage()


def test_ctrl_s_on_the_1d_demo_tab_saves_the_tab_as_it_looks(window, qtbot, tmp_path):
    _click_tab(window.tabs, 2, qtbot)
    picture, stem = window.current_picture()
    assert picture is not None and picture.ndim == 3 and stem
    _export(window, qtbot, tmp_path / "demo.png")
    saved = _png(tmp_path / "demo.png")
    assert saved.shape == upscale_nearest(picture, 512).shape
    assert saved.std() > 0  # a real picture of the plots, not a blank


def test_save_with_nothing_shown_says_so(window, qtbot):
    _click_tab(window.explorer.views, 1, qtbot)  # stochastic variation, not computed yet
    window.save_image_action.trigger()
    assert window.export_dialog is None or not window.export_dialog.isVisible()
    assert "nothing" in window.statusBar().currentMessage().lower()


def test_unwritable_path_gives_one_sentence(window, qtbot, tmp_path):
    (tmp_path / "file").write_text("x")
    _export(window, qtbot, tmp_path / "file" / "x.png")
    msg = window.statusBar().currentMessage()
    assert msg.startswith("Could not save") and "\n" not in msg


def test_state_and_checkpoint_dialogs_open_in_the_last_folder(window, qtbot, tmp_path, monkeypatch):
    from ganexplorer.core.paths import checkpoints_dir

    asked = []
    target = tmp_path / "lecture"
    target.mkdir()

    def fake_save(parent, title, start, filt, *a, **k):
        asked.append(("save", start))
        return str(target / "state.json"), filt

    def fake_open(parent, title, start, filt, *a, **k):
        asked.append(("open", start))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake_open)
    window.save_state_action.trigger()
    assert (target / "state.json").exists()
    assert "checkpoints" not in asked[-1][1]
    window.open_state_action.trigger()
    assert asked[-1] == ("open", str(target))
    # Opening the bundled model (as the app does at start) does not make checkpoints/ the last folder.
    bundled = sorted(checkpoints_dir().glob("*.safetensors"))
    if bundled:
        window.open_checkpoint(bundled[0], show_progress=False)
        window.open_action.trigger()
        assert not asked[-1][1].startswith(str(checkpoints_dir()))
        qtbot.waitUntil(lambda: window.model.path == bundled[0] or window.last_error is not None, timeout=60_000)
        settle(qtbot, window)


def test_title_follows_the_model_and_survives_a_failed_load(window, qtbot, tmp_path):
    assert window.windowTitle() == "tiny.pkl \u2014 ganexplorer"
    bad = tmp_path / "broken.pkl"
    bad.write_bytes(b"\x80\x04garbage")
    window.open_checkpoint(bad, show_progress=False)
    qtbot.waitUntil(lambda: window.last_error is not None, timeout=30_000)
    assert window.windowTitle() == "tiny.pkl \u2014 ganexplorer"
    # The Train tab's "Open in explorer" snapshot title: test_title_after_open_in_explorer_from_the_train_tab.


def test_title_after_open_in_explorer_from_the_train_tab(window, qtbot, tmp_path):
    p = window.trainer_panel
    _click_tab(window.tabs, 1, qtbot)
    p.setup.model.setCurrentIndex(p.setup.model.findData("mlp-gan"))
    p.setup.out_dir.clear()
    qtbot.keyClicks(p.setup.out_dir, str(tmp_path / "run"))
    qtbot.mouseClick(p.controls.start_btn, Qt.MouseButton.LeftButton)
    try:
        qtbot.waitUntil(p.controls.explore_btn.isEnabled, timeout=60_000)
        qtbot.mouseClick(p.controls.explore_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.model.path is None, timeout=30_000)
        assert window.windowTitle().startswith("G (training) \u00b7 ")
        assert window.windowTitle().endswith(" \u2014 ganexplorer") and "step" in window.windowTitle()
        assert window.tabs.currentWidget() is window.explorer
        # The snapshot is of a run that saves: the info strip names the run, not "(unsaved)".
        run = p.run_dir
        assert run is not None and run.name in window.explorer.info.text()
        assert "(unsaved)" not in window.explorer.info.text()
        settle(qtbot, window)
    finally:
        p.shutdown()


def test_language_menu_is_exclusive_and_remembered(window, qtbot, settings):
    from ganexplorer.gui.window.main_window import MainWindow

    acts = window.language_actions
    assert [a.isChecked() for a in acts.values()] == [True, False, False]
    acts["ko"].trigger()
    try:
        assert [c for c, a in acts.items() if a.isChecked()] == ["ko"]
        assert window.tabs.tabText(1) != "Train"   # at once, no restart (tests/test_gui_korean.py: every text)
    finally:
        acts["en"].trigger()
    acts["en"].trigger()  # clicking the ticked entry again keeps it ticked
    assert window.tabs.tabText(1) == "Train"
    assert [c for c, a in acts.items() if a.isChecked()] == ["en"]
    assert settings.value("language") == "en"
    other = MainWindow(settings)
    qtbot.addWidget(other)
    assert [c for c, a in other.language_actions.items() if a.isChecked()] == ["en"]
    other.worker.shutdown()


def test_stale_status_messages_are_cleared_on_tab_and_model_change(window, qtbot, pkl):
    e = window.explorer
    _click_tab(e.views, 2, qtbot)
    e.grid_rows.clear()
    qtbot.keyClicks(e.grid_rows, "1,x")
    compute = next(b for b in e.views.currentWidget().findChildren(QPushButton) if b.isVisible())
    qtbot.mouseClick(compute, Qt.MouseButton.LeftButton)
    stale = window.statusBar().currentMessage()
    assert stale
    _click_tab(window.tabs, 1, qtbot)
    assert window.statusBar().currentMessage() != stale
    before = shown(window)
    _keys(window, qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)  # View > Next seed, on the Train tab
    settle(qtbot, window)
    assert not np.array_equal(before, shown(window))
    assert "render" not in window.statusBar().currentMessage()  # the Explore tab's timing is not shown here
    _click_tab(window.tabs, 0, qtbot)
    qtbot.mouseClick(compute, Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == stale
    window.open_checkpoint(pkl, show_progress=False)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != stale)
    settle(qtbot, window)
    assert stale not in window.statusBar().currentMessage()


def test_presentation_mode_enlarges_fonts_calls_panels_and_is_remembered(window, qtbot, settings):
    from ganexplorer.gui.window.main_window import MainWindow

    calls = []
    for panel in (window.explorer, window.trainer_panel, window.demo1d_panel):
        original = getattr(panel, "set_presentation", None)

        def record(on, panel=panel, original=original):
            calls.append((panel, on))
            if original is not None:
                original(on)
        panel.set_presentation = record
    act = window.presentation_action
    assert act.isCheckable() and act.shortcut() == QKeySequence("F5")
    base = window.explorer.seed.font().pointSizeF()
    _keys(window, qtbot, Qt.Key.Key_F5)
    assert act.isChecked()
    assert window.explorer.seed.font().pointSizeF() == pytest.approx(1.5 * base, rel=0.05)
    assert {p for p, on in calls if on} == {window.explorer, window.trainer_panel, window.demo1d_panel}
    assert settings.value("view/presentation") in (True, "true")
    other = MainWindow(settings)
    qtbot.addWidget(other)
    assert other.presentation_action.isChecked()
    assert other.explorer.seed.font().pointSizeF() == pytest.approx(1.5 * base, rel=0.05)
    other.worker.shutdown()
    act.trigger()
    assert not act.isChecked() and window.explorer.seed.font().pointSizeF() == pytest.approx(base)
    assert calls[-1][1] is False


def test_help_shows_the_current_tabs_explanation(window, qtbot):
    window.trainer_panel.help_html = lambda: "<p>Two networks play a game.</p>"
    window.demo1d_panel.help_html = None  # a panel without its own explanation
    act = window.help_action
    assert act.shortcut() == QKeySequence("F1")
    _click_tab(window.tabs, 1, qtbot)
    _keys(window, qtbot, Qt.Key.Key_F1)
    dlg = window.help_dialog
    qtbot.waitUntil(dlg.isVisible)
    assert "Two networks play a game." in dlg.browser.toPlainText()
    _click_tab(window.tabs, 2, qtbot)  # the open help window follows the tab
    assert "Two networks" not in dlg.browser.toPlainText() and "1-D demo" in dlg.browser.toPlainText()
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Close), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.isVisible())
    assert any(a.text().startswith("&About") for a in window.help_menu.actions())


def test_korean_loads_qts_own_translations_too(qtbot):
    from ganexplorer.gui.app import install_translators

    app = QApplication.instance()
    installed = install_translators(app, "ko")
    try:
        assert len(installed) == 3   # ours, Qt's, and Qt's for labels that gained a mnemonic since
        assert QCoreApplication.translate("QFileDialog", "Open") == "\uc5f4\uae30"  # 열기
        assert QCoreApplication.translate("QFileDialog", "Files of &type:") == "\ud30c\uc77c \ud615\uc2dd(&T):"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "\ucde8\uc18c"  # 취소
    finally:
        for t in installed:
            app.removeTranslator(t)
    assert QCoreApplication.translate("QFileDialog", "Open") == "Open"
    assert install_translators(app, "en") == []


def test_gui_command_opens_on_the_tab_asked_for(qtbot, pkl, monkeypatch, tmp_path):
    """`ganexplorer gui FILE --tab train --screenshot`: the model loads, yet the picture is of the Train tab."""
    from ganexplorer.gui import app
    from ganexplorer.gui.window.main_window import MainWindow

    monkeypatch.setenv("HOME", str(tmp_path))
    grabbed = []
    real_grab = MainWindow.grab

    def grab(self, *a):
        grabbed.append((self.tabs.currentWidget() is self.trainer_panel, self.model is not None))
        return real_grab(self, *a)
    monkeypatch.setattr(MainWindow, "grab", grab)
    assert app.run_gui(str(pkl), screenshot=str(tmp_path / "shot.png"), tab="train", language="en") == 0
    assert grabbed == [(True, True)] and (tmp_path / "shot.png").exists()


def test_opening_a_file_shows_it_in_explore_but_the_start_model_leaves_the_tab_alone(window, qtbot, pkl):
    window.tabs.setCurrentWidget(window.trainer_panel)
    before = window.model
    window.open_checkpoint(pkl, show_progress=False, switch_tab=False)
    qtbot.waitUntil(lambda: window.model is not before, timeout=30_000)
    assert window.tabs.currentWidget() is window.trainer_panel and window.windowTitle().startswith("tiny.pkl")
    window.open_checkpoint(pkl, show_progress=False)   # File > Open: the user wants to see it
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.explorer, timeout=30_000)


def test_file_menu_opens_each_bundled_model_without_a_file_dialog(window, qtbot):
    """File ▸ Open bundled model lists the generators that ship (not the digit classifier) and opens one."""
    from ganexplorer.core.paths import bundled_models

    names = [a.text() for a in window.bundled_menu.actions()]
    assert names == [p.stem for p in bundled_models()] and "dcgan-digits" in names
    assert "digit-classifier" not in names
    action = next(a for a in window.bundled_menu.actions() if a.text() == "dcgan-digits")
    action.trigger()
    qtbot.waitUntil(lambda: window.model is not None and window.model.path is not None
                    and window.model.path.stem == "dcgan-digits", timeout=30_000)
    settle(qtbot, window)
    assert "dcgan-digits" in window.windowTitle()
    assert window.explorer.image_view.isVisible()


def test_mp4_is_offered_only_where_it_can_be_written(window, qtbot, monkeypatch, tmp_path):
    """Without the video extra, the walk's export dialog offers GIF only, and a typed .mp4 becomes a GIF
    instead of failing after every frame was rendered."""
    from PIL import Image

    from ganexplorer.gui.explore import walk_panel

    monkeypatch.setattr(walk_panel, "mp4_problem", lambda: "writing MP4 needs the video extra")
    offered = []

    def save_dialog(parent, title, start, filters, *a, **k):
        offered.append(filters)
        return str(tmp_path / "walk.mp4"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    w = window.explorer.walk
    qtbot.mouseClick(w.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (tmp_path / "walk.gif").exists(), timeout=60_000)
    settle(qtbot, window)
    assert offered and "mp4" not in offered[0].lower() and not (tmp_path / "walk.mp4").exists()
    assert Image.open(tmp_path / "walk.gif").n_frames > 1
