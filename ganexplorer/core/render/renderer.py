"""Render a :class:`RenderRequest` with a loaded generator: the pure function the UI calls.

The mapping network's output is cached per (z, label), so moving a truncation, noise,
mixing-range or w-direction slider re-runs only the synthesis network. Style-based
generators apply, in order: mapping, style mixing, truncation, w edits, synthesis;
mixing and truncation commute because both act per w, which is why this equals
NVIDIA's style_mixing.py (truncate every seed's ws, then swap the chosen layers). Other
generators have one "w" that is z itself: truncation scales z toward the prior's mean 0.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

import numpy as np
import torch

from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.models.stylegan2 import NoiseControl, truncate
from ganexplorer.core.render.images import to_uint8
from ganexplorer.core.render.latents import seed_to_z
from ganexplorer.core.render.request import RenderRequest


@contextmanager
def ablated(G: torch.nn.Module, ablations: tuple[tuple[str, tuple[int, ...]], ...]) -> Iterator[None]:
    """Zero the given output channels of the named layers while the block runs."""
    modules = dict(G.named_modules())
    hooks = []
    for name, channels in ablations:
        if name not in modules:
            raise ValueError(f"the model has no layer named '{name}'")
        idx = list(channels)

        def hook(mod, args, out, idx=idx):
            out = out.clone()
            out[:, [c for c in idx if c < out.shape[1]]] = 0
            return out
        hooks.append(modules[name].register_forward_hook(hook))
    try:
        yield
    finally:
        for h in hooks:
            h.remove()


@dataclass
class RenderResult:
    request: RenderRequest
    image: torch.Tensor          # float [1, C, H, W], roughly in [-1, 1]
    rgb: np.ndarray              # uint8 [H, W, 3]
    ws: torch.Tensor             # [1, num_ws, w_dim] (z for non-style models)
    seconds: float


class Renderer:
    """Owns nothing but a model reference and a small mapping cache; not thread-safe by itself."""

    CACHE_SIZE = 64

    def __init__(self, model: LoadedModel) -> None:
        self.model = model
        self.G = model.G
        self._ws_cache: OrderedDict[tuple, torch.Tensor] = OrderedDict()
        self.device = next(self.G.parameters()).device

    # -- latents ---------------------------------------------------------------------------
    def z_for(self, req: RenderRequest) -> torch.Tensor:
        zd = self.model.z_dim
        if req.z is not None:
            if len(req.z) != zd:
                raise ValueError(f"z has {len(req.z)} values but this model needs {zd}")
            z = torch.tensor(req.z, dtype=torch.float32).reshape(1, zd)
        else:
            z = seed_to_z(req.seed, zd)
        if req.z_offsets:
            z = z.clone()
            for i, delta in req.z_offsets:
                if 0 <= i < zd:
                    z[0, i] += delta
        return z.to(self.device)

    def label_for(self, label: int | None) -> torch.Tensor | None:
        c_dim = self.model.c_dim
        if c_dim == 0:
            return None
        if label is None:
            label = 0
        if not 0 <= label < c_dim:
            raise ValueError(f"class label must be in 0..{c_dim - 1}, not {label}")
        c = torch.zeros(1, c_dim, device=self.device)
        c[0, label] = 1
        return c

    def _mapped(self, key: tuple, z: torch.Tensor, label: int | None) -> torch.Tensor:
        ws = self._ws_cache.get(key)
        if ws is None:
            ws = self.G.mapping(z, self.label_for(label))
            self._ws_cache[key] = ws
            if len(self._ws_cache) > self.CACHE_SIZE:
                self._ws_cache.popitem(last=False)
        else:
            self._ws_cache.move_to_end(key)
        return ws

    def _seed_ws(self, seed: int, label: int | None) -> torch.Tensor:
        """Mapped ws of a seed (cached); z itself, as [1, 1, z_dim], for non-style models."""
        z = seed_to_z(seed, self.model.z_dim).to(self.device)
        if not self.model.is_style_based:
            return z.unsqueeze(1)
        return self._mapped((seed, (), label), z, label)

    def _base_ws(self, req: RenderRequest) -> torch.Tensor:
        """ws before mixing, truncation and edits: a blend of seeds, or the (edited) z mapped."""
        if req.w_blend:
            return sum(w * self._seed_ws(s, req.label) for s, w in req.w_blend)
        z = self.z_for(req)
        if not self.model.is_style_based:
            return z.unsqueeze(1)
        key = (req.seed if req.z is None else req.z, req.z_offsets, req.label)
        return self._mapped(key, z, req.label)

    def ws_for(self, req: RenderRequest) -> torch.Tensor:
        """The ws the synthesis network will see for ``req`` ([1, 1, z_dim] z for non-style models)."""
        ws = self._base_ws(req)
        if not self.model.is_style_based:
            if req.mix_seed is not None:
                raise ValueError("style mixing needs a style-based generator (StyleGAN2)")
            ws = ws * req.psi if req.psi != 1 else ws
        else:
            if req.mix_seed is not None:
                mix = self._seed_ws(req.mix_seed, req.label)
                end = self.model.num_ws if req.mix_end is None else req.mix_end
                ws = ws.clone()
                ws[:, req.mix_start:end] = mix[:, req.mix_start:end]
            ws = truncate(ws, self.G.mapping.w_avg, req.psi, req.cutoff)
        if req.w_edits:
            ws = ws.clone()  # never edit a cached tensor in place
            for e in req.w_edits:
                d = torch.tensor(e.direction, dtype=ws.dtype, device=ws.device)
                ws[:, e.layer_start:e.layer_end] += e.amount * d
        return ws

    # -- pictures --------------------------------------------------------------------------
    def synthesize(self, ws: torch.Tensor, req: RenderRequest) -> torch.Tensor:
        if req.ablations:
            with ablated(self.G, req.ablations):
                return self._synthesize(ws, req)
        return self._synthesize(ws, req)

    def _synthesize(self, ws: torch.Tensor, req: RenderRequest) -> torch.Tensor:
        if not self.model.is_style_based:
            return self.G(ws[:, 0], self.label_for(req.label))
        gen = None
        if req.noise_mode == "random":
            gen = torch.Generator().manual_seed(req.noise_seed)
        return self.G.synthesis(ws, noise=NoiseControl(req.noise_mode, req.noise_strength, gen),
                                force_fp32=req.force_fp32)

    @torch.inference_mode()
    def render(self, req: RenderRequest) -> RenderResult:
        t0 = time.perf_counter()
        ws = self.ws_for(req)
        img = self.synthesize(ws, req)
        rgb = to_uint8(img)
        return RenderResult(req, img, rgb, ws, time.perf_counter() - t0)
