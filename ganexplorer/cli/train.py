"""`train`: train a GAN from the command line; its options come from ``TrainConfig``'s fields."""

from __future__ import annotations

import argparse
import math
import signal
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ganexplorer.cli.common import AddCommand
from ganexplorer.cli.errors import UsageError
from ganexplorer.cli.i18n import say, t


def _config(args: argparse.Namespace):
    """The ``TrainConfig`` the options describe (family defaults fill what was not given), validated."""
    from ganexplorer.core.models.registry import PRESETS
    from ganexplorer.core.train.config import TrainConfig
    from ganexplorer.core.train.settings import settings_of

    chosen = {name: getattr(args, name) for name, s in settings_of(TrainConfig).items() if s.flag}
    if chosen["augment"] == "none":
        chosen["augment"] = ""
    conditional = args.model in PRESETS and PRESETS[args.model].conditional
    cfg = TrainConfig.for_model(args.model, data=args.data, conditional=conditional, **chosen)
    cfg.validate()
    return cfg


def cmd_train(args: argparse.Namespace) -> int:
    """Run a training session, printing its events; exit 3 when it stopped before the end it was given.

    Started by ``torchrun --nproc_per_node=N -m ganexplorer train ...``, each process joins the group
    (``core/train/distributed.py``) and trains its share of every batch; rank 0 alone prints, writes
    samples and checkpoints.
    """
    from ganexplorer.core.models.registry import PRESETS
    from ganexplorer.core.train.distributed import check_world, process_group, train_device, world_from_env

    if sum(x is not None for x in (args.epochs, args.minutes, args.steps)) > 1:
        raise UsageError(t("give at most one of --epochs, --minutes, --steps"))
    for flag, value in (("--epochs", args.epochs), ("--minutes", args.minutes), ("--steps", args.steps)):
        if value is not None and not (value > 0 and math.isfinite(value)):   # `not >` also refuses nan
            raise UsageError(t("{flag} must be a number more than 0, not {value}", flag=flag, value=value))
    out = Path(args.out)
    cfg = _config(args)
    if args.resume_or_start:
        args.resume = (out / "last.safetensors").exists()
    elif args.resume and not (out / "last.safetensors").exists():
        raise UsageError(t("--resume: {out} holds no checkpoint yet (the run stopped before its first save); "
                           "train it again, or give --resume-or-start", out=out))
    world = world_from_env()
    device = train_device(cfg.device, world)   # not here (--device cuda on a laptop): one sentence, exit 2
    check_world(world, cfg.batch_size, PRESETS[cfg.model].family)   # before joining: every process says it
    with process_group(world, device):
        return _run(args, cfg, out, world)


SIGNAL_NAMES = {signal.SIGINT: "Ctrl+C", signal.SIGTERM: "SIGTERM"}


@contextmanager
def _stop_on_signals(enabled: bool) -> Iterator[dict[str, int]]:
    """Ctrl+C and SIGTERM ask the loop to stop between steps (``stop['signal']``) instead of raising inside a
    step, which skipped the save; a second one raises at once. Single-process runs in the main thread only:
    the ranks of a torchrun group would stop at different steps and wait for each other for ever."""
    stop: dict[str, int] = {}
    if not enabled:
        yield stop
        return

    def ask(signum: int, frame: object) -> None:
        if stop:
            raise KeyboardInterrupt
        stop["signal"] = signum
    old = {sig: signal.signal(sig, ask) for sig in SIGNAL_NAMES}
    try:
        yield stop
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)


def _save_png(image, path: Path) -> None:
    """A sample picture written whole or not at all (a full disk leaves no truncated PNG)."""
    from PIL import Image

    from ganexplorer.core.io import WriteError, atomic_write
    from ganexplorer.core.messages import message

    try:
        atomic_write(path, lambda tmp: Image.fromarray(image).save(tmp, format="PNG"))
    except OSError as e:
        raise WriteError(path, e, message("io.training_stopped")) from None


def _stopped_sentence(signum: int, trainer, out: Path) -> str:
    """Where the interrupted run's work is: one sentence, in the user's language."""
    name = SIGNAL_NAMES.get(signum) or t("signal {number}", number=signum)
    if trainer is not None and trainer.last_checkpoint is not None:
        step, path = trainer.last_checkpoint
        return t("stopped by {name} at step {step}; saved {path} (go on with --resume)", name=name, step=step,
                 path=path)
    if (out / "last.safetensors").exists():
        return t("stopped by {name}; {path} holds the run (go on with --resume)", name=name,
                 path=out / "last.safetensors")
    return t("stopped by {name} before the first step; nothing to save", name=name)


def _run(args: argparse.Namespace, cfg, out: Path, world) -> int:
    """The session's events, printed (rank 0 only) and saved; Ctrl+C / SIGTERM stop between events and save.
    One loop, one branch per event type: long, but read top to bottom."""
    import threading

    single = world.size == 1 and threading.current_thread() is threading.main_thread()
    with _stop_on_signals(single) as stop:
        rc = _drive(args, cfg, out, world, stop)
    return rc


