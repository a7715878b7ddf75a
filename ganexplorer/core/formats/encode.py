"""Hand-back encoding: records -> JSON-able values, a storage table and one blob, within node and depth budgets.

Stdlib only (the isolated reader process runs it before sending its answer to the parent).
"""

from __future__ import annotations

from typing import Any

from ganexplorer.core.formats.errors import DamagedPickleError, PickleBoundsError
from ganexplorer.core.formats.pickle_vm import Admitted, leaf_bytes
from ganexplorer.core.formats.prescan import MAX_DEPTH, FileBytes
from ganexplorer.core.formats.records import NumpyArray, NumpyDtype, PersistentRecord, StorageRef, TensorRef

MAX_NODES = 1_000_000         # values handed back (a GAN checkpoint has well under 100,000)
MAX_REPEATS = 100_000         # values handed back again because a shared container was met again


class Encoder:
    """Records -> JSON-able values + storage table + blobs. Shared references are expanded within a node budget.

    Byte strings are handed back as their length only, unless ``keep_bytes_of`` (the buffer
    read) is given: then they travel in the blob too (in-process use, e.g. CIFAR file names)."""

    def __init__(self, keep_bytes_of: Any = None) -> None:
        self.keep_bytes_of = keep_bytes_of
        self.nodes = 0
        self.storages: list[dict[str, Any]] = []
        self.blobs: list[bytes] = []         # joined into one blob: storages say where their bytes start
        self.blob_size = 0
        self._storage_ids: dict[int, int] = {}
        self._blob_at: dict[int, int] = {}
        self._keep: list[Any] = []

    def _append_blob(self, data: bytes) -> int:
        """Where ``data`` starts in the joined blob; every piece starts 64-byte aligned (a tensor view needs it)."""
        pad = -self.blob_size % 64
        if pad:
            self.blobs.append(bytes(pad))
            self.blob_size += pad
        at = self.blob_size
        self.blobs.append(data)
        self.blob_size += len(data)
        return at

    def storage_id(self, s: StorageRef) -> int:
        sid = self._storage_ids.get(id(s))
        if sid is not None:
            return sid
        if s.offset is None:
            raise DamagedPickleError("a storage whose data was never stored")
        entry: dict[str, Any] = {"dtype": s.dtype, "numel": s.numel}
        if s.blob is None:
            entry["file"] = s.offset
        else:
            base = self._blob_at.get(id(s.blob))
            if base is None:
                base = self._blob_at[id(s.blob)] = self._append_blob(s.blob)
            entry["blob"] = base + s.offset
        if s.big_endian:
            entry["big"] = True
        self._keep.append(s)
        sid = self._storage_ids[id(s)] = len(self.storages)
        self.storages.append(entry)
        return sid

    def encode(self, obj: Any) -> Any:
        """The JSON-able form of ``obj``. A container met twice is written out twice (the parent gets a
        tree); such repeats are counted, so a DAG of 2^64 paths is refused after :data:`MAX_REPEATS`.
    One explicit-stack walk (no recursion, so no depth limit to hit); its branches are the value kinds."""
        on_path: set[int] = set()
        seen: set[int] = set()
        repeats = 0

        def enc(x: Any, depth: int, repeat: bool = False) -> Any:
            nonlocal repeats
            self.nodes += 1
            if self.nodes > MAX_NODES:
                raise PickleBoundsError(f"more than {MAX_NODES:,} values")
            if repeat:
                repeats += 1
                if repeats > MAX_REPEATS:
                    raise PickleBoundsError(f"more than {MAX_REPEATS:,} values repeated through shared references")
            if depth > MAX_DEPTH:
                raise PickleBoundsError(f"containers nested more than {MAX_DEPTH} levels deep")
            if x is None or isinstance(x, (bool, int, float, str)):
                return x
            if isinstance(x, (bytes, bytearray, FileBytes)):
                if self.keep_bytes_of is None:
                    return {"b": x.length if isinstance(x, FileBytes) else len(x)}
                raw = leaf_bytes(self.keep_bytes_of, x)
                return {"B": [self._append_blob(raw), len(raw)]}
            if isinstance(x, Admitted):
                return {"g": x.name}
            if isinstance(x, NumpyDtype):
                return {"g": f"numpy.{x.dtype}"}
            if isinstance(x, NumpyArray):
                if x.tensor is None:
                    raise DamagedPickleError("a numpy array without data")
                x = x.tensor
            if isinstance(x, TensorRef):
                return {"T": [self.storage_id(x.storage), x.offset, list(x.size), list(x.stride)]}
            if isinstance(x, StorageRef):
                return {"S": self.storage_id(x)}
            key = id(x)
            if key in on_path:
                raise PickleBoundsError("a structure that contains itself")
            if key in seen and (len(x.state) if isinstance(x, PersistentRecord) else len(x)):
                repeat = True  # (a shared empty container costs nothing)
            seen.add(key)
            on_path.add(key)
            d = depth + 1
            try:
                if isinstance(x, PersistentRecord):
                    return {"P": [x.class_name, x.module_hint, enc(x.state, d, repeat)]}
                if isinstance(x, list):
                    return [enc(v, d, repeat) for v in x]
                if isinstance(x, tuple):
                    return {"t": [enc(v, d, repeat) for v in x]}
                if isinstance(x, (set, frozenset)):
                    return {"s": [enc(v, d, repeat) for v in x]}
                if isinstance(x, dict):
                    return {"d": [[enc(k, d, repeat), enc(v, d, repeat)] for k, v in x.items()]}
            finally:
                on_path.discard(key)
            raise DamagedPickleError(f"a {type(x).__name__} value")  # pragma: no cover

        return enc(obj, 0)
