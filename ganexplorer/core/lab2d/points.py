"""Points files for drawn targets and generated samples: .npy (no pickles) or two-column text, bounded.

Every read opens the path without blocking (a FIFO never hangs us), refuses anything but a regular
file, reads at most ``MAX_BYTES`` + 1 bytes and checks the array (shape [n, 2], finite numbers,
at most ``MAX_POINTS`` rows) before anyone uses it. Problems are :class:`PointsFileError`: one
sentence naming the file. Writes are atomic (:func:`ganexplorer.core.io.atomic_write`).
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import numpy as np

from ganexplorer.core.io import atomic_write
from ganexplorer.core.lab2d.errors import Lab2DError
from ganexplorer.core.messages import message

MAX_BYTES = 8 * 1024 * 1024
MAX_POINTS = 100_000
TEXT_SUFFIXES = (".csv", ".txt")


class PointsFileError(Lab2DError):
    """A points file that cannot be used; the message is one core sentence naming it."""


def _read_bounded(path: Path) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise PointsFileError(message("lab2d.points_missing", path=path)) from None
    except OSError as e:
        raise PointsFileError(message("lab2d.points_unopenable", path=path, detail=e.strerror or e)) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise PointsFileError(message("lab2d.points_folder", path=path))
        if not stat.S_ISREG(st.st_mode):
            raise PointsFileError(message("lab2d.points_not_regular", path=path))
        if st.st_size > MAX_BYTES:
            raise PointsFileError(message("lab2d.points_too_large", path=path, size=f"{st.st_size / 2**20:.0f}",
                                          limit=MAX_BYTES // 2**20))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks, total = [], 0
        while total <= MAX_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_BYTES + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > MAX_BYTES:
            raise PointsFileError(message("lab2d.points_grew", path=path, limit=MAX_BYTES // 2**20))
        return b"".join(chunks)
    finally:
        os.close(fd)


def _parse_text(path: Path, data: bytes) -> np.ndarray:
    rows = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise PointsFileError(message("lab2d.points_not_text", path=path)) from None
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.replace(",", " ").split()
        try:
            rows.append([float(v) for v in parts])
        except ValueError:
            if not rows and number == 1:
                continue        # a header line
            raise PointsFileError(message("lab2d.points_line", path=path, line=number)) from None
        if len(rows[-1]) != 2:
            raise PointsFileError(message("lab2d.points_line_count", path=path, line=number, found=len(parts)))
        if len(rows) > MAX_POINTS:
            raise PointsFileError(message("lab2d.points_too_many", path=path, limit=MAX_POINTS))
    return np.array(rows, dtype=np.float64).reshape(-1, 2)


def _parse_npy(path: Path, data: bytes) -> np.ndarray:
    try:
        arr = np.load(io.BytesIO(data), allow_pickle=False)
    except ValueError as e:
        if "pickle" in str(e).lower():
            raise PointsFileError(message("lab2d.points_pickle", path=path)) from None
        raise PointsFileError(message("lab2d.points_bad_npy", path=path)) from None
    except Exception:   # noqa: BLE001 - numpy raises many kinds for a damaged header
        raise PointsFileError(message("lab2d.points_bad_npy", path=path)) from None
    if not isinstance(arr, np.ndarray):
        raise PointsFileError(message("lab2d.points_archive", path=path))
    if arr.dtype.kind not in "fiu":
        raise PointsFileError(message("lab2d.points_dtype", path=path, dtype=arr.dtype))
    return arr


def read_points(path: str | Path) -> np.ndarray:
    """The points [n, 2] (float64) in ``path``; PointsFileError (one sentence naming it) otherwise."""
    path = Path(path)
    data = _read_bounded(path)
    is_npy = data[:6] == b"\x93NUMPY"
    if path.suffix.lower() == ".npy" and not is_npy and data[:2] != b"PK":
        raise PointsFileError(message("lab2d.points_magic", path=path))
    arr = _parse_npy(path, data) if is_npy or data[:2] == b"PK" else _parse_text(path, data)
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise PointsFileError(message("lab2d.points_shape", path=path, shape=list(arr.shape)))
    if len(arr) > MAX_POINTS:
        raise PointsFileError(message("lab2d.points_count", path=path, count=len(arr), limit=MAX_POINTS))
    arr = arr.astype(np.float64)
    if not np.isfinite(arr).all():
        raise PointsFileError(message("lab2d.points_not_finite", path=path))
    return arr


def write_points(path: str | Path, points: np.ndarray) -> None:
    """Save points [n, 2]: as text for .csv / .txt, as .npy otherwise (atomically)."""
    path = Path(path)
    pts = np.asarray(points, dtype=np.float32).reshape(-1, 2)
    if path.suffix.lower() in TEXT_SUFFIXES:
        atomic_write(path, lambda tmp: np.savetxt(tmp, pts, delimiter=",", header="x,y", comments="",
                                                  fmt="%.6g"))
    else:
        def save(tmp: Path) -> None:
            with open(tmp, "wb") as fh:
                np.save(fh, pts, allow_pickle=False)
        atomic_write(path, save)
