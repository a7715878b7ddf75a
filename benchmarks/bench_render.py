"""CPU render-speed benchmark: bare generator forward vs the full render path, batch 1, float32.

Run ``python benchmarks/bench_render.py [--quick] [--threads N] [--models a,b]``. For each model
(randomly initialised presets) it prints medians over several runs after warm-up, all measured
in the same process:

* ``forward``: the bare forward (StyleGAN2: ``G.synthesis(ws)`` on fixed ws, noise 'const';
  others: ``G(z)``), under ``torch.inference_mode()``;
* ``GFLOP/s``: analytic direct-convolution work (2 x MACs of every convolution, transposed
  convolution and linear layer, counted from the layer shapes: a transposed conv counts its
  input pixels x C_in x C_out x k^2; FIR filters, modulation, mapping and elementwise
  work are not counted) divided by the forward time;
* ``render new``: ``Renderer.render(RenderRequest(seed=s))`` with a new seed each time
  (mapping network included), request -> uint8; ``render same``: the same seed again
  (mapping cached); ``ratio`` = render new / forward;
* StyleGAN2 only: ``reference``: the straightforward reference ops
  (``ganexplorer.core.ops.reference_path()``) and the speed-up over it.

Each round runs every variant once, in turn, so a busy machine slows them alike.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ganexplorer.core.formats.loaded import LoadedModel  # noqa: E402
from ganexplorer.core.models.registry import PRESETS, build_preset  # noqa: E402
from ganexplorer.core.ops import reference_path  # noqa: E402
from ganexplorer.core.render import Renderer, RenderRequest  # noqa: E402


def stylegan2_flops(G: nn.Module) -> float:
    """2 x MACs of the synthesis network's convolutions (3x3 modulated convs and 1x1 toRGB)."""
    macs = 0
    for block in G.synthesis.blocks():
        r = block.resolution
        for name in ("conv0", "conv1"):
            layer = getattr(block, name, None)
            if layer is None:
                continue
            o, c, kh, kw = layer.weight.shape
            r_in = r // layer.up
            macs += r_in * r_in * c * o * kh * kw
        o, c, kh, kw = block.torgb.weight.shape
        macs += r * r * c * o * kh * kw
    return 2.0 * macs


def module_flops(G: nn.Module, run: Callable[[], object]) -> float:
    """2 x MACs of every Conv2d / ConvTranspose2d / Linear in one call of ``run`` (via forward hooks)."""
    total = 0

    def hook(mod: nn.Module, inp: tuple, out: torch.Tensor) -> None:
        nonlocal total
        if isinstance(mod, nn.Linear):
            total += out.numel() * mod.in_features
        elif isinstance(mod, nn.ConvTranspose2d):
            kh, kw = mod.kernel_size
            total += inp[0].numel() * (mod.out_channels // mod.groups) * kh * kw
        elif isinstance(mod, nn.Conv2d):
            kh, kw = mod.kernel_size
            total += out.numel() * (mod.in_channels // mod.groups) * kh * kw

    handles = [m.register_forward_hook(hook) for m in G.modules()
               if isinstance(m, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d))]
    try:
        with torch.inference_mode():
            run()
    finally:
        for h in handles:
            h.remove()
    return 2.0 * total


def timed(fns: dict[str, Callable[[], object]], repeats: int, warmup: int = 1) -> dict[str, float]:
    """Median wall time (ms) of each function; rounds interleave them so load changes hit all alike."""
    for fn in fns.values():
        for _ in range(warmup):
            fn()
    times: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(repeats):
        for k, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            times[k].append(time.perf_counter() - t0)
    return {k: statistics.median(v) * 1000 for k, v in times.items()}


def bench_model(name: str, repeats: int, with_reference: bool) -> dict:
    torch.manual_seed(0)
    G, _ = build_preset(name)
    G.eval()
    family = PRESETS[name].family
    model = LoadedModel(G=G, family=family, format="native")
    renderer = Renderer(model)
    row: dict = {"model": name, "res": int(G.img_resolution)}

    if model.is_style_based:
        ws = G.mapping(torch.randn(1, G.z_dim), None).detach()

        def forward() -> object:
            with torch.inference_mode():
                return G.synthesis(ws)

        def reference() -> object:
            with reference_path(), torch.inference_mode():
                return G.synthesis(ws)

        flops = stylegan2_flops(G)
    else:
        z = torch.randn(1, G.z_dim)

        def forward() -> object:
            with torch.inference_mode():
                return G(z)

        reference = None
        flops = module_flops(G, forward)

    seeds = iter(range(1000, 10 ** 6))
    fns: dict[str, Callable[[], object]] = {
        "forward": forward,
        "render_new": lambda: renderer.render(RenderRequest(seed=next(seeds))),
        "render_same": lambda: renderer.render(RenderRequest(seed=7)),
    }
    if reference is not None and with_reference:
        fns["reference"] = reference
    row.update(timed(fns, repeats))
    row["gflops"] = flops / 1e9
    row["gflop_s"] = flops / 1e9 / (row["forward"] / 1000)
    row["ratio"] = row["render_new"] / row["forward"]
    if "reference" in row:
        row["speedup"] = row["reference"] / row["forward"]
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer repeats")
    ap.add_argument("--threads", type=int, default=2, help="torch threads (default 2)")
    ap.add_argument("--models", default="stylegan2-256,stylegan2-1024,dcgan64,mlp-gan")
    ap.add_argument("--no-reference", action="store_true", help="skip the reference-path timing")
    args = ap.parse_args(argv)
    torch.set_num_threads(args.threads)

    rows = []
    for name in [m.strip() for m in args.models.split(",") if m.strip()]:
        big = PRESETS[name].g_kwargs.get("img_resolution", 0) >= 512
        repeats = (2 if big else 5) if args.quick else (3 if big else 9)
        if PRESETS[name].family in ("mlp", "dcgan", "dcgan32"):
            repeats *= 5
        rows.append(bench_model(name, repeats, not args.no_reference))
        print(f"  measured {name}", file=sys.stderr, flush=True)

    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, batch 1, float32, medians (ms)")
    head = (f"{'model':<16}{'res':>5}{'forward':>10}{'GFLOP':>8}{'GFLOP/s':>9}{'render new':>12}"
            f"{'render same':>13}{'ratio':>7}{'reference':>11}{'speed-up':>10}")
    print(head)
    print("-" * len(head))
    for r in rows:
        ref = f"{r['reference']:>11.1f}{r['speedup']:>9.2f}x" if "reference" in r else f"{'-':>11}{'-':>10}"
        print(f"{r['model']:<16}{r['res']:>5}{r['forward']:>10.1f}{r['gflops']:>8.2f}{r['gflop_s']:>9.1f}"
              f"{r['render_new']:>12.1f}{r['render_same']:>13.1f}{r['ratio']:>7.3f}{ref}")
    print("GFLOP: 2 x MACs of the direct convolutions / linear layers, counted from layer shapes.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
