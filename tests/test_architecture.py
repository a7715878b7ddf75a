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


def _classes_with_many_bases(folder: Path) -> list[str]:
    """'file:line Class(A, B, C)' for every class statement under ``folder`` that names 3 or more bases."""
    import ast

    out = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and len(node.bases) >= 3:
                out.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}({', '.join(map(ast.unparse, node.bases))})")
    return out


def test_no_gui_class_is_assembled_from_three_or_more_bases():
    """Issue 22: windows and tabs are composed of child widgets and parts that talk through signals and public
    methods, not assembled from mixins reading each other's fields."""
    many = _classes_with_many_bases(ROOT / "ganexplorer/gui")
    assert not many, many
