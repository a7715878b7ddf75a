"""How far the generator's attempt is from the target: nothing downloaded, everything shipped.

NVIDIA's projector measures distance with VGG16 features (LPIPS), a 528 MB download this app
cannot assume offline. Ours: mean squared pixel error at several scales (full size, then
average-pooled by 2 down to 8 px), so coarse shape and fine detail both pull; plus, for grey
models (the digits), a perceptual term from the digit classifier the app already ships: its
three conv layers' activations, each unit-normalised across channels as LPIPS does, compared
by squared distance. The classifier's features say "the stroke is a loop here", which pixels
alone miss when a drawn stroke is thicker or shifted (benchmarks/bench_project.py measures
how often the projected digit keeps the drawn digit's class with and without it).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from ganexplorer.core.messages import message

if TYPE_CHECKING:
    from ganexplorer.core.metrics.digit_classifier import DigitClassifier

MIN_SCALE = 8
PERCEPTUAL_WEIGHT = 0.5   # measured on the bundled digits: see bench_project.py


def pixel_pyramid(img: torch.Tensor) -> list[torch.Tensor]:
    """``img`` and its 2x average-pooled copies down to MIN_SCALE px (at least one level)."""
    out = [img]
    while out[-1].shape[-1] // 2 >= MIN_SCALE:
        out.append(F.avg_pool2d(out[-1], 2))
    return out


class DigitFeatures(nn.Module):
    """The shipped digit classifier's conv activations (after each ReLU), frozen."""

    TAPS = (1, 4, 7)

    def __init__(self, classifier: DigitClassifier) -> None:
        super().__init__()
        self.classifier = classifier.eval()
        for p in self.classifier.parameters():
            p.requires_grad_(False)

    def forward(self, img: torch.Tensor) -> list[torch.Tensor]:
        x = self.classifier.prepare(img)
        feats = []
        for i, layer in enumerate(self.classifier.features):
            x = layer(x)
            if i in self.TAPS:
                feats.append(x * (x.square().sum(1, keepdim=True) + 1e-12).rsqrt())   # 2x norm()'s speed
            if i >= self.TAPS[-1]:
                break
        return feats


def shipped_features(channels: int, resolution: int) -> DigitFeatures | None:
    """The perceptual network for a model, or None: the digit classifier for grey models up to 64 px."""
    if channels != 1 or resolution > 64:
        return None
    from ganexplorer.core.metrics.digit_classifier import BUNDLED, load_classifier

    if not BUNDLED.is_file():
        return None
    return DigitFeatures(load_classifier(BUNDLED)[0])


class Distance:
    """distance(img) = mean over scales of the pixel MSE + ``weight`` * feature distance (if a network)."""

    def __init__(self, target: torch.Tensor, features: DigitFeatures | None = None,
                 weight: float = PERCEPTUAL_WEIGHT) -> None:
        self.target = target
        self._levels = pixel_pyramid(target)
        self.features = features.to(target.device) if features is not None and weight > 0 else None
        self.weight = weight
        self._target_feats = None
        if self.features is not None:
            with torch.no_grad():
                self._target_feats = self.features(target)

    @property
    def description(self) -> str:
        scales = ", ".join(str(t.shape[-1]) for t in self._levels)
        if self.features is not None:
            return message("proj.distance_features", scales=scales, weight=f"{self.weight:g}")
        return message("proj.distance", scales=scales)

    def per_image(self, img: torch.Tensor) -> torch.Tensor:
        """[N] distances of a batch ``img`` [N, C, R, R] to the target."""
        total = img.new_zeros(img.shape[0])
        for mine, theirs in zip(pixel_pyramid(img), self._levels):
            total = total + (mine - theirs).square().flatten(1).mean(1)
        total = total / len(self._levels)
        if self.features is not None and self._target_feats is not None:
            for mine, theirs in zip(self.features(img), self._target_feats):
                total = total + self.weight * (mine - theirs).square().sum(1).flatten(1).mean(1)
        return total

    def __call__(self, img: torch.Tensor) -> torch.Tensor:
        return self.per_image(img).sum()


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    """PSNR in dB of two uint8 pictures as the user sees them (peak 255); inf when equal."""
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return float("inf") if mse == 0 else 10 * math.log10(255.0 ** 2 / mse)
