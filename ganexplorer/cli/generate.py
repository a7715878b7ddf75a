"""`generate`, `mix`, `walk`: pictures from a checkpoint (seeds, a style-mixing grid, a latent walk).

Flags mirror NVIDIA's generate.py / style_mixing.py so StyleGAN users feel at home.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Callable

import numpy as np

from ganexplorer.cli.common import (AddCommand, add_render_options, check_label, check_render_options, int_list, load,
                                   progress, renderer)
from ganexplorer.cli.directions import add_direction_options, with_direction
from ganexplorer.cli.errors import UsageError
from ganexplorer.cli.i18n import t


def cmd_generate(args: argparse.Namespace) -> int:
    import torch

    from ganexplorer.core.device import to_numpy
    from ganexplorer.core.render import RenderRequest
    from ganexplorer.core.render.images import save_png

    if args.projected_w is not None:   # NVIDIA generate.py's flag: render a projector's file instead of seeds
        from ganexplorer.cli.project import generate_projected
        return generate_projected(args)
    if args.seeds is None:
        raise UsageError(t("give --seeds or --projected-w"))
    seeds = int_list(args.seeds, "--seeds")
    check_render_options(args)
    model = load(args.network, args.nz)
    check_label(model, args.class_idx)
    edits = with_direction(args, model, RenderRequest()).w_edits   # --direction FILE:K --sigma S
    r = renderer(model, args.device)
    outdir = Path(args.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    for seed in progress(seeds, len(seeds), t("generate"), args.quiet):
        req = RenderRequest(seed=seed, psi=args.trunc, cutoff=args.trunc_cutoff, noise_mode=args.noise_mode,
                            label=args.class_idx)
        req = req.with_(w_edits=edits)
        res = r.render(req)
        save_png(res.rgb, outdir / f"seed{seed:04d}.png")
        if args.save_raw:
            np.save(outdir / f"seed{seed:04d}.npy", to_numpy(res.image[0], torch.float32))
    if not args.quiet:
        print(t("wrote {count} image(s) to {outdir}", count=len(seeds), outdir=outdir))
    return 0


def cmd_mix(args: argparse.Namespace) -> int:
    from ganexplorer.core.render import RenderRequest
    from ganexplorer.core.render.annotate import labelled_mixing_grid
    from ganexplorer.core.render.images import save_png
    from ganexplorer.core.render.views import mixing_grid

    rows = int_list(args.rows, "--rows")
    cols = int_list(args.cols, "--cols")
    styles = int_list(args.styles, "--styles")
    check_render_options(args)
    model = load(args.network, args.nz)
    if not model.is_style_based:
        from ganexplorer.core.messages import message

        raise UsageError(message("render.mixing"))
    check_label(model, args.class_idx)
    if any(not 0 <= s < model.num_ws for s in styles):
        raise UsageError(t("--styles must be layer indices in 0..{most}", most=model.num_ws - 1))
    check_size(args.size)
    outdir = Path(args.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    base = RenderRequest(psi=args.trunc, noise_mode=args.noise_mode, label=args.class_idx)
    base = with_direction(args, model, base)
    picture, tiles = mixing_grid(renderer(model, args.device), rows, cols, styles, base)
    cells = [(a, b) for a in rows for b in cols]
    for row, col in progress(cells, len(cells), t("save"), args.quiet):
        save_png(tiles[(row, col)], outdir / f"{row}-{col}.png")
    # As the window exports it: seed numbers over the columns and beside the rows, a caption, --size px.
    said = t if _font_has_hangul() else _english   # Korean on the picture only where its font can draw it
    save_png(labelled_mixing_grid(picture, rows, cols, mix_caption(model, styles, said), seed_word=said("seed"),
                                  min_side=args.size), outdir / "grid.png")
    if not args.quiet:
        print(t("wrote {grid} and {count} cell image(s)", grid=outdir / "grid.png", count=len(cells)))
    return 0


def cmd_walk(args: argparse.Namespace) -> int:
    from ganexplorer.core.render import RenderRequest
    from ganexplorer.core.render.walk import export_walk, walk_requests

    seeds = int_list(args.seeds, "--seeds")
    if len(seeds) < 2:
        raise UsageError(t("--seeds needs at least two keyframe seeds"))
    if args.frames < 2:
        raise UsageError(t("--frames must be at least 2"))
    if args.fps < 1:
        raise UsageError(t("--fps must be at least 1"))
    check_size(args.size)
    check_render_options(args)
    out = Path(args.out)
    if out.suffix.lower() not in (".gif", ".mp4"):
        raise UsageError(t("--out must end in .gif or .mp4"))
    model = load(args.network, args.nz)
    check_label(model, args.class_idx)
    base = RenderRequest(psi=args.trunc, noise_mode=args.noise_mode, label=args.class_idx)
    base = with_direction(args, model, base)
    requests = walk_requests(base, seeds, args.frames, args.space, model.z_dim)
    bar = progress(range(len(requests)), len(requests), t("walk"), args.quiet)
    export_walk(renderer(model, args.device), requests, out, args.fps, progress=lambda k, n: bar.update(1),
                min_side=args.size)
    bar.close()
    if not args.quiet:
        print(t("wrote {out} ({count} frames)", out=out, count=len(requests)))
    return 0


SIZE_RANGE = (16, 4096)   # the window's export sizes


def check_size(side: int) -> None:
    if not SIZE_RANGE[0] <= side <= SIZE_RANGE[1]:
        raise UsageError(t("--size must be {low}..{high} pixels", low=SIZE_RANGE[0], high=SIZE_RANGE[1]))


def _english(text: str, **fields: object) -> str:
    return text.format(**fields) if fields else text


def _font_has_hangul() -> bool:
    """Whether the pictures' font draws Hangul (a missing glyph draws as the same box as U+FFFF)."""
    from ganexplorer.core.render.annotate import font

    f = font(20)

    def drawn(text: str) -> tuple[tuple[int, int], bytes]:
        return f.getmask(text).size, bytes(f.getmask(text))
    return drawn("\uac00") != drawn("\uffff")


