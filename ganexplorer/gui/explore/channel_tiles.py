"""The Layers view's picture: a grid of feature-map tiles, each marked with its channel number; a click on a
tile switches that channel off (or back on).

It shows what ``core.render.views.feature_maps`` tiled (``cols`` per row, 1 px between tiles) scaled to fit,
and says which channel a click meant through ``toggled(channel)``; the panel turns that into an edit of the
controller's switch-offs. No maths beyond the tile geometry.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from ganexplorer.gui.common.image_view import qimage_from_rgb

PAD = 1   # pixels between tiles, as feature_maps tiles them


class ChannelTiles(QWidget):
    """Feature-map tiles with channel numbers; ``toggled(channel)`` when a tile is clicked."""

    toggled = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(256, 256)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.rgb: np.ndarray | None = None
        self.channels: list[int] = []        # the channel number of each tile, in tile order
        self.off: set[int] = set()
        self.zoom: str | int = "fit"
        self._pixmap: QPixmap | None = None
        self._placeholder = ""
        self._cols = 1

    # -- what ImageView offers (the panel treats every view alike) ----------------------------------
    def set_placeholder(self, text: str) -> None:
        self._pixmap, self.rgb, self.channels, self._placeholder = None, None, [], text
        self.update()

    def set_zoom(self, zoom: str | int) -> None:
        self.zoom = zoom   # the tiles always fit the view: a click must land on a whole tile

    def set_image(self, rgb: np.ndarray, smooth: bool = False) -> None:
        self.set_tiles(rgb, list(range(len(self.channels))) if self.channels else [0])

    def set_tiles(self, rgb: np.ndarray, channels: list[int], off: set[int] | None = None) -> None:
        """Show ``rgb`` (``len(channels)`` tiles, as feature_maps laid them out) numbered ``channels``."""
        self.rgb = rgb
        self.channels = list(channels)
        self.off = set(off or ())
        self._cols = max(1, math.ceil(math.sqrt(max(1, len(self.channels)))))
        self._pixmap = QPixmap.fromImage(qimage_from_rgb(rgb))
        self.setToolTip(self.tr("Click a tile to switch its channel off; click again to switch it back on"))
        self.update()

    # -- geometry ------------------------------------------------------------------------------------
    def _target(self) -> QRectF:
        """Where the picture is drawn: scaled to fit, centred."""
        if self._pixmap is None:
            return QRectF()
        pw, ph = self._pixmap.width(), self._pixmap.height()
        scale = min(self.width() / pw, self.height() / ph)
        w, h = pw * scale, ph * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def _tile_rect(self, k: int) -> QRectF:
        """Tile ``k``'s rectangle on screen."""
        t, rows = self._target(), math.ceil(len(self.channels) / self._cols)
        pw, ph = self._pixmap.width(), self._pixmap.height()
        tw, th = (pw - (self._cols - 1) * PAD) / self._cols, (ph - (rows - 1) * PAD) / rows
        sx, sy = t.width() / pw, t.height() / ph
        r, c = divmod(k, self._cols)
        return QRectF(t.x() + c * (tw + PAD) * sx, t.y() + r * (th + PAD) * sy, tw * sx, th * sy)

    def tile_at(self, p: QPointF) -> int | None:
        """The index of the tile under ``p`` (None between tiles or outside the picture)."""
        for k in range(len(self.channels)):
            if self._tile_rect(k).contains(p):
                return k
        return None

    # -- Qt ------------------------------------------------------------------------------------------
    def mousePressEvent(self, e) -> None:  # noqa: N802 (Qt naming)
        if e.button() == Qt.MouseButton.LeftButton and self._pixmap is not None:
            k = self.tile_at(e.position())
            if k is not None:
                self.toggled.emit(self.channels[k])
                return
        super().mousePressEvent(e)

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt naming)
        p = QPainter(self)
        if self._pixmap is None:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._placeholder)
            return
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        p.drawPixmap(self._target(), self._pixmap, QRectF(self._pixmap.rect()))
        font = QFont(self.font())
        side = self._tile_rect(0).height() if self.channels else 0
        font.setPixelSize(max(9, min(18, int(side / 5))))
        font.setBold(True)
        p.setFont(font)
        for k, ch in enumerate(self.channels):
            r = self._tile_rect(k)
            label = str(ch)
            box = QRectF(r.x() + 2, r.y() + 2, p.fontMetrics().horizontalAdvance(label) + 6,
                         p.fontMetrics().height() + 2)
            p.fillRect(box, QColor(176, 58, 46) if ch in self.off else QColor(0, 0, 0, 170))
            p.setPen(QColor("white"))
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        p.end()
