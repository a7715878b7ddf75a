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

DTYPE = np.float32   # as the PyTorch version
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
        head = (f"Done: {self.epochs} epochs" if self.epochs >= self.planned
                else f"Stopped after {self.epochs} of {self.planned} epochs")
        return (f"{head} in {self.seconds:.1f} s; learned mean {self.learned[0]:.2f} (target {self.target[0]:.2f}), "
                f"std {self.learned[1]:.2f} (target {self.target[1]:.2f})")


def preprocess(x: np.ndarray, mode: str) -> np.ndarray:
    """Batches x [k, batch] -> D's input [k, features] (one row per batch)."""
    x = np.asarray(x, dtype=DTYPE)
    if mode == "raw":
        return x
    mean = x.mean(axis=1, keepdims=True)
    dev = x - mean
    if mode == "diffs":
        return np.concatenate([x, dev * dev], axis=1)
    std = np.sqrt((dev * dev).mean(axis=1, keepdims=True))
    if mode == "moments2":
        return np.concatenate([mean, std], axis=1)
    if mode == "moments4":
        z = dev / np.maximum(std, 1e-8)
        z2 = z * z
        skew = (z2 * z).mean(axis=1, keepdims=True)
        kurt = (z2 * z2).mean(axis=1, keepdims=True) - 3.0
        return np.concatenate([mean, std, skew, kurt], axis=1)
    raise ValueError(f"pre-processing must be one of {', '.join(PREPROCESS)}, not {mode!r}")


class BatchFeatures:
    """``preprocess`` of one batch x [1, n] as a column [features, 1] for D, and its backward pass.

    The G step's hot path: the statistics are Python floats and the intermediate arrays are kept
    for the backward pass, so a G step costs a dozen NumPy calls here instead of forty.
    """

    def __init__(self, x: np.ndarray, mode: str) -> None:
        self.mode, self.n = mode, x.shape[1]
        n, v = self.n, x.reshape(-1)
        if mode == "raw":
            self.features = v.reshape(n, 1)
            return
        add = np.add.reduce
        self.mean = float(add(v)) / n
        self.dev = dev = v - DTYPE(self.mean)
        dev2 = dev * dev
        if mode == "diffs":
            self.features = np.concatenate([v, dev2]).reshape(2 * n, 1)
            return
        self.std = math.sqrt(float(add(dev2)) / n)
        stats = [self.mean, self.std]
        if mode == "moments4":
            self.scale = max(self.std, 1e-8)
            self.z = z = dev * DTYPE(1.0 / self.scale)
            self.z2, self.z3 = z2, z3 = z * z, z * z * z
            stats += [float(add(z3)) / n, float(np.dot(z2, z2)) / n - 3.0]
        self.features = np.array(stats, dtype=DTYPE).reshape(-1, 1)

    def backward(self, grad: np.ndarray) -> np.ndarray:
        """The gradient w.r.t. x [1, n] of a loss whose gradient w.r.t. the features is grad [features, 1]."""
        mode, n = self.mode, self.n
        if mode == "raw":
            return grad.reshape(1, n)
        g = grad.reshape(-1)
        if mode == "diffs":
            g_dev = DTYPE(2.0) * g[n:] * self.dev
            return (g[:n] + g_dev - DTYPE(float(np.add.reduce(g_dev)) / n)).reshape(1, n)
        g_mean, g_std = float(g[0]), float(g[1])
        g_dev = None
        if mode == "moments4":
            g_z = DTYPE(3.0 * float(g[2]) / n) * self.z2 + DTYPE(4.0 * float(g[3]) / n) * self.z3
            g_dev = g_z * DTYPE(1.0 / self.scale)
            if self.std > 1e-8:   # the clamp passes the gradient on only above its floor
                g_std -= float(np.dot(g_z, self.dev)) / (self.scale * self.scale)
        through_std = DTYPE(g_std / (n * self.std)) * self.dev
        g_dev = through_std if g_dev is None else g_dev + through_std
        # x enters through mean (1/n each) and through dev = x - mean (identity minus the mean)
        return (g_dev - DTYPE(float(np.add.reduce(g_dev)) / n - g_mean / n)).reshape(1, n)


def d_input_size(mode: str, batch: int) -> int:
    return {"raw": batch, "diffs": 2 * batch, "moments2": 2, "moments4": 4}[mode]


def _softplus(v: np.ndarray) -> np.ndarray:
    return np.logaddexp(0.0, v)


