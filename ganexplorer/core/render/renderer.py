"""Render a :class:`RenderRequest` with a loaded generator: the pure function the UI calls.

The mapping network's output is cached per (z, label), so moving a truncation, noise,
mixing-range or w-direction slider re-runs only the synthesis network. Style-based
generators apply, in order: mapping, style mixing, truncation, w edits, synthesis;
mixing and truncation commute because both act per w, which is why this equals
NVIDIA's style_mixing.py (truncate every seed's ws, then swap the chosen layers). Other
generators have one "w" that is z itself: truncation scales z toward the prior's mean 0.

Previews (big models on a laptop): a style-based generator with the skip architecture
can stop after any block and return the RGB image accumulated so far
(``SynthesisNetwork.forward(stop_at=r)``). ``render(req, preview_resolution=r)`` does that;
``preview_resolution()`` picks r from the block times measured during the last full
render, so a preview fits a time budget; :class:`PreviewCalibration` matches the preview's
colours to the full pictures rendered so far (the finer blocks add contrast, not only detail).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable, Iterator

import numpy as np
import torch
import torch.nn.functional as F

from ganexplorer.core.device import module_device, to_host
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.messages import message
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
            raise ValueError(message("render.no_layer", name=name))
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
    preview: bool = False                   # a low-resolution stand-in; the full picture follows
    preview_resolution: int | None = None   # its side in pixels (None for a full picture)
    state: object = None                    # what the caller made ``request`` from (the explorer's state)


class RenderCancelled(Exception):
    """A render was abandoned between two synthesis blocks because its ``cancel()`` said so."""


PREVIEW_BUDGET_S = 0.1       # A preview should cost at most this much (>= 10 previews/s).
MIN_PREVIEW_RESOLUTION = 8   # Smaller accumulated images say too little to be worth showing.


class PreviewCalibration:
    """Per-resolution, per-channel ``a * preview + b`` that maps a preview's colours onto the full picture's.

    Why: the finer blocks' toRGB outputs add to the skip image, and in trained models they
    add contrast and shift the mean (the bundled 32 px digits model: the 8 px image has about
    1/6 of the final contrast), so the raw accumulated image looks washed out. The full
    picture area-averaged to r px is what the preview stands for; a least-squares affine
    fit per channel against it (from the full renders the user has already seen) fixes the
    levels without inventing detail. Statistics decay by half with each new full picture,
    so the fit follows the part of latent space being explored (psi, seed) yet stays
    stable. Until a full picture has been seen the preview is shown as computed.
    """

    DECAY = 0.5
    GAIN_RANGE = (0.2, 8.0)

    def __init__(self) -> None:
        self._stats: dict[int, torch.Tensor] = {}     # r -> [5, C]: n, sum p, sum f, sum p^2, sum p*f

    def observe(self, r: int, preview: torch.Tensor, final: torch.Tensor) -> None:
        """Fold in one full picture ``final`` [1, C, R, R] and its skip image at r px ``preview`` [1, C, r, r]."""
        # Small pictures: the sums are taken on the host, in float64 (which MPS lacks).
        p = to_host(preview, torch.float64).flatten(2)[0]                                    # [C, r*r]
        f = to_host(F.adaptive_avg_pool2d(final.detach().to(torch.float32), r), torch.float64).flatten(2)[0]
        new = torch.stack([torch.full_like(p[:, 0], p.shape[1]), p.sum(1), f.sum(1), (p * p).sum(1),
                           (p * f).sum(1)])
        old = self._stats.get(r)
        self._stats[r] = new if old is None else old * self.DECAY + new

    def apply(self, r: int, img: torch.Tensor) -> torch.Tensor:
        """``img`` [N, C, r, r] with the fitted levels (unchanged if nothing was observed at r)."""
        st = self._stats.get(r)
        if st is None:
            return img
        n, sp, sf, spp, spf = st
        var = spp / n - (sp / n) ** 2
        cov = spf / n - (sp / n) * (sf / n)
        gain = torch.where(var > 1e-8, cov / var.clamp_min(1e-8), torch.ones_like(var)).clamp(*self.GAIN_RANGE)
        offset = sf / n - gain * sp / n
        shape = (1, -1, 1, 1)   # cast on the host, then to the device (MPS takes no float64)
        gain, offset = (t.to(img.dtype).to(img.device).reshape(shape) for t in (gain, offset))
        return img * gain + offset


class Renderer:
    """Owns nothing but a model reference and a small mapping cache; not thread-safe by itself."""

    CACHE_SIZE = 64

    def __init__(self, model: LoadedModel) -> None:
        self.model = model
        self.G: Any = model.G   # our generators: mapping/synthesis submodules the type checker cannot see
        self._ws_cache: OrderedDict[tuple, torch.Tensor] = OrderedDict()
        self.device = module_device(self.G)
        self.block_seconds: dict[int, float] = {}   # resolution -> time from synthesis start (last full render)
        self.calibration = PreviewCalibration()
        self._last_full: tuple[dict[int, torch.Tensor], torch.Tensor] | None = None  # skip images, final
        self._folded: set[int] = set()               # resolutions whose calibration has seen _last_full
        self._full_seconds = 0.0                     # the last full render's time
        self._cost_scale = 1.0                       # measured preview time / block_seconds (load, warm caches)

    @property
    def can_preview(self) -> bool:
        """Style-based generators whose synthesis can stop after a block (the skip architecture) preview."""
        return self.model.is_style_based and bool(self.preview_resolutions())

    def preview_resolutions(self) -> list[int]:
        """Resolutions a preview can have, smallest first (empty when the model cannot preview)."""
        fn = getattr(self.G.synthesis, "preview_resolutions", None) if self.model.is_style_based else None
        return [r for r in fn() if r >= MIN_PREVIEW_RESOLUTION] if fn is not None else []

    def preview_resolution(self, budget_s: float = PREVIEW_BUDGET_S, min_speedup: float = 4.0) -> int | None:
        """The largest preview resolution whose measured cost fits ``budget_s`` (else the smallest one).

        Only resolutions at least ``min_speedup`` times cheaper than the full picture count:
        a 256 px model that renders in 175 ms would get a 32 px preview for 73 ms, and 5
        sharp pictures a second beat 13 blurred ones (None then: render in full).

        The cost of stopping after block r is the time from the start of synthesis to the end
        of that block in the last full render, which includes this machine's speed and load,
        rescaled by how long the previews since then actually took (the load changes, and the
        first render after loading also fills caches). Most of a big model's time is in a few
        blocks (1024 px, channel_base 32768: the 64 px block with 512 channels costs more than
        all blocks before it), so r comes from measurement, not from a rule of thumb. None
        before any full render or without previews.
        """
        sizes = self.preview_resolutions()
        full = self.block_seconds.get(self.model.resolution)
        if not sizes or not full:
            return None
        cost = {r: self.block_seconds.get(r, float("inf")) * self._cost_scale for r in sizes}
        worth = [r for r in sizes if self.block_seconds.get(r, float("inf")) * min_speedup <= full]
        fitting = [r for r in worth if cost[r] <= budget_s]
        return fitting[-1] if fitting else (worth[0] if worth else None)

    # -- latents ---------------------------------------------------------------------------
    def z_for(self, req: RenderRequest) -> torch.Tensor:
        zd = self.model.z_dim
        if req.z is not None:
            if len(req.z) != zd:
                raise ValueError(message("render.z_length", count=len(req.z), need=zd))
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
            raise ValueError(message("render.class_label", most=c_dim - 1, value=label))
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

    def explicit_ws(self, rows: tuple[tuple[float, ...], ...]) -> torch.Tensor:
        """An explicit w (one row for every layer, or num_ws rows) as [1, num_ws, w_dim]; one sentence if it
        does not fit this model."""
        m = self.model
        num_ws, w_dim = m.num_ws, m.w_dim
        if len(rows[0]) != w_dim or len(rows) not in (1, num_ws):
            raise ValueError(message("render.w_shape", rows=len(rows), cols=len(rows[0]), takes=f"{num_ws} x {w_dim}",
                                     one=f"1 x {w_dim}"))
        w = torch.tensor(rows, dtype=torch.float32, device=self.device).unsqueeze(0)
        return w.repeat(1, num_ws, 1) if len(rows) == 1 else w

    def _base_ws(self, req: RenderRequest) -> torch.Tensor:
        """ws before mixing, truncation and edits: a blend of seeds, an explicit w, or the (edited) z mapped."""
        if req.w_blend:
            parts = [w * self._seed_ws(s, req.label) for s, w in req.w_blend]
            out = parts[0]
            for p in parts[1:]:   # in order, as sum() did: the same bits as before
                out = out + p
            return out
        if req.w is not None:
            return self.explicit_ws(req.w)
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
                raise ValueError(message("render.mixing"))
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
    def synthesize(self, ws: torch.Tensor, req: RenderRequest, **synthesis_kwargs: object) -> torch.Tensor:
        """The picture for ``ws``; ``synthesis_kwargs`` (``stop_at``, ``on_block``) go to style-based synthesis."""
        if req.ablations:
            with ablated(self.G, req.ablations):
                return self._synthesize(ws, req, **synthesis_kwargs)
        return self._synthesize(ws, req, **synthesis_kwargs)

    def _synthesize(self, ws: torch.Tensor, req: RenderRequest, **synthesis_kwargs: object) -> torch.Tensor:
        if not self.model.is_style_based:
            return self.G(ws[:, 0], self.label_for(req.label))
        gen = None
        if req.noise_mode == "random":
            gen = torch.Generator().manual_seed(req.noise_seed)
        return self.G.synthesis(ws, noise=NoiseControl(req.noise_mode, req.noise_strength, gen),
                                force_fp32=req.force_fp32, **synthesis_kwargs)

    @torch.inference_mode()
    def render(
        self,
        req: RenderRequest,
        preview_resolution: int | None = None,   # stop at this resolution's block (see preview_resolution())
        cancel: Callable[[], bool] | None = None,  # checked between blocks; True abandons the render
        calibrate: bool = True,                  # previews: match the colours of the full pictures seen so far
    ) -> RenderResult:
        """Render ``req`` in full, or as a preview at ``preview_resolution`` px.

        Full renders of previewable models also time each block and keep their skip images
        (references to tensors computed anyway) for the next preview's calibration.
        Raises :class:`RenderCancelled` when ``cancel()`` turns true between two blocks.
        """
        t0 = time.perf_counter()
        ws = self.ws_for(req)
        if preview_resolution is not None:
            if preview_resolution not in self.preview_resolutions():
                raise ValueError(message("render.preview", size=preview_resolution))
            t_syn = time.perf_counter()
            img = self.synthesize(ws, req, stop_at=preview_resolution, on_block=self._cancel_hook(cancel))
            predicted = self.block_seconds.get(preview_resolution)
            if predicted:
                if self.device.type == "cuda":
                    torch.cuda.synchronize(self.device)
                seen = (time.perf_counter() - t_syn) / predicted
                self._cost_scale = 0.5 * self._cost_scale + 0.5 * seen
            if calibrate:
                self._fold_last_full(preview_resolution)
                img = self.calibration.apply(preview_resolution, img)
            return RenderResult(req, img, to_uint8(img), ws, time.perf_counter() - t0, True, preview_resolution)
        if not self.can_preview:
            if cancel is not None and cancel():
                raise RenderCancelled()
            img = self.synthesize(ws, req)
            return RenderResult(req, img, to_uint8(img), ws, time.perf_counter() - t0)
        sizes, skips, times = set(self.preview_resolutions()), {}, {}
        check = self._cancel_hook(cancel)
        # On a GPU, block times need a sync after each block (launch times say nothing), which costs
        # launch/compute overlap; only pay it where previews can matter: after a slow full render.
        sync = self.device.type == "cuda" and self._full_seconds > PREVIEW_BUDGET_S
        last = self.model.resolution
        t_syn = time.perf_counter()

        def on_block(res: int, skip: torch.Tensor) -> None:
            if sync:
                torch.cuda.synchronize(self.device)  # block times, not launch times
            times[res] = time.perf_counter() - t_syn
            if res in sizes:
                skips[res] = skip
            if check is not None and res != last:  # after the last block the work is done: keep it
                check(res, skip)

        img = self.synthesize(ws, req, on_block=on_block)
        self.block_seconds, self._cost_scale = times, 1.0
        self._full_seconds = time.perf_counter() - t0
        self._last_full, self._folded = (skips, img), set()
        return RenderResult(req, img, to_uint8(img), ws, time.perf_counter() - t0)

    @staticmethod
    def _cancel_hook(cancel: Callable[[], bool] | None) -> Callable[[int, torch.Tensor], None] | None:
        if cancel is None:
            return None

        def hook(_res: int, _img: torch.Tensor) -> None:
            if cancel():
                raise RenderCancelled()
        return hook

    def _fold_last_full(self, r: int) -> None:
        """Let the calibration at r see the last full picture (once; done lazily so full renders pay nothing)."""
        if self._last_full is None or r in self._folded:
            return
        skips, final = self._last_full
        if r in skips:
            self.calibration.observe(r, skips[r], final)
        self._folded.add(r)
