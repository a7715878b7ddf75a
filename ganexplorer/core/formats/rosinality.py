"""rosinality/stylegan2-pytorch checkpoints, mapped onto our (NVIDIA-named) generator.

``train.py`` saves ``{g, d, g_ema, g_optim, d_optim, args, ada_aug_p}``;
``convert_weight.py`` saves ``{g_ema, latent_avg}``. Architecture facts come from tensor
shapes alone: resolution from the number of toRGB layers, style width and mapping
depth from ``style.{i}``, channels per resolution from the conv kernels. The layers
are numerically the same as NVIDIA's, so the mapping is a renaming (see FORMATS.md):
``style.{i+1}`` -> ``mapping.fc{i}``, ``convs.{2k}``/``{2k+1}`` -> ``b{8*2^k}.conv0``/``conv1``,
``noises.noise_{j}`` -> each layer's ``noise_const``, ``latent_avg`` -> ``w_avg``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import torch

from ganexplorer.core.formats.bounds import BUILD_ALLOWANCE, build_bounded, check_finite, check_kwargs, numel
from ganexplorer.core.formats.errors import CheckpointError
from ganexplorer.core.formats.loaded import LoadedModel, load_weights
from ganexplorer.core.models.stylegan2 import Generator


def is_rosinality_state(sd: Any) -> bool:
    return isinstance(sd, dict) and "input.input" in sd and "conv1.conv.weight" in sd and "style.1.weight" in sd


def find_rosinality(obj: Any) -> tuple[dict, str] | None:
    """(generator state dict, its key) for a rosinality checkpoint, preferring g_ema."""
    if is_rosinality_state(obj):
        return obj, "state dict"
    if isinstance(obj, dict):
        for key in ("g_ema", "g"):
            if is_rosinality_state(obj.get(key)):
                return obj[key], key
    return None


def _channel_layout(channels: dict[int, int], path: Path) -> tuple[int, int]:
    """(channel_base, channel_max) such that min(base // r, max) reproduces ``channels``."""
    cmax = max(channels.values())
    below = [r for r in sorted(channels) if channels[r] < cmax]
    base = channels[below[0]] * below[0] if below else cmax * max(channels)
    if any(min(base // r, cmax) != c for r, c in channels.items()):
        raise CheckpointError(path, f"has channel counts per resolution ({channels}) that no StyleGAN2 layout produces")
    return base, cmax


def _conv(src: dict, dst: dict, s: str, d: str) -> None:
    dst[f"{d}.weight"] = src[f"{s}.conv.weight"][0]
    dst[f"{d}.affine.weight"] = src[f"{s}.conv.modulation.weight"]
    dst[f"{d}.affine.bias"] = src[f"{s}.conv.modulation.bias"]
    dst[f"{d}.noise_strength"] = src[f"{s}.noise.weight"].reshape([])
    dst[f"{d}.bias"] = src[f"{s}.activate.bias"]


def _torgb(src: dict, dst: dict, s: str, d: str) -> None:
    dst[f"{d}.weight"] = src[f"{s}.conv.weight"][0]
    dst[f"{d}.affine.weight"] = src[f"{s}.conv.modulation.weight"]
    dst[f"{d}.affine.bias"] = src[f"{s}.conv.modulation.bias"]
    dst[f"{d}.bias"] = src[f"{s}.bias"].reshape(-1)


def load_rosinality(path: Path, sd: dict, key: str, latent_avg: torch.Tensor | None) -> LoadedModel:
    try:
        n_mlp = len([k for k in sd if re.fullmatch(r"style\.\d+\.weight", k)])
        style_dim = sd["style.1.weight"].shape[0]
        n_rgbs = len([k for k in sd if re.fullmatch(r"to_rgbs\.\d+\.conv\.weight", k)])
        size = 4 * 2 ** n_rgbs
        channels = {4: sd["conv1.conv.weight"].shape[1]}
        for k in range(n_rgbs):
            channels[8 * 2 ** k] = sd[f"convs.{2 * k}.conv.weight"].shape[1]
        img_channels = sd["to_rgb1.conv.weight"].shape[1]
        base, cmax = _channel_layout(channels, path)
        kwargs = dict(z_dim=style_dim, c_dim=0, w_dim=style_dim, img_resolution=size, img_channels=img_channels,
                      mapping_kwargs=dict(num_layers=n_mlp, lr_multiplier=0.01),
                      synthesis_kwargs=dict(channel_base=base, channel_max=cmax))
        check_kwargs(path, kwargs, "rosinality generator")
        # Noise buffers the file may lack are made here: up to two per resolution.
        G = build_bounded(path, lambda: Generator(**kwargs), numel(sd), "rosinality generator",
                          allowance=BUILD_ALLOWANCE + 3 * size * size)
        st: dict[str, torch.Tensor] = {}
        for i in range(n_mlp):
            st[f"mapping.fc{i}.weight"] = sd[f"style.{i + 1}.weight"]
            st[f"mapping.fc{i}.bias"] = sd[f"style.{i + 1}.bias"]
        st["synthesis.b4.const"] = sd["input.input"][0]
        _conv(sd, st, "conv1", "synthesis.b4.conv1")
        _torgb(sd, st, "to_rgb1", "synthesis.b4.torgb")
        layers = ["synthesis.b4.conv1"]
        for k in range(n_rgbs):
            r = 8 * 2 ** k
            _conv(sd, st, f"convs.{2 * k}", f"synthesis.b{r}.conv0")
            _conv(sd, st, f"convs.{2 * k + 1}", f"synthesis.b{r}.conv1")
            _torgb(sd, st, f"to_rgbs.{k}", f"synthesis.b{r}.torgb")
            layers += [f"synthesis.b{r}.conv0", f"synthesis.b{r}.conv1"]
        notes = []
        for j, layer in enumerate(layers):
            noise = sd.get(f"noises.noise_{j}")
            if noise is not None:
                st[f"{layer}.noise_const"] = noise.reshape(noise.shape[-2:])
            else:
                r = G.state_dict()[f"{layer}.noise_const"].shape[-1]
                st[f"{layer}.noise_const"] = torch.randn(r, r, generator=torch.Generator().manual_seed(j))
                notes.append("the file stores no constant noise; a fixed random one is used")
        for k, v in G.state_dict().items():  # FIR filters: rosinality's default [1,3,3,1] equals ours
            if k.endswith("resample_filter"):
                st[k] = v
    except KeyError as e:
        raise CheckpointError(path, f"looks like a rosinality StyleGAN2 checkpoint but lacks the tensor {e}") from None
    except (IndexError, ValueError, TypeError, AttributeError, RuntimeError) as e:
        raise CheckpointError(path, f"looks like a rosinality StyleGAN2 checkpoint but its shapes do not fit ({e})") from None
    st["mapping.w_avg"] = torch.zeros(style_dim)
    load_weights(path, G, st, f"rosinality {key}")
    G.float().eval()
    if latent_avg is not None and tuple(latent_avg.reshape(-1).shape) == (style_dim,):
        G.mapping.w_avg.copy_(latent_avg.reshape(-1))
    else:
        # As rosinality's generate.py does: the mean of w over 4096 random z (here seeded).
        with torch.no_grad():
            z = torch.from_numpy(np.random.RandomState(0).randn(4096, style_dim)).float()
            G.mapping.w_avg.copy_(G.mapping(z, None)[:, 0].mean(dim=0))
        notes.append("w_avg estimated from 4096 samples (the file has no latent_avg)")
    check_finite(path, G)
    return LoadedModel(G=G, family="stylegan2", format="rosinality", path=path, network=key,
                       notes=sorted(set(notes)))
