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

FASHION = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot")
MAX_FILE_BYTES = 2 * MAX_IMAGE_BYTES   # an uncompressed IDX file at most; a gzip one is bounded by its header


def _read_exact(f: BinaryIO, n: int, path: Path) -> np.ndarray:
    """``n`` bytes from ``f`` as a writable uint8 array, read in chunks (no whole-file ``bytes`` copy: copying
    47 MB through a Python ``bytes`` holds the interpreter lock ~150 ms, a visible stall of the window)."""
    out = np.empty(n, dtype=np.uint8)
    view, done = memoryview(out), 0
    while done < n:
        got = f.readinto(view[done:done + (8 << 20)])  # type: ignore[attr-defined]
        if not got:
            raise DatasetError(f"'{shown_path(path)}' is truncated: it should hold {n:,} bytes of data "
                               f"but has {done:,}")
        done += got
    return out


def _header(f: BinaryIO, path: Path) -> tuple[int, ...]:
    head = f.read(4)
    if len(head) < 4 or head[0] != 0 or head[1] != 0:
        raise DatasetError(f"'{shown_path(path)}' is not an IDX file (MNIST format): its first bytes are "
                           f"{head.hex(' ') or 'missing'}")
    if head[2] != 0x08:
        raise DatasetError(f"'{shown_path(path)}' is an IDX file of type 0x{head[2]:02x}; only unsigned bytes (0x08) "
                           "are supported")
    ndim = head[3]
    raw = f.read(4 * ndim)
    if len(raw) < 4 * ndim:
        raise DatasetError(f"'{shown_path(path)}' is truncated: its header is incomplete")
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
                raise DatasetError(f"'{shown_path(path)}' holds more data than its header says "
                                   f"({'x'.join(map(str, dims))} bytes); it is not a plain IDX file")
    except (OSError, EOFError, zlib.error) as e:
        raise DatasetError(f"'{shown_path(path)}' could not be read: it is a damaged or truncated IDX file "
                           f"({type(e).__name__})") from None
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
        raise DatasetError(f"'{shown_path(path)}' holds an IDX array of shape {list(arr.shape)}, not images [N, H, W]")
    n, h, w = arr.shape
    if n == 0:
        raise DatasetError(f"'{shown_path(path)}' holds no images")
    if not (1 <= h <= MAX_SIDE and 1 <= w <= MAX_SIDE):
        raise DatasetError(f"'{shown_path(path)}' holds images of {h} x {w} pixels; expected 1 to {MAX_SIDE} "
                           "pixels a side")
    images = torch.from_numpy(arr).unsqueeze(1)
    labels = None
    names: tuple[str, ...] = ()
    lp = _labels_path(path)
    if lp is not None:
        lab = read_idx(lp)
        if lab.ndim != 1:
            raise DatasetError(f"'{shown_path(lp)}' holds an IDX array of shape {list(lab.shape)}, "
                               f"not one label per image of '{shown_path(path.name)}'")
        if len(lab) != n:
            raise DatasetError(f"'{shown_path(lp)}' holds {len(lab):,} labels for {n:,} images in "
                               f"'{shown_path(path.name)}'; expected one label per image")
        labels = torch.from_numpy(lab.astype(np.int64))
        names = FASHION if "fashion" in str(path).lower() else tuple(str(d) for d in range(int(lab.max()) + 1))
    return ImageDataset(f"mnist:{path.name}", images, labels, names)
