"""What a training loop yields. Plain data, so the CLI prints them and the GUI plots them."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class StepEvent:
    step: int
    epoch: int
    d_loss: float
    g_loss: float
    d_real: float          # mean D(x): the lecture's p_real
    d_fake: float          # mean D(G(z)) during the D step: p_g
    steps_per_second: float
    r1: float = math.nan   # StyleGAN2's latest R1 penalty (lazy: refreshed every r1_interval D steps)


@dataclass(frozen=True)
class SamplesEvent:
    step: int
    grid: np.ndarray       # uint8 HxWx3, samples from fixed noise


@dataclass(frozen=True)
class MixingEvent:
    """StyleGAN2's style-mixing strip: row seeds take the coarse styles of column seeds."""

    step: int
    grid: np.ndarray       # uint8 HxWx3


@dataclass(frozen=True)
class ClassHistogramEvent:
    """What the digit classifier makes of generated samples: a collapsed GAN covers few classes."""

    step: int
    counts: tuple[int, ...]
    coverage: int              # classes holding at least 2% of the samples
    confident_share: float     # share classified with probability >= 0.9


@dataclass(frozen=True)
class CheckpointEvent:
    step: int
    path: Path


@dataclass(frozen=True)
class LogEvent:
    text: str


@dataclass(frozen=True)
class StoppedEvent:
    step: int
    reason: str            # 'finished', 'nan'
    message: str = ""
