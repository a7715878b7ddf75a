"""Any folder of images (PNG, JPEG, ...): centre-cropped to squares, grey if every image is grey.

An image that cannot be read -- damaged, not an image, a FIFO or device named ``x.png``, a
30000² picture (its size is read from the header before anything is decoded) -- is skipped and
counted, and the set says so in a note naming the first one; only a folder where none can be
read is refused.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import numpy as np
import torch
from PIL import Image

from ganexplorer.core.data.base import MAX_IMAGE_BYTES, DatasetError, ImageDataset, guarded_open
from ganexplorer.core.guarded import regular_file_problem, shown_path
from ganexplorer.core.messages import Message, message

EXTENSIONS = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff"}
MAX_PIXELS = 8192 * 8192          # one image, read from its header before decoding (a 30000² PNG is 2.7 GB)
MAX_FILE_BYTES = 256 * 2**20      # one image file
MAX_ENTRIES = 200_000             # files and folders looked at under the chosen folder


def _picture(p: Path, size: int) -> tuple[np.ndarray, bool]:
    """One image as uint8 [size, size, 3] and whether it is grey; raises ``ValueError`` with the reason."""
    problem = regular_file_problem(p)
    if problem:
        raise ValueError(problem)
    f, _ = guarded_open(p, MAX_FILE_BYTES, "picture")
    with f, warnings.catch_warnings():
        warnings.simplefilter("ignore")   # DecompressionBombWarning and friends: our own bound is below
        try:
            im: Image.Image = Image.open(f)
        except Image.DecompressionBombError:
            raise ValueError(message("data.pixels_bomb", million=MAX_PIXELS // 10**6)) from None
        w, h = im.size
        if w * h > MAX_PIXELS or w < 1 or h < 1:
            raise ValueError(message("data.pixels", width=w, height=h, million=MAX_PIXELS // 10**6))
        im.draft("RGB", (size, size))   # JPEG: decode at a reduced size where it can
        im.load()
        grey = im.mode in ("L", "1", "LA", "I", "I;16")
        im = im.convert("RGB")
    w, h = im.size
    s = min(w, h)
    im = im.crop(((w - s) // 2, (h - s) // 2, (w - s) // 2 + s, (h - s) // 2 + s))
    return np.asarray(im.resize((size, size), Image.Resampling.LANCZOS)), grey


def _reason(e: BaseException) -> str:
    """Why one image was skipped, as a short phrase (the file is named beside it; a core sentence keeps its code)."""
    said = str(e)
    if isinstance(e, DatasetError):   # the guarded opener's "'PATH': problem." -> problem
        if isinstance(said, Message) and said.code == "file.frame":
            return said.args["problem"]
        return said.split("': ", 1)[-1].rstrip(".")
    if isinstance(e, ValueError):
        return said
    return message("data.not_image", detail=type(e).__name__)


def _image_files(path: Path) -> tuple[list[Path], bool]:
    """The image files under ``path`` (symbolic links to folders not followed), sorted, and whether the walk was
    cut short: a folder picked by mistake (a home folder, a whole disk) must not be walked for minutes."""
    found: list[Path] = []
    seen = 0
    for folder, dirs, names in os.walk(path):
        dirs.sort()
        seen += len(dirs) + len(names)
        found += [Path(folder) / n for n in names if Path(n).suffix.lower() in EXTENSIONS]
        if seen > MAX_ENTRIES:
            return sorted(found), True
    return sorted(found), False


def load_folder(path: Path, size: int = 64) -> ImageDataset:
    if not path.is_dir():
        raise DatasetError(message("data.not_folder", path=shown_path(path)))
    files, cut = _image_files(path)
    if not files:
        raise DatasetError(message("data.no_images_of", path=shown_path(path), extensions=", ".join(sorted(EXTENSIONS))))
    pics: list[np.ndarray] = []
    grey = True
    skipped: list[tuple[Path, str]] = []
    most = MAX_IMAGE_BYTES // (size * size * 3)
    for p in files:
        if len(pics) >= most:
            break
        try:
            pic, g = _picture(p, size)
        except Exception as e:  # noqa: BLE001 -- any image the library cannot read is skipped and counted
            skipped.append((p, _reason(e)))
            continue
        pics.append(pic)
        grey = grey and g
    if not pics:
        first, why = skipped[0]
        raise DatasetError(message("data.none_readable", count=len(files), path=shown_path(path),
                                   first=shown_path(first.relative_to(path)), why=why))
    notes: list[str] = []
    if skipped:
        first, why = skipped[0]
        n = len(skipped)
        notes.append(message("data.skipped" if n != 1 else "data.skipped_one", count=n, path=shown_path(path),
                             first=shown_path(first.relative_to(path)), why=why))
    if cut:
        notes.append(message("data.walk_cut", count=f"{MAX_ENTRIES:,}", path=shown_path(path)))
    if len(pics) + len(skipped) < len(files):
        notes.append(message("data.used_first", used=f"{len(pics):,}", count=f"{len(files):,}", path=shown_path(path)))
    x = torch.from_numpy(np.stack(pics)).permute(0, 3, 1, 2).contiguous()
    if grey:
        x = x[:, :1].contiguous()
    return ImageDataset(f"folder:{path.name}", x, notes=tuple(notes))