def mix_caption(model, styles: list[int], t: Callable[..., str] = t) -> str:
    """The window's grid caption: which layers (and bands) each picture takes from its column's seed."""
    from ganexplorer.core.render import bands

    first, last = min(styles), max(styles)
    span = bands.range_bands(first, last + 1, model.num_ws, model.resolution)
    if span is None or sorted(styles) != list(range(first, last + 1)):
        return t("Each picture: its row's seed with layers {layers} taken from its column's seed",
                 layers=",".join(map(str, styles)))
    band = " + ".join(t(name) for name in span.name.split("+"))
    return t("Each picture: its row's seed with layers {layers} ({band}, {squares}) taken from its column's seed",
             layers=bands.layers(span.first, span.last), band=band, squares=bands.squares(span.lo, span.hi))


def add_commands(add: AddCommand) -> None:
    """Register generate, mix and walk."""
    p = add("generate", cmd_generate, "render images for a list of seeds")
    p.add_argument("--network", required=True, help="checkpoint file")
    p.add_argument("--seeds", default=None, help="e.g. 0-3,7")
    p.add_argument("--projected-w", default=None, metavar="FILE",
                   help="render a projected_w.npz ([1, num_ws, w_dim], any tool's) or projected_z.npz instead of seeds")
    p.add_argument("--trunc-cutoff", type=int, default=None, help="truncate only the first N ws")
    p.add_argument("--outdir", required=True)
    p.add_argument("--save-raw", action="store_true", help="also write float32 .npy raw outputs")
    add_render_options(p)
    add_direction_options(p)

    p = add("mix", cmd_mix, "style-mixing grid: row seeds take the listed styles from column seeds")
    p.add_argument("--network", required=True)
    p.add_argument("--rows", required=True, help="row seeds, e.g. 85,100")
    p.add_argument("--cols", required=True, help="column seeds, e.g. 55,821")
    p.add_argument("--styles", default="0-6", help="layer indices taken from the column seed (default 0-6)")
    p.add_argument("--outdir", required=True)
    p.add_argument("--size", type=int, default=512,
                   help="grid.png is enlarged (whole factors) to at least this many pixels, labelled (default 512)")
    add_render_options(p)
    add_direction_options(p)

    p = add("walk", cmd_walk, "latent walk through keyframe seeds, looping back to the first")
    p.add_argument("--network", required=True)
    p.add_argument("--seeds", required=True, help="keyframe seeds, e.g. 0,1,2")
    p.add_argument("--frames", type=int, default=60)
    p.add_argument("--space", choices=["z", "w"], default="z", help="slerp in z or lerp in w")
    p.add_argument("--fps", type=int, default=24)
    p.add_argument("--out", required=True, help="walk.gif or walk.mp4")
    p.add_argument("--size", type=int, default=512,
                   help="frames are enlarged (whole factors) to at least this many pixels (default 512)")
    add_render_options(p)
    add_direction_options(p)
