"""A stand-in accelerator for CPU-only test runs: tensors that say they live on ``meta`` but hold CPU data.

Why not plain ``meta``: meta tensors have no data, so correct code that reads a result back
(``.item()``, ``.cpu()``, PCA, uint8 pictures) fails there too, for reasons that have nothing to
do with placement. Why not a real second device: a CPU build of PyTorch has none with data.

So :class:`OnDevice` is a wrapper tensor subclass whose ``.device`` is ``meta`` and whose
``elem`` is an ordinary CPU tensor; every aten op on it is computed on ``elem`` and wrapped
again, so the numbers are the CPU's. The rules are CUDA's, checked at each op:

- an op that mixes a device tensor with a CPU tensor of one or more dimensions raises
  (0-dim CPU tensors pass, as they do in CUDA's elementwise ops; so do CPU index tensors in
  indexing and a CPU source in ``copy_``, which CUDA also accepts);
- ``.numpy()`` on a device tensor raises ``TypeError`` (CUDA's message), ``.cpu()`` /
  ``.to("cpu")`` give plain CPU tensors, ``.item()`` / ``.tolist()`` / ``float()`` work (they do
  on CUDA: they copy);
- a CPU ``torch.Generator`` used to draw directly on the device raises (CUDA refuses it);
- with ``FakeDevice(mps=True)``, a float64 tensor on the device raises, as on Apple's MPS.

:class:`FakeDevice` is the context that makes ``x.to("meta")``, ``module.to("meta")``,
``torch.zeros(..., device="meta")`` and ``torch.tensor(..., device="meta")`` produce
:class:`OnDevice` tensors (a dispatch mode for factories and copies, a function mode for
``torch.tensor`` and list indices, which build their tensors below the dispatcher). A plain
data-less meta tensor reaching an op means a creation path the harness misses: it raises
rather than compute nonsense.
"""

from __future__ import annotations

import torch
from torch.overrides import TorchFunctionMode
from torch.utils._python_dispatch import TorchDispatchMode
from torch.utils._pytree import tree_flatten, tree_map

DEVICE = torch.device("meta")

# Ops CUDA runs with some CPU tensors among the arguments (index tensors, a copy's source).
_INDEXING = {"index", "index_put_", "index_put", "_index_put_impl_", "_unsafe_index", "_unsafe_index_put"}
_CROSS_DEVICE = {"copy_", "_to_copy", "_copy_from", "_copy_from_and_resize"}


_rules = {"mps": False}   # which device's rules: CUDA's, or also MPS's (no float64)


class DeviceMixError(RuntimeError):
    """A tensor on the stand-in device met a CPU tensor in one op (or the harness met a data-less meta tensor)."""


class OnDevice(torch.Tensor):
    """A CPU tensor that reports ``device == meta`` and obeys CUDA's placement rules (see the module)."""

    elem: torch.Tensor
    __torch_function__ = torch._C._disabled_torch_function_impl

    @staticmethod
    def __new__(cls, elem: torch.Tensor) -> "OnDevice":
        # A view of a normal tensor made under inference_mode gets its base's version counter from
        # autograd, which an inference tensor refuses: wrappers are always normal tensors.
        with torch.inference_mode(False):
            r = torch.Tensor._make_wrapper_subclass(
                cls, elem.shape, strides=elem.stride(), storage_offset=elem.storage_offset(), dtype=elem.dtype,
                layout=elem.layout, device=DEVICE, requires_grad=elem.requires_grad)
        r.elem = elem
        return r

    def numpy(self, *, force: bool = False):  # noqa: ARG002 - same signature as Tensor.numpy
        raise TypeError("can't convert meta device type tensor to numpy. Use Tensor.cpu() to copy the tensor "
                        "to host memory first.")

    def tolist(self):
        return self.elem.tolist()

    def __repr__(self) -> str:
        return f"OnDevice({self.elem!r})"

    @classmethod
    def __torch_dispatch__(cls, func, types, args=(), kwargs=None):
        return _run(func, args, kwargs or {})


def _on_device(d) -> bool:
    return d is not None and torch.device(d).type == DEVICE.type


def _check_placement(func, args, kwargs, flat) -> None:
    name = func.overloadpacket.__name__
    if name in _CROSS_DEVICE:
        return
    exempt = set()
    if name in _INDEXING and len(args) > 1:
        exempt = {id(t) for t in tree_flatten(args[1])[0] if isinstance(t, torch.Tensor)}
    for a in flat:
        if isinstance(a, torch.Tensor) and not isinstance(a, OnDevice) and a.dim() > 0 and id(a) not in exempt:
            raise DeviceMixError(f"{func}: a {a.device} tensor of shape {tuple(a.shape)} meets tensors on the "
                                 "device (on a GPU: 'Expected all tensors to be on the same device')")


