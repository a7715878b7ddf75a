"""How many CPU threads a training run uses: chosen from G's and D's size by the rule of
:mod:`ganexplorer.core.threads` (shared with projection), not torch's default. The CLI and the window
both get this through ``session.training_session``; the caller's count comes back when the session ends.
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator

import torch

from ganexplorer.core.threads import threads_for, using_threads

@lru_cache(maxsize=None)
def model_parameters(model_preset: str) -> int:
    """G's and D's parameters for a preset, counted on the meta device (nothing allocated, nothing drawn)."""
    from ganexplorer.core.models.registry import PRESETS, build_discriminator, build_generator

    p = PRESETS[model_preset]
    with torch.device("meta"):
        nets = build_generator(p.family, dict(p.g_kwargs)), build_discriminator(p.family, dict(p.d_kwargs))
    return sum(t.numel() for net in nets for t in net.parameters())


def training_threads(model_preset: str, available: int | None = None) -> int:
    """Intra-op threads to train ``model_preset`` with (G's and D's parameters, :func:`core.threads.threads_for`)."""
    available = available if available is not None else torch.get_num_threads()
    try:
        n = model_parameters(model_preset)
    except (KeyError, TypeError, ValueError, RuntimeError):   # an unknown preset: leave torch's choice
        return available
    return threads_for(n, available)


@contextmanager
def using_training_threads(model_preset: str) -> Iterator[int]:
    """Train with :func:`training_threads` threads inside the block; the caller's count afterwards."""
    with using_threads(training_threads(model_preset)) as chosen:
        yield chosen
