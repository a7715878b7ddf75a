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
from ganexplorer.core.messages import message

CLASSES = ("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")


MAX_BATCH_BYTES = 256 * 2**20   # a CIFAR-10 batch is 31 MB; CIFAR-100's train file 155 MB


def _labels(path: Path, labels: object, n: int) -> np.ndarray:
    """The batch's labels as int64, or one sentence saying what was expected."""
    expected = message("data.cifar_labels", path=shown_path(path))
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
        raise DatasetError(message("data.cifar_label_count", path=shown_path(path), labels=f"{len(values):,}",
                                   count=f"{n:,}"))
    if values.size and (values.min() < 0 or values.max() > 9):
        raise DatasetError(expected)
    return values


def _batch(path: Path) -> tuple[np.ndarray, np.ndarray]:
    f, _ = guarded_open(path, MAX_BATCH_BYTES, "CIFAR-10 batch")
    try:
        with f:
            d = RestrictedUnpickler(f, encoding="bytes").load()
    except UnsafePickleError as e:
        raise DatasetError(message("data.cifar_code", path=shown_path(path), name=str(e))) from None
    except Exception as e:  # noqa: BLE001 -- any failure of a foreign pickle is one sentence
        raise DatasetError(message("data.cifar_unreadable", path=shown_path(path), detail=type(e).__name__)) from None
    if not isinstance(d, dict):
        raise DatasetError(message("data.cifar_not_dict", path=shown_path(path), kind=type(d).__name__))
    data = d.get(b"data", d.get("data"))
    labels = d.get(b"labels", d.get("labels"))
    if not isinstance(data, np.ndarray) or data.ndim != 2 or data.shape[1] != 3072 or labels is None:
        raise DatasetError(message("data.cifar_no_data", path=shown_path(path)))
    if data.dtype != np.uint8:
        if data.dtype.kind not in "iu" or (data.size and (data.min() < 0 or data.max() > 255)):
            raise DatasetError(message("data.cifar_dtype", path=shown_path(path), dtype=data.dtype))
        data = data.astype(np.uint8)
    return data, _labels(path, labels, len(data))


def load_cifar10(path: Path) -> ImageDataset:
    if path.is_dir():
        files = sorted(path.glob("data_batch_*")) or sorted(path.glob("test_batch"))
        if not files:
            raise DatasetError(message("data.cifar_no_batches", path=shown_path(path)))
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
