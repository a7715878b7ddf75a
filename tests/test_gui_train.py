"""The Train tab, offscreen, driven as a user drives it: clicks, typed values, what the tab then shows."""

import numpy as np
import pytest

import PySide6  # noqa: E402,F401  (the [test] extra brings Qt: a broken install fails here, never skips)
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QCheckBox, QComboBox,  # noqa: E402
                               QFileDialog, QLineEdit)

from gui_fixtures import *  # noqa: E402,F401,F403  (fixtures: dialogs, settings, pkl, window)
from gui_fixtures import expected, pick, settle, shown  # noqa: E402,F401

from ganexplorer.core.formats import load_checkpoint  # noqa: E402
from ganexplorer.core.train.events import CheckpointEvent  # noqa: E402


def click(qtbot, widget):
    """Click a button in its middle, a check box on its box."""
    pos = QPoint(8, widget.height() // 2) if isinstance(widget, QCheckBox) else QPoint()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def type_into(qtbot, field, text: str) -> None:
    """Select what the field holds, type ``text``, press Enter (as a user does)."""
    target = field.lineEdit() if isinstance(field, QAbstractSpinBox) else field
    field.setFocus()
    target.selectAll()
    qtbot.keyClick(target, Qt.Key.Key_Backspace)
    qtbot.keyClicks(target, text)
    qtbot.keyClick(target, Qt.Key.Key_Return)


def finished(qtbot, p, timeout=120_000):
    qtbot.waitUntil(lambda: p.worker is not None and not p.worker.is_running() and p.controls.start_btn.isEnabled(),
                    timeout=timeout)


def plotted_steps(curve) -> np.ndarray:
    x = curve.getData()[0]
    return np.asarray(x if x is not None else [])


def last_plotted_step(curve) -> float:
    """The x of the newest plotted point, or -1 before the first redraw."""
    x = plotted_steps(curve)
    return x[-1] if len(x) else -1


@pytest.fixture
def train_window(qtbot, settings, tmp_path):
    from ganexplorer.gui.window.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    p = win.trainer_panel
    p.setup.model.setCurrentIndex(p.setup.model.findData("mlp-gan"))   # the fastest model: these tests are about the tab
    type_into(qtbot, p.setup.batch, "16")
    type_into(qtbot, p.setup.sample_every, "2")
    type_into(qtbot, p.setup.out_dir, str(tmp_path / "runs"))
    yield win
    p.shutdown()
    win.worker.shutdown()


def test_quick_demo_is_the_default_model(qtbot, settings):
    from ganexplorer.core.models.registry import QUICK_DEMO
    from ganexplorer.core.train.config import TrainConfig
    from ganexplorer.gui.train.train_panel import TrainPanel

    p = TrainPanel(settings=settings)
    qtbot.addWidget(p)
    assert p.setup.model.currentData() == QUICK_DEMO and "Quick demo" in p.setup.model.currentText()
    assert p.setup.batch.value() == TrainConfig.for_model(QUICK_DEMO).batch_size
    assert p.setup.lr.value() == pytest.approx(TrainConfig.for_model(QUICK_DEMO).lr)
    assert p.setup.max_steps.value() == 0 and p.setup.max_steps.text() == "no limit"


def test_start_button_trains_to_the_typed_step_limit_in_a_new_run_folder(train_window, qtbot, tmp_path):
    p = train_window.trainer_panel
    type_into(qtbot, p.setup.max_steps, "7")
    click(qtbot, p.controls.start_btn)
    finished(qtbot, p)
    qtbot.waitUntil(lambda: p.controls.rate_label.text().startswith("finished at step 7"))
    qtbot.waitUntil(lambda: list(plotted_steps(p.plots.d_curve)) == list(range(1, 8)), timeout=10_000)  # timer redraw
    assert len(plotted_steps(p.plots.fake_curve)) == 7
    runs = [d for d in (tmp_path / "runs").iterdir() if d.is_dir()]
    assert len(runs) == 1 and runs[0].name.startswith("mlp-gan-")
    assert str(runs[0]) in p.controls.run_label.text()
    assert load_checkpoint(runs[0] / "last.safetensors").metadata["training"]["step"] == 7
    assert "Finished at step 7" in train_window.statusBar().currentMessage()
    assert p.plots.samples.rgb is not None and p.plots.real_view.rgb is not None and p.plots.timeline_label.text() == "step 7"
    picture, stem = p.current_picture()   # what Ctrl+S saves on this tab
    np.testing.assert_array_equal(picture, p.plots.samples.rgb)
    assert stem == "samples-step0000007"
    click(qtbot, p.controls.explore_btn)
    qtbot.waitUntil(lambda: train_window.model is not None and train_window.model.family == "mlp", timeout=30_000)
    settle(qtbot, train_window)
    assert train_window.tabs.currentWidget() is train_window.explorer
    assert train_window.explorer.image_view.rgb.shape == (28, 28, 3)
    # A second Start is a second run: its own folder, the first one untouched.
    type_into(qtbot, p.setup.max_steps, "2")
    click(qtbot, p.controls.start_btn)
    finished(qtbot, p)
    runs = sorted(d for d in (tmp_path / "runs").iterdir() if d.is_dir())
    assert len(runs) == 2
    assert sorted(load_checkpoint(r / "last.safetensors").metadata["training"]["step"] for r in runs) == [2, 7]


def test_pause_single_steps_resume_stop(train_window, qtbot):
    p = train_window.trainer_panel
    click(qtbot, p.controls.start_btn)
    qtbot.waitUntil(lambda: p.plots.series.size >= 2 and "steps/s" in p.controls.rate_label.text() or p.plots.series.size >= 4,
                    timeout=60_000)
    click(qtbot, p.controls.pause_btn)
    assert p.controls.pause_btn.text() == "Continue" and p.controls.step_d_btn.isEnabled() and p.controls.step_g_btn.isEnabled()
    assert "steps/s" not in p.controls.rate_label.text()
    # Pausing ends after the step in flight: then the label and the plot agree on where it stands.
    qtbot.waitUntil(lambda: p.worker.holding, timeout=30_000)
    qtbot.waitUntil(lambda: p.controls.rate_label.text().startswith(f"paused at step {p.controller.progress().step} ")
                    and last_plotted_step(p.plots.d_curve) == p.controller.progress().step, timeout=30_000)
    for button, which in ((p.controls.step_d_btn, "d"), (p.controls.step_g_btn, "g")):
        n = p.controller.progress().step
        fake_before = p.plots.series.column(4)[-1]
        grids_before = len(p.plots.grids)
        click(qtbot, button)
        qtbot.waitUntil(lambda n=n: p.controller.progress().step == n + 1 and p.worker.holding, timeout=30_000)
        qtbot.waitUntil(lambda n=n: p.controls.rate_label.text().startswith(f"paused at step {n + 1} ")
                        and p.plots.timeline_label.text() == f"step {n + 1}", timeout=30_000)
        qtbot.waitUntil(lambda n=n: last_plotted_step(p.plots.d_curve) == n + 1, timeout=5_000)   # next redraw tick
        assert len(p.plots.grids) == grids_before + 1 and p.plots.grids[-1][0] == n + 1
        assert p.plots.series.column(4)[-1] != fake_before   # D(G(z)) measured again after the update
        assert p.plots.step_marks.getData()[0][0] == n + 1   # the step's point is ringed
        assert ("One D step" if which == "d" else "One G step") in p.controls.step_change.text()
    assert p.plots.series.column(3)[-1] > 0   # D(x) re-measured too
    click(qtbot, p.controls.pause_btn)   # "Continue"
    n = p.controller.progress().step
    qtbot.waitUntil(lambda: p.controller.progress().step > n + 2, timeout=60_000)
    assert p.controls.pause_btn.text() == "Pause" and not p.controls.step_d_btn.isEnabled()
    click(qtbot, p.controls.stop_btn)
    finished(qtbot, p, timeout=60_000)
    assert p.controls.rate_label.text().startswith(f"stopped at step {p.controller.progress().step} ")
    assert "saved" in train_window.statusBar().currentMessage()
    assert p.controls.resume_btn.isEnabled() and not p.controls.stop_btn.isEnabled()


def test_class_histogram_of_untrained_noise_says_no_confident_samples(train_window, qtbot):
    p = train_window.trainer_panel
    type_into(qtbot, p.setup.max_steps, "1")
    click(qtbot, p.controls.start_btn)
    finished(qtbot, p)
    qtbot.waitUntil(lambda: p.plots.last_classes is not None and p.plots.last_classes.step == 1)
    text = p.plots.class_label.text()
    assert "no confident samples" in text and "100" not in text
    assert sum(p.plots.last_classes.counts) == 0 and p.plots.last_classes.samples == 200
    assert p.plots.class_bars.opts["height"].sum() == 0


def test_resume_continues_a_saved_run_in_its_folder(train_window, qtbot, monkeypatch, settings, tmp_path):
    p = train_window.trainer_panel
    type_into(qtbot, p.setup.max_steps, "3")
    click(qtbot, p.controls.start_btn)
    finished(qtbot, p)
    run = p.run_dir
    # Start a fresh window's panel state: another model picked; Resume restores the run's own settings.
    p.setup.model.setCurrentIndex(p.setup.model.findData("dcgan32"))
    opened_in = []

    def pick(parent, caption, directory, *rest):
        opened_in.append(directory)
        return str(run / "last.safetensors"), ""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick)
    type_into(qtbot, p.setup.max_steps, "5")
    click(qtbot, p.controls.resume_btn)
    assert opened_in == [str(tmp_path / "runs")]   # the user's runs folder, not the app's checkpoints/
    assert p.setup.model.currentData() == "mlp-gan" and p.setup.batch.value() == 16
    finished(qtbot, p)
    assert load_checkpoint(run / "last.safetensors").metadata["training"]["step"] == 5
    assert [d for d in (tmp_path / "runs").iterdir() if d.is_dir()] == [run]
    # the run's past, then the new steps (drawn by the plots' timer, perhaps a tick after the end)
    qtbot.waitUntil(lambda: list(plotted_steps(p.plots.d_curve)) == [1, 2, 3, 4, 5], timeout=10_000)
    assert p.controls.rate_label.text().startswith("finished at step 5")
    # Resume remembers where it was: the next dialog opens there.
    assert settings.value("train/last_dir") == str(tmp_path / "runs")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(tmp_path / "nothing.safetensors"), ""))
    click(qtbot, p.controls.resume_btn)
    assert "nothing.safetensors" in train_window.statusBar().currentMessage()


