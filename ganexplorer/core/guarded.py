"""The one way ganexplorer opens a file the user named: a regular file only, of a bounded size.

A FIFO, a device or a link to ``/dev/zero`` put where a data set, a state file or a dropped file
was expected used to hang the reader (a FIFO blocks ``open()`` until a writer comes; ``/dev/zero``
never ends). Here the file is opened with ``O_NONBLOCK`` (so a FIFO cannot block the open),
``fstat``-ed, and anything but a regular file is refused; its size is checked against what the
caller can use before a byte is read. Every refusal is an :class:`InputFileError` (a ``ValueError``,
so the CLI says it and exits 2) whose text is one sentence naming the file:
``'PATH': PROBLEM.`` -- the frame the checkpoint reader uses too.

Stdlib only (and :mod:`.text`, :mod:`.messages` for its sentences by code): the floor of core, usable by data, formats, app and gui alike.
"""

from __future__ import annotations

import errno
import io
import os
import stat
from pathlib import Path
from typing import BinaryIO

from ganexplorer.core.messages import Message, message
from ganexplorer.core.text import printable

__all__ = ["InputFileError", "describe_mode", "open_input", "os_problem", "read_bounded_bytes", "read_bounded_text", "refusal",
           "regular_file_problem", "shown_path", "size_text"]


class InputFileError(ValueError):
    """A file the user named cannot be read as asked; ``str()`` is one sentence naming it."""


def shown_path(path: str | os.PathLike[str]) -> str:
    """A file name as a sentence shows it: one line, undecodable bytes and control characters made visible."""
    return printable(os.fspath(path), limit=300)


def refusal(path: str | os.PathLike[str], problem: str) -> InputFileError:
    """``'PATH': PROBLEM.`` as the error to raise (a problem made by :func:`message` is translated with it)."""
    return InputFileError(message("file.frame", path=shown_path(path), problem=problem))


def size_text(n: int) -> str:
    """A byte count for a sentence: '3.4 GB', '260 KB', '17 bytes' (absurd counts from a header: 'over 1000 TB')."""
    if n >= 1000 * 2**40:
        return "over 1000 TB"
    for unit, size in (("TB", 2**40), ("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if n >= size:
            return f"{n / size:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


def _a(what: str) -> str:
    """'a state file', 'an IDX file'."""
    return f"an {what}" if what[:1].lower() in "aeiou" else f"a {what}"


def describe_mode(mode: int) -> Message | None:
    """Why a path with this ``st_mode`` is not a file to read (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return message("file.folder_not_file")
    if stat.S_ISFIFO(mode):
        return message("file.fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return message("file.device")
    if stat.S_ISSOCK(mode):
        return message("file.socket")
    return message("file.not_regular")


def os_problem(e: OSError, path: str | os.PathLike[str] | None = None,
               folder: str = "file.folder_not_file", other: str = "file.unreadable") -> Message:
    """What an OSError opening or reading ``path`` means, as a problem sentence; shared with the checkpoint reader,
    which says ``folder``='file.folder' ("not a checkpoint file") and ``other``='file.unopenable'."""
    if e.errno == errno.ENOENT:
        if path is not None and os.path.islink(path):
            return message("file.dangling_link")
        return message("file.missing")
    if e.errno == errno.ELOOP:
        return message("file.link_loop")
    if e.errno in (errno.EACCES, errno.EPERM):
        return message("file.permission")
    if e.errno == errno.EISDIR:
        return message(folder)
    if e.errno == errno.ENAMETOOLONG:
        return message("file.name_too_long")
    return message(other, detail=printable(e.strerror or type(e).__name__, limit=120))


def regular_file_problem(path: str | os.PathLike[str]) -> Message | None:
    """Why ``path`` is not a regular file to read, without opening it (None when it is one).

    For choosing files from a folder listing; reading still goes through :func:`open_input`,
    which checks again on the opened file (the path may change in between)."""
    try:
        st = os.stat(path)
    except OSError as e:
        return os_problem(e, path)
    return describe_mode(st.st_mode)


def open_input(path: str | os.PathLike[str], limit: int, what: str = "file") -> tuple[BinaryIO, int]:
    """``path`` opened for reading as a binary file object, and its size in bytes.

    Refused (:class:`InputFileError`) unless it is a regular file of at most ``limit`` bytes;
    ``what`` names what the file should be ('state file', 'IDX file') in the too-large sentence."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        raise refusal(path, os_problem(e, path)) from None
    except ValueError:   # a NUL byte in the name
        raise refusal(path, message("file.bad_name")) from None
    try:
        st = os.fstat(fd)
        problem = describe_mode(st.st_mode)
        if problem:
            raise refusal(path, problem)
        if st.st_size > limit:
            raise refusal(path, message("file.over_limit", size=size_text(st.st_size), limit=size_text(limit),
                                        what=_a(what)))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return io.open(fd, "rb", closefd=True), int(st.st_size)   # type: ignore[return-value]
    except BaseException:
        os.close(fd)
        raise


def read_bounded_bytes(path: str | os.PathLike[str], limit: int, what: str = "file") -> bytes:
    """The whole of a regular file of at most ``limit`` bytes (a file that grows while read is cut at ``limit + 1``
    and refused)."""
    f, _ = open_input(path, limit, what)
    with f:
        try:
            data = f.read(limit + 1)
        except OSError as e:
            raise refusal(path, os_problem(e)) from None
    if len(data) > limit:
        raise refusal(path, message("file.grew_over", limit=size_text(limit), what=_a(what)))
    return data


def read_bounded_text(path: str | os.PathLike[str], limit: int, what: str = "file") -> str:
    """A UTF-8 text file (a byte-order mark is allowed and dropped) of at most ``limit`` bytes."""
    data = read_bounded_bytes(path, limit, what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise refusal(path, message("file.not_utf8", byte=f"{e.start:,}", what=_a(what))) from None


def name_of(path: str | os.PathLike[str]) -> str:
    """The last part of a path, as a sentence shows it."""
    return shown_path(Path(path).name)
