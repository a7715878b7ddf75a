"""Where the files that ship beside the code live: bundled checkpoints, translations, icons.

From a source checkout they are at the repository root; in the frozen app (PyInstaller)
they are unpacked beside the modules under ``sys._MEIPASS``. One function decides.
"""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding ``checkpoints/`` and ``resources/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def checkpoints_dir() -> Path:
    return app_root() / "checkpoints"


def resources_dir() -> Path:
    return app_root() / "resources"


NOT_GENERATORS = ("digit-classifier.safetensors",)   # bundled, but a classifier, not a model to explore


def bundled_models(folder: Path | None = None) -> list[Path]:
    """The generators that ship with this copy (top of ``checkpoints/``; its subfolders hold training states)."""
    folder = checkpoints_dir() if folder is None else folder
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.safetensors") if p.name not in NOT_GENERATORS)
