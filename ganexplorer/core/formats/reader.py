"""The untrusted half of loading: a checkpoint file -> plain data, without torch, numpy or any code from it.

This is what the isolated process (:mod:`.isolated`) runs. It reads plain pickles
(NVIDIA's network snapshots), torch.save zip archives and legacy torch.save streams with
the bounded interpreter of :mod:`.pickle_vm`, admitting only the globals in
:func:`checkpoint_globals`, each of which builds an inert record:

- a tensor is a *description* (:class:`TensorRef`: storage, offset, size, stride); its bytes
  stay in the file, located by offset (:class:`StorageRef`), and are copied once by the
  parent into memory it owns; only data that is not in the file verbatim (a deflated zip
  entry, a protocol-2 ``_codecs.encode`` string) travels as a blob, bounded in size;
- NVIDIA's ``_reconstruct_persistent_obj(meta)`` is a :class:`PersistentRecord` (class name,
  state), its ``module_src`` only searched for which repository wrote it, never run;
- ``torch.storage._load_from_bytes(b)`` parses ``b`` as the legacy stream of *one storage*
  (torch's own function would run ``torch.load(weights_only=False)``; a weights-only load
  would admit torch's wider list, e.g. ``bytearray`` and sparse tensors);
- a numpy dtype only from an allow-list of plain numeric codes, its pickled state checked
  and never applied; numpy arrays and scalars only of those dtypes, sized exactly.

:func:`encode` turns the result into JSON-able data plus a storage table and blobs, with
a node budget (memo-shared references are expanded, so a DAG that would explode is
refused, not walked) and a depth limit. Stdlib only, so the process starts quickly.
"""

from __future__ import annotations

import math
import mmap
import os
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any, BinaryIO

from ganexplorer.core.formats.errors import DamagedPickleError, PickleBoundsError, UnsafePickleError
from ganexplorer.core.formats.pickle_vm import Admitted, AttributeDict, Machine, leaf_bytes
from ganexplorer.core.formats.prescan import MAX_DEPTH, MAX_HASH_COST, FileBytes

LEGACY_MAGIC = 0x1950A86A20F9469CFC6C
LEGACY_PROTOCOL = 1001
_LEGACY_MAGIC_PICKLE = b"\x8a\x0a" + LEGACY_MAGIC.to_bytes(10, "little") + b"."
MAX_NODES = 1_000_000         # values handed back (a GAN checkpoint has well under 100,000)
MAX_REPEATS = 100_000         # values handed back again because a shared container was met again
MAX_NDIM = 32
MAX_BLOB_FACTOR = 4           # data not stored verbatim (deflated, latin-1 text) may be 4x the file ...
MAX_BLOB_SLACK = 64 << 20     # ... plus 64 MB


class ReadError(ValueError):
    """A sentence about the file (without its name): not a regular file, not a torch archive ..."""


# -- file identity and kind -------------------------------------------------------------------

def file_problem(mode: int) -> str | None:
    """Why a path with this ``st_mode`` is not a checkpoint file (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a checkpoint file"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe), not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    return "is not a regular file"


def open_regular(path: str) -> tuple[int, os.stat_result]:
    """An fd of ``path`` opened without blocking (a FIFO swapped in would otherwise hang us) and its fstat."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        problem = file_problem(st.st_mode)
        if problem:
            raise ReadError(problem)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return fd, st
    except BaseException:
        os.close(fd)
        raise


def identity(st: os.stat_result) -> list[int]:
    """What must not change between the reader's parse and the parent's copy of the tensors."""
    return [int(st.st_dev), int(st.st_ino), int(st.st_size), int(st.st_mtime_ns)]


def is_legacy_torch(head: bytes) -> bool:
    """A legacy torch.save stream starts with the pickled magic number: PROTO n, [FRAME], LONG1 magic, STOP."""
    if head[:1] != b"\x80":
        return False
    body = head[2:]
    if body[:1] == b"\x95":
        body = body[9:]
    return body.startswith(_LEGACY_MAGIC_PICKLE)


# -- records ----------------------------------------------------------------------------------

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


