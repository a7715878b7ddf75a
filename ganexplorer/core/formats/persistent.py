"""What a persistent-class instance of an NVIDIA pickle holds, as plain data: no code, no import.

Its own module, below both the unpickler (``safe_pickle``) and the rebuilder (``rebuild``) that make
these records, so that neither has to import the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import torch

MAX_WALK = 1_000_000   # objects one walk of a network's state may visit


@dataclass
class PersistentObject:
    """What a persistent-class instance in a pickle really holds, without its code."""

    class_name: str
    state: dict = field(default_factory=dict)
    module_name: str = ""

    @property
    def init_args(self) -> tuple:
        args = self.state.get("_init_args", ())
        return tuple(args) if isinstance(args, (list, tuple)) else ()

    @property
    def init_kwargs(self) -> dict:
        kwargs = self.state.get("_init_kwargs", {})
        return dict(kwargs) if isinstance(kwargs, dict) else {}

    @property
    def children(self) -> dict[str, Any]:
        modules = self.state.get("_modules", {})
        return dict(modules) if isinstance(modules, dict) else {}

    def tensors(self, prefix: str = "") -> dict[str, torch.Tensor]:
        """Every parameter and buffer below this object, with dotted names as in a state dict.

        Each object is visited once (a child shared by two parents is not walked twice) and the
        walk stops after :data:`MAX_WALK` objects, so no graph in a file makes it explode."""
        out: dict[str, torch.Tensor] = {}
        seen: set[int] = set()
        todo: list[tuple[str, PersistentObject]] = [(prefix, self)]
        while todo:
            pre, obj = todo.pop()
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            if len(seen) > MAX_WALK:
                raise ValueError("a network with more modules than any generator has")
            for key in ("_parameters", "_buffers"):
                group = obj.state.get(key) or {}
                if isinstance(group, dict):
                    for name, t in group.items():
                        if isinstance(t, torch.Tensor):
                            out[pre + str(name)] = t.detach()
            for name, child in reversed(list(obj.children.items())):
                if isinstance(child, PersistentObject):
                    todo.append((pre + str(name) + ".", child))
        return out
