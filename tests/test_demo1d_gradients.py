"""The hand-written 1-D demo learns what the autograd version learned: same init, gradients and SGD step.

The reference here is the PyTorch formulation the demo used before (nn.Sequential, F.binary_cross_entropy,
torch.optim.SGD with momentum), run in float64 on the very same weights and batches.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch import nn

from ganexplorer.core.train.demo1d import (
    PREPROCESS,
    BatchFeatures,
    Demo1D,
    Demo1DConfig,
    preprocess,
)


def _torch_preprocess(x: torch.Tensor, mode: str) -> torch.Tensor:
    if mode == "raw":
        return x
    mean = x.mean(dim=1, keepdim=True)
    dev = x - mean
    if mode == "diffs":
        return torch.cat([x, dev ** 2], dim=1)
    std = dev.pow(2).mean(dim=1, keepdim=True).sqrt()
    if mode == "moments2":
        return torch.cat([mean, std], dim=1)
    z = dev / std.clamp_min(1e-8)
    return torch.cat([mean, std, z.pow(3).mean(dim=1, keepdim=True), z.pow(4).mean(dim=1, keepdim=True) - 3.0], dim=1)


def _torch_net(mlp, act) -> nn.Sequential:
    layers = []
    for i, (w, b) in enumerate(zip(mlp.W, mlp.b)):
        lin = nn.Linear(w.shape[1], w.shape[0]).double()
        with torch.no_grad():
            lin.weight.copy_(torch.from_numpy(w.astype(np.float64)))
            lin.bias.copy_(torch.from_numpy(b.reshape(-1).astype(np.float64)))
        layers.append(lin)
        layers.append(act() if i < 2 else nn.Sigmoid() if act is nn.Sigmoid else nn.Identity())
    return nn.Sequential(*layers)


def _flat_grad(net: nn.Sequential) -> np.ndarray:
    parts = []
    for m in net:
        if isinstance(m, nn.Linear):
            parts += [m.weight.grad.numpy().reshape(-1), m.bias.grad.numpy()]
    return np.concatenate(parts)


def _close(ours: np.ndarray, reference: np.ndarray) -> bool:
    """Equal up to float32 rounding (ours) against float64 (the reference)."""
    return np.allclose(ours, reference, rtol=1e-3, atol=1e-4 * np.abs(reference).max())


def _reference(mode):
    return Demo1D(Demo1DConfig(preprocess=mode, batch=40, seed=3, mu=1.5, sigma=0.7))


def test_initial_weights_are_the_ones_torch_drew():
    c = Demo1DConfig(preprocess="raw", seed=7)
    torch.manual_seed(c.seed)
    g = nn.Sequential(nn.Linear(1, 5), nn.Tanh(), nn.Linear(5, 5), nn.Tanh(), nn.Linear(5, 1))
    d0 = nn.Linear(500, 10)
    demo = Demo1D(c)
    assert np.array_equal(demo.G.W[1], g[2].weight.detach().numpy())
    assert np.array_equal(demo.G.b[2].reshape(-1), g[4].bias.detach().numpy())
    assert np.array_equal(demo.D.W[0], d0.weight.detach().numpy())


@pytest.mark.parametrize("mode", PREPROCESS)
def test_preprocess_matches_torch(mode):
    x = np.random.default_rng(0).normal(size=(3, 40))
    assert _close(preprocess(x, mode), _torch_preprocess(torch.from_numpy(x), mode).numpy())


@pytest.mark.parametrize("mode", PREPROCESS)
def test_d_step_gradient_matches_autograd(mode):
    demo = _reference(mode)
    D = _torch_net(demo.D, nn.Sigmoid)
    real, fake = demo.real(), demo.generate()
    pair = np.concatenate([real, fake])
    logit, cache = demo.D.forward(preprocess(pair, mode).T)
    demo.D.backward(cache, 1 / (1 + np.exp(-logit)) - np.array([[1.0, 0.0]], dtype=np.float32))
    err = (F.binary_cross_entropy(D(_torch_preprocess(torch.from_numpy(real).double(), mode)), torch.ones(1, 1, dtype=torch.float64))
           + F.binary_cross_entropy(D(_torch_preprocess(torch.from_numpy(fake).double(), mode)), torch.zeros(1, 1, dtype=torch.float64)))
    err.backward()
    assert _close(demo.D.grad, _flat_grad(D))


@pytest.mark.parametrize("mode", PREPROCESS)
def test_g_step_gradient_matches_autograd(mode):
    demo = _reference(mode)
    for _ in range(3):   # move away from the initial weights so every path carries gradient
        demo.train_epoch()
    G, D = _torch_net(demo.G, nn.Tanh), _torch_net(demo.D, nn.Sigmoid)
    noise = demo.rng.random((1, 40), dtype=np.float32)
    gen, g_cache = demo.G.forward(noise)
    seen = BatchFeatures(gen, mode)
    assert _close(seen.features.reshape(-1), preprocess(gen, mode).reshape(-1))
    logit, cache = demo.D.forward(seen.features)
    d_feat = demo.D.backward(cache, 1 / (1 + np.exp(-logit)) - 1.0, weights=False, inputs=True)
    demo.G.backward(g_cache, seen.backward(d_feat))
    t_gen = G(torch.from_numpy(noise).double().reshape(-1, 1)).reshape(1, -1)
    F.binary_cross_entropy(D(_torch_preprocess(t_gen, mode)), torch.ones(1, 1, dtype=torch.float64)).backward()
    assert _close(demo.G.grad, _flat_grad(G))


def test_sgd_momentum_step_matches_torch_optim():
    demo = _reference("moments2")
    G = _torch_net(demo.G, nn.Tanh)
    opt = torch.optim.SGD(G.parameters(), lr=0.01, momentum=0.9)
    rng = np.random.default_rng(1)
    for _ in range(3):
        g = rng.normal(size=demo.G.grad.shape).astype(np.float32)
        demo.G.grad[...] = g
        demo.G.sgd_step(0.01, 0.9)
        k = 0
        for m in G:
            if isinstance(m, nn.Linear):
                for p in (m.weight, m.bias):
                    size = p.numel()
                    p.grad = torch.from_numpy(g[k:k + size].astype(np.float64)).reshape(p.shape)
                    k += size
        opt.step()
    assert _close(demo.G.theta, np.concatenate(
        [x for m in G if isinstance(m, nn.Linear) for x in (m.weight.detach().numpy().reshape(-1), m.bias.detach().numpy())]))
