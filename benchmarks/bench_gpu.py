"""GPU render benchmark: StyleGAN2 256² and 1024², batch 1 (the interactive case).

    python benchmarks/bench_gpu.py [--models stylegan2-256,stylegan2-1024] [--rounds 30]

For each model (randomly initialised preset, layers marked fp16 as in NVIDIA's configs) it
prints, measured in one process, medians of CUDA-event-timed runs after warm-up:

* ``reference``: our pure-PyTorch ops on the GPU (``fused.set_enabled(False)``);
* ``fused``: the Triton bias_act / upfirdn2d kernels (``fused.status()`` says whether they built);
* ``fused fp32``: the same with the fp16 layers forced to float32;
* ``render``: the whole render path (request -> uint8 picture on the host, pinned transfer);
* the speed-up fused / reference, and achieved fractions of the GPU's peak: analytic conv
  FLOPs / time against the dense fp16 tensor-core peak, and an estimate of activation
  traffic / time against memory bandwidth (peaks from a small table; pass --peak-tflops and
  --peak-gbs for other GPUs).

Then training throughput of a StyleGAN2 (``--train-model``, default the 64² ``stylegan2-64-small``
on ``builtin:shapes``) in images/s, on the CPU and on the GPU (fp32 and bf16) in the same run, with
the GPU/CPU ratio. ``--train-steps 0`` skips it.

Without a CUDA device it says so, measures only the CPU's training throughput, and exits 0.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_render import stylegan2_flops  # noqa: E402
from ganexplorer.core.formats.loaded import LoadedModel  # noqa: E402
from ganexplorer.core.models.registry import build_preset  # noqa: E402
from ganexplorer.core.ops import fused  # noqa: E402
from ganexplorer.core.render import Renderer, RenderRequest  # noqa: E402

# Dense fp16 tensor-core TFLOP/s and memory GB/s from the vendors' data sheets (SXM parts).
PEAKS = {"H100": (989.0, 3350.0), "H200": (989.0, 4800.0), "A100": (312.0, 2039.0), "L4": (121.0, 300.0),
         "RTX 4090": (165.0, 1008.0), "RTX 3090": (71.0, 936.0), "T4": (65.0, 320.0)}


def activation_bytes(G: torch.nn.Module) -> float:
    """A floor on memory traffic: every synthesis layer's output written once and read once."""
    total = 0
    for block in G.synthesis.blocks():
        c = G.synthesis.channels[block.resolution]
        per = block.resolution ** 2 * c * (2 if block.use_fp16 else 4)
        total += 2 * per * block.num_conv
    return float(total)


def timed(fn, rounds: int) -> float:
    """Median milliseconds of ``fn`` over ``rounds`` runs, each between CUDA events."""
    for _ in range(5):
        fn()
    torch.cuda.synchronize()
    out = []
    for _ in range(rounds):
        a, b = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        a.record()
        fn()
        b.record()
        b.synchronize()
        out.append(a.elapsed_time(b))
    return statistics.median(out)


def train_throughput(model: str, device: str, precision: str, steps: int, warm: int = 3) -> float:
    """Images per second of ``steps`` training steps after ``warm`` untimed ones (losses are read back
    each step, so every step is finished when it is counted)."""
    from ganexplorer.core.data import open_dataset
    from ganexplorer.core.train.config import TrainConfig
    from ganexplorer.core.train.events import StepEvent
    from ganexplorer.core.train.factory import make_trainer

    cfg = TrainConfig.for_model(model, data="builtin:shapes", device=device, precision=precision,
                                sample_every=10 ** 6, log_every=0)
    trainer = make_trainer(cfg, open_dataset(cfg.data))
    t0 = None
    for ev in trainer.run(max_steps=warm + steps):
        if isinstance(ev, StepEvent) and ev.step == warm:
            t0 = time.perf_counter()
    return steps * cfg.batch_size / (time.perf_counter() - t0)


def training_figures(model: str, steps: int) -> None:
    """CPU vs GPU training images/s in one run (the issue's "training throughput, CPU vs GPU")."""
    cpu = train_throughput(model, "cpu", "fp32", max(2, steps // 10))
    line = f"training {model}: CPU ({torch.get_num_threads()} threads) {cpu:.1f} images/s"
    if torch.cuda.is_available():
        for precision in ("fp32", "bf16"):
            gpu = train_throughput(model, "cuda", precision, steps)
            line += f"; CUDA {precision} {gpu:.1f} images/s (x{gpu / cpu:.1f})"
    print(line, flush=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--models", default="stylegan2-256,stylegan2-1024")
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--peak-tflops", type=float, default=None)
    ap.add_argument("--peak-gbs", type=float, default=None)
    ap.add_argument("--train-model", default="stylegan2-64-small")
    ap.add_argument("--train-steps", type=int, default=30)
    args = ap.parse_args()
    if not torch.cuda.is_available():
        print("no CUDA device: no render figures (the CPU's come from bench_render.py)")
        if args.train_steps:
            training_figures(args.train_model, args.train_steps)
        return 0
    dev = torch.device("cuda")
    name = torch.cuda.get_device_name(dev)
    peak = next((v for k, v in PEAKS.items() if k in name), (None, None))
    peak_tflops, peak_gbs = args.peak_tflops or peak[0], args.peak_gbs or peak[1]
    built = fused.prepare(dev)
    print(f"device: {name}; fused ops: {fused.status()['upfirdn2d']}")
    torch.backends.cudnn.benchmark = True
    for model_name in args.models.split(","):
        torch.manual_seed(0)
        G, _ = build_preset(model_name)
        G = G.to(dev).eval()
        ws = G.mapping(torch.randn(1, G.z_dim, device=dev), None)
        r = Renderer(LoadedModel(G=G, family="stylegan2", format="native"))

        @torch.inference_mode()
        def forward(fp32: bool = False, G=G, ws=ws) -> None:
            G.synthesis(ws, force_fp32=fp32)

        def variant(enabled: bool, fp32: bool = False) -> float:
            fused.set_enabled(enabled)
            try:
                return timed(lambda: forward(fp32), args.rounds)
            finally:
                fused.set_enabled(True)

        seeds = iter(range(10 ** 6))
        ref = variant(False)
        fast = variant(True) if built else float("nan")
        fast32 = variant(True, fp32=True) if built else float("nan")
        render = timed(lambda r=r, seeds=seeds: r.render(RenderRequest(seed=next(seeds))), args.rounds)
        flops = stylegan2_flops(G)
        line = (f"{model_name}: reference {ref:.2f} ms, fused {fast:.2f} ms (x{ref / fast:.2f}), "
                f"fused fp32 {fast32:.2f} ms, render path {render:.2f} ms/image")
        if peak_tflops:
            line += f"; {flops / (fast * 1e-3) / 1e12 / peak_tflops:.1%} of {peak_tflops:.0f} TFLOP/s"
        if peak_gbs:
            line += f", {activation_bytes(G) / (fast * 1e-3) / 1e9 / peak_gbs:.1%} of {peak_gbs:.0f} GB/s"
        print(line, flush=True)
    if args.train_steps:
        training_figures(args.train_model, args.train_steps)
    return 0


if __name__ == "__main__":
    sys.exit(main())
