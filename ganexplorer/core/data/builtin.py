"""Data shipped with the app, so a classroom without internet can train at once."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from ganexplorer.core.data.base import DatasetError, ImageDataset
from ganexplorer.core.messages import message

HERE = Path(__file__).parent / "builtin"
DIGITS_ATTRIBUTION = ("Optical Recognition of Handwritten Digits (Alpaydin & Kaynak, 1998), "
                      "UCI Machine Learning Repository, CC BY 4.0")


BUILTIN = ("digits", "shapes")


def load_builtin(name: str) -> ImageDataset:
    """``digits``: the UCI handwritten digits at 32x32; ``shapes``: the procedural 64x64 shapes."""
    if name == "shapes":
        from ganexplorer.core.data.shapes import load_shapes

        return load_shapes()
    if name != "digits":
        raise DatasetError(message("data.no_builtin", name=name))
    with gzip.open(HERE / "uci_digits.csv.gz", "rt") as f:
        rows = np.loadtxt(f, delimiter=",", dtype=np.float32)
    counts, labels = rows[:, :64], rows[:, 64].astype(np.int64)
    # 8x8 counts (0..16) of 4x4 blocks -> 24x24 by smooth up-sampling, padded to 32x32 like MNIST's
    # centred digits; ink is white on black like MNIST.
    x = torch.from_numpy(counts).reshape(-1, 1, 8, 8) / 16.0
    x = F.interpolate(x, size=(24, 24), mode="bicubic", align_corners=False).clamp(0, 1)
    x = F.pad(x, [4, 4, 4, 4])
    images = (x * 255).round().to(torch.uint8)
    return ImageDataset("builtin:digits", images, torch.from_numpy(labels), tuple(str(d) for d in range(10)),
                        DIGITS_ATTRIBUTION)
