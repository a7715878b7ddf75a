"""What the 2-D lab's plane shows at one moment, computed from a run (no drawing here).

D's score over a grid of the plane (in [0, 1], 0.5 = cannot tell), real and generated samples,
the direction G's loss pulls each shown generated sample (minus the gradient of G's loss with
respect to the sample), and the image under G of a grid of lines in z-space (GAN Lab's manifold
view; with more than two noise dimensions, the others are 0).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ganexplorer.core.lab2d import losses
from ganexplorer.core.lab2d.lab import Lab2D
from ganexplorer.core.lab2d.nets import DTYPE

RESOLUTION = 48
SHOWN = 500
ARROWS = 80
Z_LINES = 11
Z_POINTS = 41


@dataclass(frozen=True)
class PlaneSnapshot:
    step: int
    extent: float             # the plane shows [-extent, extent]^2
    heat: np.ndarray          # [RESOLUTION, RESOLUTION] D's score, rows = y from -extent, columns = x
    real: np.ndarray          # [n, 2]
    fake: np.ndarray          # [n, 2]
    arrow_from: np.ndarray    # [k, 2] generated samples
    arrow_dir: np.ndarray     # [k, 2] unit-free pull on each, scaled to the plane
    zgrid: np.ndarray         # [lines, points, 2] G's image of a z-grid
    d_updates: int = 0        # D updates done


def grid_points(extent: float, resolution: int = RESOLUTION) -> np.ndarray:
    """The centres of a resolution x resolution grid over [-extent, extent]^2, row-major from (-e, -e)."""
    edges = np.linspace(-extent, extent, resolution + 1)
    c = 0.5 * (edges[1:] + edges[:-1])
    xx, yy = np.meshgrid(c, c)
    return np.stack([xx.ravel(), yy.ravel()], axis=1).astype(DTYPE)


def snapshot(lab: Lab2D, real: np.ndarray | None = None, zgrid: bool = True) -> PlaneSnapshot:
    """The plane as it is now; ``real`` are the real samples to show (the same 500 each time if None);
    without ``zgrid`` the z-grid's image is left empty (it costs a G pass)."""
    extent = lab.target.extent()
    if real is None:
        real = lab.shown_real
    out = lab.d_out(grid_points(extent)).reshape(RESOLUTION, RESOLUTION)
    loss = lab.config.loss
    fake = lab.generate(lab.eval_z[:SHOWN])
    if loss == "wgan-gp":   # a critic has no 0.5: its midway between real and generated is shown as 0.5
        mid = 0.5 * float(lab.d_out(real).mean() + lab.d_out(fake).mean())
        spread = float(np.std(out)) + 1e-6
        heat = losses.score("nonsat", (out - mid) / spread)
    else:
        heat = losses.score(loss, out)
    arrow_from = fake[:ARROWS]
    d_fake, cache = lab.D.forward(arrow_from / DTYPE(lab.scale))
    _, grad = losses.g_loss(loss, d_fake)
    pull = -lab.D.grad_inputs(cache, grad)
    norm = np.sqrt((pull ** 2).sum(axis=1)).max()
    arrow_dir = pull / norm * (0.15 * extent) if norm > 0 and np.isfinite(norm) else np.zeros_like(pull)
    if not zgrid:
        return PlaneSnapshot(lab.step, extent, heat.astype(np.float32), np.asarray(real), fake,
                             arrow_from, arrow_dir.astype(np.float32), np.zeros((0, Z_POINTS, 2), DTYPE),
                             lab.d_updates)
    t = np.linspace(-1.0, 1.0, Z_POINTS, dtype=DTYPE)
    lines = np.linspace(-1.0, 1.0, Z_LINES, dtype=DTYPE)
    z = np.zeros((2, Z_LINES, Z_POINTS, lab.config.z_dim), dtype=DTYPE)
    z[0, :, :, 0] = t[None, :]
    z[1, :, :, 0] = lines[:, None]
    if lab.config.z_dim > 1:
        z[0, :, :, 1] = lines[:, None]
        z[1, :, :, 1] = t[None, :]
    image = lab.generate(z.reshape(-1, lab.config.z_dim)).reshape(2 * Z_LINES, Z_POINTS, 2)
    return PlaneSnapshot(lab.step, extent, heat.astype(np.float32), np.asarray(real), fake,
                         arrow_from, arrow_dir.astype(np.float32), image, lab.d_updates)
