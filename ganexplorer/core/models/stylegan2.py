"""StyleGAN2 generator (config-e/f "skip" architecture) with StyleGAN2-ADA semantics.

Same weights and inputs give the same picture as NVIDIA's ``training.networks``:
mapping (normalised z [+ embedded label], lrelu MLP with lr multiplier 0.01, tracked
``w_avg``), and synthesis (4x4 learned constant, modulated 3x3 convs with demodulation,
per-layer noise with learned strength, bias + lrelu with gain sqrt(2) and optional
clamp, toRGB skips up-sampled with the [1,3,3,1] FIR filter).

Blocks that the checkpoint marks fp16 run in float16 only on CUDA (never on the CPU,
where float16 convolutions are two orders of magnitude slower).
"""

from __future__ import annotations

import math
from typing import Any, Callable

import numpy as np
import torch
from torch import nn

from ganexplorer.core.messages import message
from ganexplorer.core.models.stylegan2_layers import FullyConnectedLayer, modulated_conv2d, normalize_2nd_moment
from ganexplorer.core.ops import bias_act, fastpath, make_filter, upsample2d  # fastpath: see its docstring

NOISE_MODES = ("const", "random", "none")


def check_noise_mode(mode: object) -> None:
    """The one check of a noise mode: the model's, a render request's and an explorer state's."""
    if mode not in NOISE_MODES:
        raise ValueError(message("train.choice", name="noise mode", choices=", ".join(NOISE_MODES), value=f"{mode!r:.40}"))


# Keyword arguments of NVIDIA's constructors that change nothing in a float32 forward.
_IGNORED_KWARGS = {"fp16_channels_last", "channels_last", "fused_modconv_default"}


class MappingNetwork(nn.Module):
    """z (and label c) -> w, broadcast to ``num_ws`` copies, with truncation toward ``w_avg``."""

    w_avg: torch.Tensor  # Buffer, present when num_ws and w_avg_beta are set.

    def __init__(
        self,
        z_dim: int,                 # Latent z width (0 = none).
        c_dim: int,                 # Conditioning label width (0 = none).
        w_dim: int,                 # Intermediate latent w width.
        num_ws: int | None,         # Number of ws to broadcast to (None = return one w).
        num_layers: int = 8,        # Number of fully connected layers.
        embed_features: int | None = None,  # Label embedding width (default w_dim).
        layer_features: int | None = None,  # Hidden width (default w_dim).
        activation: str = "lrelu",
        lr_multiplier: float = 0.01,
        w_avg_beta: float | None = 0.995,   # Decay of the tracked average w (None = do not track).
    ) -> None:
        super().__init__()
        self.z_dim, self.c_dim, self.w_dim, self.num_ws = z_dim, c_dim, w_dim, num_ws
        self.num_layers = num_layers
        self.w_avg_beta = w_avg_beta
        if embed_features is None:
            embed_features = w_dim
        if c_dim == 0:
            embed_features = 0
        if layer_features is None:
            layer_features = w_dim
        features = [z_dim + embed_features] + [layer_features] * (num_layers - 1) + [w_dim]
        if c_dim > 0:
            self.embed = FullyConnectedLayer(c_dim, embed_features)
        for i in range(num_layers):
            self.add_module(
                f"fc{i}",
                FullyConnectedLayer(features[i], features[i + 1], activation=activation, lr_multiplier=lr_multiplier),
            )
        if num_ws is not None and w_avg_beta is not None:
            self.register_buffer("w_avg", torch.zeros(w_dim))

    def forward(
        self,
        z: torch.Tensor | None,
        c: torch.Tensor | None,
        truncation_psi: float = 1.0,
        truncation_cutoff: int | None = None,
        update_w_avg: bool = False,
    ) -> torch.Tensor:
        x: torch.Tensor | None = None
        if self.z_dim > 0:
            assert z is not None, "this mapping network takes a latent z"
            x = normalize_2nd_moment(z.to(torch.float32))
        if self.c_dim > 0:
            assert c is not None, "this mapping network takes a label c"
            y = normalize_2nd_moment(self.embed(c.to(torch.float32)))
            x = torch.cat([x, y], dim=1) if x is not None else y
        for i in range(self.num_layers):
            x = getattr(self, f"fc{i}")(x)
        assert x is not None
        if update_w_avg and self.w_avg_beta is not None:
            self.w_avg.copy_(x.detach().float().mean(dim=0).lerp(self.w_avg, self.w_avg_beta))
        if self.num_ws is not None:
            x = x.unsqueeze(1).repeat(1, self.num_ws, 1)
        if truncation_psi != 1:
            x = truncate(x, self.w_avg, truncation_psi, truncation_cutoff)
        return x


