"""A trainer's own random numbers: explicit generators, never torch's global one.

Torch's global CPU generator belongs to the whole process: the Explore tab opening a model, a library,
a test, another trainer, any thread may draw from it at any moment. So the trainer never touches it
(before, it swapped its state into the global generator for every step, and a model built on another
thread meanwhile took numbers from the training stream: the bit-exact resume was silently lost). It
keeps two ``torch.Generator``\\ s instead, both saved in its checkpoints:

- :attr:`TrainerRNG.modules`, seeded as ``torch.manual_seed(seed)`` seeds the global one: the initial
  weights (the layers' constructors and ``dcgan_init`` draw from it inside :meth:`TrainerRNG.building`)
  and then the dropout masks (``core/models/dropout.py``, whose layers are given this generator).
  Saved as ``train.rng``: older checkpoints stored the global stream there, which only dropout read
  during a step, and the masks are drawn bit for bit as torch's CPU dropout drew them, so an older
  checkpoint resumes as the older code would have gone on.
- :attr:`TrainerRNG.draws`: everything the trainer draws itself (latents, labels, style mixing,
  augmentation, StyleGAN2's noise inputs, path-length directions). Saved as ``train.rng_draws``.
  The data order and the fixed sample noise come from generators of their own, seeded from the
  config (the same on resume without being saved).

Numbers are drawn on the CPU and copied to the device (``execution.py``), so a CUDA run draws the same
numbers; what is not bit-exact there is the GPU's arithmetic. In a torchrun group rank 0 keeps this
stream and the other ranks start their own (``distributed.rank_rng_state``).
"""

from __future__ import annotations

from typing import Any

import torch
import torch.nn.functional as F
from torch import nn
from torch.overrides import TorchFunctionMode

# Random functions that take a ``generator=``; inside :class:`DrawsFrom` a call without one gets it.
_ROUTED: set[Any] = {
    torch.randn, torch.rand, torch.randint, torch.randperm, torch.normal, torch.bernoulli, torch.multinomial,
    torch.poisson, torch.randn_like, torch.rand_like, torch.randint_like,
    torch.Tensor.uniform_, torch.Tensor.normal_, torch.Tensor.random_, torch.Tensor.bernoulli_,
    torch.Tensor.bernoulli, torch.Tensor.multinomial, torch.Tensor.exponential_, torch.Tensor.geometric_,
    torch.Tensor.log_normal_, torch.Tensor.cauchy_,
    nn.init.uniform_, nn.init.normal_, nn.init.trunc_normal_, nn.init.kaiming_uniform_, nn.init.kaiming_normal_,
    nn.init.xavier_uniform_, nn.init.xavier_normal_, nn.init.orthogonal_, nn.init.sparse_,
}
# Random functions that cannot take one: they would draw from the global generator, so they are refused.
_UNROUTABLE: set[Any] = {
    F.dropout, F.dropout1d, F.dropout2d, F.dropout3d, F.alpha_dropout, F.feature_alpha_dropout, F.rrelu,
    torch.dropout, torch.feature_dropout, torch.alpha_dropout, torch.rrelu,
}


class DrawsFrom(TorchFunctionMode):
    """Within the block, on this thread only, every random draw without a generator takes ``generator``.

    For code that cannot be handed a generator: torch's layer constructors and ``nn.init``. A torch
    function mode is per thread, so another thread's draws still go to the global generator, and this
    block's never do. A random function that takes no generator (dropout) raises ``RuntimeError``."""

    def __init__(self, generator: torch.Generator) -> None:
        super().__init__()
        self.generator = generator

    def __torch_function__(self, func: Any, types: Any, args: tuple = (), kwargs: dict | None = None) -> Any:
        kwargs = dict(kwargs or {})
        if func in _ROUTED:
            if kwargs.get("generator") is None and not any(isinstance(a, torch.Generator) for a in args):
                kwargs["generator"] = self.generator
        elif func in _UNROUTABLE:
            raise RuntimeError(f"{getattr(func, '__name__', func)} would draw from torch's global RNG")
        return func(*args, **kwargs)


class TrainerRNG:
    """The trainer's two generators (see the module's docstring); the global RNG is neither read nor set."""

    def __init__(self, seed: int) -> None:
        self.modules = torch.Generator().manual_seed(seed)           # = the global one after manual_seed(seed)
        self.draws = torch.Generator().manual_seed(seed + 0x5EED)   # the trainer's own draws

    def building(self) -> DrawsFrom:
        """``with rng.building():`` networks built and initialised in the block draw from :attr:`modules`."""
        return DrawsFrom(self.modules)

    def state_tensors(self) -> dict[str, torch.Tensor]:
        """Both generators' states, as a checkpoint stores them."""
        return {"train.rng": self.modules.get_state(), "train.rng_draws": self.draws.get_state()}

    def load(self, state: torch.Tensor, draws: torch.Tensor | None = None) -> None:
        """Continue from saved states: ``state`` for :attr:`modules`, ``draws`` for :attr:`draws` (without
        it, a checkpoint older than the explicit draws or another rank's fresh stream, from ``state`` too).
        The generators are set in place: the layers and noise inputs holding them keep drawing from them."""
        self.modules.set_state(state.to(torch.uint8).clone())
        self.draws.set_state((draws if draws is not None else state).to(torch.uint8).clone())