def test_runs_folder_picker_opens_in_the_last_folder(train_window, qtbot, monkeypatch, settings, tmp_path):
    p = train_window.trainer_panel
    settings.setValue("train/last_dir", str(tmp_path))
    type_into(qtbot, p.setup.out_dir, "")
    opened_in = []

    def pick(parent, caption, directory, *rest):
        opened_in.append(directory)
        return str(tmp_path / "elsewhere")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", pick)
    click(qtbot, p.setup.runs_browse)
    assert opened_in == [str(tmp_path)] and p.setup.out_dir.text() == str(tmp_path / "elsewhere")
    assert settings.value("train/last_dir") == str(tmp_path / "elsewhere")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda parent, caption, directory, *rest:
                        (opened_in.append(directory), ("", ""))[1])
    click(qtbot, p.setup.data_browse)
    assert opened_in[-1] == str(tmp_path / "elsewhere")


def test_smoothing_toggle_half_line_and_legends_off_the_data(train_window, qtbot):
    p = train_window.trainer_panel
    type_into(qtbot, p.setup.max_steps, "12")
    click(qtbot, p.controls.start_btn)
    finished(qtbot, p)
    qtbot.waitUntil(lambda: last_plotted_step(p.plots.d_curve) == 12, timeout=10_000)   # the timer's redraw
    raw = p.plots.series.column(1)
    assert p.controls.smooth.isChecked()
    smoothed = p.plots.d_curve.getData()[1]
    assert not np.allclose(smoothed, raw) and np.std(np.diff(smoothed)) < np.std(np.diff(raw))
    np.testing.assert_allclose(p.plots.raw_curves["d"].getData()[1], raw)   # the raw values stay, faint
    click(qtbot, p.controls.smooth)
    assert not p.controls.smooth.isChecked() and not p.plots.raw_curves["d"].isVisible()
    np.testing.assert_allclose(p.plots.d_curve.getData()[1], raw)
    assert p.plots.half_line.value() == 0.5 and p.plots.half_line.pen.style() == Qt.PenStyle.DashLine
    # Legends live in the titles, above the data area, so they never cover a curve.
    for plot in (p.plots.loss_plot, p.plots.prob_plot):
        assert plot.plotItem.legend is None
    assert "D(G(z))" in p.plots.prob_plot.plotItem.titleLabel.text and "0.5" in p.plots.prob_plot.plotItem.titleLabel.text
    lo, hi = p.plots.prob_plot.viewRange()[1]
    assert lo <= 0 and hi >= 1


