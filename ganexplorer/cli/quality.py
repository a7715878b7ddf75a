"""`quality`: score a digit generator with the bundled digit classifier."""

from __future__ import annotations

import argparse
import json

from ganexplorer.cli.common import AddCommand, load
from ganexplorer.cli.errors import UsageError
from ganexplorer.cli.i18n import say, t


def cmd_quality(args: argparse.Namespace) -> int:
    from ganexplorer.core.data import DatasetError, open_dataset
    from ganexplorer.core.formats.native import update_metadata
    from ganexplorer.core.metrics.digit_classifier import BUNDLED, load_classifier
    from ganexplorer.core.metrics.quality import evaluate

    model = load(args.checkpoint, None)
    if model.channels != 1 and not args.force:
        raise UsageError(t("{path} makes {channels}-channel images; the digit classifier scores digit generators "
                           "(use --force to score anyway)", path=args.checkpoint, channels=model.channels))
    try:
        data = open_dataset(args.data)
    except DatasetError as e:
        raise UsageError(str(e)) from None
    if not BUNDLED.exists():
        raise UsageError(t("the digit classifier {path} is missing from this installation", path=BUNDLED))
    report = evaluate(model.G, load_classifier()[0], data, seed=args.seed)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(say(report.summary()))
    if args.store:
        if model.format != "native":
            raise UsageError(t("--store writes into ganexplorer's own checkpoints only; convert the file first"))
        update_metadata(model.path, quality={**report.as_dict(), "data": args.data, "seed": args.seed})
        if not args.quiet:
            print(t("stored in {path}", path=model.path))
    return 0


def add_commands(add: AddCommand) -> None:
    """Register quality."""
    p = add("quality", cmd_quality, "score a digit generator with the digit classifier: confident share, "
                                    "class coverage, Fréchet distance in the classifier's feature space")
    p.add_argument("checkpoint")
    p.add_argument("--data", default="builtin:digits", help="real digits to compare with")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", action="store_true")
    p.add_argument("--store", action="store_true", help="also save the figures in the checkpoint's metadata")
    p.add_argument("--force", action="store_true", help="score a colour generator (as grey) anyway")
