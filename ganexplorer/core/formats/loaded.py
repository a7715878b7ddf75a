"""A generator read from a file, with what the UI and CLI say about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import torch
from torch import nn

from ganexplorer.core.formats.errors import CheckpointError
from ganexplorer.core.text import printable
from ganexplorer.core.messages import message
from ganexplorer.core.models.facts import int_fact

if TYPE_CHECKING:
    from ganexplorer.core.models.stylegan2 import Generator


def count_parameters(module: nn.Module | None, trainable_only: bool = False) -> int:
    if module is None:
        return 0
    return sum(p.numel() for p in module.parameters() if p.requires_grad or not trainable_only)


@dataclass
class LoadedModel:
    """``G`` is in eval mode, float32, on the CPU; ``D`` is there when the file has one."""

    G: nn.Module
    family: str                       # 'stylegan2', 'dcgan', 'dcgan32', 'mlp'
    format: str                       # 'nvidia-pickle', 'rosinality', 'dcgan-state-dict', 'native'
    path: Path | None = None
    network: str = "G"               # which network inside the file is shown
    D: nn.Module | None = None
    notes: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def z_dim(self) -> int:
        return int_fact(self.G, "z_dim")

    @property
    def c_dim(self) -> int:
        return int_fact(self.G, "c_dim")

    @property
    def resolution(self) -> int:
        return int_fact(self.G, "img_resolution")

    @property
    def channels(self) -> int:
        return int_fact(self.G, "img_channels")

    @property
    def is_style_based(self) -> bool:
        return hasattr(self.G, "mapping") and hasattr(self.G, "synthesis")

    @property
    def w_dim(self) -> int:
        return int_fact(self.G, "w_dim") if self.is_style_based else self.z_dim

    @property
    def num_ws(self) -> int:
        return int_fact(self.G, "num_ws") if self.is_style_based else 1

    @property
    def style(self) -> Generator:
        """G as the StyleGAN2 generator it is when ``is_style_based`` (NVIDIA and rosinality files both build one)."""
        return cast("Generator", self.G)

    @property
    def device(self) -> torch.device:
        return next(self.G.parameters()).device

    def to(self, device: torch.device | str) -> "LoadedModel":
        """Move G (and D) to ``device`` in place; returns self."""
        self.G.to(device)
        if self.D is not None:
            self.D.to(device)
        return self

    def describe(self) -> dict[str, Any]:
        """Plain facts for ``ganexplorer info`` and the app's info strip.

        Text that came from the file or its name is made printable (one line, no escapes); a
        Qt label must still show it as plain text (a name may look like HTML)."""
        return {
            "file": printable(self.path) if self.path else None,
            "format": self.format,
            "network": self.network,
            "family": self.family,
            "resolution": self.resolution,
            "channels": self.channels,
            "z_dim": self.z_dim,
            "w_dim": self.w_dim,
            "num_ws": self.num_ws,
            "labels": self.c_dim,
            "G_parameters": count_parameters(self.G),
            "D_parameters": count_parameters(self.D) if self.D is not None else None,
            "notes": [printable(n, limit=300) for n in self.notes],
            # NVIDIA pickles: which repository's code wrote the file, and the defaults of its classes
            # filled in for settings the file omits (see formats/nvidia.py).
            "layout": self._nvidia_fact("layout"),
            "defaults": self._nvidia_fact("defaults"),
        }

    def _nvidia_fact(self, key: str) -> str | None:
        value = self.metadata.get(key) if self.format == "nvidia-pickle" else None
        return printable(value, limit=300) if isinstance(value, str) else None


def load_weights(path: Path | None, module: nn.Module, state: dict[str, torch.Tensor], what: str) -> None:
    """Copy ``state`` into ``module`` exactly (every name, every shape) or raise CheckpointError."""
    own = module.state_dict()
    missing = [k for k in own if k not in state]
    unexpected = [k for k in state if k not in own]
    wrong = [k for k in own if k in state and tuple(state[k].shape) != tuple(own[k].shape)]
    if missing or unexpected or wrong:
        parts = []
        if missing:
            parts.append(f"missing {', '.join(missing[:3])}" + (" ..." if len(missing) > 3 else ""))
        if unexpected:
            parts.append(f"unexpected {', '.join(unexpected[:3])}" + (" ..." if len(unexpected) > 3 else ""))
        if wrong:
            k = wrong[0]
            parts.append(f"{k} has shape {list(state[k].shape)}, expected {list(own[k].shape)}")
        raise CheckpointError(path, message("ckpt.tensors_misfit", what=what, detail="; ".join(parts)))
    try:  # assign: the file's tensors (already copied into memory we own) become the weights, no second copy
        with torch.no_grad():
            module.load_state_dict({k: v.detach().to(own[k].dtype).contiguous() for k, v in state.items()},
                                   strict=True, assign=True)
    except RuntimeError as e:  # torch's text is "Error(s) in loading state_dict for X:" + the reason below it
        lines = [ln.strip() for ln in str(e).splitlines() if ln.strip()]
        reason = next((ln for ln in lines[1:]), lines[0] if lines else type(e).__name__)
        raise CheckpointError(path, message("ckpt.tensors_unloadable", what=what, detail=reason[:200])) from None
    # Built on the meta device (bounds.build_bounded): a tensor the state dict does not hold has no values.
    empty = [n for n, t in [*module.named_parameters(), *module.named_buffers()] if t.is_meta]
    if empty:
        raise CheckpointError(path, message("ckpt.tensors_misfit", what=what, detail=f"missing {', '.join(empty[:3])}"))
