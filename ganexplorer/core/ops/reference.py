"""The pure-PyTorch ops: what every device runs, and what the fused kernels are checked against.

Semantics follow StyleGAN2-ADA. ``reference_bias_act``: ``act(x + b) * gain`` then an
optional symmetric clamp ('lrelu' uses slope 0.2 and a default gain of sqrt(2) so that the
activation roughly preserves the signal's variance). ``reference_upfirdn2d``: insert
``up - 1`` zeros between pixels, pad (negative padding crops), convolve every channel with
the 2-D filter ``f`` (a true, flipped convolution) and keep every ``down``-th pixel; a
separable (rank-1) filter is applied as two 1-D passes.

This module sits below both the dispatchers (:mod:`.bias_act`, :mod:`.upfirdn2d`) and the
Triton kernels (:mod:`.fused`), so the dispatch goes one way: dispatcher -> fused -> reference.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch
import torch.nn.functional as F

__all__ = ["DEFAULT_GAINS", "make_filter", "reference_bias_act", "reference_upfirdn2d"]

DEFAULT_GAINS = {"linear": 1.0, "relu": math.sqrt(2), "lrelu": math.sqrt(2), "tanh": 1.0, "sigmoid": 1.0}


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


def reference_bias_act(
    x: torch.Tensor,
    b: torch.Tensor | None = None,
    act: str = "linear",
    gain: float | None = None,
    clamp: float | None = None,
    alpha: float = 0.2,
) -> torch.Tensor:
    """Add bias ``b`` along dim 1, apply ``act``, multiply by ``gain``, clamp to [-clamp, clamp]."""
    if act not in DEFAULT_GAINS:
        raise ValueError(f"unknown activation {act!r}")
    if gain is None:
        gain = DEFAULT_GAINS[act]
    if b is not None:
        shape = [1] * x.ndim
        shape[1] = -1
        x = x + b.to(x.dtype).reshape(shape)
    if act == "lrelu":
        x = F.leaky_relu(x, alpha)
    elif act == "relu":
        x = F.relu(x)
    elif act == "tanh":
        x = torch.tanh(x)
    elif act == "sigmoid":
        x = torch.sigmoid(x)
    if gain != 1:
        x = x * gain
    if clamp is not None and clamp >= 0:
        x = x.clamp(-clamp, clamp)
    return x
