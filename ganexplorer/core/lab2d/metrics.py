"""Mode coverage and high-quality share, as in Unrolled GAN / VEEGAN / PacGAN.

A generated sample is *high quality* when it lies within 3 std of a mode's centre; a mode is
*covered* when at least 12 of 2,500 generated samples are high-quality samples of it (the
threshold scales with the number of samples).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ganexplorer.core.lab2d.targets import Target
from ganexplorer.core.messages import message

SAMPLES = 2500
PER_MODE = 12


@dataclass(frozen=True)
class Coverage:
    modes: int          # modes covered
    total: int          # modes the target has
    hq_share: float     # share of samples that are high quality, 0..1

    def line(self) -> str:
        return message("lab2d.coverage", modes=self.modes, total=self.total, share=f"{100 * self.hq_share:.1f}")


def coverage(target: Target, samples: np.ndarray) -> Coverage | None:
    """How many of the target's modes ``samples`` [n, 2] cover, and their high-quality share;
    None for a target without modes."""
    if target.centres is None:
        return None
    s = np.asarray(samples, dtype=np.float64)
    d2 = ((s[:, None, :] - target.centres[None, :, :]) ** 2).sum(axis=2)    # [n, k]
    nearest = d2.argmin(axis=1)
    hq = np.sqrt(d2[np.arange(len(s)), nearest]) <= 3 * target.std
    hq &= np.isfinite(s).all(axis=1)
    counts = np.bincount(nearest[hq], minlength=len(target.centres))
    need = PER_MODE * len(s) / SAMPLES
    return Coverage(int((counts >= need).sum()), len(target.centres), float(hq.mean()) if len(s) else 0.0)
