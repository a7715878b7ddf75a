"""Text that came from a file, made safe to print on a terminal or put in a one-line message.

File names, dict keys, class names and refused globals are a stranger's bytes: a name can
hold a newline (a fake second line), an ANSI escape (red text, a new terminal title, a
cleared screen), bidirectional overrides that reorder what is shown, or lone surrogates
that make ``print`` itself fail. :func:`printable` removes escape sequences and spells every
other control or invisible character as a visible ``\\x..`` / ``\\u....`` escape, so what is
printed is one honest line. (Qt widgets need their own care: show such text as plain text.)
"""

from __future__ import annotations

import re
import unicodedata

# ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/PM/APC/SOS (ESC ] ... BEL or ESC \),
# and two-character escapes (ESC + one byte). The 8-bit C1 forms (\x9b, \x9d ...) too.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"                        # CSI
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS, SOS, PM, APC
    r"|\x1b[ -/]*[0-~]?"                                        # other ESC sequences
)
_SHOW_AS_ESCAPE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}   # controls, format (bidi, zero-width), surrogates ...


def _escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def printable(text: object, limit: int | None = None) -> str:
    """``text`` as one line that shows what it says and nothing else; cut to ``limit`` characters (with '...').

    Escape sequences are dropped; other control, format and surrogate characters (``\\n``,
    ``\\t``, U+202E, U+200B, lone surrogates from undecodable file names) become visible escapes.
    """
    s = _ESCAPES.sub("", str(text))
    out = []
    for ch in s:
        if ch == " " or (ch.isprintable() and unicodedata.category(ch) not in _SHOW_AS_ESCAPE):
            out.append(ch)
        else:
            out.append(_escape(ch))
    result = "".join(out)
    if limit is not None and len(result) > limit:
        result = result[: max(0, limit - 3)].rstrip() + "..."
    return result