def test_every_control_explains_itself_and_presentation_mode(train_window, qtbot):
    p = train_window.trainer_panel
    controls = [w for w in p.findChildren(QAbstractButton) + p.findChildren(QAbstractSpinBox)
                + p.findChildren(QComboBox) + p.findChildren(QLineEdit)
                if not isinstance(w.parent(), (QAbstractSpinBox, QComboBox)) and w.isVisibleTo(p)]
    missing = [w.text() if hasattr(w, "text") else type(w).__name__ for w in controls if not w.toolTip()]
    assert len(controls) > 15 and not missing, missing
    assert "Start" in p.help_html() and "D(G(z))" in p.help_html()
    for on, width in ((True, 3.0), (True, 3.0), (False, 1.5)):
        p.set_presentation(on)
        assert p.plots.d_curve.opts["pen"].widthF() == width and p.plots.fake_curve.opts["pen"].widthF() == width
    p.set_presentation(True)
    assert p.plots.loss_plot.getAxis("bottom").label.font().pointSize() == 12


def test_train_tab_bad_data_is_one_sentence(train_window, qtbot, tmp_path):
    p = train_window.trainer_panel
    type_into(qtbot, p.setup.data, "mnist:/no/such/file")
    click(qtbot, p.controls.start_btn)
    qtbot.waitUntil(lambda: "does not exist" in train_window.statusBar().currentMessage())
    assert p.controls.start_btn.isEnabled() and (p.worker is None or not p.worker.is_running())
    assert not (tmp_path / "runs").exists() or not any((tmp_path / "runs").iterdir())   # no empty run folder


