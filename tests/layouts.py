"""Writers that produce checkpoint files in other projects' published layouts, for tests.

Nothing here imports those projects: the files are built from our own modules (whose
class and tensor names equal NVIDIA's) following the facts in shared/FORMATS.md.
"""

from __future__ import annotations

import argparse
import collections
import io
import math
import pickle
import sys
import types
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import torch
from torch import nn

# What NVIDIA's loader would exec. Ours must never run it: if it did, the marker appears.
EVIL_SOURCE = "import pathlib\npathlib.Path({marker!r}).write_text('executed')\n"


class _Persistent:
    def __init__(self, meta: dict) -> None:
        self.meta = meta


class _EasyDict(dict):
    pass


@contextmanager
def _fake_nvidia_modules():
    """Temporarily register torch_utils.persistence and dnnlib.util so pickle can name them."""
    tu = types.ModuleType("torch_utils")
    per = types.ModuleType("torch_utils.persistence")
    dn = types.ModuleType("dnnlib")
    du = types.ModuleType("dnnlib.util")

    def _reconstruct_persistent_obj(meta):  # pragma: no cover - never called by our loader
        raise AssertionError("a test pickle was loaded by something that executes globals")

    _reconstruct_persistent_obj.__module__ = "torch_utils.persistence"
    _reconstruct_persistent_obj.__qualname__ = "_reconstruct_persistent_obj"
    per._reconstruct_persistent_obj = _reconstruct_persistent_obj
    tu.persistence = per
    EasyDict = type("EasyDict", (dict,), {"__module__": "dnnlib.util"})
    du.EasyDict = EasyDict
    dn.util = du
    saved = {k: sys.modules.get(k) for k in ("torch_utils", "torch_utils.persistence", "dnnlib", "dnnlib.util")}
    sys.modules.update({"torch_utils": tu, "torch_utils.persistence": per, "dnnlib": dn, "dnnlib.util": du})
    try:
        yield per._reconstruct_persistent_obj, EasyDict
    finally:
        for k, v in saved.items():
            if v is None:
                sys.modules.pop(k, None)
            else:
                sys.modules[k] = v


def _easy(obj, EasyDict):
    if isinstance(obj, dict):
        return EasyDict({k: _easy(v, EasyDict) for k, v in obj.items()})
    return obj


def _module_state(m: nn.Module, init_kwargs: dict | None, src: str, EasyDict, init_args: tuple = ()) -> _Persistent:
    state = {
        "training": False,
        "_parameters": collections.OrderedDict((k, v) for k, v in m._parameters.items()),
        "_buffers": collections.OrderedDict((k, v) for k, v in m._buffers.items()),
        "_non_persistent_buffers_set": set(),
        "_backward_hooks": collections.OrderedDict(),
        "_forward_hooks": collections.OrderedDict(),
        "_forward_pre_hooks": collections.OrderedDict(),
        "_state_dict_hooks": collections.OrderedDict(),
        "_load_state_dict_pre_hooks": collections.OrderedDict(),
        "_modules": collections.OrderedDict(
            (k, _module_state(c, None, src, EasyDict)) for k, c in m._modules.items()
        ),
        "_init_args": init_args,
        "_init_kwargs": _easy(init_kwargs or {}, EasyDict),
        # NVIDIA stores gains as numpy floats (numpy scalar + dtype globals in the pickle).
        "act_gain": np.float64(math.sqrt(2)),
    }
    return _Persistent(dict(type="class", version=6, module_src=src, class_name=type(m).__name__, state=state))


def nvidia_generator_kwargs(G: nn.Module, layout: str = "ada") -> dict:
    k = G.init_kwargs
    base = {n: k[n] for n in ("z_dim", "c_dim", "w_dim", "img_resolution", "img_channels")}
    if layout == "ada":
        return dict(base, mapping_kwargs=dict(k["mapping_kwargs"]), synthesis_kwargs=dict(k["synthesis_kwargs"]))
    # stylegan3 repository's networks_stylegan2: synthesis kwargs flat, plus its own options.
    return dict(base, mapping_kwargs=dict(k["mapping_kwargs"]), fused_modconv_default="inference_only",
                **k["synthesis_kwargs"])


def write_nvidia_pickle(path: Path, G: nn.Module | None, D: nn.Module | None = None, *, layout: str = "ada",
                        protocol: int = 4, marker: Path | None = None, positional: bool = False,
                        keys: tuple[str, ...] = ("G", "D", "G_ema")) -> Path:
    """A network-snapshot pickle as stylegan2-ada-pytorch (or stylegan3) writes it."""
    src = EVIL_SOURCE.format(marker=str(marker or "/nonexistent/ganexplorer-marker"))
    if layout == "sg3":
        src = "# networks_stylegan2\n" + src
    with _fake_nvidia_modules() as (recon, EasyDict):
        def g_rec():
            kw = nvidia_generator_kwargs(G, layout)
            args: tuple = ()
            if positional:
                names = ("z_dim", "c_dim", "w_dim", "img_resolution", "img_channels")
                args = tuple(kw.pop(n) for n in names)
            return _module_state(G, kw, src, EasyDict, args)

        data = {}
        for key in keys:
            if key in ("G", "G_ema") and G is not None:
                data[key] = g_rec()
            elif key == "D" and D is not None:
                data[key] = _module_state(D, dict(D.init_kwargs), src, EasyDict)
        data["augment_pipe"] = None
        data["training_set_kwargs"] = EasyDict(path="~/datasets/tiny.zip", resolution=32, use_labels=False)

        class P(pickle.Pickler):
            def reducer_override(self, obj):
                if isinstance(obj, _Persistent):
                    return recon, (obj.meta,)
                return NotImplemented

        buf = io.BytesIO()
        P(buf, protocol=protocol).dump(data)
    Path(path).write_bytes(buf.getvalue())
    return Path(path)


