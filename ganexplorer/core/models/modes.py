"""Switch modules to eval mode for a moment and put back what they were.

Sampling, measuring and saving want eval mode (BatchNorm's running statistics, no dropout),
but the caller may be in the middle of training; restoring each module's own ``training``
flag, also when the body raises, keeps a sample grid or a checkpoint from changing how the
next training step runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from torch import nn


@contextmanager
def evaluating(*modules: nn.Module | None) -> Iterator[None]:
    """Put ``modules`` in eval mode for the ``with`` body; restore each one's previous mode on exit.

    ``None`` entries are skipped, so an optional module (a missing moving average) needs no ``if``.
    Every submodule gets its own flag back, so one that was already in eval mode inside a training
    parent stays so (``Module.train(flag)`` alone would flip it)."""
    was = [(sub, sub.training) for m in modules if m is not None for sub in m.modules()]
    for sub, _ in was:
        sub.training = False
    try:
        yield
    finally:
        for sub, flag in was:
            sub.training = flag
