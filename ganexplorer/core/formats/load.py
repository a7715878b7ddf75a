"""Open any supported checkpoint, deciding the format by content, never by extension.

Containers recognised from their first bytes: safetensors (our native format),
torch.save zip archives, legacy torch.save pickles and plain pickles (NVIDIA's).
torch files are read with ``weights_only=True`` (rosinality's ``argparse.Namespace``
admitted as inert data); plain pickles with the restricted unpickler. The contents
then decide the reader. Every failure is a :class:`CheckpointError` sentence.
"""

from __future__ import annotations

import argparse
import io
import pickle
import struct
import zipfile
from pathlib import Path
from typing import Any

import torch

from ganexplorer.core.formats.dcgan_state import find_dcgan, load_dcgan
from ganexplorer.core.formats.errors import CheckpointError, UnsafePickleError
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.formats.native import load_native
from ganexplorer.core.formats.nvidia import load_nvidia, looks_like_nvidia
from ganexplorer.core.formats.rosinality import find_rosinality, load_rosinality
from ganexplorer.core.formats.safe_pickle import restricted_load

_LEGACY_TORCH_MAGIC = 0x1950A86A20F9469CFC6C


def sniff(head: bytes) -> str:
    """Container kind from a file's first bytes: safetensors, zip, pickle or unknown."""
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if len(head) >= 9:
        (n,) = struct.unpack("<Q", head[:8])
        if 2 <= n < 100_000_000 and head[8:9] == b"{":
            return "safetensors"
    if head[:1] == b"\x80" and len(head) >= 2 and 2 <= head[1] <= 5:
        return "pickle"
    return "unknown"


def _describe(head: bytes) -> str:
    if head.startswith((b"\x89HDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "an image or HDF5 file"
    if head.lstrip().startswith((b"{", b"[")):
        return "JSON or text"
    if head.startswith(b"\x93NUMPY"):
        return "a NumPy array file"
    if all(32 <= b < 127 or b in (9, 10, 13) for b in head[:64]):
        return "plain text"
    return f"unrecognised bytes ({head[:8].hex(' ')})"


def _torch_load(path: Path) -> Any:
    with torch.serialization.safe_globals([argparse.Namespace]):
        return torch.load(path, map_location="cpu", weights_only=True)


def _is_legacy_torch(path: Path) -> bool:
    with open(path, "rb") as f:
        try:
            return restricted_load(f) == _LEGACY_TORCH_MAGIC
        except Exception:
            return False


def read_container(path: Path) -> Any:
    """The object a checkpoint file holds, loaded without running any of its code."""
    if not path.exists():
        raise CheckpointError(path, "does not exist")
    if path.is_dir():
        raise CheckpointError(path, "is a folder, not a checkpoint file")
    size = path.stat().st_size
    if size == 0:
        raise CheckpointError(path, "is empty")
    with open(path, "rb") as f:
        head = f.read(256)
    kind = sniff(head)
    if kind == "safetensors":
        return "safetensors"
    if kind == "zip":
        if not zipfile.is_zipfile(path):
            raise CheckpointError(path, "is a truncated or damaged zip archive")
        try:
            return _torch_load(path)
        except pickle.UnpicklingError as e:
            raise CheckpointError(path, f"is a torch file that names code ganexplorer will not run ({_first_line(e)})") from None
        except Exception as e:
            raise CheckpointError(path, f"is a zip archive but not a readable torch checkpoint ({_first_line(e)})") from None
    if kind == "pickle":
        if _is_legacy_torch(path):
            try:
                return _torch_load(path)
            except Exception as e:
                raise CheckpointError(path, f"is a legacy torch file that could not be read ({_first_line(e)})") from None
        try:
            with open(path, "rb") as f:
                return restricted_load(f)
        except UnsafePickleError as e:
            what = str(e)
            if what.startswith("dnnlib.tflib"):
                raise CheckpointError(path, "is a TensorFlow StyleGAN pickle, which ganexplorer cannot read yet; "
                                            "convert it with NVIDIA's legacy.py first") from None
            raise CheckpointError(path, f"is a pickle that names {what}, which ganexplorer refuses to run; "
                                        "nothing was executed") from None
        except (EOFError, pickle.UnpicklingError, ValueError, struct.error, IndexError, KeyError, TypeError,
                AttributeError, RuntimeError, MemoryError, OverflowError) as e:
            raise CheckpointError(path, f"is a damaged or truncated pickle ({type(e).__name__})") from None
    raise CheckpointError(path, f"is not a checkpoint ganexplorer knows: found {_describe(head)}")


def _first_line(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return (text[0] if text else type(e).__name__)[:160]


def load_checkpoint(path: str | Path, nz: int | None = None) -> LoadedModel:
    """Read a generator from ``path``. ``nz`` overrides the latent size guessed for DCGAN files.

    Raises :class:`CheckpointError` (one sentence) for anything that is not a readable generator.
    """
    path = Path(path)
    try:
        return _load(path, nz)
    except CheckpointError:
        raise
    except MemoryError:
        raise CheckpointError(path, "is too large to load into memory") from None
    except Exception as e:  # a reader met a layout it did not foresee: still one sentence, no traceback
        raise CheckpointError(path, f"could not be read ({type(e).__name__}: {_first_line(e)})") from None


def _load(path: Path, nz: int | None) -> LoadedModel:
    obj = read_container(path)
    if obj == "safetensors":
        try:
            return load_native(path)
        except CheckpointError:
            raise
        except Exception as e:  # safetensors raises its own error type for damaged files
            raise CheckpointError(path, f"is a damaged safetensors file ({_first_line(e)})") from None
    if looks_like_nvidia(obj):
        return load_nvidia(path, obj)
    ros = find_rosinality(obj)
    if ros is not None:
        sd, key = ros
        latent_avg = obj.get("latent_avg") if isinstance(obj, dict) else None
        return load_rosinality(path, sd, key, latent_avg if isinstance(latent_avg, torch.Tensor) else None)
    dc = find_dcgan(obj)
    if dc is not None:
        role, sd, where = dc
        if role == "D":
            raise CheckpointError(path, f"holds only a DCGAN discriminator (under '{where}'), no generator to render")
        return load_dcgan(path, obj, sd, where, nz=nz)
    raise CheckpointError(path, f"was read, but holds {_summarise(obj)}, not a generator layout ganexplorer knows")


def _summarise(obj: Any) -> str:
    if isinstance(obj, dict):
        keys = [str(k) for k in list(obj)[:5]]
        return f"a dict with keys {', '.join(keys)}" + (" ..." if len(obj) > 5 else "") if keys else "an empty dict"
    if isinstance(obj, torch.Tensor):
        return f"a single tensor of shape {list(obj.shape)}"
    return f"a {type(obj).__name__}"
