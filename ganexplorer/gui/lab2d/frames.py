"""Pictures of the plane for export: a labelled PNG (the plane as shown, with a caption) and the frames
of a GIF of the run (small NumPy drawings of recorded snapshots, so recording costs the run nothing)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QWidget

from ganexplorer.core.lab2d.plane import PlaneSnapshot
from ganexplorer.gui.common.export_dialog import rgb_from_qimage
from ganexplorer.gui.lab2d.plane_view import FAKE, REAL, heat_rgb

SIDE = 240


def labelled_picture(view: QWidget, caption: str) -> np.ndarray:
    """The widget as it looks with a caption (one line per '\\n') above it, as uint8 RGB."""
    shot = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    font = QFont(view.font())
    font.setPointSize(max(9, font.pointSize()))
    width = shot.width() - 12
    flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
    metrics = QFontMetrics(font)
    heights = [metrics.boundingRect(QRect(0, 0, width, 10_000), flags, text).height() + 4
               for text in caption.split("\n")]
    out = QImage(shot.width(), shot.height() + sum(heights) + 4, QImage.Format.Format_RGB888)
    out.fill(QColor("white"))
    p = QPainter(out)
    p.setFont(font)
    p.setPen(QColor("black"))
    top = 2
    for text, height in zip(caption.split("\n"), heights):     # long lines wrap: nothing is cut off
        p.drawText(QRect(6, top, width, height), flags, text)
        top += height
    p.drawImage(0, top + 2, shot)
    p.end()
    return rgb_from_qimage(out).copy()     # a copy while ``out`` lives: the array may alias its buffer


def frame(s: PlaneSnapshot, side: int = SIDE) -> np.ndarray:
    """One GIF frame: D's heat map with real (green) and generated (purple) samples, uint8 [side, side, 3]."""
    heat = heat_rgb(s.heat, contour=False).transpose(1, 0, 2)           # [y, x, 3], y up from -extent
    reps = int(np.ceil(side / heat.shape[0]))
    img = np.repeat(np.repeat(heat, reps, axis=0), reps, axis=1)[:side, :side].copy()
    for pts, colour, r in ((s.real, REAL, 1), (s.fake, FAKE, 1)):
        px = np.round((np.asarray(pts) / s.extent * 0.5 + 0.5) * (side - 1)).astype(int)
        ok = np.isfinite(pts).all(axis=1) & (px >= r).all(axis=1) & (px < side - r).all(axis=1)
        for dx in range(-r, r + 1):
            for dy in range(-r, r + 1):
                img[px[ok, 1] + dy, px[ok, 0] + dx] = colour
    return img[::-1].copy()       # rows from the top: y grows upwards
