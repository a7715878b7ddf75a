"""The settings of a training run, and the families' usual optimiser settings.

Importing this module does not import torch, so the CLI can build its ``train`` options from
``TrainConfig``'s field metadata (``settings.py``) without slowing down every other command.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from ganexplorer.core.messages import message
from ganexplorer.core.train.settings import setting, settings_of

LOSSES = ("bce", "minimax", "lsgan")
PRECISIONS = ("fp32", "bf16", "fp16")
_DEVICE = re.compile(r"auto|cpu|cuda|cuda:\d+|mps")


def device_form_ok(text: str) -> bool:
    """Whether ``text`` is a ``--device`` form (whether that device is here is ``placement``'s question)."""
    return _DEVICE.fullmatch((text or "").strip().lower()) is not None

# Optimiser settings per family: the DCGAN paper's for the lecture models (the field defaults),
# StyleGAN2-ADA's for StyleGAN2. A preset's own ``train_defaults`` win over these.
TRAINING_DEFAULTS: dict[str, dict[str, object]] = {
    # R1 10 and translation augmentation: the setting that trained the bundled model (README, "Bundled
    # models"); with 0.01 and none, StyleGAN2-ADA's CIFAR values, it had narrowed onto two digits at 24 kimg.
    "stylegan2": {"batch_size": 32, "lr": 0.0025, "beta1": 0.0, "beta2": 0.99, "r1_gamma": 10.0,
                  "augment": "translation"},
}


def _number(x: float | None) -> str:
    """A bound as a person writes it: 2147483647, 0.1, 1e-05 ('' for no bound)."""
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


@dataclass
class TrainConfig:
    """Every setting of a run. Each field's help, range and families live in its metadata (``settings.py``)."""

    model: str = setting("dcgan32", "the network to train (a trainable preset)")
    data: str = setting("builtin:digits", "what D sees as real: builtin:digits | mnist:PATH | quickdraw:PATH | "
                        "cifar10:DIR | folder:DIR")
    batch_size: int = setting(64, "real and generated images per step", minimum=2, maximum=1024, flag="--batch")
    lr: float = setting(2e-4, "Adam learning rate", minimum=1e-5, maximum=1e-1, flag="--lr")
    beta1: float = setting(0.5, "Adam beta1 (momentum)", minimum=0.0, maximum=0.99, flag="--beta1")
    beta2: float = setting(0.999, "Adam beta2", minimum=0.0, maximum=0.9999)
    loss: str = setting("bce", "non-saturating BCE, the original minimax form, or least squares",
                        families=("mlp", "dcgan", "dcgan32"), flag="--loss", choices=LOSSES)
    d_steps: int = setting(1, "D updates per G update", minimum=1, maximum=10, flag="--d-steps")
    seed: int = setting(0, "random seed for the initial weights, the data order and the sample grid's noise",
                        minimum=0, maximum=2 ** 31 - 1, flag="--seed")
    conditional: bool = setting(False, "use the dataset's labels (conditional presets only)")
    sample_every: int = setting(100, "draw the fixed-noise sample grid every N steps (0 = off)",
                                minimum=0, maximum=100_000, flag="--sample-every")
    checkpoint_every: int = setting(500, "save last.safetensors every N steps (0 = off)...",
                                    minimum=0, maximum=1_000_000, flag="--checkpoint-every")
    checkpoint_minutes: float = setting(2.0, "...or every M minutes after the last save, whichever comes first "
                                        "(0 = steps only)", minimum=0.0, flag="--checkpoint-minutes")
    log_every: int = setting(100, "print a log line every N steps (0 = off)", minimum=0, flag="--log-every")
    grid_size: int = setting(8, "the fixed-noise sample grid is grid_size x grid_size", minimum=1)
    watch_classes: bool = setting(True, "label samples with the digit classifier (digit data only)")
    device: str = setting("auto", "where to train: auto (CUDA, then MPS, then the CPU), cpu, cuda, cuda:N or mps; "
                          "under torchrun each process takes the GPU of its LOCAL_RANK", flag="--device")
    precision: str = setting("fp32", "number format of the forward passes: fp32, or bf16 / fp16 mixed precision "
                             "(faster on recent GPUs; fp16 scales its losses); weights stay fp32",
                             flag="--precision", choices=PRECISIONS)
    # StyleGAN2 only (ignored by the other families); defaults follow StyleGAN2-ADA's small configs.
    r1_gamma: float = setting(0.01, "R1 weight: gamma/2 * E|grad_x D(x)|^2 on real images", minimum=0.0,
                              maximum=100.0, families=("stylegan2",), flag="--r1-gamma")
    r1_interval: int = setting(16, "lazy regularisation: R1 every N D steps, scaled by N", minimum=1,
                               families=("stylegan2",))
    pl_weight: float = setting(0.0, "path-length regularisation weight (0 = off)", minimum=0.0, maximum=10.0,
                               families=("stylegan2",), flag="--pl-weight")
    pl_interval: int = setting(4, "path-length regularisation every N G steps", minimum=1, families=("stylegan2",))
    mixing_prob: float = setting(0.9, "style-mixing probability", minimum=0.0, maximum=1.0,
                                 families=("stylegan2",), flag="--mixing-prob")
    ema_kimg: float = setting(10.0, "half-life of G's moving average, in thousands of images", minimum=0.0,
                              families=("stylegan2",))
    ema_rampup: float | None = setting(0.05, "EMA half-life ramp-up as a fraction of the images seen (None = off)",
                                       families=("stylegan2",))
    augment: str = setting("", "differentiable augmentation for D on small data: translation, cutout, "
                           "translation,cutout or none", families=("stylegan2",), flag="--augment")

    @classmethod
    def for_model(cls, model: str, **overrides: object) -> "TrainConfig":
        """The family's usual optimiser settings, then ``overrides`` (``None`` values are ignored)."""
        from ganexplorer.core.models.registry import PRESETS   # torch: only when a config is made

        preset = PRESETS.get(model)
        base: dict[str, Any] = dict(TRAINING_DEFAULTS.get(preset.family, {})) if preset else {}
        base.update(preset.train_defaults if preset else {})
        base.update({k: v for k, v in overrides.items() if v is not None})
        return cls(model=model, **base)

    def _check_ranges(self) -> None:
        """Every numeric setting is a finite number inside the range its metadata declares."""
        for name, st in settings_of(type(self)).items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                continue
            flag = st.flag or name
            if not math.isfinite(value):
                raise ValueError(message("train.finite", name=flag, value=value))
            if (st.minimum is not None and value < st.minimum) or (st.maximum is not None and value > st.maximum):
                low, high = _number(st.minimum), _number(st.maximum)
                shown = _number(value)
                raise ValueError(message("train.range", name=flag, low=low, high=high, value=shown) if low and high
                                 else message("train.at_least", name=flag, low=low, value=shown) if low
                                 else message("train.at_most", name=flag, high=high, value=shown))

    def validate(self) -> None:
        """Raise ``ValueError`` with one sentence for the first setting that cannot train."""
        from ganexplorer.core.models.registry import PRESETS

        if self.model not in PRESETS or not PRESETS[self.model].trainable:
            names = [n for n, p in PRESETS.items() if p.trainable]
            raise ValueError(message("train.choice", name="--model", choices=", ".join(names), value=repr(self.model)))
        self._check_ranges()
        if self.loss not in LOSSES:
            raise ValueError(message("train.choice", name="loss", choices=", ".join(LOSSES), value=repr(self.loss)))
        if self.batch_size < 2 or self.lr <= 0 or not 0 <= self.beta1 < 1 or self.d_steps < 1:
            raise ValueError(message("train.basic"))
        if not device_form_ok(self.device):
            raise ValueError(message("train.device", value=repr(self.device)))
        if self.precision not in PRECISIONS:
            raise ValueError(message("train.choice", name="--precision", choices=", ".join(PRECISIONS),
                                     value=repr(self.precision)))
        if self.checkpoint_every < 0 or not self.checkpoint_minutes >= 0:
            raise ValueError(message("train.intervals"))
        if PRESETS[self.model].family == "stylegan2":
            if self.batch_size % 4:
                raise ValueError(message("train.sg2_batch"))
            if self.r1_gamma < 0 or self.r1_interval < 1 or self.pl_weight < 0 or self.pl_interval < 1 \
                    or not 0 <= self.mixing_prob <= 1 or self.ema_kimg < 0:
                raise ValueError(message("train.sg2_settings"))
            unknown = [a for a in self.augment.split(",") if a and a not in ("translation", "cutout")]
            if unknown:
                raise ValueError(message("train.augment", name=repr(unknown[0])))
