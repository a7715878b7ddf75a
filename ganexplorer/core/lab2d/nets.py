"""The 2-D lab's G and D: small leaky-ReLU perceptrons in NumPy with hand-written backward passes.

Why NumPy and not autograd: the networks are a few thousand weights, so a PyTorch step is mostly
per-operation overhead (``benchmarks/bench_lab2d.py`` measures both in one run). Samples are rows:
a layer is ``x @ W + b`` with x [n, in] and W [in, out]. All parameters of a network live in one
flat float32 vector, so Adam updates it in a handful of NumPy calls.

The gradient penalties (R1, WGAN-GP) need the gradient of D's output with respect to its input
and then the gradient of a function of *that* with respect to the weights (double backprop).
Leaky ReLU is piecewise linear, so its masks are constants almost everywhere: the input gradient
is a linear chain ``W1 diag(m1) W2 diag(m2) ... w_out`` and its weight gradient is plain algebra
(:meth:`MLP.penalty_backward`). ``tests/test_lab2d.py`` checks every gradient against torch autograd.
"""

from __future__ import annotations

import numpy as np

DTYPE = np.float32
SLOPE = 0.2     # leaky ReLU's slope below zero


class MLP:
    """``sizes[0]`` inputs -> hidden leaky-ReLU layers -> ``sizes[-1]`` linear outputs."""

    def __init__(self, sizes: list[int], rng: np.random.Generator) -> None:
        self.sizes = list(sizes)
        shapes = list(zip(sizes[:-1], sizes[1:]))
        total = sum(i * o + o for i, o in shapes)
        self.theta = np.zeros(total, dtype=DTYPE)
        self.grad = np.zeros(total, dtype=DTYPE)
        self.W: list[np.ndarray] = []
        self.b: list[np.ndarray] = []
        self.gW: list[np.ndarray] = []
        self.gb: list[np.ndarray] = []
        k = 0
        for i, o in shapes:
            for store, grads, shape in ((self.W, self.gW, (i, o)), (self.b, self.gb, (o,))):
                size = int(np.prod(shape))
                store.append(self.theta[k:k + size].reshape(shape))
                grads.append(self.grad[k:k + size].reshape(shape))
                k += size
            bound = 1.0 / np.sqrt(i)     # torch.nn.Linear's default range
            self.W[-1][...] = rng.uniform(-bound, bound, (i, o))
            self.b[-1][...] = rng.uniform(-bound, bound, o)

    # -- passes ---------------------------------------------------------------------------------
    def forward(self, x: np.ndarray) -> tuple[np.ndarray, list]:
        """Outputs [n, out] for inputs x [n, in], and what the backward passes need (inputs and masks)."""
        h = np.asarray(x, dtype=DTYPE)
        cache: list = []
        last = len(self.W) - 1
        for k, (W, b) in enumerate(zip(self.W, self.b)):
            a = h @ W
            a += b
            if k < last:
                slope = np.where(a > 0, DTYPE(1.0), DTYPE(SLOPE))
                cache.append((h, slope))
                a *= slope
            else:
                cache.append((h, None))
            h = a
        return h, cache

    def backward(self, cache: list, d_out: np.ndarray, weights: bool = True, inputs: bool = False,
                 accumulate: bool = False) -> np.ndarray | None:
        """Back-propagate d_out [n, out]: weight gradients into ``self.grad`` (added with ``accumulate``)
        and/or the gradient with respect to the inputs (returned with ``inputs``)."""
        d = np.asarray(d_out, dtype=DTYPE)
        for k in range(len(self.W) - 1, -1, -1):
            h, slope = cache[k]
            if slope is not None:
                d = d * slope
            if weights:
                if accumulate:
                    self.gW[k] += h.T @ d
                    self.gb[k] += d.sum(axis=0)
                else:
                    np.matmul(h.T, d, out=self.gW[k])
                    np.add.reduce(d, axis=0, out=self.gb[k])
            if k > 0 or inputs:
                d = d @ self.W[k].T
        return d if inputs else None

    def grad_inputs(self, cache: list, d_out: np.ndarray) -> np.ndarray:
        """The gradient w.r.t. the inputs only (D's pull on G's samples); the weight gradients stay."""
        d = self.backward(cache, d_out, weights=False, inputs=True)
        assert d is not None
        return d

    def input_grad(self, cache: list) -> tuple[np.ndarray, list]:
        """For a one-output network: dD/dx [n, in] of each sample, and the chain's vectors for
        :meth:`penalty_backward` (u[k] is the gradient at layer k's pre-activation)."""
        n = cache[0][0].shape[0]
        u = np.broadcast_to(self.W[-1][:, 0], (n, self.W[-1].shape[0]))   # d out / d h_last  [n, H]
        us: list = [None] * len(self.W)
        for k in range(len(self.W) - 2, -1, -1):
            u = u * cache[k][1]                 # through the mask: gradient at layer k's pre-activation
            us[k] = u
            u = u @ self.W[k].T
        return u, us

    def penalty_backward(self, cache: list, us: list, dg: np.ndarray) -> None:
        """Add to ``self.grad`` the weight gradient of a loss whose gradient w.r.t. ``input_grad`` is dg [n, in].

        With masks constant, g = u_0 W_0^T and u_k = (u_{k+1} W_{k+1}^T) * m_k, so the gradient flows
        forwards through the network's layers (the transpose of the input-gradient chain).
        """
        e = np.asarray(dg, dtype=DTYPE)          # gradient w.r.t. g, [n, in]
        last = len(self.W) - 1
        for k in range(last):
            u = us[k]                            # [n, out_k]
            self.gW[k] += e.T @ u                # g = u_k W_k^T  ->  dW_k = e^T u_k  ([in, out])
            e = (e @ self.W[k]) * cache[k][1]    # gradient w.r.t. u_{k+1} W_{k+1}^T, through the mask
        # the last hidden vector is W_last[:, 0] for every sample
        self.gW[last][:, 0] += e.sum(axis=0)

    def copy_from(self, other: "MLP") -> None:
        self.theta[...] = other.theta


class Adam:
    """torch.optim.Adam (no weight decay, no amsgrad) on one flat parameter vector."""

    def __init__(self, net: MLP, lr: float, betas: tuple[float, float], eps: float = 1e-8) -> None:
        self.net, self.lr, self.betas, self.eps = net, lr, betas, eps
        self.m = np.zeros_like(net.theta)
        self.v = np.zeros_like(net.theta)
        self.t = 0

    def step(self) -> None:
        b1, b2 = self.betas
        g = self.net.grad
        self.t += 1
        self.m *= b1
        self.m += (1 - b1) * g
        self.v *= b2
        self.v += (1 - b2) * (g * g)
        bias1 = 1 - b1 ** self.t
        bias2 = 1 - b2 ** self.t
        denom = np.sqrt(self.v / bias2)
        denom += self.eps
        self.net.theta -= (self.lr / bias1) * (self.m / denom)
