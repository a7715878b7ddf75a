"""Directions files (.npz) that others can open: what they hold, and reading one a stranger sent.

Keys (DESIGN.md): ``directions`` [K, w_dim] unit rows, ``method`` ('pca', 'sefa', 'labels'),
``layers`` [start, end) — the w indices a direction acts on —, ``sigma`` [K] (std of w along
each row over 10,000 mapped z; the slider unit), and optionally ``score`` [K] (the share of
variance or spectrum for PCA/SeFa, the held-out accuracy for labels). A file is read like any
input: regular files only, bounded size, ``np.load(allow_pickle=False)`` on the bytes already
read, every array checked for shape, type and finite, sane values before anything uses it.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ganexplorer.core.guarded import read_bounded_bytes
from ganexplorer.core.messages import Message, message
from ganexplorer.core.npz_members import oversized_member

METHODS = ("pca", "sefa", "labels")
MAX_BYTES = 16 * 2 ** 20        # 512 directions of 4096 float64 numbers fit in a quarter of this
MAX_DIRECTIONS = 512
MAX_W_DIM = 4096
MAX_LAYERS = 64                 # more ws than any StyleGAN2 has
MAX_SIGMA = 1e4
UNIT_TOLERANCE = 1e-3
_KEYS = {"directions", "method", "layers", "sigma", "score"}


@dataclass(frozen=True)
class DirectionSet:
    vectors: np.ndarray          # [K, w_dim] float32 unit rows
    sigmas: np.ndarray           # [K] float32 > 0
    method: str                  # one of METHODS
    layers: tuple[int, int]      # w indices [start, end)
    scores: np.ndarray | None = None   # [K] share of variance/spectrum, or held-out accuracy

    @property
    def w_dim(self) -> int:
        return int(self.vectors.shape[1])

    def __len__(self) -> int:
        return int(self.vectors.shape[0])


def save_directions(path: str | Path, dset: DirectionSet) -> None:
    """Write ``dset`` atomically (temp file + rename), so a crash never leaves half a file under the name."""
    path = Path(path)
    arrays = dict(directions=np.asarray(dset.vectors, np.float32), method=np.array(dset.method),
                  layers=np.asarray(dset.layers, np.int64), sigma=np.asarray(dset.sigmas, np.float32))
    if dset.scores is not None:
        arrays["score"] = np.asarray(dset.scores, np.float32)
    fd, tmp = tempfile.mkstemp(prefix=".dirs-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            np.savez(f, **arrays)  # type: ignore[arg-type]  # numpy's stub matches ** against allow_pickle: bool
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _bad(path: str | Path, code: str, **args: object) -> ValueError:
    return ValueError(message("file.frame", path=str(path), problem=message(code, **args)))


def _read_bytes(path: str | Path) -> bytes:
    """The file's bytes through the guarded opener (a regular file of at most MAX_BYTES; one sentence naming it)."""
    data = read_bounded_bytes(path, MAX_BYTES, "directions file")
    if not data:
        raise _bad(path, "file.empty")
    return data


def _arrays(path: str | Path, data: bytes) -> dict[str, np.ndarray]:
    """The npz's arrays, refusing members that are not ours, that unpack too large, or that hold pickles."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
        names = {i.filename.removesuffix(".npy") for i in infos}
        if len(infos) > len(_KEYS) or not names <= _KEYS:
            raise _bad(path, "dirs.keys", keys=", ".join(sorted(names - _KEYS)) or "duplicates")
        if sum(i.file_size for i in infos) > 4 * MAX_BYTES or oversized_member(data) is not None:
            raise _bad(path, "dirs.too_large", limit=f"{4 * MAX_BYTES // 2 ** 20} MiB unpacked")
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            return {k: npz[k] for k in npz.files}
    except ValueError as e:
        if isinstance(e.args[0] if e.args else None, Message):
            raise
        raise _bad(path, "dirs.not_npz", detail=str(e)[:200]) from None
    except MemoryError:
        raise _bad(path, "dirs.too_large", limit=f"{4 * MAX_BYTES // 2 ** 20} MiB unpacked") from None
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, NotImplementedError) as e:   # (an unknown compression)
        raise _bad(path, "dirs.not_npz", detail=str(e)[:200] or type(e).__name__) from None


def load_directions(path: str | Path, w_dim: int | None = None, num_ws: int | None = None) -> DirectionSet:
    """A checked directions file; with ``w_dim``/``num_ws`` also checked against the model it will move."""
    a = _arrays(path, _read_bytes(path))
    for key in ("directions", "method", "layers", "sigma"):
        if key not in a:
            raise _bad(path, "dirs.missing_key", key=key)
    vec, method, layers, sigma = a["directions"], a["method"], a["layers"], a["sigma"]
    if vec.ndim != 2 or not 1 <= vec.shape[0] <= MAX_DIRECTIONS or not 1 <= vec.shape[1] <= MAX_W_DIM \
            or vec.dtype.kind != "f":
        raise _bad(path, "dirs.shape", key="directions", want="[K, w_dim] floats", found=f"{vec.dtype} {vec.shape}")
    k = vec.shape[0]
    if method.dtype.kind != "U" or method.ndim != 0 or str(method) not in METHODS:
        raise _bad(path, "dirs.method", methods=", ".join(METHODS))
    if layers.dtype.kind not in "iu" or layers.shape != (2,):
        raise _bad(path, "dirs.shape", key="layers", want="two integers", found=f"{layers.dtype} {layers.shape}")
    if sigma.dtype.kind != "f" or sigma.shape != (k,):
        raise _bad(path, "dirs.shape", key="sigma", want=f"[{k}] floats", found=f"{sigma.dtype} {sigma.shape}")
    score = a.get("score")
    if score is not None and (score.dtype.kind != "f" or score.shape != (k,) or not np.isfinite(score).all()):
        raise _bad(path, "dirs.shape", key="score", want=f"[{k}] finite floats", found=f"{score.dtype} {score.shape}")
    vec = vec.astype(np.float64)
    if not np.isfinite(vec).all() or not np.isfinite(sigma).all():
        raise _bad(path, "dirs.not_finite")
    if np.abs(np.linalg.norm(vec, axis=1) - 1).max() > UNIT_TOLERANCE:
        raise _bad(path, "dirs.not_unit")
    if not ((sigma > 0) & (sigma <= MAX_SIGMA)).all():
        raise _bad(path, "dirs.sigma", high=MAX_SIGMA)
    start, end = int(layers[0]), int(layers[1])
    top = MAX_LAYERS if num_ws is None else num_ws
    if not 0 <= start < end <= top:
        raise _bad(path, "dirs.layers", start=start, end=end, top=top)
    if w_dim is not None and vec.shape[1] != w_dim:
        raise _bad(path, "dirs.other_model", found=vec.shape[1], wanted=w_dim)
    return DirectionSet((vec / np.linalg.norm(vec, axis=1, keepdims=True)).astype(np.float32),
                        sigma.astype(np.float32), str(method), (start, end),
                        None if score is None else score.astype(np.float32))
