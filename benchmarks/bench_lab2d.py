"""The 2-D lab's speed: one training step of the default ("fixed") networks in NumPy (what the lab uses) and
the same step written with torch autograd, measured in one run on one core; the tab's redraw rate while
training; and, with --presets, the presets' coverage on ring8 and grid25 with their time.

    python benchmarks/bench_lab2d.py [--presets]

Prints ratios measured in the same process; on a shared machine the absolute numbers are noisy.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import torch  # noqa: E402

from ganexplorer.core.lab2d.config import preset  # noqa: E402
from ganexplorer.core.lab2d.lab import Lab2D, one_blas_thread  # noqa: E402
from ganexplorer.core.lab2d.targets import builtin  # noqa: E402


def numpy_step_ms(lab: Lab2D, n: int = 300) -> float:
    with one_blas_thread():
        for _ in range(20):
            lab.train_step()
        t = time.perf_counter()
        for _ in range(n):
            lab.train_step()
        return (time.perf_counter() - t) / n * 1000


def torch_step_ms(lab: Lab2D, n: int = 100) -> float:
    """The same step (R1 non-saturating D update, then a G update) with autograd, on one thread."""
    c = lab.config
    torch.set_num_threads(1)

    def mlp(sizes):
        layers = []
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
            layers.append(torch.nn.Linear(a, b))
            if i < len(sizes) - 2:
                layers.append(torch.nn.LeakyReLU(0.2))
        return torch.nn.Sequential(*layers)
    hidden = [c.width] * c.depth
    G, D = mlp([c.z_dim, *hidden, 2]), mlp([2, *hidden, 1])
    opt_g = torch.optim.Adam(G.parameters(), c.lr_g, betas=(c.beta1, c.beta2))
    opt_d = torch.optim.Adam(D.parameters(), c.lr_d, betas=(c.beta1, c.beta2))
    sp = torch.nn.functional.softplus
    target, rng = lab.target, np.random.default_rng(0)

    def step():
        real = torch.from_numpy(target.sample(c.batch, rng) / lab.scale).requires_grad_(True)
        fake = G(torch.rand(c.batch, c.z_dim) * 2 - 1).detach()
        out_r = D(real)
        (grad,) = torch.autograd.grad(out_r.sum(), real, create_graph=True)
        loss = sp(-out_r).mean() + sp(D(fake)).mean() + 0.5 * c.penalty * grad.pow(2).sum(1).mean()
        opt_d.zero_grad()
        loss.backward()
        opt_d.step()
        g_loss = sp(-D(G(torch.rand(c.batch, c.z_dim) * 2 - 1))).mean()
        opt_g.zero_grad()
        g_loss.backward()
        opt_g.step()
    for _ in range(10):
        step()
    t = time.perf_counter()
    for _ in range(n):
        step()
    return (time.perf_counter() - t) / n * 1000


def gui_rates(seconds: float = 8.0) -> tuple[float, float]:
    """Steps/s and redraws/s of the tab while it plays the fixed preset on ring8 (offscreen, 1280x720)."""
    from PySide6.QtWidgets import QApplication

    from ganexplorer.gui.lab2d.lab2d_panel import Lab2DPanel

    app = QApplication.instance() or QApplication([])
    panel = Lab2DPanel()
    panel.resize(1280, 680)
    panel.show()
    panel.controls.preset.setCurrentIndex(panel.controls.preset.findData("fixed"))
    panel.play()
    t0 = time.perf_counter()
    while panel.lab.step == 0:
        app.processEvents()
    start_step, start_draws, t0 = panel.lab.step, panel.redraws, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        app.processEvents()
        time.sleep(0.002)
    dt = time.perf_counter() - t0
    steps, draws = panel.lab.step - start_step, panel.redraws - start_draws
    panel.shutdown()
    return steps / dt, draws / dt


def presets() -> None:
    for name, target in (("fixed", "ring8"), ("fixed", "grid25"), ("mode collapse", "ring8"),
                         ("mode collapse", "grid25")):
        lab = Lab2D(builtin(target), preset(name))
        t = time.perf_counter()
        for _ in lab.run(every=1000, step_events=False):
            pass
        c = lab.coverage().coverage
        print(f"{name:>13} on {target:<6}: {c.modes}/{c.total} modes, {100 * c.hq_share:.1f}% high quality, "
              f"{lab.step} steps, {time.perf_counter() - t:.1f} s")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--presets", action="store_true", help="also train the presets (a minute or two)")
    args = ap.parse_args()
    lab = Lab2D(builtin("ring8"), preset("fixed"))
    np_ms, torch_ms = numpy_step_ms(lab), torch_step_ms(lab)
    c = lab.config
    print(f"default networks (width {c.width}, depth {c.depth}, batch {c.batch}, R1), one core:")
    print(f"  NumPy step {np_ms:.2f} ms ({1000 / np_ms:.0f} steps/s); torch autograd {torch_ms:.2f} ms; "
          f"NumPy is {torch_ms / np_ms:.1f}x faster")
    sps, fps = gui_rates()
    print(f"tab while playing: {sps:.0f} steps/s, plane redrawn {fps:.1f} times/s")
    if args.presets:
        presets()
    return 0


if __name__ == "__main__":
    sys.exit(main())