def rosinality_state(G: nn.Module) -> tuple[dict, torch.Tensor]:
    """(g_ema state dict in rosinality's names, latent_avg) for one of our StyleGAN2 generators."""
    sd = G.state_dict()
    syn = G.synthesis
    out: dict[str, torch.Tensor] = {}
    n_mlp = G.mapping.num_layers
    for i in range(n_mlp):
        out[f"style.{i + 1}.weight"] = sd[f"mapping.fc{i}.weight"]
        out[f"style.{i + 1}.bias"] = sd[f"mapping.fc{i}.bias"]
    out["input.input"] = sd["synthesis.b4.const"][None]

    def conv(src: str, dst: str) -> None:
        out[f"{dst}.conv.weight"] = sd[f"{src}.weight"][None]
        out[f"{dst}.conv.modulation.weight"] = sd[f"{src}.affine.weight"]
        out[f"{dst}.conv.modulation.bias"] = sd[f"{src}.affine.bias"]
        out[f"{dst}.noise.weight"] = sd[f"{src}.noise_strength"].reshape(1)
        out[f"{dst}.activate.bias"] = sd[f"{src}.bias"]

    def torgb(src: str, dst: str, up: bool) -> None:
        out[f"{dst}.conv.weight"] = sd[f"{src}.weight"][None]
        out[f"{dst}.conv.modulation.weight"] = sd[f"{src}.affine.weight"]
        out[f"{dst}.conv.modulation.bias"] = sd[f"{src}.affine.bias"]
        out[f"{dst}.bias"] = sd[f"{src}.bias"].reshape(1, -1, 1, 1)
        if up:
            out[f"{dst}.upsample.kernel"] = torch.outer(torch.tensor([1., 3, 3, 1]), torch.tensor([1., 3, 3, 1])) / 16

    conv("synthesis.b4.conv1", "conv1")
    torgb("synthesis.b4.torgb", "to_rgb1", False)
    layers = ["synthesis.b4.conv1"]
    for k, r in enumerate(syn.block_resolutions[1:]):
        conv(f"synthesis.b{r}.conv0", f"convs.{2 * k}")
        out[f"convs.{2 * k}.conv.blur.kernel"] = torch.outer(torch.tensor([1., 3, 3, 1]), torch.tensor([1., 3, 3, 1])) / 16
        conv(f"synthesis.b{r}.conv1", f"convs.{2 * k + 1}")
        torgb(f"synthesis.b{r}.torgb", f"to_rgbs.{k}", True)
        layers += [f"synthesis.b{r}.conv0", f"synthesis.b{r}.conv1"]
    for j, layer in enumerate(layers):
        out[f"noises.noise_{j}"] = sd[f"{layer}.noise_const"][None, None]
    return {k: v.clone() for k, v in out.items()}, sd["mapping.w_avg"].clone()


def write_rosinality_train_ckpt(path: Path, G: nn.Module) -> Path:
    """rosinality train.py: {g, d, g_ema, g_optim, d_optim, args, ada_aug_p} via torch.save."""
    sd, _ = rosinality_state(G)
    args = argparse.Namespace(size=G.img_resolution, latent=512, n_mlp=8, channel_multiplier=2, batch=16,
                              path="lmdb", iter=800000, r1=10, augment=False)
    ckpt = {"g": sd, "d": {"convs.0.0.weight": torch.randn(4, 3, 1, 1)}, "g_ema": sd,
            "g_optim": {"state": {}, "param_groups": []}, "d_optim": {"state": {}, "param_groups": []},
            "args": args, "ada_aug_p": 0.0}
    torch.save(ckpt, path)
    return Path(path)


def write_rosinality_converted(path: Path, G: nn.Module) -> Path:
    """rosinality convert_weight.py: {g_ema, latent_avg}."""
    sd, w_avg = rosinality_state(G)
    torch.save({"g_ema": sd, "latent_avg": w_avg}, path)
    return Path(path)


def dcgan_tutorial_state(G: nn.Module, extra_dropout: bool = False) -> dict:
    """Our DCGANGenerator's state dict; optionally re-indexed as if a Dropout followed each ReLU."""
    sd = G.state_dict()
    if not extra_dropout:
        return sd
    out = {}
    for k, v in sd.items():
        _, idx, name = k.split(".", 2)
        i = int(idx)
        out[f"main.{i + i // 3}.{name}"] = v  # every third layer gains a Dropout after it
    return out
