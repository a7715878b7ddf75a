"""Derived pictures built from many renders: stochastic variation, mixing grids, feature maps."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import torch

from ganexplorer.core.device import to_numpy
from ganexplorer.core.messages import message
from ganexplorer.core.render.images import grid, to_uint8
from ganexplorer.core.render.renderer import Renderer, ablated
from ganexplorer.core.render.request import RenderRequest


@torch.inference_mode()
def variation_levels(renderer: Renderer, req: RenderRequest, draws: int = 16) -> np.ndarray:
    """Per-pixel standard deviation over ``draws`` random-noise renders (StyleGAN paper, Fig. 4).

    In pixel levels of the shown picture (0–255 scale, after clamping), averaged over colour
    channels: float32 [H, W]. Needs a generator with noise inputs.
    """
    if not renderer.model.is_style_based:
        raise ValueError(message("render.variation"))
    ws = renderer.ws_for(req)
    imgs = []
    for k in range(draws):
        r = req.with_(noise_mode="random", noise_seed=req.noise_seed + k)
        imgs.append((renderer.synthesize(ws, r)[0].float() * 127.5 + 128).clamp(0, 255))
    return to_numpy(torch.stack(imgs).std(dim=0).mean(dim=0), torch.float32)


@torch.inference_mode()
def stochastic_variation(renderer: Renderer, req: RenderRequest, draws: int = 16) -> np.ndarray:
    """:func:`variation_levels` as a grey uint8 picture normalised to its own maximum (scale lost)."""
    std = torch.from_numpy(variation_levels(renderer, req, draws))   # on the host from here on
    std = std / std.max().clamp_min(1e-8)
    v = (std * 255).round().to(torch.uint8).numpy()
    return np.ascontiguousarray(np.stack([v, v, v], axis=-1))


@torch.inference_mode()
def mixing_grid(renderer: Renderer, rows: list[int], cols: list[int], styles: list[int],
                base: RenderRequest, progress: Callable[[int, int], None] | None = None) -> tuple[np.ndarray, dict]:
    """The StyleGAN style-mixing figure: row seeds take ``styles`` (layer indices) from column seeds.

    Returns the grid picture (blank corner, column seeds on top, row seeds on the left) and a
    dict of every tile keyed by seed or (row, col). ``progress(done, total)`` is called after each
    picture (it may raise to stop: a big grid takes seconds).
    """
    if not renderer.model.is_style_based:
        raise ValueError(message("render.mixing"))
    num_ws = renderer.model.num_ws
    if any(not 0 <= s < num_ws for s in styles):
        raise ValueError(message("render.style_indices", most=num_ws - 1))
    ws = {s: renderer.ws_for(base.with_(seed=s, mix_seed=None)) for s in sorted(set(rows + cols))}
    total, done = len(ws) + len(rows) * len(cols), 0

    def one(w: torch.Tensor) -> np.ndarray:
        nonlocal done
        tile = to_uint8(renderer.synthesize(w, base))
        done += 1
        if progress is not None:
            progress(done, total)
        return tile
    tiles: dict = {s: one(ws[s]) for s in ws}
    for r in rows:
        for c in cols:
            w = ws[r].clone()
            w[:, styles] = ws[c][:, styles]
            tiles[(r, c)] = one(w)
    blank = np.zeros_like(tiles[rows[0]])
    seq = [blank] + [tiles[c] for c in cols]
    for r in rows:
        seq += [tiles[r]] + [tiles[(r, c)] for c in cols]
    return grid(seq, cols=len(cols) + 1), tiles


def feature_layers(model) -> list[str]:
    """Names of the layers whose feature maps the layer view can show, in forward order."""
    from ganexplorer.core.models.stylegan2 import SynthesisLayer

    G = model.G
    if model.is_style_based:
        return [n for n, m in G.named_modules() if isinstance(m, SynthesisLayer)]
    kinds = (torch.nn.Conv2d, torch.nn.ConvTranspose2d, torch.nn.BatchNorm2d, torch.nn.ReLU, torch.nn.LeakyReLU)
    return [n for n, m in G.named_modules() if isinstance(m, kinds)]


@torch.inference_mode()
def feature_maps(renderer: Renderer, req: RenderRequest, layer: str, first: int = 0, count: int = 16,
                 normalise: bool = True) -> tuple[np.ndarray, int]:
    """Tile ``count`` channels of ``layer``'s output for ``req`` into a grey grid; returns (picture, channels).

    The capture hook is registered inside the ablation context, so it runs after the hooks
    that switch channels off and sees what the next layer sees. Switched-off channels are
    drawn black in both display modes (a zero would otherwise be mid-grey without
    normalisation).
    """
    modules = dict(renderer.G.named_modules())
    if layer not in modules:
        raise ValueError(message("render.no_layer", name=layer))
    captured: dict[str, torch.Tensor] = {}
    ws = renderer.ws_for(req)
    with ablated(renderer.G, req.ablations):
        h = modules[layer].register_forward_hook(lambda m, a, out: captured.setdefault("x", out.detach()))
        try:
            renderer.synthesize(ws, req.with_(ablations=()))
        finally:
            h.remove()
    x = captured["x"][0].float()  # [C, H, W]
    total = x.shape[0]
    chans = x[first:first + count]
    if normalise:
        lo = chans.flatten(1).min(dim=1).values[:, None, None]
        hi = chans.flatten(1).max(dim=1).values[:, None, None]
        chans = (chans - lo) / (hi - lo).clamp_min(1e-8)
    else:
        chans = (chans / chans.abs().max().clamp_min(1e-8) + 1) / 2
    off = {c for name, cs in req.ablations if name == layer for c in cs}
    for k in range(chans.shape[0]):
        if first + k in off:
            chans[k] = 0
    grey = to_numpy((chans.clamp(0, 1) * 255).round().to(torch.uint8))   # [k, H, W], one copy to the host
    tiles = [np.ascontiguousarray(np.stack([t, t, t], axis=-1)) for t in grey]
    cols = int(np.ceil(np.sqrt(max(1, len(tiles)))))
    return grid(tiles, cols=cols, pad=1, fill=40), total


@torch.inference_mode()
def arithmetic_strip(renderer: Renderer, req: RenderRequest, seeds: tuple[int, int, int],
                     min_tile: int = 96) -> np.ndarray:
    """A − B + C = result as one picture: the three seeds' pictures (with ``req``'s other settings), the
    operators between them, and ``req``'s picture; each tile enlarged by a whole factor to ``min_tile`` px
    so the signs can be read. A tile k sits at x = 2·k·side (operators in the odd slots)."""
    from PIL import Image, ImageDraw

    from ganexplorer.core.render.annotate import BACKGROUND, INK, font, text_box

    pictures = [renderer.render(req.with_(seed=s, w_blend=(), z=None, w=None)).rgb for s in seeds]
    pictures.append(renderer.render(req).rgb)
    side = pictures[0].shape[0]
    f = max(1, -(-min_tile // side))
    big = [np.repeat(np.repeat(p, f, axis=0), f, axis=1) for p in pictures]
    t = side * f
    fnt = font(max(12, t // 2))
    glyphs = []
    for sign in ("\u2212", "+", "="):
        im = Image.new("RGB", (t, t), BACKGROUND)
        w, h = text_box(sign, fnt)
        ImageDraw.Draw(im).text(((t - w) // 2, (t - h) // 2), sign, fill=INK, font=fnt)
        glyphs.append(np.asarray(im))
    seq = [big[0], glyphs[0], big[1], glyphs[1], big[2], glyphs[2], big[3]]
    return np.concatenate(seq, axis=1)
