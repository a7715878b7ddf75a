"""A trainer's whole state in one native safetensors file, and back.

The file holds G, D (and StyleGAN2's moving average), both optimisers' state, the fixed sample
noise, the trainer's own RNG state and the run's settings, step and loss history, so a resumed
run goes on bit-exactly and ``read_run_config`` can tell the CLI and the GUI how the run was set
up. *When* to save is the trainer's rule (``GANTrainer.run``); this module only writes and reads.
"""

from __future__ import annotations

import time
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

import torch
from safetensors import SafetensorError

from ganexplorer.core.formats.native import load_native_state, read_header, save_native
from ganexplorer.core.models.modes import evaluating
from ganexplorer.core.train.config import TrainConfig
from ganexplorer.core.train.events import StepEvent

if TYPE_CHECKING:
    from ganexplorer.core.train.gan_trainer import GANTrainer

HISTORY_KEPT = 2000   # loss-history rows stored in a checkpoint (the plots' memory of a resumed run)


def optimizer_tensors(prefix: str, opt: torch.optim.Optimizer) -> dict[str, torch.Tensor]:
    """The optimiser's per-parameter state as flat named tensors (``prefix.INDEX.NAME``)."""
    out = {}
    for i, st in opt.state_dict()["state"].items():
        for k, v in st.items():
            out[f"{prefix}.{i}.{k}"] = v if isinstance(v, torch.Tensor) else torch.tensor(v)
    return out


def load_optimizer(opt: torch.optim.Optimizer, tensors: dict[str, torch.Tensor], prefix: str) -> None:
    """Put the state written by :func:`optimizer_tensors` back (the hyper-parameters stay the optimiser's)."""
    state: dict[int, dict] = {}
    for k, v in tensors.items():
        if k.startswith(prefix + "."):
            i, name = k[len(prefix) + 1:].split(".", 1)
            state.setdefault(int(i), {})[name] = v
    sd = opt.state_dict()
    sd["state"] = state
    opt.load_state_dict(sd)


def write_checkpoint(trainer: GANTrainer, path: Path) -> None:
    """Write ``trainer``'s whole training state to ``path`` atomically (models saved in eval mode)."""
    extra = (optimizer_tensors("opt.G", trainer.opt_g) | optimizer_tensors("opt.D", trainer.opt_d)
             | trainer.extra_state())
    extra["train.fixed_z"] = trainer.fixed_z
    extra["train.rng"] = trainer.rng.state
    history = [[e.step, e.d_loss, e.g_loss, e.d_real, e.d_fake] for e in trainer.history[-HISTORY_KEPT:]]
    meta = {"training": {"config": asdict(trainer.config), "step": trainer.step, "epoch": trainer.epoch,
                         "dataset": trainer.dataset_name, "history": history,
                         "scalers": trainer.precision.scaler_states({"G": trainer.opt_g, "D": trainer.opt_d})}}
    with evaluating(trainer.G, trainer.D):
        save_native(path, trainer.family, trainer.G, trainer.D, G_ema=trainer.ema_module(), metadata=meta,
                    extra_tensors=extra)


def restore_checkpoint(trainer: GANTrainer, path: Path) -> None:
    """Load a file written by :func:`write_checkpoint` into ``trainer`` (same family, same shapes)."""
    if not path.exists():
        raise ValueError(f"nothing to resume: {path} does not exist")
    header, tensors = load_native_state(path)
    meta = (header.get("metadata") or {}).get("training") or {}
    saved_model = (meta.get("config") or {}).get("model")
    if header.get("family") != trainer.family or (saved_model and saved_model != trainer.config.model):
        raise ValueError(f"'{path}' holds a {saved_model or header.get('family')} model, not {trainer.config.model}")
    try:
        trainer.G.load_state_dict({k[2:]: v for k, v in tensors.items() if k.startswith("G.")})
        trainer.D.load_state_dict({k[2:]: v for k, v in tensors.items() if k.startswith("D.")})
        load_optimizer(trainer.opt_g, tensors, "opt.G")
        load_optimizer(trainer.opt_d, tensors, "opt.D")
    except (RuntimeError, KeyError, ValueError) as e:   # shapes of another layout (a file without its settings)
        first = (str(e).strip().splitlines() or [type(e).__name__])[0][:200]
        raise ValueError(f"'{path}' does not fit {trainer.config.model} ({first})") from None
    trainer.precision.load_scaler_states({"G": trainer.opt_g, "D": trainer.opt_d}, meta.get("scalers") or {})
    trainer.load_extra_state(tensors)
    if "train.fixed_z" in tensors:
        trainer.fixed_z = tensors["train.fixed_z"]
    if "train.rng" in tensors:   # older checkpoints have none: they go on with a fresh stream
        trainer.rng.load(tensors["train.rng"])
    trainer.step = int(meta.get("step", 0))
    trainer.history = [StepEvent(s, 0, d, g, r, f, 0.0) for s, d, g, r, f in meta.get("history", [])]


def read_run_config(path: str | Path) -> tuple[TrainConfig, int]:
    """The training settings and step stored in a checkpoint written by ``save_checkpoint`` (for resuming)."""
    try:
        header = read_header(Path(path))
    except (OSError, ValueError, SafetensorError):   # missing, or not a safetensors file at all
        header = None
    if header is None:
        raise ValueError(f"'{path}' is not a ganexplorer checkpoint")
    meta = (header.get("metadata") or {}).get("training")
    if not meta or "config" not in meta:
        raise ValueError(f"'{path}' is not a training checkpoint of ganexplorer (no training settings inside)")
    known = {k: v for k, v in meta["config"].items() if k in TrainConfig.__dataclass_fields__}
    known.pop("device", None)   # where it trained is the machine's business: a GPU run resumes on a laptop
    return TrainConfig(**known), int(meta.get("step", 0))


def new_run_dir(root: str | Path, model: str, now: float | None = None) -> Path:
    """A fresh folder ``root/MODEL-YYYYmmdd-HHMMSS`` (``-2``, ``-3``... if taken), created, so no run
    overwrites another."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    base = Path(root).expanduser() / f"{model}-{stamp}"
    path, n = base, 1
    while True:
        try:
            path.mkdir(parents=True)
            return path
        except FileExistsError:
            n += 1
            path = base.with_name(f"{base.name}-{n}")
