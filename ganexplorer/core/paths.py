"""Where the files that ship beside the code live: bundled checkpoints, translations, icons, licences.

Three ways the app is run, one function decides: the frozen app (PyInstaller) unpacks them under
``sys._MEIPASS``; an installed wheel carries them as package data in ``ganexplorer/_bundled/`` (setup.py copies
them there), found through ``importlib.resources``; a source checkout (editable install) has them at the
repository root, as DESIGN.md lays it out.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

BUNDLED_PACKAGE_DIR = "_bundled"


def app_root() -> Path:
    """The folder holding ``checkpoints/``, ``resources/``, ``LICENSE`` and ``THIRD_PARTY_NOTICES.md``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    shipped = resources.files("ganexplorer").joinpath(BUNDLED_PACKAGE_DIR)
    if isinstance(shipped, Path) and shipped.is_dir():   # a wheel installed into a folder (not a zip)
        return shipped
    return Path(__file__).resolve().parents[2]


def checkpoints_dir() -> Path:
    return app_root() / "checkpoints"


def resources_dir() -> Path:
    return app_root() / "resources"


def licence_files() -> list[Path]:
    """ganexplorer's licence and the third-party notices, in the order the About box shows them."""
    return [app_root() / "LICENSE", app_root() / "THIRD_PARTY_NOTICES.md"]


NOT_GENERATORS = ("digit-classifier.safetensors",)   # bundled, but a classifier, not a model to explore


def bundled_models(folder: Path | None = None) -> list[Path]:
    """The generators that ship with this copy (top of ``checkpoints/``; its subfolders hold training states)."""
    folder = checkpoints_dir() if folder is None else folder
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.safetensors") if p.name not in NOT_GENERATORS)
