"""How many torch threads a small model's work should use: one rule for training and projection.

torch starts one intra-op thread per core. A small model's ops are too short to split: the threads mostly
wait for one another, and on a shared CPU (a classroom laptop, the window's own render thread) a step waits
for the slowest of them (measured: the Quick demo trained 2x slower, a digits projection step took 217 ms
on two threads against 10.5 ms on one, on a loaded 2-core machine; ``benchmarks/bench_threads.py``,
``benchmarks/bench_project.py``). Big models have ops long enough to split, so they keep more threads.
The count is never raised above torch's own (which follows ``OMP_NUM_THREADS``), and it is the calling
thread's setting: other threads keep theirs.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import torch

ONE_THREAD_BELOW = 1_500_000   # parameters: below this, one thread is fastest
TWO_THREADS_BELOW = 10_000_000  # below this, two (ops of a mid-size model split in two, not in sixteen)


def threads_for(parameters: int, available: int | None = None) -> int:
    """Intra-op threads for a model of ``parameters``; ``available``: torch's count (default: now)."""
    available = available if available is not None else torch.get_num_threads()
    want = 1 if parameters < ONE_THREAD_BELOW else 2 if parameters < TWO_THREADS_BELOW else available
    return max(1, min(want, available))


@contextmanager
def using_threads(count: int) -> Iterator[int]:
    """``count`` torch threads on this thread inside the block; the caller's count afterwards."""
    before = torch.get_num_threads()
    if count != before:
        torch.set_num_threads(count)
    try:
        yield count
    finally:
        if torch.get_num_threads() != before:
            torch.set_num_threads(before)
