"""Checkpoint formats: read by content, never executing code from a file.

The names below are imported on first use: the isolated reader process imports
``ganexplorer.core.formats.isolated`` and must not pay for torch (see :mod:`.isolated`).
"""

from __future__ import annotations

from typing import Any

__all__ = ["CheckpointError", "LoadCancelled", "LoadedModel", "load_checkpoint", "save_native"]

_WHERE = {
    "CheckpointError": "ganexplorer.core.formats.errors",
    "LoadCancelled": "ganexplorer.core.formats.errors",
    "LoadedModel": "ganexplorer.core.formats.loaded",
    "load_checkpoint": "ganexplorer.core.formats.load",
    "save_native": "ganexplorer.core.formats.native",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        import importlib

        value = getattr(importlib.import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
