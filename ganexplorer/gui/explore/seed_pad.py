"""A 2-D pad over a grid of seeds: dragging blends the four nearest seeds' w bilinearly.

The blend maths is ``core.render.blend.bilinear_blend``; this widget only draws and reports positions.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ganexplorer.core.render.blend import bilinear_blend

__all__ = ["SeedPad", "bilinear_blend"]   # bilinear_blend lives in core; old imports keep working


class SeedPad(QWidget):
    """Emits ``moved(blend)`` while the user drags; double-click snaps to the nearest seed."""

    moved = Signal(object)

    def __init__(self, columns: int = 4, rows: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns, self.rows, self.base = columns, rows, 0
        self.pos_xy = (0.0, 0.0)
        self.setMinimumSize(160, 160)
        self.setToolTip(self.tr("Drag to blend the w of the four nearest seeds"))

    def set_base(self, base: int) -> None:
        self.base = base
        self.update()

    def blend(self) -> tuple[tuple[int, float], ...]:
        return bilinear_blend(*self.pos_xy, self.base, self.columns)

    def _to_grid(self, p: QPointF) -> tuple[float, float]:
        m = 14
        w, h = max(1, self.width() - 2 * m), max(1, self.height() - 2 * m)
        x = min(max((p.x() - m) / w * (self.columns - 1), 0.0), self.columns - 1)
        y = min(max((p.y() - m) / h * (self.rows - 1), 0.0), self.rows - 1)
        return x, y

    def show_position(self, x: float, y: float) -> None:
        """Put the dot at (x, y) without reporting a move (a restored state already holds its blend)."""
        self.pos_xy = (min(max(x, 0.0), self.columns - 1), min(max(y, 0.0), self.rows - 1))
        self.update()

    def set_position(self, x: float, y: float) -> None:
        self.pos_xy = (min(max(x, 0.0), self.columns - 1), min(max(y, 0.0), self.rows - 1))
        self.update()
        self.moved.emit(self.blend())

    def mousePressEvent(self, e) -> None:  # noqa: N802
        self.set_position(*self._to_grid(e.position()))

    def mouseMoveEvent(self, e) -> None:  # noqa: N802
        if e.buttons() & Qt.MouseButton.LeftButton:
            self.set_position(*self._to_grid(e.position()))

    def mouseDoubleClickEvent(self, e) -> None:  # noqa: N802
        x, y = self._to_grid(e.position())
        self.set_position(round(x), round(y))

    def paintEvent(self, _) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        m = 14
        w, h = self.width() - 2 * m, self.height() - 2 * m
        p.setPen(QPen(self.palette().mid().color(), 1))
        for i in range(self.columns):
            for j in range(self.rows):
                cx, cy = m + w * i / (self.columns - 1), m + h * j / (self.rows - 1)
                p.drawEllipse(QPointF(cx, cy), 3, 3)
                label = str(self.base + i + self.columns * j)
                dx = 4 if i < self.columns - 1 else -4 - p.fontMetrics().horizontalAdvance(label)
                p.drawText(QPointF(cx + dx, cy - 4), label)
        x, y = self.pos_xy
        p.setBrush(QColor(220, 60, 60))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(QPointF(m + w * x / (self.columns - 1), m + h * y / (self.rows - 1)), 6, 6)
