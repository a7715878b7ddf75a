"""The mouse wheel scrolls a panel instead of changing whichever control passes under the cursor.

A control panel is a column of sliders, spin boxes and combo boxes in a scroll area: scrolling it
with the wheel used to change every control that slid under the pointer. One application-wide
event filter fixes that for every tab at once: a wheel event over a slider, spin box or combo box
that does not have the keyboard focus goes to the scroll area around it (or nowhere, when there is
none); once the user has clicked the control (or tabbed to it) the wheel changes it as before.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (QAbstractScrollArea, QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox,
                               QScrollBar, QWidget)

GUARDED = (QAbstractSlider, QAbstractSpinBox, QComboBox)


class WheelGuard(QObject):
    """Installed once on the QApplication (:func:`install_wheel_guard`)."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(obj, GUARDED) and not isinstance(obj, QScrollBar):
            # Qt gives WheelFocus widgets the focus when the wheel turns over them; only a click or Tab may.
            if obj.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                obj.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and isinstance(obj, GUARDED) and not isinstance(obj, QScrollBar):
            if not obj.hasFocus():
                area = _scroll_area(obj)
                if area is not None:
                    bar = area.verticalScrollBar()
                    QApplication.sendEvent(bar if bar.maximum() > bar.minimum() else area.horizontalScrollBar(), event)
                return True
        return False


def _scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scroll area holding ``widget`` (a combo box's own list is not one)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, GUARDED):
            return parent
        parent = parent.parentWidget()
    return None


_guard: WheelGuard | None = None


def install_wheel_guard(app: QApplication | None = None) -> WheelGuard:
    """Install the guard on the application (idempotent; the window calls it, so tests get it too)."""
    global _guard
    app = app or QApplication.instance()
    if _guard is None:
        _guard = WheelGuard()
        app.installEventFilter(_guard)
    return _guard
