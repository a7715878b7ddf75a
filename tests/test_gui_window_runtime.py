"""The window at runtime, offscreen: explorer-state loads that fail or are superseded change nothing,
screenshot mode never opens a modal dialog, uncaught exceptions reach the log and the status bar,
Help ▸ Show log folder."""

import json
import os
import subprocess
import sys
import threading

import numpy as np
import pytest

import PySide6  # noqa: E402,F401  (the [test] extra brings Qt: a broken install fails here, never skips)
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

from gui_fixtures import *  # noqa: E402,F401,F403  (fixtures: dialogs, settings, pkl, window)
from gui_fixtures import expected, settle, shown  # noqa: E402
from layouts import write_nvidia_pickle  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QFileDialog  # noqa: E402

from ganexplorer.core.render import RenderRequest  # noqa: E402
from v1_states import v1_body, v1_request  # noqa: E402


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    folder = tmp_path / "logs"
    monkeypatch.setenv("GANEXPLORER_LOG_DIR", str(folder))
    return folder


@pytest.fixture
def other_pkl(tmp_path, tiny_stylegan2):
    """A second good model in another file (an unrelated model as far as the window knows)."""
    G, D = tiny_stylegan2
    return write_nvidia_pickle(tmp_path / "other.pkl", G, D)


def _state_file(path, checkpoint, req: RenderRequest, zoom=2):
    path.write_text(json.dumps({"ganexplorer_state": 1, "checkpoint": str(checkpoint), "request": v1_body(req),
                                "zoom": zoom}))
    return path


