"""Checkpoint formats: read by content, never executing code from a file."""

from ganexplorer.core.formats.errors import CheckpointError
from ganexplorer.core.formats.load import load_checkpoint
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.formats.native import save_native

__all__ = ["CheckpointError", "LoadedModel", "load_checkpoint", "save_native"]

