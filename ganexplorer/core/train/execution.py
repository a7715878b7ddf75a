"""How a trainer computes: on its device, in its precision, and with the other processes of its group.

``GANTrainer`` mixes this in; everything here is the same whether one process trains on the CPU or
eight train on eight GPUs, except for what the ``world`` (``distributed.py``) and ``device``
(``placement.py``) attributes say. A subclass provides ``modules()`` (the networks by checkpoint
prefix), ``_generate`` (G's training forward pass) and ``condition`` (labels as G takes them).

Random numbers are never drawn on the device: latents, labels, noise inputs, augmentation and
path-length directions come from the CPU stream of the trainer (``rng.py``) and are copied over, so a
run draws the same numbers on any device and the saved RNG state is all a resume needs. A resumed
CUDA run is still not bit-exact: GPU kernels round differently from the CPU's, and some (cuDNN's
convolution backward, atomics) differ from run to run unless made deterministic
(``torch.use_deterministic_algorithms``).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Callable

import torch
from torch import nn

from ganexplorer.core.train.distributed import World, any_rank, sync_buffers, wrap
from ganexplorer.core.train.placement import to_device
from ganexplorer.core.train.precision import Forward, Precision


class TrainerExecution:
    """Device placement, the training forward modules (DDP-wrapped in a group) and group-wide decisions."""

    # Set by the trainer's constructor (``GANTrainer.__init__``).
    device: torch.device
    G: nn.Module
    D: nn.Module
    precision: Precision
    world: World
    G_train: nn.Module   # the Forward wrappers, or DDP around them in a group
    D_train: nn.Module
    # Provided by the trainer class (its signature differs between families).
    _generate: Callable[..., Any]

    if TYPE_CHECKING:   # provided by the trainer class; declared here for type checkers only
        def modules(self) -> dict[str, nn.Module]: ...

        def condition(self, labels: torch.Tensor | None) -> torch.Tensor | None: ...

    def _place(self) -> None:
        """Move the networks to the training device, and build the fused GPU ops for it (once, up front)."""
        for module in self.modules().values():
            module.to(self.device)
        if self.device.type == "cuda":
            from ganexplorer.core.ops import fused

            fused.prepare(self.device)

    def _prepare_training_forward(self) -> None:
        """The modules training calls: under the run's precision, and under DDP when it trains the network.

        ``G_fwd``/``D_fwd`` are for passes whose gradients train nothing of theirs (the D step's fakes, D in
        the G step); ``G_train``/``D_train`` for passes that train G/D: wrapped in DDP in a torchrun group,
        so their gradients are averaged across processes. One process: the same modules, no wrapper.
        """
        self.G_fwd = Forward(self.G, self.precision, self._generate)
        self.D_fwd = Forward(self.D, self.precision)
        self.G_train, self.D_train = self.G_fwd, self.D_fwd
        if self.world.distributed:
            self.G_train, self.D_train = wrap(self.G_fwd, self.device), wrap(self.D_fwd, self.device)

    def _all_finite(self, *tensors: torch.Tensor) -> bool:
        """Whether every value is finite, decided by all processes together (they skip an update together)."""
        ok = all(bool(torch.isfinite(t).all()) for t in tensors)
        return not any_rank(not ok, self.world, self.device)

    def _on_device(self, z: torch.Tensor, labels: torch.Tensor | None) -> tuple[torch.Tensor, torch.Tensor | None]:
        """Fixed sample noise and labels (kept on the CPU, as saved) as G takes them, on the device."""
        return to_device(z, self.device), self.condition(to_device(labels, self.device) if labels is not None
                                                         else None)

    @property
    def g_params(self) -> list[torch.Tensor]:
        return list(self.G.parameters())

    def _time_is_up(self, deadline: float | None) -> bool:
        """Past the ``minutes`` limit (on any process: the group stops at the same step)."""
        if deadline is None:
            return False
        return any_rank(time.monotonic() >= deadline, self.world, self.device)

    def _end_together(self) -> None:
        """In a torchrun group: every process takes rank 0's buffers, so all end with the same networks."""
        if self.world.distributed:
            sync_buffers(self.modules().values(), self.world)

