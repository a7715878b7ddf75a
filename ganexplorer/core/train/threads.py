"""How many CPU threads a training run uses: chosen from the model's size, not torch's default.

torch starts one intra-op thread per core. A small model's ops (the Quick demo: 0.15 M parameters,
batches of 64 at 32 px) are too short to split: the threads mostly wait for one another, and when
other programs share the CPU (a classroom laptop, the window's own render thread) a step waits for
the slowest of them. The Quick demo trained 2x slower with the default threads than with one on a
busy machine (``benchmarks/bench_threads.py`` prints the ratios). Big models have ops long enough to
split, so they keep more threads. The CLI and the window both get this through
``session.training_session``; the count is never raised above torch's own (which follows
``OMP_NUM_THREADS``), and the caller's count comes back when the session ends.
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator

import torch

ONE_THREAD_BELOW = 1_500_000   # parameters of G + D: below this, one thread trains fastest
TWO_THREADS_BELOW = 10_000_000  # below this, two (ops of a mid-size model split in two, not in sixteen)


@lru_cache(maxsize=None)
def model_parameters(model_preset: str) -> int:
    """G's and D's parameters for a preset, counted on the meta device (nothing allocated, nothing drawn)."""
    from ganexplorer.core.models.registry import PRESETS, build_discriminator, build_generator

    p = PRESETS[model_preset]
    with torch.device("meta"):
        nets = build_generator(p.family, dict(p.g_kwargs)), build_discriminator(p.family, dict(p.d_kwargs))
    return sum(t.numel() for net in nets for t in net.parameters())


def training_threads(model_preset: str, available: int | None = None) -> int:
    """Intra-op threads to train ``model_preset`` with; ``available``: torch's count (default: now)."""
    available = available if available is not None else torch.get_num_threads()
    try:
        n = model_parameters(model_preset)
    except (KeyError, TypeError, ValueError, RuntimeError):   # an unknown preset: leave torch's choice
        return available
    want = 1 if n < ONE_THREAD_BELOW else 2 if n < TWO_THREADS_BELOW else available
    return max(1, min(want, available))


@contextmanager
def using_training_threads(model_preset: str) -> Iterator[int]:
    """Train with :func:`training_threads` threads inside the block; the caller's count afterwards."""
    before = torch.get_num_threads()
    chosen = training_threads(model_preset, before)
    if chosen != before:
        torch.set_num_threads(chosen)
    try:
        yield chosen
    finally:
        if torch.get_num_threads() != before:
            torch.set_num_threads(before)
