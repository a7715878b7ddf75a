"""Start the Qt application: translations, the main window, the screenshot mode."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from ganexplorer.core.paths import checkpoints_dir, resources_dir

TRANSLATIONS = resources_dir() / "translations"
BUNDLED = checkpoints_dir()


def default_checkpoint() -> Path | None:
    """The bundled demo model the app opens on, if one ships with this copy."""
    for name in ("stylegan2-digits.safetensors", "dcgan-digits.safetensors"):
        p = BUNDLED / name
        if p.exists():
            return p
    found = sorted(BUNDLED.glob("*.safetensors")) if BUNDLED.is_dir() else []
    return found[0] if found else None


def _language_code(language: str | None) -> str:
    """The chosen language, or the system's when none is chosen ("" means English)."""
    return language or QLocale.system().name().split("_")[0]


def install_translator(app: QApplication, language: str | None) -> QTranslator | None:
    """Load ``ganexplorer_<lang>.qm`` for the chosen (or the system's) language; English needs none."""
    code = _language_code(language)
    if code in ("", "en", "C"):
        return None
    tr = QTranslator(app)
    if tr.load(str(TRANSLATIONS / f"ganexplorer_{code}.qm")):
        app.installTranslator(tr)
        return tr
    return None


def install_qt_translator(app: QApplication, language: str | None) -> QTranslator | None:
    """Load Qt's own ``qtbase_<lang>.qm`` so file dialogs and standard buttons speak the same language."""
    code = _language_code(language)
    if code in ("", "en", "C"):
        return None
    import PySide6

    tr = QTranslator(app)
    for folder in (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
                   str(Path(PySide6.__file__).parent / "Qt" / "translations")):  # if Qt's own lookup fails when frozen
        if tr.load(f"qtbase_{code}", folder):
            app.installTranslator(tr)
            return tr
    return None


def install_translators(app: QApplication, language: str | None) -> list[QTranslator]:
    """Qt's strings and ours for ``language``; returns what was installed (to remove it again)."""
    return [t for t in (install_qt_translator(app, language), install_translator(app, language)) if t is not None]


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("ganexplorer")
    app.setApplicationName("ganexplorer")
    return app


def run_gui(checkpoint: str | None = None, screenshot: str | None = None, tab: str = "explore",
            language: str | None = None) -> int:
    """Open the window (on ``checkpoint`` or the bundled model). With ``screenshot``: render, save, exit."""
    app = make_app()
    settings = QSettings()
    install_translators(app, language or settings.value("language", "") or None)
    from ganexplorer.gui.main_window import MainWindow

    win = MainWindow(settings)
    if screenshot is not None:
        from ganexplorer.gui.main_window import DEFAULT_SIZE

        win.resize(*DEFAULT_SIZE)  # the same picture on every machine: a projector's 1280x720
    index = {"explore": 0, "train": 1, "demo1d": 2}.get(tab, 0)
    win.tabs.setCurrentIndex(index)
    path = checkpoint or default_checkpoint()
    win.show()
    if path is not None:
        win.open_checkpoint(path, show_progress=screenshot is None, switch_tab=index == 0)
    if screenshot is None:
        return app.exec()
    # Screenshot mode: wait for the load and first render, then grab the whole window.
    deadline = time.monotonic() + 300
    if path is not None:
        while win.model is None and win.last_error is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        win.loader.wait(1)
        app.processEvents()
    for _ in range(3):
        win.worker.wait_until_idle(120)
        app.processEvents()
    win.repaint()
    app.processEvents()
    ok = win.grab().save(screenshot)
    win.close()
    if win.last_error:
        print(f"ganexplorer: error: {win.last_error}", file=sys.stderr)
        return 2
    if not ok:
        print(f"ganexplorer: error: could not write {screenshot}", file=sys.stderr)
        return 2
    return 0
