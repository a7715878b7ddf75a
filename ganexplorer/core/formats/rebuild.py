"""The trusted half of loading: the reader's plain data -> Python values and torch tensors.

The isolated reader (:mod:`.reader`) hands back JSON and says where each tensor's bytes
are. Nothing it says is believed: every storage must lie inside the file (or the blob),
file storages must not overlap one another, every tensor must lie inside its storage,
with non-negative strides, no stride 0 over a dimension longer than one (a broadcast
that would let a few bytes stand for a huge weight) and no two elements at the same
address, and every dtype must be a plain real number type. The bytes are then copied
once, from the file we opened before the reader ran (checked to be the same file), into
memory torch owns.
"""

from __future__ import annotations

import io
import math
from typing import Any

import torch

from ganexplorer.core.formats.prescan import MAX_DEPTH
from ganexplorer.core.formats.encode import MAX_NODES
from ganexplorer.core.formats.records import MAX_NDIM
from ganexplorer.core.formats.persistent import PersistentObject

DTYPES = {"float64": torch.float64, "float32": torch.float32, "float16": torch.float16,
          "bfloat16": torch.bfloat16, "int64": torch.int64, "int32": torch.int32, "int16": torch.int16,
          "int8": torch.int8, "uint8": torch.uint8, "bool": torch.bool}


class RebuildError(ValueError):
    """The reader's description does not hold up: a sentence (without the file name)."""


class OmittedBytes(bytes):
    """A byte string of the file that the reader did not copy (checkpoints' readers never need one)."""

    length: int

    def __new__(cls, length: int) -> "OmittedBytes":
        obj = super().__new__(cls, b"")
        obj.length = length
        return obj


def _where(path: tuple) -> str:
    return ".".join(str(p)[:40] for p in path[-8:]) or "the top level"


