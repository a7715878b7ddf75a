"""NVIDIA's persistent objects as inert records, and a restricted unpickler for in-process use.

Python pickles can call any importable function while loading. NVIDIA's network
pickles rely on that: each network is a call to
``torch_utils.persistence._reconstruct_persistent_obj(meta)``, whose ``meta`` carries the
full source of the defining module, which NVIDIA's loader ``exec``s. Checkpoints are read
by the isolated reader (:mod:`.reader`, :mod:`.isolated`), where that call yields a
:class:`PersistentObject`: class name and state, from which our own modules are built.

:class:`RestrictedUnpickler` / :func:`restricted_load` run the same bounded interpreter
(:mod:`.pickle_vm` after :mod:`.prescan`, the same admitted globals) in this process, for
small pickles that are not checkpoints (CIFAR-10 batches): numpy arrays come back as
arrays, a global outside the list raises :class:`UnsafePickleError` before anything runs.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import torch

from ganexplorer.core.formats.errors import UnsafePickleError

__all__ = ["PersistentObject", "RestrictedUnpickler", "UnsafePickleError", "restricted_load"]

MAX_WALK = 1_000_000   # objects one walk of a network's state may visit


@dataclass
class PersistentObject:
    """What a persistent-class instance in a pickle really holds, without its code."""

    class_name: str
    state: dict = field(default_factory=dict)
    module_name: str = ""

    @property
    def init_args(self) -> tuple:
        args = self.state.get("_init_args", ())
        return tuple(args) if isinstance(args, (list, tuple)) else ()

    @property
    def init_kwargs(self) -> dict:
        kwargs = self.state.get("_init_kwargs", {})
        return dict(kwargs) if isinstance(kwargs, dict) else {}

    @property
    def children(self) -> dict[str, Any]:
        modules = self.state.get("_modules", {})
        return dict(modules) if isinstance(modules, dict) else {}

    def tensors(self, prefix: str = "") -> dict[str, torch.Tensor]:
        """Every parameter and buffer below this object, with dotted names as in a state dict.

        Each object is visited once (a child shared by two parents is not walked twice) and the
        walk stops after :data:`MAX_WALK` objects, so no graph in a file makes it explode."""
        out: dict[str, torch.Tensor] = {}
        seen: set[int] = set()
        todo: list[tuple[str, PersistentObject]] = [(prefix, self)]
        while todo:
            pre, obj = todo.pop()
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            if len(seen) > MAX_WALK:
                raise ValueError("a network with more modules than any generator has")
            for key in ("_parameters", "_buffers"):
                group = obj.state.get(key) or {}
                if isinstance(group, dict):
                    for name, t in group.items():
                        if isinstance(t, torch.Tensor):
                            out[pre + str(name)] = t.detach()
            for name, child in reversed(list(obj.children.items())):
                if isinstance(child, PersistentObject):
                    todo.append((pre + str(name) + ".", child))
        return out


class RestrictedUnpickler:
    """``RestrictedUnpickler(f, encoding=...).load()``: one object from ``f``, admitting only inert globals.

    Same interface as :class:`pickle.Unpickler` for what callers use; ``encoding`` is how
    Python 2 ``str`` objects are read ('bytes' keeps them as bytes, as for CIFAR batches).
    """

    def __init__(self, file: BinaryIO, *, encoding: str = "ASCII", errors: str = "strict", **_: Any) -> None:
        self.file, self.encoding = file, encoding

    def load(self) -> Any:
        return restricted_load(self.file, encoding=self.encoding)


def restricted_load(f: BinaryIO, encoding: str = "latin1") -> Any:
    """Unpickle one object from ``f`` in this process, bounded and admitting only inert globals.

    Tensors and numpy arrays come back as numpy arrays; NVIDIA persistent objects as
    :class:`PersistentObject`. Raises :class:`UnsafePickleError` for a refused global and
    ``ValueError`` subclasses for a damaged or hostile pickle.
    """
    from ganexplorer.core.formats.rebuild import Rebuilder
    from ganexplorer.core.formats.encode import Encoder
    from ganexplorer.core.formats.reader import Reader

    data = f.read()
    reader = Reader(data, len(data), encoding=encoding)
    obj = reader.plain_pickle()
    enc = Encoder(keep_bytes_of=data)
    tree = enc.encode(obj)
    value = Rebuilder(io.BytesIO(data), len(data), enc.storages, b"".join(enc.blobs)).value(tree)
    return _numpy(value)


def _numpy(value: Any) -> Any:
    """Tensors -> numpy arrays throughout (what plain pickles of arrays held); a bounded walk."""
    budget = [MAX_WALK]

    def conv(x: Any) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise ValueError("a pickle with more values than ganexplorer reads")
        if isinstance(x, torch.Tensor):
            return x.numpy() if x.dtype != torch.bfloat16 else x.float().numpy()
        if isinstance(x, dict):
            return {k: conv(v) for k, v in x.items()}
        if isinstance(x, list):
            return [conv(v) for v in x]
        if isinstance(x, tuple):
            return tuple(conv(v) for v in x)
        return x

    return conv(value)
