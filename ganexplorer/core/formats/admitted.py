"""The globals a checkpoint pickle may name, each building an inert record (see :mod:`.reader`).

Tensors and storages become descriptions, NVIDIA's persistent objects a class name and state (their
``module_src`` only searched for which repository wrote it), containers and numbers plain values with
hashing bounded, numpy only plain numeric dtypes. Anything else a pickle names is refused by
:mod:`.pickle_vm`. Stdlib only (the isolated reader process imports it).
"""

from __future__ import annotations

import struct
from typing import Any, Callable

from ganexplorer.core.formats.errors import DamagedPickleError, PickleBoundsError, UnsafePickleError
from ganexplorer.core.formats.pickle_vm import Admitted, AttributeDict
from ganexplorer.core.formats.records import (_DTYPES, _REFUSED_STORAGES, _STORAGE_TYPES, NumpyArray, NumpyDtype,
                                              PersistentRecord, StorageRef, StorageSource, TensorRef, _hash_cost,
                                              _int_tuple)

Admit = Callable[..., Admitted]   # admit(module or modules, name, call=None, new=None) -> the entry


def checkpoint_globals(reader: StorageSource) -> dict[tuple[str, str], Admitted]:
    """The admitted globals of a checkpoint pickle read by ``reader``. Lazy byte strings
    (:class:`FileBytes`) only ever come from the file's own mapping, so no entry depends on
    which buffer a (nested) pickle is read from."""
    g: dict[tuple[str, str], Admitted] = {}

    def admit(module: str | tuple[str, ...], name: str, call: Any = None, new: Any = None) -> Admitted:
        adm = Admitted(f"{module if isinstance(module, str) else module[0]}.{name}", call, new)
        for m in ((module,) if isinstance(module, str) else module):
            g[(m, name)] = adm
        return adm

    _admit_torch(admit, reader)
    _admit_persistent(admit)
    _admit_containers(admit)
    _admit_numbers(admit)
    _admit_codecs(admit, reader)
    _admit_numpy(admit, reader)
    return g


def _admit_torch(admit: Admit, reader: StorageSource) -> None:
    """Tensor and parameter rebuilds, storage types (complex and quantised refused), dtypes, device, Size."""
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
    admit("torch.storage", "_load_from_bytes", reader.storage_from_bytes)


def _admit_persistent(admit: Admit) -> None:
    """NVIDIA's ``persistence`` objects: class name, a hint of the code that wrote them, and their state."""
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


def _admit_containers(admit: Admit) -> None:
    """dict-likes (OrderedDict, EasyDict, Namespace) and builtin sequences, whose hashing is bounded."""
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


def _admit_numbers(admit: Admit) -> None:
    """``int()``, ``float()``, ``bool()`` of a number or a short string."""
    def number(kind: type) -> Any:
        def make(x: Any = 0) -> Any:
            if isinstance(x, str) and len(x) > 100 or not isinstance(x, (int, float, str)):
                raise PickleBoundsError(f"{kind.__name__}() of a {type(x).__name__}")
            return kind(x)
        return make

    for kind in (int, float, bool):
        admit("builtins", kind.__name__, number(kind))


def _admit_codecs(admit: Admit, reader: StorageSource) -> None:
    """Protocol 2's ``_codecs.encode(text, 'latin1')`` for bytes, counted against the blob budget."""
    def latin1(text: Any, encoding: Any = "utf-8") -> bytes:
        if not isinstance(text, str) or encoding not in ("latin1", "latin-1"):
            raise UnsafePickleError("_codecs.encode with an encoding other than latin1")
        out = text.encode("latin1")
        reader.budget.add_blob(len(out))
        return out

    admit("_codecs", "encode", latin1)


def _admit_numpy(admit: Admit, reader: StorageSource) -> None:
    """Numpy scalars, dtypes and arrays of plain numeric dtypes only (no subclasses, no object arrays)."""
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
        arr.reader = reader
        return arr

    admit(("numpy.core.multiarray", "numpy._core.multiarray"), "_reconstruct", np_reconstruct)
