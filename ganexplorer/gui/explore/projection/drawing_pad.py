"""A square pad to draw on with the mouse: white strokes on black, as the digits were written.

Letting go of the mouse hands the drawing over (``drawn``), so a class can draw a digit and
watch the generator look for the nearest one it can make.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

PAD_SIDE = 224


class DrawingPad(QWidget):
    """``drawn(np.ndarray)``: uint8 [PAD_SIDE, PAD_SIDE] grey, sent when a stroke ends."""

    drawn = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(PAD_SIDE, PAD_SIDE)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Draw with the mouse; let go to project the drawing"))
        self.canvas = QImage(PAD_SIDE, PAD_SIDE, QImage.Format.Format_Grayscale8)
        self.canvas.fill(QColor(0, 0, 0))
        self._last: QPointF | None = None
        self.pen_width = PAD_SIDE // 11   # a digit's stroke is about a tenth of its box

    def clear(self) -> None:
        self.canvas.fill(QColor(0, 0, 0))
        self.update()

    def pixels(self) -> np.ndarray:
        """The drawing as uint8 [H, W] (a copy)."""
        ptr = self.canvas.constBits()
        row = self.canvas.bytesPerLine()
        a = np.frombuffer(ptr, np.uint8, count=row * PAD_SIDE).reshape(PAD_SIDE, row)
        return a[:, :PAD_SIDE].copy()

    def _stroke(self, to: QPointF) -> None:
        p = QPainter(self.canvas)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(255, 255, 255), self.pen_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                      Qt.PenJoinStyle.RoundJoin))
        p.drawLine(self._last if self._last is not None else to, to)
        p.end()
        self._last = to
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self._last = None
            self._stroke(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._stroke(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self._last is not None:
            self._stroke(event.position())
            self._last = None
            self.drawn.emit(self.pixels())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.drawImage(0, 0, self.canvas)
        p.end()
