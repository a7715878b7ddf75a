"""The DCGAN paper's initial weights, which every family but StyleGAN2 starts from."""

from __future__ import annotations

from torch import nn


def dcgan_init(m: nn.Module) -> None:
    """N(0, 0.02) weights for convolutions and linear layers, N(1, 0.02) BatchNorm scales (DCGAN paper)."""
    if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
        nn.init.normal_(m.weight, 0.0, 0.02)
        if m.bias is not None:
            nn.init.zeros_(m.bias)
    elif isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
        nn.init.normal_(m.weight, 1.0, 0.02)
        nn.init.zeros_(m.bias)
