"""Where the main window opens: 1280x720 (a classroom projector) where the screen has room for it with
its frame, else what the screen has, so the whole window, title bar included, is inside the screen."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = (1280, 720)  # a classroom projector; every tab must be usable at this size

USUAL_FRAME = QMargins(8, 32, 8, 8)   # a title bar and borders, for before the window manager has drawn them

def fit_on_screen(avail: QRect, frame: QMargins, size: tuple[int, int] = DEFAULT_SIZE) -> QRect:
    """Where the window (without its frame) goes so that it, frame included, lies inside ``avail``:
    ``size`` where there is room, centred; else what room there is."""
    room_w = avail.width() - frame.left() - frame.right()
    room_h = avail.height() - frame.top() - frame.bottom()
    w, h = min(size[0], room_w), min(size[1], room_h)
    x = avail.x() + frame.left() + (room_w - w) // 2
    y = avail.y() + frame.top() + (room_h - h) // 2
    return QRect(x, y, w, h)


def frame_margins(window: QWidget) -> QMargins:
    """The window manager's frame around ``window``: the real one once shown, else a usual title bar."""
    if window.isVisible() and window.frameGeometry() != window.geometry():
        g, f = window.geometry(), window.frameGeometry()
        return QMargins(g.left() - f.left(), g.top() - f.top(), f.right() - g.right(), f.bottom() - g.bottom())
    return USUAL_FRAME


def default_geometry(window: QWidget) -> QRect:
    """Where ``window`` opens without a saved geometry: :data:`DEFAULT_SIZE` inside its screen's available area
    (a projector's 720 px too)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QRect(0, 0, *DEFAULT_SIZE)
    return fit_on_screen(screen.availableGeometry(), frame_margins(window))
