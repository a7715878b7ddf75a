"""`demo1d`: the 1-D 'GAN in 50 lines' experiment, printed as it learns N(mu, sigma)."""

from __future__ import annotations

import argparse

from ganexplorer.cli.common import AddCommand
from ganexplorer.cli.i18n import say


def cmd_demo1d(args: argparse.Namespace) -> int:
    from ganexplorer.core.train.demo1d import Demo1D, Demo1DConfig

    cfg = Demo1DConfig(preprocess=args.input, epochs=args.epochs, seed=args.seed, mu=args.mu, sigma=args.sigma,
                       print_every=args.print_every)
    for line in Demo1D(cfg).run_log():
        print(say(line), flush=True)
    return 0


def add_commands(add: AddCommand) -> None:
    """Register demo1d."""
    p = add("demo1d", cmd_demo1d, "the 1-D 'GAN in 50 lines' experiment: learn N(mu, sigma)")
    p.add_argument("--input", choices=["raw", "moments2", "moments4", "diffs"], default="moments4",
                   help="what D sees of a minibatch")
    p.add_argument("--epochs", type=int, default=2000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--mu", type=float, default=4.0)
    p.add_argument("--sigma", type=float, default=1.25)
    p.add_argument("--print-every", type=int, default=500)
