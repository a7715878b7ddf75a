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
from dataclasses import dataclass

import numpy as np
import torch

from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.models.stylegan2 import NoiseControl, truncate
from ganexplorer.core.render.images import to_uint8
from ganexplorer.core.render.latents import seed_to_z
from ganexplorer.core.render.request import RenderRequest


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

    def ws_for(self, req: RenderRequest) -> torch.Tensor:
        """The ws the synthesis network will see for ``req`` (z for non-style models)."""
        z = self.z_for(req)
        if not self.model.is_style_based:
            if req.mix_seed is not None:
                raise ValueError("style mixing needs a style-based generator (StyleGAN2)")
            w = z * req.psi if req.psi != 1 else z
            for e in req.w_edits:
                w = w + e.amount * torch.tensor(e.direction, dtype=w.dtype, device=w.device).reshape(1, -1)
            return w.unsqueeze(1)
        key = (req.seed if req.z is None else req.z, req.z_offsets, req.label)
        ws = self._mapped(key, z, req.label)
        if req.mix_seed is not None:
            mix = self._mapped((req.mix_seed, (), req.label), seed_to_z(req.mix_seed, self.model.z_dim).to(self.device),
                               req.label)
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
        if not self.model.is_style_based:
            return self.G(ws[:, 0], self.label_for(req.label))
        gen = None
        if req.noise_mode == "random":
            gen = torch.Generator().manual_seed(req.noise_seed)
        return self.G.synthesis(ws, noise=NoiseControl(req.noise_mode, req.noise_strength, gen))

    @torch.inference_mode()
    def render(self, req: RenderRequest) -> RenderResult:
        t0 = time.perf_counter()
        ws = self.ws_for(req)
        img = self.synthesize(ws, req)
        rgb = to_uint8(img)
        return RenderResult(req, img, rgb, ws, time.perf_counter() - t0)
