"""Small reusable controls: a float slider with a value label, a seed box with prev/next/random, a field row."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QSpinBox, QToolButton, QWidget

from ganexplorer.app.explorer_state import MAX_SEED  # the state refuses seeds beyond it


class FloatSlider(QWidget):
    """A horizontal slider over [lo, hi] in steps of ``step``, showing its value."""

    valueChanged = Signal(float)

    def __init__(self, lo: float, hi: float, step: float, value: float, fmt: str = "{:.2f}",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lo, self.step, self.fmt, self.default = lo, step, fmt, value
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, round((hi - lo) / step))
        self.slider.setPageStep(max(1, self.slider.maximum() // 20))
        self.label = QLabel()
        self.label.setMinimumWidth(44)
        self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.label)
        self.slider.valueChanged.connect(self._changed)
        self.setValue(value)
        self._changed(self.slider.value())

    def value(self) -> float:
        return round(self.lo + self.slider.value() * self.step, 6)

    def setValue(self, v: float) -> None:  # noqa: N802 (Qt naming)
        self.slider.setValue(round((v - self.lo) / self.step))

    def reset(self) -> None:
        self.setValue(self.default)

    def _changed(self, _: int) -> None:
        self.label.setText(self.fmt.format(self.value()))
        self.valueChanged.emit(self.value())


class SeedBox(QWidget):
    """Seed spin box with previous / next / random buttons."""

    valueChanged = Signal(int)

    def __init__(self, value: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spin = QSpinBox()
        self.spin.setRange(0, MAX_SEED)
        self.spin.setValue(value)
        self.spin.setKeyboardTracking(False)
        self.prev_btn, self.next_btn, self.rand_btn = QToolButton(), QToolButton(), QToolButton()
        self.prev_btn.setArrowType(Qt.ArrowType.LeftArrow)
        self.next_btn.setArrowType(Qt.ArrowType.RightArrow)
        self.rand_btn.setText("\u2684")  # die face
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.prev_btn)
        lay.addWidget(self.spin, 1)
        lay.addWidget(self.next_btn)
        lay.addWidget(self.rand_btn)
        self.spin.valueChanged.connect(self.valueChanged)
        self.prev_btn.clicked.connect(lambda: self.spin.setValue(max(0, self.spin.value() - 1)))
        self.next_btn.clicked.connect(lambda: self.spin.setValue(min(MAX_SEED, self.spin.value() + 1)))
        self.rand_btn.clicked.connect(lambda: self.spin.setValue(random.randint(0, 99_999)))

    def value(self) -> int:
        return self.spin.value()

    def setValue(self, v: int) -> None:  # noqa: N802
        self.spin.setValue(v)


def field_row(field: QWidget, *buttons: QWidget) -> QWidget:
    """A field that takes the spare width, followed by its buttons (e.g. a path and Browse…), as one form row."""
    row = QWidget()
    h = QHBoxLayout(row)
    h.setContentsMargins(0, 0, 0, 0)
    h.addWidget(field, 1)
    for b in buttons:
        h.addWidget(b)
    return row
