"""Words drawn into pictures (Pillow, no Qt): labelled mixing grids, colour bars, captions.

Exported pictures go onto slides without the app around them, so the seed numbers, the
swapped layers and the scale of a heat map are drawn into the pixels. Small models are
enlarged by whole factors (nearest neighbour) first so the text has room and the pixels
stay crisp. All text comes in from the caller (already translated).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ganexplorer.core.render.images import upscale_nearest

BACKGROUND = (255, 255, 255)
INK = (20, 20, 20)

# Perceptually uniform dark-to-bright ramp (sampled from viridis, van der Walt & Smith 2015).
_RAMP = np.array([(68, 1, 84), (71, 44, 122), (59, 81, 139), (44, 113, 142), (33, 144, 141),
                  (39, 173, 129), (92, 200, 99), (170, 220, 50), (253, 231, 37)], dtype=np.float64)

_FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",      # Debian/Ubuntu: Latin + Hangul
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
    "C:/Windows/Fonts/malgun.ttf",                                  # Windows: Malgun Gothic
    "/System/Library/Fonts/AppleSDGothicNeo.ttc",                    # macOS
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "C:/Windows/Fonts/arial.ttf",
    "/System/Library/Fonts/Helvetica.ttc",
)


@lru_cache(maxsize=16)
def font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    """A scalable font of ``size`` px: a system font that has Hangul where there is one, else Pillow's own."""
    for path in _FONT_CANDIDATES:
        if Path(path).is_file():
            try:
                return ImageFont.truetype(path, size)
            except OSError:
                continue
    return ImageFont.load_default(size)


def text_box(text: str, fnt) -> tuple[int, int]:
    """Width and height in pixels that ``text`` takes in ``fnt``."""
    left, top, right, bottom = fnt.getbbox(text)
    return int(right - left), int(bottom - min(top, 0))


def colour_map(values: np.ndarray) -> np.ndarray:
    """Values in [0, 1] -> uint8 RGB through the viridis ramp (dark = 0, yellow = 1)."""
    v = np.clip(np.asarray(values, dtype=np.float64), 0.0, 1.0) * (len(_RAMP) - 1)
    lo = np.floor(v).astype(int).clip(0, len(_RAMP) - 2)
    t = (v - lo)[..., None]
    rgb = _RAMP[lo] * (1 - t) + _RAMP[lo + 1] * t
    return np.round(rgb).astype(np.uint8)


def nice_ticks(vmax: float, most: int = 6) -> list[float]:
    """0 and round steps (1, 2, 2.5, 5 × 10^k) up to ``vmax``: at most ``most`` intervals."""
    if vmax <= 0:
        return [0.0]
    raw = vmax / max(1, most)
    k = 10 ** np.floor(np.log10(raw))
    step = next(m * k for m in (1, 2, 2.5, 5, 10) if m * k >= raw)
    n = int(np.floor(vmax / step + 1e-9))
    return [float(round(i * step, 10)) for i in range(n + 1)]


def _fmt(v: float) -> str:
    return f"{v:g}" if abs(v - round(v)) < 1e-9 else f"{v:.1f}" if v >= 1 else f"{v:.2g}"


def _wrap(text: str, fnt, width: int) -> list[str]:
    """Greedy word wrap to ``width`` pixels (keeps explicit line breaks)."""
    lines: list[str] = []
    for para in text.split("\n"):
        cur = ""
        for word in para.split(" "):
            trial = f"{cur} {word}".strip()
            if cur and text_box(trial, fnt)[0] > width:
                lines.append(cur)
                cur = word
            else:
                cur = trial
        lines.append(cur)
    return lines


