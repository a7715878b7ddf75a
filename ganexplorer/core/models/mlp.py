"""Fully connected GANs as taught in the introductory lecture (28x28 grey images, flattened)."""

from __future__ import annotations

import torch
from torch import nn

from ganexplorer.core.models.dropout import Dropout


class MLPGenerator(nn.Module):
    """z [N, nz] -> image [N, 1, 28, 28] in [-1, 1].

    ``batchnorm=False``: the lecture's vanilla G (256-256 ReLU + Dropout 0.1).
    Dropout is ``dropout.Dropout``: a trainer hands it its own generator.
    ``batchnorm=True``: the deeper 256-512-1024 G with LeakyReLU + BatchNorm1d.
    """

    family = "mlp"

    def __init__(self, nz: int = 100, img_size: int = 28, img_channels: int = 1, batchnorm: bool = False) -> None:
        super().__init__()
        self.nz, self.img_size, self.img_channels, self.batchnorm = nz, img_size, img_channels, batchnorm
        self.init_kwargs = dict(nz=nz, img_size=img_size, img_channels=img_channels, batchnorm=batchnorm)
        self.z_dim, self.c_dim, self.img_resolution = nz, 0, img_size
        out = img_channels * img_size * img_size
        if batchnorm:
            layers: list[nn.Module] = []
            widths = [nz, 256, 512, 1024]
            for a, b in zip(widths[:-1], widths[1:]):
                layers += [nn.Linear(a, b), nn.LeakyReLU(0.2), nn.BatchNorm1d(b)]
            layers += [Dropout(0.1), nn.Linear(1024, out), nn.Tanh()]
        else:
            layers = [nn.Linear(nz, 256), nn.ReLU(), Dropout(0.1),
                      nn.Linear(256, 256), nn.ReLU(), Dropout(0.1),
                      nn.Linear(256, out), nn.Tanh()]
        self.model = nn.Sequential(*layers)

    def forward(self, z: torch.Tensor, c: torch.Tensor | None = None) -> torch.Tensor:
        x = self.model(z.reshape(z.shape[0], -1))
        return x.reshape(-1, self.img_channels, self.img_size, self.img_size)


class MLPDiscriminator(nn.Module):
    """image [N, 1, 28, 28] -> probability of being real [N, 1]."""

    def __init__(self, img_size: int = 28, img_channels: int = 1, batchnorm: bool = False) -> None:
        super().__init__()
        self.init_kwargs = dict(img_size=img_size, img_channels=img_channels, batchnorm=batchnorm)
        inp = img_channels * img_size * img_size
        if batchnorm:
            layers: list[nn.Module] = [Dropout(0.1), nn.Linear(inp, 512), nn.LeakyReLU(0.2),
                                       nn.Linear(512, 256), nn.LeakyReLU(0.2), nn.Linear(256, 1), nn.Sigmoid()]
        else:
            layers = [nn.Linear(inp, 256), nn.LeakyReLU(0.2), Dropout(0.1),
                      nn.Linear(256, 256), nn.LeakyReLU(0.2), Dropout(0.1),
                      nn.Linear(256, 1), nn.Sigmoid()]
        self.model = nn.Sequential(*layers)

    def forward(self, img: torch.Tensor, c: torch.Tensor | None = None) -> torch.Tensor:
        return self.model(img.reshape(img.shape[0], -1))