def _drive(args: argparse.Namespace, cfg, out: Path, world, stop: dict[str, int]) -> int:
    from tqdm import tqdm

    from ganexplorer.core.train.events import (CheckpointEvent, LogEvent, MixingEvent, ReadyEvent, SamplesEvent,
                                               SetupEvent, StepEvent, StoppedEvent)
    from ganexplorer.core.train.session import training_session

    quiet = args.quiet or not world.is_main
    epochs = args.epochs if args.epochs is not None or args.minutes is not None or args.steps is not None else 1
    limit = args.steps
    session = training_session(cfg, run_dir=out, resume_from=out / "last.safetensors" if args.resume else None,
                               max_steps=limit, epochs=epochs, minutes=args.minutes, world=world)
    bar = trainer = None
    rc = 0
    try:
        for ev in session:
            if stop:
                break
            if isinstance(ev, SetupEvent):
                if not quiet and ev.stage != "note":   # notes were logged as warnings by open_dataset
                    print(say(ev.text), file=sys.stderr, flush=True)
            elif isinstance(ev, ReadyEvent):
                tr = trainer = ev.trainer
                total = limit if limit is not None else (int(epochs * tr.batches_per_epoch / cfg.d_steps)
                                                         if epochs else None)
                bar = tqdm(total=total, initial=ev.step, unit=t("step"), file=sys.stderr, disable=quiet,
                           leave=False)
            elif isinstance(ev, StepEvent):
                bar.update(1)
                bar.set_postfix(D=f"{ev.d_loss:.2f}", G=f"{ev.g_loss:.2f}", refresh=False)
            elif isinstance(ev, LogEvent) and not quiet:
                bar.write(say(ev.text), file=sys.stdout)
            elif isinstance(ev, SamplesEvent):
                _save_png(ev.grid, out / "samples" / f"step{ev.step:07d}.png")
            elif isinstance(ev, MixingEvent):
                _save_png(ev.grid, out / "samples" / f"mixing{ev.step:07d}.png")
            elif isinstance(ev, CheckpointEvent) and not quiet:
                bar.write(t("checkpoint: {path} (step {step})", path=ev.path, step=ev.step), file=sys.stdout)
            elif isinstance(ev, StoppedEvent) and ev.reason == "error":
                raise UsageError(ev.message)   # the session could not start: bad data, settings or checkpoint
            elif isinstance(ev, StoppedEvent) and ev.reason != "finished":
                if bar is not None:
                    bar.close()
                if world.is_main:
                    print(f"ganexplorer: {say(ev.message)}", file=sys.stderr)
                rc = 3
    finally:
        if bar is not None:
            bar.close()
        session.close()   # stopped (Ctrl+C, SIGTERM, a full disk): the trainer saves what it has trained
    if stop:
        if world.is_main:
            print(f"ganexplorer: {_stopped_sentence(stop['signal'], trainer, out)}", file=sys.stderr)
        return 128 + stop["signal"]   # the shell's code for a signal: 130 Ctrl+C, 143 SIGTERM
    return rc


def _add_train_settings(p: argparse.ArgumentParser) -> None:
    """One option per CLI-exposed ``TrainConfig`` field, its help and default taken from the field.

    Options default to None so that ``TrainConfig.for_model`` fills in the family's (or the preset's)
    own value; the help shows the core default and the families that change it.
    """
    from ganexplorer.core.train.config import TRAINING_DEFAULTS, TrainConfig
    from ganexplorer.core.train.settings import settings_of

    types = {int: int, float: float, str: str}
    for name, s in settings_of(TrainConfig).items():
        if not s.flag:
            continue
        default, others = s.default, "".join(f"; {fam}: {over[name]}" for fam, over in TRAINING_DEFAULTS.items()
                                             if name in over)
        if s.families and all(name in TRAINING_DEFAULTS.get(f, {}) for f in s.families):
            default, others = TRAINING_DEFAULTS[s.families[0]][name], ""   # only those families use it
        default = "none" if default == "" else default
        only = f"{', '.join(s.families)} only: " if s.families else ""
        p.add_argument(s.flag, dest=name, type=types[type(s.default)], default=None, choices=s.choices or None,
                       help=f"{only}{s.help} (default {default}{others})")


def add_commands(add: AddCommand) -> None:
    """Register train."""
    from ganexplorer.core.train.config import TrainConfig   # no torch: only the settings

    p = add("train", cmd_train, "train a GAN; checkpoints and sample grids go to --out")
    p.add_argument("--model", default=TrainConfig.model, help="dcgan32-quick (digits in about a minute), mlp-gan, "
                                                      "mlp-gan-bn, dcgan32, dcgan32-cond, dcgan64, ...")
    p.add_argument("--data", default=TrainConfig.data, help="builtin:digits | mnist:PATH | quickdraw:PATH | "
                                                          "cifar10:DIR | folder:DIR")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--epochs", type=float, default=None, help="(default 1)")
    g.add_argument("--minutes", type=float, default=None)
    g.add_argument("--steps", type=int, default=None, help="stop at this many G steps in total")
    p.add_argument("--out", required=True, help="run folder: last.safetensors, samples/")
    r = p.add_mutually_exclusive_group()
    r.add_argument("--resume", action="store_true", help="continue from OUT/last.safetensors")
    r.add_argument("--resume-or-start", action="store_true",
                   help="continue from OUT/last.safetensors if it exists, else start a new run there")
    _add_train_settings(p)
