"""One writer per run folder: a lock file the operating system releases when its process dies.

Two runs given the same folder would mix their sample pictures and overwrite each other's
checkpoint. The first run holds an OS lock on ``FOLDER/.ganexplorer-run.lock`` (``fcntl.flock``, or
``msvcrt.locking`` on Windows) and writes its process id there, so the second run can say who has the
folder. The lock dies with its process (a crash, ``kill -9``, a power cut leaves no stale lock that
blocks the next run): a file left by a dead process is simply taken over. The CLI and the window
both lock through ``session.training_session``.
"""

from __future__ import annotations

import os
import sys
import socket
from pathlib import Path

from ganexplorer.core.messages import message

LOCK_NAME = ".ganexplorer-run.lock"


class RunLocked(OSError):
    """The folder is another live run's: one sentence naming the folder and the process."""


def _try_lock(fd: int) -> bool:
    """Take the OS lock on ``fd`` without waiting; False if another open file holds it."""
    if sys.platform == "win32":   # pragma: no cover - Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


class RunLock:
    """``with RunLock(folder):`` or ``acquire()``/``release()``; the folder is created if needed."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> "RunLock":
        """Hold the folder, or raise :class:`RunLocked` saying which process holds it."""
        self.folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            try:
                holder = os.read(fd, 200).decode("ascii", "replace").split()
            except OSError:   # Windows: the holder's locked byte cannot be read
                holder = []
            finally:
                os.close(fd)
            raise RunLocked(message("train.locked_pid_host", folder=self.folder, pid=holder[0], host=holder[1])
                            if len(holder) > 1 else
                            message("train.locked_pid", folder=self.folder, pid=holder[0]) if holder else
                            message("train.locked", folder=self.folder))
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode("ascii", "replace"))
        self._fd = fd
        return self

    def release(self) -> None:
        """Let the folder go (closing the file drops the OS lock); the file itself stays, harmless."""
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)

    def __enter__(self) -> "RunLock":
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
