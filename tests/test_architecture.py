"""House rules enforced by tools: core never imports Qt, and core's packages stay in their layers."""

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports() -> str | None:
    """The ``lint-imports`` of the interpreter running the tests (works without an activated venv)."""
    beside = Path(sys.executable).parent / ("lint-imports.exe" if sys.platform == "win32" else "lint-imports")
    if beside.is_file():
        return str(beside)
    return shutil.which("lint-imports")


def test_import_linter_contracts_hold():
    exe = _lint_imports()
    if exe is None:
        if importlib.util.find_spec("importlinter") is not None:
            pytest.fail(f"import-linter is installed but no lint-imports was found next to {sys.executable} or on PATH")
        pytest.skip("import-linter is not installed")
    p = subprocess.run([exe], cwd=ROOT, check=False, capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stdout + p.stderr


def test_core_and_cli_import_without_qt():
    code = ("import sys, ganexplorer.core.formats, ganexplorer.core.render, ganexplorer.core.summary, ganexplorer.cli;"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')];"
            "print(bad); sys.exit(1 if bad else 0)")
    p = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stdout + p.stderr
