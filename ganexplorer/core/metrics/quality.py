"""How good is a digit generator? Measured with the project's digit classifier.

Three figures, all from one batch of samples:

- the share classified with confidence >= 0.9 (do the samples look like some digit?),
- class coverage and the largest class's share (has it collapsed onto a few digits?),
- a Fréchet distance between Gaussians fitted to the classifier's 64 penultimate features of
  samples and of real digits (FID's formula, with our classifier in place of Inception).

Fréchet distances depend on the sample count, so the generator's samples are compared with
one half of the real data, with as many samples as that half holds, and the same distance
between the two real halves is reported as the floor a perfect generator would reach.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import torch

from ganexplorer.core.data.dataset import ImageDataset
from ganexplorer.core.device import module_device, to_host
from ganexplorer.core.messages import message
from ganexplorer.core.metrics.digit_classifier import DigitClassifier, class_report
from ganexplorer.core.models.facts import int_fact
from ganexplorer.core.models.modes import evaluating


def frechet_distance(a: torch.Tensor, b: torch.Tensor) -> float:
    """|mu_a - mu_b|^2 + tr(S_a + S_b - 2 (S_a^1/2 S_b S_a^1/2)^1/2) for feature rows ``a`` and ``b``."""
    a, b = a.double(), b.double()
    mu_a, mu_b = a.mean(0), b.mean(0)
    s_a, s_b = torch.cov(a.T), torch.cov(b.T)
    vals, vecs = torch.linalg.eigh(s_a)
    root_a = vecs @ torch.diag(vals.clamp_min(0).sqrt()) @ vecs.T
    cross = torch.linalg.eigvalsh(root_a @ s_b @ root_a).clamp_min(0).sqrt().sum()
    return float((mu_a - mu_b).square().sum() + s_a.trace() + s_b.trace() - 2 * cross)


@dataclass(frozen=True)
class QualityReport:
    samples: int
    confident_share: float     # classified with p >= 0.9
    coverage: int              # classes holding >= 2% of the samples
    largest_share: float
    counts: tuple[int, ...]
    frechet: float             # samples vs one half of the real data
    frechet_floor: float       # the other real half vs the same half

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        """One line (a core sentence: the CLI says it in the user's language)."""
        return message("metrics.summary", confident=f"{self.confident_share:.0%}", coverage=self.coverage,
                       largest=f"{self.largest_share:.0%}", frechet=f"{self.frechet:.2f}",
                       floor=f"{self.frechet_floor:.2f}", samples=self.samples)


def real_halves(data: ImageDataset, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """Two disjoint random halves of the dataset as grey 32x32 in [-1, 1]."""
    x = data.prepared(32, 1)
    perm = torch.randperm(len(x), generator=torch.Generator().manual_seed(seed))
    half = len(x) // 2
    return x[perm[:half]], x[perm[half:2 * half]]


@torch.no_grad()
def sample_generator(G: torch.nn.Module, n: int, seed: int = 0, batch: int = 250) -> torch.Tensor:
    """``n`` samples with z ~ N(0, I) (no truncation; labels cycled for conditional models)."""
    g = torch.Generator().manual_seed(seed)    # drawn on the host: the same samples on every device
    dev = module_device(G)
    c_dim = int(getattr(G, "c_dim", 0) or 0)
    out = []
    for i in range(0, n, batch):
        k = min(batch, n - i)
        z = torch.randn(k, int_fact(G, "z_dim"), generator=g).to(dev)
        c = (torch.nn.functional.one_hot(torch.arange(i, i + k) % c_dim, c_dim).float().to(dev)
             if c_dim else None)
        out.append(to_host(G(z, c), torch.float32).clamp(-1, 1))
    return torch.cat(out)


@torch.no_grad()
def evaluate(G: torch.nn.Module, clf: DigitClassifier, data: ImageDataset, seed: int = 0) -> QualityReport:
    """Score generator ``G`` against real ``data`` (see the module docstring)."""
    with evaluating(G):
        ref, other = real_halves(data, seed)
        fake = sample_generator(G, len(ref), seed=seed)
    clf.eval()
    f_ref, f_other, f_fake = (clf.embed(x) for x in (ref, other, fake))
    r = class_report(clf, fake)
    return QualityReport(len(fake), r.confident_share, r.coverage, r.largest_share, r.counts,
                         frechet_distance(f_fake, f_ref), frechet_distance(f_other, f_ref))
