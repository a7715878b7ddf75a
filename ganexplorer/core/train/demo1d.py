"""The 1-D distribution-matching demo ("GANs in 50 lines"): G learns to sample N(mu, sigma).

G turns uniform noise into numbers through a small tanh MLP. D is a small sigmoid MLP
that sees one whole minibatch at once, pre-processed by one of:

- ``raw``: the samples themselves;
- ``moments2``: mean and standard deviation;
- ``moments4``: mean, standard deviation, skewness and excess kurtosis;
- ``diffs``: the samples and their squared deviations from the batch mean.

Each epoch runs ``d_steps`` D updates (real batch -> 1, generated batch -> 0) then
``g_steps`` G updates (generated batch -> 1), with SGD + momentum and binary cross-entropy,
as in the lecture.

Why no autograd: the networks are tiny (a few hundred weights), so a PyTorch step is almost
all per-operation overhead (~1 ms, and 86-106 s for the default 2000 epochs). The forward and
backward passes are written out here in NumPy, float32 as before, on one flat parameter vector
per network, which is ~10x faster and learns the same thing: the same initial weights (drawn by
``torch.nn.Linear`` with the same seed), the same losses and gradients
(``tests/test_demo1d_gradients.py`` checks them against autograd) and the same
SGD-with-momentum update (checked against ``torch.optim.SGD``). What differs is only the stream
of random numbers (NumPy's instead of torch's) and rounding, so a run follows another trajectory
of the same training process. Shortcuts that do not change the maths:

- G does not change during the D steps, so the epoch's generated batches for D come from one
  forward pass over all of them, and D's inputs for all its batches are computed up front;
- a D step scores the real and the generated batch in one two-column pass (D has no batch
  statistics, so they are independent and the summed loss is the old ``real_err + fake_err``);
- a G step does not compute D's weight gradients, which the old loop threw away (``zero_grad``
  before each D step);
- D's sigmoid output and BCE are one step (gradient ``sigmoid(logit) - target``), which equals
  the composition except where the old float32 sigmoid saturated to exactly 0 or 1.
"""

from __future__ import annotations

import math

import time
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

# PREPROCESS and preprocess are re-exported: the GUI and the tests take the whole demo from this module.
from ganexplorer.core.messages import message
from ganexplorer.core.train.demo1d_nets import (DTYPE, MLP, PREPROCESS, BatchFeatures, d_input_size,  # noqa: F401
                                                preprocess, softplus)


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
        return message("demo1d.log", epoch=self.epoch, real_err=f"{self.d_real_err:.4g}",
                       fake_err=f"{self.d_fake_err:.4g}", g_err=f"{self.g_err:.4g}", real=f"[{r[0]:.2f}, {r[1]:.2f}]",
                       fake=f"[{f[0]:.2f}, {f[1]:.2f}]")


@dataclass(frozen=True)
class Demo1DSnapshot:
    """What the live plots show after an epoch.

    D never judges one number: it scores a whole batch. ``d_of_x`` is D's score for the epoch's
    last real batch moved so that its mean is x (same spread and shape), one value per ``xs``;
    ``d_real`` / ``d_fake`` are its scores for the last real and generated batches, and
    ``real_features`` / ``fake_features`` what it saw of them (its input vector).
    """

    epoch: int
    real: np.ndarray
    fake: np.ndarray
    xs: np.ndarray
    d_of_x: np.ndarray
    d_real: float = float("nan")
    d_fake: float = float("nan")
    real_features: np.ndarray | None = None
    fake_features: np.ndarray | None = None


@dataclass(frozen=True)
class Demo1DSummary:
    """The end of a run: how far it got and what G learned, measured on many fresh samples."""

    epochs: int                 # epochs completed
    planned: int
    seconds: float              # time spent training
    target: tuple[float, float]  # mu, sigma
    learned: tuple[float, float]  # mean, std of 20 000 generated samples

    def line(self) -> str:
        head = (message("demo1d.done", epochs=self.epochs) if self.epochs >= self.planned
                else message("demo1d.stopped", epochs=self.epochs, planned=self.planned))
        return message("demo1d.summary", head=head, seconds=f"{self.seconds:.1f}", mean=f"{self.learned[0]:.2f}",
                       mu=f"{self.target[0]:.2f}", std=f"{self.learned[1]:.2f}", sigma=f"{self.target[1]:.2f}")


