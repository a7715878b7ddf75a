"""Coarse / middle / fine: the StyleGAN paper's words for groups of w layers, worked out per model.

The paper (Karras et al. 2019, section 3.1) groups the per-layer styles by the resolution
they act on: 4²–8² are *coarse* (pose, shape), 16²–32² *middle* (smaller features), 64²
and up *fine* (colour scheme, micro-structure). A style-based generator has two ws per
resolution, so w index ``i`` acts on ``4 · 2^(i // 2)`` (NVIDIA's ``style_mixing.py``
numbering: at 1024² ws 0–3 are coarse, 4–7 middle, 8–17 fine). A small model simply
lacks the bands it is too small for, and the app says so.
"""

from __future__ import annotations

from dataclasses import dataclass

#: (name, lowest resolution, highest resolution or None for "and up")
BANDS: tuple[tuple[str, int, int | None], ...] = (("coarse", 4, 8), ("middle", 16, 32), ("fine", 64, None))


def band_of(res: int) -> str:
    """'coarse', 'middle' or 'fine' for a feature-map resolution."""
    if res <= 8:
        return "coarse"
    if res <= 32:
        return "middle"
    return "fine"


def ws_resolutions(num_ws: int, img_resolution: int | None = None) -> list[int]:
    """The resolution each w index acts on (two per resolution; capped at the image size)."""
    out = [4 * 2 ** (i // 2) for i in range(num_ws)]
    if img_resolution:
        out = [min(r, img_resolution) for r in out]
    return out


@dataclass(frozen=True)
class BandSpan:
    """The w indices ``first..last`` (inclusive) of one band, acting on ``lo``²–``hi``²."""

    name: str
    first: int
    last: int
    lo: int
    hi: int


def band_spans(num_ws: int, img_resolution: int | None = None) -> list[BandSpan]:
    """The bands this model has, in order, each with its w indices and resolutions."""
    res = ws_resolutions(num_ws, img_resolution)
    spans: list[BandSpan] = []
    for i, r in enumerate(res):
        name = band_of(r)
        if spans and spans[-1].name == name:
            s = spans[-1]
            spans[-1] = BandSpan(name, s.first, i, s.lo, r)
        else:
            spans.append(BandSpan(name, i, i, r, r))
    return spans


def missing_bands(num_ws: int, img_resolution: int | None = None) -> list[str]:
    """Bands this model is too small to have (e.g. ['fine'] for a 32² model)."""
    have = {s.name for s in band_spans(num_ws, img_resolution)}
    return [name for name, _, _ in BANDS if name not in have]


def range_bands(start: int, end: int, num_ws: int, img_resolution: int | None = None) -> BandSpan | None:
    """The w layers [start, end) described as one span: name is 'coarse', 'coarse+middle', …; None if empty."""
    end = min(end, num_ws)
    if end <= start or start < 0:
        return None
    res = ws_resolutions(num_ws, img_resolution)[start:end]
    names: list[str] = []
    for r in res:
        if band_of(r) not in names:
            names.append(band_of(r))
    return BandSpan("+".join(names), start, end - 1, res[0], res[-1])


def squares(lo: int, hi: int) -> str:
    """'4²–8²' or '16²' for a resolution span."""
    return f"{lo}\u00b2" if lo == hi else f"{lo}\u00b2\u2013{hi}\u00b2"


def layers(first: int, last: int) -> str:
    """'0–3' or '5' for an inclusive span of w indices."""
    return str(first) if first == last else f"{first}\u2013{last}"


def legend(num_ws: int, img_resolution: int) -> str:
    """English one-liner, e.g. 'layers 0–3 coarse (4²–8²) · 4–7 middle (16²–32²) · this 32² model has no fine band'.

    The GUI builds the same sentence from :func:`band_spans` through its translator; this
    form is for the CLI, the README and exported captions.
    """
    parts = [f"{layers(s.first, s.last)} {s.name} ({squares(s.lo, s.hi)})" for s in band_spans(num_ws, img_resolution)]
    text = "layers " + " \u00b7 ".join(parts)
    missing = missing_bands(num_ws, img_resolution)
    if missing:
        text += f" \u00b7 this {img_resolution}\u00b2 model has no {' or '.join(missing)} band"
    return text
