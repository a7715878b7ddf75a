"""Optional downloads of MNIST / Fashion-MNIST and Quick Draw categories, into a local cache.

Nothing in the app needs the network: this is only used when a user asks for it. Files are
written atomically into the cache (``~/.cache/ganexplorer`` by default, or
``GANEXPLORER_CACHE``), and a file already in the cache is not fetched again. ``base_url``
can be overridden (tests point it at a server on 127.0.0.1).
"""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable

from ganexplorer.core.data.base import DatasetError
from ganexplorer.core.io import atomic_write

SOURCES = {
    "mnist": ("https://storage.googleapis.com/cvdf-datasets/mnist/",
              ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"]),
    "fashion-mnist": ("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
                      ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"]),
    "quickdraw": ("https://storage.googleapis.com/quickdraw_dataset/full/numpy_bitmap/", []),
}
Progress = Callable[[int, int | None], bool | None]   # (bytes so far, total or None) -> False cancels


def cache_dir() -> Path:
    return Path(os.environ.get("GANEXPLORER_CACHE", Path.home() / ".cache" / "ganexplorer"))


def _fetch(url: str, dest: Path, progress: Progress | None, timeout: float) -> Path:
    if dest.exists():
        return dest
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
                        if progress is not None and progress(done, total) is False:
                            raise InterruptedError("download cancelled")
                if total is not None and done != total:
                    raise DatasetError(f"the download of {url} stopped after {done:,} of {total:,} bytes")

            atomic_write(dest, write)
    except (urllib.error.URLError, TimeoutError, ConnectionError) as e:
        reason = getattr(e, "reason", e)
        raise DatasetError(f"could not download {url} ({reason}); are you online?") from None
    return dest


def download(name: str, base_url: str | None = None, progress: Progress | None = None,
             timeout: float = 60.0) -> str:
    """Fetch a dataset into the cache and return the ``kind:PATH`` spec that opens it.

    ``name``: ``mnist``, ``fashion-mnist`` or ``quickdraw:CATEGORY`` (e.g. ``quickdraw:cat``).
    """
    kind, _, category = name.partition(":")
    if kind not in SOURCES:
        raise DatasetError(f"unknown download '{name}': use mnist, fashion-mnist or quickdraw:CATEGORY")
    default_base, files = SOURCES[kind]
    base = (base_url or default_base).rstrip("/") + "/"
    if kind == "quickdraw":
        if not category or "/" in category or category.startswith("."):
            raise DatasetError("name a Quick Draw category, e.g. quickdraw:cat")
        files = [f"{category.replace(' ', '%20')}.npy"]
    folder = cache_dir() / kind
    paths = [_fetch(base + f, folder / f.replace("%20", " "), progress, timeout) for f in files]
    return f"{'mnist' if kind != 'quickdraw' else 'quickdraw'}:{paths[0]}"