def _torch_init(c: Demo1DConfig) -> tuple[list, list]:
    """The starting weights of G and D exactly as the PyTorch version drew them (``torch.manual_seed(seed)``),
    from a stream of their own: the global RNG (and any CUDA one) is neither reset nor consumed."""
    import torch
    from torch import nn

    from ganexplorer.core.models.draws import DrawsFrom

    with DrawsFrom(torch.Generator().manual_seed(c.seed)):
        g = [nn.Linear(1, c.g_hidden), nn.Linear(c.g_hidden, c.g_hidden), nn.Linear(c.g_hidden, 1)]
        d = [nn.Linear(d_input_size(c.preprocess, c.batch), c.d_hidden), nn.Linear(c.d_hidden, c.d_hidden),
             nn.Linear(c.d_hidden, 1)]

    def arrays(layers):
        return [(lin.weight.detach().numpy().copy(), lin.bias.detach().numpy().copy()) for lin in layers]
    return arrays(g), arrays(d)


# What the float32 demo can learn and print: beyond these its statistics overflow to inf and NaN (mu 1e300
# gave "nan" everywhere). (name, low, high); sigma must also be more than 0.
LIMITS = {"mu": (-1e4, 1e4), "sigma": (1e-3, 1e4), "lr": (1e-8, 10.0), "momentum": (0.0, 0.999),
          "seed": (0, 2**32 - 1), "epochs": (1, 10_000_000), "batch": (4, 100_000), "d_steps": (1, 1000),
          "g_steps": (1, 1000), "g_hidden": (1, 1000), "d_hidden": (1, 1000), "print_every": (0, 10_000_000)}


def config_problem(c: Demo1DConfig) -> str | None:
    """Why ``c`` cannot run (one sentence naming the field and its range), or None."""
    for name, (low, high) in LIMITS.items():
        v = getattr(c, name)
        integral = isinstance(low, int) and isinstance(high, int)
        if integral and (isinstance(v, bool) or not isinstance(v, int)):
            return message("demo1d.whole", name=name, low=low, high=high, value=repr(v))
        if not integral and (isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v)):
            return message("train.finite", name=name, value=repr(v))
        if not low <= v <= high:
            shown = (lambda x: str(x)) if integral else (lambda x: f"{x:g}")
            return message("lab2d.between", name=name, low=shown(low), high=shown(high), value=shown(v))
    return None


