"""Draw the README's figures of a bundled StyleGAN2: one mixing grid per band and the variation map.

Run from the repository root (a few seconds on a CPU):

    python docs/make_figures.py checkpoints/stylegan2-shapes.safetensors --out docs/figures

Each figure is drawn by the same core functions the app's exports use (``core.render.views`` and
``core.render.annotate``), so the README shows exactly what a teacher gets from Ctrl+S.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image

from ganexplorer.core.formats import load_checkpoint
from ganexplorer.core.render import RenderRequest, Renderer
from ganexplorer.core.render import bands
from ganexplorer.core.render.images import grid, upscale_nearest
from ganexplorer.core.render.annotate import labelled_mixing_grid, variation_figure
from ganexplorer.core.render.views import mixing_grid, variation_levels


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("checkpoint")
    ap.add_argument("--out", default="docs/figures")
    ap.add_argument("--rows", default="1,2,3")
    ap.add_argument("--cols", default="10,11,12,13")
    ap.add_argument("--variation-seed", type=int, default=2)
    ap.add_argument("--draws", type=int, default=32)
    ap.add_argument("--min-side", type=int, default=512)
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    model = load_checkpoint(args.checkpoint)
    renderer = Renderer(model)
    rows = [int(s) for s in args.rows.split(",")]
    cols = [int(s) for s in args.cols.split(",")]
    stem = Path(args.checkpoint).stem
    base = RenderRequest()
    for span in bands.band_spans(model.num_ws, model.resolution):
        styles = list(range(span.first, span.last + 1))
        caption = (f"Each picture: its row's seed with layers {bands.layers(span.first, span.last)} "
                   f"({span.name}, {bands.squares(span.lo, span.hi)}) taken from its column's seed")
        picture = labelled_mixing_grid(mixing_grid(renderer, rows, cols, styles, base)[0], rows, cols, caption,
                                       min_side=args.min_side)
        path = out / f"{stem}-mixing-{span.name}.png"
        Image.fromarray(picture).save(path)
        print(path)
    req = base.with_(seed=args.variation_seed)
    levels = variation_levels(renderer, req, args.draws)
    title = (f"Per-pixel standard deviation over {args.draws} noise draws, in pixel levels (0\u2013255): "
             f"seed {args.variation_seed}")
    path = out / f"{stem}-variation.png"
    Image.fromarray(variation_figure(levels, title, min_side=args.min_side)).save(path)
    print(path, f"(largest {levels.max():.1f} levels)")
    # the pictures themselves, for the README's first look
    tiles = [renderer.render(base.with_(seed=s)).rgb for s in range(16)]
    path = out / f"{stem}-seeds-0-15.png"
    Image.fromarray(upscale_nearest(grid(tiles, cols=8, pad=2, fill=255), 512)).save(path)
    print(path)


if __name__ == "__main__":
    main()
