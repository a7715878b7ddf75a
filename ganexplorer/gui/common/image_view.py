"""Shows a uint8 RGB picture with fit / 1:1 / 2x (nearest-neighbour) zoom."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QWidget


def qimage_from_rgb(rgb: np.ndarray) -> QImage:
    """Deep-copied QImage from an HxWx3 uint8 array (the array may be freed afterwards)."""
    rgb = np.ascontiguousarray(rgb)
    h, w, _ = rgb.shape
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


class ImageView(QScrollArea):
    """Zoom modes: 'fit' (scaled to the view, smooth), or a whole-number factor (nearest)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = QLabel()
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setWidget(self._label)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidgetResizable(True)
        self.setMinimumSize(256, 256)
        self._pixmap: QPixmap | None = None
        self.zoom: str | int = "fit"
        self.rgb: np.ndarray | None = None
        self._smooth = False

    def set_placeholder(self, text: str) -> None:
        self._pixmap, self.rgb = None, None
        self._label.setPixmap(QPixmap())
        self._label.setText(text)

    def set_image(self, rgb: np.ndarray, smooth: bool = False) -> None:
        """Show ``rgb``; ``smooth`` scales it with filtering even when small (a low-resolution preview
        is a stand-in for a larger picture, so a blur looks closer to it than big square pixels)."""
        self.rgb = rgb
        self._smooth = smooth
        self._pixmap = QPixmap.fromImage(qimage_from_rgb(rgb))
        self._label.setText("")
        self._refresh()

    def set_zoom(self, zoom: str | int) -> None:
        self.zoom = zoom
        self.setWidgetResizable(zoom == "fit")
        self._refresh()

    def image(self) -> QImage | None:
        return self._pixmap.toImage() if self._pixmap is not None else None

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if self.zoom == "fit":
            self._refresh()

    def _refresh(self) -> None:
        if self._pixmap is None:
            return
        if self.zoom == "fit":
            size = self.viewport().size()
            mode = (Qt.TransformationMode.FastTransformation
                    if self._pixmap.width() * 2 <= min(size.width(), size.height()) and not self._smooth
                    else Qt.TransformationMode.SmoothTransformation)
            pm = self._pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, mode)
        else:
            pm = self._pixmap.scaled(self._pixmap.size() * int(self.zoom), Qt.AspectRatioMode.KeepAspectRatio,
                                     Qt.TransformationMode.FastTransformation)
            self._label.resize(pm.size())
        self._label.setPixmap(pm)
