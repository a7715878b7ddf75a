"""The window on a classroom projector: the mouse wheel scrolls panels instead of changing controls, every tab
fits 1280x720 in normal and presentation (F5) mode with every model, the window opens inside the screen."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from gui_fixtures import *  # noqa: F401,F403  (fixtures: dialogs, settings)
from gui_fixtures import settle

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



PROJECTOR = (1280, 720)
TITLE_BAR = 40   # what a window manager's title bar takes from the screen's 720 px


def _fits(win, what: str) -> None:
    QApplication.processEvents()
    QApplication.processEvents()
    need = win.minimumSizeHint()
    assert need.width() <= PROJECTOR[0] and need.height() <= PROJECTOR[1] - TITLE_BAR, (
        f"{what}: the window needs {need.width()}x{need.height()} px, more than a 1280x720 projector has")


@pytest.mark.slow
@pytest.mark.parametrize("presentation", [False, True], ids=["normal", "F5"])
def test_every_tab_and_every_model_fits_a_1280x720_projector(bare_window, qtbot, presentation):
    """Each tab in turn, with each model it offers (the Train tab's list, the bundled models on Explore)."""
    from ganexplorer.core.paths import bundled_models

    win = bare_window
    if presentation:
        win.presentation_action.trigger()
        assert win.presentation_action.isChecked()
    for path in bundled_models():
        win.open_checkpoint(path, show_progress=False)
        qtbot.waitUntil(lambda path=path: win.model is not None and win.model.path == path, timeout=60_000)
        settle(qtbot, win)
        _fits(win, f"Explore with {path.name}")
    for i in range(win.tabs.count()):
        win.tabs.setCurrentIndex(i)
        _fits(win, win.tabs.tabText(i))
    win.tabs.setCurrentWidget(win.trainer_panel)
    box = win.trainer_panel.setup.model
    for j in range(box.count()):
        box.setCurrentIndex(j)
        _fits(win, f"Train with {box.itemData(j)}")


def test_the_window_opens_inside_a_1280x720_screen_title_bar_and_status_bar_included(qtbot, settings):
    from PySide6.QtCore import QRect

    from ganexplorer.gui.window.main_window import USUAL_FRAME, MainWindow, fit_on_screen

    projector = QRect(0, 0, 1280, 720)
    inner = fit_on_screen(projector, USUAL_FRAME)
    outer = inner.marginsAdded(USUAL_FRAME)
    assert projector.contains(outer) and inner.height() == 720 - USUAL_FRAME.top() - USUAL_FRAME.bottom()
    # A taskbar takes the bottom 40 px: still inside, and the window still fits what F5 needs.
    shorter = QRect(0, 0, 1280, 680)
    assert shorter.contains(fit_on_screen(shorter, USUAL_FRAME).marginsAdded(USUAL_FRAME))
    # A fresh window (no saved geometry) is placed that way on the screen it opens on.
    win = MainWindow(settings)
    qtbot.addWidget(win)
    avail = win.screen().availableGeometry()
    want = fit_on_screen(avail, USUAL_FRAME)
    assert win.geometry().top() == want.top() and win.height() == max(want.height(), win.minimumSizeHint().height())
    win.trainer_panel.shutdown()
    win.worker.shutdown()


def test_gui_presentation_starts_in_presentation_mode_without_changing_the_saved_choice(qtbot, pkl, monkeypatch,
                                                                                         tmp_path):
    """`ganexplorer gui --presentation`: the window opens in F5's mode (large text) for this session."""
    from ganexplorer.cli import build_parser
    from ganexplorer.gui import app
    from ganexplorer.gui.window.main_window import MainWindow

    args = build_parser().parse_args(["gui", str(pkl), "--presentation", "--tab", "train"])
    assert args.presentation is True
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("GANEXPLORER_LOG_DIR", str(tmp_path / "logs"))
    seen = []
    real_grab = MainWindow.grab

    def grab(self, *a):
        seen.append((self.presentation_action.isChecked(), self.font().pointSizeF(), self.settings.value(
            "view/presentation", False, type=bool)))
        return real_grab(self, *a)

    monkeypatch.setattr(MainWindow, "grab", grab)
    assert app.run_gui(str(pkl), screenshot=str(tmp_path / "shot.png"), tab="train", language="en",
                       presentation=True) == 0
    [(checked, size, remembered)] = seen
    assert checked and size > QApplication.font().pointSizeF() and not remembered


def test_gui_test_modules_fail_loudly_when_qt_is_broken_instead_of_skipping():
    """The [test] extra installs Qt: a GUI test module that ``importorskip``s PySide6 would pass silently
    (as skipped) when that extra is broken. (The window's and tabs' modules, tests/test_gui*.py.)"""
    from pathlib import Path

    here = Path(__file__).parent
    modules = [*here.glob("test_gui*.py"), here / "gui_fixtures.py"]
    needle = "importorskip(" + '"PySide6")'   # (not written whole here, or this module would find itself)
    skipping = sorted(p.name for p in modules if needle in p.read_text(encoding="utf-8"))
    assert len(modules) > 5 and not skipping, f"these GUI test modules skip when Qt is missing: {skipping}"
