"""A trainer's own random numbers, so runs resume bit-exactly and never disturb one another.

Training draws from torch's global CPU generator in many places it does not control (dropout
layers, layer constructors, ``randn_like``), so threading a ``torch.Generator`` through every call
cannot cover them all. Instead each trainer keeps the state of a generator of its own and swaps it
in for the block that trains (``with trainer.rng:``), then gives the caller's state back. The state
is a small uint8 tensor, saved in the checkpoint. A lock keeps two trainers on two threads from
swapping at the same time; nested blocks of the same trainer swap only once.

Only the CPU generator is swapped, and that is enough on a GPU too: training draws every random
number on the CPU and copies it to the device (``execution.py``), so a CUDA run uses the same stream
and its checkpoint resumes it; what is not bit-exact there is the GPU's arithmetic, not the numbers.
In a torchrun group rank 0 keeps this stream and the other ranks start their own
(``distributed.rank_rng_state``).
"""

from __future__ import annotations

import threading

import torch

_LOCK = threading.RLock()


class TrainerRNG:
    """Seeded like ``torch.manual_seed(seed)``, but only inside ``with`` blocks."""

    def __init__(self, seed: int) -> None:
        self.state = torch.Generator().manual_seed(seed).get_state()   # = the global one after manual_seed
        self._depth = 0
        self._outer: torch.Tensor | None = None

    def __enter__(self) -> "TrainerRNG":
        _LOCK.acquire()
        if self._depth == 0:
            self._outer = torch.get_rng_state()
            torch.set_rng_state(self.state)
        self._depth += 1
        return self

    def __exit__(self, *exc: object) -> None:
        self._depth -= 1
        if self._depth == 0:
            self.state = torch.get_rng_state()
            torch.set_rng_state(self._outer)
            self._outer = None
        _LOCK.release()

    def load(self, state: torch.Tensor) -> None:
        """Continue from a saved state (from :attr:`state` of an earlier run)."""
        self.state = state.to(torch.uint8).clone()