class Rebuilder:
    """Turns one reader message into values; ``fh`` is the file opened before the reader ran."""

    def __init__(self, fh: io.BufferedIOBase, size: int, storages: list, blob: bytes) -> None:
        self.fh, self.size, self.blob = fh, size, blob
        self.storages = self._check_storages(storages)
        self._data: dict[int, torch.Tensor] = {}
        self._spans: dict[tuple[int, int], torch.Tensor] = {}
        self._blob_tensor: torch.Tensor | None = None
        self.nodes = 0

    def _check_storages(self, storages: Any) -> list[tuple[torch.dtype, int, str, int, bool]]:
        if not isinstance(storages, list):
            raise RebuildError("a malformed tensor table")
        out = []
        spans = []
        for s in storages:
            if not isinstance(s, dict) or s.get("dtype") not in DTYPES or type(s.get("numel")) is not int:
                raise RebuildError("a tensor of a type ganexplorer does not read")
            dtype = DTYPES[s["dtype"]]
            numel = s["numel"]
            nbytes = numel * dtype.itemsize
            if numel < 0:
                raise RebuildError("a tensor with a negative size")
            if type(s.get("file")) is int:
                where, at = "file", s["file"]
                if at < 0 or at + nbytes > self.size:
                    raise RebuildError("tensor data beyond the end of the file")
                if nbytes:
                    spans.append((at, at + nbytes))
            elif type(s.get("blob")) is int:
                where, at = "blob", s["blob"]
                if at < 0 or at + nbytes > len(self.blob):
                    raise RebuildError("tensor data beyond what the reader handed back")
            else:
                raise RebuildError("a tensor without data")
            out.append((dtype, numel, where, at, bool(s.get("big"))))
        spans = sorted(set(spans))
        for (_, a1), (b0, _) in zip(spans, spans[1:]):
            if b0 < a1:
                raise RebuildError("tensors whose data overlap in the file")
        return out

    def storage(self, sid: Any) -> torch.Tensor:
        """Storage ``sid`` as a flat tensor of its dtype, copied into memory we own (once)."""
        if type(sid) is not int or not 0 <= sid < len(self.storages):
            raise RebuildError("a tensor that refers to no storage")
        t = self._data.get(sid)
        if t is not None:
            return t
        dtype, numel, where, at, big = self.storages[sid]
        nbytes = numel * dtype.itemsize
        if where == "file":
            raw = self._spans.get((at, nbytes))
            if raw is None:
                raw = torch.empty(nbytes, dtype=torch.uint8)
                self.fh.seek(at)
                view, got = raw.numpy().data, 0
                while got < nbytes:
                    n = self.fh.readinto(view[got:])
                    if not n:
                        raise RebuildError("a file that changed while it was being read")
                    got += n
                self._spans[(at, nbytes)] = raw
        else:
            if self._blob_tensor is None:
                self._blob_tensor = torch.frombuffer(bytearray(self.blob), dtype=torch.uint8) if self.blob \
                    else torch.empty(0, dtype=torch.uint8)
            raw = self._blob_tensor[at:at + nbytes]
        if big and dtype.itemsize > 1:
            raw = raw.view(-1, dtype.itemsize).flip(1).reshape(-1)
        t = raw.view(dtype) if nbytes else torch.empty(0, dtype=dtype)
        self._data[sid] = t
        return t

    def tensor(self, spec: Any, path: tuple) -> torch.Tensor:
        if not isinstance(spec, list) or len(spec) != 4:
            raise RebuildError("a malformed tensor")
        sid, offset, size, stride = spec
        if (type(offset) is not int or not isinstance(size, list) or not isinstance(stride, list)
                or len(size) != len(stride) or len(size) > MAX_NDIM
                or not all(type(v) is int for v in size + stride)):
            raise RebuildError(f"a malformed tensor at {_where(path)}")
        data = self.storage(sid)
        if offset < 0 or any(v < 0 for v in size) or any(v < 0 for v in stride):
            raise RebuildError(f"a tensor with a negative size or stride at {_where(path)}")
        if math.prod(size) == 0:
            return torch.empty(size, dtype=data.dtype)
        dims = sorted((st, sz) for sz, st in zip(size, stride) if sz > 1)
        if any(st == 0 for st, _ in dims):
            raise RebuildError(f"a broadcast (stride 0) tensor at {_where(path)}, which a saved weight never is")
        reach = 0
        for st, sz in dims:
            if st <= reach:
                raise RebuildError(f"a tensor whose elements overlap at {_where(path)}")
            reach += (sz - 1) * st
        if offset + reach >= data.numel():
            raise RebuildError(f"a tensor reaching beyond its data at {_where(path)}")
        return torch.as_strided(data, size, stride, data.storage_offset() + offset)  # offsets count from the base

    def value(self, node: Any, path: tuple = (), depth: int = 0) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES or depth > MAX_DEPTH:
            raise RebuildError("more values or deeper nesting than a checkpoint holds")
        if node is None or isinstance(node, (bool, int, float, str)):
            return node
        if isinstance(node, list):
            return [self.value(v, path, depth + 1) for v in node]
        if not isinstance(node, dict) or len(node) != 1:
            raise RebuildError("a malformed value")
        (tag, body), = node.items()
        if tag == "d" and isinstance(body, list):
            out = {}
            for pair in body:
                if not isinstance(pair, list) or len(pair) != 2:
                    raise RebuildError("a malformed dict")
                key = self.value(pair[0], path, depth + 1)
                try:
                    out[key] = self.value(pair[1], path + (key,), depth + 1)
                except TypeError:
                    raise RebuildError("a dict key that cannot be a key") from None
            return out
        if tag == "t" and isinstance(body, list):
            return tuple(self.value(v, path, depth + 1) for v in body)
        if tag == "s" and isinstance(body, list):
            items = [self.value(v, path, depth + 1) for v in body]
            try:
                return set(items)
            except TypeError:
                return items
        if tag == "T":
            return self.tensor(body, path)
        if tag == "S":
            return self.storage(body)
        if tag == "P" and isinstance(body, list) and len(body) == 3 and isinstance(body[0], str):
            state = self.value(body[2], path, depth + 1)
            return PersistentObject(body[0][:200], state if isinstance(state, dict) else {},
                                    body[1] if isinstance(body[1], str) else "")
        if tag == "b" and type(body) is int:
            return OmittedBytes(body)
        if (tag == "B" and isinstance(body, list) and len(body) == 2 and all(type(v) is int and v >= 0 for v in body)
                and body[0] + body[1] <= len(self.blob)):
            return bytes(self.blob[body[0]:body[0] + body[1]])
        if tag == "g" and isinstance(body, str):
            return body
        raise RebuildError("a malformed value")
