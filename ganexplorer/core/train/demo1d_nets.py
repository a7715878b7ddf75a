"""The 1-D demo's two networks and D's view of a batch, written out in NumPy (see ``demo1d.py`` for why).

``preprocess`` / ``BatchFeatures`` turn whole batches into D's input (``raw``, ``moments2``,
``moments4``, ``diffs``) and back-propagate through that; ``MLP`` is a small fully connected
network on one flat float32 parameter vector with hand-written forward, backward and
SGD-with-momentum steps (``tests/test_demo1d_gradients.py`` checks them against autograd).
"""

from __future__ import annotations

import math

import numpy as np

DTYPE = np.float32   # as the PyTorch version
PREPROCESS = ("raw", "moments2", "moments4", "diffs")


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
        g_dev: np.ndarray | None
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


def softplus(v: np.ndarray) -> np.ndarray:
    """log(1 + e^v) without overflow: BCE on a logit (the losses the demo reports)."""
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
        self.W: list[np.ndarray] = []
        self.b: list[np.ndarray] = []
        self.gW: list[np.ndarray] = []
        self.gb: list[np.ndarray] = []
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
