"""The README's directions figure: a "brighter background" direction from labels beside the PCA and SeFa
directions that look most like it, on the bundled stylegan2-shapes model.

The labels are made the way a user would make them, but by a rule instead of by eye: a picture "has it" when
the mean of its border pixels (its background) is in the brightest third of 240 seeds, "hasn't" in the
darkest third (the middle third is left unlabelled, as a person would skip unclear ones).
Prints the held-out accuracy and the cosines it shows.

Usage: python docs/make_directions_figure.py [checkpoints/stylegan2-shapes.safetensors] [--out docs/figures]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np


def background(rgb: np.ndarray) -> float:
    border = np.concatenate([rgb[:4].reshape(-1, 3), rgb[-4:].reshape(-1, 3), rgb[:, :4].reshape(-1, 3),
                             rgb[:, -4:].reshape(-1, 3)])
    return float(border.mean())


def main() -> None:
    from ganexplorer.core.formats import load_checkpoint
    from ganexplorer.core.render import Renderer, RenderRequest
    from ganexplorer.core.render import direction_sets as ds
    from ganexplorer.core.render.direction_figure import comparison_figure
    from ganexplorer.core.render.directions_file import DirectionSet
    from ganexplorer.core.render.images import save_png

    ap = argparse.ArgumentParser()
    ap.add_argument("network", nargs="?", default="checkpoints/stylegan2-shapes.safetensors")
    ap.add_argument("--out", default="docs/figures")
    ap.add_argument("--seed", type=int, default=7, help="the picture the strips move")
    args = ap.parse_args()
    model = load_checkpoint(args.network)
    r = Renderer(model)
    seeds = list(range(240))
    bright = np.array([background(r.render(RenderRequest(seed=s)).rgb) for s in seeds])
    lo, hi = np.quantile(bright, [1 / 3, 2 / 3])
    chosen = [(s, int(b > hi)) for s, b in zip(seeds, bright) if b > hi or b < lo]
    samples = ds.sigma_samples(model)
    lab = ds.labels_set(model, [s for s, _ in chosen], [y for _, y in chosen], samples=samples)
    pca = ds.pca_set(model, 10, samples=samples)
    sefa = ds.sefa_set(model, 10, samples=samples)
    v = lab.vectors[0]
    rows = [("labels: brighter background", lab, 0, 1.0)]
    for name, dset in (("PCA", pca), ("SeFa", sefa)):
        cos = dset.vectors @ v
        k = int(np.abs(cos).argmax())
        rows.append((f"{name} {k} (cos {cos[k]:+.2f})", dset, k, float(np.sign(cos[k]))))
    req = RenderRequest(seed=args.seed)
    strips, names = [], []
    for name, dset, k, sign in rows:
        flipped = DirectionSet(dset.vectors[k:k + 1] * sign, dset.sigmas[k:k + 1], dset.method, dset.layers)
        strips.append(ds.strip(r, req, flipped, 0))
        names.append(name if sign > 0 else name + " (\u2212)")
    acc = float(lab.scores[0])
    caption = (f"stylegan2-shapes, seed {args.seed}: each row moves w along one direction by -3σ … +3σ. "
               f"Labels: {len(chosen)} pictures by background brightness, held-out accuracy {acc:.0%}. "
               "PCA and SeFa rows: the component most like the labelled direction (sign matched).")
    fig = comparison_figure(strips, names, ds.STRIP_SIGMAS, caption, min_tile=128)
    out = Path(args.out) / "directions_compare.png"
    save_png(fig, out)
    print(f"held-out accuracy {acc:.3f} from {len(chosen)} labels; rows: {names}; wrote {out}")


if __name__ == "__main__":
    main()
