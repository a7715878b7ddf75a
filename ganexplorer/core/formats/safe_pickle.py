"""A restricted unpickler that never executes code from a file.

Python pickles can call any importable function while loading. NVIDIA's network
pickles rely on that: each network is a call to
``torch_utils.persistence._reconstruct_persistent_obj(meta)``, whose ``meta`` carries the
full source of the defining module, which NVIDIA's loader ``exec``s. We admit only:
tensor/storage rebuilders (storages are decoded with ``torch.load(weights_only=True)``),
plain containers, numpy scalars/arrays/dtypes, and the persistent-object call itself,
which here returns an inert :class:`PersistentObject` record (class name + state) from
which our own modules are built. Any other global raises :class:`UnsafePickleError`
before anything is called.
"""

from __future__ import annotations

import codecs
import collections
import io
import pickle
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Callable

import numpy as np
import torch
import torch._utils

from ganexplorer.core.formats.errors import UnsafePickleError


@dataclass
class PersistentObject:
    """What a persistent-class instance in a pickle really holds, without its code."""

    class_name: str
    state: dict = field(default_factory=dict)
    module_name: str = ""

    @property
    def init_args(self) -> tuple:
        return tuple(self.state.get("_init_args", ()) or ())

    @property
    def init_kwargs(self) -> dict:
        return dict(self.state.get("_init_kwargs", {}) or {})

    @property
    def children(self) -> dict[str, Any]:
        return dict(self.state.get("_modules", {}) or {})

    def tensors(self, prefix: str = "") -> dict[str, torch.Tensor]:
        """Every parameter and buffer below this object, with dotted names as in a state dict."""
        out: dict[str, torch.Tensor] = {}
        for key in ("_parameters", "_buffers"):
            for name, t in (self.state.get(key) or {}).items():
                if isinstance(t, torch.Tensor):
                    out[prefix + name] = t.detach()
        for name, child in self.children.items():
            if isinstance(child, PersistentObject):
                out.update(child.tensors(prefix + name + "."))
        return out


def _reconstruct_persistent_obj(meta: dict) -> PersistentObject:
    if not isinstance(meta, dict) or meta.get("type") != "class" or "class_name" not in meta:
        raise UnsafePickleError("a persistent object with an unexpected description")
    src = meta.get("module_src") or ""
    module_name = ""
    # The defining module's file name is not stored; keep a hint of which one it was.
    for marker in ("networks_stylegan3", "networks_stylegan2", "def modulated_conv2d"):
        if marker in src:
            module_name = marker
            break
    return PersistentObject(str(meta["class_name"]), dict(meta.get("state") or {}), module_name)


def _load_storage_bytes(b: bytes) -> Any:
    # torch.storage._load_from_bytes would call torch.load(weights_only=False); we do not.
    return torch.load(io.BytesIO(b), weights_only=True, map_location="cpu")


class _EasyDict(dict):
    """Stand-in for ``dnnlib.util.EasyDict``: a plain dict with attribute access."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError as e:
            raise AttributeError(name) from e


def _numpy_scalar(dtype: Any, data: bytes | None = None) -> Any:
    return np.frombuffer(data, dtype=dtype)[0].item() if data is not None else dtype.type().item()


try:  # numpy >= 2
    from numpy._core import multiarray as _np_multiarray
except ImportError:  # numpy 1.x
    from numpy.core import multiarray as _np_multiarray

_ALLOWED: dict[tuple[str, str], Callable[..., Any]] = {
    ("torch_utils.persistence", "_reconstruct_persistent_obj"): _reconstruct_persistent_obj,
    ("torch.storage", "_load_from_bytes"): _load_storage_bytes,
    ("torch._utils", "_rebuild_tensor_v2"): torch._utils._rebuild_tensor_v2,
    ("torch._utils", "_rebuild_parameter"): torch._utils._rebuild_parameter,
    ("collections", "OrderedDict"): collections.OrderedDict,
    ("dnnlib.util", "EasyDict"): _EasyDict,
    ("dnnlib", "EasyDict"): _EasyDict,
    ("numpy.core.multiarray", "scalar"): _numpy_scalar,
    ("numpy._core.multiarray", "scalar"): _numpy_scalar,
    ("numpy", "dtype"): np.dtype,
    ("numpy.core.multiarray", "_reconstruct"): _np_multiarray._reconstruct,
    ("numpy._core.multiarray", "_reconstruct"): _np_multiarray._reconstruct,
    ("numpy", "ndarray"): np.ndarray,
    ("builtins", "set"): set,
    ("__builtin__", "set"): set,            # protocol 2 pickles
    ("_codecs", "encode"): codecs.encode,   # protocol 2 spells bytes as encode(str, 'latin1')
    ("builtins", "frozenset"): frozenset,
    ("builtins", "tuple"): tuple,
    ("builtins", "list"): list,
    ("builtins", "dict"): dict,
    ("builtins", "float"): float,
    ("builtins", "int"): int,
    ("builtins", "complex"): complex,
}


class RestrictedUnpickler(pickle.Unpickler):
    """Unpickler whose ``find_class`` admits only the globals listed in ``_ALLOWED``."""

    def find_class(self, module: str, name: str) -> Any:
        fn = _ALLOWED.get((module, name))
        if fn is None:
            raise UnsafePickleError(f"{module}.{name}")
        return fn

    def persistent_load(self, pid: Any) -> Any:
        raise UnsafePickleError("a persistent id (torch.save data outside torch.load)")


def restricted_load(f: BinaryIO) -> Any:
    """Unpickle one object from ``f`` admitting only inert globals (see module docstring)."""
    return RestrictedUnpickler(f).load()
