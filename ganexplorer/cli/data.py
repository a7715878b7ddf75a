"""`download`: fetch a public dataset into the cache and print the ``--data`` spec that trains on it."""

from __future__ import annotations

import argparse
import sys

from ganexplorer.cli.common import AddCommand
from ganexplorer.cli.errors import UsageError


def cmd_download(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from ganexplorer.core.data import DatasetError
    from ganexplorer.core.data.download import download

    bars: list[tqdm] = []   # made at the first byte: a name refused at once leaves no counter on the error's line

    def progress(done: int, total: int | None) -> None:
        if not bars:
            bars.append(tqdm(unit="B", unit_scale=True, file=sys.stderr, disable=args.quiet, leave=False))
        bars[0].total = total
        bars[0].n = done
        bars[0].refresh()

    try:
        spec = download(args.name, base_url=args.base_url, progress=progress)
    except DatasetError as e:
        raise UsageError(str(e)) from None
    finally:
        for bar in bars:
            bar.close()
    print(spec)
    return 0


def add_commands(add: AddCommand) -> None:
    """Register download."""
    p = add("download", cmd_download, "fetch MNIST, Fashion-MNIST or a Quick Draw category into the cache "
                                      "(needs internet); prints the --data spec to train on it")
    p.add_argument("name", help="mnist | fashion-mnist | quickdraw:CATEGORY")
    p.add_argument("--base-url", default=None, help="another mirror")
