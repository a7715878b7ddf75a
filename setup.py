"""Package data that lives outside the package folder.

DESIGN.md keeps the bundled models in ``checkpoints/`` and icons and translations in ``resources/`` at the top of
the repository (so the training scripts, the PyInstaller spec and the docs point at one place). A wheel must carry
them inside the package: this build step copies them into ``ganexplorer/_bundled/`` of the build tree, where
``ganexplorer.core.paths`` finds them through ``importlib.resources``. Everything else is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# (folder in the repository, file patterns, folder under ganexplorer/_bundled). Only the top of checkpoints/:
# its subfolders hold training states, not shipped.
SHIPPED = [
    ("checkpoints", ("*.safetensors",), "checkpoints"),
    ("resources/translations", ("*.qm",), "resources/translations"),
    ("resources/icons", ("*.png", "*.ico", "*.icns"), "resources/icons"),
    (".", ("LICENSE", "THIRD_PARTY_NOTICES.md"), "."),
]


class BuildPyWithBundledFiles(build_py):
    """build_py, plus the bundled files copied into the built package (not for editable installs: there
    core.paths finds them in the checkout)."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        dest_root = Path(self.build_lib) / "ganexplorer" / "_bundled"
        for folder, patterns, dest in SHIPPED:
            files = sorted({p for pattern in patterns for p in (ROOT / folder).glob(pattern) if p.is_file()})
            if not files:
                raise SystemExit(f"nothing to ship from {ROOT / folder} ({', '.join(patterns)})")
            (dest_root / dest).mkdir(parents=True, exist_ok=True)
            for f in files:
                shutil.copy2(f, dest_root / dest / f.name)


setup(cmdclass={"build_py": BuildPyWithBundledFiles})
