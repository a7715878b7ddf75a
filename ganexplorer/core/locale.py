"""Which language the user reads, and core's sentences said in it (by code; see :mod:`.messages`).

The GUI passes the language it shows; the CLI asks :func:`user_language`, which reads
``GANEXPLORER_LANG`` first and then the usual POSIX variables (``LC_ALL``, ``LC_MESSAGES``, ``LANG``),
so ``LANG=ko_KR.UTF-8 ganexplorer ...`` speaks Korean.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from ganexplorer.core import messages_ko
from ganexplorer.core.messages import Message, parse

CATALOGS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "ko": (messages_ko.KOREAN, messages_ko.WORDS),
}


def user_language(env: Mapping[str, str] | None = None) -> str:
    """'ko', or '' for English: ``GANEXPLORER_LANG``, else the first of LC_ALL, LC_MESSAGES, LANG that is set."""
    env = os.environ if env is None else env
    for name in ("GANEXPLORER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            code = value.split("_")[0].split(".")[0].split("-")[0].lower()
            return code if code in CATALOGS else ""
    return ""


def translate(text: str, language: str) -> str:
    """``text`` in ``language`` where it is one of core's sentences; otherwise (or in English) unchanged."""
    if language not in CATALOGS:
        return text
    msg = text if isinstance(text, Message) else parse(text)
    if msg is None:
        return text
    return _say(msg, *CATALOGS[language])


def _say(msg: Message, sentences: dict[str, str], words: dict[str, str]) -> str:
    template = sentences.get(msg.code)
    if template is None:
        return str.__str__(msg)
    args = {k: (_say(v, sentences, words) if isinstance(v, Message) else words.get(v, v)) for k, v in msg.args.items()}
    return template.format(**args)
