"""The seed grid's blend: a position between grid points is the bilinear blend of its four neighbours.

Grid point (i, j) holds seed ``base + i + columns * j`` (as in StyleGAN's interactive visualizer);
the result is a ``RenderRequest.w_blend``.
"""

from __future__ import annotations

import math


def bilinear_blend(x: float, y: float, base: int, columns: int) -> tuple[tuple[int, float], ...]:
    """((seed, weight), ...) for pad position (x, y) in grid units; zero weights dropped."""
    x0, y0 = math.floor(x), math.floor(y)
    fx, fy = x - x0, y - y0
    out = []
    for dx, dy, w in ((0, 0, (1 - fx) * (1 - fy)), (1, 0, fx * (1 - fy)), (0, 1, (1 - fx) * fy), (1, 1, fx * fy)):
        if w > 1e-9:
            out.append((base + (x0 + dx) + columns * (y0 + dy), w))
    return tuple(out)


def blend_position(blend: tuple[tuple[int, float], ...], base: int, columns: int) -> tuple[float, float] | None:
    """Where on the pad ``blend`` was made (the inverse of :func:`bilinear_blend`): the weighted mean of its
    seeds' grid points. ``None`` when it is no blend of this grid (a seed before ``base``, no weight)."""
    total = sum(w for _, w in blend)
    if not blend or total <= 0 or any(seed < base for seed, _ in blend):
        return None
    x = sum(w * ((seed - base) % columns) for seed, w in blend) / total
    y = sum(w * ((seed - base) // columns) for seed, w in blend) / total
    return x, y
