"""What every reader returns (:class:`ImageDataset`) and raises (:class:`DatasetError`).

Kept apart from :mod:`.dataset` (which picks a reader from a ``kind:PATH`` spec) so that the
readers import this module and :mod:`.dataset` imports the readers: one direction, no circle.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F

__all__ = ["DatasetError", "ImageDataset", "model_input"]


class DatasetError(Exception):
    """A dataset could not be read; ``str()`` is one sentence naming the file."""


@dataclass
class ImageDataset:
    """``images``: uint8 [N, C, H, W]; ``labels``: int64 [N] or None."""

    name: str
    images: torch.Tensor
    labels: torch.Tensor | None = None
    class_names: tuple[str, ...] = ()
    attribution: str = ""

    def __len__(self) -> int:
        return int(self.images.shape[0])

    @property
    def channels(self) -> int:
        return int(self.images.shape[1])

    @property
    def resolution(self) -> int:
        return int(self.images.shape[-1])

    @property
    def n_classes(self) -> int:
        return len(self.class_names)

    def prepared(self, resolution: int, channels: int) -> torch.Tensor:
        """The whole set as float images in [-1, 1] at ``resolution`` with ``channels`` channels (grey <-> RGB).

        Four times the memory of the uint8 set: for small sets and metrics. Training converts one
        batch at a time instead (:class:`ganexplorer.core.data.batches.TrainingImages`)."""
        return model_input(self.images, resolution, channels)


def model_input(images: torch.Tensor, resolution: int, channels: int) -> torch.Tensor:
    """uint8 images [N, C, H, W] -> float [N, channels, resolution, resolution] in [-1, 1].

    Each image is converted on its own terms (no statistics across the batch), so converting a
    batch gives the same numbers as converting the whole set and then picking the batch."""
    x = images.float() / 127.5 - 1
    if x.shape[1] != channels:
        if channels == 1:
            x = x.mean(dim=1, keepdim=True)
        elif x.shape[1] == 1:
            x = x.expand(-1, channels, -1, -1)
        else:
            raise DatasetError(f"cannot turn {x.shape[1]}-channel images into {channels} channels")
    if x.shape[-1] != resolution or x.shape[-2] != resolution:
        x = F.interpolate(x, size=(resolution, resolution), mode="bilinear", align_corners=False, antialias=True)
    return x.clamp(-1, 1).contiguous()
