"""The one exception a checkpoint reader raises: a sentence a user can act on."""

from __future__ import annotations

from pathlib import Path


class CheckpointError(Exception):
    """A file could not be read as a generator. ``str(err)`` is one sentence naming the file."""

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = Path(path) if path is not None else None
        self.problem = problem.rstrip(".")
        name = f"'{self.path}'" if self.path is not None else "The checkpoint"
        super().__init__(f"{name}: {self.problem}.")


class UnsafePickleError(Exception):
    """A pickle named a global that the restricted unpickler does not admit."""
