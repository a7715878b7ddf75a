"""Which file a checkpoint path is: a regular file opened without blocking, its identity, a legacy torch stream?

Stdlib (and the floor's :mod:`ganexplorer.core.guarded`) only: the isolated reader process (:mod:`.isolated`) and the parent both use it.
"""

from __future__ import annotations

import os
import stat

from ganexplorer.core.guarded import describe_mode

LEGACY_MAGIC = 0x1950A86A20F9469CFC6C
LEGACY_PROTOCOL = 1001
_LEGACY_MAGIC_PICKLE = b"\x8a\x0a" + LEGACY_MAGIC.to_bytes(10, "little") + b"."


class ReadError(ValueError):
    """A sentence about the file (without its name): not a regular file, not a torch archive ..."""



def file_problem(mode: int) -> str | None:
    """Why a path with this ``st_mode`` is not a checkpoint file (None for a regular file); the same words as
    every other file the app reads (:func:`ganexplorer.core.guarded.describe_mode`)."""
    if stat.S_ISDIR(mode):
        return "is a folder, not a checkpoint file"
    return describe_mode(mode)


def open_regular(path: str) -> tuple[int, os.stat_result]:
    """An fd of ``path`` opened without blocking (a FIFO swapped in would otherwise hang us) and its fstat."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        problem = file_problem(st.st_mode)
        if problem:
            raise ReadError(problem)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return fd, st
    except BaseException:
        os.close(fd)
        raise


def identity(st: os.stat_result) -> list[int]:
    """What must not change between the reader's parse and the parent's copy of the tensors."""
    return [int(st.st_dev), int(st.st_ino), int(st.st_size), int(st.st_mtime_ns)]


def is_legacy_torch(head: bytes) -> bool:
    """A legacy torch.save stream starts with the pickled magic number: PROTO n, [FRAME], LONG1 magic, STOP."""
    if head[:1] != b"\x80":
        return False
    body = head[2:]
    if body[:1] == b"\x95":
        body = body[9:]
    return body.startswith(_LEGACY_MAGIC_PICKLE)
