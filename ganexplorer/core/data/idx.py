"""MNIST / Fashion-MNIST IDX files (``train-images-idx3-ubyte[.gz]`` + the matching labels file)."""

from __future__ import annotations

import gzip
import struct
import zlib
from pathlib import Path

import numpy as np
import torch

from ganexplorer.core.data.base import DatasetError, ImageDataset

FASHION = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot")


def _read(path: Path) -> np.ndarray:
    """The file's bytes as a uint8 array, gunzipped if need be.

    Never through a Python ``bytes`` slice of the whole file: copying 47 MB that way holds the
    interpreter lock for ~150 ms, a visible stall of the window while the training thread opens
    the data. ``np.fromfile`` reads without holding it."""
    try:
        with open(path, "rb") as f:
            head = f.read(2)
        if head == b"\x1f\x8b":
            with gzip.open(path, "rb") as g:
                return np.frombuffer(g.read(), dtype=np.uint8)
        return np.fromfile(path, dtype=np.uint8)
    except (OSError, EOFError, zlib.error) as e:
        raise DatasetError(f"'{path}' could not be read ({e.__class__.__name__}: {e})") from None


def read_idx(path: Path) -> np.ndarray:
    """An IDX array (magic 0x0000 0x08 ndim, big-endian sizes, uint8 data); may be a read-only view."""
    data = _read(path)
    if len(data) < 4 or data[0] != 0 or data[1] != 0:
        raise DatasetError(f"'{path}' is not an IDX file (MNIST format): its first bytes are "
                           f"{data[:4].tobytes().hex(' ')}")
    if data[2] != 0x08:
        raise DatasetError(f"'{path}' is an IDX file of type 0x{data[2]:02x}; only unsigned bytes (0x08) are supported")
    ndim = int(data[3])
    if len(data) < 4 + 4 * ndim:
        raise DatasetError(f"'{path}' is truncated: its header is incomplete")
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim].tobytes())
    n = int(np.prod(dims)) if dims else 0
    body = data[4 + 4 * ndim:]
    if len(body) < n:
        raise DatasetError(f"'{path}' is truncated: it should hold {n:,} bytes of data but has {len(body):,}")
    return body[:n].reshape(dims)


def _labels_path(images: Path) -> Path | None:
    name = images.name
    for a, b in (("images-idx3", "labels-idx1"), ("images", "labels")):
        if a in name:
            p = images.with_name(name.replace(a, b))
            if p.exists():
                return p
    return None


def load_idx_dataset(path: Path) -> ImageDataset:
    if not path.exists():
        raise DatasetError(f"'{path}' does not exist")
    arr = read_idx(path)
    if arr.ndim != 3:
        raise DatasetError(f"'{path}' holds an IDX array of shape {list(arr.shape)}, not images [N, H, W]")
    images = torch.from_numpy(arr.copy()).unsqueeze(1)
    labels = None
    names: tuple[str, ...] = ()
    lp = _labels_path(path)
    if lp is not None:
        lab = read_idx(lp)
        if lab.ndim == 1 and len(lab) == len(arr):
            labels = torch.from_numpy(lab.astype(np.int64))
            names = FASHION if "fashion" in str(path).lower() else tuple(str(d) for d in range(int(lab.max()) + 1))
    return ImageDataset(f"mnist:{path.name}", images, labels, names)
