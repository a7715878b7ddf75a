"""`ganexplorer ...`: the headless command line, built on ganexplorer.core only.

Flags mirror NVIDIA's generate.py / style_mixing.py so StyleGAN users feel at home.
Exit codes: 0 success, 2 bad input (one sentence on stderr, never a traceback), 1 a bug (one line on
stderr, the traceback in the log file: Help > Show log folder in the window, or ganexplorer.applog.log_dir()).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

import numpy as np


class UsageError(Exception):
    """Bad input from the user: printed as one sentence, exit code 2."""


def _progress(iterable, total: int, desc: str, quiet: bool):
    from tqdm import tqdm

    return tqdm(iterable, total=total, desc=desc, unit="img", disable=quiet or total < 2, file=sys.stderr,
                leave=False)


def _load(path: str, nz: int | None = None):
    from ganexplorer.core.formats import load_checkpoint

    return load_checkpoint(path, nz=nz)


def _int_list(text: str, what: str) -> list[int]:
    from ganexplorer.core.render.latents import parse_int_list

    try:
        return parse_int_list(text)
    except ValueError as e:
        raise UsageError(f"{what}: {e}") from None


def _renderer(model, device: str | None = None):
    """A renderer on the chosen device (auto: CUDA, then MPS, then CPU); fused GPU ops are built first."""
    from ganexplorer.core.device import pick_device
    from ganexplorer.core.ops import fused
    from ganexplorer.core.render import Renderer

    dev = pick_device(device)
    model.to(dev)
    if dev.type == "cuda":
        fused.prepare(dev)
    return Renderer(model)


def _check_label(model, label: int | None) -> None:
    if model.c_dim and label is None:
        raise UsageError(f"this model is conditional: pass --class with a label in 0..{model.c_dim - 1}")
    if not model.c_dim and label is not None:
        raise UsageError("--class was given, but this model is not conditional")
    if label is not None and not 0 <= label < model.c_dim:
        raise UsageError(f"--class must be in 0..{model.c_dim - 1}")


# -- subcommands -------------------------------------------------------------------------------

def _cuda_available() -> bool:
    import torch

    return torch.cuda.is_available()


def _reference_cpu() -> bool:
    from ganexplorer.core.ops.fastpath import reference_path_enabled

    return reference_path_enabled()


def cmd_info(args: argparse.Namespace) -> int:
    if args.ops:
        from ganexplorer.core.device import describe_devices
        from ganexplorer.core.ops import fused

        if _cuda_available():
            fused.prepare("cuda")  # build (or fail to build) now, so the answer is the real one
        print(f"{'device:':<15} {describe_devices()}")
        for op, (impl, why) in fused.status().items():
            print(f"{op + ':':<15} {impl} \u2014 {why}")
        print(f"{'CPU synthesis:':<15} "
              f"{'fast path (channels-last, Winograd)' if not _reference_cpu() else 'reference'}")
        if args.checkpoint is None:
            return 0
    if args.checkpoint is None:
        raise UsageError("name a checkpoint, or use --ops")
    model = _load(args.checkpoint, args.nz)
    facts = model.describe()
    if args.json:
        print(json.dumps(facts, indent=2))
        return 0
    labels = {"file": "File", "format": "Format", "network": "Network used", "family": "Family",
              "resolution": "Resolution", "channels": "Channels", "z_dim": "z dim", "w_dim": "w dim",
              "num_ws": "num_ws", "labels": "Labels", "G_parameters": "G parameters", "D_parameters": "D parameters",
              "layout": "Layout", "defaults": "Defaults"}
    for key, label in labels.items():
        v = facts.get(key)
        if v is None and key in ("layout", "defaults"):
            continue   # only NVIDIA pickles say which code wrote them
        if v is None:
            v = "-"
        elif isinstance(v, int) and key.endswith("parameters"):
            v = f"{v:,}"
        print(f"{label + ':':<15} {v}")
    for note in facts["notes"]:
        print(f"{'Note:':<15} {note}")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from ganexplorer.core.render import RenderRequest
    from ganexplorer.core.render.images import save_png

    seeds = _int_list(args.seeds, "--seeds")
    model = _load(args.network, args.nz)
    _check_label(model, args.class_idx)
    r = _renderer(model, args.device)
    outdir = Path(args.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    for seed in _progress(seeds, len(seeds), "generate", args.quiet):
        req = RenderRequest(seed=seed, psi=args.trunc, cutoff=args.trunc_cutoff, noise_mode=args.noise_mode,
                            label=args.class_idx)
        res = r.render(req)
        save_png(res.rgb, outdir / f"seed{seed:04d}.png")
        if args.save_raw:
            np.save(outdir / f"seed{seed:04d}.npy", res.image[0].numpy().astype(np.float32))
    if not args.quiet:
        print(f"wrote {len(seeds)} image(s) to {outdir}")
    return 0


def cmd_mix(args: argparse.Namespace) -> int:
    from ganexplorer.core.render import RenderRequest
    from ganexplorer.core.render.images import save_png
    from ganexplorer.core.render.views import mixing_grid

    rows = _int_list(args.rows, "--rows")
    cols = _int_list(args.cols, "--cols")
    styles = _int_list(args.styles, "--styles")
    model = _load(args.network, args.nz)
    if not model.is_style_based:
        raise UsageError("style mixing needs a style-based generator (StyleGAN2)")
    _check_label(model, args.class_idx)
    if any(not 0 <= s < model.num_ws for s in styles):
        raise UsageError(f"--styles must be layer indices in 0..{model.num_ws - 1}")
    outdir = Path(args.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    base = RenderRequest(psi=args.trunc, noise_mode=args.noise_mode, label=args.class_idx)
    picture, tiles = mixing_grid(_renderer(model, args.device), rows, cols, styles, base)
    cells = [(a, b) for a in rows for b in cols]
    for row, col in _progress(cells, len(cells), "save", args.quiet):
        save_png(tiles[(row, col)], outdir / f"{row}-{col}.png")
    save_png(picture, outdir / "grid.png")
    if not args.quiet:
        print(f"wrote {outdir / 'grid.png'} and {len(cells)} cell image(s)")
    return 0


def cmd_walk(args: argparse.Namespace) -> int:
    from ganexplorer.core.render import RenderRequest
    from ganexplorer.core.render.walk import export_walk, walk_requests

    seeds = _int_list(args.seeds, "--seeds")
    if len(seeds) < 2:
        raise UsageError("--seeds needs at least two keyframe seeds")
    if args.frames < 2:
        raise UsageError("--frames must be at least 2")
    out = Path(args.out)
    if out.suffix.lower() not in (".gif", ".mp4"):
        raise UsageError("--out must end in .gif or .mp4")
    model = _load(args.network, args.nz)
    _check_label(model, args.class_idx)
    base = RenderRequest(psi=args.trunc, noise_mode=args.noise_mode, label=args.class_idx)
    requests = walk_requests(base, seeds, args.frames, args.space, model.z_dim)
    bar = _progress(range(len(requests)), len(requests), "walk", args.quiet)
    export_walk(_renderer(model, args.device), requests, out, args.fps, progress=lambda k, n: bar.update(1))
    bar.close()
    if not args.quiet:
        print(f"wrote {out} ({len(requests)} frames)")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from ganexplorer.core.formats.loaded import count_parameters
    from ganexplorer.core.models.registry import PRESETS, build_preset
    from ganexplorer.core.summary import example_inputs_d, example_inputs_g, format_table, layer_table

    if args.target in PRESETS:
        G, D = build_preset(args.target)
        title = args.target
    else:
        if not Path(args.target).exists():
            raise UsageError(f"'{args.target}' is neither an architecture ({', '.join(PRESETS)}) nor an existing file")
        model = _load(args.target, args.nz)
        G, D, title = model.G, model.D, f"{Path(args.target).name} ({model.network})"
    print(format_table(f"Generator: {title}", layer_table(G, *example_inputs_g(G)), count_parameters(G, True)))
    print()
    if D is not None:
        print(format_table(f"Discriminator: {title}", layer_table(D, *example_inputs_d(D, G)),
                           count_parameters(D, True)))
    else:
        print("Discriminator: not in this file")
    return 0


def cmd_convert(args: argparse.Namespace) -> int:
    from ganexplorer.core.formats import save_native

    model = _load(args.input, args.nz)
    out = Path(args.output)
    if out.resolve() == Path(args.input).resolve():
        raise UsageError("the output file must differ from the input file")
    meta = {"converted_from": Path(args.input).name, "source_format": model.format, "source_network": model.network}
    save_native(out, model.family, model.G, D=model.D, metadata={**model.metadata, **meta})
    if not args.quiet:
        print(f"wrote {out} ({model.family}, from {model.format} {model.network})")
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from ganexplorer.core.render.images import save_png
    from ganexplorer.core.train.events import (CheckpointEvent, LogEvent, MixingEvent, ReadyEvent, SamplesEvent,
                                               SetupEvent, StepEvent, StoppedEvent)
    from ganexplorer.core.train.config import TrainConfig
    from ganexplorer.core.train.session import training_session

    if sum(x is not None for x in (args.epochs, args.minutes, args.steps)) > 1:
        raise UsageError("give at most one of --epochs, --minutes, --steps")
    out = Path(args.out)
    from ganexplorer.core.models.registry import PRESETS
    from ganexplorer.core.train.settings import settings_of

    chosen = {name: getattr(args, name) for name, s in settings_of(TrainConfig).items() if s.flag}
    if chosen["augment"] == "none":
        chosen["augment"] = ""
    conditional = args.model in PRESETS and PRESETS[args.model].conditional
    cfg = TrainConfig.for_model(args.model, data=args.data, conditional=conditional, **chosen)
    cfg.validate()
    if args.resume and not (out / "last.safetensors").exists():
        raise UsageError(f"--resume: {out / 'last.safetensors'} does not exist")
    epochs = args.epochs if args.epochs is not None or args.minutes is not None or args.steps is not None else 1
    limit = args.steps
    session = training_session(cfg, run_dir=out, resume_from=out / "last.safetensors" if args.resume else None,
                               max_steps=limit, epochs=epochs, minutes=args.minutes)
    bar = None
    rc = 0
    try:
        for ev in session:
            if isinstance(ev, SetupEvent):
                if not args.quiet:
                    print(ev.text, file=sys.stderr, flush=True)
            elif isinstance(ev, ReadyEvent):
                tr = ev.trainer
                total = limit if limit is not None else (int(epochs * tr.batches_per_epoch / cfg.d_steps)
                                                         if epochs else None)
                bar = tqdm(total=total, initial=ev.step, unit="step", file=sys.stderr, disable=args.quiet,
                           leave=False)
            elif isinstance(ev, StepEvent):
                bar.update(1)
                bar.set_postfix(D=f"{ev.d_loss:.2f}", G=f"{ev.g_loss:.2f}", refresh=False)
            elif isinstance(ev, LogEvent) and not args.quiet:
                bar.write(ev.text, file=sys.stdout)
            elif isinstance(ev, SamplesEvent):
                save_png(ev.grid, out / "samples" / f"step{ev.step:07d}.png")
            elif isinstance(ev, MixingEvent):
                save_png(ev.grid, out / "samples" / f"mixing{ev.step:07d}.png")
            elif isinstance(ev, CheckpointEvent) and not args.quiet:
                bar.write(f"checkpoint: {ev.path} (step {ev.step})", file=sys.stdout)
            elif isinstance(ev, StoppedEvent) and ev.reason == "error":
                raise UsageError(ev.message)   # the session could not start: bad data, settings or checkpoint
            elif isinstance(ev, StoppedEvent) and ev.reason != "finished":
                if bar is not None:
                    bar.close()
                print(f"ganexplorer: {ev.message}", file=sys.stderr)
                rc = 3
    finally:
        session.close()   # interrupted (Ctrl+C, a full disk): the trainer saves what it has trained
        if bar is not None:
            bar.close()
    return rc


def cmd_quality(args: argparse.Namespace) -> int:
    from ganexplorer.core.data import DatasetError, open_dataset
    from ganexplorer.core.formats.native import update_metadata
    from ganexplorer.core.metrics.digit_classifier import BUNDLED, load_classifier
    from ganexplorer.core.metrics.quality import evaluate

    model = _load(args.checkpoint, None)
    if model.channels != 1 and not args.force:
        raise UsageError(f"{args.checkpoint} makes {model.channels}-channel images; the digit classifier scores "
                         "digit generators (use --force to score anyway)")
    try:
        data = open_dataset(args.data)
    except DatasetError as e:
        raise UsageError(str(e)) from None
    if not BUNDLED.exists():
        raise UsageError(f"the digit classifier {BUNDLED} is missing from this installation")
    report = evaluate(model.G, load_classifier()[0], data, seed=args.seed)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(report.summary())
    if args.store:
        if model.format != "native":
            raise UsageError("--store writes into ganexplorer's own checkpoints only; convert the file first")
        update_metadata(model.path, quality={**report.as_dict(), "data": args.data, "seed": args.seed})
        if not args.quiet:
            print(f"stored in {model.path}")
    return 0


def cmd_download(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from ganexplorer.core.data import DatasetError
    from ganexplorer.core.data.download import download

    bar = tqdm(unit="B", unit_scale=True, file=sys.stderr, disable=args.quiet, leave=False)

    def progress(done: int, total: int | None) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        spec = download(args.name, base_url=args.base_url, progress=progress)
    except DatasetError as e:
        raise UsageError(str(e)) from None
    finally:
        bar.close()
    print(spec)
    return 0


def cmd_demo1d(args: argparse.Namespace) -> int:
    from ganexplorer.core.train.demo1d import Demo1D, Demo1DConfig

    cfg = Demo1DConfig(preprocess=args.input, epochs=args.epochs, seed=args.seed, mu=args.mu, sigma=args.sigma,
                       print_every=args.print_every)
    for line in Demo1D(cfg).run_log():
        print(line, flush=True)
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        from ganexplorer.gui.app import run_gui
    except ImportError as e:
        raise UsageError(f"the window needs the gui extra (pip install 'ganexplorer[gui]'): {e}") from None
    if args.checkpoint is not None and not Path(args.checkpoint).exists():
        raise UsageError(f"'{args.checkpoint}' does not exist")
    return run_gui(args.checkpoint, screenshot=args.screenshot, tab=args.tab, language=args.language)


# -- parser ------------------------------------------------------------------------------------

def _common_render(p: argparse.ArgumentParser) -> None:
    p.add_argument("--trunc", type=float, default=1.0, help="truncation psi (default 1)")
    p.add_argument("--noise-mode", choices=["const", "random", "none"], default="const")
    p.add_argument("--class", dest="class_idx", type=int, default=None, help="class label for conditional models")
    p.add_argument("--device", choices=["auto", "cpu", "cuda", "mps"], default=None,
                   help="where to render (default auto: CUDA, then MPS, then CPU; or GANEXPLORER_DEVICE)")


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


def build_parser() -> argparse.ArgumentParser:
    from ganexplorer import __version__

    parser = argparse.ArgumentParser(prog="ganexplorer", description="See and teach GANs.")
    parser.add_argument("--version", action="version", version=f"ganexplorer {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation: render each bundled model, run ten training steps, exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, fn: Callable[[argparse.Namespace], int], help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(func=fn)
        p.add_argument("--nz", type=int, default=None, help="latent size of a DCGAN file when it cannot be inferred")
        p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary line")
        return p

    p = add("info", cmd_info, "describe a checkpoint: format, family, resolution, dimensions, parameters")
    p.add_argument("checkpoint", nargs="?")
    p.add_argument("--ops", action="store_true", help="which implementation each op uses (fused GPU or reference), "
                                                     "and why")
    p.add_argument("--json", action="store_true", help="machine-readable output")

    p = add("generate", cmd_generate, "render images for a list of seeds")
    p.add_argument("--network", required=True, help="checkpoint file")
    p.add_argument("--seeds", required=True, help="e.g. 0-3,7")
    p.add_argument("--trunc-cutoff", type=int, default=None, help="truncate only the first N ws")
    p.add_argument("--outdir", required=True)
    p.add_argument("--save-raw", action="store_true", help="also write float32 .npy raw outputs")
    _common_render(p)

    p = add("mix", cmd_mix, "style-mixing grid: row seeds take the listed styles from column seeds")
    p.add_argument("--network", required=True)
    p.add_argument("--rows", required=True, help="row seeds, e.g. 85,100")
    p.add_argument("--cols", required=True, help="column seeds, e.g. 55,821")
    p.add_argument("--styles", default="0-6", help="layer indices taken from the column seed (default 0-6)")
    p.add_argument("--outdir", required=True)
    _common_render(p)

    p = add("walk", cmd_walk, "latent walk through keyframe seeds, looping back to the first")
    p.add_argument("--network", required=True)
    p.add_argument("--seeds", required=True, help="keyframe seeds, e.g. 0,1,2")
    p.add_argument("--frames", type=int, default=60)
    p.add_argument("--space", choices=["z", "w"], default="z", help="slerp in z or lerp in w")
    p.add_argument("--fps", type=int, default=24)
    p.add_argument("--out", required=True, help="walk.gif or walk.mp4")
    _common_render(p)

    p = add("summary", cmd_summary, "layer table (type, output shape, parameters) of G and D")
    p.add_argument("target", help="architecture name or checkpoint file")

    p = add("convert", cmd_convert, "convert any supported checkpoint to ganexplorer's safetensors format")
    p.add_argument("input")
    p.add_argument("output")

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
    p.add_argument("--resume", action="store_true", help="continue from OUT/last.safetensors")
    _add_train_settings(p)

    p = add("quality", cmd_quality, "score a digit generator with the digit classifier: confident share, "
                                    "class coverage, Fréchet distance in the classifier's feature space")
    p.add_argument("checkpoint")
    p.add_argument("--data", default="builtin:digits", help="real digits to compare with")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", action="store_true")
    p.add_argument("--store", action="store_true", help="also save the figures in the checkpoint's metadata")
    p.add_argument("--force", action="store_true", help="score a colour generator (as grey) anyway")

    p = add("download", cmd_download, "fetch MNIST, Fashion-MNIST or a Quick Draw category into the cache "
                                      "(needs internet); prints the --data spec to train on it")
    p.add_argument("name", help="mnist | fashion-mnist | quickdraw:CATEGORY")
    p.add_argument("--base-url", default=None, help="another mirror")

    p = add("demo1d", cmd_demo1d, "the 1-D 'GAN in 50 lines' experiment: learn N(mu, sigma)")
    p.add_argument("--input", choices=["raw", "moments2", "moments4", "diffs"], default="moments4",
                   help="what D sees of a minibatch")
    p.add_argument("--epochs", type=int, default=2000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--mu", type=float, default=4.0)
    p.add_argument("--sigma", type=float, default=1.25)
    p.add_argument("--print-every", type=int, default=500)

    p = add("gui", cmd_gui, "open the explorer window (the default when no command is given)")
    p.add_argument("checkpoint", nargs="?")
    p.add_argument("--screenshot", metavar="OUT.png", help="render, save a picture of the window and exit")
    p.add_argument("--tab", choices=["explore", "train", "demo1d"], default="explore")
    p.add_argument("--language", choices=["en", "ko"], default=None, help="UI language (default: system)")
    return parser


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return set(sub.choices)


def _self_test() -> int:
    from ganexplorer.core.selftest import run_self_test

    try:
        print(run_self_test())
    except Exception as e:  # noqa: BLE001 - any failure is the answer; say it in one line
        print(f"ganexplorer: self-test failed: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
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
    from ganexplorer.core.formats import CheckpointError

    with applog.session():   # the log file, and every thread's uncaught exceptions logged (the GUI's nests)
        try:
            return args.func(args)
        except (UsageError, CheckpointError) as e:
            print(f"ganexplorer: error: {e}", file=sys.stderr)
            return 2
        except ValueError as e:  # impossible settings caught by core
            print(f"ganexplorer: error: {e}", file=sys.stderr)
            return 2
        except BrokenPipeError:  # e.g. `ganexplorer summary ... | head`
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        except KeyboardInterrupt:
            print("ganexplorer: interrupted", file=sys.stderr)
            return 130
        except OSError as e:
            print(f"ganexplorer: error: {e.strerror or e} ({e.filename})" if e.filename else f"ganexplorer: error: {e}",
                  file=sys.stderr)
            return 2
        except Exception as e:  # noqa: BLE001 - a bug: one line on stderr (via the log), the traceback in the log
            applog.report_uncaught(e, e.__traceback__, "MainThread")
            return 1


if __name__ == "__main__":
    raise SystemExit(main())
