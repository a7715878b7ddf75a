"""Mixed precision for training (``--precision fp32 | bf16 | fp16``), and the module that carries it.

``fp32`` (the default) changes nothing: no autocast context is entered, so CPU runs stay bit-exact.
``bf16`` and ``fp16`` run the networks' forward passes under ``torch.autocast`` (matrix products and
convolutions in half precision, reductions and losses in float32): on GPUs with tensor cores that is
usually faster and needs less activation memory (not yet measured for our models). ``fp16`` has a narrow range, so its losses are scaled
(``torch.amp.GradScaler``) to keep small gradients from underflowing; ``bf16`` has float32's range
and needs no scaler. Parameters, optimiser state and checkpoints stay float32 in every mode.

Gradient penalties (StyleGAN2's R1 and path length) differentiate through the network themselves;
:meth:`Precision.penalty_grad` says why their inner gradient is not loss-scaled.
"""

from __future__ import annotations

import contextlib
import inspect
import weakref
from typing import Any, Callable

import torch
from torch import nn

from ganexplorer.core.messages import message
from ganexplorer.core.train.config import PRECISIONS

_DTYPES = {"bf16": torch.bfloat16, "fp16": torch.float16}


class Precision:
    """The autocast settings of one run, and a gradient scaler per optimiser for fp16."""

    def __init__(self, name: str, device: torch.device) -> None:
        if name not in PRECISIONS:
            raise ValueError(message("train.choice", name="--precision", choices=", ".join(PRECISIONS),
                                     value=repr(name)))
        self.name, self.device_type = name, device.type
        self.dtype = _DTYPES.get(name)
        self._scalers: dict[int, torch.amp.GradScaler] = {}

    @property
    def enabled(self) -> bool:
        return self.dtype is not None

    def autocast(self) -> contextlib.AbstractContextManager:
        """The forward-pass context: ``torch.autocast`` in bf16/fp16, nothing at all in fp32."""
        if self.dtype is None:
            return contextlib.nullcontext()
        return torch.autocast(self.device_type, dtype=self.dtype)

    def full(self) -> contextlib.AbstractContextManager:
        """A block in float32 inside an autocast one (StyleGAN2's mapping: small, and it updates ``w_avg``
        in place, which must not meet half-precision numbers)."""
        if self.dtype is None:
            return contextlib.nullcontext()
        return torch.autocast(self.device_type, enabled=False)

    def scaler_states(self, optimizers: dict[str, torch.optim.Optimizer]) -> dict[str, dict]:
        """fp16's loss scales and growth trackers by optimiser name, for the checkpoint (empty otherwise):
        without them a resumed fp16 run starts again at 2^16 and skips steps until the scale settles."""
        out = {}
        for name, opt in optimizers.items():
            scaler = self._scaler(opt)
            if scaler is not None:
                out[name] = {k: v for k, v in scaler.state_dict().items() if isinstance(v, (int, float))}
        return out

    def load_scaler_states(self, optimizers: dict[str, torch.optim.Optimizer], states: dict[str, dict]) -> None:
        """Put back what :meth:`scaler_states` wrote (ignored when this run is not fp16)."""
        for name, state in (states or {}).items():
            scaler = self._scaler(optimizers[name]) if name in optimizers else None
            if scaler is not None and state:
                scaler.load_state_dict(dict(state))

    def _scaler(self, opt: torch.optim.Optimizer) -> torch.amp.GradScaler | None:
        if self.name != "fp16":
            return None
        if id(opt) not in self._scalers:
            self._scalers[id(opt)] = torch.amp.GradScaler(self.device_type)
        return self._scalers[id(opt)]

    def backward_step(self, loss: torch.Tensor, opt: torch.optim.Optimizer,
                      params: list[torch.Tensor] | None = None) -> None:
        """``loss.backward()`` (into ``params`` only, if given) then ``opt.step()``, scaled in fp16.

        fp16 skips the step when the scaled gradients overflowed and lowers the scale, as GradScaler does.
        """
        scaler = self._scaler(opt)
        target = scaler.scale(loss) if scaler is not None else loss
        target.backward(inputs=params)
        if scaler is None:
            opt.step()
        else:
            scaler.step(opt)
            scaler.update()

    def penalty_grad(self, output: torch.Tensor, wrt: torch.Tensor) -> torch.Tensor:
        """d ``output`` / d ``wrt``, with a graph, for a penalty on it (R1, path length).

        Taken unscaled in every mode: these are gradients of one logit or one image sum by an input,
        of order one, where fp16 loses nothing to underflow, while fp16's loss scale (2^16 at first)
        overflowed them to inf in our tests. The penalty then joins the loss, which is scaled as usual.
        """
        (grad,) = torch.autograd.grad(output, wrt, create_graph=True)
        return grad


class Forward(nn.Module):
    """``fn(module, *args)`` as a module's forward, under the run's autocast, with float32 results.

    Training calls its networks in ways ``forward`` does not cover (StyleGAN2: mapping with style
    mixing, then synthesis, returning the ws too); wrapping that call in a module lets
    ``DistributedDataParallel`` wrap it, and DDP only synchronises gradients of passes that go through
    its own ``forward``. ``fn`` None means the module's own forward; a bound method is held weakly, so
    a trainer that wraps its own method is freed (and its GPU memory with it) as soon as it is dropped.
    """

    def __init__(self, module: nn.Module, precision: Precision,
                 fn: Callable[..., Any] | None = None) -> None:
        super().__init__()
        self.module = module
        self.precision = precision
        self._fn = weakref.WeakMethod(fn) if inspect.ismethod(fn) else (lambda: fn)

    def forward(self, *args: Any, **kwargs: Any) -> Any:
        fn = self._fn()
        with self.precision.autocast():
            out = fn(self.module, *args, **kwargs) if fn is not None else self.module(*args, **kwargs)
        return _to_float(out) if self.precision.enabled else out


def _to_float(out: Any) -> Any:
    if isinstance(out, torch.Tensor):
        return out.float() if out.is_floating_point() else out
    if isinstance(out, tuple):
        return tuple(_to_float(o) for o in out)
    return out
