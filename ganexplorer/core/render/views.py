"""Derived pictures built from many renders: stochastic variation, mixing grids, feature maps."""

from __future__ import annotations

import numpy as np
import torch

from ganexplorer.core.render.images import grid, to_uint8
from ganexplorer.core.render.renderer import Renderer
from ganexplorer.core.render.request import RenderRequest


@torch.inference_mode()
def stochastic_variation(renderer: Renderer, req: RenderRequest, draws: int = 16) -> np.ndarray:
    """Per-pixel standard deviation over ``draws`` random-noise renders (StyleGAN paper, Fig. 4).

    Returned as a uint8 heat-map image normalised to its own maximum: bright = what noise changes.
    """
    ws = renderer.ws_for(req)
    imgs = []
    for k in range(draws):
        r = req.with_(noise_mode="random", noise_seed=req.noise_seed + k)
        imgs.append(renderer.synthesize(ws, r)[0].float())
    std = torch.stack(imgs).std(dim=0).mean(dim=0)  # [H, W], averaged over colour channels
    std = std / std.max().clamp_min(1e-8)
    v = (std * 255).round().to(torch.uint8).numpy()
    return np.ascontiguousarray(np.stack([v, v, v], axis=-1))


@torch.inference_mode()
def mixing_grid(renderer: Renderer, rows: list[int], cols: list[int], styles: list[int],
                base: RenderRequest) -> tuple[np.ndarray, dict]:
    """The StyleGAN style-mixing figure: row seeds take ``styles`` (layer indices) from column seeds.

    Returns the grid picture (blank corner, column seeds on top, row seeds on the left) and a
    dict of every tile keyed by seed or (row, col).
    """
    if not renderer.model.is_style_based:
        raise ValueError("style mixing needs a style-based generator (StyleGAN2)")
    num_ws = renderer.model.num_ws
    if any(not 0 <= s < num_ws for s in styles):
        raise ValueError(f"style indices must be in 0..{num_ws - 1}")
    ws = {s: renderer.ws_for(base.with_(seed=s, mix_seed=None)) for s in sorted(set(rows + cols))}
    tiles: dict = {s: to_uint8(renderer.synthesize(ws[s], base)) for s in ws}
    for r in rows:
        for c in cols:
            w = ws[r].clone()
            w[:, styles] = ws[c][:, styles]
            tiles[(r, c)] = to_uint8(renderer.synthesize(w, base))
    blank = np.zeros_like(tiles[rows[0]])
    seq = [blank] + [tiles[c] for c in cols]
    for r in rows:
        seq += [tiles[r]] + [tiles[(r, c)] for c in cols]
    return grid(seq, cols=len(cols) + 1), tiles
