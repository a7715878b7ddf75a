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
from typing import Any, BinaryIO

import torch

from ganexplorer.core.formats.errors import UnsafePickleError
from ganexplorer.core.formats.persistent import MAX_WALK, PersistentObject

__all__ = ["PersistentObject", "RestrictedUnpickler", "UnsafePickleError", "restricted_load"]

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
