"""`ganexplorer ...`: the headless command line, built on ganexplorer.core only.

One module per command group, each command's options next to it: ``info`` (info, summary, convert),
``generate`` (generate, mix, walk), ``project``, ``directions``, ``train``, ``quality``, ``data`` (download), ``demo1d``,
``lab2d``, ``gui``.
``errors`` maps what a command raises to an exit code (see there); ``common`` holds what commands share.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from ganexplorer.cli import data, demo1d, directions, generate, gui, i18n, info, lab2d, project, quality, train
from ganexplorer.cli.common import Command
from ganexplorer.cli.errors import UsageError, run_reporting

__all__ = ["UsageError", "build_parser", "main"]

# the order `ganexplorer --help` lists them
_GROUPS = (info, generate, project, directions, train, quality, data, demo1d, lab2d, gui)


def build_parser() -> argparse.ArgumentParser:
    """The whole parser: global options, then each group's commands with the options every command has."""
    from ganexplorer import __version__

    parser = argparse.ArgumentParser(prog="ganexplorer", description="See and teach GANs.",
                                     formatter_class=i18n.HelpFormatter)
    parser.add_argument("--version", action="version", version=f"ganexplorer {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation: render each bundled model, run ten training steps, exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, fn: Command, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help, formatter_class=i18n.HelpFormatter)
        p.set_defaults(func=fn)
        p.add_argument("--nz", type=int, default=None, help="latent size of a DCGAN file when it cannot be inferred")
        p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary line")
        return p

    for group in _GROUPS:
        group.add_commands(add)
    return parser


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return set(sub.choices)


def _self_test() -> int:
    from ganexplorer.core.selftest import SelfTestError, run_self_test

    try:
        print(i18n.say(run_self_test()))
    except Exception as e:  # noqa: BLE001 - any failure is the answer; say it in one line
        problem = i18n.say(str(e)) if isinstance(e, SelfTestError) else f"{type(e).__name__}: {i18n.say(str(e))}"
        print(i18n.t("ganexplorer: self-test failed: {problem}", problem=problem), file=sys.stderr)
        return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the command; the exit code says how it went (see ``cli.errors``)."""
    i18n.install()   # argparse's own words in the user's language (LANG=ko_KR.UTF-8: Korean)
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and not argv[0].startswith("-") and argv[0] not in _commands(parser) and Path(argv[0]).exists():
        argv = ["gui", *argv]  # a file handed over by a double-click / file association
    args = parser.parse_args(argv)
    if args.self_test:
        return _self_test()
    if args.command is None:  # double-click / plain `ganexplorer`: open the window
        args = parser.parse_args(["gui", *argv])
    from ganexplorer import applog

    with applog.session():   # the log file, and every thread's uncaught exceptions logged (the GUI's nests)
        return run_reporting(lambda: args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
