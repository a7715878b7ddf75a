"""Training on several processes with PyTorch's own engine: ``torchrun`` + ``DistributedDataParallel``.

``torchrun --nproc_per_node=N -m ganexplorer train ...`` starts N copies of the command with ``RANK``,
``WORLD_SIZE`` and ``LOCAL_RANK`` in their environment; :func:`world_from_env` reads them and
:func:`process_group` joins the group (NCCL between GPUs, gloo between CPU processes).

What each process does, and why:

* **One model, N data shards.** ``--batch`` is the batch of the whole group, as on one process: each
  rank takes its ``1/N`` slice of every batch of the shared, seed-and-epoch shuffled order
  (:func:`batch_slice`), so the ranks read disjoint images, an epoch means the same thing for any N,
  and the learning rate, R1 and EMA settings keep their meaning. DDP averages the gradients.
* **Same collectives in the same order on every rank**, or the group hangs. Every pass whose
  gradients train a network goes through that network's DDP ``forward`` (StyleGAN2's mapping, style
  mixing and synthesis are wrapped in one module for that); passes without a gradient (the D step's
  fakes, samples, the EMA) use the bare module and no collective. Lazy R1 and path-length steps
  follow step counters that all ranks share, so all ranks take them together. Whether a step was
  finite, and whether the time limit has passed, is decided by all ranks together (:func:`any_rank`).
* **Rank 0 alone** logs, draws sample grids and writes checkpoints; a checkpoint holds the bare
  modules' states (never DDP's ``module.`` names), so any N — or a single process — resumes from it.
* Each rank draws its own latents and noise: rank 0 keeps the trainer's stream (the one saved in the
  checkpoint), rank r > 0 starts a stream derived from the seed, the step and r (:func:`rank_rng_state`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import warnings
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping

import torch
import torch.distributed as dist
from torch import nn

from ganexplorer.core.messages import message
from ganexplorer.core.train.placement import parse_train_device


@dataclass(frozen=True)
class World:
    """This process's place in the group (a single process is rank 0 of 1)."""

    rank: int = 0
    size: int = 1
    local_rank: int = 0

    @property
    def distributed(self) -> bool:
        return self.size > 1

    @property
    def is_main(self) -> bool:
        return self.rank == 0


SINGLE = World()


def world_from_env(environ: Mapping[str, str] | None = None) -> World:
    """The group torchrun described in the environment, or :data:`SINGLE` if not launched by it."""
    env = os.environ if environ is None else environ
    if "RANK" not in env or "WORLD_SIZE" not in env:
        return SINGLE
    try:
        world = World(int(env["RANK"]), int(env["WORLD_SIZE"]), int(env.get("LOCAL_RANK", env["RANK"])))
    except ValueError:
        raise ValueError(message("train.world_numbers")) from None
    if not 0 <= world.rank < world.size:
        raise ValueError(message("train.world_rank", rank=world.rank, size=world.size))
    return world


def train_device(preference: str | None, world: World) -> torch.device:
    """The device of this rank: one GPU per process (``cuda:LOCAL_RANK``) under torchrun, else as asked."""
    if not world.distributed:
        return parse_train_device(preference)
    pref = (preference or "auto").strip().lower()
    if pref.startswith("cuda:"):
        raise ValueError(message("train.world_cuda_n"))
    device = parse_train_device(pref)
    if device.type == "mps":
        raise ValueError(message("train.world_mps"))
    if device.type == "cuda":
        if world.local_rank >= torch.cuda.device_count():
            raise ValueError(message("train.world_no_gpu", rank=world.local_rank, count=torch.cuda.device_count()))
        device = torch.device("cuda", world.local_rank)
    return device


@contextlib.contextmanager
def process_group(world: World, device: torch.device) -> Iterator[None]:
    """Join torchrun's group for the block (nothing for a single process); leave it after a barrier."""
    if not world.distributed:
        yield
        return
    if device.type == "cuda":
        torch.cuda.set_device(device)
        dist.init_process_group("nccl", device_id=device)   # bound to this GPU: no guessing in barrier()
    else:
        dist.init_process_group("gloo")
    ok = False
    try:
        yield
        ok = True
    finally:
        if ok:
            dist.barrier()   # rank 0 may still be writing the last checkpoint
        dist.destroy_process_group()


def wrap(module: nn.Module, device: torch.device) -> nn.Module:
    """``module`` under DistributedDataParallel (its parameters broadcast from rank 0 now)."""
    from torch.nn.parallel import DistributedDataParallel

    # A [1, C] parameter's gradient may come back with other (equally valid) strides: harmless.
    warnings.filterwarnings("ignore", message="Grad strides do not match bucket view strides")
    ids = [device.index] if device.type == "cuda" else None
    return DistributedDataParallel(module, device_ids=ids, output_device=device.index if ids else None)


def batch_slice(batch: int, batch_size: int, world: World) -> slice:
    """This rank's positions in the shuffled order for global batch number ``batch`` (within its epoch).

    One process: the whole batch, as ever. N processes: consecutive, disjoint ``batch_size / N`` slices.
    """
    local = batch_size // world.size
    start = batch * batch_size + world.rank * local
    return slice(start, start + local)


def check_world(world: World, batch_size: int, family: str, n_images: int | None = None) -> None:
    """Raise ``ValueError`` (one sentence) when ``batch_size`` cannot be shared by the group (or, given
    ``n_images``, is more than the dataset holds)."""
    if not world.distributed:
        return
    if batch_size % world.size:
        raise ValueError(message("train.world_batch", batch=batch_size, count=world.size))
    local = batch_size // world.size
    if local < 2:
        raise ValueError(message("train.world_batch_small", batch=batch_size, least=2 * world.size))
    if family == "stylegan2" and local > 4 and local % 4:
        raise ValueError(message("train.world_sg2", batch=batch_size, count=world.size, local=local))
    if n_images is not None and n_images < batch_size:
        raise ValueError(message("train.few_images", count=n_images, batch=batch_size))


def any_rank(flag: bool, world: World, device: torch.device) -> bool:
    """True on every rank if ``flag`` is true on any (a collective: every rank must call it)."""
    if not world.distributed:
        return flag
    t = torch.tensor([1.0 if flag else 0.0], device=device)
    dist.all_reduce(t, op=dist.ReduceOp.MAX)
    return bool(t.item())


def rank_rng_state(seed: int, step: int, rank: int) -> torch.Tensor:
    """A CPU generator state for rank ``rank`` > 0, fixed by the run's seed and the step it starts at."""
    digest = hashlib.sha256(f"ganexplorer:{seed}:{step}:{rank}".encode()).digest()
    return torch.Generator().manual_seed(int.from_bytes(digest[:8], "little") & (2 ** 63 - 1)).get_state()


def sync_buffers(modules: Iterable[nn.Module], world: World) -> None:
    """Give every rank rank 0's buffers (batch-norm statistics, ``w_avg``): each rank updates its own
    copy in passes DDP does not see, and the ranks should end holding the same model."""
    if not world.distributed:
        return
    for module in modules:
        for buf in module.buffers():
            dist.broadcast(buf, src=0)
