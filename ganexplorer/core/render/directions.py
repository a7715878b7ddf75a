"""Principal directions of w (GANSpace, Härkönen et al. 2020), and the spread of w along any direction.

Map a few thousand random z through the mapping network and take the principal
components of the resulting w; moving w along a component by a multiple of its standard
deviation gives interpretable edits (pose, colour, ...), especially when applied only to
a range of layers. The same mapped samples give every direction's sigma (its slider unit),
whichever way the direction was found (PCA, SeFa, labels): 10,000 mapped z of seed 0.

The components come from the first 3,000 of those samples, as they always have: the Explore tab's
saved states name them by index and sign, and version-1 files match them to 1e-4 by angle; over all
10,000 they turn by up to 50° where two variances are close (the bundled shapes model's PC4/PC5), which
would move saved pictures. Their sigmas are measured over all 10,000, like every other direction's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

import numpy as np
import torch

from ganexplorer.core.device import module_device, to_host
from ganexplorer.core.formats.loaded import LoadedModel

SIGMA_SAMPLES = 10_000   # mapped z behind each direction's sigma (the directions-file convention)
PCA_SAMPLES = 3_000      # the first this many of them give the principal components (see the module docstring)

Fraction = Callable[[float], "bool | None"]      # the older progress form: a fraction; False cancels
Counts = Callable[[int, int], None]              # progress(done, total), in mapped samples
Stop = Callable[[], bool]                        # true: end early (InterruptedError)


@dataclass(frozen=True)
class Directions:
    vectors: tuple[tuple[float, ...], ...]   # unit vectors, most variance first
    sigmas: tuple[float, ...]                # standard deviation of w along each
    samples: int = 0                         # mapped z the sigmas were measured over (0: not said)
    pca_samples: int = 0                     # the first this many of them gave the vectors


def _mapped_chunks(model: LoadedModel, n_samples: int, seed: int, batch: int) -> Iterator[torch.Tensor]:
    """w [<=batch, w_dim] (float32, host) chunk by chunk; the draws do not depend on where a caller stops."""
    rng = np.random.RandomState(seed)
    device = module_device(model.G)   # z and labels are drawn on the host (reproducible) and sent there
    for start in range(0, n_samples, batch):
        n = min(batch, n_samples - start)
        z = torch.from_numpy(rng.randn(n, model.z_dim)).float()
        with torch.inference_mode():
            if model.is_style_based:
                c = None
                if model.c_dim:
                    c = torch.nn.functional.one_hot(torch.from_numpy(rng.randint(0, model.c_dim, n)), model.c_dim)
                    c = c.float().to(device)
                w = model.style.mapping(z.to(device), c)[:, 0]
            else:
                w = z
            yield to_host(w, torch.float32)


def _tick(done: int, total: int, progress: Fraction | None, on_progress: Counts | None, stop: Stop | None) -> None:
    """Tell the caller how far the sampling is; raise InterruptedError when it asks to stop."""
    if on_progress is not None:
        on_progress(done, total)
    if progress is not None and progress(done / total) is False:
        raise InterruptedError("cancelled")
    if stop is not None and stop():
        raise InterruptedError("cancelled")


def mapped_ws(model: LoadedModel, n_samples: int, seed: int = 0, batch: int = 500, progress: Fraction | None = None,
              on_progress: Counts | None = None, stop: Stop | None = None) -> torch.Tensor:
    """w [n, w_dim] (float32, host) of ``n`` random z (z itself for non-style models); random labels when conditional.

    After each chunk: ``on_progress(done, total)``; ``stop()`` true, or ``progress(fraction)`` False, cancels
    (InterruptedError)."""
    chunks = []
    if stop is not None and stop():
        raise InterruptedError("cancelled")
    for w in _mapped_chunks(model, n_samples, seed, batch):
        chunks.append(w)
        _tick(sum(len(c) for c in chunks), n_samples, progress, on_progress, stop)
    return torch.cat(chunks)


def principal_directions(model: LoadedModel, n_components: int = 8, n_samples: int = SIGMA_SAMPLES, seed: int = 0,
                         batch: int = 500, progress: Fraction | None = None, pca_samples: int = PCA_SAMPLES,
                         on_progress: Counts | None = None, stop: Stop | None = None) -> Directions:
    """PCA of the first ``pca_samples`` mapped w (z itself for non-style models), sigmas over all ``n_samples``.

    Memory stays bounded: only the PCA's samples are kept; the others are projected on the components chunk by
    chunk. After each chunk: ``on_progress(done, n_samples)``; ``stop()`` true, or ``progress(fraction)``
    False (the older form), cancels (InterruptedError). The result says how many samples it used."""
    if stop is not None and stop():
        raise InterruptedError("cancelled")
    n_pca = max(2, min(pca_samples, n_samples))
    n_all = max(n_samples, n_pca)
    kept: list[torch.Tensor] = []       # the PCA's samples, until there are enough
    done = 0
    spread: _Spread | None = None
    for w in _mapped_chunks(model, n_all, seed, batch):
        done += len(w)
        if spread is None:
            kept.append(w)
            if done >= n_pca:
                x = torch.cat(kept)
                centre = x[:n_pca].mean(dim=0, keepdim=True)
                _, _, vh = torch.linalg.svd(x[:n_pca] - centre, full_matrices=False)
                spread = _Spread(vh[:min(n_components, vh.shape[0])], centre)
                spread.add(x)
                kept = []
        else:
            spread.add(w)
        _tick(done, n_all, progress, on_progress, stop)
    assert spread is not None
    return Directions(tuple(tuple(v.tolist()) for v in spread.vectors), spread.sigmas(), spread.count, n_pca)


class _Spread:
    """The standard deviation of samples along fixed unit rows, from running sums (samples come in chunks)."""

    def __init__(self, vectors: torch.Tensor, centre: torch.Tensor) -> None:
        self.vectors, self.centre = vectors, centre     # centred on the PCA's mean: no cancellation in the sums
        self.count = 0
        self.total = torch.zeros(len(vectors), dtype=torch.float64)
        self.total_sq = torch.zeros(len(vectors), dtype=torch.float64)

    def add(self, w: torch.Tensor) -> None:
        proj = ((w - self.centre) @ self.vectors.T).to(torch.float64)
        self.total += proj.sum(0)
        self.total_sq += (proj * proj).sum(0)
        self.count += len(w)

    def sigmas(self) -> tuple[float, ...]:
        var = (self.total_sq - self.total * self.total / self.count) / max(1, self.count - 1)
        return tuple(float(v) for v in var.clamp_min(0).sqrt())


def sigmas_along(ws: torch.Tensor | np.ndarray, vectors: np.ndarray) -> np.ndarray:
    """The standard deviation of the samples ``ws`` [n, w_dim] projected on each unit row of ``vectors`` [k, w_dim]."""
    x = np.asarray(ws, dtype=np.float64)
    proj = (x - x.mean(axis=0)) @ np.asarray(vectors, dtype=np.float64).T
    return proj.std(axis=0, ddof=1).astype(np.float32)
