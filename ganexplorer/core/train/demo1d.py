"""The 1-D distribution-matching demo ("GANs in 50 lines"): G learns to sample N(mu, sigma).

G turns uniform noise into numbers through a small tanh MLP. D is a small sigmoid MLP
that sees one whole minibatch at once, pre-processed by one of:

- ``raw``: the samples themselves;
- ``moments2``: mean and standard deviation;
- ``moments4``: mean, standard deviation, skewness and excess kurtosis;
- ``diffs``: the samples and their squared deviations from the batch mean.

Each epoch runs ``d_steps`` D updates (real batch -> 1, generated batch -> 0) then
``g_steps`` G updates (generated batch -> 1), with SGD + momentum, as in the lecture.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

PREPROCESS = ("raw", "moments2", "moments4", "diffs")


@dataclass
class Demo1DConfig:
    preprocess: str = "moments4"
    mu: float = 4.0
    sigma: float = 1.25
    batch: int = 500          # samples per minibatch (D's input covers all of them)
    g_hidden: int = 5
    d_hidden: int = 10
    lr: float = 1e-3
    momentum: float = 0.9
    d_steps: int = 20
    g_steps: int = 20
    epochs: int = 2000
    seed: int = 0
    print_every: int = 500


@dataclass(frozen=True)
class Demo1DEvent:
    epoch: int
    d_real_err: float
    d_fake_err: float
    g_err: float
    real_stats: tuple[float, float]   # mean, std of the last real batch
    fake_stats: tuple[float, float]   # mean, std of the last generated batch

    def log_line(self) -> str:
        r, f = self.real_stats, self.fake_stats
        return (f"Epoch {self.epoch}: D ({self.d_real_err:.4g} real_err, {self.d_fake_err:.4g} fake_err) "
                f"G ({self.g_err:.4g} err); Real Dist ([{r[0]:.2f}, {r[1]:.2f}]), Fake Dist ([{f[0]:.2f}, {f[1]:.2f}])")


@dataclass(frozen=True)
class Demo1DSnapshot:
    epoch: int
    real: np.ndarray
    fake: np.ndarray
    xs: np.ndarray
    d_of_x: np.ndarray


def preprocess(x: torch.Tensor, mode: str) -> torch.Tensor:
    """x [k, batch] -> D's input [k, features]."""
    if mode == "raw":
        return x
    mean = x.mean(dim=1, keepdim=True)
    dev = x - mean
    if mode == "diffs":
        return torch.cat([x, dev ** 2], dim=1)
    std = dev.pow(2).mean(dim=1, keepdim=True).sqrt()
    if mode == "moments2":
        return torch.cat([mean, std], dim=1)
    if mode == "moments4":
        z = dev / std.clamp_min(1e-8)
        skew = z.pow(3).mean(dim=1, keepdim=True)
        kurt = z.pow(4).mean(dim=1, keepdim=True) - 3.0
        return torch.cat([mean, std, skew, kurt], dim=1)
    raise ValueError(f"pre-processing must be one of {', '.join(PREPROCESS)}, not {mode!r}")


def d_input_size(mode: str, batch: int) -> int:
    return {"raw": batch, "diffs": 2 * batch, "moments2": 2, "moments4": 4}[mode]