class Demo1D:
    """Holds G, D and their momentum; ``run()`` yields one event per epoch."""

    def __init__(self, config: Demo1DConfig) -> None:
        if config.preprocess not in PREPROCESS:
            raise ValueError(message("demo1d.preprocess", choices=", ".join(PREPROCESS)))
        problem = config_problem(config)
        if problem:
            raise ValueError(problem)
        self.config = c = config
        self.rng = np.random.default_rng(c.seed + 1)
        g_init, d_init = _torch_init(c)
        self.G = MLP([1, c.g_hidden, c.g_hidden, 1], "tanh", g_init)
        self.D = MLP([d_input_size(c.preprocess, c.batch), c.d_hidden, c.d_hidden, 1], "sigmoid", d_init)
        self.epoch = 0
        self.seconds = 0.0
        self._last_real: np.ndarray | None = None
        self._last_gen: np.ndarray | None = None

    def real(self, n: int | None = None) -> np.ndarray:
        """A real batch [1, n] from N(mu, sigma)."""
        c = self.config
        return (c.mu + c.sigma * self.rng.standard_normal((1, n or c.batch), dtype=DTYPE)).astype(DTYPE)

    def generate(self, n: int | None = None) -> np.ndarray:
        """A generated batch [1, n] from uniform noise."""
        return self.G.forward(self.rng.random((1, n or self.config.batch), dtype=DTYPE))[0]

    def discriminate(self, batches: np.ndarray) -> np.ndarray:
        """D's score (probability of 'real') for each row of batches [k, batch]."""
        logit = self.D.forward(preprocess(batches, self.config.preprocess).T)[0]
        return 1.0 / (1.0 + np.exp(-logit.reshape(-1)))

    def train_epoch(self) -> Demo1DEvent:
        c = self.config
        t0 = time.perf_counter()
        G, D, mode, n, rng = self.G, self.D, c.preprocess, c.batch, self.rng
        # D phase. G does not change during it, so its d_steps generated batches are drawn in one
        # forward pass, and D's inputs for all real and generated batches are computed up front.
        reals = (c.mu + c.sigma * rng.standard_normal((c.d_steps, n), dtype=DTYPE)).astype(DTYPE)
        fakes = G.forward(rng.random((1, c.d_steps * n), dtype=DTYPE))[0].reshape(c.d_steps, n)
        seen = np.stack([preprocess(reals, mode), preprocess(fakes, mode)], axis=2)   # [step, features, 2]
        target = np.array([[1.0, 0.0]], dtype=DTYPE)   # real batch -> 1, generated batch -> 0
        logit = None
        for k in range(c.d_steps):
            logit, cache = D.forward(seen[k])
            # d BCE(sigmoid(l), y) / dl = sigmoid(l) - y, for each of the two batches (losses summed)
            D.backward(cache, 1.0 / (1.0 + np.exp(-logit)) - target)
            D.sgd_step(c.lr, c.momentum)
        assert logit is not None   # d_steps >= 1 (config_problem)
        real_err, fake_err = softplus(-logit[0, 0]), softplus(logit[0, 1])
        # G phase: each step sees the G the previous step left.
        noise = rng.random((c.g_steps, 1, n), dtype=DTYPE)
        gen = g_logit = None
        for k in range(c.g_steps):
            gen, g_cache = G.forward(noise[k])
            gen_seen = BatchFeatures(gen, mode)
            g_logit, cache = D.forward(gen_seen.features)
            d_seen = D.backward(cache, 1.0 / (1.0 + np.exp(-g_logit)) - 1.0, weights=False, inputs=True)
            assert d_seen is not None   # inputs=True returns the gradient w.r.t. the inputs
            G.backward(g_cache, gen_seen.backward(d_seen))
            G.sgd_step(c.lr, c.momentum)
        assert gen is not None and g_logit is not None   # g_steps >= 1 (config_problem)
        g_err = softplus(-g_logit[0, 0])
        self._last_real, self._last_gen = reals[-1:].copy(), gen
        ev = Demo1DEvent(self.epoch, float(real_err), float(fake_err), float(g_err),
                         (float(reals[-1].mean()), float(reals[-1].std(ddof=1))),
                         (float(gen.mean()), float(gen.std(ddof=1))))
        self.epoch += 1
        self.seconds += time.perf_counter() - t0
        return ev

    def run(self, snapshot_every: int = 0) -> Iterator[Demo1DEvent | Demo1DSnapshot | Demo1DSummary]:
        """One event per epoch; with ``snapshot_every`` also a Demo1DSnapshot every that many epochs;
        a Demo1DSummary at the end."""
        while self.epoch < self.config.epochs:
            ev = self.train_epoch()
            yield ev
            if snapshot_every and (ev.epoch % snapshot_every == 0 or self.epoch == self.config.epochs):
                yield self.snapshot()
        yield self.summary()

    def d_curve(self, xs: np.ndarray, batch: np.ndarray | None = None) -> np.ndarray:
        """D's score for ``batch`` (default: the last real batch) moved so its mean is each x."""
        b = self.real() if batch is None else np.asarray(batch, dtype=DTYPE).reshape(1, -1)
        return self.discriminate(b - b.mean() + np.asarray(xs, dtype=DTYPE).reshape(-1, 1))

    def snapshot(self, n: int = 5000, points: int = 121) -> Demo1DSnapshot:
        """Samples of both distributions and D's response across x, for the live plots."""
        c = self.config
        real = self._last_real if self._last_real is not None else self.real()
        gen = self._last_gen if self._last_gen is not None else self.generate()
        xs = np.linspace(c.mu - 4 * c.sigma, c.mu + 4 * c.sigma, points)
        both = np.concatenate([real, gen])
        scores = self.discriminate(both)
        feats = preprocess(both, c.preprocess)
        return Demo1DSnapshot(self.epoch - 1, self.real(n).reshape(-1), self.generate(n).reshape(-1), xs,
                              self.d_curve(xs, real), float(scores[0]), float(scores[1]), feats[0], feats[1])

    def summary(self, n: int = 20_000) -> Demo1DSummary:
        """How far the run got and the mean / std of many generated samples."""
        g = self.generate(n)
        c = self.config
        return Demo1DSummary(self.epoch, c.epochs, self.seconds, (c.mu, c.sigma),
                             (float(g.mean()), float(g.std(ddof=1))))

    def run_log(self) -> Iterator[str]:
        """The lecture's log lines every ``print_every`` epochs, and for the last epoch; then the summary."""
        every = max(1, self.config.print_every)
        for ev in self.run():
            if isinstance(ev, Demo1DSummary):
                yield ev.line()
            elif isinstance(ev, Demo1DEvent) and (ev.epoch % every == 0 or ev.epoch == self.config.epochs - 1):
                yield ev.log_line()
