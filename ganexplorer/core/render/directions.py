"""Principal directions of w (GANSpace, Härkönen et al. 2020), and the spread of w along any direction.

Map a few thousand random z through the mapping network and take the principal
components of the resulting w; moving w along a component by a multiple of its standard
deviation gives interpretable edits (pose, colour, ...), especially when applied only to
a range of layers. The same mapped samples give every direction's sigma (its slider unit),
whichever way the direction was found (PCA, SeFa, labels).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import torch

from ganexplorer.core.device import module_device, to_host
from ganexplorer.core.formats.loaded import LoadedModel

SIGMA_SAMPLES = 10_000   # mapped z behind each direction's sigma (the directions-file convention)


@dataclass(frozen=True)
class Directions:
    vectors: tuple[tuple[float, ...], ...]   # unit vectors, most variance first
    sigmas: tuple[float, ...]                # standard deviation of w along each


def mapped_ws(model: LoadedModel, n_samples: int, seed: int = 0, batch: int = 500,
              progress: Callable[[float], bool | None] | None = None) -> torch.Tensor:
    """w [n, w_dim] (float32, host) of ``n`` random z (z itself for non-style models); random labels when conditional.

    ``progress(fraction)`` may return False to cancel (InterruptedError)."""
    rng = np.random.RandomState(seed)
    device = module_device(model.G)   # z and labels are drawn on the host (reproducible) and sent there
    chunks = []
    with torch.inference_mode():
        for start in range(0, n_samples, batch):
            n = min(batch, n_samples - start)
            z = torch.from_numpy(rng.randn(n, model.z_dim)).float()
            if model.is_style_based:
                c = None
                if model.c_dim:
                    c = torch.nn.functional.one_hot(torch.from_numpy(rng.randint(0, model.c_dim, n)), model.c_dim)
                    c = c.float().to(device)
                w = model.style.mapping(z.to(device), c)[:, 0]
            else:
                w = z
            chunks.append(to_host(w, torch.float32))
            if progress is not None and progress((start + n) / n_samples) is False:
                raise InterruptedError("cancelled")
    return torch.cat(chunks)


def principal_directions(model: LoadedModel, n_components: int = 8, n_samples: int = 3000, seed: int = 0,
                         batch: int = 500, progress: Callable[[float], bool | None] | None = None) -> Directions:
    """PCA of mapped w (z itself for non-style models). ``progress(fraction)`` may return False to cancel."""
    x = mapped_ws(model, n_samples, seed, batch, progress)
    x = x - x.mean(dim=0, keepdim=True)
    _, s, vh = torch.linalg.svd(x, full_matrices=False)
    k = min(n_components, vh.shape[0])
    sig = s[:k] / np.sqrt(max(1, x.shape[0] - 1))
    return Directions(tuple(tuple(v.tolist()) for v in vh[:k]), tuple(float(v) for v in sig))


def sigmas_along(ws: torch.Tensor | np.ndarray, vectors: np.ndarray) -> np.ndarray:
    """The standard deviation of the samples ``ws`` [n, w_dim] projected on each unit row of ``vectors`` [k, w_dim]."""
    x = np.asarray(ws, dtype=np.float64)
    proj = (x - x.mean(axis=0)) @ np.asarray(vectors, dtype=np.float64).T
    return proj.std(axis=0, ddof=1).astype(np.float32)
