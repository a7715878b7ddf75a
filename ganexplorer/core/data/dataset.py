"""An in-memory image dataset and the ``kind:PATH`` specs the CLI and GUI use to open one.

Specs: ``builtin:digits``, ``builtin:shapes`` (procedural, see ``shapes.py``), ``mnist:PATH`` (IDX, also Fashion-MNIST; .gz or raw),
``quickdraw:PATH`` (numpy_bitmap .npy or simplified .ndjson), ``cifar10:DIR`` (python
batches), ``folder:DIR`` (any images). Every reader raises :class:`DatasetError` with one
sentence for a wrong or broken file.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ganexplorer.core.data.base import DatasetError, ImageDataset, model_input
from ganexplorer.core.guarded import shown_path
from ganexplorer.core.messages import message

log = logging.getLogger(__name__)

__all__ = ["DatasetError", "ImageDataset", "check_dataset_spec", "model_input", "open_dataset"]

CHOICES = "builtin:digits, builtin:shapes, mnist:PATH, quickdraw:PATH, cifar10:DIR or folder:DIR"
FILE_KINDS = {"mnist": "file", "fashion-mnist": "file", "idx": "file", "quickdraw": "file", "cifar10": "path",
              "cifar-10": "path", "cifar": "path", "folder": "folder"}


def check_dataset_spec(spec: str) -> None:
    """The cheap part of :func:`open_dataset`: a known kind and an existing file or folder (no reading).

    Lets a caller refuse a mistyped spec at once, before handing the slow part to a worker thread."""
    kind, _, arg = spec.partition(":")
    kind = kind.strip().lower()
    if kind == "builtin":
        from ganexplorer.core.data.builtin import BUILTIN

        if (arg or "digits") not in BUILTIN:
            raise DatasetError(message("data.no_builtin", name=arg))
        return
    if kind not in FILE_KINDS:
        raise DatasetError(message("data.unknown", spec=spec, choices=CHOICES))
    path = Path(arg)
    if FILE_KINDS[kind] == "folder" and not path.is_dir():
        raise DatasetError(message("data.not_folder", path=shown_path(path)))
    if not path.exists():
        raise DatasetError(message("data.missing", path=shown_path(path)))


def open_dataset(spec: str, limit: int | None = None) -> ImageDataset:
    """Open a dataset from a ``kind:PATH`` spec (see module docstring)."""
    check_dataset_spec(spec)
    kind, _, arg = spec.partition(":")
    kind = kind.strip().lower()
    if kind == "builtin":
        from ganexplorer.core.data.builtin import load_builtin

        ds = load_builtin(arg or "digits")
    elif kind in ("mnist", "fashion-mnist", "idx"):
        from ganexplorer.core.data.idx import load_idx_dataset

        ds = load_idx_dataset(Path(arg))
    elif kind == "quickdraw":
        from ganexplorer.core.data.quickdraw import load_quickdraw

        ds = load_quickdraw(Path(arg))
    elif kind in ("cifar10", "cifar-10", "cifar"):
        from ganexplorer.core.data.cifar import load_cifar10

        ds = load_cifar10(Path(arg))
    elif kind == "folder":
        from ganexplorer.core.data.folder import load_folder

        ds = load_folder(Path(arg))
    else:
        raise DatasetError(message("data.unknown", spec=spec, choices=CHOICES))
    if len(ds) == 0:
        raise DatasetError(message("data.no_images", path=shown_path(arg or spec)))
    for note in ds.notes:   # the command line shows warnings on stderr; the window reads ds.notes
        log.warning("%s", note)
    if limit is not None and len(ds) > limit:
        ds = ImageDataset(ds.name, ds.images[:limit], None if ds.labels is None else ds.labels[:limit],
                          ds.class_names, ds.attribution, ds.notes)
    return ds

