"""What every reader returns (:class:`ImageDataset`) and raises (:class:`DatasetError`).

Kept apart from :mod:`.dataset` (which picks a reader from a ``kind:PATH`` spec) so that the
readers import this module and :mod:`.dataset` imports the readers: one direction, no circle.
"""

from __future__ import annotations

import os

from dataclasses import dataclass

import torch
import torch.nn.functional as F

from ganexplorer.core.messages import message

__all__ = ["MAX_IMAGE_BYTES", "MAX_SIDE", "DatasetError", "ImageDataset", "guarded_open", "model_input", "too_many"]

# What a training set may hold in memory, as uint8 pixels (every reader checks before it reads): 384 MB is
# 490 000 MNIST-size or 130 000 CIFAR-size images, more than any model here trains on in a lesson, and
# keeps a refusal (or a load) well under the 1.5 GB a classroom laptop can spare.
MAX_IMAGE_BYTES = 384 * 2**20
MAX_SIDE = 1024   # pixels a side of one stored image: the largest model (64 images at 4096² were 4 GB as float)


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
    notes: tuple[str, ...] = ()   # sentences about what was left out ("skipped 3 unreadable images in ...")

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


def too_many(path: "str | os.PathLike[str]", n_bytes: int, what: str = "images") -> DatasetError:
    """The refusal of a set larger than :data:`MAX_IMAGE_BYTES`."""
    from ganexplorer.core.guarded import shown_path, size_text

    code = "data.too_many_drawings" if what == "drawings" else "data.too_many_images"
    return DatasetError(message(code, path=shown_path(path), size=size_text(n_bytes), limit=size_text(MAX_IMAGE_BYTES)))


def guarded_open(path: object, limit: int, what: str):  # noqa: ANN201 - (BinaryIO, size)
    """:func:`ganexplorer.core.guarded.open_input` with its refusal as a :class:`DatasetError`."""
    from ganexplorer.core.guarded import InputFileError, open_input

    try:
        return open_input(path, limit, what)  # type: ignore[arg-type]
    except InputFileError as e:
        raise DatasetError(str(e)) from None


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
            raise DatasetError(message("data.channels", have=x.shape[1], want=channels))
    if x.shape[-1] != resolution or x.shape[-2] != resolution:
        x = F.interpolate(x, size=(resolution, resolution), mode="bilinear", align_corners=False, antialias=True)
    return x.clamp(-1, 1).contiguous()