def add_caption(image: np.ndarray, text: str, font_px: int | None = None, pad: int | None = None) -> np.ndarray:
    """The picture with ``text`` wrapped in a white strip underneath."""
    if not text:
        return image
    w = image.shape[1]
    font_px = font_px or max(12, min(64, w // 32))
    pad = pad if pad is not None else font_px // 2
    fnt = font(font_px)
    lines = _wrap(text, fnt, w - 2 * pad)
    line_h = int(font_px * 1.3)
    strip = Image.new("RGB", (w, pad * 2 + line_h * len(lines)), BACKGROUND)
    d = ImageDraw.Draw(strip)
    for k, line in enumerate(lines):
        d.text((pad, pad + k * line_h), line, fill=INK, font=fnt)
    return np.concatenate([image, np.asarray(strip)], axis=0)


def labelled_mixing_grid(picture: np.ndarray, rows: list[int], cols: list[int], caption: str,
                         seed_word: str = "seed", min_side: int = 512) -> np.ndarray:
    """The style-mixing figure with seed numbers over the columns and beside the rows, and a caption.

    ``picture`` is :func:`ganexplorer.core.render.views.mixing_grid`'s tiling: a blank corner,
    the column seeds along the top, the row seeds down the left, the mixes inside.
    """
    n_r, n_c = len(rows) + 1, len(cols) + 1
    if picture.shape[0] % n_r or picture.shape[1] % n_c or picture.shape[0] // n_r != picture.shape[1] // n_c:
        raise ValueError("the grid does not match the number of row and column seeds")
    tile = picture.shape[0] // n_r
    per_tile = max(min_side // max(n_r, n_c), 96)
    big = upscale_nearest(picture, per_tile * min(n_r, n_c)) if tile < per_tile else picture
    tile = big.shape[0] // n_r
    font_px = max(12, min(72, tile // 5))
    fnt = font(font_px)
    labels_c = [f"{seed_word} {s}" for s in cols]
    labels_r = [f"{seed_word} {s}" for s in rows]
    top = int(font_px * 1.8)
    left = max(text_box(t, fnt)[0] for t in labels_r) + font_px
    canvas = Image.new("RGB", (big.shape[1] + left, big.shape[0] + top), BACKGROUND)
    canvas.paste(Image.fromarray(big), (left, top))
    d = ImageDraw.Draw(canvas)
    for k, t in enumerate(labels_c):
        tw, th = text_box(t, fnt)
        d.text((left + (k + 1) * tile + (tile - tw) // 2, (top - th) // 2), t, fill=INK, font=fnt)
    for k, t in enumerate(labels_r):
        tw, th = text_box(t, fnt)
        d.text(((left - tw) // 2, top + (k + 1) * tile + (tile - th) // 2), t, fill=INK, font=fnt)
    return add_caption(np.asarray(canvas), caption, font_px)


def variation_figure(levels: np.ndarray, title: str, min_side: int = 512) -> np.ndarray:
    """A heat map of per-pixel standard deviation in pixel levels (0–255) with a labelled colour bar.

    Colours run from 0 to the largest value in ``levels``; the bar's ticks say what that is,
    so two maps can be compared by their scales even though each uses the whole ramp.
    """
    levels = np.asarray(levels, dtype=np.float64)
    vmax = float(levels.max()) if levels.size else 0.0
    heat = colour_map(levels / vmax if vmax > 0 else np.zeros_like(levels))
    heat = upscale_nearest(heat, min_side)
    h, w = heat.shape[:2]
    font_px = max(12, min(64, h // 22))
    fnt = font(font_px)
    ticks = nice_ticks(vmax)
    labels = [_fmt(t) for t in ticks] + [_fmt(vmax)]
    bar_w, gap = max(16, h // 20), font_px
    label_w = max(text_box(t, fnt)[0] for t in labels) + font_px // 2
    margin = font_px  # room for the half-height of the top and bottom tick labels
    width = w + gap + bar_w + 6 + label_w + gap
    canvas = Image.new("RGB", (width, h + 2 * margin), BACKGROUND)
    canvas.paste(Image.fromarray(heat), (0, margin))
    ramp = colour_map(np.linspace(1, 0, h))[:, None, :].repeat(bar_w, axis=1)
    x0 = w + gap
    canvas.paste(Image.fromarray(np.ascontiguousarray(ramp)), (x0, margin))
    d = ImageDraw.Draw(canvas)
    d.rectangle([x0 - 1, margin - 1, x0 + bar_w, margin + h], outline=INK)

    def tick(value: float, text: str) -> None:
        y = margin + (h - 1) * (1 - value / vmax) if vmax > 0 else margin + h - 1
        d.line([x0 + bar_w, y, x0 + bar_w + 5, y], fill=INK)
        _, th = text_box(text, fnt)
        d.text((x0 + bar_w + 8, y - th / 2 - 1), text, fill=INK, font=fnt)

    for t, text in zip(ticks, labels):
        if vmax <= 0 or t == 0 or (vmax - t) / vmax > 0.08:   # keep clear of the max label
            tick(t, text)
    if vmax > 0:
        tick(vmax, labels[-1])
    return add_caption(np.asarray(canvas), title, font_px)
