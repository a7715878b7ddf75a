"""rosinality/stylegan2-pytorch checkpoints, mapped onto our (NVIDIA-named) generator.

``train.py`` saves ``{g, d, g_ema, g_optim, d_optim, args, ada_aug_p}``;
``convert_weight.py`` saves ``{g_ema, latent_avg}``. Architecture facts come from tensor
shapes alone: resolution from the number of toRGB layers, style width and mapping
depth from ``style.{i}``, channels per resolution from the conv kernels. The layers
are numerically the same as NVIDIA's, so the mapping is a renaming (see FORMATS.md):
``style.{i+1}`` -> ``mapping.fc{i}``, ``convs.{2k}``/``{2k+1}`` -> ``b{8*2^k}.conv0``/``conv1``,
``noises.noise_{j}`` -> each layer's ``noise_const``, ``latent_avg`` -> ``w_avg``.

``train.py`` checkpoints also hold the discriminator ``d``; rosinality's ``Discriminator``
(model.py L640-697) is NVIDIA's resnet D with ``channel_base = 16384 * channel_multiplier``,
no clamp, minibatch std over groups of 4 with one feature, so it too is a renaming onto our
:class:`Discriminator` (:func:`load_rosinality_d`). A D that cannot be mapped (``swagan``, a
channel pattern no StyleGAN2 layout has) becomes a note; the generator still loads.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, cast

import numpy as np
import torch

from ganexplorer.core.formats.bounds import BUILD_ALLOWANCE, build_bounded, check_finite, check_kwargs, numel
from ganexplorer.core.formats.errors import CheckpointError
from ganexplorer.core.formats.loaded import LoadedModel, load_weights
from ganexplorer.core.models.stylegan2 import Generator
from ganexplorer.core.models.stylegan2_discriminator import Discriminator
from ganexplorer.core.ops import make_filter
from ganexplorer.core.messages import message


def is_rosinality_state(sd: Any) -> bool:
    return isinstance(sd, dict) and "input.input" in sd and "conv1.conv.weight" in sd and "style.1.weight" in sd


class GeneratorState(dict):
    """A generator state dict that remembers the checkpoint it came from (``d`` and ``args`` sit beside it)."""

    checkpoint: dict | None = None


def find_rosinality(obj: Any) -> tuple[dict, str] | None:
    """(generator state dict, its key) for a rosinality checkpoint, preferring g_ema.

    The state dict is a :class:`GeneratorState` whose ``checkpoint`` is the whole file's dict
    (None for a bare state dict), so :func:`load_rosinality` can load the discriminator too."""
    if is_rosinality_state(obj):
        return obj, "state dict"
    if isinstance(obj, dict):
        for key in ("g_ema", "g"):
            if is_rosinality_state(obj.get(key)):
                sd = GeneratorState(obj[key])
                sd.checkpoint = obj
                return sd, key
    return None


def _channel_layout(channels: dict[int, int], path: Path) -> tuple[int, int]:
    """(channel_base, channel_max) such that min(base // r, max) reproduces ``channels``."""
    cmax = max(channels.values())
    below = [r for r in sorted(channels) if channels[r] < cmax]
    base = channels[below[0]] * below[0] if below else cmax * max(channels)
    if any(min(base // r, cmax) != c for r, c in channels.items()):
        raise CheckpointError(path, message("ckpt.rosinality_channels", channels=channels))
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
    """rosinality's generator state dict as our StyleGAN2 Generator.

    Long because it is one key map read top to bottom (sizes from the keys, then each layer's renaming);
    split up, the map would no longer read in the order of rosinality's ``model.py``.
    """
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
        G = cast(Generator, build_bounded(path, lambda: Generator(**kwargs), numel(sd), "rosinality generator",
                                          allowance=BUILD_ALLOWANCE + 3 * size * size))
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
        notes: list[str] = []
        for j, layer in enumerate(layers):
            noise = sd.get(f"noises.noise_{j}")
            if noise is not None:
                st[f"{layer}.noise_const"] = noise.reshape(noise.shape[-2:])
            else:
                r = G.state_dict()[f"{layer}.noise_const"].shape[-1]
                st[f"{layer}.noise_const"] = torch.randn(r, r, generator=torch.Generator().manual_seed(j))
                notes.append(message("fmt.noise_random"))
        for name in G.state_dict():  # FIR filters: rosinality's default [1,3,3,1] equals ours (G is on meta)
            if name.endswith("resample_filter"):
                st[name] = make_filter()
    except KeyError as e:
        raise CheckpointError(path, message("ckpt.rosinality_missing", name=e)) from None
    except (IndexError, ValueError, TypeError, AttributeError, RuntimeError) as e:
        raise CheckpointError(path, message("ckpt.rosinality_shapes", detail=e)) from None
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
        notes.append(message("fmt.w_avg_estimated", count=4096))
    check_finite(path, G)
    D = None
    ckpt = getattr(sd, "checkpoint", None)
    if isinstance(ckpt, dict) and "d" in ckpt:
        D, problem = load_rosinality_d(path, ckpt["d"], ckpt.get("args"))
        if problem:
            notes.append(message("fmt.d_not_loaded", problem=problem))
    return LoadedModel(G=G, D=D, family="stylegan2", format="rosinality", path=path, network=key,
                       notes=sorted(set(notes)))


def load_rosinality_d(path: Path, sd: Any, args: Any) -> tuple[Discriminator | None, str | None]:
    """(our Discriminator holding rosinality's ``d``, None) or (None, why it was not loaded).

    Layout (model.py L640-697, state_dict keys unchanged since 2019): ``convs.0`` = fromRGB
    ConvLayer (EqualConv2d 1x1 + FusedLeakyReLU), ``convs.{i}`` = ResBlock (conv1 3x3, conv2 =
    Blur + stride-2 3x3, skip = Blur + stride-2 1x1 without bias, summed / sqrt(2)),
    ``final_conv`` (after the minibatch std channel), ``final_linear.0/1``. Mapped onto
    NVIDIA's names: fromrgb, conv0, conv1, skip, b4.conv, b4.fc, b4.out; the Blur kernels
    (outer([1,3,3,1]) / 64) must equal our resample filters, FusedLeakyReLU (x + b, slope
    0.2, x sqrt(2)) is our lrelu bias_act, ResBlock's / sqrt(2) our gain sqrt(0.5) on both
    branches (no clamp), equalised-lr scales 1 / sqrt(fan_in) in both.
    """
    arch = args.get("arch") if isinstance(args, dict) else None
    if arch not in (None, "stylegan2"):
        return None, f"its architecture is '{str(arch)[:40]}', whose discriminator layout ganexplorer does not read"
    if not isinstance(sd, dict) or not all(isinstance(v, torch.Tensor) for v in sd.values()):
        return None, "it is not a state dict"
    try:
        n_blocks = len([k for k in sd if re.fullmatch(r"convs\.\d+\.conv1\.0\.weight", k)])
        size = 4 * 2 ** n_blocks
        img_channels = sd["convs.0.0.weight"].shape[1]
        channels = {size: sd["convs.0.0.weight"].shape[0], 4: sd["final_conv.0.weight"].shape[0]}
        for i in range(1, n_blocks + 1):
            res = size >> (i - 1)
            channels[res] = sd[f"convs.{i}.conv1.0.weight"].shape[0]
            channels[res // 2] = sd[f"convs.{i}.conv2.1.weight"].shape[0]
        if n_blocks < 1 or sd["final_linear.0.weight"].shape[1] != channels[4] * 16:
            return None, "its shapes do not fit rosinality's discriminator"
        try:
            base, cmax = _channel_layout(channels, path)
        except CheckpointError:   # e.g. channel_multiplier 4: 1024 channels at 64 px but 512 at 32 px
            return None, (f"its channel counts per resolution ({channels}) fit no StyleGAN2 layout; "
                          "only channel_multiplier 1 and 2 do")
        kwargs = dict(c_dim=0, img_resolution=size, img_channels=img_channels, architecture="resnet",
                      channel_base=base, channel_max=cmax, epilogue_kwargs=dict(mbstd_group_size=4,
                                                                                mbstd_num_channels=1))
        check_kwargs(path, kwargs, "rosinality discriminator")
        D = cast(Discriminator, build_bounded(path, lambda: Discriminator(**kwargs), numel(sd),
                                              "rosinality discriminator"))   # build_bounded returns what it built
        own = D.state_dict()
        st = {k: make_filter() for k in own if k.endswith("resample_filter")}   # ours = rosinality's Blur kernel
        names = {"convs.0.0.weight": f"b{size}.fromrgb.weight", "convs.0.1.bias": f"b{size}.fromrgb.bias",
                 "final_conv.0.weight": "b4.conv.weight", "final_conv.1.bias": "b4.conv.bias",
                 "final_linear.0.weight": "b4.fc.weight", "final_linear.0.bias": "b4.fc.bias",
                 "final_linear.1.weight": "b4.out.weight", "final_linear.1.bias": "b4.out.bias"}
        for i in range(1, n_blocks + 1):
            b = f"b{size >> (i - 1)}"
            names.update({f"convs.{i}.conv1.0.weight": f"{b}.conv0.weight", f"convs.{i}.conv1.1.bias": f"{b}.conv0.bias",
                          f"convs.{i}.conv2.1.weight": f"{b}.conv1.weight", f"convs.{i}.conv2.2.bias": f"{b}.conv1.bias",
                          f"convs.{i}.skip.1.weight": f"{b}.skip.weight"})
            for blur, ours in ((f"convs.{i}.conv2.0.kernel", f"{b}.conv1.resample_filter"),
                               (f"convs.{i}.skip.0.kernel", f"{b}.skip.resample_filter")):
                k = sd.get(blur)
                if k is not None and (tuple(k.shape) != tuple(own[ours].shape)
                                      or not torch.allclose(k.float(), st[ours], atol=1e-6)):
                    return None, "its blur kernels are not rosinality's [1, 3, 3, 1]"
        unknown = [k for k in sd if k not in names and not k.endswith(".kernel")]
        if unknown:
            return None, f"it holds {unknown[0][:60]}, which rosinality's discriminator does not"
        st.update({names[k]: v for k, v in sd.items() if k in names})
        load_weights(path, D, st, "rosinality discriminator")
        D.float().eval()
        check_finite(path, D, "discriminator")
    except CheckpointError as e:
        return None, e.problem
    except KeyError as e:
        return None, f"it lacks the tensor {e}"
    except (IndexError, ValueError, TypeError, AttributeError, RuntimeError) as e:
        return None, f"its shapes do not fit ({e})"
    return D, None
