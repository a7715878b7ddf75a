"""`directions`: directions in w (PCA, SeFa or from labels) written to a small .npz others can open,
and the ``--direction FILE:K --sigma S`` option that `generate`, `mix` and `walk` share.

The file's keys are DESIGN.md's: ``directions`` [K, w_dim] unit rows, ``method``, ``layers``
[start, end), ``sigma`` (std of w along each row over 10,000 mapped z).
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import Any

from ganexplorer.cli.common import AddCommand, int_list, load
from ganexplorer.cli.errors import UsageError
from ganexplorer.cli.i18n import t

MAX_NUM = 512


def parse_layers(text: str | None, num_ws: int) -> tuple[int, int] | None:
    """'A-B' (w indices A..B, both included) -> [A, B+1); a gap or an index past the model's ws is refused."""
    if text is None:
        return None
    idx = int_list(text, "--layers")
    if idx != list(range(idx[0], idx[-1] + 1)) or not 0 <= idx[0] <= idx[-1] < num_ws:
        raise UsageError(t("--layers must be one range A-B of w indices in 0..{high}", high=num_ws - 1))
    return idx[0], idx[-1] + 1


def cmd_directions(args: argparse.Namespace) -> int:
    from ganexplorer.core.render import direction_sets as ds
    from ganexplorer.core.render.directions_file import load_directions, save_directions

    if not 1 <= args.num <= MAX_NUM:
        raise UsageError(t("--num must be in 1..{high}", high=MAX_NUM))
    if (args.method == "labels") != (args.labels is not None):
        raise UsageError(t("--labels FILE.csv goes with --method labels, and only with it"))
    out = Path(args.out)
    if out.suffix.lower() != ".npz":
        raise UsageError(t("--out must end in .npz"))
    seeds_labels = ds.read_labels_csv(args.labels) if args.labels else None   # bad labels: before loading a model
    model = load(args.network, args.nz)
    if not model.is_style_based:
        raise UsageError(t("directions in w need a style-based generator (StyleGAN2)"))
    layers = parse_layers(args.layers, model.G.num_ws)
    fixed = load_directions(args.fixed, model.w_dim, model.G.num_ws).vectors if args.fixed else None
    samples = ds.sigma_samples(model)
    if args.method == "pca":
        dset = ds.pca_set(model, args.num, layers, samples)
    elif args.method == "sefa":
        dset = ds.sefa_set(model, args.num, layers, samples)
    else:
        assert seeds_labels is not None
        dset = ds.labels_set(model, *seeds_labels, layers=layers, fixed=fixed, samples=samples)
    out.parent.mkdir(parents=True, exist_ok=True)
    save_directions(out, dset)
    if not args.quiet:
        a, b = dset.layers
        print(t("wrote {k} {method} direction(s) for w layers {a}-{b} to {out}", k=len(dset), method=dset.method,
                a=a, b=b - 1, out=out))
        if dset.method == "labels" and dset.scores is not None:
            print(t("held-out accuracy of the labels: {acc:.0%}", acc=float(dset.scores[0])))
    return 0


def add_direction_options(p: argparse.ArgumentParser) -> None:
    """``--direction FILE:K --sigma S`` for the commands that render."""
    p.add_argument("--direction", default=None, metavar="DIRS.npz:K",
                   help="move w along direction K of a directions file (from `ganexplorer directions`)")
    p.add_argument("--sigma", type=float, default=None, help="how far along --direction, in its sigmas")


def with_direction(args: argparse.Namespace, model: Any, req: Any) -> Any:
    """``req`` moved by ``--sigma`` x sigma along ``--direction`` on the file's layer range (as it is without one)."""
    from ganexplorer.core.render.direction_sets import moved
    from ganexplorer.core.render.directions_file import load_directions

    if args.direction is None:
        if args.sigma is not None:
            raise UsageError(t("--sigma goes with --direction DIRS.npz:K"))
        return req
    path, _, index = args.direction.rpartition(":")
    if not path or not index.isdigit():
        raise UsageError(t("--direction must be DIRS.npz:K, a directions file and a direction number"))
    sigma = 1.0 if args.sigma is None else args.sigma
    if not math.isfinite(sigma) or abs(sigma) > 100:
        raise UsageError(t("--sigma must be a finite number in -100..100"))
    if not model.is_style_based:
        raise UsageError(t("directions in w need a style-based generator (StyleGAN2)"))
    dset = load_directions(path, model.w_dim, model.G.num_ws)
    k = int(index)
    if k >= len(dset):
        raise UsageError(t("'{path}' holds directions 0..{high}, not {k}", path=path, high=len(dset) - 1, k=k))
    return moved(req, dset, k, sigma)


def add_commands(add: AddCommand) -> None:
    """Register directions."""
    p = add("directions", cmd_directions, "find directions in w (PCA, SeFa or from labels) and write them to an .npz")
    p.add_argument("--network", required=True, help="checkpoint file")
    p.add_argument("--method", choices=["pca", "sefa", "labels"], required=True,
                   help="pca: principal components of w; sefa: closed form from the weights; labels: from a CSV")
    p.add_argument("--num", type=int, default=8, help="how many directions (pca, sefa; default 8)")
    p.add_argument("--layers", default=None, metavar="A-B",
                   help="w indices the directions act on, both included (default all); sefa reads only their layers")
    p.add_argument("--labels", default=None, metavar="FILE.csv",
                   help="seed,label lines, label 0 or 1; the direction points from 0 towards 1")
    p.add_argument("--fixed", default=None, metavar="DIRS.npz",
                   help="labels: keep these directions fixed (projected out of the new one)")
    p.add_argument("--out", required=True, metavar="DIRS.npz", help="the directions file to write")