class NumpyArray(_Record):
    """``numpy.core.multiarray._reconstruct(ndarray, ...)`` waiting for its BUILD (shape, dtype, data)."""

    def __init__(self) -> None:
        self.tensor: TensorRef | None = None
        self.reader: Reader | None = None

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


# -- the reader -------------------------------------------------------------------------------

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


class Reader:
    """Reads one file (an mmap ``mm`` of it) into records; the container readers below share it."""

    def __init__(self, mm: Any, size: int, encoding: str = "latin1") -> None:
        self.mm, self.size, self.encoding = mm, size, encoding
        self.budget = Budget(size)
        self._file_storages: dict[tuple[int, str, int], StorageRef] = {}
        self._globals = self._admitted()
        self._legacy_head: tuple[bytes, bool] | None = None   # NVIDIA pickles repeat it for every tensor

    def storage_for_bytes(self, data: Any, dtype: str, numel: int, big_endian: bool) -> StorageRef:
        """A storage whose bytes are ``data``: left in the file when it is a :class:`FileBytes` span of it."""
        if isinstance(data, FileBytes):   # only the file's own mapping is read with lazy bytes
            return self.file_storage(data.offset, dtype, numel, big_endian)
        blob = leaf_bytes(self.mm, data)
        if len(blob) != numel * itemsize(dtype):
            raise DamagedPickleError("tensor data shorter than its size")
        self.budget.add_blob(len(blob))
        return StorageRef(dtype, numel, 0, blob, big_endian)

    def file_storage(self, offset: int, dtype: str, numel: int, big_endian: bool = False) -> StorageRef:
        if offset < 0 or offset + numel * itemsize(dtype) > self.size:
            raise PickleBoundsError(f"tensor data of {numel * itemsize(dtype):,} bytes beyond the end of the file")
        key = (offset, dtype, numel)
        ref = self._file_storages.get(key)
        if ref is None:
            ref = self._file_storages[key] = StorageRef(dtype, numel, offset, None, big_endian)
        return ref

    # -- globals ------------------------------------------------------------------------------
    def _admitted(self) -> dict[tuple[str, str], Admitted]:
        """The admitted globals of a checkpoint pickle (see module docstring). Lazy byte strings
        (:class:`FileBytes`) only ever come from the file's own mapping, so no entry depends on
        which buffer a (nested) pickle is read from."""
        g: dict[tuple[str, str], Admitted] = {}

        def admit(module: str | tuple[str, ...], name: str, call: Any = None, new: Any = None) -> Admitted:
            adm = Admitted(f"{module if isinstance(module, str) else module[0]}.{name}", call, new)
            for m in ((module,) if isinstance(module, str) else module):
                g[(m, name)] = adm
            return adm

        def rebuild_tensor(storage: Any, offset: Any, size: Any, stride: Any, *rest: Any) -> TensorRef:
            if not isinstance(storage, StorageRef):
                raise DamagedPickleError("a tensor rebuilt from something that is not a storage")
            if type(offset) is not int or offset < 0:
                raise DamagedPickleError("a tensor with a bad storage offset")
            size, stride = _int_tuple(size, "tensor size"), _int_tuple(stride, "tensor stride")
            if len(size) != len(stride):
                raise DamagedPickleError("a tensor whose size and stride differ in length")
            return TensorRef(storage, offset, size, stride)

        def parameter(data: Any, *rest: Any) -> TensorRef:
            if not isinstance(data, TensorRef):
                raise DamagedPickleError("a parameter that is not a tensor")
            return data

        rebuild_v2 = admit("torch._utils", "_rebuild_tensor_v2", rebuild_tensor)
        admit("torch._utils", "_rebuild_tensor", rebuild_tensor)
        param = admit("torch._utils", "_rebuild_parameter", parameter)
        param_state = admit("torch._utils", "_rebuild_parameter_with_state", parameter)
        tensor_cls = admit("torch", "Tensor")
        param_cls = admit("torch.nn.parameter", "Parameter")

        def from_type(func: Any, new_type: Any, args: Any, state: Any) -> Any:
            if func not in (rebuild_v2, param, param_state) or new_type not in (tensor_cls, param_cls):
                raise UnsafePickleError("torch._tensor._rebuild_from_type_v2 of a tensor subclass")
            if state not in (None, {}) or not isinstance(args, tuple):
                raise DamagedPickleError("a tensor with extra attributes")
            return func.call(*args)

        admit("torch._tensor", "_rebuild_from_type_v2", from_type)
        for name, dtype in _STORAGE_TYPES.items():
            adm = admit(("torch", "torch.cuda", "torch.storage"), name)
            adm.dtype = dtype  # type: ignore[attr-defined]
        for name in _REFUSED_STORAGES:
            adm = admit(("torch", "torch.cuda"), name)
            adm.refused = f"{name} tensors (complex or quantised), which generators never hold"  # type: ignore[attr-defined]
        for dt in ("float64", "float32", "float16", "bfloat16", "int64", "int32", "int16", "int8", "uint8", "bool"):
            admit("torch", dt)
        admit("torch", "device", lambda *a: str(a[0]) if a and isinstance(a[0], (str, int)) else "cpu")
        admit("torch", "Size", lambda t=(): _int_tuple(t, "torch.Size"))
        admit("torch.storage", "_load_from_bytes", self.storage_from_bytes)

        def persistent(meta: Any) -> PersistentRecord:
            if not isinstance(meta, dict) or meta.get("type") != "class" or not isinstance(meta.get("class_name"), str):
                raise UnsafePickleError("a persistent object with an unexpected description")
            src = meta.get("module_src")
            hint = ""
            if isinstance(src, str):
                # stylegan3's networks_stylegan3.py never names itself: it is told by its docstring's title and
                # its SynthesisInput class (NVlabs/stylegan3 c233a91, training/networks_stylegan3.py L10 and the
                # class list); "networks_stylegan2" appears only in that repository's networks_stylegan2.py.
                if "class SynthesisInput" in src or "Alias-Free Generative Adversarial Networks" in src:
                    hint = "networks_stylegan3"
                else:
                    for marker in ("networks_stylegan3", "networks_stylegan2", "def modulated_conv2d"):
                        if marker in src:
                            hint = marker
                            break
            state = meta.get("state")
            return PersistentRecord(meta["class_name"][:200], hint, state if isinstance(state, dict) else {})

        admit("torch_utils.persistence", "_reconstruct_persistent_obj", persistent)

        def plain_dict(*args: Any) -> dict:
            if not args:
                return {}
            (items,) = args
            if isinstance(items, dict):
                return dict(items)
            if not isinstance(items, (list, tuple)):
                raise DamagedPickleError("a dict made from something that is not a list of pairs")
            out = {}
            for pair in items:
                if not isinstance(pair, (list, tuple)) or len(pair) != 2:
                    raise DamagedPickleError("a dict made from something that is not a list of pairs")
                out[pair[0]] = pair[1]
            return out

        admit("collections", "OrderedDict", plain_dict, lambda *a: {})
        admit(("dnnlib.util", "dnnlib"), "EasyDict", plain_dict, lambda *a: {})
        admit("argparse", "Namespace", lambda *a: AttributeDict(), lambda *a: AttributeDict())

        def sequence(kind: type) -> Any:
            def make(items: Any = ()) -> Any:
                if not isinstance(items, (list, tuple, set, frozenset)):
                    raise DamagedPickleError(f"a {kind.__name__} made from a {type(items).__name__}")
                if kind in (tuple, frozenset, set):
                    for x in items:
                        _hash_cost(x)
                out = kind(items)
                if kind in (tuple, frozenset):
                    _hash_cost(out)
                return out
            return make

        for kind in (set, frozenset, tuple, list):
            admit("builtins", kind.__name__, sequence(kind))
        admit("builtins", "dict", plain_dict)

        def number(kind: type) -> Any:
            def make(x: Any = 0) -> Any:
                if isinstance(x, str) and len(x) > 100 or not isinstance(x, (int, float, str)):
                    raise PickleBoundsError(f"{kind.__name__}() of a {type(x).__name__}")
                return kind(x)
            return make

        for kind in (int, float, bool):
            admit("builtins", kind.__name__, number(kind))

        def latin1(text: Any, encoding: Any = "utf-8") -> bytes:
            if not isinstance(text, str) or encoding not in ("latin1", "latin-1"):
                raise UnsafePickleError("_codecs.encode with an encoding other than latin1")
            out = text.encode("latin1")
            self.budget.add_blob(len(out))
            return out

        admit("_codecs", "encode", latin1)

        def np_scalar(dtype: Any, data: Any = None) -> Any:
            if not isinstance(dtype, NumpyDtype):
                raise PickleBoundsError("a numpy scalar of a dtype that is not a plain number type")
            if isinstance(data, str):
                data = data.encode("latin1")
            size, code = _DTYPES[dtype.dtype]
            if not isinstance(data, bytes) or len(data) != size or code is None:
                raise DamagedPickleError("a numpy scalar whose bytes do not match its dtype")
            return struct.unpack((">" if dtype.big_endian else "<") + code, data)[0]

        admit(("numpy.core.multiarray", "numpy._core.multiarray"), "scalar", np_scalar)
        admit("numpy", "dtype", lambda code, *flags: NumpyDtype(code if isinstance(code, str) else "?"))
        ndarray = admit("numpy", "ndarray")

        def np_reconstruct(subtype: Any, shape: Any = None, code: Any = None) -> NumpyArray:
            if subtype is not ndarray:
                raise UnsafePickleError("numpy.core.multiarray._reconstruct of an ndarray subclass")
            arr = NumpyArray()
            arr.reader = self
            return arr

        admit(("numpy.core.multiarray", "numpy._core.multiarray"), "_reconstruct", np_reconstruct)
        return g

    # -- containers ---------------------------------------------------------------------------
    def machine(self, buf: Any, persistent_load: Any = None) -> Machine:
        return Machine(buf, self._globals, persistent_load=persistent_load, encoding=self.encoding,
                       lazy_bytes=buf is self.mm)

    def plain_pickle(self) -> Any:
        obj, _ = self.machine(self.mm).load(0, self.size)
        return obj

    def storage_from_bytes(self, b: Any) -> StorageRef:
        """``torch.storage._load_from_bytes(b)``: ``b`` must be a legacy torch stream of one storage."""
        if isinstance(b, FileBytes):
            start, end = b.offset, b.offset + b.length
            data_buf = self.mm
        elif isinstance(b, (bytes, bytearray)):
            data_buf, start, end = bytes(b), 0, len(b)
        else:
            raise DamagedPickleError("_load_from_bytes of something that is not bytes")
        obj = self.legacy(data_buf, start, end)
        if not isinstance(obj, StorageRef):
            raise PickleBoundsError("_load_from_bytes of data that is not a single storage")
        return obj

    def legacy(self, buf: Any, start: int, end: int) -> Any:
        """A legacy (non-zip) torch.save stream at ``buf[start:end]``: magic, version, sys info, object, keys, data."""
        m = self.machine(buf)
        head = self._legacy_head
        if head is not None and buf[start:start + len(head[0])] == head[0]:
            pos, big = start + len(head[0]), head[1]   # the same three header pickles as the last stream
        else:
            magic, pos = m.load(start, end)
            if magic != LEGACY_MAGIC:
                raise DamagedPickleError("a legacy torch stream without its magic number")
            version, pos = m.load(pos, end)
            if version != LEGACY_PROTOCOL:
                raise DamagedPickleError(f"a legacy torch stream of protocol {str(version)[:20]}")
            sys_info, pos = m.load(pos, end)
            big = isinstance(sys_info, dict) and sys_info.get("little_endian") is False
            if pos - start <= 1024:
                self._legacy_head = (bytes(buf[start:pos]), big)
        pending: dict[str, list[Any]] = {}   # root key -> [dtype, numel, {(element offset, numel): StorageRef}]

        def pid(saved: Any) -> StorageRef:
            if not isinstance(saved, tuple) or not saved:
                raise DamagedPickleError("a persistent id that is not a tuple")
            kind = saved[0].decode("ascii", "replace") if isinstance(saved[0], bytes) else saved[0]
            if kind == "module":
                raise UnsafePickleError("a pickled torch.nn.Module (a whole model object)")
            if kind != "storage" or len(saved) != 6:
                raise DamagedPickleError("an unknown persistent id")
            stype, root, _location, numel, view = saved[1:]
            dtype = _storage_dtype(stype)
            if not isinstance(root, str) or type(numel) is not int or numel < 0:
                raise DamagedPickleError("a storage id with bad fields")
            entry = pending.setdefault(root, [dtype, numel, {}])
            if entry[0] != dtype or entry[1] != numel:
                raise DamagedPickleError("one storage declared with two different sizes")
            offset, count = 0, numel
            if view is not None:
                if (not isinstance(view, tuple) or len(view) != 3 or type(view[1]) is not int
                        or type(view[2]) is not int or view[1] < 0 or view[2] < 0 or view[1] + view[2] > numel):
                    raise DamagedPickleError("a storage view outside its storage")
                offset, count = view[1], view[2]
            ref = entry[2].get((offset, count))
            if ref is None:
                ref = entry[2][(offset, count)] = StorageRef(dtype, count, None, None, big)
            return ref

        obj, pos = self.machine(buf, pid).load(pos, end)
        keys, pos = m.load(pos, end)
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys) or len(set(keys)) != len(keys):
            raise DamagedPickleError("a legacy torch stream with a bad storage list")
        if set(keys) != set(pending):
            raise DamagedPickleError("a legacy torch stream whose storages and data do not match")
        for key in keys:
            dtype, numel, refs = pending[key]
            size = itemsize(dtype)
            if pos + 8 > end:
                raise DamagedPickleError("a legacy torch stream that ends before its tensor data (truncated)")
            (stored,) = struct.unpack(">q" if big else "<q", bytes(buf[pos:pos + 8]))
            pos += 8
            if stored != numel or pos + numel * size > end:
                raise DamagedPickleError("a legacy torch stream whose tensor data is cut or mis-sized")
            for (offset, count), ref in refs.items():
                at = pos + offset * size
                if buf is self.mm:
                    real = self.file_storage(at, dtype, count, big)
                    ref.offset = real.offset
                else:
                    ref.blob = bytes(buf[at:at + count * size])
                    self.budget.add_blob(len(ref.blob))
                    ref.offset = 0
            pos += numel * size
        return obj

    def torch_zip(self, fh: BinaryIO) -> Any:
        """A torch.save zip archive: ``<root>/data.pkl`` with storages in ``<root>/data/<key>``."""
        try:
            zf = zipfile.ZipFile(fh)
            infos = zf.infolist()
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, struct.error, NotImplementedError):
            raise ReadError("is a truncated or damaged zip archive") from None
        pkl = [i for i in infos if i.filename.endswith("data.pkl") and i.filename.count("/") == 1]
        if not pkl:
            raise ReadError("is a zip archive but not a readable torch checkpoint (it has no data.pkl)")
        root = pkl[0].filename.split("/")[0]
        by_name = {i.filename: i for i in infos}
        big = False
        if f"{root}/byteorder" in by_name:
            big = self._entry_bytes(zf, by_name[f"{root}/byteorder"], 16).strip() == b"big"
        info = pkl[0]
        if info.compress_type == zipfile.ZIP_STORED:
            buf, start, end = self.mm, self._stored_offset(info), None
            end = start + info.file_size
        else:
            buf = self._entry_bytes(zf, info, info.file_size)
            start, end = 0, len(buf)
        storages: dict[str, StorageRef] = {}

        def pid(saved: Any) -> StorageRef:
            if not isinstance(saved, tuple) or len(saved) != 5 or saved[0] not in ("storage", b"storage"):
                raise DamagedPickleError("an unknown persistent id")
            stype, key, _location, numel = saved[1:]
            dtype = _storage_dtype(stype)
            if not isinstance(key, str) or type(numel) is not int or numel < 0:
                raise DamagedPickleError("a storage id with bad fields")
            ref = storages.get(key)
            if ref is not None:
                if ref.dtype != dtype or ref.numel != numel:
                    raise DamagedPickleError("one storage declared with two different sizes")
                return ref
            entry = by_name.get(f"{root}/data/{key}")
            if entry is None:
                raise ReadError(f"is a torch file that lacks the data of its storage {key[:40]}")
            nbytes = numel * itemsize(dtype)
            if entry.file_size != nbytes:
                raise DamagedPickleError(f"storage {key[:40]} holds {entry.file_size:,} bytes, not {nbytes:,}")
            if entry.compress_type == zipfile.ZIP_STORED:
                ref = self.file_storage(self._stored_offset(entry), dtype, numel, big)
            else:
                ref = StorageRef(dtype, numel, 0, self._entry_bytes(zf, entry, nbytes), big)
            storages[key] = ref
            return ref

        obj, _ = self.machine(buf, pid).load(start, end)
        return obj

    def _stored_offset(self, info: zipfile.ZipInfo) -> int:
        """Where an uncompressed entry's bytes start in the file (after its local header)."""
        h = info.header_offset
        head = bytes(self.mm[h:h + 30])
        if len(head) != 30 or head[:4] != b"PK\x03\x04":
            raise ReadError("is a truncated or damaged zip archive")
        n, m = struct.unpack("<HH", head[26:30])
        start = h + 30 + n + m
        if info.compress_size != info.file_size or start + info.file_size > self.size:
            raise ReadError("is a truncated or damaged zip archive")
        return start

    def _entry_bytes(self, zf: zipfile.ZipFile, info: zipfile.ZipInfo, expected: int) -> bytes:
        """A compressed entry inflated to at most ``expected`` bytes (a deflate bomb stops there)."""
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ReadError("is a zip archive compressed in a way torch never writes")
        if info.file_size > expected:
            raise PickleBoundsError(f"a zip entry that claims {info.file_size:,} bytes")
        if info.compress_type == zipfile.ZIP_STORED:
            start = self._stored_offset(info)
            return bytes(self.mm[start:start + info.file_size])
        self.budget.add_blob(info.file_size)
        start = self._stored_offset_compressed(info)
        raw = self.mm[start:start + info.compress_size]
        d = zlib.decompressobj(-15)
        try:
            out = d.decompress(raw, expected + 1)
        except zlib.error:
            raise ReadError("is a truncated or damaged zip archive") from None
        if len(out) != info.file_size:
            raise PickleBoundsError(f"a zip entry that inflates beyond its stated {info.file_size:,} bytes")
        return out

    def _stored_offset_compressed(self, info: zipfile.ZipInfo) -> int:
        h = info.header_offset
        head = bytes(self.mm[h:h + 30])
        if len(head) != 30 or head[:4] != b"PK\x03\x04":
            raise ReadError("is a truncated or damaged zip archive")
        n, m = struct.unpack("<HH", head[26:30])
        start = h + 30 + n + m
        if start + info.compress_size > self.size:
            raise ReadError("is a truncated or damaged zip archive")
        return start


