"""The 2-D lab's plane: D's score as a heat map with its 0.5 contour, real and generated samples,
the pull on each generated sample, G's image of a z-grid, and the user's own drawn points.

It only draws what a :class:`~ganexplorer.core.lab2d.plane.PlaneSnapshot` holds. In drawing mode a
click adds a point and a drag paints a trail of them (``points_drawn`` says how many there are).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal

from ganexplorer.core.lab2d.plane import PlaneSnapshot

REAL, FAKE, DRAWN = (46, 160, 67), (142, 68, 173), (230, 126, 34)
LOW, HIGH = np.array([196, 160, 230], np.float32), np.array([160, 222, 172], np.float32)   # D: fake / real
UPSAMPLE = 4


def _upsample(h: np.ndarray, f: int) -> np.ndarray:
    """Bilinear enlargement of a square grid by f (so the 0.5 line is thin and smooth, not a staircase)."""
    n = h.shape[0]
    x = np.clip((np.arange(n * f) + 0.5) / f - 0.5, 0, n - 1)
    i0 = np.floor(x).astype(int)
    i1 = np.minimum(i0 + 1, n - 1)
    w = (x - i0).astype(np.float32)
    rows = h[i0] * (1 - w)[:, None] + h[i1] * w[:, None]
    return rows[:, i0] * (1 - w)[None, :] + rows[:, i1] * w[None, :]


def heat_rgb(heat: np.ndarray, contour: bool = True) -> np.ndarray:
    """D's score [h, w] in [0, 1] -> uint8 RGB [4w, 4h, 3] for ImageItem (x-major): purple where D says
    'generated', green where it says 'real', white at 0.5; with ``contour``, the 0.5 line in dark grey
    (pixels whose neighbour lies on the other side: far cheaper than an isocurve item)."""
    h = _upsample(np.clip(np.nan_to_num(heat, nan=0.5), 0, 1).astype(np.float32), UPSAMPLE)
    t = h[..., None]
    white = np.float32(255.0)
    lo = white + (LOW - white) * np.clip(1 - 2 * t, 0, 1) * 1.5
    hi = white + (HIGH - white) * np.clip(2 * t - 1, 0, 1) * 1.5
    rgb = np.clip(np.where(t < 0.5, lo, hi), 0, 255).astype(np.uint8)
    if contour:
        side = h >= 0.5
        edge = np.zeros_like(side)
        edge[1:] |= side[1:] != side[:-1]
        edge[:, 1:] |= side[:, 1:] != side[:, :-1]
        rgb[edge] = (60, 60, 60)
    return rgb.transpose(1, 0, 2)


class DrawBox(pg.ViewBox):
    """A ViewBox that, while ``drawing``, turns clicks and drags into points instead of panning."""

    painted = Signal(object)    # [k, 2] points in plane coordinates

    def __init__(self) -> None:
        super().__init__()
        self.drawing = False

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 - Qt's name
        if self.drawing and ev.button() == Qt.MouseButton.LeftButton:
            p = self.mapSceneToView(ev.scenePos())
            self.painted.emit(np.array([[p.x(), p.y()]]))
            ev.accept()
            return
        super().mouseClickEvent(ev)

    def mouseDragEvent(self, ev, axis=None) -> None:  # noqa: N802 - Qt's name
        if self.drawing and ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            a, b = self.mapSceneToView(ev.lastScenePos()), self.mapSceneToView(ev.scenePos())
            start, end = np.array([[a.x(), a.y()]]), np.array([[b.x(), b.y()]])
            # Mouse moves arrive at most ~60 times a second: fill the gap so a fast stroke is as dense as a slow one.
            spacing = 0.01 * self.viewRange()[0][1] - 0.01 * self.viewRange()[0][0]
            k = int(np.clip(np.ceil(np.linalg.norm(end - start) / max(spacing, 1e-9)), 1, 200))
            t = np.arange(1, k + 1)[:, None] / k
            self.painted.emit(start * (1 - t) + end * t)
            return
        super().mouseDragEvent(ev, axis)


class PlaneView(pg.PlotWidget):
    """The plane. ``show_snapshot`` redraws it; the layers can be switched on and off."""

    points_drawn = Signal(int)

    def __init__(self, parent=None) -> None:
        self.box = DrawBox()
        super().__init__(parent, viewBox=self.box)
        self.setAspectLocked(True)
        self.setBackground("w")
        self.setMenuEnabled(False)
        self.hideButtons()
        self.heat = pg.ImageItem(axisOrder="col-major")
        self.addItem(self.heat)
        self.zgrid = pg.PlotDataItem(pen=pg.mkPen((120, 120, 120, 160), width=1), connect="finite")
        self.addItem(self.zgrid)
        self.real = pg.ScatterPlotItem(size=4, pen=None, brush=pg.mkBrush(*REAL, 170))
        self.fake = pg.ScatterPlotItem(size=5, pen=None, brush=pg.mkBrush(*FAKE, 200))
        self.arrows = pg.PlotDataItem(pen=pg.mkPen((40, 40, 40), width=1.5), connect="pairs")
        self.drawn = pg.ScatterPlotItem(size=6, pen=None, brush=pg.mkBrush(*DRAWN, 230))
        for item in (self.real, self.fake, self.arrows, self.drawn):
            self.addItem(item)
        self.drawn_points = np.zeros((0, 2))
        self.box.painted.connect(self._add_points)
        self.snapshot: PlaneSnapshot | None = None
        self._real_shown: np.ndarray | None = None
        self.layers = {"heat": True, "real": True, "fake": True, "arrows": True, "zgrid": False}
        self.set_extent(3.0)

    def set_extent(self, extent: float) -> None:
        self.setRange(xRange=(-extent, extent), yRange=(-extent, extent), padding=0.02)

    # -- drawing ------------------------------------------------------------------------------------
    def set_drawing(self, on: bool) -> None:
        self.box.drawing = bool(on)
        self.box.setMouseEnabled(not on, not on)

    def _add_points(self, pts: np.ndarray) -> None:
        self.set_drawn(np.concatenate([self.drawn_points, pts]))

    def set_drawn(self, pts: np.ndarray) -> None:
        self.drawn_points = np.asarray(pts, dtype=np.float64).reshape(-1, 2)
        self.drawn.setData(pos=self.drawn_points)
        self.points_drawn.emit(len(self.drawn_points))

    # -- showing ------------------------------------------------------------------------------------
    def set_layer(self, name: str, on: bool) -> None:
        self.layers[name] = bool(on)
        item = {"heat": self.heat, "real": self.real, "fake": self.fake, "arrows": self.arrows,
                "zgrid": self.zgrid}[name]
        item.setVisible(bool(on))

    def clear_run(self) -> None:
        self.snapshot = None
        for item in (self.real, self.fake):
            item.setData(pos=np.zeros((0, 2)))
        self.arrows.setData([], [])
        self.zgrid.setData([], [])
        self.heat.clear()

    def show_snapshot(self, s: PlaneSnapshot) -> None:
        first = self.snapshot is None or self.snapshot.extent != s.extent
        self.snapshot = s
        e = s.extent
        self.heat.setImage(heat_rgb(s.heat), autoLevels=False)
        self.heat.setRect(-e, -e, 2 * e, 2 * e)
        if first or s.real is not self._real_shown:     # the same 500 real dots all run long
            self.real.setData(pos=s.real)
            self._real_shown = s.real
        self.fake.setData(pos=s.fake)
        ends = np.empty((2 * len(s.arrow_from), 2), np.float32)
        ends[0::2] = s.arrow_from
        ends[1::2] = s.arrow_from + s.arrow_dir
        self.arrows.setData(ends[:, 0], ends[:, 1])
        lines = np.concatenate([s.zgrid, np.full((len(s.zgrid), 1, 2), np.nan, np.float32)], axis=1).reshape(-1, 2)
        self.zgrid.setData(lines[:, 0], lines[:, 1])
        if first:
            self.set_extent(e)

    def set_presentation(self, on: bool) -> None:
        self.real.setSize(7 if on else 4)
        self.fake.setSize(8 if on else 5)
        self.arrows.setPen(pg.mkPen((40, 40, 40), width=2.5 if on else 1.5))
