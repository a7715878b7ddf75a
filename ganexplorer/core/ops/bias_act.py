"""Bias + activation + gain + clamp, the epilogue of every StyleGAN2 layer.

Semantics follow StyleGAN2-ADA's `bias_act`: ``act(x + b) * gain`` then an optional
symmetric clamp. 'lrelu' uses slope 0.2 and a default gain of sqrt(2) so that the
activation roughly preserves the signal's variance.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from ganexplorer.core.ops import fused

DEFAULT_GAINS = {"linear": 1.0, "relu": math.sqrt(2), "lrelu": math.sqrt(2), "tanh": 1.0, "sigmoid": 1.0}


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
