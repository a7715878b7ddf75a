"""The lecture models' GAN losses on D's probabilities (MLP and DCGAN families).

``bce``: the non-saturating form (G maximises log D(G(z))); ``minimax``: the original form
(G minimises log(1 - D(G(z))), which saturates when D wins); ``lsgan``: least squares.
StyleGAN2's logistic loss on logits lives with its trainer.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

EPS = 1e-7   # probabilities are clamped this far from 0 and 1 so a confident D gives no log(0)


def d_loss(kind: str, p_real: torch.Tensor, p_fake: torch.Tensor) -> torch.Tensor:
    """D's loss for real batch probabilities ``p_real`` (target 1) and fake ones ``p_fake`` (target 0)."""
    if kind == "lsgan":
        return 0.5 * ((p_real - 1) ** 2).mean() + 0.5 * (p_fake ** 2).mean()
    return F.binary_cross_entropy(p_real.clamp(EPS, 1 - EPS), torch.ones_like(p_real)) + \
        F.binary_cross_entropy(p_fake.clamp(EPS, 1 - EPS), torch.zeros_like(p_fake))


def g_loss(kind: str, p_fake: torch.Tensor) -> torch.Tensor:
    """G's loss for D's probabilities ``p_fake`` on generated images."""
    if kind == "lsgan":
        return 0.5 * ((p_fake - 1) ** 2).mean()
    if kind == "minimax":
        return torch.log((1 - p_fake).clamp_min(EPS)).mean()
    return F.binary_cross_entropy(p_fake.clamp(EPS, 1 - EPS), torch.ones_like(p_fake))
