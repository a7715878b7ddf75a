"""Which fields of the Explore tab's state changed: each child widget shows only those (one slider tick
touches one widget). ``old`` None means "show everything" (a new model or an opened file)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from typing import Any

from PySide6.QtCore import QObject, QSignalBlocker

from ganexplorer.app.explorer_state import ExplorerState


def differs(new: ExplorerState, old: ExplorerState | None, *names: str) -> bool:
    """True where any of the fields ``names`` differ (always, when ``old`` is None)."""
    if old is None:
        return True
    for n in names:
        if getattr(new, n) != getattr(old, n):
            return True
    return False


_FIELDS = tuple(f.name for f in fields(ExplorerState))


def changed_fields(new: ExplorerState, old: ExplorerState | None) -> frozenset[str] | None:
    """The names of the fields that differ (None: show everything), worked out once per state change so a
    group none of whose fields changed is not even asked (one slider tick: one group)."""
    if old is None:
        return None
    return frozenset(n for n in _FIELDS if getattr(new, n) != getattr(old, n))


@contextmanager
def quiet(*widgets: QObject) -> Iterator[None]:
    """Set widgets from the state without their signals echoing the value back as an edit."""
    blockers = [QSignalBlocker(w) for w in widgets]
    try:
        yield
    finally:
        for b in blockers:
            b.unblock()


def set_quietly(widget: QObject, setter: Callable[[Any], None], value: Any) -> None:
    """``setter(value)`` on ``widget`` without its signals echoing it back (cheaper than ``quiet`` for one widget:
    this runs on every state change that touches a widget, so only where something differs)."""
    was = widget.blockSignals(True)
    try:
        setter(value)
    finally:
        widget.blockSignals(was)
