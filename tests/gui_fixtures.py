"""Shared pieces of the GUI tests: fixtures for an offscreen window and helpers to compare pictures.

Imported with ``from gui_fixtures import *`` so each GUI test module gets the same fixtures.
"""


import numpy as np
import pytest

import PySide6  # noqa: E402,F401  (the [test] extra brings Qt: a broken install fails here, never skips)

from layouts import write_nvidia_pickle  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from ganexplorer.core.formats import load_checkpoint  # noqa: E402
from ganexplorer.core.render import Renderer, RenderRequest  # noqa: E402


@pytest.fixture(autouse=True)
def dialogs(monkeypatch):
    """Modal dialogs would block offscreen tests: record what they would have said instead."""
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    monkeypatch.setattr("ganexplorer.gui.window.main_window.show_warning", lambda parent, title, text: said.append(text))
    return said


@pytest.fixture
def settings(tmp_path):
    s = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield s


@pytest.fixture
def pkl(tmp_path, tiny_stylegan2):
    G, D = tiny_stylegan2
    return write_nvidia_pickle(tmp_path / "tiny.pkl", G, D)


def open_window(qtbot, settings, path, show: bool = True):
    """A main window that has loaded ``path`` and shown its first picture."""
    from ganexplorer.gui.window.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    if show:
        win.show()
    win.open_checkpoint(path, show_progress=False)
    qtbot.waitUntil(lambda: win.model is not None, timeout=30_000)
    settle(qtbot, win)
    return win


@pytest.fixture
def window(qtbot, settings, pkl):
    win = open_window(qtbot, settings, pkl)
    yield win
    win.worker.shutdown()


def settle(qtbot, win):
    """Let the worker finish and its results reach the UI thread: idle with nothing left to deliver.

    Delivering a result can ask for more work (a preview's refined picture, a feature-map job), so the
    check delivers, then asks again, until a delivery leaves the worker idle."""
    def settled() -> bool:
        if not win.worker.wait_until_idle(0):
            return False
        win.worker.drain()
        return win.worker.wait_until_idle(0)

    qtbot.waitUntil(settled, timeout=60_000)


def shown(win) -> np.ndarray:
    return win.explorer.image_view.rgb.copy()


def expected(win, req: RenderRequest) -> np.ndarray:
    return Renderer(load_checkpoint(win.model.path)).render(req).rgb



def click_tab(qtbot, tabs, index: int) -> None:
    """Click the tab's own rectangle in the tab bar, as a user does."""
    from PySide6.QtCore import Qt

    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def pick(qtbot, combo, index: int) -> None:
    """Open the combo box's list with a click and walk to entry ``index`` with the arrow keys, then Return
    (a click on the entry is ignored by Qt this soon after the list opened)."""
    from PySide6.QtCore import Qt

    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    for _ in range(index):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentIndex() == index
