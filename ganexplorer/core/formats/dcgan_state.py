"""DCGAN state dicts in the PyTorch-tutorial layout (``main.{i}`` Sequential).

The stack is inferred from the tensors present, not from the indices: extra layers
without parameters (ReLU, Dropout) shift indices in people's variants. A generator is
a chain of ConvTranspose2d kernels ``[in, out, 4, 4]`` whose ``out`` feeds the next
``in``, with BatchNorm2d between; a discriminator is a chain of Conv2d kernels
``[out, in, 4, 4]`` ending in one output channel.

nz and the label count cannot be told apart from the first kernel alone (it sees
nz + labels inputs): explicit hints in the file or from the user win, otherwise a
common nz is assumed unconditional and an input width of 100 + K is read as a
conditional model with K labels.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import torch

from ganexplorer.core.formats.bounds import build_bounded, check_finite, check_kwargs, numel
from ganexplorer.core.formats.errors import CheckpointError
from ganexplorer.core.formats.loaded import LoadedModel, load_weights
from ganexplorer.core.models.dcgan import DCGANGenerator
from ganexplorer.core.messages import message

G_KEYS = ("netG_state_dict", "netG", "generator", "generator_state_dict", "G", "g", "gen", "G_state_dict",
          "state_dict", "model", "model_state_dict", "net")
D_KEYS = ("netD_state_dict", "netD", "discriminator", "discriminator_state_dict", "D", "d", "disc")
COMMON_NZ = {8, 10, 16, 20, 32, 50, 64, 100, 120, 128, 200, 256, 512}
_PARAM = re.compile(r"^(?P<prefix>.*?)(?P<idx>\d+)\.(?P<name>weight|bias|running_mean|running_var|num_batches_tracked)$")


def _layers(sd: dict) -> list[tuple[str, dict[str, torch.Tensor]]] | None:
    """Parameterised layers of a Sequential state dict in order: [('conv'|'bn', params)]."""
    groups: dict[tuple[str, int], dict[str, torch.Tensor]] = {}
    for k, v in sd.items():
        m = _PARAM.match(str(k))
        if not m or not isinstance(v, torch.Tensor):
            return None
        groups.setdefault((m["prefix"], int(m["idx"])), {})[m["name"]] = v
    if not groups or len({p for p, _ in groups}) != 1:
        return None
    out = []
    for _, params in sorted(groups.items(), key=lambda kv: kv[0][1]):
        w = params.get("weight")
        if w is None:
            return None
        if w.ndim == 4:
            out.append(("conv", params))
        elif w.ndim == 1 and "running_mean" in params:
            out.append(("bn", params))
        else:
            return None
    return out


def _is_generator(layers: list) -> bool:
    convs = [p["weight"] for kind, p in layers if kind == "conv"]
    return len(convs) >= 2 and all(a.shape[1] == b.shape[0] for a, b in zip(convs, convs[1:]))


def _is_discriminator(layers: list) -> bool:
    convs = [p["weight"] for kind, p in layers if kind == "conv"]
    return (len(convs) >= 2 and convs[-1].shape[0] == 1
            and all(a.shape[0] == b.shape[1] for a, b in zip(convs, convs[1:])))


def find_dcgan(obj: Any) -> tuple[str, dict, str] | None:
    """('G' or 'D', state dict, where it was found) for a tutorial-layout file, G preferred."""
    candidates: list[tuple[dict, str]] = []
    if isinstance(obj, dict):
        candidates.append((obj, "state dict"))
        for key in G_KEYS + D_KEYS:
            if isinstance(obj.get(key), dict):
                candidates.append((obj[key], key))
    found_d = None
    for sd, where in candidates:
        layers = _layers(sd)
        if layers is None:
            continue
        if _is_generator(layers) and not _is_discriminator(layers):
            return "G", sd, where
        if _is_discriminator(layers):
            found_d = found_d or ("D", sd, where)
    return found_d


def _hint(obj: Any, names: tuple[str, ...]) -> int | None:
    if isinstance(obj, dict):
        for n in names:
            v = obj.get(n)
            if isinstance(v, int) and not isinstance(v, bool):
                return v
    return None


def load_dcgan(path: Path, obj: Any, sd: dict, where: str, nz: int | None = None) -> LoadedModel:
    layers = _layers(sd)
    if layers is None:
        raise CheckpointError(path, message("ckpt.dcgan_layers"))
    kinds = [k for k, _ in layers]
    expected = ["conv", "bn"] * (kinds.count("conv") - 1) + ["conv"]
    if kinds != expected:
        raise CheckpointError(path, message("ckpt.dcgan_layers"))
    convs = [p["weight"] for k, p in layers if k == "conv"]
    in0 = convs[0].shape[0]
    n_classes_hint = _hint(obj, ("n_classes", "num_classes", "n_labels"))
    nz = nz or _hint(obj, ("nz", "latent_dim", "z_dim"))
    if nz is None and n_classes_hint is not None:
        nz = in0 - n_classes_hint
    if nz is None:
        nz = in0 if in0 in COMMON_NZ or in0 <= 100 else 100
    if not 0 < nz <= in0:
        raise CheckpointError(path, message("ckpt.dcgan_nz", inputs=in0, nz=nz))
    kwargs = dict(nz=nz, ngf=convs[-1].shape[0], nc=convs[-1].shape[1], resolution=4 * 2 ** (len(convs) - 1),
                  n_classes=in0 - nz, conv_bias="bias" in layers[0][1])
    check_kwargs(path, kwargs, "DCGAN generator")
    G = build_bounded(path, lambda: DCGANGenerator(**kwargs), numel(sd), "DCGAN generator")
    canonical: dict[str, torch.Tensor] = {}
    j = -1
    for kind, params in layers:  # conv j -> main.{3j}, its BatchNorm -> main.{3j+1}
        j += kind == "conv"
        idx = 3 * j + (kind == "bn")
        for name, t in params.items():
            canonical[f"main.{idx}.{name}"] = t
    load_weights(path, G, canonical, f"DCGAN generator ({where})")
    G.float().eval()
    check_finite(path, G)
    notes: list[str] = []
    if G.n_classes:
        notes.append(message("fmt.read_conditional", nz=nz, classes=G.n_classes))
    return LoadedModel(G=G, family="dcgan", format="dcgan-state-dict", path=path, network=where, notes=notes)
