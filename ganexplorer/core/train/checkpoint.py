"""A trainer's whole state in one native safetensors file, and back.

The file holds G, D (and StyleGAN2's moving average) and what the trainer's ``state_dict()`` gives
(``trainer_state.py``: both optimisers' state, the fixed sample noise, the trainer's own RNG state and
the run's settings, step and loss history), so a resumed run goes on bit-exactly and
``read_run_config`` can tell the CLI and the GUI how the run was set up. *When* to save is the
trainer's rule (``GANTrainer.run``); this module only writes and reads, and knows no trainer.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError
from torch import nn

from ganexplorer.core.formats.native import load_native_state, read_header, save_native
from ganexplorer.core.io import WriteError
from ganexplorer.core.messages import message
from ganexplorer.core.models.modes import evaluating
from ganexplorer.core.train.config import TrainConfig

def write_checkpoint(path: Path, family: str, G: nn.Module, D: nn.Module, G_ema: nn.Module | None,
                     tensors: dict[str, torch.Tensor], meta: dict[str, Any]) -> None:
    """Write a trainer's ``state_dict()`` and its networks to ``path`` atomically (models saved in eval
    mode); a full disk is one sentence (:class:`WriteError`) and the last good file stays."""
    with evaluating(G, D):
        try:
            save_native(path, family, G, D, G_ema=G_ema, metadata={"training": meta}, extra_tensors=tensors)
        except (OSError, SafetensorError) as e:   # the temp file is gone, the last good file stays
            raise WriteError(path, e, message("io.kept_checkpoint") if path.exists() else "") from None


def read_checkpoint(path: Path, family: str, model: str) -> dict[str, Any]:
    """The ``{'tensors', 'meta'}`` a trainer's ``load_state_dict`` takes, from a file of the same model."""
    if not path.exists():
        raise ValueError(message("train.resume_missing", path=path))
    header, tensors = load_native_state(path)
    meta = (header.get("metadata") or {}).get("training") or {}
    saved_model = (meta.get("config") or {}).get("model")
    if header.get("family") != family or (saved_model and saved_model != model):
        raise ValueError(message("train.other_model", path=path, found=saved_model or header.get("family"), wanted=model))
    return {"tensors": tensors, "meta": meta}


def fit_error(path: Path, model: str, e: Exception) -> ValueError:
    """The sentence for a file whose shapes are another layout's (a file without its settings)."""
    first = (str(e).strip().splitlines() or [type(e).__name__])[0][:200]
    return ValueError(message("train.misfit", path=path, model=model, detail=first))


def read_run_config(path: str | Path) -> tuple[TrainConfig, int]:
    """The training settings and step stored in a checkpoint written by ``save_checkpoint`` (for resuming)."""
    try:
        header = read_header(Path(path))
    except (OSError, ValueError, SafetensorError):   # missing, or not a safetensors file at all
        header = None
    if header is None:
        raise ValueError(message("train.not_ckpt", path=path))
    meta = (header.get("metadata") or {}).get("training")
    if not meta or "config" not in meta:
        raise ValueError(message("train.not_training_ckpt", path=path))
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
