"""Differentiable augmentation for D (Zhao et al., 2020, "DiffAugment").

The same kind of random change is applied to real and generated images before D, so a small
dataset is harder for D to memorise while G still gets gradients through the change. Random
numbers come from the ``generator`` given (the trainer's own, ``TrainerRNG.draws``); they are
drawn on the CPU and only the finished index tensors and masks go to the images' device, so a GPU run
draws the same numbers as a CPU run.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from ganexplorer.core.messages import message

AUGMENTS = ("translation", "cutout")


def diff_augment(x: torch.Tensor, policy: str, fill: float = -1.0,
                 generator: torch.Generator | None = None) -> torch.Tensor:
    """Apply the comma-separated ``policy`` to a batch ``x`` (N, C, H, W); ``""`` leaves it as it is.

    ``translation``: shift by up to 1/8 of the size, filled with ``fill`` (the background of digits);
    ``cutout``: blank a random square of half the size."""
    for op in filter(None, policy.split(",")):
        if op == "translation":
            x = _translate(x, fill, generator)
        elif op == "cutout":
            x = _cutout(x, fill, generator)
        else:
            raise ValueError(message("train.augment", name=repr(op)))
    return x


def _translate(x: torch.Tensor, fill: float, g: torch.Generator | None) -> torch.Tensor:
    n, _, h, w = x.shape
    sy, sx = max(1, h // 8), max(1, w // 8)
    ty = torch.randint(-sy, sy + 1, (n, 1, 1), generator=g)
    tx = torch.randint(-sx, sx + 1, (n, 1, 1), generator=g)
    rows = (torch.arange(h).view(1, h, 1) - ty + sy).clamp(0, h + 2 * sy - 1)
    cols = (torch.arange(w).view(1, 1, w) - tx + sx).clamp(0, w + 2 * sx - 1)
    padded = F.pad(x, [sx, sx, sy, sy], value=fill)
    batch = torch.arange(n).view(n, 1, 1)
    batch, rows, cols = (t.to(x.device) for t in (batch, rows, cols))
    return padded.permute(0, 2, 3, 1)[batch, rows, cols].permute(0, 3, 1, 2)


def _cutout(x: torch.Tensor, fill: float, g: torch.Generator | None) -> torch.Tensor:
    n, _, h, w = x.shape
    ch, cw = h // 2, w // 2
    cy = torch.randint(0, h + 1 - ch % 2, (n, 1, 1), generator=g) - ch // 2
    cx = torch.randint(0, w + 1 - cw % 2, (n, 1, 1), generator=g) - cw // 2
    yy, xx = torch.arange(h).view(1, h, 1), torch.arange(w).view(1, 1, w)
    inside = (yy >= cy) & (yy < cy + ch) & (xx >= cx) & (xx < cx + cw)
    return torch.where(inside.unsqueeze(1).to(x.device), torch.full_like(x, fill), x)
