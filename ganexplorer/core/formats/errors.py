"""The exceptions checkpoint readers raise. Stdlib only: the isolated reader process uses them too.

:class:`CheckpointError` is the one a caller sees: a sentence a user can act on. Its text is
made printable (:func:`ganexplorer.core.text.printable`), because it quotes a file name and
often something read from the file (a global, a key, a class name).
"""

from __future__ import annotations

from pathlib import Path

from ganexplorer.core.messages import Message, message, parse
from ganexplorer.core.text import printable

PROBLEM_LIMIT = 400   # characters of a problem quoted in a message; file-derived text can be anything long


class CheckpointError(Exception):
    """A file could not be read as a generator. ``str(err)`` is one sentence naming the file."""

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = Path(path) if path is not None else None
        if not isinstance(problem, Message):   # a sentence not (yet) made by core.messages: shown as it is
            problem = parse(problem) or printable(problem, limit=PROBLEM_LIMIT).rstrip(".")
        self.problem = problem
        if self.path is None:
            super().__init__(message("file.frame_unnamed", problem=problem))
        else:
            super().__init__(message("file.frame", path=self.path, problem=problem))


class LoadCancelled(CheckpointError):
    """The caller cancelled the load (its ``cancel`` event was set); nothing was loaded."""


class UnsafePickleError(Exception):
    """A pickle named a global that the restricted unpickler does not admit. ``str(err)`` is 'module.name'."""


class PickleBoundsError(ValueError):
    """A pickle's structure goes beyond what a checkpoint needs (nesting, sizes, memo): refused before building."""


class DamagedPickleError(ValueError):
    """A pickle's opcodes do not make sense (truncated, unknown opcode, stack underflow)."""
