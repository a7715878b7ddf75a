"""File-derived text made printable (ganexplorer.core.text): one honest line, no escapes."""

import pytest

from ganexplorer.core.text import printable


@pytest.mark.parametrize("raw, shown", [
    ("plain name.pkl", "plain name.pkl"),
    ("caf\u00e9 \ud55c\uad6d\uc5b4.pt", "caf\u00e9 \ud55c\uad6d\uc5b4.pt"),            # letters of any script stay
    ("two\nlines", "two\\x0alines"),                                            # a newline is shown, not obeyed
    ("tab\there", "tab\\x09here"),
    ("\x1b[31mred\x1b[0m", "red"),                                              # colours: dropped
    ("\x1b]0;pwned title\x07after", "after"),                                   # terminal title: dropped
    ("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"),                        # hyperlink escape: dropped
    ("\x9b31mC1 form", "C1 form"),
    ("abc\u202eevil", "abc\\u202eevil"),                                        # bidi override: visible
    ("zero\u200bwidth", "zero\\u200bwidth"),
    ("bad\udcffbytes", "bad\\udcffbytes"),                                      # undecodable file name byte
])
def test_printable(raw, shown):
    assert printable(raw) == shown
    printable(raw).encode("utf-8")   # printing it can never fail


def test_limit_cuts_with_an_ellipsis():
    assert printable("x" * 50, limit=10) == "xxxxxxx..."
    assert printable(123) == "123"
