"""What can be checked here of the Windows, macOS and Linux builds without those machines: the PyInstaller spec run
under each OS's branch with PyInstaller's build steps recorded, the Inno Setup script read, the .deb's glibc floor
computed on made-up ELF files, and the places the app looks for its bundled files."""

from __future__ import annotations

import builtins
import importlib.util
import os
import re
import sys
import types
from importlib import metadata
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "ganexplorer.spec"


def run_spec(monkeypatch, spec_text: str, os_name: str, sysname: str) -> dict:
    """Execute the spec as PyInstaller would on ``sysname``, with Analysis/EXE/COLLECT/BUNDLE recording their
    arguments (PyInstaller's hooks are stand-ins: nothing is collected, nothing is built)."""
    fake_os = types.ModuleType("os")
    fake_os.__dict__.update(os.__dict__)
    fake_os.name = os_name
    if sysname == "Windows":
        fake_os.__dict__.pop("uname", None)
    else:
        fake_os.uname = lambda: SimpleNamespace(sysname=sysname)
    real_import = builtins.__import__

    def importer(name, *args, **kwargs):
        return fake_os if name == "os" else real_import(name, *args, **kwargs)

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = lambda *a, **k: []
    hooks.collect_submodules = lambda *a, **k: []
    hooks.copy_metadata = lambda dist: [(f"/site/{dist}.dist-info", f"{dist}.dist-info")]
    for name, module in (("PyInstaller", types.ModuleType("PyInstaller")),
                         ("PyInstaller.utils", types.ModuleType("PyInstaller.utils")),
                         ("PyInstaller.utils.hooks", hooks)):
        monkeypatch.setitem(sys.modules, name, module)
    built: dict[str, list] = {}

    def recorder(kind):
        def step(*args, **kwargs):
            made = SimpleNamespace(kind=kind, args=args, kw=kwargs, datas=[], binaries=[], pure=[], scripts=[])
            built.setdefault(kind, []).append(made)
            return made
        return step

    ns = {"__builtins__": {**builtins.__dict__, "__import__": importer}, "SPECPATH": str(SPEC.parent),
          **{k: recorder(k) for k in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}}
    exec(compile(spec_text, str(SPEC), "exec"), ns)
    ns["built"] = built
    return ns


def test_windows_build_has_a_console_twin_for_the_command_line(monkeypatch):
    ns = run_spec(monkeypatch, SPEC.read_text(), "nt", "Windows")
    exes = {e.kw["name"]: e.kw["console"] for e in ns["built"]["EXE"]}
    assert exes == {"ganexplorer": False, "ganexplorer-cli": True}
    (coll,) = ns["built"]["COLLECT"]
    assert {e.kw["name"] for e in coll.args if getattr(e, "kind", "") == "EXE"} == set(exes)
    assert "BUNDLE" not in ns["built"]


def test_macos_bundle_carries_the_package_version(monkeypatch):
    monkeypatch.delenv("GANEXPLORER_VERSION", raising=False)
    ns = run_spec(monkeypatch, SPEC.read_text(), "posix", "Darwin")
    (bundle,) = ns["built"]["BUNDLE"]
    version = metadata.version("ganexplorer")
    plist = bundle.kw["info_plist"]
    assert plist["CFBundleShortVersionString"] == version != "0.0.0"
    assert bundle.kw["version"] == version
    assert plist["LSArchitecturePriority"] == ["arm64"]   # Apple Silicon only, said where macOS reads it
    assert {"safetensors", "pkl"} <= set(plist["CFBundleDocumentTypes"][0]["CFBundleTypeExtensions"])


def test_linux_build_leaves_out_the_gtk_theme_and_its_libraries_but_keeps_qt(monkeypatch):
    ns = run_spec(monkeypatch, SPEC.read_text(), "posix", "Linux")
    keep = ns["_keep"]
    dropped = ["PySide6/Qt/plugins/platformthemes/libqgtk3.so", "libgtk-3.so.0", "libgdk-3.so.0", "libcairo.so.2",
               "libpango-1.0.so.0", "libharfbuzz.so.0", "libgdk_pixbuf-2.0.so.0", "libatk-1.0.so.0"]
    kept = ["PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/plugins/platforms/libqxcb.so",
            "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", "libfontconfig.so.1", "libfreetype.so.6",
            "torch/lib/libtorch_cpu.so"]
    assert [n for n in dropped if keep((n, "/x/" + n, "BINARY"))] == []
    assert [n for n in kept if not keep((n, "/x/" + n, "BINARY"))] == []
    assert len(ns["built"]["EXE"]) == 1 and ns["built"]["EXE"][0].kw["console"] is True
    datas = ns["built"]["Analysis"][0].kw["datas"]
    shipped = {Path(src).name for src, _dest in datas}
    assert {"LICENSE", "THIRD_PARTY_NOTICES.md", "torch.dist-info", "PySide6-Essentials.dist-info"} <= shipped


