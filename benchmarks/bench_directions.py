"""How fast directions are made and shown (issue 24's speed targets), measured in this run and printed.

- SeFa on a 1024² StyleGAN2 (the registry's stylegan2-1024 preset, config-f widths, random weights:
  the factorisation only reads the shapes and values of the affine weights): target <= 1 s;
- sigma of those directions over 10,000 mapped z (once per set, any method): printed beside it;
- fitting a boundary from 40 and from 200 labels in a 512-d w, with its 5-fold held-out accuracy:
  target <= 1 s;
- the strip of 7 pictures (-3σ..+3σ) of a 256² StyleGAN2 (stylegan2-256 preset) on 2 torch threads: target <= 2 s, and its
  ratio to 7 single renders of the same requests in the same run (the strip renders one batch).

Times are the best of ``--repeat`` runs, wall clock and this process's CPU time, with the load average before
and after: the machine may be shared (other programs count in wall time; on busy cores torch's threads also
burn CPU time waiting for each other, so neither figure is free of the load).
Usage: python benchmarks/bench_directions.py [--repeat 3] [--threads 2] [--only strip]
Under load, compare with ``OMP_WAIT_POLICY=passive python benchmarks/bench_directions.py --only strip``: torch's
threads then sleep at their barriers instead of spinning (load 6-7 on 2 cores, this run's strip: 5.4 s wall,
2.9 s CPU spinning; 3.1 s wall, 1.4 s CPU passive, where the strip renders single pictures, see strip_batch).
"""

from __future__ import annotations

import argparse
import os
import time
from typing import Callable

import numpy as np
import torch


def best(fn: Callable[[], object], repeat: int) -> float:
    return best_wall_cpu(fn, repeat)[0]


def best_wall_cpu(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The fastest run's wall time and this process's CPU time (all threads) in it."""
    runs = []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        fn()
        runs.append((time.perf_counter() - t, time.process_time() - c))
    return min(runs)


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def model(resolution: int) -> object:
    """The registry's StyleGAN2 preset at this size (NVIDIA's config-f widths at 1024², the paper's 256² config)."""
    from ganexplorer.core.formats.loaded import LoadedModel
    from ganexplorer.core.models.registry import build_preset

    torch.manual_seed(0)
    G, _ = build_preset(f"stylegan2-{resolution}")
    return LoadedModel(G.eval(), "stylegan2", "native")


def sefa_figures(repeat: int) -> np.ndarray:
    """SeFa timings on a 1024² model; returns its 10,000 mapped w (timed too)."""
    from ganexplorer.core.render import direction_sets as ds
    from ganexplorer.core.render.sefa import sefa

    big = model(1024)
    t = best(lambda: sefa(big.G, 8), repeat)
    print(f"SeFa, 1024² StyleGAN2 ({big.G.num_ws} ws, all conv layers):   {t:6.3f} s   (target <= 1 s)")
    t = best(lambda: sefa(big.G, 8, 0, 4), repeat)
    print(f"SeFa, 1024², coarse layers 0-3:                  {t:6.3f} s")
    t0 = time.perf_counter()
    samples = ds.sigma_samples(big)
    print(f"sigma samples, 10,000 mapped z (512-d, once per model): {time.perf_counter() - t0:6.3f} s")
    return samples


def strip_figures(repeat: int) -> None:
    """The strip of 7 on a 256² model: one batch (what the app does) against 7 single renders, same requests."""
    from ganexplorer.core.render import Renderer, RenderRequest
    from ganexplorer.core.render import direction_sets as ds

    mid = model(256)
    r = Renderer(mid)
    dset = ds.sefa_set(mid, 3, samples=ds.sigma_samples(mid, 2000))
    req = RenderRequest(seed=1)
    r.render(req)                   # warm up: single pictures...
    ds.strip(r, req, dset, 0)       # ...and the batch (oneDNN builds its kernels per shape)
    print(f"strip batch: {ds.strip_batch(r, len(ds.STRIP_SIGMAS))} pictures at once; {load()}")
    t_strip, c_strip = best_wall_cpu(lambda: ds.strip(r, req, dset, 0), repeat)
    t_single, c_single = best_wall_cpu(lambda: [r.render(ds.moved(req, dset, 0, s)) for s in ds.STRIP_SIGMAS], repeat)
    print(f"strip of 7, 256² StyleGAN2: {t_strip:6.3f} s wall, {c_strip:6.3f} s CPU   (target <= 2 s); "
          f"7 single renders {t_single:6.3f} s wall, {c_single:6.3f} s CPU; ratio {t_strip / t_single:.2f} wall, "
          f"{c_strip / c_single:.2f} CPU; {load()}")


def main() -> None:
    from ganexplorer.core.render.labelled import fit_boundary

    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--only", choices=("strip",), help="only the strip figures")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    print(f"torch threads: {torch.get_num_threads()}; best of {args.repeat}; {load()} (the machine may be shared)")
    if args.only == "strip":
        strip_figures(args.repeat)
        return

    samples = sefa_figures(args.repeat)

    rng = np.random.RandomState(0)
    w = samples[:200].astype(np.float64)
    true = rng.randn(512)
    for n in (40, 200):
        proj = w[:n] @ true
        y = (proj > np.median(proj)).astype(int)
        b = fit_boundary(w[:n], y)
        t = best(lambda n=n, y=y: fit_boundary(w[:n], y), args.repeat)
        print(f"fit from {n:3d} labels (512-d w, 5-fold held-out {b.heldout_accuracy:.0%}): {t:6.3f} s   "
              "(target <= 1 s)")
    strip_figures(args.repeat)


if __name__ == "__main__":
    main()
