"""Named architectures: the presets users pick (``dcgan64``) and the families files store.

A *family* is a pair of classes (generator, discriminator) rebuilt from keyword
arguments; a *preset* is a family plus the kwargs of a published layout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from torch import nn

from ganexplorer.core.messages import message
from ganexplorer.core.models.dcgan import DCGAN32Discriminator, DCGAN32Generator, DCGANDiscriminator, DCGANGenerator
from ganexplorer.core.models.mlp import MLPDiscriminator, MLPGenerator
from ganexplorer.core.models.stylegan2 import Generator as StyleGAN2Generator
from ganexplorer.core.models.stylegan2_discriminator import Discriminator as StyleGAN2Discriminator

FAMILIES: dict[str, tuple[type[nn.Module], type[nn.Module]]] = {
    "mlp": (MLPGenerator, MLPDiscriminator),
    "dcgan": (DCGANGenerator, DCGANDiscriminator),
    "dcgan32": (DCGAN32Generator, DCGAN32Discriminator),
    "stylegan2": (StyleGAN2Generator, StyleGAN2Discriminator),
}


@dataclass(frozen=True)
class Preset:
    family: str
    g_kwargs: dict[str, Any] = field(default_factory=dict)
    d_kwargs: dict[str, Any] = field(default_factory=dict)
    description: str = ""
    conditional: bool = False   # takes a class label (trained on a labelled dataset)
    trainable: bool = True      # False: too large to train on a CPU in any reasonable time, explore only
    train_defaults: dict[str, Any] = field(default_factory=dict)   # TrainConfig settings this preset wants


QUICK_DEMO = "dcgan32-quick"

PRESETS: dict[str, Preset] = {
    "mlp-gan": Preset("mlp", {}, {}, "vanilla fully connected GAN for 28x28 digits (lecture)"),
    "mlp-gan-bn": Preset("mlp", {"batchnorm": True}, {"batchnorm": True}, "deeper MLP GAN with BatchNorm1d"),
    "dcgan32": Preset("dcgan32", {}, {}, "small up-sampling DCGAN for 1x32x32 images"),
    # The classroom preset: the tutorial DCGAN layout at 32x32, an eighth of its width (ngf 16) and a
    # 64-d z, so a 2-core laptop shows recognisable digits within a minute (benchmarks/bench_quick_demo.py).
    QUICK_DEMO: Preset("dcgan", dict(nz=64, ngf=16, nc=1, resolution=32), dict(ndf=16, nc=1, resolution=32),
                       "quick demo: narrow DCGAN for 1x32x32 digits, recognisable within a minute on a laptop CPU",
                       # small batches make many cheap steps, so the grid changes every second or two
                       train_defaults=dict(batch_size=32, lr=5e-4, sample_every=20)),
    "dcgan32-cond": Preset("dcgan32", {"n_classes": 10}, {"n_classes": 10}, "conditional DCGAN-32, 10 classes",
                           conditional=True),
    "dcgan64": Preset("dcgan", {}, {}, "PyTorch DCGAN tutorial layout, 3x64x64"),
    "dcgan64-cond": Preset("dcgan", {"n_classes": 10}, {"n_classes": 10}, "conditional DCGAN-64, 10 classes",
                           conditional=True),
    "dcgan128": Preset("dcgan", {"resolution": 128}, {"resolution": 128}, "DCGAN tutorial layout, 3x128x128"),
    "stylegan2-32": Preset(
        "stylegan2",
        dict(z_dim=128, w_dim=128, img_resolution=32, img_channels=1, mapping_kwargs=dict(num_layers=4),
             synthesis_kwargs=dict(channel_base=2048, channel_max=64)),
        dict(img_resolution=32, img_channels=1, channel_base=2048, channel_max=64),
        "small StyleGAN2 for 1x32x32 images (CPU-trainable)",
    ),
    "stylegan2-32-cond": Preset(
        "stylegan2",
        dict(z_dim=128, c_dim=10, w_dim=128, img_resolution=32, img_channels=1, mapping_kwargs=dict(num_layers=4),
             synthesis_kwargs=dict(channel_base=2048, channel_max=64)),
        dict(c_dim=10, img_resolution=32, img_channels=1, channel_base=2048, channel_max=64),
        "small class-conditional StyleGAN2 for 1x32x32 images, 10 classes",
        conditional=True,
    ),
    "stylegan2-64": Preset(
        "stylegan2",
        dict(z_dim=128, w_dim=128, img_resolution=64, img_channels=3, mapping_kwargs=dict(num_layers=4),
             synthesis_kwargs=dict(channel_base=4096, channel_max=128)),
        dict(img_resolution=64, img_channels=3, channel_base=4096, channel_max=128),
        "small StyleGAN2 for 3x64x64 images (CPU-trainable, slowly)",
    ),
    # Narrow enough to train on a laptop CPU in about an hour of 2 cores, yet with a 64² block, so it
    # has a "fine" band (64²) for noise and fine styles to act on: trained on builtin:shapes.
    "stylegan2-64-small": Preset(
        "stylegan2",
        dict(z_dim=128, w_dim=128, img_resolution=64, img_channels=3, mapping_kwargs=dict(num_layers=4),
             synthesis_kwargs=dict(channel_base=2048, channel_max=64)),
        dict(img_resolution=64, img_channels=3, channel_base=2048, channel_max=64),
        "narrow StyleGAN2 for 3x64x64 images (the bundled shapes model)",
    ),
    "stylegan2-256": Preset(
        "stylegan2",
        dict(z_dim=512, w_dim=512, img_resolution=256, img_channels=3,
             synthesis_kwargs=dict(channel_base=16384, channel_max=512, num_fp16_res=4, conv_clamp=256)),
        dict(img_resolution=256, img_channels=3, channel_base=16384, channel_max=512, num_fp16_res=4, conv_clamp=256),
        "StyleGAN2-ADA 256x256 (channel_base 16384)",
        trainable=False,
    ),
    "stylegan2-1024": Preset(
        "stylegan2",
        dict(z_dim=512, w_dim=512, img_resolution=1024, img_channels=3,
             synthesis_kwargs=dict(channel_base=32768, channel_max=512, num_fp16_res=4, conv_clamp=256)),
        dict(img_resolution=1024, img_channels=3, channel_base=32768, channel_max=512, num_fp16_res=4, conv_clamp=256),
        "StyleGAN2 config-f 1024x1024",
        trainable=False,
    ),
}


def build_generator(family: str, kwargs: dict[str, Any]) -> nn.Module:
    if family not in FAMILIES:
        raise ValueError(f"unknown model family {family!r}")
    return FAMILIES[family][0](**kwargs)


def build_discriminator(family: str, kwargs: dict[str, Any]) -> nn.Module:
    if family not in FAMILIES:
        raise ValueError(f"unknown model family {family!r}")
    return FAMILIES[family][1](**kwargs)


def build_preset(name: str) -> tuple[nn.Module, nn.Module]:
    """(G, D) of a named architecture, freshly initialised."""
    if name not in PRESETS:
        raise ValueError(message("model.unknown_arch", name=repr(name), choices=", ".join(PRESETS)))
    p = PRESETS[name]
    return build_generator(p.family, dict(p.g_kwargs)), build_discriminator(p.family, dict(p.d_kwargs))
