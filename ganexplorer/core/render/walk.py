"""Latent walks as sequences of render requests: lerp of ws (a blend of two seeds) or slerp of z."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ganexplorer.core.messages import message
from ganexplorer.core.render.images import upscale_nearest
from ganexplorer.core.render.latents import seed_to_z, slerp, walk_positions
from ganexplorer.core.render.renderer import Renderer
from ganexplorer.core.render.request import RenderRequest
from ganexplorer.core.render.video import write_animation


def walk_latent(seeds: Sequence[int], i: int, j: int, t: float, space: str, z_dim: int
                ) -> tuple[tuple[tuple[int, float], ...], tuple[float, ...] | None]:
    """Position ``t`` between keyframes ``seeds[i]`` and ``seeds[j]`` as (w blend, z): a blend of the two
    seeds' ws in 'w' (z None), the slerp of their zs in 'z' (no blend)."""
    if space == "w":
        return ((seeds[i], 1.0 - t), (seeds[j], t)) if t > 0 else ((seeds[i], 1.0),), None
    if space != "z":
        raise ValueError(f"walk space must be 'z' or 'w', not {space!r}")
    z = slerp(seed_to_z(seeds[i], z_dim)[0], seed_to_z(seeds[j], z_dim)[0], t)
    return (), tuple(z.tolist())


def walk_request(base: RenderRequest, seeds: Sequence[int], i: int, j: int, t: float, space: str,
                 z_dim: int) -> RenderRequest:
    """The request for position ``t`` between keyframes ``seeds[i]`` and ``seeds[j]``."""
    blend, z = walk_latent(seeds, i, j, t, space, z_dim)
    return base.with_(w_blend=blend, z=z) if z is not None else base.with_(w_blend=blend)


def walk_requests(base: RenderRequest, seeds: list[int], frames: int, space: str, z_dim: int) -> list[RenderRequest]:
    """One loop through ``seeds`` and back to the first, ``frames`` requests long."""
    if len(seeds) < 2:
        raise ValueError(message("render.walk_seeds"))
    return [walk_request(base, seeds, i, j, t, space, z_dim) for i, j, t in walk_positions(len(seeds), frames)]


def export_walk(renderer: Renderer, requests: list[RenderRequest], path: str | Path, fps: int,
                progress: Callable[[int, int], None] | None = None, min_side: int = 0) -> Path:
    """Render every request and write a GIF or MP4.

    ``min_side`` > 0 enlarges small frames by a whole factor (nearest neighbour) until the
    shorter side is at least that many pixels, so a 32² model makes a clip fit for a slide.
    """
    frames = []
    for k, req in enumerate(requests):
        frames.append(upscale_nearest(renderer.render(req).rgb, min_side))
        if progress is not None:
            progress(k + 1, len(requests))
    return write_animation(frames, path, fps=fps)
