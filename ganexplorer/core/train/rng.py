"""A trainer's own random numbers, so runs resume bit-exactly and never disturb one another.

Every number the trainer draws itself (latents, labels, style mixing, augmentation, StyleGAN2's noise
inputs, path-length directions) comes from an explicit ``torch.Generator``, :attr:`TrainerRNG.generator`:
no other thread can take from it. What torch's modules draw inside themselves (dropout, layer
constructors' initial weights) cannot be given a generator; for those the trainer keeps a second
stream and swaps it into torch's global CPU generator for the block that trains (``with trainer.rng:``),
then gives the caller's state back. A lock keeps two trainers on two threads from swapping at the same
time; nested blocks of the same trainer swap only once. Loading a checkpoint draws nothing
(``core/formats/bounds.py`` builds without drawing), so opening a model on another thread while a
run trains leaves its streams alone. Both states are small uint8 tensors, saved in the checkpoint.

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
        self.generator = torch.Generator().manual_seed(seed + 0x5EED)   # the trainer's own draws
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
            assert self._outer is not None   # set by the outermost __enter__
            torch.set_rng_state(self._outer)
            self._outer = None
        _LOCK.release()

    def load(self, state: torch.Tensor, draws: torch.Tensor | None = None) -> None:
        """Continue from saved states (:attr:`state`, and :attr:`generator`'s; without it, an older
        checkpoint or another rank's fresh stream, the generator starts from ``state`` too)."""
        self.state = state.to(torch.uint8).clone()
        self.generator.set_state((draws if draws is not None else state).to(torch.uint8).clone())
