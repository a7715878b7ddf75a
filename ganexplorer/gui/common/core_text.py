"""Show core's sentences in the UI language: by their code (:mod:`ganexplorer.core.messages`), not their English.

``ganexplorer.core`` never imports Qt; its sentences carry a code and arguments, and the Korean for each
code lives in :mod:`ganexplorer.core.messages_ko` beside the English, shared with the CLI. Which
language the window speaks is asked of Qt's installed translator (the .ts entry for "en" says "ko"), so
the answer follows whatever translator is installed, also after the language is switched. A sentence
that is not core's is shown unchanged, so nothing is ever lost in translation.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from ganexplorer.core.locale import translate


class CoreText(QObject):
    """Asks Qt's translator for the UI language; one instance is enough."""

    def language(self) -> str:
        """'ko' while the Korean translation is installed, 'en' otherwise."""
        return self.tr("en", "the language code of this translation (ko for Korean)")

    def translate(self, message: str) -> str:
        """``message`` in the current UI language where it is a core sentence; otherwise as it is."""
        return translate(message, self.language())


_instance: CoreText | None = None


def translate_core(message: str) -> str:
    """Module-level shortcut for :meth:`CoreText.translate` (created on first use, on the UI thread)."""
    global _instance
    if _instance is None:
        _instance = CoreText()
    return _instance.translate(message)
