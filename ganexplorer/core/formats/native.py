"""ganexplorer's own checkpoint format: safetensors weights + a JSON header, no pickle.

Tensors are stored under ``G.``, ``D.`` and ``G_ema.`` prefixes (plus anything the
trainer adds, e.g. ``opt.G.`` optimiser state). The safetensors metadata entry
``ganexplorer`` holds JSON: format version, family, the generator/discriminator
constructor kwargs and free-form training metadata. Writes are atomic.

Reading parses the safetensors layout ourselves, in-process: the format has no code and
no nesting (a length, a flat JSON table, raw bytes), so every field is checked here — a
header of at most 16 MB, plain real dtypes, offsets inside the file and not overlapping —
before a byte of tensor data is read, and the architecture from the header goes through
:mod:`.bounds`. (No child process: the bundled models open at every start, and there is
nothing a stranger can make this parser run.) A well-formed file asking for too much is
said to be so, not called damaged.
"""

from __future__ import annotations

import json
import math
import os
import struct
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import save_file
from torch import nn

from ganexplorer.core.formats.bounds import build_bounded, check_finite, check_kwargs, numel
from ganexplorer.core.io import atomic_write  # noqa: F401  (also imported from here by older code)
from ganexplorer.core.formats.errors import CheckpointError
from ganexplorer.core.formats.loaded import LoadedModel, load_weights
from ganexplorer.core.models.registry import FAMILIES, build_discriminator, build_generator
from ganexplorer.core.messages import message

FORMAT_VERSION = 1
META_KEY = "ganexplorer"


def _flat(prefix: str, module: nn.Module) -> dict[str, torch.Tensor]:
    return {f"{prefix}.{k}": v.detach().to("cpu").contiguous().clone() for k, v in module.state_dict().items()}


def save_native(
    path: str | Path,
    family: str,
    G: nn.Module,
    D: nn.Module | None = None,
    G_ema: nn.Module | None = None,
    metadata: dict[str, Any] | None = None,
    extra_tensors: dict[str, torch.Tensor] | None = None,
) -> Path:
    """Write a native checkpoint atomically and return its path."""
    tensors = _flat("G", G)
    header: dict[str, Any] = {"format_version": FORMAT_VERSION, "family": family, "G_kwargs": G.init_kwargs}
    if D is not None:
        tensors.update(_flat("D", D))
        header["D_kwargs"] = D.init_kwargs
    if G_ema is not None:
        tensors.update(_flat("G_ema", G_ema))
    for k, v in (extra_tensors or {}).items():
        tensors[k] = v.detach().to("cpu").contiguous()
    header["metadata"] = metadata or {}
    path = Path(path)
    atomic_write(path, lambda tmp: save_file(tensors, str(tmp), metadata={META_KEY: json.dumps(header)}))
    return path


class NativeFormatError(ValueError):
    """A safetensors file that is damaged (its header does not describe its bytes)."""


class NativeLimitError(ValueError):
    """A well-formed safetensors file asking for more than ganexplorer reads (a huge header, complex tensors)."""


MAX_HEADER_BYTES = 16 << 20     # ganexplorer's own headers are a few kB
_ST_DTYPES = {"F64": torch.float64, "F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16,
              "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8, "U8": torch.uint8,
              "BOOL": torch.bool}


def _open_checked(path: Path) -> Any:
    """``path`` opened for reading, refusing FIFOs and devices (reading one would block or never end)."""
    from ganexplorer.core.formats.files import open_regular

    fd, _ = open_regular(str(path))
    return os.fdopen(fd, "rb")


def _safetensors_layout(fh: Any) -> tuple[dict[str, Any], dict[str, tuple[torch.dtype, list[int], int, int]]]:
    """(metadata, {name: (dtype, shape, start, end)}) of the safetensors file ``fh``, every field checked.

    Raises :class:`NativeFormatError` for damage, :class:`NativeLimitError` for what is well formed
    but more than ganexplorer reads. Offsets are absolute; tensors may not overlap.
    """
    fh.seek(0, os.SEEK_END)
    size = fh.tell()
    fh.seek(0)
    head = fh.read(8)
    if len(head) < 8:
        raise NativeFormatError("it is shorter than a safetensors header")
    (n,) = struct.unpack("<Q", head)
    if n > MAX_HEADER_BYTES:
        raise NativeLimitError(f"its safetensors header is {n / 2**20:,.0f} MB, more than the "
                               f"{MAX_HEADER_BYTES >> 20} MB ganexplorer reads")
    if 8 + n > size:
        raise NativeFormatError("its header is cut short (truncated)")
    try:
        header = json.loads(fh.read(n))
    except (ValueError, RecursionError):
        raise NativeFormatError("its header is not valid JSON") from None
    if not isinstance(header, dict):
        raise NativeFormatError("its header is not a JSON object")
    meta = header.pop("__metadata__", None) or {}
    if not isinstance(meta, dict) or not all(isinstance(v, str) for v in meta.values()):
        raise NativeFormatError("its metadata is not a table of text")
    base = 8 + n
    layout = {}
    spans = []
    for name, info in header.items():
        if not isinstance(info, dict):
            raise NativeFormatError(f"tensor {name[:40]} has no description")
        dtype = info.get("dtype")
        if dtype in ("C64", "C128", "COMPLEX64"):
            raise NativeLimitError(f"it holds complex tensors ({name[:40]}), which ganexplorer does not read")
        if dtype not in _ST_DTYPES:
            raise NativeLimitError(f"it holds tensors of type {str(dtype)[:20]} ({name[:40]}), "
                                   "which ganexplorer does not read")
        shape, offsets = info.get("shape"), info.get("data_offsets")
        if (not isinstance(shape, list) or len(shape) > 32 or not all(type(d) is int and d >= 0 for d in shape)
                or not isinstance(offsets, list) or len(offsets) != 2
                or not all(type(o) is int and o >= 0 for o in offsets)):
            raise NativeFormatError(f"tensor {name[:40]} has a malformed shape or offsets")
        a, b = offsets
        nbytes = math.prod(shape) * _ST_DTYPES[dtype].itemsize
        if b - a != nbytes or base + b > size:
            raise NativeFormatError(f"tensor {name[:40]} does not fit the bytes of the file")
        if nbytes:
            spans.append((a, b))
        layout[name] = (_ST_DTYPES[dtype], shape, base + a, base + b)
    spans.sort()
    if any(b0 < a1 for (_, a1), (b0, _) in zip(spans, spans[1:])):
        raise NativeFormatError("tensors overlap in the file")
    return meta, layout


