"""MNIST / Fashion-MNIST IDX files (``train-images-idx3-ubyte[.gz]`` + the matching labels file).

The header says how many bytes follow; nothing more is ever read or gunzipped (a 260 KB gzip
file used to expand to 3.6 GB), and a header asking for more than a training set may hold
(:data:`MAX_IMAGE_BYTES`) is refused before any data is read.
"""

from __future__ import annotations

import gzip
import math
import struct
import zlib
from pathlib import Path
from typing import BinaryIO

import numpy as np
import torch

from ganexplorer.core.data.base import MAX_IMAGE_BYTES, MAX_SIDE, DatasetError, ImageDataset, guarded_open, too_many
from ganexplorer.core.guarded import regular_file_problem, shown_path
from ganexplorer.core.messages import message

FASHION = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot")
MAX_FILE_BYTES = 2 * MAX_IMAGE_BYTES   # an uncompressed IDX file at most; a gzip one is bounded by its header


def _read_exact(f: BinaryIO, n: int, path: Path) -> np.ndarray:
    """``n`` bytes from ``f`` as a writable uint8 array, read in chunks (no whole-file ``bytes`` copy: copying
    47 MB through a Python ``bytes`` holds the interpreter lock ~150 ms, a visible stall of the window)."""
    out = np.empty(n, dtype=np.uint8)
    view, done = out.data, 0   # a writable memoryview of ``out``
    while done < n:
        got = f.readinto(view[done:done + (8 << 20)])  # type: ignore[attr-defined]
        if not got:
            raise DatasetError(message("data.idx_truncated", path=shown_path(path), expected=f"{n:,}", got=f"{done:,}"))
        done += got
    return out


def _header(f: BinaryIO, path: Path) -> tuple[int, ...]:
    head = f.read(4)
    if len(head) < 4 or head[0] != 0 or head[1] != 0:
        raise DatasetError(message("data.idx_magic", path=shown_path(path), head=head.hex(" ") or "missing"))
    if head[2] != 0x08:
        raise DatasetError(message("data.idx_type", path=shown_path(path), kind=f"0x{head[2]:02x}"))
    ndim = head[3]
    raw = f.read(4 * ndim)
    if len(raw) < 4 * ndim:
        raise DatasetError(message("data.idx_header", path=shown_path(path)))
    return struct.unpack(">" + "I" * ndim, raw)


def read_idx(path: Path) -> np.ndarray:
    """An IDX array (magic 0x0000 0x08 ndim, big-endian sizes, uint8 data), gunzipped if need be."""
    f, _ = guarded_open(path, MAX_FILE_BYTES, "IDX file")
    try:
        with f:
            gz = f.read(2) == b"\x1f\x8b"
            f.seek(0)
            src: BinaryIO = gzip.GzipFile(fileobj=f, mode="rb") if gz else f  # type: ignore[assignment]
            dims = _header(src, path)
            n = math.prod(dims) if dims else 0
            if n > MAX_IMAGE_BYTES:
                raise too_many(path, n)
            data = _read_exact(src, n, path)
            if gz and src.read(1):
                raise DatasetError(message("data.idx_extra", path=shown_path(path), dims="x".join(map(str, dims))))
    except (OSError, EOFError, zlib.error) as e:
        raise DatasetError(message("data.idx_damaged", path=shown_path(path), detail=type(e).__name__)) from None
    return data.reshape(dims)


def _labels_path(images: Path) -> Path | None:
    name = images.name
    for a, b in (("images-idx3", "labels-idx1"), ("images", "labels")):
        if a in name:
            p = images.with_name(name.replace(a, b))
            if regular_file_problem(p) != "does not exist":
                return p
    return None


def load_idx_dataset(path: Path) -> ImageDataset:
    arr = read_idx(path)
    if arr.ndim != 3:
        raise DatasetError(message("data.idx_shape", path=shown_path(path), shape=list(arr.shape)))
    n, h, w = arr.shape
    if n == 0:
        raise DatasetError(message("data.no_images", path=shown_path(path)))
    if not (1 <= h <= MAX_SIDE and 1 <= w <= MAX_SIDE):
        raise DatasetError(message("data.idx_side", path=shown_path(path), height=h, width=w, most=MAX_SIDE))
    images = torch.from_numpy(arr).unsqueeze(1)
    labels = None
    names: tuple[str, ...] = ()
    lp = _labels_path(path)
    if lp is not None:
        lab = read_idx(lp)
        if lab.ndim != 1:
            raise DatasetError(message("data.idx_label_shape", path=shown_path(lp), shape=list(lab.shape),
                                       images=shown_path(path.name)))
        if len(lab) != n:
            raise DatasetError(message("data.idx_label_count", path=shown_path(lp), labels=f"{len(lab):,}",
                                       count=f"{n:,}", images=shown_path(path.name)))
        labels = torch.from_numpy(lab.astype(np.int64))
        names = FASHION if "fashion" in str(path).lower() else tuple(str(d) for d in range(int(lab.max()) + 1))
    return ImageDataset(f"mnist:{path.name}", images, labels, names)
