"""Training data: readers for the formats students have, all returning an ImageDataset."""

from ganexplorer.core.data.base import DatasetError, ImageDataset
from ganexplorer.core.data.dataset import open_dataset

__all__ = ["DatasetError", "ImageDataset", "open_dataset"]
