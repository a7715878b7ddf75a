"""Preview speed of big StyleGAN2 models on the CPU: full render vs the synthesis network stopped early.

Run ``python benchmarks/bench_preview.py [--quick] [--threads N] [--models a,b]``. For each model
(randomly initialised presets: ``stylegan2-1024`` is 1024 px with channel_base 32768, as FFHQ;
``stylegan2-256`` is 256 px) it prints medians measured in one process, batch 1, float32:

* ``full``: ``Renderer.render(req)`` while a slider moves (a new psi each time, mapping cached);
* for each preview resolution r: ``Renderer.render(req, preview_resolution=r)`` (the skip image
  after the block at r px, colour-calibrated), its previews per second, and full / preview;
* ``auto``: the resolution ``Renderer.preview_resolution()`` picks for the 100 ms budget from
  the block times of the last full render (what the app uses), marked with ``*``; "none"
  when no preview is 4x cheaper than the full picture (the app then renders in full).

Rounds interleave the variants so a busy machine slows them alike; the load average is printed
before and after (the CPU may be shared). On a shared machine the absolute times grow with
the load but the full / preview ratio much less; the ratios of median wall times, of best
(least disturbed) wall times and of median process-CPU times are printed. ``--full-ms
1114,175`` (one per model, e.g. the unloaded full-render times from bench_render.py in the
README) adds the previews/s the best-time ratio gives at that speed.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ganexplorer.core.formats.loaded import LoadedModel  # noqa: E402
from ganexplorer.core.models.registry import build_preset  # noqa: E402
from ganexplorer.core.render import Renderer, RenderRequest  # noqa: E402
from ganexplorer.core.render.renderer import PREVIEW_BUDGET_S  # noqa: E402


def timed(fns: dict, repeats: int, inner: dict) -> tuple[dict, dict, dict]:
    """Median wall, best wall and median process-CPU time (ms) of each function.

    Rounds interleave the functions so load hits all alike; the best (minimum) time is the
    one least disturbed by other processes, as ``timeit`` recommends.

    Each round runs function ``k`` ``inner.get(k, 1)`` times (cheap previews get more samples).
    """
    for fn in fns.values():
        fn()
    wall: dict = {k: [] for k in fns}
    cpu: dict = {k: [] for k in fns}
    for _ in range(repeats):
        for k, fn in fns.items():
            for _ in range(inner.get(k, 1)):
                t0, c0 = time.perf_counter(), time.process_time()
                fn()
                wall[k].append(time.perf_counter() - t0)
                cpu[k].append(time.process_time() - c0)
    return ({k: statistics.median(v) * 1000 for k, v in wall.items()},
            {k: min(v) * 1000 for k, v in wall.items()},
            {k: statistics.median(v) * 1000 for k, v in cpu.items()})


def bench_model(name: str, repeats: int) -> dict:
    torch.manual_seed(0)
    G, _ = build_preset(name)
    renderer = Renderer(LoadedModel(G=G.eval(), family="stylegan2", format="native"))
    psis = itertools.cycle([1.0 - i / 100 for i in range(50)])
    renderer.render(RenderRequest(seed=7))  # mapping cached, block times measured, weights' caches built
    auto = renderer.preview_resolution(PREVIEW_BUDGET_S)
    sizes = renderer.preview_resolutions()
    fns: dict[object, Callable[[], object]] = {"full": lambda: renderer.render(RenderRequest(seed=7, psi=next(psis)))}
    for r in sizes:
        fns[r] = lambda r=r: renderer.render(RenderRequest(seed=7, psi=next(psis)), preview_resolution=r)
    # Previews that cost under a tenth of the full render get 4 samples per round.
    full_s = renderer.block_seconds[G.img_resolution]
    inner = {r: 4 for r in sizes if renderer.block_seconds.get(r, 1e9) < full_s / 10}
    times, best, cpu = timed(fns, repeats, inner)
    blocks = {r: s * 1000 for r, s in renderer.block_seconds.items()}
    return {"model": name, "res": G.img_resolution, "times": times, "best": best, "cpu": cpu, "auto": auto,
            "auto_now": renderer.preview_resolution(PREVIEW_BUDGET_S), "blocks": blocks}


def px(r: int | None) -> str:
    return f"{r} px" if r else "none"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer repeats")
    ap.add_argument("--threads", type=int, default=2, help="torch threads (default 2)")
    ap.add_argument("--models", default="stylegan2-1024,stylegan2-256")
    ap.add_argument("--full-ms", default="", help="unloaded full-render ms per model, comma-separated (optional)")
    args = ap.parse_args(argv)
    torch.set_num_threads(args.threads)
    load_before = os.getloadavg()
    full_ms = [float(v) for v in args.full_ms.split(",") if v.strip()]
    rows = []
    for name in [m.strip() for m in args.models.split(",") if m.strip()]:
        rows.append(bench_model(name, 3 if args.quick else 5))
        print(f"  measured {name}", file=sys.stderr, flush=True)
    load_after = os.getloadavg()

    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, batch 1, float32, medians (ms); "
          f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after on {os.cpu_count()} CPUs")
    for i, row in enumerate(rows):
        t, b, c = row["times"], row["best"], row["cpu"]
        ref = full_ms[i] if i < len(full_ms) else None
        print(f"\n{row['model']} ({row['res']} px): full render {t['full']:.0f} ms wall (best {b['full']:.0f}), "
              f"{c['full']:.0f} ms CPU "
              f"({1000 / t['full']:.2f} pictures/s); preview budget {PREVIEW_BUDGET_S * 1000:.0f} ms picks "
              f"{px(row['auto'])} after the first full render, {px(row['auto_now'])} after the last")
        extra = f"{f'/s at {ref:.0f} ms':>16}" if ref else ""
        head = (f"{'preview':>9}{'wall ms':>9}{'previews/s':>12}{'full/preview':>14}{'best ms':>9}"
                f"{'best ratio':>12}{'CPU full/prev':>15}{'block end ms':>14}{extra}")
        print(head)
        print("-" * len(head))
        for r in [k for k in t if k != "full"]:
            mark = "*" if r == row["auto_now"] else " "
            block = row["blocks"].get(r, float("nan"))
            proj = f"{b['full'] / b[r] * 1000 / ref:>16.1f}" if ref else ""
            print(f"{r:>7} px{t[r]:>9.1f}{1000 / t[r]:>12.1f}{t['full'] / t[r]:>13.1f}x{b[r]:>9.1f}"
                  f"{b['full'] / b[r]:>11.1f}x{c['full'] / c[r]:>14.1f}x{block:>13.1f}{mark}{proj}")
    print("\n* = the resolution picked for the budget now. 'block end' = time from the start of synthesis to "
          "the end of that block in the last full render (wall)." + (
              " '/s at F ms' = previews/s if the full render took F ms, from the best-time ratio." if full_ms else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