def _pick(monkeypatch, path):
    """The next File ▸ Open…/Open state… dialog answers ``path``."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def test_a_failed_state_load_does_not_change_the_next_model_opened(window, qtbot, tmp_path, monkeypatch, other_pkl,
                                                                   dialogs):
    e = window.explorer
    before = e.current_request()
    zoom = e.image_view.zoom
    broken = tmp_path / "broken.pkl"
    broken.write_bytes(b"\x80\x04garbage")
    state = _state_file(tmp_path / "lesson.json", broken, RenderRequest(seed=11, psi=0.6))
    _pick(monkeypatch, state)
    window.open_state_action.trigger()
    qtbot.waitUntil(lambda: window.last_error is not None, timeout=30_000)
    assert len(dialogs) == 1 and "broken.pkl" in dialogs[0]
    assert e.seed.value() == before.seed and e.psi.value() == before.psi and e.image_view.zoom == zoom
    # Now the user opens an unrelated model: it opens on the explorer's own settings, not the state's.
    _pick(monkeypatch, other_pkl)
    window.open_action.trigger()
    qtbot.waitUntil(lambda: window.model.path == other_pkl, timeout=30_000)
    settle(qtbot, window)
    assert (e.seed.value(), e.psi.value(), e.image_view.zoom) == (before.seed, before.psi, zoom)
    assert e.current_request() == before
    assert np.array_equal(shown(window), expected(window, before))


def test_a_state_load_superseded_by_opening_a_model_changes_nothing(window, qtbot, tmp_path, monkeypatch, other_pkl):
    e = window.explorer
    before = e.current_request()
    state = _state_file(tmp_path / "lesson.json", other_pkl, RenderRequest(seed=11, psi=0.6))
    _pick(monkeypatch, state)
    window.open_state_action.trigger()   # starts loading other.pkl for the state...
    newest = tmp_path / "newest.pkl"
    newest.write_bytes(other_pkl.read_bytes())
    _pick(monkeypatch, newest)
    window.open_action.trigger()          # ...and before it arrives the user opens another file
    qtbot.waitUntil(lambda: window.model.path == newest, timeout=30_000)
    window.loader.wait(60)                # the superseded load has arrived too
    settle(qtbot, window)
    assert window.model.path == newest
    assert e.current_request() == before
    assert np.array_equal(shown(window), expected(window, before))


def test_a_training_snapshot_opened_while_a_state_loads_stays(window, qtbot, tmp_path, monkeypatch, other_pkl):
    """Train tab ▸ Open in explorer while a state's model is still loading: the snapshot (the newer
    action) stays, and the state changes nothing when its model arrives."""
    from ganexplorer.core.formats.loaded import LoadedModel

    e = window.explorer
    before = e.current_request()
    _pick(monkeypatch, _state_file(tmp_path / "lesson.json", other_pkl, RenderRequest(seed=11, psi=0.6)))
    window.open_state_action.trigger()
    snap = LoadedModel(G=window.model.G, family="stylegan2", format="native", network="G (training)",
                       notes=["snapshot at step 40"])
    window.trainer_panel.open_in_explorer.emit(snap)
    window.loader.wait(60)
    settle(qtbot, window)
    assert window.model is snap and e.current_request() == before


def test_a_state_whose_checkpoint_loads_is_applied_once_it_has(window, qtbot, tmp_path, monkeypatch, other_pkl):
    e = window.explorer
    state = _state_file(tmp_path / "lesson.json", other_pkl, RenderRequest(seed=11, psi=0.6), zoom=2)
    _pick(monkeypatch, state)
    window.open_state_action.trigger()
    qtbot.waitUntil(lambda: window.model.path == other_pkl and e.seed.value() == 11, timeout=30_000)
    settle(qtbot, window)
    assert (e.psi.value(), e.image_view.zoom) == (0.6, 2)
    assert np.array_equal(shown(window), expected(window, e.current_request()))
    # It is applied once: reopening the first model later keeps what the user has now.
    e.seed.setValue(5)
    window.open_checkpoint(tmp_path / "tiny.pkl", show_progress=False)
    qtbot.waitUntil(lambda: window.model.path.name == "tiny.pkl", timeout=30_000)
    settle(qtbot, window)
    assert e.seed.value() == 5


def _gui(tmp_path, *args, timeout=60):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "GANEXPLORER_LOG_DIR": str(tmp_path / "logs")}
    return subprocess.run([sys.executable, "-m", "ganexplorer", "gui", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


@pytest.mark.slow
def test_screenshot_of_a_bad_file_exits_2_with_one_sentence_and_no_dialog(tmp_path):
    bad = tmp_path / "bad.pkl"
    bad.write_bytes(b"\x80\x04garbage")
    p = _gui(tmp_path, str(bad), "--screenshot", str(tmp_path / "out.png"))  # a modal dialog would hang here
    assert p.returncode == 2, p.stderr
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ganexplorer: error: ") and "bad.pkl" in lines[0], p.stderr
    assert "bad.pkl" in (tmp_path / "logs" / "ganexplorer.log").read_text(encoding="utf-8")


def test_screenshot_with_tab_train_shows_the_train_tab_once_the_model_loaded(qtbot, pkl, monkeypatch, tmp_path,
                                                                             log_dir):
    """`gui FILE --tab train --screenshot`: the model loads, the grabbed window shows the Train tab, and no
    modal dialog could have opened (the window knows it is not interactive)."""
    from ganexplorer.gui import app
    from ganexplorer.gui.window.main_window import MainWindow

    monkeypatch.setenv("HOME", str(tmp_path))
    seen = []
    real_grab = MainWindow.grab

    def grab(self, *a):
        seen.append((self.tabs.currentWidget() is self.trainer_panel, self.model is not None, self.interactive))
        return real_grab(self, *a)
    monkeypatch.setattr(MainWindow, "grab", grab)
    hooks = (sys.excepthook, threading.excepthook)
    assert app.run_gui(str(pkl), screenshot=str(tmp_path / "shot.png"), tab="train", language="en") == 0
    assert seen == [(True, True, False)] and (tmp_path / "shot.png").exists()
    assert (sys.excepthook, threading.excepthook) == hooks   # run_gui put back what it found
    assert "pkl" in (log_dir / "ganexplorer.log").read_text(encoding="utf-8")


def test_a_bug_while_the_window_is_built_is_logged_and_said_in_one_line(qtbot, tmp_path, monkeypatch, log_dir,
                                                                        capsys):
    from ganexplorer.gui import app
    from ganexplorer.gui.window import main_window

    def broken(*a, **k):
        raise AttributeError("'NoneType' object has no attribute 'G'")

    monkeypatch.setattr(main_window, "MainWindow", broken)
    assert app.run_gui(None, screenshot=str(tmp_path / "shot.png"), language="en") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "AttributeError" in err[0] and "ganexplorer.log" in err[0], err
    text = (log_dir / "ganexplorer.log").read_text(encoding="utf-8")
    assert "Traceback" in text and "in broken" in text


# -- uncaught exceptions and the log ----------------------------------------------------------------
def test_an_exception_in_any_thread_is_logged_and_said_in_the_status_bar(window, qtbot, log_dir):
    from ganexplorer import applog

    with applog.session():
        def work():
            raise KeyError("frame 7")

        t = threading.Thread(target=work, name="helper")
        t.start()
        t.join()
        qtbot.waitUntil(lambda: "KeyError" in window.statusBar().currentMessage(), timeout=10_000)
        message = window.statusBar().currentMessage()
        assert "frame 7" in message and "\n" not in message
        QTimer.singleShot(0, lambda: 1 / 0)   # a slot that raises on the UI thread
        qtbot.waitUntil(lambda: "ZeroDivisionError" in window.statusBar().currentMessage(), timeout=10_000)
    text = (log_dir / "ganexplorer.log").read_text(encoding="utf-8")
    assert "Traceback" in text and "KeyError: 'frame 7'" in text and "helper" in text
    assert "ZeroDivisionError" in text
    # The window still works.
    window.explorer.seed.setValue(4)
    settle(qtbot, window)
    assert np.array_equal(shown(window), expected(window, window.explorer.current_request()))


def test_help_show_log_folder_opens_the_log_folder(window, qtbot, log_dir, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    action = next(a for a in window.help_menu.actions() if a.text().replace("&", "") == "Show log folder")
    action.trigger()
    assert len(opened) == 1 and opened[0].isLocalFile()
    assert os.path.samefile(opened[0].toLocalFile(), log_dir)


def test_a_log_folder_that_cannot_be_opened_is_said_in_the_status_bar(window, qtbot, log_dir, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    window.show_log_action.trigger()
    assert str(log_dir) in window.statusBar().currentMessage()


STATES = os.path.join(os.path.dirname(__file__), "data", "states")


def test_a_saved_w_edit_survives_a_sign_flip_of_the_directions(window, qtbot, tmp_path, monkeypatch):
    """A version-1 state stores w edits as vectors; a PCA that came out with the other sign (another
    machine, another library) must still give the same picture and the same slider, not drop the edit."""
    from ganexplorer.core.render import WEdit

    e = window.explorer
    qtbot.waitUntil(lambda: e.directions is not None, timeout=30_000)
    v, sigma, n = e.directions.vectors[1], e.directions.sigmas[1], window.model.num_ws
    flipped = WEdit(tuple(-a for a in v), -1.0 * sigma, 0, n)          # the same move as +1 sigma along v
    _pick(monkeypatch, _state_file(tmp_path / "flip.json", window.model.path, RenderRequest(seed=3, w_edits=(flipped,))))
    window.open_state_action.trigger()
    qtbot.waitUntil(lambda: e.seed.value() == 3, timeout=30_000)
    settle(qtbot, window)
    assert e.w_sliders[1].value() == pytest.approx(1.0)
    assert np.array_equal(shown(window), expected(window, RenderRequest(seed=3, w_edits=(WEdit(v, sigma, 0, n),))))


@pytest.fixture
def shapes_window(qtbot, settings):
    """The window on the bundled stylegan2-shapes model, the one today's state files were saved on."""
    from gui_fixtures import open_window

    from ganexplorer.core.paths import bundled_models

    path = next((p for p in bundled_models() if p.stem == "stylegan2-shapes"), None)
    if path is None:
        pytest.skip("the bundled stylegan2-shapes model is not in this copy")
    window = open_window(qtbot, settings, path)
    yield window, path
    window.worker.shutdown()