def truncate(ws: torch.Tensor, w_avg: torch.Tensor, psi: float, cutoff: int | None = None) -> torch.Tensor:
    """``w_avg + psi * (w - w_avg)`` on the first ``cutoff`` ws (all when None)."""
    if psi == 1:
        return ws
    ws = ws.clone()
    if cutoff is None:
        return w_avg.lerp(ws, psi)
    ws[:, :cutoff] = w_avg.lerp(ws[:, :cutoff], psi)
    return ws


class NoiseControl:
    """How synthesis layers get their noise: mode, strength scale and an optional RNG."""

    def __init__(self, mode: str = "const", strength: float = 1.0, generator: torch.Generator | None = None):
        check_noise_mode(mode)
        self.mode, self.strength, self.generator = mode, strength, generator


class SynthesisLayer(nn.Module):
    """Modulated 3x3 conv (optionally up-sampling by 2), noise, bias, lrelu, clamp."""

    resample_filter: torch.Tensor  # Buffers declared so type checkers read a Tensor, not Tensor | Module.
    noise_const: torch.Tensor  # Buffer, present when use_noise.

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        w_dim: int,
        resolution: int,            # Output resolution.
        kernel_size: int = 3,
        up: int = 1,
        use_noise: bool = True,
        activation: str = "lrelu",
        resample_filter: tuple[float, ...] = (1, 3, 3, 1),
        conv_clamp: float | None = None,
    ) -> None:
        super().__init__()
        self.in_channels, self.out_channels = in_channels, out_channels
        self.resolution, self.up, self.use_noise, self.activation = resolution, up, use_noise, activation
        self.conv_clamp = conv_clamp
        self.register_buffer("resample_filter", make_filter(resample_filter))
        self.padding = kernel_size // 2
        self.act_gain = math.sqrt(2) if activation == "lrelu" else 1.0
        self.affine = FullyConnectedLayer(w_dim, in_channels, bias_init=1)
        self.weight = nn.Parameter(torch.randn(out_channels, in_channels, kernel_size, kernel_size))
        if use_noise:
            self.register_buffer("noise_const", torch.randn(resolution, resolution))
            self.noise_strength = nn.Parameter(torch.zeros([]))
        self.bias = nn.Parameter(torch.zeros(out_channels))

    def forward(self, x: torch.Tensor, w: torch.Tensor, noise: NoiseControl, gain: float = 1.0) -> torch.Tensor:
        styles = self.affine(w)
        n = None
        if self.use_noise and noise.mode != "none":
            strength = self.noise_strength * noise.strength
            if noise.mode == "const":
                n = self.noise_const * strength
            else:
                shape = (x.shape[0], 1, self.resolution, self.resolution)
                n = torch.randn(shape, generator=noise.generator, device="cpu").to(x.device) * strength
        clamp = self.conv_clamp * gain if self.conv_clamp is not None else None
        if fastpath.fast_path_applies(x):
            y = fastpath.synthesis_layer(
                x, self.weight, styles, self.bias, n, up=self.up, padding=self.padding,
                resample_filter=self.resample_filter, activation=self.activation, gain=self.act_gain * gain,
                clamp=clamp,
            )
            if y is not None:
                return y
        x = modulated_conv2d(
            x, self.weight, styles, noise=n, up=self.up, padding=self.padding, resample_filter=self.resample_filter
        )
        return bias_act(x, self.bias, act=self.activation, gain=self.act_gain * gain, clamp=clamp)


