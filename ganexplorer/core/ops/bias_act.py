"""Bias + activation + gain + clamp, the epilogue of every StyleGAN2 layer.

Semantics follow StyleGAN2-ADA's `bias_act`: ``act(x + b) * gain`` then an optional
symmetric clamp. 'lrelu' uses slope 0.2 and a default gain of sqrt(2) so that the
activation roughly preserves the signal's variance.
"""

from __future__ import annotations

import torch

from ganexplorer.core.ops import fused
from ganexplorer.core.ops.reference import DEFAULT_GAINS, reference_bias_act

__all__ = ["DEFAULT_GAINS", "bias_act", "reference_bias_act"]


def bias_act(
    x: torch.Tensor,
    b: torch.Tensor | None = None,
    act: str = "linear",
    gain: float | None = None,
    clamp: float | None = None,
    alpha: float = 0.2,
) -> torch.Tensor:
    """Add bias ``b`` along dim 1, apply ``act``, multiply by ``gain``, clamp to [-clamp, clamp].

    CUDA tensors take the fused Triton kernel when it built and checked out (``fused.status()``).
    """
    if act not in DEFAULT_GAINS:
        raise ValueError(f"unknown activation {act!r}")
    if fused.supports_act(act) and fused.usable(x):
        return fused.bias_act(x, b, act, gain, clamp, alpha)
    return reference_bias_act(x, b, act, gain, clamp, alpha)