def _header_of(meta: dict[str, Any]) -> dict[str, Any] | None:
    if META_KEY not in meta:
        return None
    try:
        header = json.loads(meta[META_KEY])
    except (ValueError, RecursionError):
        raise NativeFormatError("its ganexplorer header is not valid JSON") from None
    if not isinstance(header, dict):
        raise NativeFormatError("its ganexplorer header is not a JSON object")
    return header


def read_header(path: Path) -> dict[str, Any] | None:
    """The JSON header of a native file, or None if it is a safetensors file of someone else's.

    Raises OSError (unreadable) or ValueError (:class:`NativeFormatError`, :class:`NativeLimitError`)."""
    with _open_checked(Path(path)) as fh:
        meta, _ = _safetensors_layout(fh)
    return _header_of(meta)


def _read_tensors(fh: Any, layout: dict[str, tuple[torch.dtype, list[int], int, int]]) -> dict[str, torch.Tensor]:
    out = {}
    for name, (dtype, shape, a, b) in layout.items():
        raw = torch.empty(b - a, dtype=torch.uint8)
        fh.seek(a)
        if b > a and fh.readinto(raw.numpy().data) != b - a:
            raise NativeFormatError("it changed while it was being read")
        out[name] = raw.view(dtype).reshape(shape) if b > a else torch.empty(shape, dtype=dtype)
    return out


def _read_native(path: Path) -> tuple[dict[str, Any] | None, dict[str, torch.Tensor]]:
    """(header or None for someone else's safetensors, tensors); the header is checked before any tensor is read."""
    with _open_checked(Path(path)) as fh:
        meta, layout = _safetensors_layout(fh)
        header = _header_of(meta)
        return header, (_read_tensors(fh, layout) if header is not None else {})


def load_native_state(path: Path) -> tuple[dict[str, Any], dict[str, torch.Tensor]]:
    """(header, every tensor) of a native file, for resuming training."""
    header, tensors = _read_native(path)
    if header is None:
        raise CheckpointError(path, message("ckpt.not_native"))
    return header, tensors


def update_metadata(path: str | Path, **entries: Any) -> Path:
    """Rewrite a native file (atomically) with ``entries`` added to its metadata; tensors unchanged."""
    header, tensors = load_native_state(Path(path))
    header["metadata"] = {**(header.get("metadata") or {}), **entries}
    atomic_write(Path(path), lambda tmp: save_file(tensors, str(tmp), metadata={META_KEY: json.dumps(header)}))
    return Path(path)


def _section(tensors: dict[str, torch.Tensor], prefix: str) -> dict[str, torch.Tensor]:
    p = prefix + "."
    return {k[len(p):]: v for k, v in tensors.items() if k.startswith(p)}


def load_native(path: Path) -> LoadedModel:
    """A native file as a model; header and tensors are checked before anything is built."""
    try:
        header, tensors = _read_native(path)
    except NativeLimitError as e:
        raise CheckpointError(path, message("ckpt.safetensors_refused", detail=e)) from None
    except NativeFormatError as e:
        raise CheckpointError(path, message("ckpt.safetensors_damaged", detail=e)) from None
    if header is None:
        raise CheckpointError(path, message("ckpt.safetensors_no_header"))
    version = header.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise CheckpointError(path, message("ckpt.newer", version=str(version)[:20]))
    family = header.get("family")
    if family not in FAMILIES:
        raise CheckpointError(path, message("ckpt.unknown_family", family=str(family)[:40]))
    network = "G_ema" if any(k.startswith("G_ema.") for k in tensors) else "G"
    g_state = _section(tensors, network)
    g_kwargs = header.get("G_kwargs")
    check_kwargs(path, g_kwargs)
    assert isinstance(g_kwargs, dict)   # check_kwargs refused anything else with a sentence
    G = build_bounded(path, lambda: build_generator(family, dict(g_kwargs)), numel(g_state))
    load_weights(path, G, g_state, network)
    check_finite(path, G)
    notes: list[str] = []
    D = None
    d_state = _section(tensors, "D")
    if "D_kwargs" in header and d_state:
        try:
            check_kwargs(path, header["D_kwargs"], "discriminator")
            D = build_bounded(path, lambda: build_discriminator(family, dict(header["D_kwargs"])), numel(d_state),
                              "discriminator")
            load_weights(path, D, d_state, "D")
            check_finite(path, D, "discriminator")
            D.eval()
        except CheckpointError as e:
            D = None
            notes.append(message("fmt.d_not_loaded", problem=e.problem))
    G.eval()
    metadata = header.get("metadata")
    return LoadedModel(G=G, D=D, family=family, format="native", path=path, network=network, notes=notes,
                       metadata=dict(metadata) if isinstance(metadata, dict) else {})