def test_todays_state_files_still_open(qtbot, shapes_window, tmp_path, monkeypatch):
    """The version-1 files in tests/data/states (written by the window before the explorer state was a
    model) open on the bundled model: every control as saved, the same picture as the saved request."""
    window, path = shapes_window
    e = window.explorer
    for name in ("v1_edits_mixing_ablation.json", "v1_seed_pad_blend.json"):
        data = json.loads(open(os.path.join(STATES, name), encoding="utf-8").read())
        data["checkpoint"] = str(path)   # the file names the folder it was written in
        (tmp_path / name).write_text(json.dumps(data))
        saved = v1_request(data["request"])
        _pick(monkeypatch, tmp_path / name)
        window.open_state_action.trigger()
        qtbot.waitUntil(lambda s=saved: e.seed.value() == s.seed and e.directions is not None, timeout=60_000)
        settle(qtbot, window)
        now = e.current_request()
        assert now.with_(w_edits=()) == saved.with_(w_edits=())
        assert [(a.layer_start, a.layer_end) for a in now.w_edits] == [
            (b.layer_start, b.layer_end) for b in saved.w_edits]
        for a, b in zip(now.w_edits, saved.w_edits):   # the PCA recomputed here agrees to rounding
            assert a.direction == pytest.approx(b.direction, abs=1e-5)
        assert [a.amount for a in now.w_edits] == pytest.approx([b.amount for b in saved.w_edits], rel=1e-5)
        # The edits now ride on this machine's PCA, equal to the saved vectors to ~1e-7: a level at most.
        assert np.abs(shown(window).astype(int) - expected(window, saved)).max() <= 1
        assert e.image_view.zoom == data["zoom"]
    assert e.noise_mode.currentData() == "none" and not e.mix_on.isChecked()
    qtbot.waitUntil(lambda: "blend of seeds 43" in e.caption.text(), timeout=10_000)   # captions follow a beat later


