"""The 2-D lab's settings, checked in one place, and the presets that show the lecture's points."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from typing import Any

from ganexplorer.core.lab2d.errors import Lab2DError
from ganexplorer.core.lab2d.losses import LOSSES
from ganexplorer.core.messages import message


@dataclass(frozen=True)
class Lab2DConfig:
    loss: str = "r1"
    lr_d: float = 1e-3
    lr_g: float = 1e-3
    beta1: float = 0.5
    beta2: float = 0.9
    d_steps: int = 1          # D updates per G update
    width: int = 64           # hidden units per layer (G and D)
    depth: int = 3            # hidden layers (G and D)
    batch: int = 256
    z_dim: int = 2
    penalty: float = 0.1      # R1's gamma / WGAN-GP's lambda
    steps: int = 5000         # G updates
    decay_from: float = 1.0   # share of the run after which both learning rates fall linearly to 1/10
    seed: int = 0


LIMITS = {   # name: (lowest, highest) the lab accepts
    "lr_d": (1e-6, 0.1), "lr_g": (1e-6, 0.1), "beta1": (0.0, 0.999), "beta2": (0.0, 0.9999),
    "d_steps": (1, 20), "width": (4, 512), "depth": (1, 6), "batch": (8, 4096), "z_dim": (1, 64),
    "penalty": (0.0, 1000.0), "steps": (1, 1_000_000), "decay_from": (0.0, 1.0), "seed": (0, 2**31 - 1),
}
NAMES = {"lr_d": "D's learning rate", "lr_g": "G's learning rate", "beta1": "Adam's beta1",
         "beta2": "Adam's beta2", "d_steps": "D steps per G step", "width": "the network width",
         "depth": "the network depth", "batch": "the batch size", "z_dim": "the noise dimension",
         "penalty": "the gradient penalty", "steps": "the number of steps", "decay_from": "the decay start",
         "seed": "the seed"}


def check(c: Lab2DConfig) -> None:
    """Lab2DError (a ValueError, one core sentence) for a setting the lab cannot train with."""
    if c.loss not in LOSSES:
        raise Lab2DError(message("lab2d.loss", choices=", ".join(LOSSES), value=repr(c.loss)))
    for f in fields(c):
        if f.name not in LIMITS:
            continue
        v = getattr(c, f.name)
        lo, hi = LIMITS[f.name]
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            raise Lab2DError(message("train.finite", name=NAMES[f.name], value=repr(v)))
        if f.type in ("int", int) and int(v) != v:
            raise Lab2DError(message("lab2d.whole", name=NAMES[f.name], value=repr(v)))
        if not lo <= v <= hi:
            raise Lab2DError(message("lab2d.between", name=NAMES[f.name], low=f"{lo:g}", high=f"{hi:g}",
                                     value=f"{v:g}"))


PRESETS: dict[str, Lab2DConfig] = {
    # Vanilla: the non-saturating loss, Adam, small networks, a small batch, one D step, and a G that learns
    # five times faster than D (a beginner's setting): G chases whichever spot D likes now and piles onto it.
    "mode collapse": Lab2DConfig(loss="nonsat", lr_d=1e-3, lr_g=5e-3, beta1=0.5, beta2=0.999, width=32,
                                 depth=2, batch=64, z_dim=2, penalty=0.0, steps=3000),
    # R1 on real samples, Adam (0.5, 0.9), a larger batch, four noise dimensions and a learning rate that
    # falls linearly to a tenth over the second half (grid25 needs that to sharpen every mode).
    "fixed": Lab2DConfig(loss="r1", lr_d=3e-3, lr_g=3e-3, beta1=0.5, beta2=0.9, width=64, depth=3,
                         batch=256, z_dim=4, penalty=0.01, steps=10000, decay_from=0.5),
    # D learns ten times faster and five times as often; with the minimax loss G's gradient vanishes.
    "D too strong": Lab2DConfig(loss="minimax", lr_d=2e-3, lr_g=1e-4, d_steps=5, width=64, depth=3,
                                batch=128, penalty=0.0, steps=2000),
    # G outpaces a small, slow D: samples overshoot and swing around the plane.
    "G too strong": Lab2DConfig(loss="nonsat", lr_d=1e-4, lr_g=5e-3, width=16, depth=1, batch=128,
                                penalty=0.0, steps=3000),
}
PRESET_NAMES = tuple(PRESETS)


def preset(name: str, **changes: Any) -> Lab2DConfig:
    """A preset by name with some fields changed; Lab2DError (a ValueError) for an unknown name."""
    if name not in PRESETS:
        raise Lab2DError(message("lab2d.preset", choices=", ".join(repr(p) for p in PRESETS), value=repr(name)))
    return replace(PRESETS[name], **changes)