class Demo1D:
    """Holds G, D and their optimisers; ``run()`` yields one event per epoch."""

    def __init__(self, config: Demo1DConfig) -> None:
        if config.preprocess not in PREPROCESS:
            raise ValueError(f"pre-processing must be one of {', '.join(PREPROCESS)}")
        if config.sigma <= 0 or config.batch < 4 or config.epochs < 1:
            raise ValueError("sigma must be > 0, the batch at least 4 and epochs at least 1")
        self.config = c = config
        torch.manual_seed(c.seed)
        self.rng = torch.Generator().manual_seed(c.seed + 1)
        self.G = nn.Sequential(nn.Linear(1, c.g_hidden), nn.Tanh(), nn.Linear(c.g_hidden, c.g_hidden), nn.Tanh(),
                               nn.Linear(c.g_hidden, 1))
        self.D = nn.Sequential(nn.Linear(d_input_size(c.preprocess, c.batch), c.d_hidden), nn.Sigmoid(),
                               nn.Linear(c.d_hidden, c.d_hidden), nn.Sigmoid(), nn.Linear(c.d_hidden, 1), nn.Sigmoid())
        self.opt_g = torch.optim.SGD(self.G.parameters(), lr=c.lr, momentum=c.momentum)
        self.opt_d = torch.optim.SGD(self.D.parameters(), lr=c.lr, momentum=c.momentum)
        self.epoch = 0

    def real(self) -> torch.Tensor:
        return self.config.mu + self.config.sigma * torch.randn(1, self.config.batch, generator=self.rng)

    def generate(self, n: int | None = None) -> torch.Tensor:
        """A generated batch [1, n] from uniform noise."""
        n = n or self.config.batch
        noise = torch.rand(n, 1, generator=self.rng)
        return self.G(noise).reshape(1, n)

    def discriminate(self, batch: torch.Tensor) -> torch.Tensor:
        return self.D(preprocess(batch, self.config.preprocess))

    def d_curve(self, xs: torch.Tensor) -> torch.Tensor:
        """D's output for a batch made of copies of each x (what D thinks of 'all samples equal x')."""
        with torch.no_grad():
            return torch.cat([self.discriminate(torch.full((1, self.config.batch), float(x))) for x in xs]).reshape(-1)

    def train_epoch(self) -> Demo1DEvent:
        c = self.config
        one, zero = torch.ones(1, 1), torch.zeros(1, 1)
        for _ in range(c.d_steps):
            self.opt_d.zero_grad()
            real = self.real()
            real_err = F.binary_cross_entropy(self.discriminate(real), one)
            with torch.no_grad():
                fake = self.generate()
            fake_err = F.binary_cross_entropy(self.discriminate(fake), zero)
            (real_err + fake_err).backward()
            self.opt_d.step()
        for _ in range(c.g_steps):
            self.opt_g.zero_grad()
            gen = self.generate()
            g_err = F.binary_cross_entropy(self.discriminate(gen), one)
            g_err.backward()
            self.opt_g.step()
        ev = Demo1DEvent(self.epoch, float(real_err.detach()), float(fake_err.detach()), float(g_err.detach()),
                         (float(real.mean()), float(real.std())), (float(gen.detach().mean()), float(gen.detach().std())))
        self.epoch += 1
        return ev

    def run(self, snapshot_every: int = 0) -> Iterator[Demo1DEvent | Demo1DSnapshot]:
        """One event per epoch; with ``snapshot_every`` also a Demo1DSnapshot every that many epochs."""
        while self.epoch < self.config.epochs:
            ev = self.train_epoch()
            yield ev
            if snapshot_every and (ev.epoch % snapshot_every == 0 or self.epoch == self.config.epochs):
                yield self.snapshot()

    def snapshot(self, n: int = 5000, points: int = 121) -> "Demo1DSnapshot":
        """Samples of both distributions and D's response across x, for the live plots."""
        c = self.config
        with torch.no_grad():
            real = (c.mu + c.sigma * torch.randn(n, generator=self.rng)).numpy()
            fake = self.generate(n).reshape(-1).numpy()
            lo, hi = c.mu - 4 * c.sigma, c.mu + 4 * c.sigma
            xs = torch.linspace(lo, hi, points)
            d = self.d_curve(xs).numpy()
        return Demo1DSnapshot(self.epoch - 1, real, fake, xs.numpy(), d)

    def run_log(self) -> Iterator[str]:
        """The lecture's log lines every ``print_every`` epochs, and for the last epoch."""
        every = max(1, self.config.print_every)
        for ev in self.run():
            if ev.epoch % every == 0 or ev.epoch == self.config.epochs - 1:
                yield ev.log_line()
