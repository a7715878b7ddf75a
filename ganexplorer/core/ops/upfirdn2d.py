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
import torch.nn.functional as F

from ganexplorer.core.ops import fused


def make_filter(taps: Sequence[float] = (1, 3, 3, 1)) -> torch.Tensor:
    """The 2-D resampling filter: outer product of ``taps`` with itself, normalised to sum 1."""
    t = torch.as_tensor(taps, dtype=torch.float32)
    f = torch.outer(t, t)
    return f / f.sum()


def _pad4(padding: int | Sequence[int]) -> tuple[int, int, int, int]:
    if isinstance(padding, int):
        return padding, padding, padding, padding
    if len(padding) == 2:
        px, py = padding
        return px, px, py, py
    px0, px1, py0, py1 = padding
    return px0, px1, py0, py1


def _separable_taps(f: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor] | None:
    """Return (column taps, row taps) if the 2-D filter is an outer product, else None."""
    if f.ndim != 2:
        return None
    row = f.sum(dim=0)
    col = f.sum(dim=1)
    total = f.sum()
    if total == 0:
        return None
    if torch.allclose(torch.outer(col, row) / total, f, rtol=1e-5, atol=1e-7):
        return col / total.sqrt(), row / total.sqrt()
    return None


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


def reference_upfirdn2d(
    x: torch.Tensor,
    f: torch.Tensor,
    up: int = 1,
    down: int = 1,
    padding: int | Sequence[int] = 0,
    gain: float = 1.0,
) -> torch.Tensor:
    """The pure-PyTorch ``upfirdn2d``: zero-insert, pad (negative = crop), convolve with ``f``, subsample."""
    if f.ndim == 1:
        f = torch.outer(f, f)
    n, c, h, w = x.shape
    px0, px1, py0, py1 = _pad4(padding)
    if up > 1:
        x = x.reshape(n, c, h, 1, w, 1)
        x = F.pad(x, [0, up - 1, 0, 0, 0, up - 1])
        x = x.reshape(n, c, h * up, w * up)
    x = F.pad(x, [max(px0, 0), max(px1, 0), max(py0, 0), max(py1, 0)])
    x = x[:, :, max(-py0, 0): x.shape[2] - max(-py1, 0), max(-px0, 0): x.shape[3] - max(-px1, 0)]

    f = (f * (gain ** (f.ndim / 2))).to(dtype=x.dtype, device=x.device).flip([0, 1])
    taps = _separable_taps(f)
    if taps is not None:
        col, row = taps
        x = F.conv2d(x, row.reshape(1, 1, 1, -1).expand(c, 1, 1, -1), groups=c)
        x = F.conv2d(x, col.reshape(1, 1, -1, 1).expand(c, 1, -1, 1), groups=c)
    else:
        x = F.conv2d(x, f[None, None].expand(c, 1, *f.shape), groups=c)
    if down > 1:
        x = x[:, :, ::down, ::down]
    return x


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
