"""The 2-D lab's real distributions: the benchmark mixtures (ring8, grid25) and shapes to look at.

ring8 and grid25 follow the published definitions (Unrolled GAN, VEEGAN, PacGAN): 8 Gaussians on a
circle of radius 2 with std 0.02; 25 Gaussians at {-4, -2, 0, 2, 4}^2 with std 0.05. Their
``centres`` and ``std`` are what :mod:`.metrics` counts modes with. The others (two moons, a spiral,
a line, the user's own points) have no modes; coverage is not defined for them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ganexplorer.core.lab2d.errors import Lab2DError
from ganexplorer.core.messages import message

DTYPE = np.float32
BUILTIN = ("ring8", "grid25", "moons", "spiral", "line")
MIN_POINTS = 10


@dataclass(frozen=True)
class Target:
    """A real distribution: either a mixture of equal isotropic Gaussians, or a cloud of points
    sampled with a little jitter."""

    name: str
    centres: np.ndarray | None = None     # [k, 2] for a Gaussian mixture
    std: float = 0.0
    points: np.ndarray | None = None      # [m, 2] for a point cloud
    jitter: float = 0.0

    @property
    def has_modes(self) -> bool:
        return self.centres is not None

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """n real samples [n, 2]."""
        if self.centres is not None:
            pick = rng.integers(0, len(self.centres), n)
            out = self.centres[pick] + self.std * rng.standard_normal((n, 2))
        else:
            assert self.points is not None
            pick = rng.integers(0, len(self.points), n)
            out = self.points[pick] + self.jitter * rng.standard_normal((n, 2))
        return out.astype(DTYPE)

    def extent(self) -> float:
        """Half the side of a square around the origin that holds the target with a margin."""
        pts = self.centres if self.centres is not None else self.points
        assert pts is not None
        return float(max(1.0, 1.3 * np.abs(pts).max() + 4 * max(self.std, self.jitter)))


def ring8() -> Target:
    angles = 2 * np.pi * np.arange(8) / 8
    return Target("ring8", centres=2.0 * np.stack([np.cos(angles), np.sin(angles)], axis=1), std=0.02)


def grid25() -> Target:
    xs = np.arange(-4.0, 4.1, 2.0)
    return Target("grid25", centres=np.array([(x, y) for x in xs for y in xs]), std=0.05)


def moons() -> Target:
    t = np.linspace(0, math.pi, 200)
    upper = np.stack([np.cos(t), np.sin(t)], axis=1)
    lower = np.stack([1 - np.cos(t), 0.5 - np.sin(t)], axis=1)
    pts = np.concatenate([upper, lower]) - [0.5, 0.25]
    return Target("moons", points=1.5 * pts, jitter=0.05)


def spiral() -> Target:
    t = np.linspace(0.5, 3.5 * math.pi, 400)
    pts = np.stack([t * np.cos(t), t * np.sin(t)], axis=1) / (3.5 * math.pi) * 2.5
    return Target("spiral", points=pts, jitter=0.04)


def line() -> Target:
    t = np.linspace(-2, 2, 200)
    return Target("line", points=np.stack([t, 0.5 * t], axis=1), jitter=0.02)


def from_points(points: np.ndarray, name: str = "drawn") -> Target:
    """A target of the user's own points [m, 2]; Lab2DError (a ValueError, one sentence) unless there are
    at least MIN_POINTS finite ones."""
    pts = np.asarray(points, dtype=np.float64)
    if pts.ndim != 2 or pts.shape[1] != 2:
        raise Lab2DError(message("lab2d.target_shape", shape=list(pts.shape)))
    if not np.isfinite(pts).all():
        raise Lab2DError(message("lab2d.target_not_finite"))
    if len(pts) < MIN_POINTS:
        raise Lab2DError(message("lab2d.target_few", low=MIN_POINTS, count=len(pts)))
    if np.abs(pts).max() > 1e3:
        raise Lab2DError(message("lab2d.target_far"))
    spread = float(np.ptp(pts, axis=0).max())
    return Target(name, points=pts, jitter=max(0.01, 0.01 * spread))


def builtin(name: str) -> Target:
    """One of BUILTIN by name; Lab2DError (a ValueError) otherwise."""
    makers = {"ring8": ring8, "grid25": grid25, "moons": moons, "spiral": spiral, "line": line}
    if name not in makers:
        raise Lab2DError(message("lab2d.target_unknown", choices=", ".join(BUILTIN), value=repr(name)))
    return makers[name]()
