"""ganexplorer's own checkpoint format: safetensors weights + a JSON header, no pickle.

Tensors are stored under ``G.``, ``D.`` and ``G_ema.`` prefixes (plus anything the
trainer adds, e.g. ``opt.G.`` optimiser state). The safetensors metadata entry
``ganexplorer`` holds JSON: format version, family, the generator/discriminator
constructor kwargs and free-form training metadata. Writes are atomic.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import torch
from safetensors import safe_open
from safetensors.torch import save_file
from torch import nn

from ganexplorer.core.formats.errors import CheckpointError
from ganexplorer.core.formats.loaded import LoadedModel, load_weights
from ganexplorer.core.models.registry import build_discriminator, build_generator

FORMAT_VERSION = 1
META_KEY = "ganexplorer"


def _flat(prefix: str, module: nn.Module) -> dict[str, torch.Tensor]:
    return {f"{prefix}.{k}": v.detach().to("cpu").contiguous().clone() for k, v in module.state_dict().items()}


def atomic_write(path: Path, write: Any) -> None:
    """Call ``write(tmp_path)`` then rename over ``path``: readers never see a half file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the usual permissions
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


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


def read_header(path: Path) -> dict[str, Any] | None:
    """The JSON header of a native file, or None if it is a safetensors file of someone else's."""
    with safe_open(str(path), framework="pt") as f:
        meta = f.metadata() or {}
    if META_KEY not in meta:
        return None
    return json.loads(meta[META_KEY])


def load_native_state(path: Path) -> tuple[dict[str, Any], dict[str, torch.Tensor]]:
    """(header, every tensor) of a native file, for resuming training."""
    header = read_header(Path(path))
    if header is None:
        raise CheckpointError(path, "is not a ganexplorer checkpoint")
    with safe_open(str(path), framework="pt") as f:
        return header, {k: f.get_tensor(k) for k in f.keys()}


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
    header = read_header(path)
    if header is None:
        raise CheckpointError(path, "is a safetensors file without a ganexplorer header, so its architecture is unknown")
    version = header.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise CheckpointError(path, f"was written by a newer ganexplorer (format version {version})")
    family = header.get("family")
    _, tensors = load_native_state(path)
    try:
        G = build_generator(family, dict(header["G_kwargs"]))
    except (ValueError, TypeError, KeyError) as e:
        raise CheckpointError(path, f"has a generator description ganexplorer cannot build ({e})") from None
    network = "G_ema" if any(k.startswith("G_ema.") for k in tensors) else "G"
    load_weights(path, G, _section(tensors, network), network)
    D = None
    if "D_kwargs" in header and any(k.startswith("D.") for k in tensors):
        D = build_discriminator(family, dict(header["D_kwargs"]))
        load_weights(path, D, _section(tensors, "D"), "D")
        D.eval()
    G.eval()
    return LoadedModel(G=G, D=D, family=family, format="native", path=path, network=network,
                       metadata=dict(header.get("metadata") or {}))