def test_todays_state_file_sets_every_control(qtbot, shapes_window, tmp_path, monkeypatch):
    window, path = shapes_window
    e = window.explorer
    data = json.loads(open(os.path.join(STATES, "v1_edits_mixing_ablation.json"), encoding="utf-8").read())
    data["checkpoint"] = str(path)
    (tmp_path / "lesson.json").write_text(json.dumps(data))
    _pick(monkeypatch, tmp_path / "lesson.json")
    window.open_state_action.trigger()
    qtbot.waitUntil(lambda: e.seed.value() == 42 and e.w_sliders[2].value() != 0, timeout=60_000)
    settle(qtbot, window)
    assert (e.psi.value(), e.cutoff.value(), e.noise_mode.currentData(), e.noise_seed.value()) == (
        pytest.approx(0.7), 4, "random", 3)
    assert e.noise_strength.value() == pytest.approx(1.5)
    assert (e.mix_on.isChecked(), e.mix_seed.value(), e.mix_start.value(), e.mix_end.value()) == (True, 7, 2, 6)
    assert [s.value() for s in e.z_sliders[:4]] == pytest.approx([-1.0, 0.0, 0.0, 0.5])
    assert [s.value() for s in e.w_sliders[:3]] == pytest.approx([2.0, 0.0, -1.5])
    assert (e.w_start.value(), e.w_end.value()) == (1, 8)
    assert e.ablation_badge.isVisible() and "b8.conv0 channels 0\u20133, 9" in e.ablation_badge.text()
    qtbot.waitUntil(lambda: "PC0 +2.0\u03c3" in e.caption.text() and "PC2 -1.5\u03c3" in e.caption.text(),
                    timeout=10_000)


@pytest.mark.parametrize("name, body", [
    ("huge-seed.json", {"ganexplorer_state": 2, "checkpoint": None, "state": {"seed": 1e20}}),
    ("walk-seeds.json", {"ganexplorer_state": 2, "checkpoint": None, "state": {"walk": {"seeds": 5}}}),
    ("v1-text-seed.json", {"ganexplorer_state": 1, "checkpoint": None, "request": {"seed": "x"}}),
    ("list-checkpoint.json", {"ganexplorer_state": 2, "checkpoint": [1], "state": {"seed": 4}}),
    ("deep.json", None),
])
def test_a_hostile_state_file_is_one_sentence_and_changes_nothing(window, qtbot, tmp_path, monkeypatch, dialogs,
                                                                  name, body):
    """Open state on a crafted file: one warning; the controls, the controller and the picture stay as they were
    (before, the seed 1e20 raised OverflowError inside the window with the controller already holding it)."""
    e = window.explorer
    settle(qtbot, window)
    before, picture = e.controller.state, shown(window).copy()
    path = tmp_path / name
    path.write_text("[" * 100_000 + "]" * 100_000 if body is None else json.dumps(body))
    _pick(monkeypatch, path)
    window.open_state_action.trigger()
    qtbot.waitUntil(lambda: len(dialogs) == 1, timeout=10_000)
    assert "not an explorer state file" in dialogs[0] and name in dialogs[0]   # the guard's sentence: why
    settle(qtbot, window)
    assert e.controller.state == before and np.array_equal(shown(window), picture)
    qtbot.keyClick(e.seed.spin, Qt.Key.Key_Up)   # the window still answers the user
    qtbot.waitUntil(lambda: e.controller.state.seed == before.seed + 1, timeout=10_000)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_open_state_on_a_fifo_says_it_is_a_fifo(window, qtbot, tmp_path, monkeypatch, dialogs):
    """The guard's reason ('is a FIFO') reached the user only as 'is not a ganexplorer state file' (review)."""
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    _pick(monkeypatch, path)
    window.open_state_action.trigger()
    qtbot.waitUntil(lambda: len(dialogs) == 1, timeout=10_000)
    assert "pipe.json" in dialogs[0] and "FIFO" in dialogs[0]