class ToRGBLayer(nn.Module):
    """Modulated 1x1 conv to image channels, without demodulation."""

    def __init__(self, in_channels: int, out_channels: int, w_dim: int, kernel_size: int = 1,
                 conv_clamp: float | None = None) -> None:
        super().__init__()
        self.conv_clamp = conv_clamp
        self.affine = FullyConnectedLayer(w_dim, in_channels, bias_init=1)
        self.weight = nn.Parameter(torch.randn(out_channels, in_channels, kernel_size, kernel_size))
        self.bias = nn.Parameter(torch.zeros(out_channels))
        self.weight_gain = 1 / math.sqrt(in_channels * kernel_size ** 2)

    def forward(self, x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
        styles = self.affine(w) * self.weight_gain
        if fastpath.fast_path_applies(x):
            return fastpath.torgb_layer(x, self.weight, styles, self.bias, self.conv_clamp)
        x = modulated_conv2d(x, self.weight, styles, demodulate=False)
        return bias_act(x, self.bias, clamp=self.conv_clamp)


class SynthesisBlock(nn.Module):
    """One resolution: [up-sampling conv0], conv1, toRGB added to the up-sampled image."""

    resample_filter: torch.Tensor  # Buffers declared so type checkers read a Tensor, not Tensor | Module.

    def __init__(
        self,
        in_channels: int,           # 0 = first block (starts from the learned constant).
        out_channels: int,
        w_dim: int,
        resolution: int,
        img_channels: int,
        is_last: bool,
        architecture: str = "skip",
        resample_filter: tuple[float, ...] = (1, 3, 3, 1),
        conv_clamp: float | None = None,
        use_fp16: bool = False,     # Run in float16 on CUDA (ignored on the CPU).
        **layer_kwargs: Any,
    ) -> None:
        super().__init__()
        if architecture != "skip":
            raise ValueError(f"StyleGAN2 generator architecture {architecture!r} is not supported (only 'skip')")
        self.in_channels, self.out_channels = in_channels, out_channels
        self.resolution, self.img_channels, self.is_last, self.use_fp16 = resolution, img_channels, is_last, use_fp16
        self.register_buffer("resample_filter", make_filter(resample_filter))
        self.num_conv = 0
        if in_channels == 0:
            self.const = nn.Parameter(torch.randn(out_channels, resolution, resolution))
        else:
            self.conv0 = SynthesisLayer(in_channels, out_channels, w_dim, resolution, up=2,
                                        resample_filter=resample_filter, conv_clamp=conv_clamp, **layer_kwargs)
            self.num_conv += 1
        self.conv1 = SynthesisLayer(out_channels, out_channels, w_dim, resolution,
                                    resample_filter=resample_filter, conv_clamp=conv_clamp, **layer_kwargs)
        self.num_conv += 1
        self.torgb = ToRGBLayer(out_channels, img_channels, w_dim, conv_clamp=conv_clamp)
        self.num_torgb = 1

    def forward(
        self, x: torch.Tensor | None, img: torch.Tensor | None, ws: torch.Tensor, noise: NoiseControl,
        dtype: torch.dtype = torch.float32,
    ) -> tuple[torch.Tensor, torch.Tensor]:
        w_iter = iter(ws.unbind(dim=1))
        if self.in_channels == 0:
            x = self.const.to(dtype).unsqueeze(0).repeat(ws.shape[0], 1, 1, 1)
            if fastpath.fast_path_applies(x):
                x = x.contiguous(memory_format=torch.channels_last)  # The fast path runs channels-last.
        else:
            assert x is not None, "a block after the first takes the previous block's features"
            x = self.conv0(x.to(dtype), next(w_iter), noise)
        x = self.conv1(x, next(w_iter), noise)
        if img is not None:
            up = fastpath.upsample2d_skip(img, self.resample_filter) if fastpath.fast_path_applies(img) else None
            img = up if up is not None else upsample2d(img, self.resample_filter)
        y = self.torgb(x, next(w_iter)).to(torch.float32)
        if img is None:
            img = y
        elif fastpath.fast_path_applies(y) and not (torch.is_grad_enabled() and (img.requires_grad or y.requires_grad)):
            img = img.add_(y)  # img is the fresh output of upsample2d.
        else:
            img = img + y
        return x, img


class SynthesisNetwork(nn.Module):
    """ws [N, num_ws, w_dim] -> image [N, C, R, R] in roughly [-1, 1]."""

    def __init__(
        self,
        w_dim: int,
        img_resolution: int,
        img_channels: int,
        channel_base: int = 32768,  # Channels at resolution r: min(channel_base // r, channel_max).
        channel_max: int = 512,
        num_fp16_res: int = 0,      # Highest resolutions marked float16.
        **block_kwargs: Any,
    ) -> None:
        super().__init__()
        log2 = int(np.log2(img_resolution))
        if img_resolution < 4 or 2 ** log2 != img_resolution:
            raise ValueError(f"StyleGAN2 resolution must be a power of two >= 4, not {img_resolution}")
        self.w_dim, self.img_resolution, self.img_channels = w_dim, img_resolution, img_channels
        self.block_resolutions = [2 ** i for i in range(2, log2 + 1)]
        self.channels = {r: min(channel_base // r, channel_max) for r in self.block_resolutions}
        fp16_resolution = max(2 ** (log2 + 1 - num_fp16_res), 8)
        self.num_ws = 0
        for res in self.block_resolutions:
            block = SynthesisBlock(
                self.channels[res // 2] if res > 4 else 0, self.channels[res], w_dim, res, img_channels,
                is_last=(res == img_resolution), use_fp16=(res >= fp16_resolution), **block_kwargs,
            )
            self.num_ws += block.num_conv
            if block.is_last:
                self.num_ws += block.num_torgb
            setattr(self, f"b{res}", block)
        self.allow_fp16 = True

    def blocks(self) -> list[SynthesisBlock]:
        return [getattr(self, f"b{r}") for r in self.block_resolutions]

    def block_ws(self, ws: torch.Tensor) -> list[torch.Tensor]:
        """Slice ws per block: each toRGB shares its w with the next block's first conv."""
        out, idx = [], 0
        for block in self.blocks():
            out.append(ws.narrow(1, idx, block.num_conv + block.num_torgb))
            idx += block.num_conv
        return out

    def layer_resolutions(self) -> list[int]:
        """Output resolution of the layer that consumes each w (for labelling mixing ranges)."""
        res = []
        for block in self.blocks():
            res += [block.resolution] * block.num_conv
        return res + [self.img_resolution]

    def preview_resolutions(self) -> list[int]:
        """Resolutions at which :meth:`forward` can stop early (``stop_at``): every block but the last."""
        return self.block_resolutions[:-1]

    def forward(
        self,
        ws: torch.Tensor,
        noise: NoiseControl | None = None,
        force_fp32: bool = False,
        stop_at: int | None = None,     # Stop after the block at this resolution (a preview), None = all.
        on_block: Callable[[int, torch.Tensor], None] | None = None,  # Called (resolution, img) after each block.
    ) -> torch.Tensor:
        """Image [N, C, R, R]; with ``stop_at=r`` the skip image accumulated up to resolution r, [N, C, r, r].

        Why stopping early is a preview: in the skip architecture the picture is the sum of
        every block's toRGB output, each up-sampled to full size, so the running sum ``img``
        after block r is the final picture without the detail the finer blocks add. The
        blocks after r never run, so their cost (most of it at 1024 px) is saved. The noise
        drawn for the layers that do run is the same as in the full render (same order, same
        generator). ``on_block`` sees each block's ``img`` (for timing, cancelling between
        blocks by raising, or inspecting); it must not modify it.
        """
        if stop_at is not None and stop_at not in self.block_resolutions:
            raise ValueError(f"this generator has no block at resolution {stop_at} "
                             f"(it has {', '.join(map(str, self.block_resolutions))})")
        noise = noise or NoiseControl()
        ws = ws.to(torch.float32)
        x = img = None
        for block, cur_ws in zip(self.blocks(), self.block_ws(ws)):
            fp16 = block.use_fp16 and self.allow_fp16 and not force_fp32 and ws.device.type == "cuda"
            x, img = block(x, img, cur_ws, noise, dtype=torch.float16 if fp16 else torch.float32)
            if on_block is not None:
                on_block(block.resolution, img)
            if block.resolution == stop_at:
                break
        assert img is not None, "a synthesis network has at least one block"
        return img


class Generator(nn.Module):
    """StyleGAN2 generator: ``G(z, c) = synthesis(mapping(z, c))``."""

    family = "stylegan2"

    def __init__(
        self,
        z_dim: int = 512,
        c_dim: int = 0,
        w_dim: int = 512,
        img_resolution: int = 256,
        img_channels: int = 3,
        mapping_kwargs: dict | None = None,
        synthesis_kwargs: dict | None = None,
    ) -> None:
        super().__init__()
        mapping_kwargs = {k: v for k, v in dict(mapping_kwargs or {}).items() if k not in _IGNORED_KWARGS}
        synthesis_kwargs = {k: v for k, v in dict(synthesis_kwargs or {}).items() if k not in _IGNORED_KWARGS}
        self.z_dim, self.c_dim, self.w_dim = z_dim, c_dim, w_dim
        self.img_resolution, self.img_channels = img_resolution, img_channels
        self.init_kwargs = dict(z_dim=z_dim, c_dim=c_dim, w_dim=w_dim, img_resolution=img_resolution,
                                img_channels=img_channels, mapping_kwargs=mapping_kwargs,
                                synthesis_kwargs=synthesis_kwargs)
        self.synthesis = SynthesisNetwork(w_dim, img_resolution, img_channels, **synthesis_kwargs)
        self.num_ws = self.synthesis.num_ws
        self.mapping = MappingNetwork(z_dim, c_dim, w_dim, self.num_ws, **mapping_kwargs)

    def forward(self, z: torch.Tensor, c: torch.Tensor | None = None, truncation_psi: float = 1.0,
                truncation_cutoff: int | None = None, noise: NoiseControl | None = None) -> torch.Tensor:
        ws = self.mapping(z, c, truncation_psi, truncation_cutoff)
        return self.synthesis(ws, noise=noise)
