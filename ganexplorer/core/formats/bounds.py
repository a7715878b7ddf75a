"""Architecture arguments from a file are checked before anything is allocated; weights after loading.

A file's constructor arguments are a stranger's numbers: resolution 2^20, w_dim 25,000,
10^7 mapping layers, a 20,000-tap filter, zero channels. Two guards stand before a model
is built from them:

- :func:`check_kwargs`: every number against a sane range (by name where we know the name,
  a generic bound otherwise), every list short, every float finite;
- :func:`build_bounded`: the constructor runs under a torch function mode that counts the
  elements each factory call (``torch.empty/zeros/ones/randn/...``) asks for and refuses,
  *before* the allocation, more than the file's own tensors can fill (plus a small
  allowance), or a dimension of 0. The factories make their tensors on the ``meta`` device: no
  memory is taken, no number drawn; random initialisation is skipped (``randn`` -> ``empty``), and
  any other random call draws from a scratch generator, never from torch's global one (which
  belongs to whoever else is running, a trainer on another thread included). The file's tensors
  then become every parameter and buffer (``load_weights``: strict, ``assign=True``, and nothing
  may be left on ``meta``).

After loading, :func:`check_finite` refuses NaN/Inf weights by name: such a generator
renders black or noise, and saying so beats a silent black picture.
"""

from __future__ import annotations

import math
from typing import Any, Callable

import torch
from torch import nn
from torch.overrides import TorchFunctionMode

from ganexplorer.core.formats.errors import CheckpointError
from ganexplorer.core.messages import message
from ganexplorer.core.models.draws import RANDOM_GLOBAL_ONLY, RANDOM_WITH_GENERATOR, with_generator

MAX_MODEL_ELEMENTS = 1 << 31       # 8 GB of float32: far beyond any generator this app renders
BUILD_ALLOWANCE = 1 << 20          # elements a model may create beyond the file's tensors (filters, counters)
_GENERIC_INT = 1_000_000
_RANGES: dict[str, tuple[int, int]] = {
    "img_resolution": (4, 4096), "resolution": (4, 4096), "size": (4, 4096), "img_size": (1, 1024),
    "img_channels": (1, 16), "nc": (1, 16), "z_dim": (1, 16384), "w_dim": (1, 16384), "nz": (1, 16384),
    "c_dim": (0, 100_000), "n_classes": (0, 100_000), "num_layers": (1, 64), "ngf": (1, 8192), "ndf": (1, 8192),
    "channel_base": (1, 1 << 24), "channel_max": (1, 16384), "num_fp16_res": (0, 32),
    "embed_features": (1, 16384), "layer_features": (1, 16384), "kernel_size": (1, 15), "style_dim": (1, 16384),
    "n_mlp": (1, 64),
}
_MAX_LIST = 16        # e.g. resample_filter taps (NVIDIA uses 4)
_MAX_ENTRIES = 256
_MAX_NEST = 4


def check_kwargs(path: Any, kwargs: Any, what: str = "generator") -> None:
    """Raise :class:`CheckpointError` unless every value in ``kwargs`` (nested) is within sane bounds."""
    count = 0

    def bad(detail: str) -> CheckpointError:
        return CheckpointError(path, f"has a {what} description ganexplorer will not build ({detail})")

    def walk(value: Any, name: str, depth: int) -> None:
        nonlocal count
        count += 1
        if count > _MAX_ENTRIES or depth > _MAX_NEST:
            raise bad("too many or too deeply nested settings")
        if isinstance(value, bool) or value is None:
            return
        if isinstance(value, int):
            lo, hi = _RANGES.get(name, (-_GENERIC_INT, _GENERIC_INT))
            if not lo <= value <= hi:
                raise bad(f"{name} {value} is outside {lo}..{hi}")
            return
        if isinstance(value, float):
            if not math.isfinite(value) or abs(value) > 1e12:
                raise bad(f"{name} is {value}")
            return
        if isinstance(value, str):
            if len(value) > 100:
                raise bad(f"{name} is a {len(value)}-character text")
            return
        if isinstance(value, (list, tuple)):
            if len(value) > _MAX_LIST:
                raise bad(f"{name} has {len(value):,} entries (at most {_MAX_LIST})")
            for v in value:
                walk(v, name, depth + 1)
            return
        if isinstance(value, dict):
            for k, v in value.items():
                if not isinstance(k, str):
                    raise bad("a setting whose name is not text")
                walk(v, k, depth + 1)
            return
        raise bad(f"{name} is a {type(value).__name__}")

    if not isinstance(kwargs, dict):
        raise bad("its settings are not a dict")
    walk(kwargs, "settings", 0)


# -- building within a budget -------------------------------------------------------------------

_RANDOM = {torch.randn, torch.rand, torch.randint, torch.normal}
_FACTORIES = {torch.empty, torch.zeros, torch.ones, torch.full, *_RANDOM}
_RANDOM_INIT = {torch.Tensor.uniform_, torch.Tensor.normal_, torch.Tensor.random_}   # in-place, from nn.init
_ANY_RANDOM = RANDOM_WITH_GENERATOR | RANDOM_GLOBAL_ONLY   # the rest: a scratch generator, or refused
_SCALE = {torch.Tensor.__truediv__, torch.Tensor.div, torch.Tensor.__mul__, torch.Tensor.__rmul__, torch.Tensor.mul}


