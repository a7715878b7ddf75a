"""The 2-D lab's losses, each as (value, gradient with respect to D's output) for the D and the G step.

D's output is a logit for minimax, non-saturating and R1 (non-saturating plus the R1 penalty on real
samples), a score for least squares, and a critic value for WGAN-GP. Losses are means over the batch.
"""

from __future__ import annotations

import numpy as np

LOSSES = ("minimax", "nonsat", "lsgan", "wgan-gp", "r1")


def _softplus(v: np.ndarray) -> np.ndarray:
    return np.logaddexp(0.0, v)


def _sigmoid(v: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * v))


def d_loss(loss: str, real: np.ndarray, fake: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
    """D's loss on outputs for real [n, 1] and generated [m, 1] samples, and its gradients w.r.t. each."""
    n, m = len(real), len(fake)
    if loss == "lsgan":
        value = 0.5 * float(((real - 1) ** 2).mean() + (fake ** 2).mean())
        return value, (real - 1) / n, fake / m
    if loss == "wgan-gp":
        value = float(fake.mean() - real.mean())
        return value, np.full_like(real, -1.0 / n), np.full_like(fake, 1.0 / m)
    value = float(_softplus(-real).mean() + _softplus(fake).mean())
    return value, (_sigmoid(real) - 1) / n, _sigmoid(fake) / m


def g_loss(loss: str, fake: np.ndarray) -> tuple[float, np.ndarray]:
    """G's loss on D's outputs for generated samples [m, 1], and its gradient w.r.t. them."""
    m = len(fake)
    if loss == "minimax":       # minimise log(1 - D(G(z))): flat where D is sure (the saturation)
        return float(-_softplus(fake).mean()), -_sigmoid(fake) / m
    if loss == "lsgan":
        return 0.5 * float(((fake - 1) ** 2).mean()), (fake - 1) / m
    if loss == "wgan-gp":
        return float(-fake.mean()), np.full_like(fake, -1.0 / m)
    return float(_softplus(-fake).mean()), (_sigmoid(fake) - 1) / m


def score(loss: str, out: np.ndarray) -> np.ndarray:
    """D's output shown as a number in [0, 1] (1 = real): the probability for the logistic losses,
    the clipped score for least squares; a WGAN critic is squashed with a sigmoid."""
    if loss == "lsgan":
        return np.clip(out, 0.0, 1.0)
    return _sigmoid(out)