def write_idx(path, arr: np.ndarray) -> None:
    import struct

    header = struct.pack(">BBBB", 0, 0, 0x08, arr.ndim) + struct.pack(">" + "I" * arr.ndim, *arr.shape)
    path.write_bytes(header + arr.astype(np.uint8).tobytes())


def test_a_dataset_that_fails_while_preparing_is_one_sentence_in_the_ui_language(train_window, qtbot, tmp_path):
    """The file exists (Start accepts it), but holds nothing: the training thread finds out, the tab says so."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from ganexplorer.gui.app import TRANSLATIONS

    write_idx(tmp_path / "empty-images-idx3-ubyte", np.zeros((0, 28, 28)))
    p = train_window.trainer_panel
    type_into(qtbot, p.setup.data, f"mnist:{tmp_path / 'empty-images-idx3-ubyte'}")
    tr = QTranslator()
    assert tr.load(str(TRANSLATIONS / "ganexplorer_ko.qm"))
    QCoreApplication.installTranslator(tr)
    try:
        click(qtbot, p.controls.start_btn)
        # "Preparing … on mnist:…" names the file too: wait for the sentence itself, not just the name.
        qtbot.waitUntil(lambda: "이미지가 없습니다" in train_window.statusBar().currentMessage(), timeout=60_000)
        finished(qtbot, p, timeout=60_000)
        said = train_window.statusBar().currentMessage()
    finally:
        QCoreApplication.removeTranslator(tr)
    assert "empty-images-idx3-ubyte" in said and "이미지가 없습니다" in said and "\n" not in said, said
    assert p.controls.start_btn.isEnabled() and p.controls.resume_btn.isEnabled() and not p.controls.stop_btn.isEnabled()
    assert not p.controller.progress().trained and not (tmp_path / "runs").exists()   # no empty run folder either


def test_start_returns_at_once_and_the_data_opens_on_the_training_thread(train_window, qtbot, monkeypatch):
    import threading

    from ganexplorer.core.train import session

    release, opening = threading.Event(), threading.Event()
    real_open = session.open_dataset

    def slow_open(spec, limit=None):   # a big dataset: the read takes as long as the test wants
        opening.set()
        release.wait(60)
        return real_open(spec, limit)
    monkeypatch.setattr(session, "open_dataset", slow_open)
    p = train_window.trainer_panel
    type_into(qtbot, p.setup.max_steps, "2")
    click(qtbot, p.controls.start_btn)
    try:
        # The click has returned while the read is still blocked: the window is free, the tab says what it does.
        qtbot.waitUntil(opening.is_set, timeout=30_000)
        qtbot.waitUntil(lambda: p.controls.rate_label.text().startswith("preparing: opening builtin:digits"))
        assert not release.is_set()
        assert not p.controls.start_btn.isEnabled() and not p.controls.resume_btn.isEnabled() and p.controls.stop_btn.isEnabled()
        assert not p.controls.pause_btn.isEnabled() and not p.controls.step_d_btn.isEnabled() and not p.controls.explore_btn.isEnabled()
    finally:
        release.set()
    finished(qtbot, p)
    assert p.controls.rate_label.text().startswith("finished at step 2") and p.plots.real_view.rgb is not None
    assert p.run_dir is not None and (p.run_dir / "last.safetensors").exists()


def test_stop_while_preparing_ends_the_run_before_it_trains(train_window, qtbot, monkeypatch, tmp_path):
    import threading

    from ganexplorer.core.train import session

    release = threading.Event()
    real_open = session.open_dataset
    monkeypatch.setattr(session, "open_dataset", lambda spec, limit=None: (release.wait(60), real_open(spec))[1])
    p = train_window.trainer_panel
    click(qtbot, p.controls.start_btn)
    qtbot.waitUntil(lambda: p.controls.rate_label.text().startswith("preparing: opening"))
    click(qtbot, p.controls.stop_btn)
    release.set()
    finished(qtbot, p, timeout=60_000)
    assert "Stopped before training began" in train_window.statusBar().currentMessage()
    assert p.controls.rate_label.text() == "Not running" and not p.controller.progress().trained and p.plots.series.size == 0
    assert not (tmp_path / "runs").exists()


def test_a_nan_stop_keeps_the_last_good_checkpoint_byte_for_byte(train_window, qtbot, monkeypatch):
    import torch

    from ganexplorer.core.train.gan_trainer import GANTrainer

    real_step = GANTrainer.train_step

    def poisoned(self):   # from step 5 on, G's weights and loss are NaN
        losses = real_step(self)
        if self.step >= 5:
            with torch.no_grad():
                for prm in self.G.parameters():
                    prm.fill_(float("nan"))
            losses["g_loss"] = float("nan")
        return losses
    monkeypatch.setattr(GANTrainer, "train_step", poisoned)
    p = train_window.trainer_panel
    type_into(qtbot, p.setup.checkpoint_every, "2")
    click(qtbot, p.controls.start_btn)
    saved = []   # what the checkpoint held each time the tab said one was written
    p.worker.event.connect(lambda ev: isinstance(ev, CheckpointEvent) and saved.append(ev.path.read_bytes()))
    finished(qtbot, p, timeout=60_000)
    status = train_window.statusBar().currentMessage()
    checkpoint = p.run_dir / "last.safetensors"
    assert len(saved) == 2 and checkpoint.read_bytes() == saved[-1]   # step 4's file, byte for byte
    assert load_checkpoint(checkpoint).metadata["training"]["step"] == 4
    assert "NaN" in status and "step 5" in status and p.controls.rate_label.text().startswith("stopped at step 5")
    assert p.controls.start_btn.isEnabled() and not p.controls.stop_btn.isEnabled()


def test_a_normal_finish_writes_the_checkpoint_once_off_the_ui_thread(train_window, qtbot, monkeypatch):
    import threading

    from ganexplorer.core.train import checkpoint

    writes = []
    real_save = checkpoint.save_native

    def spy(path, family, G, D=None, **kw):
        writes.append((kw["metadata"]["training"]["step"], threading.current_thread() is threading.main_thread()))
        return real_save(path, family, G, D, **kw)
    monkeypatch.setattr(checkpoint, "save_native", spy)
    p = train_window.trainer_panel
    type_into(qtbot, p.setup.checkpoint_every, "2")
    type_into(qtbot, p.setup.max_steps, "4")
    click(qtbot, p.controls.start_btn)
    finished(qtbot, p)
    qtbot.waitUntil(lambda: "Finished at step 4" in train_window.statusBar().currentMessage())
    assert writes == [(2, False), (4, False)]


def test_train_tab_download_button_fetches_into_the_cache(train_window, qtbot, dataset_server, tmp_path,
                                                          monkeypatch):
    import hashlib

    from ganexplorer.core.data import download as dl

    base, root = dataset_server
    monkeypatch.setenv("GANEXPLORER_CACHE", str(tmp_path / "cache"))
    known = getattr(dl, "KNOWN", None)   # published sizes and SHA-256s: the tiny server files stand in for them
    for f in root.glob("*.gz") if known is not None else ():
        data = f.read_bytes()
        monkeypatch.setitem(known, ("mnist", f.name), (len(data), hashlib.sha256(data).hexdigest()))
    p = train_window.trainer_panel
    p.setup.download.base_url = base
    assert p.setup.download.start("mnist")
    assert not p.setup.download.isEnabled()
    qtbot.waitUntil(lambda: p.setup.data.text().startswith("mnist:"), timeout=30_000)
    assert p.setup.download.isEnabled() and "Downloaded" in train_window.statusBar().currentMessage()
    assert str(tmp_path / "cache") in p.setup.data.text()
    p.setup.download.start("quickdraw:unicorn")  # not on the server: one sentence, data unchanged
    qtbot.waitUntil(lambda: p.setup.download.isEnabled(), timeout=30_000)
    assert "could not download" in train_window.statusBar().currentMessage()
    assert p.setup.data.text().startswith("mnist:")


@pytest.mark.slow
def test_train_tab_stylegan2_shows_r1_and_mixing(train_window, qtbot, tmp_path):
    p = train_window.trainer_panel
    p.setup.model.setCurrentIndex(p.setup.model.findData("stylegan2-32"))
    assert p.setup.lr.value() == pytest.approx(0.0025) and p.setup.beta1.value() == 0 and p.setup.batch.value() == 32
    assert p.setup.form.isRowVisible(p.setup.r1_gamma) and not p.setup.loss.isEnabled()
    assert "R1" in p.plots.loss_plot.plotItem.titleLabel.text
    type_into(qtbot, p.setup.batch, "8")
    type_into(qtbot, p.setup.max_steps, "3")
    click(qtbot, p.controls.start_btn)
    finished(qtbot, p)
    qtbot.waitUntil(lambda: np.isfinite(p.plots.r1_curve.getData()[1]).any())   # R1 is applied on step 1 of every 16
    assert p.plots.mixing_view.rgb is not None and not p.plots.mixing_view.isHidden()
    click(qtbot, p.controls.explore_btn)
    qtbot.waitUntil(lambda: train_window.model is not None and train_window.model.family == "stylegan2",
                    timeout=30_000)
    settle(qtbot, train_window)
    assert train_window.explorer.image_view.rgb.shape == (32, 32, 3)
    p.setup.model.setCurrentIndex(p.setup.model.findData("dcgan32"))
    assert not p.setup.form.isRowVisible(p.setup.r1_gamma) and p.setup.lr.value() == pytest.approx(2e-4)
    assert "R1" not in p.plots.loss_plot.plotItem.titleLabel.text


@pytest.mark.slow
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
    p.setup.model.setCurrentIndex(p.setup.model.findData("stylegan2-32"))
    type_into(qtbot, p.setup.batch, "8")
    type_into(qtbot, p.setup.out_dir, "")
    click(qtbot, p.controls.start_btn)
    qtbot.waitUntil(lambda: p.plots.series.size >= 1, timeout=60_000)
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
        steps = p.controller.progress().step
        # The UI thread keeps serving its timer while training goes on (how late it runs on a given
        # machine is a benchmark figure: bench_training.py --model stylegan2-32; here: not blocked).
        qtbot.waitUntil(lambda: len(lateness) > 60 and p.controller.progress().step > steps, timeout=60_000)
        assert p.worker.is_running()
    finally:
        timer.stop()
        click(qtbot, p.controls.stop_btn)
        qtbot.waitUntil(lambda: not p.worker.is_running(), timeout=60_000)
    print(f"worst UI timer lateness while StyleGAN2 trained: {max(lateness) * 1000:.0f} ms")
    assert p.run_dir is None and "not saving" in p.controls.run_label.text()   # empty runs folder: nothing saved


def test_device_and_precision_pickers_reach_the_run(train_window, qtbot, tmp_path):
    """The user picks CPU and bf16 from the two boxes; the run trains with them and its checkpoint says so."""
    p = train_window.trainer_panel
    offered = [p.setup.device.itemData(i) for i in range(p.setup.device.count())]
    assert offered[:2] == ["auto", "cpu"] and p.setup.device.currentData() == "auto"
    p.setup.device.setFocus()
    qtbot.keyClicks(p.setup.device, "C")          # keyboard search in a closed combo box picks "CPU"
    p.setup.precision.setFocus()
    qtbot.keyClicks(p.setup.precision, "b")       # "bf16 mixed precision"
    assert p.setup.device.currentText() == "CPU" and p.setup.precision.currentData() == "bf16"
    type_into(qtbot, p.setup.max_steps, "2")
    click(qtbot, p.controls.start_btn)
    finished(qtbot, p)
    run = next(d for d in (tmp_path / "runs").iterdir() if d.is_dir())
    meta = load_checkpoint(run / "last.safetensors").metadata["training"]
    assert meta["step"] == 2 and meta["config"]["device"] == "cpu" and meta["config"]["precision"] == "bf16"
    # the plots redraw from a timer: the last point may be drawn a tick after the run has ended
    qtbot.waitUntil(lambda: list(plotted_steps(p.plots.d_curve)) == [1, 2], timeout=10_000)
    assert np.isfinite(p.plots.series.column(1)).all()


def _paused(p, qtbot):
    """Start, let a few steps run, press Pause and wait until the loop holds between two steps."""
    click(qtbot, p.controls.start_btn)
    qtbot.waitUntil(lambda: p.plots.series.size >= 2, timeout=60_000)
    click(qtbot, p.controls.pause_btn)
    qtbot.waitUntil(lambda: p.worker.holding and p.controls.step_d_btn.isEnabled(), timeout=30_000)


def test_one_step_at_a_time_then_a_failing_step_is_said_and_the_run_goes_on(train_window, qtbot, monkeypatch):
    import threading

    from ganexplorer.core.train.gan_trainer import GANTrainer

    p = train_window.trainer_panel
    _paused(p, qtbot)
    release = threading.Event()
    real_step = GANTrainer.single_step

    def slow_step(self, which):
        release.wait(30)
        yield from real_step(self, which)

    monkeypatch.setattr(GANTrainer, "single_step", slow_step)
    n = int(p.plots.series.column(0)[-1])
    click(qtbot, p.controls.step_d_btn)
    # While the step is in flight neither step button can be pressed (a click would be replayed later).
    assert not p.controls.step_d_btn.isEnabled() and not p.controls.step_g_btn.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: p.controls.step_d_btn.isEnabled(), timeout=30_000)
    qtbot.waitUntil(lambda: int(p.plots.series.column(0)[-1]) == n + 1, timeout=30_000)
    # What the step changed: D(x) and D(G(z)) before -> after, and the new point marked on the plot.
    change = p.controls.step_change.text()
    assert "D(x)" in change and "D(G(z))" in change and "\u2192" in change and f"{n + 1}" in change
    marked = p.plots.step_marks.getData()
    assert list(marked[0]) == [n + 1, n + 1]   # D(x) and D(G(z)) of that step, marked on the D plot

    def broken(self, which):
        raise RuntimeError("the step broke")
        yield  # pragma: no cover

    monkeypatch.setattr(GANTrainer, "single_step", broken)
    click(qtbot, p.controls.step_g_btn)
    qtbot.waitUntil(lambda: "the step broke" in train_window.statusBar().currentMessage(), timeout=30_000)
    # Reported, and the run goes on: still paused, the step buttons usable, Continue trains on.
    qtbot.waitUntil(lambda: p.controls.step_g_btn.isEnabled(), timeout=30_000)
    assert p.worker.is_running() and p.controls.pause_btn.text() == "Continue"
    monkeypatch.setattr(GANTrainer, "single_step", real_step)
    click(qtbot, p.controls.pause_btn)
    qtbot.waitUntil(lambda: int(p.plots.series.column(0)[-1]) > n + 3, timeout=60_000)
    click(qtbot, p.controls.stop_btn)
    finished(qtbot, p, timeout=60_000)


def test_skipped_pictures_of_a_folder_are_said_when_training_starts(train_window, qtbot, tmp_path):
    """A folder with one unreadable picture trains on the others, and the status bar says which was skipped."""
    from PIL import Image

    folder = tmp_path / "pictures"
    folder.mkdir()
    for i in range(4):
        Image.fromarray(np.full((16, 16), 60 * i, np.uint8)).save(folder / f"good{i}.png")
    (folder / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really")
    said = []
    train_window.statusBar().messageChanged.connect(said.append)
    p = train_window.trainer_panel
    type_into(qtbot, p.setup.data, f"folder:{folder}")
    type_into(qtbot, p.setup.max_steps, "1")
    click(qtbot, p.controls.start_btn)
    finished(qtbot, p)
    assert any("skipped 1 unreadable image" in s and "broken.png" in s for s in said), said


def _pick(qtbot, combo, data) -> None:
    pick(qtbot, combo, combo.findData(data))


def test_the_form_remembers_its_last_model_and_data(qtbot, settings, tmp_path):
    """Issue 26: the next start shows the model and data chosen last (the window's settings)."""
    from ganexplorer.gui.window.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    form = win.trainer_panel.setup
    assert form.model.currentData() != "dcgan32"
    _pick(qtbot, form.model, "dcgan32")
    assert form.model.currentData() == "dcgan32"
    type_into(qtbot, form.data, "mnist:" + str(tmp_path / "train-images-idx3-ubyte"))
    win.close()
    win.worker.shutdown()

    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.show()
    form = again.trainer_panel.setup
    assert form.model.currentData() == "dcgan32" and "DCGAN 32" in form.model.currentText()
    assert form.data.text() == "mnist:" + str(tmp_path / "train-images-idx3-ubyte")
    assert form.batch.value() == form.config().batch_size   # the model's own defaults came with it
    again.close()
    again.worker.shutdown()
