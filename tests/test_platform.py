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
    if os.name != "nt":   # (Windows runners may lack the right to make symlinks)
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


# -- the window: what the operating system hands over, what a user reports --------------------------------

from gui_fixtures import *  # noqa: E402,F403 - the offscreen window fixtures (settings, pkl, window, dialogs)


def _help_action(window, text: str):
    return next(a for a in window.help_menu.actions() if a.text() == text)


def test_a_finder_double_click_opens_the_checkpoint(qtbot, qapp, window, tmp_path, tiny_stylegan2):
    """macOS hands a double-clicked file to the application as a QFileOpenEvent, not as an argument."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFileOpenEvent

    from ganexplorer.gui.window.startup import handle_file_open_events

    other = write_nvidia_pickle(tmp_path / "from-finder.pkl", *tiny_stylegan2)  # noqa: F405
    handle_file_open_events(qapp, window)
    QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(other)))
    qtbot.waitUntil(lambda: window.model is not None and window.model.path == other, timeout=30_000)
    assert "from-finder.pkl" in window.windowTitle()


def test_screenshot_mode_does_not_add_its_file_to_the_recent_files(qtbot, pkl, settings, monkeypatch, tmp_path):
    from ganexplorer.gui import app

    monkeypatch.setattr(app, "QSettings", lambda: settings)
    monkeypatch.setenv("GANEXPLORER_LOG_DIR", str(tmp_path / "logs"))
    assert app.run_gui(str(pkl), screenshot=str(tmp_path / "shot.png"), language="en") == 0
    settings.sync()
    assert str(pkl) not in settings.value("recent_files", "[]")
    win = open_window(qtbot, settings, pkl)   # noqa: F405 - a user opening it does add it
    assert win.recent_files()[0] == str(pkl)
    win.worker.shutdown()


def test_copy_system_info_puts_the_versions_on_the_clipboard(qtbot, window):
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText("")
    _help_action(window, "Copy &system info").trigger()
    text = QGuiApplication.clipboard().text()
    for needed in ("ganexplorer ", "Python ", f"torch {metadata.version('torch')}", "Qt ", "window device: CPU",
                   "log file: "):
        assert needed in text
    assert "copied" in window.statusBar().currentMessage()


@pytest.mark.parametrize("browser", [True, False])
def test_report_a_problem_opens_the_issue_page_with_the_text_or_says_where_to_send_it(qtbot, window, monkeypatch,
                                                                                    browser):
    import tomllib

    from PySide6.QtCore import QUrl, QUrlQuery

    from ganexplorer.gui.window import system_info

    opened = []
    monkeypatch.setattr(system_info.QDesktopServices, "openUrl", lambda url: opened.append(url) or browser)
    issues = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]["Issues"]
    assert system_info.issues_url() == issues
    _help_action(window, "&Report a problem\u2026").trigger()
    (url,) = opened
    assert url.toString().startswith(issues + "/new?")
    body = QUrlQuery(url).queryItemValue("body", QUrl.ComponentFormattingOption.FullyDecoded)
    assert f"torch {metadata.version('torch')}" in body and "Python " in body
    box = window.problem_reporter.where_box
    qtbot.waitUntil(box.isVisible)
    assert issues in box.text() and "ganexplorer.log" in box.text()
    assert ("No web browser" in box.text()) is (not browser)
    box.close()


def test_about_names_the_licence_and_shows_the_third_party_notices(qtbot, window):
    from PySide6.QtCore import Qt

    _help_action(window, "&About ganexplorer").trigger()
    box = window.problem_reporter.about_box
    qtbot.waitUntil(box.isVisible)
    assert "MIT" in box.text() and "Qt (LGPL-3.0)" in box.text()
    qtbot.mouseClick(window.problem_reporter.licences_button, Qt.MouseButton.LeftButton)
    dialog = window.problem_reporter.licences_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    shown = dialog.text.toPlainText()
    assert shown.startswith("MIT License") and "GNU LESSER GENERAL PUBLIC LICENSE" in shown and "PyTorch" in shown
    dialog.close()


@pytest.mark.parametrize("screenshot", [False, True])
def test_a_start_that_fails_says_why_in_a_dialog_unless_a_script_is_waiting(qtbot, qapp, monkeypatch, tmp_path,
                                                                           screenshot):
    from ganexplorer.gui import app
    from ganexplorer.gui.window import main_window, startup

    def broken(*_a, **_k):
        raise RuntimeError("the Qt platform plugin broke")

    said = []
    monkeypatch.setattr(main_window, "MainWindow", broken)
    monkeypatch.setattr(startup, "NO_SCREEN_PLATFORMS", ())     # as on a real screen
    monkeypatch.setattr(startup.QMessageBox, "critical", lambda parent, title, text: said.append(text))
    monkeypatch.setenv("GANEXPLORER_LOG_DIR", str(tmp_path / "logs"))
    out = str(tmp_path / "shot.png") if screenshot else None
    assert app.run_gui(None, screenshot=out, language="en") == 1
    if screenshot:
        assert said == []
    else:
        (text,) = said
        assert "RuntimeError: the Qt platform plugin broke" in text and str(tmp_path / "logs") in text
