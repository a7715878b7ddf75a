"""Google Quick, Draw! files: ``numpy_bitmap`` .npy (N x 784) and ``simplified`` .ndjson strokes."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import torch
from PIL import Image, ImageDraw

from ganexplorer.core.data.base import DatasetError, ImageDataset

ATTRIBUTION = "Quick, Draw! dataset by Google, CC BY 4.0"


def rasterise(strokes: list, size: int = 28, line_width: int = 12) -> np.ndarray:
    """Draw simplified strokes (coordinates in 0..255) white on black, then shrink to ``size``."""
    img = Image.new("L", (256, 256), 0)
    draw = ImageDraw.Draw(img)
    for stroke in strokes:
        xs, ys = stroke[0], stroke[1]
        pts = list(zip(xs, ys))
        if len(pts) == 1:
            x, y = pts[0]
            draw.ellipse([x - line_width / 2, y - line_width / 2, x + line_width / 2, y + line_width / 2], fill=255)
        else:
            draw.line(pts, fill=255, width=line_width, joint="curve")
    return np.asarray(img.resize((size, size), Image.Resampling.LANCZOS))


def load_quickdraw(path: Path) -> ImageDataset:
    if not path.exists():
        raise DatasetError(f"'{path}' does not exist")
    category = path.stem.replace("full_numpy_bitmap_", "").replace("full_simplified_", "")
    if path.suffix.lower() == ".npy":
        try:
            arr = np.load(path, allow_pickle=False)
        except (ValueError, OSError, EOFError) as e:
            raise DatasetError(f"'{path}' is not a readable NumPy file ({e})") from None
        if arr.ndim != 2 or arr.shape[1] != 784 or arr.dtype != np.uint8:
            raise DatasetError(f"'{path}' holds an array of shape {list(arr.shape)} and type {arr.dtype}, "
                               "not Quick Draw bitmaps (N x 784, uint8)")
        images = torch.from_numpy(arr.copy()).reshape(-1, 1, 28, 28)
        return ImageDataset(f"quickdraw:{category}", images, None, (), ATTRIBUTION)
    if path.suffix.lower() == ".ndjson":
        pics = []
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                    strokes = rec["drawing"]
                    if rec.get("recognized", True) is False:
                        continue
                    pics.append(rasterise(strokes))
                except (ValueError, KeyError, TypeError, IndexError):
                    raise DatasetError(f"'{path}' line {lineno} is not a Quick Draw drawing record") from None
        if not pics:
            raise DatasetError(f"'{path}' holds no drawings")
        images = torch.from_numpy(np.stack(pics)).unsqueeze(1)
        return ImageDataset(f"quickdraw:{category}", images, None, (), ATTRIBUTION)
    raise DatasetError(f"'{path}' is neither a Quick Draw .npy bitmap file nor a simplified .ndjson file")
