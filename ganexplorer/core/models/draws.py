"""Which torch functions draw random numbers, and how code that cannot be handed a generator gets one.

Torch's global generator belongs to the whole process (any thread may draw from it), so a trainer and
the checkpoint loaders never let it be drawn from: what they build draws from a generator they choose.
Torch's layer constructors and ``nn.init`` take no generator from their caller, so a torch function mode
hands one to every random call made inside it (:class:`DrawsFrom`; the loaders' build budget in
``core/formats/bounds.py`` does the same with a scratch generator). A torch function mode is per
thread: another thread's draws are not touched, and this block's never reach the global generator.
"""

from __future__ import annotations

from typing import Any

import torch
import torch.nn.functional as F
from torch import nn
from torch.overrides import TorchFunctionMode

# Random functions that take a ``generator=``.
RANDOM_WITH_GENERATOR: frozenset[Any] = frozenset({
    torch.randn, torch.rand, torch.randint, torch.randperm, torch.normal, torch.bernoulli, torch.multinomial,
    torch.poisson, torch.randn_like, torch.rand_like, torch.randint_like,
    torch.Tensor.uniform_, torch.Tensor.normal_, torch.Tensor.random_, torch.Tensor.bernoulli_,
    torch.Tensor.bernoulli, torch.Tensor.multinomial, torch.Tensor.exponential_, torch.Tensor.geometric_,
    torch.Tensor.log_normal_, torch.Tensor.cauchy_,
    nn.init.uniform_, nn.init.normal_, nn.init.trunc_normal_, nn.init.kaiming_uniform_, nn.init.kaiming_normal_,
    nn.init.xavier_uniform_, nn.init.xavier_normal_, nn.init.orthogonal_, nn.init.sparse_,
})
# Random functions that cannot take one: they always draw from the global generator.
RANDOM_GLOBAL_ONLY: frozenset[Any] = frozenset({
    F.dropout, F.dropout1d, F.dropout2d, F.dropout3d, F.alpha_dropout, F.feature_alpha_dropout, F.rrelu,
    torch.dropout, torch.feature_dropout, torch.alpha_dropout, torch.rrelu,
})


def with_generator(func: Any, args: tuple, kwargs: dict, generator: torch.Generator) -> dict:
    """``kwargs`` for calling ``func``, with ``generator`` added where ``func`` draws and was given none.
    Raises ``RuntimeError`` for a random function that can only draw from the global generator."""
    if func in RANDOM_WITH_GENERATOR:
        if kwargs.get("generator") is None and not any(isinstance(a, torch.Generator) for a in args):
            return {**kwargs, "generator": generator}
    elif func in RANDOM_GLOBAL_ONLY:
        raise RuntimeError(f"{getattr(func, '__name__', func)} would draw from torch's global RNG")
    return kwargs


class DrawsFrom(TorchFunctionMode):
    """Within the block, on this thread only, every random draw without a generator takes ``generator``;
    a random function that takes none (dropout) raises ``RuntimeError``."""

    def __init__(self, generator: torch.Generator) -> None:
        super().__init__()
        self.generator = generator

    def __torch_function__(self, func: Any, types: Any, args: tuple = (), kwargs: dict | None = None) -> Any:
        return func(*args, **with_generator(func, args, kwargs or {}, self.generator))
