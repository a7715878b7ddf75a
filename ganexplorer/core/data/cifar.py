"""CIFAR-10 "python version" batches (``data_batch_1`` ... ``test_batch``), read without running code.

The batches are pickles; they go through the same restricted unpickler as checkpoints.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch

from ganexplorer.core.data.base import MAX_IMAGE_BYTES, DatasetError, ImageDataset, guarded_open, too_many
from ganexplorer.core.formats.errors import UnsafePickleError
from ganexplorer.core.formats.safe_pickle import RestrictedUnpickler
from ganexplorer.core.guarded import shown_path

CLASSES = ("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")


MAX_BATCH_BYTES = 256 * 2**20   # a CIFAR-10 batch is 31 MB; CIFAR-100's train file 155 MB


def _labels(path: Path, labels: object, n: int) -> np.ndarray:
    """The batch's labels as int64, or one sentence saying what was expected."""
    expected = f"'{shown_path(path)}' has 'labels' that are not one integer label in 0..9 per image"
    if isinstance(labels, np.ndarray):
        if labels.ndim != 1 or labels.dtype.kind not in "iu":
            raise DatasetError(expected)
        values = labels.astype(np.int64)
    elif isinstance(labels, (list, tuple)):
        if not all(type(v) is int or isinstance(v, np.integer) for v in labels):
            raise DatasetError(expected)
        if any(not 0 <= int(v) <= 9 for v in labels):
            raise DatasetError(expected)
        values = np.array([int(v) for v in labels], dtype=np.int64)
    else:
        raise DatasetError(expected)
    if len(values) != n:
        raise DatasetError(f"'{shown_path(path)}' has {len(values):,} labels for {n:,} images; "
                           "expected one label per image")
    if values.size and (values.min() < 0 or values.max() > 9):
        raise DatasetError(expected)
    return values


def _batch(path: Path) -> tuple[np.ndarray, np.ndarray]:
    f, _ = guarded_open(path, MAX_BATCH_BYTES, "CIFAR-10 batch")
    try:
        with f:
            d = RestrictedUnpickler(f, encoding="bytes").load()
    except UnsafePickleError as e:
        raise DatasetError(f"'{shown_path(path)}' is a pickle that names {e}, which ganexplorer refuses to run") \
            from None
    except Exception as e:  # noqa: BLE001 -- any failure of a foreign pickle is one sentence
        raise DatasetError(f"'{shown_path(path)}' is not a readable CIFAR-10 batch ({type(e).__name__})") from None
    if not isinstance(d, dict):
        raise DatasetError(f"'{shown_path(path)}' is not a CIFAR-10 batch (it holds a {type(d).__name__})")
    data = d.get(b"data", d.get("data"))
    labels = d.get(b"labels", d.get("labels"))
    if not isinstance(data, np.ndarray) or data.ndim != 2 or data.shape[1] != 3072 or labels is None:
        raise DatasetError(f"'{shown_path(path)}' is not a CIFAR-10 batch (no 3072-wide 'data' array with 'labels')")
    if data.dtype != np.uint8:
        if data.dtype.kind not in "iu" or (data.size and (data.min() < 0 or data.max() > 255)):
            raise DatasetError(f"'{shown_path(path)}' holds 'data' of type {data.dtype}; expected bytes (0..255)")
        data = data.astype(np.uint8)
    return data, _labels(path, labels, len(data))


def load_cifar10(path: Path) -> ImageDataset:
    if path.is_dir():
        files = sorted(path.glob("data_batch_*")) or sorted(path.glob("test_batch"))
        if not files:
            raise DatasetError(f"'{shown_path(path)}' holds no CIFAR-10 batches (data_batch_1 ... data_batch_5)")
    else:
        files = [path]
    datas, labels, total = [], [], 0
    for f in files:
        d, lab = _batch(f)
        total += d.nbytes
        if total > MAX_IMAGE_BYTES:
            raise too_many(path, total)
        datas.append(d)
        labels.append(lab)
    images = torch.from_numpy(np.concatenate(datas)).reshape(-1, 3, 32, 32)
    return ImageDataset(f"cifar10:{path.name}", images, torch.from_numpy(np.concatenate(labels)), CLASSES)
