"""A clickable picture tile that shows its label: unmarked, "has it" (green) or "hasn't" (red)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from ganexplorer.gui.common.image_view import qimage_from_rgb

UNMARKED, HAS, HASNT = None, 1, 0
_BORDER = {UNMARKED: "#9e9e9e", HAS: "#2e7d32", HASNT: "#c62828"}


class SampleTile(QLabel):
    """One generated picture; a click cycles unmarked -> has it -> hasn't -> unmarked."""

    clicked = Signal(int)

    def __init__(self, index: int, side: int = 128, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index, self.side = index, side
        self.label: int | None = UNMARKED
        self.current = False
        self.setFixedSize(side + 12, side + 12)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._style()

    def set_picture(self, rgb: np.ndarray) -> None:
        pix = QPixmap.fromImage(qimage_from_rgb(rgb))
        self.setPixmap(pix.scaled(self.side, self.side, Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.FastTransformation))

    def set_label(self, label: int | None) -> None:
        self.label = label
        self._style()

    def set_current(self, on: bool) -> None:
        self.current = on
        self._style()

    def _style(self) -> None:
        width = 6 if self.label is not UNMARKED else 2
        outline = "outline: 2px dashed #1565c0;" if self.current else ""
        self.setStyleSheet(f"QLabel {{ border: {width}px solid {_BORDER[self.label]}; {outline} }}")

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.index)
        super().mousePressEvent(event)


class TileGrid(QWidget):
    """The tiles in a grid that also takes the keyboard: arrows/Home/End move, 1/H = has it, 0/N = hasn't, Space clears."""

    marked = Signal(int, object)   # (tile index, label or None)

    def __init__(self, cols: int, rows: int, side: int = 128, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QGridLayout

        super().__init__(parent)
        self.cols, self.rows = cols, rows
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        grid = QGridLayout(self)
        grid.setSpacing(4)
        self.tiles = [SampleTile(i, side) for i in range(cols * rows)]
        for t in self.tiles:
            grid.addWidget(t, t.index // cols, t.index % cols)
            t.clicked.connect(self._clicked)
        self.current = 0
        self.tiles[0].set_current(True)

    def _clicked(self, index: int) -> None:
        self.setFocus()
        self._move_to(index)
        nxt = {UNMARKED: HAS, HAS: HASNT, HASNT: UNMARKED}[self.tiles[index].label]
        self.marked.emit(index, nxt)

    def _move_to(self, index: int) -> None:
        self.tiles[self.current].set_current(False)
        self.current = index % len(self.tiles)
        self.tiles[self.current].set_current(True)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -self.cols, Qt.Key.Key_Down: self.cols}
        marks = {Qt.Key.Key_1: HAS, Qt.Key.Key_H: HAS, Qt.Key.Key_Y: HAS, Qt.Key.Key_0: HASNT, Qt.Key.Key_N: HASNT,
                 Qt.Key.Key_Space: UNMARKED, Qt.Key.Key_Backspace: UNMARKED, Qt.Key.Key_Delete: UNMARKED}
        if key in step:
            self._move_to(self.current + step[key])
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self._move_to(0 if key == Qt.Key.Key_Home else len(self.tiles) - 1)
        elif key in marks:
            self.marked.emit(self.current, marks[key])
            if marks[key] is not UNMARKED and self.current + 1 < len(self.tiles):
                self._move_to(self.current + 1)   # label the next one straight away
        else:
            super().keyPressEvent(event)
