"""The window on a classroom projector: the mouse wheel scrolls panels instead of changing controls, every tab
fits 1280x720 in normal and presentation (F5) mode with every model, the window opens inside the screen."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from gui_fixtures import *  # noqa: F401,F403  (fixtures: dialogs, settings)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def bare_window(qtbot, settings):
    from ganexplorer.gui.window.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.trainer_panel.shutdown()
    win.worker.shutdown()


def wheel(widget, steps: int = -3) -> None:
    """Turn the mouse wheel over the middle of ``widget`` (negative: towards the user, scrolls down)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    ev = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(), QPoint(0, 120 * steps),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, ev)


def test_the_wheel_over_an_unfocused_control_scrolls_the_panel_not_the_control(bare_window, qtbot):
    win = bare_window
    win.tabs.setCurrentWidget(win.trainer_panel)
    p = win.trainer_panel
    win.resize(900, 400)   # the form column has to scroll
    qtbot.waitUntil(lambda: p.left.verticalScrollBar().maximum() > 0)
    bar = p.left.verticalScrollBar()
    for box in (p.setup.batch, p.setup.lr, p.setup.loss):
        bar.setValue(0)
        before = box.currentIndex() if hasattr(box, "currentIndex") else box.value()
        p.left.setFocus()
        wheel(box)
        after = box.currentIndex() if hasattr(box, "currentIndex") else box.value()
        assert after == before, f"{type(box).__name__} changed under the wheel"
        assert bar.value() > 0, "the panel did not scroll"
    # Clicked (focused), the control takes the wheel as before.
    box = p.setup.batch
    qtbot.mouseClick(box.lineEdit(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(box.hasFocus)
    before = box.value()
    wheel(box, steps=1)
    assert box.value() != before

