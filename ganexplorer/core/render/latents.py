"""Latent codes: seeds to z (as NVIDIA's generate.py does), seed lists, interpolation."""

from __future__ import annotations

import numpy as np
import torch

from ganexplorer.core.messages import message


def seed_to_z(seed: int, z_dim: int) -> torch.Tensor:
    """z [1, z_dim] float32 from ``np.random.RandomState(seed).randn(1, z_dim)``, like generate.py."""
    if not 0 <= seed < 2 ** 32:
        raise ValueError(message("render.seed", most=2 ** 32 - 1, value=seed))
    return torch.from_numpy(np.random.RandomState(seed).randn(1, z_dim)).to(torch.float32)


def parse_int_list(text: str) -> list[int]:
    """'0-3,7' -> [0, 1, 2, 3, 7] (the range syntax of NVIDIA's scripts)."""
    out: list[int] = []
    for part in str(text).split(","):
        part = part.strip()
        if not part:
            continue
        m = part.split("-")
        try:
            if len(m) == 2 and m[0] and m[1]:
                a, b = int(m[0]), int(m[1])
                if b < a:
                    raise ValueError
                out.extend(range(a, b + 1))
            else:
                out.append(int(part))
        except ValueError:
            raise ValueError(message("render.numbers_bad", text=text)) from None
    if not out:
        raise ValueError(message("render.numbers_empty"))
    return out


def slerp(a: torch.Tensor, b: torch.Tensor, t: float) -> torch.Tensor:
    """Spherical interpolation along the great circle (for Gaussian z), linear if a and b are parallel."""
    an, bn = a / a.norm(dim=-1, keepdim=True), b / b.norm(dim=-1, keepdim=True)
    omega = torch.acos((an * bn).sum(-1, keepdim=True).clamp(-1, 1))
    so = torch.sin(omega)
    if float(so.abs().min()) < 1e-6:
        return torch.lerp(a, b, t)
    return (torch.sin((1 - t) * omega) / so) * a + (torch.sin(t * omega) / so) * b


def walk_positions(n_keys: int, frames: int) -> list[tuple[int, int, float]]:
    """(from key, to key, t) for ``frames`` evenly spaced frames of a loop through ``n_keys`` keyframes."""
    out = []
    for f in range(frames):
        pos = f * n_keys / frames
        i = int(pos) % n_keys
        out.append((i, (i + 1) % n_keys, pos - int(pos)))
    return out
