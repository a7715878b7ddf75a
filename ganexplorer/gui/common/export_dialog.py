"""The Save image dialog: a file name and an export size, so small models' pictures fit a slide.

Pictures from small models (16² to 64²) are tiny on a projector; the dialog offers whole-factor
nearest-neighbour enlargement (``core.render.images.upscale_nearest``), crisp pixels instead of blur,
and shows the size that will be written before the user clicks Save.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel,
                               QLineEdit, QPushButton, QWidget)

from ganexplorer.gui.common.widgets import field_row

SIZES = (0, 512, 1024, 2048)   # shorter side at least this many pixels; 0 = as shown
DEFAULT_MIN_SIDE = 512


def export_shape(shape: tuple[int, int], min_side: int) -> tuple[int, int]:
    """(height, width) that ``upscale_nearest(picture, min_side)`` will produce (same whole factor)."""
    h, w = shape
    if min_side <= 0 or min(h, w) >= min_side:
        return h, w
    k = -(-min_side // max(1, min(h, w)))
    return h * k, w * k


def rgb_from_qimage(image: QImage) -> np.ndarray:
    """HxWx3 uint8 copy of a QImage (for panels that are saved as a picture of the widget)."""
    img = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w, stride = img.height(), img.width(), img.bytesPerLine()
    buf = np.frombuffer(img.constBits(), np.uint8, count=h * stride).reshape(h, stride)
    return buf[:, : w * 3].reshape(h, w, 3).copy()   # always a copy: when stride == 3w a view would outlive the QImage


class ExportDialog(QDialog):
    """File name (typed or browsed) + size choice; ``accepted`` when the user clicks Save."""

    def __init__(self, parent: QWidget | None, path: str, shape: tuple[int, int], min_side: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save image"))
        self.shape = shape
        self.path_edit = QLineEdit(path)
        self.path_edit.setMinimumWidth(360)
        browse = QPushButton(self.tr("Browse\u2026"))
        browse.clicked.connect(self._browse)
        row = field_row(self.path_edit, browse)
        self.size_combo = QComboBox()
        for side in SIZES:
            text = self.tr("As shown") if side == 0 else self.tr("Shorter side at least {0} px").format(side)
            self.size_combo.addItem(text, side)
        self.size_combo.setCurrentIndex(max(0, self.size_combo.findData(min_side)))
        self.size_combo.setToolTip(self.tr(
            "Small pictures are enlarged by a whole factor, each pixel becoming a crisp square (no blur)"))
        self.size_combo.currentIndexChanged.connect(self._update_result)
        self.result_label = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Size"), self.size_combo)
        form.addRow("", self.result_label)
        form.addRow(self.buttons)
        self._update_result()

    def min_side(self) -> int:
        return int(self.size_combo.currentData())

    def path(self) -> str:
        """The typed file name; ``.png`` is added when it has no picture suffix."""
        text = self.path_edit.text().strip()
        if text and not Path(text).suffix:
            text += ".png"
        return text

    def _update_result(self, *_: object) -> None:
        h, w = export_shape(self.shape, self.min_side())
        self.result_label.setText(self.tr("{0} \u00d7 {1} px").format(w, h))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save image"), self.path_edit.text(),
                                              self.tr("PNG images (*.png);;JPEG images (*.jpg)"))
        if path:
            self.path_edit.setText(path)
