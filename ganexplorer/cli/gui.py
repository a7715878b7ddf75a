"""`gui`: open the explorer window (also what a bare `ganexplorer` or `ganexplorer FILE` runs)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ganexplorer.cli.common import AddCommand
from ganexplorer.cli.errors import UsageError
from ganexplorer.cli.i18n import t


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        from ganexplorer.gui.app import run_gui
    except ImportError as e:
        raise UsageError(t("the window needs the gui extra (pip install 'ganexplorer[gui]'): {detail}", detail=e)) from None
    if args.checkpoint is not None and not Path(args.checkpoint).exists():
        raise UsageError(t("'{path}' does not exist", path=args.checkpoint))
    return run_gui(args.checkpoint, screenshot=args.screenshot, tab=args.tab, language=args.language,
                   presentation=args.presentation)


def add_commands(add: AddCommand) -> None:
    """Register gui."""
    p = add("gui", cmd_gui, "open the explorer window (the default when no command is given)")
    p.add_argument("checkpoint", nargs="?")
    p.add_argument("--screenshot", metavar="OUT.png", help="render, save a picture of the window and exit")
    p.add_argument("--tab", choices=["explore", "train", "demo1d"], default="explore")
    p.add_argument("--language", choices=["en", "ko"], default=None, help="UI language (default: system)")
    p.add_argument("--presentation", action="store_true",
                   help="start in presentation mode (large text for projectors, as F5); not remembered")
