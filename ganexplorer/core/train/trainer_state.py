"""What a trainer is, as plain tensors and JSON: ``state_dict()`` / ``load_state_dict()``.

The trainer knows its own parts (networks, optimisers, the fixed noise, its RNG, step and loss
history); ``checkpoint.py`` only writes and reads files. Keeping the knowledge here, on the trainer,
is what lets ``checkpoint.py`` import nothing of the trainer (no import circle).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import torch

from ganexplorer.core.train.events import StepEvent

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


class TrainerState:
    """Mixed into ``GANTrainer``: its training state out and back in (same family, same shapes)."""

    def state_dict(self: Any) -> dict[str, Any]:
        """``tensors``: optimisers, fixed noise, RNG and the family's extras (not the networks, which a
        checkpoint stores under their own prefixes); ``meta``: settings, step, epoch, history, loss scales."""
        tensors = (optimizer_tensors("opt.G", self.opt_g) | optimizer_tensors("opt.D", self.opt_d)
                   | self.extra_state())
        tensors["train.fixed_z"] = self.fixed_z
        tensors |= self.rng.state_tensors()
        history = [[e.step, e.d_loss, e.g_loss, e.d_real, e.d_fake] for e in self.history[-HISTORY_KEPT:]]
        meta = {"config": asdict(self.config), "step": self.step, "epoch": self.epoch,
                "dataset": self.dataset_name, "history": history,
                "scalers": self.precision.scaler_states({"G": self.opt_g, "D": self.opt_d})}
        return {"tensors": tensors, "meta": meta}

    def load_state_dict(self: Any, state: dict[str, Any]) -> None:
        """Take back what :meth:`state_dict` gave, plus the networks' ``G.``/``D.`` tensors of a checkpoint.
        Raises ``RuntimeError``/``KeyError``/``ValueError`` when the shapes are another layout's."""
        tensors, meta = state["tensors"], state.get("meta") or {}
        self.G.load_state_dict({k[2:]: v for k, v in tensors.items() if k.startswith("G.")})
        self.D.load_state_dict({k[2:]: v for k, v in tensors.items() if k.startswith("D.")})
        load_optimizer(self.opt_g, tensors, "opt.G")
        load_optimizer(self.opt_d, tensors, "opt.D")
        self.precision.load_scaler_states({"G": self.opt_g, "D": self.opt_d}, meta.get("scalers") or {})
        self.load_extra_state(tensors)
        if "train.fixed_z" in tensors:
            self.fixed_z = tensors["train.fixed_z"]
        if "train.rng" in tensors:   # older checkpoints have none: they go on with a fresh stream
            self.rng.load(tensors["train.rng"], tensors.get("train.rng_draws"))
        self.step = int(meta.get("step", 0))
        self.history = [StepEvent(s, 0, d, g, r, f, 0.0) for s, d, g, r, f in meta.get("history", [])]
