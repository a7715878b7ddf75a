"""A trainer's own random numbers: explicit generators, never torch's global one.

Torch's global CPU generator belongs to the whole process: the Explore tab opening a model, a library,
a test, another trainer, any thread may draw from it at any moment. So the trainer never touches it
(before, it swapped its state into the global generator for every step, and a model built on another
thread meanwhile took numbers from the training stream: the bit-exact resume was silently lost). It
keeps two ``torch.Generator``\\ s instead, both saved in its checkpoints:

- :attr:`TrainerRNG.modules`, seeded as ``torch.manual_seed(seed)`` seeds the global one: the initial
  weights (the layers' constructors and ``dcgan_init`` draw from it inside :meth:`TrainerRNG.building`,
  a per-thread torch function mode: ``core/models/draws.py``)
  and then the dropout masks (``core/models/dropout.py``, whose layers are given this generator).
  Saved as ``train.rng``: older checkpoints stored the global stream there, which only dropout read
  during a step, and the masks are drawn bit for bit as torch's CPU dropout drew them, so an older
  checkpoint resumes as the older code would have gone on (on the CPU: on a GPU the older dropout drew
  from CUDA's global generator, which no checkpoint held).
- :attr:`TrainerRNG.draws`: everything the trainer draws itself (latents, labels, style mixing,
  augmentation, StyleGAN2's noise inputs, path-length directions). Saved as ``train.rng_draws``.
  The data order and the fixed sample noise come from generators of their own, seeded from the
  config (the same on resume without being saved).

Numbers are drawn on the CPU and copied to the device (``execution.py``), so a CUDA run draws the same
numbers; what is not bit-exact there is the GPU's arithmetic. In a torchrun group rank 0 keeps this
stream and the other ranks start their own (``distributed.rank_rng_state``).
"""

from __future__ import annotations

import hashlib

import torch

from ganexplorer.core.models.draws import DrawsFrom


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
        it, a checkpoint older than the explicit draws: a stream derived from ``state``, never ``state`` itself).
        The generators are set in place: the layers and noise inputs holding them keep drawing from them."""
        self.modules.set_state(state.to(torch.uint8).clone())
        if draws is None:   # a stream of its own, derived from ``state``: the same bits twice would tie dropout to the latents
            digest = hashlib.sha256(state.to(torch.uint8).numpy().tobytes()).digest()
            draws = torch.Generator().manual_seed(int.from_bytes(digest[:8], "little")).get_state()
        self.draws.set_state(draws.to(torch.uint8).clone())
