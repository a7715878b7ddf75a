"""A procedural dataset whose factors of variation are known by construction: ``builtin:shapes``.

The built-in digits are 8x8 scans blown up, so a StyleGAN2 trained on them has nothing for its
noise inputs or its fine layers to do. These 64x64 RGB pictures are drawn so that each band of a
StyleGAN2 has a job a lecture can point at (the StyleGAN paper's grouping by resolution):

- **coarse** (4²–8²): which shape (circle, square, triangle, cross), where it sits, its size and
  rotation, and the background's overall tint;
- **middle** (16²–32²): the fill colour and the outline's thickness and colour;
- **fine** (64²): stochastic detail with no global structure — speckles inside the shape and thin
  strands in the background, placed at random. The network can only make these with its per-pixel
  noise inputs, so "noise" and "fine styles" have something visible to change.

The pictures are made from a seed on the fly (about a second for 8,000), so nothing is shipped and
every copy of the app makes the same set. The labels are the shape kinds.
"""

from __future__ import annotations

import numpy as np
import torch

from ganexplorer.core.data.base import ImageDataset

SHAPES = ("circle", "square", "triangle", "cross")
RESOLUTION = 64
DEFAULT_COUNT = 8000
SHAPES_ATTRIBUTION = "procedural shapes drawn by ganexplorer (no third-party data)"


