"""No import circles among ganexplorer's modules (issue 22 item 7), function-level imports included.

A circle hidden behind a function-level import still means two modules that cannot be understood (or
tested) one without the other; ``if TYPE_CHECKING:`` imports count too, for the same reason. The graph is
read from the source with ``ast``, so nothing is imported to check it.
"""

import ast
from pathlib import Path

import ganexplorer

ROOT = Path(ganexplorer.__file__).parent


def _modules() -> dict[str, Path]:
    out = {}
    for path in ROOT.rglob("*.py"):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The ganexplorer modules ``name`` imports anywhere in its text (``from P import m`` is module P.m when
    that is a module, else P)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(up + ([base] if base else []))
            for a in node.names:
                found.add(f"{base}.{a.name}" if f"{base}.{a.name}" in known else base)
    return {m for m in found if m in known and m != name}


def import_cycles() -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    mods = _modules()
    graph = {m: _imports(m, p, set(mods)) for m, p in mods.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for m in sorted(graph):
        if m not in index:
            visit(m)
    return groups


def test_the_finder_sees_a_circle_behind_a_function_level_import(tmp_path, monkeypatch):
    pkg = tmp_path / "ganexplorer"
    (pkg / "core").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "core" / "__init__.py").write_text("")
    (pkg / "core" / "a.py").write_text("from ganexplorer.core import b\n")
    (pkg / "core" / "b.py").write_text("def f():\n    from . import a\n")
    monkeypatch.setattr(__import__(__name__), "ROOT", pkg)
    assert import_cycles() == [["ganexplorer.core.a", "ganexplorer.core.b"]]


def test_core_has_no_import_circles():
    circles = [c for c in import_cycles() if all(m.startswith("ganexplorer.core.") for m in c)]
    assert circles == []


def test_no_module_of_ganexplorer_is_in_an_import_circle():
    assert import_cycles() == []
