"""The command line in the user's language: ``LANG=ko_KR.UTF-8 ganexplorer ...`` speaks Korean.

Three kinds of text reach a terminal, and each is translated where it is made, not by matching output:
- core's sentences (errors, refusals) carry a code (:mod:`ganexplorer.core.messages`): :func:`say`;
- the CLI's own sentences and help texts are keyed by their English text in :mod:`.text_ko`
  (:func:`t`, :class:`HelpFormatter` for every ``help=``/``description=``);
- argparse's own words ("usage:", "the following arguments are required") through argparse's
  gettext hook, which :func:`install` points at the same table.
Names, option flags, numbers and file names stay as they are. The language is chosen once per process
(:func:`ganexplorer.core.locale.user_language`); ``GANEXPLORER_LANG=en`` forces English.
"""

from __future__ import annotations

import argparse
import unicodedata
from typing import Any

from ganexplorer.cli import text_ko
from ganexplorer.core.locale import translate, user_language

_language: str | None = None


def language() -> str:
    """'ko' or '' (English), read from the environment on first use."""
    global _language
    if _language is None:
        _language = user_language()
    return _language


def set_language(code: str) -> None:
    """Choose the language (tests; ``main`` calls :func:`install` after this)."""
    global _language
    _language = code


def t(text: str, **fields: Any) -> str:
    """A CLI sentence (its English as the key) in the user's language, with ``{fields}`` filled in."""
    if language() == "ko":
        template = text_ko.KOREAN.get(text) or text_ko.ARGPARSE.get(text, text)
    else:
        template = text
    return template.format(**fields) if fields else template


def width(text: str) -> int:
    """Terminal columns ``text`` takes: a Korean (wide) letter takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    """``text`` left-aligned in ``columns`` terminal columns (``f"{text:<n}"`` counts Korean letters as one)."""
    return text + " " * max(0, columns - width(text))


def say(text: str) -> str:
    """Anything about to be printed: a core sentence by its code, a CLI sentence by its English, or as it is."""
    if language() != "ko":
        return text
    said = translate(text, "ko")
    if said is not text and said != text:
        return said
    return text_ko.KOREAN.get(text, text)


class HelpFormatter(argparse.HelpFormatter):
    """Help texts, descriptions and argparse's headings in the user's language."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return t(action.help) if action.help else action.help

    def add_text(self, text: str | None) -> None:
        super().add_text(t(text) if text and text is not argparse.SUPPRESS else text)

    def start_section(self, heading: str | None) -> None:
        super().start_section(t(heading) if heading else heading)


def _gettext(text: str) -> str:
    return text_ko.ARGPARSE.get(text, text) if language() == "ko" else text


def install() -> None:
    """Point argparse's own words at our table (argparse looks its ``_`` up at call time)."""
    argparse._ = _gettext  # type: ignore[attr-defined]
