"""Training steps/s with one thread, torch's default threads and the count core picks, in one run.

Issue 21: the CLI trained the Quick demo 2x slower with torch's default threads than with one thread
on a busy machine. ``core/train/threads.training_threads`` now picks the count from the model's size;
this prints steps/s for each count, measured in alternating rounds in the same process (so a change
of load on a shared machine hits all three alike), and the ratios.

Usage: python benchmarks/bench_threads.py [--models dcgan32-quick,dcgan64] [--steps 20] [--rounds 3]
"""

from __future__ import annotations

import argparse
import time

import torch

from ganexplorer.core.data import open_dataset
from ganexplorer.core.train.config import TrainConfig
from ganexplorer.core.train.factory import make_trainer
from ganexplorer.core.train.threads import model_parameters, training_threads


def steps_per_second(trainer, steps: int, threads: int) -> float:
    torch.set_num_threads(threads)
    trainer.train_step()   # warm: the first step after a change of thread count pays for the pool
    t0 = time.perf_counter()
    for _ in range(steps):
        trainer.train_step()
    return steps / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", default="dcgan32-quick,mlp-gan,dcgan64")
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    default = torch.get_num_threads()
    data = open_dataset("builtin:digits")
    print(f"torch default threads: {default}; CPU shared with other processes: timings are noisy, "
          "compare the ratios")
    for model in args.models.split(","):
        chosen = training_threads(model, default)
        tr = make_trainer(TrainConfig.for_model(model, sample_every=0, log_every=0, checkpoint_every=0,
                                                device="cpu"), data)
        rates: dict[str, list[float]] = {"1": [], "default": [], "chosen": []}
        for _ in range(args.rounds):   # alternate, so load changes hit every count alike
            for name, n in (("1", 1), ("default", default), ("chosen", chosen)):
                rates[name].append(steps_per_second(tr, args.steps, n))
        best = {k: max(v) for k, v in rates.items()}
        print(f"{model:14s} {model_parameters(model) / 1e6:6.2f}M params  chosen={chosen}  "
              f"steps/s: 1 thread {best['1']:.2f}, default ({default}) {best['default']:.2f}, "
              f"chosen {best['chosen']:.2f}  ratios: 1/default {best['1'] / best['default']:.2f}, "
              f"chosen/default {best['chosen'] / best['default']:.2f}")
    torch.set_num_threads(default)


if __name__ == "__main__":
    main()
