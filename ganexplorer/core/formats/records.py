"""The inert records a checkpoint pickle is read into: storages and tensors as descriptions, never data.

A tensor is a :class:`TensorRef` (storage, offset, size, stride); its bytes stay in the file, located by
offset (:class:`StorageRef`), or travel as a bounded blob (:class:`Budget`). Numpy dtypes come only
from an allow-list of plain numeric codes. Stdlib only (the isolated reader process imports it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Protocol

from ganexplorer.core.formats.errors import DamagedPickleError, PickleBoundsError
from ganexplorer.core.formats.prescan import MAX_HASH_COST, FileBytes

MAX_NDIM = 32
MAX_BLOB_FACTOR = 4           # data not stored verbatim (deflated, latin-1 text) may be 4x the file ...
MAX_BLOB_SLACK = 64 << 20     # ... plus 64 MB

_DTYPES = {  # name -> (itemsize, struct code)
    "float64": (8, "d"), "float32": (4, "f"), "float16": (2, "e"), "bfloat16": (2, None),
    "int64": (8, "q"), "int32": (4, "i"), "int16": (2, "h"), "int8": (1, "b"), "uint8": (1, "B"), "bool": (1, "?"),
}
_STORAGE_TYPES = {
    "DoubleStorage": "float64", "FloatStorage": "float32", "HalfStorage": "float16", "BFloat16Storage": "bfloat16",
    "LongStorage": "int64", "IntStorage": "int32", "ShortStorage": "int16", "CharStorage": "int8",
    "ByteStorage": "uint8", "BoolStorage": "bool", "UntypedStorage": "uint8",
}
_REFUSED_STORAGES = ("ComplexDoubleStorage", "ComplexFloatStorage", "QUInt8Storage", "QInt8Storage",
                     "QInt32Storage", "QUInt4x2Storage", "QUInt2x4Storage")
_NUMPY_CODES = {"f2": "float16", "f4": "float32", "f8": "float64", "i1": "int8", "i2": "int16", "i4": "int32",
                "i8": "int64", "u1": "uint8", "b1": "bool"}


def itemsize(dtype: str) -> int:
    return _DTYPES[dtype][0]


class _Record:
    __hash__ = None  # type: ignore[assignment]  # records are never dict keys


class StorageRef(_Record):
    """``numel`` elements of ``dtype``: in the file at ``offset`` (``blob`` None) or in ``blob`` at ``offset``."""

    def __init__(self, dtype: str, numel: int, offset: int | None = None, blob: bytes | None = None,
                 big_endian: bool = False) -> None:
        self.dtype, self.numel, self.offset, self.blob, self.big_endian = dtype, numel, offset, blob, big_endian

    @property
    def nbytes(self) -> int:
        return self.numel * itemsize(self.dtype)


class TensorRef(_Record):
    def __init__(self, storage: StorageRef, offset: int, size: tuple, stride: tuple) -> None:
        self.storage, self.offset, self.size, self.stride = storage, offset, size, stride


class PersistentRecord(_Record):
    def __init__(self, class_name: str, module_hint: str, state: Any) -> None:
        self.class_name, self.module_hint, self.state = class_name, module_hint, state


class NumpyDtype(_Record):
    def __init__(self, code: str) -> None:
        if code not in _NUMPY_CODES:
            raise PickleBoundsError(f"a numpy dtype '{code[:20]}' that is not a plain number type")
        self.dtype = _NUMPY_CODES[code]
        self.big_endian = False

    def build_state(self, state: Any) -> None:
        """Check numpy's dtype state (version, byte order, no sub-array/names/fields); keep only the byte order."""
        ok = (isinstance(state, tuple) and len(state) in (8, 9) and state[0] in (3, 4)
              and state[1] in ("<", ">", "|", "=") and state[2] is None and state[3] is None and state[4] is None
              and all(type(v) is int and -1 <= v <= 64 for v in state[5:8]) and state[7] == 0
              and (len(state) == 8 or state[8] in (None, {})))
        if not ok:
            raise PickleBoundsError("a numpy dtype with fields, sub-arrays or flags, which weights never have")
        self.big_endian = state[1] == ">"



class StorageSource(Protocol):
    """What records and admitted globals need of the reader: its blob budget and storages made from bytes."""

    budget: Budget

    def storage_for_bytes(self, data: Any, dtype: str, numel: int, big_endian: bool) -> StorageRef: ...

    def storage_from_bytes(self, b: Any) -> StorageRef: ...


class NumpyArray(_Record):
    """``numpy.core.multiarray._reconstruct(ndarray, ...)`` waiting for its BUILD (shape, dtype, data)."""

    def __init__(self) -> None:
        self.tensor: TensorRef | None = None
        self.reader: StorageSource | None = None

    def build_state(self, state: Any) -> None:
        if not isinstance(state, tuple) or len(state) not in (4, 5):
            raise DamagedPickleError("a numpy array with an unexpected state")
        shape, dtype, fortran, data = state[-4:]
        if not isinstance(dtype, NumpyDtype):
            raise PickleBoundsError("a numpy array of a dtype that is not a plain number type")
        size = _int_tuple(shape, "numpy array shape")
        if any(s < 0 for s in size):
            raise DamagedPickleError("a numpy array with a negative size")
        numel = math.prod(size)
        if isinstance(data, str):
            data = data.encode("latin1")
        if not isinstance(data, (bytes, FileBytes)):
            raise PickleBoundsError("a numpy array of Python objects, which weights never are")
        n = data.length if isinstance(data, FileBytes) else len(data)
        if n != numel * itemsize(dtype.dtype):
            raise DamagedPickleError(f"a numpy array of {numel:,} elements stored in {n:,} bytes")
        assert self.reader is not None
        storage = self.reader.storage_for_bytes(data, dtype.dtype, numel, dtype.big_endian)
        stride = _contiguous_strides(size[::-1])[::-1] if fortran else _contiguous_strides(size)
        self.tensor = TensorRef(storage, 0, size, stride)


def _contiguous_strides(size: tuple) -> tuple:
    out, acc = [], 1
    for s in reversed(size):
        out.append(acc)
        acc *= max(s, 1)
    return tuple(reversed(out))


def _int_tuple(value: Any, what: str) -> tuple:
    if not isinstance(value, (tuple, list)) or len(value) > MAX_NDIM:
        raise DamagedPickleError(f"a {what} that is not a short tuple of integers")
    if not all(type(v) is int for v in value):
        raise DamagedPickleError(f"a {what} that is not a tuple of integers")
    return tuple(value)


def _hash_cost(obj: Any) -> int:
    """How many elements hashing ``obj`` visits (tuples/frozensets expanded), stopping past the limit."""
    cost, todo = 0, [obj]
    while todo:
        x = todo.pop()
        cost += 1
        if cost > MAX_HASH_COST:
            raise PickleBoundsError(f"a tuple whose hash visits more than {MAX_HASH_COST:,} elements")
        if isinstance(x, (tuple, frozenset)):
            todo.extend(x)
    return cost


@dataclass
class Budget:
    file_size: int
    blob_bytes: int = 0

    def add_blob(self, n: int) -> None:
        self.blob_bytes += n
        limit = MAX_BLOB_FACTOR * self.file_size + MAX_BLOB_SLACK
        if self.blob_bytes > limit:
            raise PickleBoundsError(f"data that expands to more than {limit / 2**20:,.0f} MB "
                                    f"from a {self.file_size / 2**20:,.1f} MB file")
