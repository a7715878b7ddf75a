"""A generator's plain int hyper-parameters (z_dim, img_resolution ...), read where it is known only as an nn.Module.

Every generator family sets them as plain attributes; read through ``nn.Module`` they type as
``Tensor | Module`` (its ``__getattr__``), so this one place says what they are."""

from __future__ import annotations

from torch import nn


def int_fact(module: nn.Module, name: str) -> int:
    """``int(module.<name>)``."""
    return int(getattr(module, name))