class _TooLarge(Exception):
    pass


class _ZeroWidth(Exception):
    pass


def _shape(func: Any, args: tuple, kwargs: dict) -> tuple[int, ...] | None:
    size = kwargs.get("size")
    if size is None:
        if func is torch.randint:
            size = next((a for a in args if isinstance(a, (tuple, list, torch.Size))), None)
        elif args and isinstance(args[0], (tuple, list, torch.Size)):
            size = args[0]
        elif func is not torch.full:
            size = tuple(a for a in args if isinstance(a, int))
    if size is None:
        return None
    try:
        return tuple(int(s) for s in size)
    except (TypeError, ValueError):
        return None


class _Budget(TorchFunctionMode):
    """Counts and refuses (see :func:`build_bounded`); tensors are made on the ``meta`` device, and any other
    random call gets a scratch generator: nothing is drawn from torch's global one. One mode, not a
    ``torch.device('meta')`` block on top of it: each mode costs a Python call per torch call (the build of
    a bundled StyleGAN2 took 2.7x as long with two)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit, self.used = limit, 0
        self._placeholders: set[int] = set()   # ids of tensors standing in for random draws
        self._keep: list[torch.Tensor] = []
        self._scratch = torch.Generator()

    def __torch_function__(self, func: Any, types: Any, args: tuple = (), kwargs: dict | None = None) -> Any:
        kwargs = kwargs or {}
        if func in _RANDOM_INIT:
            return args[0]
        if getattr(func, "__module__", None) == "torch.nn.init" and func.__name__.endswith("_"):
            # nn.init's own in-place fills too: inside them the mode is off, and they would draw from
            # torch's global RNG (another thread's training stream)
            return args[0] if args else kwargs["tensor"]
        if (func in _SCALE and len(args) == 2 and id(args[0]) in self._placeholders
                and isinstance(args[1], (int, float)) and not kwargs):
            return args[0]   # scaling a random draw that the file's weights will replace
        if func in _FACTORIES:
            kwargs = {**kwargs, "device": "meta"}   # no memory: the file's tensors become the weights
            shape = _shape(func, args, kwargs)
            if shape is not None:
                if any(s <= 0 for s in shape):
                    raise _ZeroWidth(shape)
                self.used += math.prod(shape)
                if self.used > self.limit:
                    raise _TooLarge(self.used)
                if func in _RANDOM:  # the file's weights replace these; do not spend time drawing them
                    t = torch.empty(shape, dtype=kwargs.get("dtype"), device="meta",
                                    requires_grad=kwargs.get("requires_grad", False))
                    self._placeholders.add(id(t))
                    self._keep.append(t)   # ids stay unique while we build
                    return t
        if func in _ANY_RANDOM:
            kwargs = with_generator(func, args, kwargs, self._scratch)
        return func(*args, **kwargs)


def build_bounded(path: Any, build: Callable[[], nn.Module], file_elements: int, what: str = "generator",
                  allowance: int = BUILD_ALLOWANCE) -> nn.Module:
    """``build()`` refused before allocating more than ``file_elements + allowance`` elements or a zero width.

    Parameters and buffers come uninitialised: load the file's weights into every one of them.
    Raises :class:`CheckpointError`; ``TypeError``/``ValueError``/``RuntimeError`` (…) from the constructor become one too.
    """
    limit = min(int(file_elements * 1.05) + allowance, MAX_MODEL_ELEMENTS)
    try:
        with _Budget(limit):
            return build()
    except _TooLarge:
        raise CheckpointError(path, message("ckpt.larger_than_weights", what=what,
                                                    count=f"{file_elements:,}")) from None
    except _ZeroWidth as e:
        raise CheckpointError(path, message("ckpt.zero_layer", what=what, shape=list(e.args[0]))) from None
    except (TypeError, ValueError, KeyError, ZeroDivisionError, OverflowError, RuntimeError) as e:
        # RuntimeError: a constructor mixing a real tensor with the meta ones, or a random call without a generator
        raise CheckpointError(path, message("ckpt.unbuildable", what=what, detail=e)) from None


def numel(tensors: Any) -> int:
    """Elements in a dict of tensors (what a model built from the file may at most need)."""
    return sum(t.numel() for t in tensors.values() if isinstance(t, torch.Tensor))


def first_nonfinite(module: nn.Module) -> tuple[str, str] | None:
    """(tensor name, 'NaN' or 'infinite') of the first parameter/buffer that is not finite, else None.

    ``aminmax`` is one pass without a mask tensor (10x faster than ``isfinite().all()``); NaN
    propagates to both ends, and an infinity is an end."""
    for name, t in module.state_dict().items():
        if not t.is_floating_point() or t.numel() == 0:
            continue
        lo, hi = torch.aminmax(t.detach())
        if not (bool(torch.isfinite(lo)) and bool(torch.isfinite(hi))):
            return name, "NaN" if bool(torch.isnan(lo)) or bool(torch.isnan(hi)) else "infinite"
    return None


def check_finite(path: Any, module: nn.Module, what: str = "generator") -> None:
    """Refuse a module whose weights hold NaN or Inf, naming the tensor (its picture would be black or noise)."""
    bad = first_nonfinite(module)
    if bad is not None:
        raise CheckpointError(path, message("ckpt.bad_weights", kind=bad[1], where=bad[0], what=what))