def load_build_module():
    spec = importlib.util.spec_from_file_location("ganexplorer_build", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_deb_glibc_floor_is_the_newest_version_any_bundled_binary_asks_for(tmp_path):
    build = load_build_module()
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "old.so").write_bytes(b"\x7fELF" + b"\0" * 20 + b"GLIBC_2.2.5\0GLIBC_2.17\0libc.so.6\0")
    (tmp_path / "lib" / "new.so").write_bytes(b"\x7fELF" + b"GLIBC_2.34\0GLIBCXX_3.4.30\0GLIBC_2.9\0GLIBC_PRIVATE\0")
    (tmp_path / "notes.txt").write_bytes(b"GLIBC_2.99\0 is not a binary")
    (tmp_path / "link.so").symlink_to(tmp_path / "lib" / "new.so")
    floor, where = build.glibc_floor(tmp_path)
    assert (floor, where) == ("2.34", tmp_path / "lib" / "new.so")
    control = (ROOT / "packaging" / "linux" / "control").read_text().format(version="1", arch="amd64",
                                                                            installed_kb=1, glibc=floor)
    fields = dict(line.split(": ", 1) for line in control.splitlines() if ": " in line and not line.startswith(" "))
    assert fields["Depends"].startswith("libc6 (>= 2.34),")
    assert "fonts-noto-cjk" in fields["Recommends"]


def test_inno_setup_speaks_korean_in_every_label_it_shows():
    iss = (ROOT / "packaging" / "windows" / "ganexplorer.iss").read_text(encoding="utf-8")
    labels = re.findall(r'(?:Description|GroupDescription): "([^"]*)"', iss)
    assert labels
    english_only = [label for label in labels if not re.fullmatch(r"(\{cm:[A-Za-z]+(,[^}]*)?\}\s*)+", label)]
    assert english_only == [], "labels not taken from [CustomMessages] or Inno's own translated messages"
    used = set(re.findall(r"\{cm:([A-Za-z]+)", iss))
    defined = {lang: set(re.findall(rf"^{lang}\.([A-Za-z]+)=\S", iss, flags=re.M)) for lang in ("english", "korean")}
    assert defined["english"] == defined["korean"], "a custom message without its other language"
    inno_own = {"CreateDesktopIcon", "AdditionalIcons", "UninstallProgram", "LaunchProgram"}  # Inno translates these
    assert used <= defined["english"] | inno_own


def test_every_runtime_dependency_is_in_the_third_party_notices_with_qt_lgpl_text():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = project["dependencies"] + project["optional-dependencies"]["gui"] + \
        project["optional-dependencies"]["video"]
    names = [re.split(r"[<>=!~\[ ;]", d, maxsplit=1)[0] for d in deps]
    notices = (ROOT / "THIRD_PARTY_NOTICES.md").read_text(encoding="utf-8").lower()
    assert [n for n in names if n.lower() not in notices] == []
    assert "gnu lesser general public license" in notices and "version 3, 29 june 2007" in notices
    assert project["license"] == "MIT" and (ROOT / "LICENSE").read_text().startswith("MIT License")


def test_bundled_files_are_found_frozen_installed_or_in_the_checkout(monkeypatch, tmp_path):
    from ganexplorer.core import paths

    assert paths.app_root() == ROOT                                  # this checkout (editable install)
    assert all(f.is_file() for f in paths.licence_files())
    installed = tmp_path / "site" / "ganexplorer"
    (installed / "_bundled").mkdir(parents=True)
    monkeypatch.setattr(paths.resources, "files", lambda package: installed)
    assert paths.app_root() == installed / "_bundled"                # a wheel's package data
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "frozen"), raising=False)
    assert paths.app_root() == tmp_path / "frozen"                   # PyInstaller
    assert paths.checkpoints_dir() == tmp_path / "frozen" / "checkpoints"


@pytest.mark.parametrize("sysname", ["Windows", "Darwin", "Linux"])
def test_the_spec_runs_under_every_os_branch(monkeypatch, sysname):
    ns = run_spec(monkeypatch, SPEC.read_text(), "nt" if sysname == "Windows" else "posix", sysname)
    assert ns["built"]["COLLECT"] and ns["VERSION"] == metadata.version("ganexplorer")


def test_the_logs_first_line_names_app_os_python_torch_qt_and_device(monkeypatch, tmp_path):
    import platform

    from ganexplorer import __version__, applog

    monkeypatch.setenv(applog.LOG_DIR_ENV, str(tmp_path))
    with applog.session() as path:
        applog.log.info("something later")
    first = path.read_text(encoding="utf-8").splitlines()[0]
    for needed in (f"ganexplorer {__version__}", platform.system(), f"Python {platform.python_version()}",
                   f"torch {metadata.version('torch')}", "Qt ", "device "):
        assert needed in first, f"{needed!r} not in the log's first line: {first}"
