"""File writing shared by every core package, below all of them (imports only core.messages, for its sentences).

:func:`atomic_write` lives here rather than in :mod:`ganexplorer.core.formats` so that
``data`` (downloads) and ``metrics`` (the digit classifier) save files without reaching
into the checkpoint readers.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ganexplorer.core.messages import message

__all__ = ["WriteError", "atomic_write"]

_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG)


class WriteError(OSError):
    """A file could not be written (a full disk, a folder without permission): one sentence naming it.

    Raised by savers that go through :func:`atomic_write`, so the file that was there before is still whole.
    """

    def __init__(self, path: Path, cause: BaseException, kept: str = "") -> None:
        """``kept``: what is still safe, as a core sentence (``message("io.kept_checkpoint")``) or ''."""
        text = str(cause)
        number = getattr(cause, "errno", None)
        self.disk_full = number in _FULL or "No space left" in text or "StorageFull" in text or "code: 28" in text
        if self.disk_full:
            why: str = message("io.disk_full")
        elif number in (errno.EACCES, errno.EPERM, errno.EROFS) or "PermissionDenied" in text:
            why = message("io.permission")
        else:
            why = (getattr(cause, "strerror", None) or type(cause).__name__).rstrip(".")
        super().__init__(message("io.write_kept", path=path, why=why, kept=kept) if kept
                         else message("io.write", path=path, why=why))
        self.path = Path(path)


def atomic_write(path: Path, write: Callable[[Path], object]) -> None:
    """Call ``write(tmp_path)`` then rename over ``path``: readers never see a half file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the usual permissions
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
