"""Which trainer a config gets: ``StyleGAN2Trainer`` for the StyleGAN2 family, ``GANTrainer`` otherwise.

The trainers are imported when one is made, so importing this module costs no torch.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import torch

    from ganexplorer.core.data.dataset import ImageDataset
    from ganexplorer.core.train.distributed import World
    from ganexplorer.core.train.config import TrainConfig
    from ganexplorer.core.train.gan_trainer import GANTrainer


def make_trainer(config: TrainConfig, dataset: ImageDataset, out_dir: str | Path | None = None,
                 resume: bool = False, resume_from: str | Path | None = None, world: World | None = None,
                 device: torch.device | None = None) -> GANTrainer:
    """The trainer for the config's model family (``resume``: go on from ``out_dir/last.safetensors``;
    ``resume_from``: a checkpoint to continue from; ``world``/``device``: see ``GANTrainer``)."""
    from ganexplorer.core.train.distributed import SINGLE
    from ganexplorer.core.models.registry import PRESETS
    from ganexplorer.core.train.gan_trainer import GANTrainer
    from ganexplorer.core.train.stylegan2_trainer import StyleGAN2Trainer

    preset = PRESETS.get(config.model)
    cls = StyleGAN2Trainer if preset is not None and preset.family == "stylegan2" else GANTrainer
    return cls(config, dataset, out_dir=out_dir, resume=resume, resume_from=resume_from,
               world=world if world is not None else SINGLE, device=device)