def _hsv_to_rgb(h: np.ndarray, s: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Vectorised HSV -> RGB for arrays of shape [N]; returns [N, 3] in [0, 1]."""
    i = np.floor(h * 6).astype(np.int64) % 6
    f = h * 6 - np.floor(h * 6)
    p, q, t = v * (1 - s), v * (1 - f * s), v * (1 - (1 - f) * s)
    table = np.stack([np.stack(c, axis=-1) for c in
                      ((v, t, p), (q, v, p), (p, v, t), (p, q, v), (t, p, v), (v, p, q))])  # [6, N, 3]
    return table[i, np.arange(len(h))]


def _shape_distance(kind: np.ndarray, x: np.ndarray, y: np.ndarray, r: np.ndarray) -> np.ndarray:
    """Signed distance (pixels, < 0 inside) of each pixel to each image's shape, in its own frame.

    ``x``, ``y``: [N, H, W] pixel offsets from the shape's centre, already rotated; ``r``: [N, 1, 1].
    """
    circle = np.hypot(x, y) - r
    square = np.maximum(np.abs(x), np.abs(y)) - 0.8 * r
    # equilateral triangle: the largest of three half-plane distances (normals 120° apart)
    tri = np.max(np.stack([x * np.cos(a) + y * np.sin(a) for a in (np.pi / 2, np.pi / 2 + 2 * np.pi / 3,
                                                                    np.pi / 2 + 4 * np.pi / 3)]), axis=0) - 0.5 * r
    arm = 0.3 * r
    cross = np.minimum(np.maximum(np.abs(x) - r, np.abs(y) - arm), np.maximum(np.abs(x) - arm, np.abs(y) - r))
    k = kind[:, None, None]
    return np.where(k == 0, circle, np.where(k == 1, square, np.where(k == 2, tri, cross)))


def _strands(ends: np.ndarray, res: int) -> np.ndarray:
    """Thin faint lines: each image's segments ``ends`` [N, K, 4] (x0, y0, x1, y1) splatted as [N, res, res].

    Points every half pixel along each segment are spread bilinearly onto the pixel grid, which is far
    cheaper than a distance field and looks the same at this size.
    """
    n, k, _ = ends.shape
    t = np.linspace(0, 1, 64, dtype=np.float32)
    xs = ends[..., 0:1] + (ends[..., 2:3] - ends[..., 0:1]) * t - 0.5   # [N, K, 64], pixel-centre coordinates
    ys = ends[..., 1:2] + (ends[..., 3:4] - ends[..., 1:2]) * t - 0.5
    x0, y0 = np.floor(xs), np.floor(ys)
    fx, fy = xs - x0, ys - y0
    out = np.zeros((n, res * res), np.float32)
    img = np.broadcast_to(np.arange(n)[:, None, None], xs.shape)
    for dx, dy, wgt in ((0, 0, (1 - fx) * (1 - fy)), (1, 0, fx * (1 - fy)), (0, 1, (1 - fx) * fy), (1, 1, fx * fy)):
        px, py = x0 + dx, y0 + dy
        ok = (px >= 0) & (px < res) & (py >= 0) & (py < res)
        np.add.at(out, (img[ok], (py[ok] * res + px[ok]).astype(np.int64)), wgt[ok])
    return np.minimum(out * 0.25, 1.0).reshape(n, res, res)  # ~4 points per pixel of line -> full strength


def draw_shapes(count: int, seed: int = 0, resolution: int = RESOLUTION) -> tuple[np.ndarray, np.ndarray]:
    """``count`` pictures as uint8 [N, 3, R, R] and their shape labels [N] (int64), reproducible from ``seed``."""
    rng = np.random.default_rng(seed)
    n, res = count, resolution
    s = res / 64  # all sizes below are for 64², scaled
    f32 = np.float32
    kind = rng.integers(0, len(SHAPES), n)
    cx: np.ndarray
    cy: np.ndarray
    cx, cy = (res / 2 + rng.uniform(-10, 10, (2, n)) * s)
    radius: np.ndarray = rng.uniform(11, 19, n) * s
    angle: np.ndarray = rng.uniform(0, 2 * np.pi, n)
    fill = _hsv_to_rgb(rng.uniform(0, 1, n), rng.uniform(0.55, 1.0, n), rng.uniform(0.75, 1.0, n))
    outline = _hsv_to_rgb(rng.uniform(0, 1, n), rng.uniform(0.0, 0.6, n), rng.uniform(0.85, 1.0, n))
    thickness: np.ndarray = rng.choice([0.0, 1.0, 2.0, 3.5], n) * s
    tint = _hsv_to_rgb(rng.uniform(0, 1, n), rng.uniform(0.3, 0.7, n), rng.uniform(0.12, 0.3, n))
    speckle_density = rng.uniform(0.04, 0.22, n)
    strands = rng.integers(3, 9, n)
    cx, cy, radius, angle, thickness = (v.astype(f32) for v in (cx, cy, radius, angle, thickness))
    fill, outline, tint = fill.astype(f32), outline.astype(f32), tint.astype(f32)

    out = np.empty((n, 3, res, res), np.uint8)
    labels = kind.astype(np.int64)
    grid = np.arange(res, dtype=np.float32) + 0.5
    py, px = np.meshgrid(grid, grid, indexing="ij")
    chunk = 256
    for a in range(0, n, chunk):
        b = min(n, a + chunk)
        m = b - a
        X = px[None] - cx[a:b, None, None]
        Y = py[None] - cy[a:b, None, None]
        c, si = np.cos(-angle[a:b])[:, None, None], np.sin(-angle[a:b])[:, None, None]
        d = _shape_distance(kind[a:b], X * c - Y * si, X * si + Y * c, radius[a:b, None, None])
        inside = np.clip(0.5 - d, 0, 1)                                                   # anti-aliased fill
        ring = np.clip(0.5 + thickness[a:b, None, None] / 2 - np.abs(d), 0, 1) * (thickness[a:b, None, None] > 0)
        # background: the tint, a gentle vertical gradient, and faint thin strands at random
        shade = 0.8 + 0.4 * (py[None] / res)
        bg = tint[a:b, :, None, None] * shade[:, None]
        ends = rng.uniform(0, res, (m, 9, 4)).astype(f32)
        ends[:, :, 2:] = ends[:, :, :2] + rng.normal(0, 9 * s, (m, 9, 2))
        keep = np.arange(9)[None, :] < strands[a:b, None]
        ends[~keep] = -1e4  # unused segments: off the picture, splatted nowhere
        strand = _strands(ends, res) * 0.35
        bg = bg + strand[:, None] * np.array([0.9, 0.9, 0.8], f32)[None, :, None, None]
        # speckles: random single pixels inside the shape, darker or lighter than the fill
        dots = rng.random((m, res, res), dtype=f32) < speckle_density[a:b, None, None]
        sign = np.where(rng.random((m, res, res), dtype=f32) < 0.5, f32(-0.45), f32(0.35))
        body = fill[a:b, :, None, None] * (1 + (dots * sign)[:, None])
        img = bg * (1 - inside[:, None]) + body * inside[:, None]
        img = img * (1 - ring[:, None]) + outline[a:b, :, None, None] * ring[:, None]
        out[a:b] = (np.clip(img, 0, 1) * 255).round().astype(np.uint8)
    return out, labels


def load_shapes(count: int = DEFAULT_COUNT, seed: int = 0) -> ImageDataset:
    """The ``builtin:shapes`` dataset (64x64 RGB, labels = shape kind)."""
    images, labels = draw_shapes(count, seed)
    return ImageDataset("builtin:shapes", torch.from_numpy(images), torch.from_numpy(labels), SHAPES,
                        SHAPES_ATTRIBUTION)
