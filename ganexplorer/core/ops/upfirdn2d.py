"""Up-sample, FIR-filter, down-sample: StyleGAN2's resampling primitive.

``upfirdn2d(x, f, up, down, padding, gain)`` inserts ``up - 1`` zeros between pixels,
pads (negative padding crops), convolves every channel with the 2-D filter ``f`` and
keeps every ``down``-th pixel, as in StyleGAN2-ADA's op of the same name. The filter is
applied as a true convolution (flipped), which only matters for asymmetric filters.

Filters are stored as 2-D tensors normalised to sum 1 (the ``resample_filter`` buffer
that NVIDIA's pickles carry); a separable (rank-1) filter is applied as two 1-D passes.
"""

from __future__ import annotations

from typing import Sequence

import torch

from ganexplorer.core.ops import fused
from ganexplorer.core.ops.reference import make_filter, reference_upfirdn2d

__all__ = ["downsample2d", "make_filter", "reference_upfirdn2d", "upfirdn2d", "upsample2d"]


def upfirdn2d(
    x: torch.Tensor,
    f: torch.Tensor,
    up: int = 1,
    down: int = 1,
    padding: int | Sequence[int] = 0,
    gain: float = 1.0,
) -> torch.Tensor:
    """Resample ``x`` [N, C, H, W] with filter ``f`` (2-D, or 1-D meaning its outer product).

    CUDA tensors take the fused Triton kernel when it built and checked out (``fused.status()``).
    """
    if fused.usable(x):
        return fused.upfirdn2d(x, f, up, down, padding, gain)
    return reference_upfirdn2d(x, f, up, down, padding, gain)


def upsample2d(x: torch.Tensor, f: torch.Tensor, up: int = 2) -> torch.Tensor:
    """Up-sample by ``up`` with filter ``f``; output is exactly ``up`` times larger."""
    fw = f.shape[-1]
    p = [(fw + up - 1) // 2, (fw - up) // 2]
    return upfirdn2d(x, f, up=up, padding=[p[0], p[1], p[0], p[1]], gain=up * up)


def downsample2d(x: torch.Tensor, f: torch.Tensor, down: int = 2) -> torch.Tensor:
    """Low-pass with ``f`` then keep every ``down``-th pixel; output is ``down`` times smaller."""
    fw = f.shape[-1]
    p = [(fw - down + 1) // 2, (fw - down) // 2]
    return upfirdn2d(x, f, down=down, padding=[p[0], p[1], p[0], p[1]])
