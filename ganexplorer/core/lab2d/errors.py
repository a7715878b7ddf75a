"""The 2-D lab's one kind of user error, so callers (and the messages sweep) can tell it from a bug."""

from __future__ import annotations


class Lab2DError(ValueError):
    """A setting, a target or a points file the lab cannot use; the message is one core sentence (a code)."""
