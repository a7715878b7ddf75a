"""The comparison figure: a strip of pictures along each direction (−3σ … +3σ), labelled, for slides.

Rows are directions (their names on the left), columns the σ steps (on top); the cosines between
the directions go underneath as a caption. All text comes in from the caller, already translated.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
from PIL import Image, ImageDraw

from ganexplorer.core.render.annotate import BACKGROUND, INK, add_caption, font, text_box


def sigma_label(s: float) -> str:
    """'−3σ', '0', '+1.5σ' (a real minus sign)."""
    if s == 0:
        return "0"
    text = f"{abs(s):g}σ"
    return ("+" if s > 0 else "\u2212") + text


def comparison_figure(strips: Sequence[Sequence[np.ndarray]], names: Sequence[str], sigmas: Sequence[float],
                      caption: str = "", min_tile: int = 128) -> np.ndarray:
    """One row per direction: ``strips[i][j]`` is direction i moved by ``sigmas[j]`` (uint8 HxWx3, one size)."""
    if not strips or len(strips) != len(names) or any(len(row) != len(sigmas) for row in strips):
        raise ValueError("one strip per direction name, one picture per sigma")
    rows = [np.concatenate(list(row), axis=1) for row in strips]
    picture = np.concatenate(rows, axis=0)
    picture = _scaled_to_tile(picture, len(rows), min_tile)
    tile = picture.shape[0] // len(rows)
    font_px = max(12, min(48, tile // 6))
    fnt = font(font_px)
    top = int(font_px * 1.8)
    left = max(text_box(n, fnt)[0] for n in names) + font_px
    canvas = Image.new("RGB", (picture.shape[1] + left, picture.shape[0] + top), BACKGROUND)
    canvas.paste(Image.fromarray(picture), (left, top))
    d = ImageDraw.Draw(canvas)
    width = picture.shape[1] // len(sigmas)
    for k, s in enumerate(sigmas):
        t = sigma_label(s)
        tw, th = text_box(t, fnt)
        d.text((left + k * width + (width - tw) // 2, (top - th) // 2), t, fill=INK, font=fnt)
    for k, n in enumerate(names):
        tw, th = text_box(n, fnt)
        d.text(((left - tw) // 2, top + k * tile + (tile - th) // 2), n, fill=INK, font=fnt)
    return add_caption(np.asarray(canvas), caption, font_px)


def _scaled_to_tile(picture: np.ndarray, n_rows: int, min_tile: int) -> np.ndarray:
    """Nearest-neighbour enlargement by a whole factor so each tile is at least ``min_tile`` px."""
    tile = picture.shape[0] // n_rows
    factor = max(1, -(-min_tile // tile))
    return picture.repeat(factor, axis=0).repeat(factor, axis=1) if factor > 1 else picture
