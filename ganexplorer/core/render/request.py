"""What to render, as an immutable, hashable value (the GUI builds one per slider move).

A request is made, never saved: the Explore tab derives it from its state (``app.explorer_state.build_request``,
the one place), the command line from its arguments; state files hold the state (``app.state_json``).

The picture starts from one of: the seed's z (default), an explicit ``z``, a blend of seeds' ws
(``w_blend``), or an explicit ``w`` (a projected picture's latent: one row used on every layer, or
num_ws rows, w+). Mixing, truncation, w edits, noise and switch-offs then act on top of it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ganexplorer.core.messages import message
from ganexplorer.core.models.stylegan2 import check_noise_mode

__all__ = ["RenderRequest", "WEdit", "check_noise_mode"]


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
            raise ValueError(message("render.cutoff"))
        if self.w is not None and (not self.w or len({len(r) for r in self.w}) != 1):
            raise ValueError(message("render.w_rows"))

    def with_(self, **changes: Any) -> "RenderRequest":
        return replace(self, **changes)
