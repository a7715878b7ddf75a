"""Float images in [-1, 1] <-> uint8 RGB at the edges; grids; saving."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from PIL import Image

from ganexplorer.core.device import to_numpy


def to_uint8(img: torch.Tensor) -> np.ndarray:
    """[C, H, W] or [1, C, H, W] float in [-1, 1] -> uint8 RGB [H, W, 3] (grey repeated, extra channels cut).

    Rounding matches NVIDIA's scripts: ``(x * 127.5 + 128).clamp(0, 255)`` truncated to uint8.
    """
    if img.ndim == 4:
        img = img[0]
    x = img.detach().to(torch.float32).permute(1, 2, 0)  # HWC view (contiguous if the net ran channels-last)
    x = (x * 127.5).add_(128).clamp_(0, 255).to(torch.uint8)
    c = x.shape[2]
    if c == 1:
        x = x.expand(-1, -1, 3)
    elif c == 2:
        x = torch.cat([x, x[:, :, :1]], dim=2)
    elif c > 3:
        x = x[:, :, :3]
    return to_numpy(x, pinned=True)


def grid(images: list[np.ndarray], cols: int, pad: int = 0, fill: int = 0) -> np.ndarray:
    """Tile equally sized HxWx3 uint8 images row-major into one picture."""
    if not images:
        raise ValueError("no images to tile")
    h, w, c = images[0].shape
    rows = (len(images) + cols - 1) // cols
    out = np.full((rows * h + (rows - 1) * pad, cols * w + (cols - 1) * pad, c), fill, dtype=np.uint8)
    for i, im in enumerate(images):
        r, k = divmod(i, cols)
        out[r * (h + pad): r * (h + pad) + h, k * (w + pad): k * (w + pad) + w] = im
    return out


def save_png(image: np.ndarray, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(image).save(path)
    return path


def upscale_nearest(image: np.ndarray, min_side: int = 512) -> np.ndarray:
    """Enlarge a small HxWx3 picture by a whole factor (nearest neighbour, crisp pixels for slides).

    The factor is the smallest whole number that makes the shorter side at least ``min_side``;
    pictures already that large are returned unchanged. ``min_side <= 0`` means "as is".
    """
    h, w = image.shape[:2]
    if min_side <= 0 or min(h, w) >= min_side:
        return image
    k = -(-min_side // max(1, min(h, w)))
    return np.ascontiguousarray(np.repeat(np.repeat(image, k, axis=0), k, axis=1))