def _target_device(func, args, kwargs):
    """The op's ``device`` argument (keyword or positional, e.g. ``aten.to.device``) and the op's
    arguments with a device target replaced by the CPU, where the data really goes."""
    names = [a.name for a in func._schema.arguments]
    if "device" not in names:
        return None, args, kwargs
    i = names.index("device")
    if i < len(args):
        target = args[i]
        if _on_device(target):
            args = (*args[:i], torch.device("cpu"), *args[i + 1:])
        return target, args, kwargs
    target = kwargs.get("device")
    if _on_device(target):
        kwargs = dict(kwargs, device=torch.device("cpu"))
    return target, args, kwargs


def _run(func, args, kwargs):
    """Compute ``func`` on the CPU data; wrap the results that stay on the device."""
    flat = tree_flatten((args, kwargs))[0]
    for a in flat:
        if isinstance(a, torch.Tensor) and not isinstance(a, OnDevice) and a.device.type == DEVICE.type:
            raise DeviceMixError(f"{func}: a data-less meta tensor was made by a path the fake device misses")
    on = any(isinstance(a, OnDevice) for a in flat)
    target, args, kwargs = _target_device(func, args, kwargs)
    to_device = _on_device(target)
    if not on and not to_device:
        return func(*args, **kwargs)
    gen = kwargs.get("generator")
    if to_device and gen is not None and gen.device.type != "cuda":
        raise DeviceMixError(f"{func}: a {gen.device} generator cannot draw on the device")
    if on:
        _check_placement(func, args, kwargs, flat)
    plain_args, plain_kw = tree_map(lambda a: a.elem if isinstance(a, OnDevice) else a, (args, kwargs))
    out = func(*plain_args, **plain_kw)
    wrappers = {id(a.elem): a for a in flat if isinstance(a, OnDevice)}  # in-place ops return their input
    if target is not None and not to_device:   # to the host: always a copy, as from a GPU
        return tree_map(lambda o: o.clone() if isinstance(o, torch.Tensor) and id(o) in wrappers else o, out)
    host = {id(a) for a in flat if isinstance(a, torch.Tensor) and not isinstance(a, OnDevice)}

    def wrap(o):
        if not isinstance(o, torch.Tensor) or id(o) in wrappers:
            return wrappers.get(id(o), o)
        if id(o) in host:        # an op handed back a CPU input unchanged
            if not to_device:
                return o         # e.g. a CPU buffer's copy_ from the device
            o = o.clone()        # ``aten.to`` may return its input: a move to the device copies, as on a GPU
        if _rules["mps"] and o.dtype == torch.float64:
            raise TypeError(f"{func}: cannot convert a MPS Tensor to float64 dtype as the MPS framework "
                            "doesn't support float64")
        return OnDevice(o)
    return tree_map(wrap, out)


def _plain_index(index):
    """Python lists in an index become CPU index tensors (CUDA accepts those; the C++ path would make meta ones)."""
    if isinstance(index, list):
        return torch.tensor(index)
    if isinstance(index, tuple):
        return tuple(_plain_index(i) for i in index)
    return index


class _Dispatch(TorchDispatchMode):
    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        return _run(func, args, kwargs or {})


class _Functions(TorchFunctionMode):
    _MAKERS = (torch.tensor, torch.as_tensor, torch.asarray)

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        if func in self._MAKERS and _on_device(kwargs.get("device")):
            return func(*args, **dict(kwargs, device="cpu")).to(DEVICE)
        if func in (torch.Tensor.__getitem__, torch.Tensor.__setitem__) and isinstance(args[0], OnDevice):
            args = (args[0], _plain_index(args[1]), *args[2:])
        return func(*args, **kwargs)


class FakeDevice:
    """``with FakeDevice():`` — ``meta`` behaves as a GPU with CPU numbers (see the module docstring).

    ``mps=True`` adds Apple's MPS rule (no float64 on the device); the rules are global while it is
    entered, the modes per thread (a worker thread enters its own).
    """

    def __init__(self, mps: bool = False) -> None:
        self.mps = mps

    def __enter__(self) -> torch.device:
        self._before = dict(_rules)
        _rules["mps"] = self.mps
        self._modes = [_Functions(), _Dispatch()]
        for m in self._modes:
            m.__enter__()
        return DEVICE

    def __exit__(self, *exc) -> None:
        for m in reversed(self._modes):
            m.__exit__(*exc)
        _rules.update(self._before)
