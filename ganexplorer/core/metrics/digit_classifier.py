"""A small digit classifier, trained by the project on the built-in digits, to watch for mode collapse.

It labels generated samples so the Train tab can show which digits a GAN produces: a GAN
that has collapsed covers few classes. Input: grey 32x32 in [-1, 1] (other sizes are
resized). The weights ship in ``checkpoints/digit-classifier.safetensors``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn.functional as F
from safetensors import safe_open
from torch import nn

from ganexplorer.core.data.dataset import ImageDataset
from ganexplorer.core.messages import message
from ganexplorer.core.paths import checkpoints_dir

BUNDLED = checkpoints_dir() / "digit-classifier.safetensors"
META_KEY = "ganexplorer_classifier"


class DigitClassifier(nn.Module):
    """Three conv blocks -> 64 features -> 10 logits."""

    def __init__(self) -> None:
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
        )
        self.head = nn.Linear(64, 10)

    @staticmethod
    def prepare(images: torch.Tensor) -> torch.Tensor:
        """Any [N, C, H, W] in [-1, 1] -> grey 32x32."""
        x = images.float()
        if x.shape[1] != 1:
            x = x.mean(dim=1, keepdim=True)
        if x.shape[-1] != 32 or x.shape[-2] != 32:
            x = F.interpolate(x, size=(32, 32), mode="bilinear", align_corners=False, antialias=True)
        return x

    def embed(self, images: torch.Tensor) -> torch.Tensor:
        return self.features(self.prepare(images))

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        return self.head(self.embed(images))


@dataclass(frozen=True)
class ClassReport:
    counts: tuple[int, ...]          # samples per class
    confident_share: float           # share classified with probability >= 0.9
    coverage: int                    # classes that hold at least 2% of the samples

    @property
    def largest_share(self) -> float:
        return max(self.counts) / max(1, sum(self.counts))


@torch.no_grad()
def class_report(clf: DigitClassifier, images: torch.Tensor, gate: "DigitGate | None" = None) -> ClassReport:
    """Label ``images`` and summarise: histogram, confident share, coverage.

    Without ``gate`` every sample counts under its most likely label (``ganexplorer quality``'s
    stored figures); with one, only the samples the gate recognises count (the Train tab).
    """
    clf.eval()
    n = max(1, len(images))
    if gate is not None:
        counts = torch.tensor(gate.confident_counts(images))
        return ClassReport(tuple(int(c) for c in counts), float(counts.sum()) / n,
                           int((counts.float() / n >= 0.02).sum()))
    p = F.softmax(clf(images), dim=1)
    conf, label = p.max(dim=1)
    counts = torch.bincount(label, minlength=10)
    return ClassReport(tuple(int(c) for c in counts), float((conf >= 0.9).float().mean()),
                       int((counts.float() / n >= 0.02).sum()))


class DigitGate:
    """Which generated samples the digit classifier recognises *confidently*: probability >= 0.9 and
    a feature vector within the distance of 99 % of the real digits of that class from their mean.

    The second test is needed because a softmax classifier is just as sure about grey noise (an
    untrained generator) as about a digit: the bundled one calls every such picture an '8'.
    """

    def __init__(self, classifier: DigitClassifier, real: torch.Tensor) -> None:
        """``real``: some real images [N, C, H, W] in [-1, 1], any size (the classifier resizes them)."""
        self.classifier = classifier.eval()
        self._real: torch.Tensor | None = real   # measured on first use (on the training thread)
        self.centres = torch.zeros(0)
        self.radius = torch.zeros(0)

    @torch.no_grad()
    def _fit(self, real: torch.Tensor) -> None:
        feats = self.classifier.embed(real)
        labels = self.classifier.head(feats).argmax(dim=1)
        self.centres = torch.zeros(10, feats.shape[1])
        self.radius = torch.full((10,), -1.0)   # a class the real data never shows admits nothing
        for k in range(10):
            mine = feats[labels == k]
            if len(mine):
                self.centres[k] = mine.mean(dim=0)
                self.radius[k] = torch.quantile((mine - self.centres[k]).norm(dim=1), 0.99)
        self._real = None

    @torch.no_grad()
    def confident_counts(self, images: torch.Tensor) -> tuple[int, ...]:
        if self._real is not None:
            self._fit(self._real)
        feats = self.classifier.embed(images)
        p, label = F.softmax(self.classifier.head(feats), dim=1).max(dim=1)
        near = (feats - self.centres[label]).norm(dim=1) <= self.radius[label]
        ok = (p >= 0.9) & near
        return tuple(int(c) for c in torch.bincount(label[ok], minlength=10))



@torch.no_grad()
def init_like_torch(module: nn.Module, generator: torch.Generator) -> None:
    """Draw every conv and linear layer's weights as their constructors do, from ``generator``.

    The classifier's initial weights are then the ones ``torch.manual_seed(seed)`` before building it
    gave (the bundled classifier was trained so), while the global random stream stays the caller's."""
    for m in module.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.kaiming_uniform_(m.weight, a=math.sqrt(5), generator=generator)
            if m.bias is not None:
                fan_in, _ = nn.init._calculate_fan_in_and_fan_out(m.weight)
                bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0.0
                nn.init.uniform_(m.bias, -bound, bound, generator=generator)


def train_classifier(data: ImageDataset, seed: int = 0, epochs: int = 25,
                     held_out: float = 0.2) -> tuple[DigitClassifier, float]:
    """Train on a split of ``data`` (with small random shifts); returns (model, held-out accuracy)."""
    if data.labels is None:
        raise ValueError(message("metrics.no_labels", name=data.name))
    g = torch.Generator().manual_seed(seed)
    x = data.prepared(32, 1)
    y = data.labels
    perm = torch.randperm(len(x), generator=g)
    n_test = int(len(x) * held_out)
    test, train = perm[:n_test], perm[n_test:]
    with torch.device("meta"):   # built without weights, so its constructor draws nothing from the global stream
        clf = DigitClassifier()
    clf = clf.to_empty(device="cpu")
    init_like_torch(clf, torch.Generator().manual_seed(seed))
    opt = torch.optim.Adam(clf.parameters(), lr=2e-3)
    for _ in range(epochs):
        clf.train()
        order = train[torch.randperm(len(train), generator=g)]
        for i in range(0, len(order), 64):
            idx = order[i:i + 64]
            xb = x[idx]
            dx, dy = (int(v) for v in torch.randint(-2, 3, (2,), generator=g))
            xb = torch.roll(xb, shifts=(dy, dx), dims=(2, 3))
            loss = F.cross_entropy(clf(xb), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
    clf.eval()
    with torch.no_grad():
        acc = float((clf(x[test]).argmax(dim=1) == y[test]).float().mean()) if n_test else float("nan")
    return clf, acc




def load_classifier(path: str | Path = BUNDLED) -> tuple[DigitClassifier, dict]:
    with safe_open(str(path), framework="pt") as f:
        info = json.loads((f.metadata() or {}).get(META_KEY, "{}"))
        state = {k: f.get_tensor(k) for k in f.keys()}
    with torch.device("meta"):   # no weights drawn: its constructor takes nothing from torch's global RNG
        clf = DigitClassifier()
    clf.load_state_dict(state, assign=True)
    return clf.eval(), info


def digits_like(dataset_name: str) -> bool:
    """Whether generated samples of this dataset are digits the classifier can label."""
    name = dataset_name.lower()
    return name.startswith("builtin:digits") or (name.startswith("mnist:") and "fashion" not in name)
