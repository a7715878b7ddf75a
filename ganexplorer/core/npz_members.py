"""What an ``.npz`` member's header claims, checked before numpy allocates it.

``np.load`` trusts each member's ``.npy`` header: an 874-byte file can claim a [1, 100000, 100000] array, and
numpy asks for 37 GiB before it reads a byte of data. A member's array can never be larger than the bytes
it unpacks to (``ZipInfo.file_size``, already bounded by the readers), so a header that claims more is a
crafted or damaged file, refused before anything is allocated.
"""

from __future__ import annotations

import io
import math
import zipfile

import numpy as np


def oversized_member(data: bytes) -> str | None:
    """The name of the first member whose header claims more than it holds; ``None`` when every header fits
    (a header numpy cannot parse, or an object array, is left to ``np.load(allow_pickle=False)`` to refuse)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            if not info.filename.endswith(".npy"):
                continue
            with zf.open(info) as f:
                try:
                    version = np.lib.format.read_magic(f)
                    read = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
                    shape, _fortran, dtype = read(f)
                except (ValueError, OSError, EOFError):
                    continue
            if not dtype.hasobject and math.prod(shape) * dtype.itemsize > info.file_size:
                return info.filename.removesuffix(".npy")
    return None
