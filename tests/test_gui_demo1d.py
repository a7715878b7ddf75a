"""The 1-D demo tab, offscreen, driven as a student would: typing epochs, clicking Start both / Start / Stop."""

import numpy as np
import pytest

import PySide6  # noqa: E402,F401  (the [test] extra brings Qt: a broken install fails here, never skips)
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

from gui_fixtures import *  # noqa: E402,F403  (the fixtures: dialogs, settings)
from PySide6.QtCore import Qt  # noqa: E402

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def demo_tab(qtbot, settings):
    from ganexplorer.gui.window.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    win.tabs.setCurrentIndex(2)
    yield win, win.demo1d_panel
    win.demo1d_panel.shutdown()
    win.worker.shutdown()


def type_epochs(qtbot, run, n: int) -> None:
    run.epochs.selectAll()
    qtbot.keyClicks(run.epochs, str(n))
    qtbot.keyClick(run.epochs, Qt.Key.Key_Return)
    assert run.epochs.value() == n


def legend_names(legend) -> list[str]:
    return [label.text for _, label in legend.items]


def test_start_both_trains_both_runs_to_the_end_with_a_summary(qtbot, demo_tab):
    _, panel = demo_tab
    runs = panel.runs
    assert [r.pre.currentData() for r in runs] == ["raw", "moments4"]
    for r in runs:
        type_epochs(qtbot, r, 30)
    qtbot.mouseClick(panel.start_both_btn, LEFT)
    assert all(r.is_running() or r.summary is not None for r in runs)
    for r in runs:
        qtbot.waitUntil(lambda r=r: not r.is_running() and r.summary is not None, timeout=60_000)
    qtbot.waitUntil(lambda: panel.start_both_btn.isEnabled() and not panel.stop_both_btn.isEnabled())
    for r in runs:
        qtbot.waitUntil(lambda r=r: len(r.d_plot.getData()[0] if r.d_plot.getData()[0] is not None else []) == 121)
        assert len(r.losses) == 30 and r.last_snapshot is not None and r.last_snapshot.epoch == 29
        assert len(r.loss_curves[0].getData()[0]) == 30 and len(r.real_hist.getData()[0]) > 0
        summary = r.summary_label.text()
        assert summary.startswith("Done: 30 epochs in ") and "(target 4.00)" in summary and "(target 1.25)" in summary
        lines = r.log.toPlainText().splitlines()
        assert lines[-2].startswith("Epoch 29: D (") and lines[-1] == summary
        assert r.start_btn.isEnabled() and not r.stop_btn.isEnabled() and r.epochs.isEnabled()
        assert legend_names(r.legend) == ["real N(\u03bc, \u03c3)", "generated G(z)", "D(real batch moved to x)"]
        assert legend_names(r.loss_legend) == ["D error, real batch", "D error, generated batch", "G error"]
        xs, d = r.d_plot.getData()   # the red curve is the last snapshot's D across x, as core computed it
        np.testing.assert_array_equal(xs, r.last_snapshot.xs)
        np.testing.assert_array_equal(d, r.last_snapshot.d_of_x)
        assert "D = " in r.d_sees.text()
    assert "4 numbers per batch" in runs[1].d_sees.text() and runs[1].d_sees.text().count(", ") >= 9
    assert "all 500 numbers" in runs[0].d_sees.text()


def test_each_run_has_its_own_start_and_stop(qtbot, demo_tab):
    _, panel = demo_tab
    left, right = panel.runs
    type_epochs(qtbot, right, 12)
    qtbot.mouseClick(right.start_btn, LEFT)
    qtbot.waitUntil(lambda: right.summary is not None and not right.is_running(), timeout=60_000)
    assert len(right.losses) == 12 and right.summary_label.text().startswith("Done: 12 epochs")
    assert left.worker is None and left.summary_label.text() == ""

    type_epochs(qtbot, left, 50_000)
    qtbot.mouseClick(left.start_btn, LEFT)
    assert not left.start_btn.isEnabled() and left.stop_btn.isEnabled() and not left.epochs.isEnabled()
    assert panel.stop_both_btn.isEnabled()
    qtbot.waitUntil(lambda: len(left.losses) >= 3, timeout=60_000)
    qtbot.mouseClick(left.stop_btn, LEFT)
    qtbot.waitUntil(lambda: not left.is_running() and left.start_btn.isEnabled(), timeout=60_000)
    assert left.summary_label.text().startswith(f"Stopped after {left.summary.epochs} of 50000 epochs")
    assert 3 <= left.summary.epochs < 50_000 and not left.stop_btn.isEnabled()
    assert not panel.stop_both_btn.isEnabled() and panel.start_both_btn.isEnabled()


def test_stop_both_stops_every_run(qtbot, demo_tab):
    _, panel = demo_tab
    for r in panel.runs:
        type_epochs(qtbot, r, 50_000)
    qtbot.mouseClick(panel.start_both_btn, LEFT)
    assert not panel.start_both_btn.isEnabled()
    qtbot.waitUntil(lambda: all(len(r.losses) >= 2 for r in panel.runs), timeout=60_000)
    qtbot.mouseClick(panel.stop_both_btn, LEFT)
    qtbot.waitUntil(lambda: not any(r.is_running() for r in panel.runs), timeout=60_000)
    qtbot.waitUntil(lambda: all(r.summary_label.text().startswith("Stopped after") for r in panel.runs))
    assert panel.start_both_btn.isEnabled() and not panel.stop_both_btn.isEnabled()


def test_choosing_what_d_sees_explains_it_before_a_run(qtbot, demo_tab):
    win, panel = demo_tab
    left = panel.runs[0]
    assert "all 500 numbers" in left.d_sees.text()
    left.pre.setFocus()
    qtbot.keyClick(left.pre, Qt.Key.Key_Down)
    assert left.pre.currentData() == "moments2" and "2 numbers per batch (mean, std)" in left.d_sees.text()
    for w in (left.pre, left.mu, left.sigma, left.epochs, left.seed, left.start_btn, left.stop_btn,
              panel.start_both_btn, left.hist_view, left.loss_view):
        assert w.toolTip()
    win.help_action.trigger()
    qtbot.waitUntil(win.help_dialog.isVisible)
    text = win.help_dialog.browser.toPlainText()
    assert "a GAN in one dimension" in text and "D only ever scores batches" in text
    win.help_dialog.close()


def test_presentation_mode_thickens_the_demo_plots(qtbot, demo_tab):
    win, panel = demo_tab
    left = panel.runs[0]
    assert left.d_plot.opts["pen"].widthF() < 3
    win.presentation_action.trigger()
    assert left.real_hist.opts["pen"].widthF() == 3 and left.loss_curves[2].opts["pen"].widthF() == 3
    assert left.hist.getAxis("bottom").style["tickFont"].pointSize() > 10
    win.presentation_action.trigger()
    assert left.real_hist.opts["pen"].widthF() == 1.5
