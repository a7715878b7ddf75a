"""What several commands share: loading a checkpoint, a renderer on a device, seed lists, progress bars,
the options every command has, and the rendering options."""

from __future__ import annotations

import argparse
import math
import sys
from typing import Any, Callable, Iterable, Protocol

from ganexplorer.cli.errors import UsageError
from ganexplorer.cli.i18n import say, t

Command = Callable[[argparse.Namespace], int]


class AddCommand(Protocol):
    """Registers one subcommand (with ``--nz`` and ``-q``) and returns its parser for the command's own options."""

    def __call__(self, name: str, fn: Command, help: str) -> argparse.ArgumentParser: ...


def progress(iterable: Iterable[Any], total: int, desc: str, quiet: bool) -> Any:
    """A tqdm bar on stderr, hidden when quiet or for a single item."""
    from tqdm import tqdm

    return tqdm(iterable, total=total, desc=desc, unit=t("img"), disable=quiet or total < 2, file=sys.stderr,
                leave=False)


def load(path: str, nz: int | None = None) -> Any:
    """Open any supported checkpoint (the isolated, bounded reader); errors are ``CheckpointError``."""
    from ganexplorer.core.formats import load_checkpoint

    return load_checkpoint(path, nz=nz)


def int_list(text: str, what: str) -> list[int]:
    """Parse '0-3,7' for option ``what``; a bad list is a ``UsageError`` naming the option."""
    from ganexplorer.core.render.latents import parse_int_list

    try:
        return parse_int_list(text)
    except ValueError as e:
        raise UsageError(f"{what}: {say(str(e))}") from None


def renderer(model: Any, device: str | None = None) -> Any:
    """A renderer on the chosen device (auto: CUDA, then MPS, then CPU); fused GPU ops are built first."""
    from ganexplorer.core.device import pick_device
    from ganexplorer.core.ops import fused
    from ganexplorer.core.render import Renderer

    dev = pick_device(device)
    model.to(dev)
    if dev.type == "cuda":
        fused.prepare(dev)
    return Renderer(model)


def check_label(model: Any, label: int | None) -> None:
    """A conditional model needs ``--class`` in range; an unconditional one refuses it."""
    if model.c_dim and label is None:
        raise UsageError(t("this model is conditional: pass --class with a label in 0..{most}", most=model.c_dim - 1))
    if not model.c_dim and label is not None:
        raise UsageError(t("--class was given, but this model is not conditional"))
    if label is not None and not 0 <= label < model.c_dim:
        raise UsageError(t("--class must be in 0..{most}", most=model.c_dim - 1))


def check_render_options(args: argparse.Namespace) -> None:
    """Refuse what ``add_render_options`` parses but cannot mean anything (a truncation of nan or inf)."""
    if not math.isfinite(args.trunc):
        raise UsageError(t("--trunc must be a finite number, not {value}", value=args.trunc))


def add_render_options(p: argparse.ArgumentParser) -> None:
    """Truncation, noise, class and device: the options of every command that renders."""
    p.add_argument("--trunc", type=float, default=1.0, help="truncation psi (default 1)")
    p.add_argument("--noise-mode", choices=["const", "random", "none"], default="const")
    p.add_argument("--class", dest="class_idx", type=int, default=None, help="class label for conditional models")
    p.add_argument("--device", choices=["auto", "cpu", "cuda", "mps"], default=None,
                   help="where to render (default auto: CUDA, then MPS, then CPU; or GANEXPLORER_DEVICE)")
