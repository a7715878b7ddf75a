"""Which translations the application has installed: ours (``ganexplorer_<lang>.qm``) and Qt's own
(``qtbase_<lang>.qm``, for file dialogs and standard buttons), installed together and swapped together.

``use_language`` is the one place that installs them, at start and when Settings ▸ Language switches
(:mod:`ganexplorer.gui.common.language_switch`); it remembers what it installed so a switch removes it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ganexplorer.core.paths import resources_dir

TRANSLATIONS = resources_dir() / "translations"
ENGLISH = ("", "en", "C")   # the language the code is written in: no translation needed

_installed: list[QTranslator] = []
_language = "en"


def language_code(language: str | None) -> str:
    """The chosen language, or the system's when none is chosen ("" means English)."""
    return language or QLocale.system().name().split("_")[0]


def install_translator(app: QCoreApplication, language: str | None) -> QTranslator | None:
    """Load ``ganexplorer_<lang>.qm`` for the chosen (or the system's) language; English needs none."""
    code = language_code(language)
    if code in ENGLISH:
        return None
    tr = QTranslator(app)
    if tr.load(str(TRANSLATIONS / f"ganexplorer_{code}.qm")):
        app.installTranslator(tr)
        return tr
    return None


class MnemonicFallback(QTranslator):
    """Qt's strings that gained a mnemonic after its translation was made ("&Look in:", "Files of &type:" in
    the file dialog, whose ``qtbase_ko.qm`` has only "Look in:", "Files of type:"): the translation of the
    text without the ``&``, with the key after it as Korean menus write it ("파일 형식(&T):")."""

    def __init__(self, base: QTranslator, parent: QCoreApplication) -> None:
        super().__init__(parent)
        self.base = base

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # noqa: D102
                  n: int = -1) -> str | None:
        # None, not "": Qt takes an empty string for a translation and shows nothing; None lets it go on
        at = source.find("&")
        if at < 0 or at + 1 >= len(source) or source[at + 1] == "&":
            return None
        found = self.base.translate(context, source[:at] + source[at + 1:], disambiguation, n)
        if not found:
            return None
        key = f"(&{source[at + 1].upper()})"
        return found[:-1] + key + found[-1] if found.endswith((":", "\uff1a")) else found + key

    def isEmpty(self) -> bool:  # noqa: N802,D102 (Qt override)
        return False


def install_qt_translator(app: QCoreApplication, language: str | None) -> QTranslator | None:
    """Load Qt's own ``qtbase_<lang>.qm`` so file dialogs and standard buttons speak the same language."""
    code = language_code(language)
    if code in ENGLISH:
        return None
    import PySide6

    tr = QTranslator(app)
    for folder in (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
                   str(Path(PySide6.__file__).parent / "Qt" / "translations")):  # if Qt's own lookup fails when frozen
        if tr.load(f"qtbase_{code}", folder):
            app.installTranslator(tr)
            return tr
    tr.deleteLater()
    return None


def install_translators(app: QCoreApplication, language: str | None) -> list[QTranslator]:
    """Qt's strings and ours for ``language``; returns what was installed (to remove it again).

    Qt asks the translator installed last first: ours, then Qt's, then the mnemonic fallback for Qt's."""
    code = language_code(language)
    fallback = None
    if code not in ENGLISH:
        fallback = MnemonicFallback(QTranslator(app), app)
        app.installTranslator(fallback)
    qt = install_qt_translator(app, language)
    if fallback is not None:
        placeholder = fallback.base   # stood in until Qt's own was loaded
        if qt is None:
            app.removeTranslator(fallback)
            fallback.deleteLater()
            fallback = None
        else:
            fallback.base = qt
        placeholder.deleteLater()
    return [t for t in (fallback, qt, install_translator(app, language)) if t is not None]


def use_language(app: QCoreApplication, language: str | None) -> str:
    """Replace the translations installed by the last call with ``language``'s; returns the language the
    window now speaks ('en' where ours has no translation for it)."""
    global _language
    for tr in _installed:
        app.removeTranslator(tr)
        tr.deleteLater()   # each switch would otherwise leave its translators (and their catalogues) under app
    _installed[:] = install_translators(app, language)
    code = language_code(language)
    _language = code if any(Path(t.filePath()).name.startswith("ganexplorer_") for t in _installed) else "en"
    return _language


def current_language() -> str:
    """The language ``use_language`` last installed ('en' before any call)."""
    return _language


def catalogue_file(code: str) -> Path | None:
    """Our compiled translation for ``code``, if it has one."""
    if code in ENGLISH:
        return None
    path = TRANSLATIONS / f"ganexplorer_{code}.qm"
    return path if path.is_file() else None
