"""`lab2d`: train a 2-D GAN on a target headless, print mode coverage as it learns, save its samples."""

from __future__ import annotations

import argparse
import json
import sys

from ganexplorer.cli.common import AddCommand
from ganexplorer.cli.errors import UsageError
from ganexplorer.cli.i18n import say, t


def _target(spec: str):
    from ganexplorer.core.lab2d.points import PointsFileError, read_points
    from ganexplorer.core.lab2d.targets import BUILTIN, builtin, from_points
    from ganexplorer.core.messages import message

    if spec in BUILTIN:
        return builtin(spec)
    try:
        return from_points(read_points(spec), name=spec)
    except PointsFileError as e:
        raise UsageError(str(e)) from None        # a core sentence naming the file: cli.errors says it
    except ValueError as e:                       # the file read, but its points make no target
        raise UsageError(message("file.frame", path=spec, problem=str(e))) from None


def cmd_lab2d(args: argparse.Namespace) -> int:
    from ganexplorer.core.lab2d.config import check, preset
    from ganexplorer.core.lab2d.lab import CoverageEvent, Diverged, Finished, Lab2D
    from ganexplorer.core.lab2d.points import PointsFileError, write_points

    target = _target(args.target)
    changes = {k: v for k, v in (("steps", args.steps), ("seed", args.seed)) if v is not None}
    try:
        config = preset(args.preset, **changes)
        check(config)
    except ValueError as e:
        raise UsageError(str(e)) from None
    lab = Lab2D(target, config)
    every = args.every or max(1, config.steps // 20)
    history: list[dict] = []
    result: dict = {"target": target.name, "preset": args.preset, "steps": config.steps, "seed": config.seed}
    for ev in lab.run(every=every, step_events=False):
        if isinstance(ev, CoverageEvent):
            row = {"step": ev.step, "d_loss": lab.last_d_loss, "g_loss": lab.last_g_loss, "seconds": ev.seconds}
            if ev.coverage is not None:
                row.update(modes=ev.coverage.modes, modes_total=ev.coverage.total, hq_share=ev.coverage.hq_share)
            history.append(row)
            if not args.json and not args.quiet:
                cov = f"{say(ev.coverage.line())}, " if ev.coverage is not None else ""
                print(t("step {step}: {coverage}D loss {d:.4g}, G loss {g:.4g} ({seconds:.1f} s)", step=ev.step,
                        coverage=cov, d=lab.last_d_loss, g=lab.last_g_loss, seconds=ev.seconds), flush=True)
        elif isinstance(ev, Diverged):
            result.update(diverged=ev.step, reason=ev.reason)
            print(say(ev.line()), file=sys.stderr)
        elif isinstance(ev, Finished):
            result.update(seconds=ev.seconds, steps_done=ev.step)
            if ev.coverage is not None:
                result.update(modes=ev.coverage.modes, modes_total=ev.coverage.total, hq_share=ev.coverage.hq_share)
            if not args.json and not args.quiet:
                cov = f": {say(ev.coverage.line())}" if ev.coverage is not None else ""
                print(t("Done: {steps} steps in {seconds:.1f} s{coverage}", steps=ev.step, seconds=ev.seconds,
                        coverage=cov))
    result["history"] = history
    if args.samples_out and lab.diverged is None:
        try:
            write_points(args.samples_out, lab.generate())
        except OSError as e:
            print(t("ganexplorer: cannot write {path}: {detail}", path=args.samples_out, detail=e.strerror or e),
                  file=sys.stderr)
            return 1
        except PointsFileError as e:
            print(f"ganexplorer: {say(str(e))}", file=sys.stderr)
            return 1
    if args.json:
        print(json.dumps(result))
    return 3 if lab.diverged is not None else 0   # 3: the run stopped early (cli.errors)


def add_commands(add: AddCommand) -> None:
    """Register lab2d."""
    from ganexplorer.core.lab2d.config import PRESET_NAMES

    p = add("lab2d", cmd_lab2d, "the 2-D GAN lab headless: train on a target, print mode coverage")
    p.add_argument("--target", default="ring8",
                   help="ring8, grid25, moons, spiral, line, or a points file (.npy or x,y text)")
    p.add_argument("--preset", default="fixed", choices=PRESET_NAMES, help="the settings to train with")
    p.add_argument("--steps", type=int, default=None, help="G updates (default: the preset's)")
    p.add_argument("--seed", type=int, default=None, help="starting weights and random numbers (default 0)")
    p.add_argument("--every", type=int, default=None, help="steps between progress lines (default: 20 lines)")
    p.add_argument("--samples-out", metavar="PTS.npy", default=None,
                   help="write 2,500 generated points [2500, 2] after the last step (.npy, or .csv/.txt)")
    p.add_argument("--json", action="store_true", help="print one JSON object (coverage history) at the end")
