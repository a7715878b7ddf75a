"""The 1-D demo tab, offscreen."""

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

from gui_fixtures import *  # noqa: E402,F401,F403  (fixtures: dialogs, settings, pkl, window)
from gui_fixtures import expected, settle, shown  # noqa: E402,F401


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