class MLP:
    """A three-layer perceptron on one flat float32 parameter vector, with its backward pass.

    Samples are columns: a layer is ``W @ x + b`` with x [in, k] and W [out, in] (torch's
    layout), which keeps the per-unit rows contiguous for the 500-sample batches of G.
    ``hidden`` is the hidden activation ("tanh" or "sigmoid"); the output layer is linear
    (D's sigmoid is folded into its loss, the numerically stable form of BCE).
    """

    def __init__(self, sizes: list[int], hidden: str, init: list[tuple[np.ndarray, np.ndarray]]) -> None:
        self.hidden = hidden
        shapes = list(zip(sizes[1:], sizes[:-1]))
        total = sum(o * i + o for o, i in shapes)
        self.theta = np.empty(total, dtype=DTYPE)
        self.grad = np.zeros(total, dtype=DTYPE)
        self.buf: np.ndarray | None = None      # SGD momentum, created on the first step as torch does
        self.W, self.b, self.gW, self.gb = [], [], [], []
        k = 0
        for (o, i), (w, b) in zip(shapes, init):
            for store, grads, shape, value in ((self.W, self.gW, (o, i), w), (self.b, self.gb, (o, 1), b)):
                size = o * shape[1]
                store.append(self.theta[k:k + size].reshape(shape))
                grads.append(self.grad[k:k + size].reshape(shape))
                store[-1][...] = np.reshape(value, shape)
                k += size

    def _act(self, a: np.ndarray) -> np.ndarray:
        if self.hidden == "tanh":
            return np.tanh(a, out=a)
        np.multiply(a, 0.5, out=a)
        np.tanh(a, out=a)
        a *= 0.5
        a += 0.5
        return a                      # sigmoid(a) = (1 + tanh(a / 2)) / 2, in place

    def forward(self, x: np.ndarray) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """Output [out, k] for inputs x [in, k], and the activations the backward pass needs."""
        W, b = self.W, self.b
        a = W[0] * x if W[0].shape[1] == 1 else W[0] @ x    # G's first layer is an outer product
        a += b[0]
        h1 = self._act(a)
        a = W[1] @ h1
        a += b[1]
        h2 = self._act(a)
        out = W[2] @ h2
        out += b[2]
        return out, (x, h1, h2)

    def backward(self, cache: tuple[np.ndarray, np.ndarray, np.ndarray], d_out: np.ndarray,
                 weights: bool = True, inputs: bool = False) -> np.ndarray | None:
        """Gradients of a loss whose gradient w.r.t. the output is d_out: into ``self.grad``, and/or w.r.t. x."""
        x, h1, h2 = cache
        W, gW, gb, add = self.W, self.gW, self.gb, np.add.reduce
        if weights:
            np.matmul(d_out, h2.T, out=gW[2])
            add(d_out, axis=1, keepdims=True, out=gb[2])
        d2 = W[2].T @ d_out if W[2].shape[0] > 1 else W[2].T * d_out
        d2 *= self._slope(h2)
        if weights:
            np.matmul(d2, h1.T, out=gW[1])
            add(d2, axis=1, keepdims=True, out=gb[1])
        d1 = W[1].T @ d2
        d1 *= self._slope(h1)
        if weights:
            np.matmul(d1, x.T, out=gW[0])
            add(d1, axis=1, keepdims=True, out=gb[0])
        return W[0].T @ d1 if inputs else None

    def _slope(self, h: np.ndarray) -> np.ndarray:
        """The activation's derivative, from its output."""
        return 1.0 - h * h if self.hidden == "tanh" else h * (1.0 - h)

    def sgd_step(self, lr: float, momentum: float) -> None:
        """torch.optim.SGD(lr, momentum) with no dampening, weight decay or Nesterov."""
        if self.buf is None:
            self.buf = self.grad.copy()
        else:
            self.buf *= momentum
            self.buf += self.grad
        self.theta -= lr * self.buf


def _torch_init(c: Demo1DConfig) -> tuple[list, list]:
    """The starting weights of G and D exactly as the PyTorch version drew them (``torch.manual_seed(seed)``),
    from a stream of their own: the global RNG (and any CUDA one) is neither reset nor consumed."""
    from torch import nn

    from ganexplorer.core.train.rng import TrainerRNG

    with TrainerRNG(c.seed):
        g = [nn.Linear(1, c.g_hidden), nn.Linear(c.g_hidden, c.g_hidden), nn.Linear(c.g_hidden, 1)]
        d = [nn.Linear(d_input_size(c.preprocess, c.batch), c.d_hidden), nn.Linear(c.d_hidden, c.d_hidden),
             nn.Linear(c.d_hidden, 1)]

    def arrays(layers):
        return [(lin.weight.detach().numpy().copy(), lin.bias.detach().numpy().copy()) for lin in layers]
    return arrays(g), arrays(d)


class Demo1D:
    """Holds G, D and their momentum; ``run()`` yields one event per epoch."""

    def __init__(self, config: Demo1DConfig) -> None:
        if config.preprocess not in PREPROCESS:
            raise ValueError(f"pre-processing must be one of {', '.join(PREPROCESS)}")
        if config.sigma <= 0 or config.batch < 4 or config.epochs < 1:
            raise ValueError("sigma must be > 0, the batch at least 4 and epochs at least 1")
        self.config = c = config
        self.rng = np.random.default_rng(c.seed + 1)
        g_init, d_init = _torch_init(c)
        self.G = MLP([1, c.g_hidden, c.g_hidden, 1], "tanh", g_init)
        self.D = MLP([d_input_size(c.preprocess, c.batch), c.d_hidden, c.d_hidden, 1], "sigmoid", d_init)
        self.epoch = 0
        self.seconds = 0.0
        self._last_real = self._last_gen = None

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
        real_err, fake_err = _softplus(-logit[0, 0]), _softplus(logit[0, 1])
        # G phase: each step sees the G the previous step left.
        noise = rng.random((c.g_steps, 1, n), dtype=DTYPE)
        gen = g_logit = None
        for k in range(c.g_steps):
            gen, g_cache = G.forward(noise[k])
            seen = BatchFeatures(gen, mode)
            g_logit, cache = D.forward(seen.features)
            d_seen = D.backward(cache, 1.0 / (1.0 + np.exp(-g_logit)) - 1.0, weights=False, inputs=True)
            G.backward(g_cache, seen.backward(d_seen))
            G.sgd_step(c.lr, c.momentum)
        g_err = _softplus(-g_logit[0, 0])
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
            elif ev.epoch % every == 0 or ev.epoch == self.config.epochs - 1:
                yield ev.log_line()
