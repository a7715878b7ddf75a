"""Optional downloads of MNIST / Fashion-MNIST and Quick Draw categories, into a local cache.

Nothing in the app needs the network: this is only used when a user asks for it. Files are
written atomically into the cache (``~/.cache/ganexplorer`` by default, or
``GANEXPLORER_CACHE``), and a file already in the cache is not fetched again. ``base_url``
can be overridden (tests point it at a server on 127.0.0.1).

Nothing is cached as complete on the server's word: a file the app knows (:data:`KNOWN`) must have
its published size and SHA-256 (the sums the datasets' own pages and TensorFlow Datasets publish),
whatever ``Content-Length`` said or did not say; a Quick Draw ``.npy`` (one per category, no
published sums) must be a whole NumPy array: its header's shape accounts for every byte. A cached
file is checked the same way before it is trusted, and fetched again if it fails.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable

from ganexplorer.core.data.base import DatasetError
from ganexplorer.core.io import atomic_write
from ganexplorer.core.messages import message

SOURCES = {
    "mnist": ("https://storage.googleapis.com/cvdf-datasets/mnist/",
              ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"]),
    "fashion-mnist": ("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
                      ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"]),
    "quickdraw": ("https://storage.googleapis.com/quickdraw_dataset/full/numpy_bitmap/", []),
}
# (kind, file) -> (bytes, SHA-256) as published for the canonical files (any mirror must serve the same bytes).
KNOWN: dict[tuple[str, str], tuple[int, str]] = {
    ("mnist", "train-images-idx3-ubyte.gz"):
        (9_912_422, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
    ("mnist", "train-labels-idx1-ubyte.gz"):
        (28_881, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
    ("fashion-mnist", "train-images-idx3-ubyte.gz"):
        (26_421_880, "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
    ("fashion-mnist", "train-labels-idx1-ubyte.gz"):
        (29_515, "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
}
NPY_LIMIT = 1 << 30   # bytes: the largest Quick Draw category is about 270 MB
Progress = Callable[[int, int | None], bool | None]   # (bytes so far, total or None) -> False cancels


def cache_dir() -> Path:
    return Path(os.environ.get("GANEXPLORER_CACHE", Path.home() / ".cache" / "ganexplorer"))


def _problem(path: Path, known: tuple[int, str] | None) -> str | None:
    """What is wrong with a downloaded (or cached) file, or None when it is whole."""
    size = path.stat().st_size
    if known is not None:
        want_size, want_sha = known
        if size != want_size:
            return message("data.dl_size", size=f"{size:,}", want=f"{want_size:,}")
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        return None if digest.hexdigest() == want_sha else message("data.dl_sha")
    return _npy_problem(path, size)


def _npy_problem(path: Path, size: int) -> str | None:
    """A NumPy array file is whole when its header's shape and type account for every byte after it."""
    import numpy as np

    try:
        with open(path, "rb") as f:
            fmt = np.lib.format
            read = fmt.read_array_header_1_0 if fmt.read_magic(f) == (1, 0) else fmt.read_array_header_2_0
            shape, _, dtype = read(f, max_header_size=10_000)
            data_start = f.tell()
    except (ValueError, OSError, SyntaxError):
        return message("data.dl_not_npy")
    need = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
    return None if size - data_start == need else message("data.dl_npy_size", got=f"{size - data_start:,}",
                                                          need=f"{need:,}")


def _fetch(url: str, dest: Path, known: tuple[int, str] | None, progress: Progress | None,
           timeout: float) -> Path:
    if dest.is_file() and _problem(dest, known) is None:
        return dest
    limit = known[0] if known is not None else NPY_LIMIT
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:  # noqa: S310 (http(s) URLs we build)
            total = resp.headers.get("Content-Length")
            total = int(total) if total and total.isdigit() else None

            def write(tmp: Path) -> None:
                done = 0
                with open(tmp, "wb") as f:
                    while True:
                        chunk = resp.read(1 << 16)
                        if not chunk:
                            break
                        f.write(chunk)
                        done += len(chunk)
                        if done > limit:
                            raise DatasetError(message("data.dl_too_large", url=url, limit=f"{limit:,}"))
                        if progress is not None and progress(done, total) is False:
                            raise InterruptedError("download cancelled")
                if total is not None and done != total:
                    raise DatasetError(message("data.dl_cut", url=url, done=f"{done:,}", total=f"{total:,}"))
                wrong = _problem(tmp, known)
                if wrong is not None:   # cut short without a length, an error page, another file
                    raise DatasetError(message("data.dl_wrong", url=url, problem=wrong))

            atomic_write(dest, write)
    except http.client.IncompleteRead as e:
        raise DatasetError(message("data.dl_cut_at", url=url, done=f"{len(e.partial):,}")) from None
    except http.client.HTTPException:   # not an HTTP server, or a reply that breaks the protocol
        raise DatasetError(message("data.dl_not_http", url=url)) from None
    except (urllib.error.URLError, TimeoutError, ConnectionError) as e:
        reason = getattr(e, "reason", e)
        raise DatasetError(message("data.dl_offline", url=url, reason=reason)) from None
    return dest


def download(name: str, base_url: str | None = None, progress: Progress | None = None,
             timeout: float = 60.0) -> str:
    """Fetch a dataset into the cache and return the ``kind:PATH`` spec that opens it.

    ``name``: ``mnist``, ``fashion-mnist`` or ``quickdraw:CATEGORY`` (e.g. ``quickdraw:cat``).
    """
    kind, _, category = name.partition(":")
    if kind not in SOURCES:
        raise DatasetError(message("data.dl_unknown", name=name))
    default_base, files = SOURCES[kind]
    base = (base_url or default_base).rstrip("/") + "/"
    if kind == "quickdraw":
        if not category or "/" in category or category.startswith("."):
            raise DatasetError(message("data.dl_category"))
        files = [f"{category.replace(' ', '%20')}.npy"]
    folder = cache_dir() / kind
    paths = [_fetch(base + f, folder / f.replace("%20", " "), KNOWN.get((kind, f)), progress, timeout)
             for f in files]
    return f"{'mnist' if kind != 'quickdraw' else 'quickdraw'}:{paths[0]}"
