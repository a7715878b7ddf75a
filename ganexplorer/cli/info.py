"""`info`, `summary`, `convert`: what a checkpoint holds, its layer table, and conversion to safetensors."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ganexplorer.cli.common import AddCommand, load
from ganexplorer.cli.errors import UsageError
from ganexplorer.cli.i18n import pad, say, t

_LABELS = {"file": "File", "format": "Format", "network": "Network used", "family": "Family",
           "resolution": "Resolution", "channels": "Channels", "z_dim": "z dim", "w_dim": "w dim",
           "num_ws": "num_ws", "labels": "Labels", "G_parameters": "G parameters", "D_parameters": "D parameters",
           "layout": "Layout", "defaults": "Defaults"}


def _row(label: str, value: object) -> str:
    """``label:`` padded to 15 terminal columns (a Korean letter takes two), then the value."""
    return f"{pad(label + ':', 15)} {value}"


def _cuda_available() -> bool:
    import torch

    return torch.cuda.is_available()


def _reference_cpu() -> bool:
    from ganexplorer.core.ops.fastpath import reference_path_enabled

    return reference_path_enabled()


def _print_ops() -> None:
    from ganexplorer.core.device import describe_devices
    from ganexplorer.core.ops import fused

    if _cuda_available():
        fused.prepare("cuda")  # build (or fail to build) now, so the answer is the real one
    print(_row(t("device"), "; ".join(say(part) for part in describe_devices().split("; "))))
    for op, (impl, why) in fused.status().items():
        print(_row(op, f"{t(impl)} \u2014 {say(why)}"))
    print(_row(t("CPU synthesis"), t("fast path (channels-last, Winograd)") if not _reference_cpu() else t("reference")))


def cmd_info(args: argparse.Namespace) -> int:
    if args.ops:
        _print_ops()
        if args.checkpoint is None:
            return 0
    if args.checkpoint is None:
        raise UsageError(t("name a checkpoint, or use --ops"))
    facts = load(args.checkpoint, args.nz).describe()
    if args.json:
        print(json.dumps(facts, indent=2))
        return 0
    for key, label in _LABELS.items():
        v = facts.get(key)
        if v is None and key in ("layout", "defaults"):
            continue   # only NVIDIA pickles say which code wrote them
        if v is None:
            v = "-"
        elif isinstance(v, int) and key.endswith("parameters"):
            v = f"{v:,}"
        elif key in ("layout", "defaults"):   # core's sentences, several for G and D
            v = "; ".join(say(part) for part in str(v).split("; "))
        print(_row(t(label), v))
    for note in facts["notes"]:
        print(_row(t("Note"), say(note)))
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
            raise UsageError(t("'{target}' is neither an architecture ({names}) nor an existing file",
                               target=args.target, names=", ".join(PRESETS)))
        model = load(args.target, args.nz)
        G, D, title = model.G, model.D, f"{Path(args.target).name} ({model.network})"
    print(format_table(t("Generator: {title}", title=title), layer_table(G, *example_inputs_g(G)),
                       count_parameters(G, True), say=say))
    print()
    if D is not None:
        print(format_table(t("Discriminator: {title}", title=title), layer_table(D, *example_inputs_d(D, G)),
                           count_parameters(D, True), say=say))
    else:
        print(t("Discriminator: not in this file"))
    return 0


def cmd_convert(args: argparse.Namespace) -> int:
    from ganexplorer.core.formats import save_native

    model = load(args.input, args.nz)
    out = Path(args.output)
    if out.resolve() == Path(args.input).resolve():
        raise UsageError(t("the output file must differ from the input file"))
    meta = {"converted_from": Path(args.input).name, "source_format": model.format, "source_network": model.network}
    save_native(out, model.family, model.G, D=model.D, metadata={**model.metadata, **meta})
    if not args.quiet:
        print(t("wrote {out} ({family}, from {format} {network})", out=out, family=model.family,
                format=model.format, network=model.network))
    return 0


def add_commands(add: AddCommand) -> None:
    """Register info, summary and convert."""
    p = add("info", cmd_info, "describe a checkpoint: format, family, resolution, dimensions, parameters")
    p.add_argument("checkpoint", nargs="?")
    p.add_argument("--ops", action="store_true", help="which implementation each op uses (fused GPU or reference), "
                                                     "and why")
    p.add_argument("--json", action="store_true", help="machine-readable output")

    p = add("summary", cmd_summary, "layer table (type, output shape, parameters) of G and D")
    p.add_argument("target", help="architecture name or checkpoint file")

    p = add("convert", cmd_convert, "convert any supported checkpoint to ganexplorer's safetensors format")
    p.add_argument("input")
    p.add_argument("output")
