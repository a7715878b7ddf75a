"""CIFAR-10 "python version" batches (``data_batch_1`` ... ``test_batch``), read without running code.

The batches are pickles; they go through the same restricted unpickler as checkpoints.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch

from ganexplorer.core.data.base import DatasetError, ImageDataset
from ganexplorer.core.formats.errors import UnsafePickleError
from ganexplorer.core.formats.safe_pickle import RestrictedUnpickler

CLASSES = ("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")


def _batch(path: Path) -> tuple[np.ndarray, list[int]]:
    try:
        with open(path, "rb") as f:
            d = RestrictedUnpickler(f, encoding="bytes").load()
    except UnsafePickleError as e:
        raise DatasetError(f"'{path}' is a pickle that names {e}, which ganexplorer refuses to run") from None
    except Exception as e:  # noqa: BLE001 -- any failure of a foreign pickle is one sentence
        raise DatasetError(f"'{path}' is not a readable CIFAR-10 batch ({type(e).__name__})") from None
    if not isinstance(d, dict):
        raise DatasetError(f"'{path}' is not a CIFAR-10 batch (it holds a {type(d).__name__})")
    data = d.get(b"data", d.get("data"))
    labels = d.get(b"labels", d.get("labels"))
    if not isinstance(data, np.ndarray) or data.ndim != 2 or data.shape[1] != 3072 or labels is None:
        raise DatasetError(f"'{path}' is not a CIFAR-10 batch (no 3072-wide 'data' array with 'labels')")
    return data.astype(np.uint8), list(labels)


def load_cifar10(path: Path) -> ImageDataset:
    if path.is_dir():
        files = sorted(path.glob("data_batch_*")) or sorted(path.glob("test_batch"))
        if not files:
            raise DatasetError(f"'{path}' holds no CIFAR-10 batches (data_batch_1 ... data_batch_5)")
    elif path.exists():
        files = [path]
    else:
        raise DatasetError(f"'{path}' does not exist")
    datas, labels = [], []
    for f in files:
        d, lab = _batch(f)
        datas.append(d)
        labels += lab
    images = torch.from_numpy(np.concatenate(datas)).reshape(-1, 3, 32, 32)
    return ImageDataset(f"cifar10:{path.name}", images, torch.tensor(labels, dtype=torch.int64), CLASSES)
