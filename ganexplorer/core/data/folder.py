"""Any folder of images (PNG, JPEG, ...): centre-cropped to squares, grey if every image is grey."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from PIL import Image, UnidentifiedImageError

from ganexplorer.core.data.base import DatasetError, ImageDataset

EXTENSIONS = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff"}


def load_folder(path: Path, size: int = 64) -> ImageDataset:
    if not path.is_dir():
        raise DatasetError(f"'{path}' is not a folder")
    files = sorted(p for p in path.rglob("*") if p.suffix.lower() in EXTENSIONS)
    if not files:
        raise DatasetError(f"'{path}' holds no images ({', '.join(sorted(EXTENSIONS))})")
    pics, grey = [], True
    skipped = 0
    for p in files:
        try:
            with Image.open(p) as im:
                im.load()
                grey = grey and im.mode in ("L", "1", "LA", "I", "I;16")
                im = im.convert("RGB")
        except (UnidentifiedImageError, OSError):
            skipped += 1
            continue
        w, h = im.size
        s = min(w, h)
        im = im.crop(((w - s) // 2, (h - s) // 2, (w - s) // 2 + s, (h - s) // 2 + s))
        pics.append(np.asarray(im.resize((size, size), Image.Resampling.LANCZOS)))
    if not pics:
        raise DatasetError(f"none of the {len(files)} image files in '{path}' could be read")
    x = torch.from_numpy(np.stack(pics)).permute(0, 3, 1, 2).contiguous()
    if grey:
        x = x[:, :1].contiguous()
    return ImageDataset(f"folder:{path.name}", x)
