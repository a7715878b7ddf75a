"""What a training loop yields. Plain data, so the CLI prints them and the GUI plots them."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ganexplorer.core.messages import message


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
    kind: str = "both"     # 'both': d_steps D updates + one G update; step mode: 'd' or 'g' alone


@dataclass(frozen=True)
class SamplesEvent:
    step: int
    grid: np.ndarray       # uint8 HxWx3, samples from fixed noise


@dataclass(frozen=True)
class MixingEvent:
    """StyleGAN2's style-mixing strip: row seeds take the coarse styles of column seeds."""

    step: int
    grid: np.ndarray       # uint8 HxWx3


# "Recognisable digits": the Train tab's and benchmarks/bench_quick_demo.py's measure.
RECOGNISABLE_CLASSES = 8
RECOGNISABLE_CONFIDENT = 0.4


@dataclass(frozen=True)
class ClassHistogramEvent:
    """What the digit classifier makes of generated samples: a collapsed GAN covers few classes.

    Only *confident* samples are counted: probability >= 0.9 and a classifier feature vector as
    close to its class's real digits as 99 % of them are. The second condition matters because a
    softmax is confident about anything, including the grey noise of an untrained generator.
    """

    step: int
    counts: tuple[int, ...]    # confident samples per class
    coverage: int              # classes holding at least 2% of all samples, confidently
    confident_share: float     # share of all samples that is confident
    samples: int = 200         # how many samples were labelled

    @property
    def recognisable(self) -> bool:
        return self.coverage >= RECOGNISABLE_CLASSES and self.confident_share >= RECOGNISABLE_CONFIDENT


@dataclass(frozen=True)
class CheckpointEvent:
    step: int
    path: Path


@dataclass(frozen=True)
class LogEvent:
    text: str              # a core sentence (``core.messages``): shown through its code, in the user's language


@dataclass(frozen=True)
class SetupEvent:
    """A training session's preparation has reached ``stage`` ('dataset', 'model'): shown while it works."""

    stage: str
    detail: str            # the dataset spec, or the model preset
    text: str              # the same as a core sentence (English, with a code: translate it by code)


@dataclass(frozen=True)
class ReadyEvent:
    """The session is prepared: the trainer, where it saves, and what a consumer shows before step one."""

    trainer: Any           # the GANTrainer (typed loosely: events.py imports no trainer, no import circle)
    run_dir: Path | None   # None: not saving
    real_grid: np.ndarray  # uint8 HxWx3, the first grid_size² training images as the model sees them
    step: int              # > 0 when resumed
    history: tuple[StepEvent, ...]
    dataset_name: str
    resumed: bool


@dataclass(frozen=True)
class StoppedEvent:
    step: int
    reason: str            # 'finished', 'nan', or 'error' (could not start, or could not save: message says why)
    message: str = ""


def format_log(ev: StepEvent) -> str:
    """The one-line progress report (a ``LogEvent``) every ``log_every`` steps: a core sentence
    (code ``train.log_line``), so the CLI and the window say it in the user's language."""
    return message("train.log_line", epoch=ev.epoch, step=ev.step, d_loss=f"{ev.d_loss:.3f}",
                   d_real=f"{ev.d_real:.2f}", d_fake=f"{ev.d_fake:.2f}", g_loss=f"{ev.g_loss:.3f}")
