"""Dropout that draws its mask from a generator it is given, not from torch's global RNG.

``nn.Dropout`` cannot take a ``torch.Generator``: during training it draws from the process's global
generator, which any other thread may draw from too, so a run could not resume bit-exactly. The
trainer gives these layers its own generator (:func:`draw_dropout_from`); the mask is then drawn as
torch's CPU dropout draws it (``empty_like(x).bernoulli_(1 - p)`` per element, or per channel for the
2-D kind), so the numbers are the same as ``nn.Dropout``'s from a global generator in the same state.
It is drawn on the CPU and copied to the device, so a GPU run gets the same masks. Without a
generator (a model used outside a trainer) it is torch's own dropout. No parameters, no buffers:
state-dict keys are those of ``nn.Dropout``'s models.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn


class Dropout(nn.Module):
    """``nn.Dropout(p)``, or ``nn.Dropout2d(p)`` with ``channels=True`` (whole channels of [N, C, H, W])."""

    def __init__(self, p: float, channels: bool = False) -> None:
        super().__init__()
        if not 0.0 <= p < 1.0:
            raise ValueError(f"dropout probability must be in [0, 1), not {p}")
        self.p, self.channels = p, channels
        self.generator: torch.Generator | None = None   # set by the trainer (draw_dropout_from)

    def extra_repr(self) -> str:
        return f"p={self.p}" + (", channels=True" if self.channels else "")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not self.training or self.p == 0.0:
            return x
        if self.generator is None:
            return (F.dropout2d if self.channels else F.dropout)(x, self.p, True)
        keep = 1.0 - self.p
        shape = (*x.shape[:2], *[1] * (x.dim() - 2)) if self.channels else x.shape
        mask = torch.empty(shape, dtype=x.dtype).bernoulli_(keep, generator=self.generator).div_(keep)
        return x * mask.to(x.device)


def draw_dropout_from(module: nn.Module, generator: torch.Generator | None) -> None:
    """Every :class:`Dropout` inside ``module`` draws from ``generator`` from now on (None: torch's own)."""
    for m in module.modules():
        if isinstance(m, Dropout):
            m.generator = generator
