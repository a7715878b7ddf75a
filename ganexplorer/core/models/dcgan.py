"""Convolutional GANs: the small up-sampling DCGAN-32 and the PyTorch-tutorial DCGAN.

``DCGANGenerator`` keeps the tutorial's ``main.{i}`` Sequential indices so that its
state dicts load by name: ConvTranspose2d(nz, ngf*2^(n-1), 4, 1, 0), then stride-2
ConvTranspose2d stages halving the channels, BatchNorm + ReLU between, Tanh at the end.
Each extra stage doubles the resolution (32, 64, 128, 256). The conditional variant
concatenates a one-hot label to z before the first layer (and, in D, one constant
plane per class to the image).
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

from ganexplorer.core.messages import message
from ganexplorer.core.models.dropout import Dropout

DCGAN_RESOLUTIONS = (32, 64, 128, 256)


def _num_stages(resolution: int) -> int:
    n = int(math.log2(resolution)) - 2
    if 2 ** (n + 2) != resolution or n < 1:
        raise ValueError(f"DCGAN resolution must be a power of two >= 8, not {resolution}")
    return n


def one_hot(labels: torch.Tensor | None, n_classes: int, batch: int, device: torch.device) -> torch.Tensor | None:
    """Labels given as indices [N] or as one-hot/soft rows [N, K] -> float [N, K]."""
    if n_classes == 0:
        return None
    if labels is None:
        raise ValueError(message("model.class_needed", most=n_classes - 1))
    if labels.ndim == 1:
        if labels.min() < 0 or labels.max() >= n_classes:
            raise ValueError(message("model.class_range", most=n_classes - 1))
        return F.one_hot(labels.long(), n_classes).float().to(device)
    return labels.float().to(device).expand(batch, n_classes)


class DCGANGenerator(nn.Module):
    """z [N, nz] (+ label) -> image [N, nc, R, R] in [-1, 1] (PyTorch DCGAN tutorial layout)."""

    family = "dcgan"

    def __init__(self, nz: int = 100, ngf: int = 64, nc: int = 3, resolution: int = 64, n_classes: int = 0,
                 conv_bias: bool = False) -> None:
        super().__init__()
        self.nz, self.ngf, self.nc, self.resolution, self.n_classes = nz, ngf, nc, resolution, n_classes
        self.init_kwargs = dict(nz=nz, ngf=ngf, nc=nc, resolution=resolution, n_classes=n_classes)
        if conv_bias:
            self.init_kwargs["conv_bias"] = True
        self.z_dim, self.c_dim, self.img_resolution, self.img_channels = nz, n_classes, resolution, nc
        n = _num_stages(resolution)
        chans = [ngf * 2 ** (n - 1 - i) for i in range(n)]
        layers: list[nn.Module] = [nn.ConvTranspose2d(nz + n_classes, chans[0], 4, 1, 0, bias=conv_bias),
                                   nn.BatchNorm2d(chans[0]), nn.ReLU(True)]
        for a, b in zip(chans[:-1], chans[1:]):
            layers += [nn.ConvTranspose2d(a, b, 4, 2, 1, bias=conv_bias), nn.BatchNorm2d(b), nn.ReLU(True)]
        layers += [nn.ConvTranspose2d(chans[-1], nc, 4, 2, 1, bias=conv_bias), nn.Tanh()]
        self.main = nn.Sequential(*layers)

    def forward(self, z: torch.Tensor, c: torch.Tensor | None = None) -> torch.Tensor:
        z = z.reshape(z.shape[0], -1)
        y = one_hot(c, self.n_classes, z.shape[0], z.device)
        if y is not None:
            z = torch.cat([z, y], dim=1)
        return self.main(z[:, :, None, None])


class DCGANDiscriminator(nn.Module):
    """image [N, nc, R, R] (+ label planes) -> probability of being real [N, 1]."""

    def __init__(self, ndf: int = 64, nc: int = 3, resolution: int = 64, n_classes: int = 0) -> None:
        super().__init__()
        self.n_classes = n_classes
        self.init_kwargs = dict(ndf=ndf, nc=nc, resolution=resolution, n_classes=n_classes)
        n = _num_stages(resolution)
        chans = [ndf * 2 ** i for i in range(n)]
        layers: list[nn.Module] = [nn.Conv2d(nc + n_classes, chans[0], 4, 2, 1, bias=False), nn.LeakyReLU(0.2, True)]
        for a, b in zip(chans[:-1], chans[1:]):
            layers += [nn.Conv2d(a, b, 4, 2, 1, bias=False), nn.BatchNorm2d(b), nn.LeakyReLU(0.2, True)]
        layers += [nn.Conv2d(chans[-1], 1, 4, 1, 0, bias=False), nn.Sigmoid()]
        self.main = nn.Sequential(*layers)

    def forward(self, img: torch.Tensor, c: torch.Tensor | None = None) -> torch.Tensor:
        y = one_hot(c, self.n_classes, img.shape[0], img.device)
        if y is not None:
            img = torch.cat([img, y[:, :, None, None].expand(-1, -1, *img.shape[2:])], dim=1)
        return self.main(img).reshape(-1, 1)


class DCGAN32Generator(nn.Module):
    """z [N, 100] -> image [N, 1, 32, 32]: a linear projection to 128x8x8, then up-sample + 3x3 convs."""

    family = "dcgan32"

    def __init__(self, nz: int = 100, nc: int = 1, n_classes: int = 0) -> None:
        super().__init__()
        self.nz, self.nc, self.n_classes, self.resolution = nz, nc, n_classes, 32
        self.init_kwargs = dict(nz=nz, nc=nc, n_classes=n_classes)
        self.z_dim, self.c_dim, self.img_resolution, self.img_channels = nz, n_classes, 32, nc
        self.fc = nn.Linear(nz + n_classes, 128 * 8 * 8)
        self.conv = nn.Sequential(
            nn.BatchNorm2d(128),
            nn.Upsample(scale_factor=2),
            nn.Conv2d(128, 128, 3, 1, 1), nn.BatchNorm2d(128), nn.LeakyReLU(0.2, True),
            nn.Upsample(scale_factor=2),
            nn.Conv2d(128, 64, 3, 1, 1), nn.BatchNorm2d(64), nn.LeakyReLU(0.2, True),
            nn.Conv2d(64, nc, 3, 1, 1), nn.Tanh(),
        )

    def forward(self, z: torch.Tensor, c: torch.Tensor | None = None) -> torch.Tensor:
        z = z.reshape(z.shape[0], -1)
        y = one_hot(c, self.n_classes, z.shape[0], z.device)
        if y is not None:
            z = torch.cat([z, y], dim=1)
        return self.conv(self.fc(z).reshape(-1, 128, 8, 8))


class DCGAN32Discriminator(nn.Module):
    """image [N, 1, 32, 32] -> probability of being real: four stride-2 3x3 conv blocks and a linear head."""

    def __init__(self, nc: int = 1, n_classes: int = 0) -> None:
        super().__init__()
        self.n_classes = n_classes
        self.init_kwargs = dict(nc=nc, n_classes=n_classes)
        layers: list[nn.Module] = []
        chans = [nc + n_classes, 16, 32, 64, 128]
        for i, (a, b) in enumerate(zip(chans[:-1], chans[1:])):
            layers += [nn.Conv2d(a, b, 3, 2, 1), nn.LeakyReLU(0.2, True), Dropout(0.25, channels=True)]
            if i > 0:
                layers.append(nn.BatchNorm2d(b))
        self.conv = nn.Sequential(*layers)
        self.head = nn.Sequential(nn.Linear(128 * 2 * 2, 1), nn.Sigmoid())

    def forward(self, img: torch.Tensor, c: torch.Tensor | None = None) -> torch.Tensor:
        y = one_hot(c, self.n_classes, img.shape[0], img.device)
        if y is not None:
            img = torch.cat([img, y[:, :, None, None].expand(-1, -1, *img.shape[2:])], dim=1)
        return self.head(self.conv(img).flatten(1))
