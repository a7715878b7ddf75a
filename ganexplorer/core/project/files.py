"""``projected_w.npz`` / ``projected_z.npz``: NVIDIA projector.py's file, written and read through guards.

Written: key ``w`` of shape [1, num_ws, w_dim] float32 exactly as NVIDIA's projector writes it
(z models: key ``z``, [1, z_dim]); fitted noise maps, when asked for, ride along as ``noise:<layer>``.
Read (from any tool): a regular file of bounded size, a zip whose members are checked by their
declared sizes before numpy sees them, ``np.load(allow_pickle=False)``, the shape checked against
the model, every number finite.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ganexplorer.core.guarded import InputFileError, read_bounded_bytes
from ganexplorer.core.io import atomic_write
from ganexplorer.core.messages import message
from ganexplorer.core.npz_members import oversized_member

MAX_NPZ_BYTES = 256 * 1024 * 1024
MAX_MEMBERS = 64


class ProjectedFileError(ValueError):
    """One sentence naming the file."""


@dataclass(frozen=True)
class Projected:
    """``latent``: 'w' -> [num_ws, w_dim]; 'z' -> [z_dim]."""

    kind: str
    latent: np.ndarray
    noise: dict[str, np.ndarray] = field(default_factory=dict)


def save_projected(path: str | Path, kind: str, latent: np.ndarray, noise: dict[str, np.ndarray] | None = None) -> Path:
    """Write ``latent`` (w: [num_ws, w_dim]; z: [z_dim]) with a leading batch axis of 1, atomically."""
    arrays = {kind: np.asarray(latent, dtype=np.float32)[None]}
    arrays.update({f"noise:{k}": np.asarray(v, np.float32) for k, v in (noise or {}).items()})
    path = Path(path)

    def write(tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            np.savez(fh, **arrays)  # type: ignore[arg-type]  # numpy's stub matches ** against allow_pickle: bool
    atomic_write(path, write)
    return path


def _read(path: Path) -> bytes:
    try:
        return read_bounded_bytes(path, MAX_NPZ_BYTES, "projected latent")
    except InputFileError as e:
        raise ProjectedFileError(str(e)) from None


def load_projected(path: str | Path, num_ws: int, w_dim: int, z_dim: int, style_based: bool) -> Projected:
    """A projected latent that fits the model (style-based: 'w' [1, num_ws or 1, w_dim]; else 'z' [1, z_dim])."""
    path = Path(path)
    data = _read(path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_NPZ_BYTES:
                raise ProjectedFileError(message("proj.archive_big", path=path))
        if oversized_member(data) is not None:   # a header claiming more than the member holds: numpy would allocate it
            raise ProjectedFileError(message("proj.archive_big", path=path))
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            want = "w" if style_based else "z"
            if want not in npz.files:
                other = "w" if want == "z" else "z"
                raise ProjectedFileError(message(f"proj.key_{other}", path=path) if other in npz.files else
                                         message("proj.key_missing", path=path, want=want,
                                                 keys=", ".join(npz.files[:5]) or "nothing"))
            a = npz[want]
            noise = {k.split(":", 1)[1]: npz[k] for k in npz.files if k.startswith("noise:")}
    except ProjectedFileError:
        raise
    except MemoryError:
        raise ProjectedFileError(message("proj.archive_big", path=path)) from None
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, KeyError) as e:
        raise ProjectedFileError(message("proj.not_npz", path=path, detail=str(e)[:100] or type(e).__name__)) from None
    if a.dtype.kind != "f":
        raise ProjectedFileError(message("proj.dtype", path=path, dtype=a.dtype))
    if style_based:
        if a.ndim != 3 or a.shape[0] != 1 or a.shape[1] not in (1, num_ws) or a.shape[2] != w_dim:
            raise ProjectedFileError(message("proj.w_shape", path=path, shape=list(a.shape), num_ws=num_ws, w_dim=w_dim))
        latent = np.repeat(a[0], num_ws, axis=0) if a.shape[1] == 1 else a[0]
    else:
        if a.shape != (1, z_dim):
            raise ProjectedFileError(message("proj.z_shape", path=path, shape=list(a.shape), z_dim=z_dim))
        latent = a[0]
    if not np.isfinite(latent).all():
        raise ProjectedFileError(message("proj.not_finite", path=path))
    return Projected(want, latent.astype(np.float32), noise)
