"""What to render, as an immutable, hashable value (the GUI builds one per slider move).

The picture starts from one of: the seed's z (default), an explicit ``z``, a blend of seeds' ws
(``w_blend``), or an explicit ``w`` (a projected picture's latent: one row used on every layer, or
num_ws rows, w+). Mixing, truncation, w edits, noise and switch-offs then act on top of it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ganexplorer.core.models.stylegan2 import NOISE_MODES


def check_noise_mode(mode: object) -> None:
    """The one check of a noise mode for requests and explorer states (the model's own is in NoiseControl)."""
    if mode not in NOISE_MODES:
        raise ValueError(f"noise mode must be one of {', '.join(NOISE_MODES)}, not {mode!r:.40}")


@dataclass(frozen=True)
class WEdit:
    """Move w by ``amount`` along ``direction`` on the ws in [layer_start, layer_end) (end None = all)."""

    direction: tuple[float, ...]
    amount: float
    layer_start: int = 0
    layer_end: int | None = None


@dataclass(frozen=True)
class RenderRequest:
    """One picture's worth of settings. ``z`` (if given) replaces the seed's z.

    ``z_offsets`` are (dimension, delta) pairs added to z (the z sliders); ``w_edits`` move
    w along directions; truncation ``psi`` toward w_avg on the first ``cutoff`` ws; noise
    ``const`` / ``random`` (drawn from ``noise_seed``) / ``none`` scaled by
    ``noise_strength``; ws in [mix_start, mix_end) come from ``mix_seed``.

    ``w_blend`` = ((seed, weight), ...) replaces the seed's w by the weighted sum of those
    seeds' ws: a latent walk in w (two seeds), the seed grid (four, bilinear) and vector
    arithmetic A - B + C (weights 1, -1, 1) are all blends. ``ablations`` =
    ((module name, channels), ...) switches off those output channels of those layers.
    """

    seed: int = 0
    z: tuple[float, ...] | None = None
    z_offsets: tuple[tuple[int, float], ...] = ()
    w_edits: tuple[WEdit, ...] = ()
    psi: float = 1.0
    cutoff: int | None = None
    noise_mode: str = "const"
    noise_strength: float = 1.0
    noise_seed: int = 0
    force_fp32: bool = False    # run layers a checkpoint marks fp16 in float32 even on a GPU
    mix_seed: int | None = None
    mix_start: int = 0
    mix_end: int | None = None
    label: int | None = None
    w_blend: tuple[tuple[int, float], ...] = ()
    ablations: tuple[tuple[str, tuple[int, ...]], ...] = ()
    w: tuple[tuple[float, ...], ...] | None = None   # explicit w rows: [1][w_dim] (every layer) or [num_ws][w_dim]

    def __post_init__(self) -> None:
        check_noise_mode(self.noise_mode)
        if self.cutoff is not None and self.cutoff < 0:
            raise ValueError("truncation cutoff must be >= 0")
        if self.w is not None and (not self.w or len({len(r) for r in self.w}) != 1):
            raise ValueError("an explicit w needs rows of one length")

    def with_(self, **changes: Any) -> "RenderRequest":
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (for saving the explorer state)."""
        d = {k: getattr(self, k) for k in self.__dataclass_fields__}
        d["z"] = list(self.z) if self.z is not None else None
        d["z_offsets"] = [list(p) for p in self.z_offsets]
        d["w_edits"] = [dict(direction=list(e.direction), amount=e.amount, layer_start=e.layer_start,
                             layer_end=e.layer_end) for e in self.w_edits]
        d["w_blend"] = [list(p) for p in self.w_blend]
        d["ablations"] = [[name, list(ch)] for name, ch in self.ablations]
        d["w"] = None if self.w is None else [list(r) for r in self.w]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "RenderRequest":
        d = dict(d)
        if d.get("z") is not None:
            d["z"] = tuple(float(v) for v in d["z"])
        d["z_offsets"] = tuple((int(i), float(v)) for i, v in d.get("z_offsets", ()))
        d["w_edits"] = tuple(WEdit(tuple(float(v) for v in e["direction"]), float(e["amount"]),
                                   int(e.get("layer_start", 0)), e.get("layer_end"))
                             for e in d.get("w_edits", ()))
        d["w_blend"] = tuple((int(s), float(w)) for s, w in d.get("w_blend", ()))
        d["ablations"] = tuple((str(n), tuple(int(c) for c in ch)) for n, ch in d.get("ablations", ()))
        if d.get("w") is not None:
            d["w"] = tuple(tuple(float(v) for v in row) for row in d["w"])
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in d.items() if k in known})
