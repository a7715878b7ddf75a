"""Load-time overhead of the isolated, bounded checkpoint reader vs NVIDIA's own ``pickle.load``.

Run ``python benchmarks/bench_load.py [--res 256] [--rounds 3]``. It writes a StyleGAN2
network snapshot in NVIDIA's layout (``G_ema`` and ``D``, 256² with channel_base 16384 by
default: ~196 MB, as ``tests/layouts.py`` writes them for the tests) and times, in the same
process, alternating, with the file in the page cache:

* ``pickle.load``: what NVIDIA's loader does, its code stubbed: plain ``pickle.load`` with
  ``torch_utils.persistence._reconstruct_persistent_obj`` returning the meta dict (no
  ``exec``) and torch's real ``_load_from_bytes`` building every tensor;
* ``read``: ganexplorer's untrusted parse in the child process (pre-scan, bounded
  interpreter, hand-back) plus the parent's checks and one copy of the tensors — the
  counterpart of ``pickle.load`` (the result: plain values and tensors, no modules); ``cold``
  starts the reader process for the file (a one-off command), ``warm`` finds one started
  ahead (``isolated.keep_warm``, what the app does between files; 0.3 s pass between loads);
* ``load_checkpoint``: all of it, up to usable modules (G and D built within the file's
  budget, weights loaded, NaN/Inf check) — more work than ``pickle.load`` does; warm;
* ``reader start-up``: a cold reader process alone, on a 20-byte pickle (the fixed cost per file).

It prints the medians and the ratios to ``pickle.load`` (target: <= 1.3x).
"""

from __future__ import annotations

import argparse
import os
import pickle
import statistics
import sys
import tempfile
import time
import types
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def _stub_nvidia_modules() -> None:
    """NVIDIA's classes, stubbed: the persistent-object call hands back its meta dict (nothing exec'd)."""
    tu, per = types.ModuleType("torch_utils"), types.ModuleType("torch_utils.persistence")
    per._reconstruct_persistent_obj = lambda meta: meta
    tu.persistence = per
    dn, du = types.ModuleType("dnnlib"), types.ModuleType("dnnlib.util")
    du.EasyDict = type("EasyDict", (dict,), {"__module__": "dnnlib.util"})
    dn.util = du
    sys.modules.update({"torch_utils": tu, "torch_utils.persistence": per, "dnnlib": dn, "dnnlib.util": du})


def _write_snapshot(path: Path, res: int) -> None:
    from conftest import randomise
    from layouts import write_nvidia_pickle

    from ganexplorer.core.models.stylegan2 import Generator
    from ganexplorer.core.models.stylegan2_discriminator import Discriminator

    torch.manual_seed(0)
    G = Generator(z_dim=512, c_dim=0, w_dim=512, img_resolution=res, img_channels=3,
                  mapping_kwargs=dict(num_layers=8),
                  synthesis_kwargs=dict(channel_base=16384, channel_max=512, num_fp16_res=4, conv_clamp=256))
    D = Discriminator(c_dim=0, img_resolution=res, img_channels=3, channel_base=16384, channel_max=512,
                      num_fp16_res=4, conv_clamp=256)
    write_nvidia_pickle(path, randomise(G).eval(), D.eval(), keys=("G_ema", "D"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--res", type=int, default=256)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="reuse/keep the snapshot at this path")
    args = ap.parse_args()

    from ganexplorer.core.formats import isolated, load_checkpoint
    from ganexplorer.core.formats.isolated import read_isolated
    from ganexplorer.core.formats.load import _read_untrusted
    from ganexplorer.core.formats.files import open_regular

    tmp = Path(tempfile.mkdtemp(prefix="bench_load_"))
    path = args.keep or tmp / "network-snapshot.pkl"
    if not path.exists():
        _write_snapshot(path, args.res)
    size = path.stat().st_size
    tiny = tmp / "tiny.pkl"
    tiny.write_bytes(pickle.dumps({"a": 1}, protocol=4))
    path.read_bytes()   # into the page cache
    _stub_nvidia_modules()

    def nvidia() -> None:
        with open(path, "rb") as f:
            pickle.load(f)

    def read() -> None:
        fd, st = open_regular(str(path))
        with os.fdopen(fd, "rb") as fh:
            _read_untrusted(path, fh, st, "pickle", None)

    def full() -> None:
        load_checkpoint(path)

    def spawn() -> None:
        read_isolated(str(tiny), "pickle", tiny.stat().st_size)

    cases = {"pickle.load": (nvidia, False), "read, cold": (read, False), "read, warm": (read, True),
             "load_checkpoint": (full, True), "reader start-up": (spawn, False)}
    times: dict[str, list[float]] = {k: [] for k in cases}
    for _ in range(args.rounds + 1):   # the first round warms up (imports, allocator) and is not counted
        for name, (fn, warm) in cases.items():
            isolated.keep_warm(warm)
            time.sleep(0.3)   # a user does not open files back to back; a warm reader is ready by then
            t = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t)
    isolated.keep_warm(False)
    times = {k: v[1:] for k, v in times.items()}
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"StyleGAN2 {args.res}x{args.res} snapshot (G_ema + D), {size / 2**20:.0f} MB, "
          f"torch {torch.__version__}, {torch.get_num_threads()} threads, medians of {args.rounds}")
    base = med["pickle.load"]
    for name, t in med.items():
        ratio = f"{t / base:5.2f}x pickle.load" if name != "reader start-up" else ""
        print(f"  {name:16s} {t * 1000:8.0f} ms  {ratio}")
    if not args.keep:
        path.unlink()


if __name__ == "__main__":
    main()