def _storage_dtype(stype: Any) -> str:
    if not isinstance(stype, Admitted):
        raise DamagedPickleError("a storage of an unknown type")
    refused = getattr(stype, "refused", None)
    if refused:
        raise PickleBoundsError(refused)
    dtype = getattr(stype, "dtype", None)
    if dtype is None:
        raise DamagedPickleError(f"a storage of type {stype.name}")
    return dtype


# -- hand-back encoding -------------------------------------------------------------------------

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
        tree); such repeats are counted, so a DAG of 2^64 paths is refused after :data:`MAX_REPEATS`."""
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


def read_file(path: str, kind: str) -> tuple[dict[str, Any], bytes]:
    """Read ``path`` (sniffed as ``kind``: 'pickle', 'legacy' or 'zip') into the hand-back message and its blob."""
    fd, st = open_regular(path)
    with os.fdopen(fd, "rb") as fh:
        if st.st_size == 0:
            raise ReadError("is empty")
        mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            reader = Reader(mm, st.st_size)
            if kind == "pickle":
                obj = reader.plain_pickle()
            elif kind == "legacy":
                obj = reader.legacy(mm, 0, st.st_size)
            elif kind == "zip":
                obj = reader.torch_zip(fh)
            else:
                raise ReadError(f"is of an unknown kind {kind}")
            enc = Encoder()
            tree = enc.encode(obj)
            return {"tree": tree, "storages": enc.storages, "identity": identity(st)}, b"".join(enc.blobs)
        finally:
            mm.close()  # records hold offsets and copies, never views of the mapping
