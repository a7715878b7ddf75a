"""What the command line says when a command fails, and with which exit code.

Exit codes: 0 success, 2 bad input (one sentence on stderr, never a traceback), 1 a bug (one line on
stderr, the traceback in the log file: Help > Show log folder in the window, or ganexplorer.applog.log_dir()),
3 a training run stopped early, 130 interrupted.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import Callable


class UsageError(Exception):
    """Bad input from the user: printed as one sentence, exit code 2."""


def _say(message: str) -> int:
    from ganexplorer.cli.i18n import say, t

    print(t("ganexplorer: error: {message}", message=say(message)), file=sys.stderr)
    return 2


# the C library's words for the usual file system errors (its strerror is English whatever the locale)
_ERRNO = {errno.ENOENT: "No such file or directory", errno.EEXIST: "File exists",
          errno.EACCES: "Permission denied", errno.EPERM: "Operation not permitted",
          errno.EROFS: "Read-only file system", errno.ENOSPC: "No space left on device",
          errno.ENOTDIR: "Not a directory", errno.EISDIR: "Is a directory",
          errno.ENAMETOOLONG: "File name too long", errno.ELOOP: "Too many levels of symbolic links"}


def _os_sentence(e: OSError) -> str:
    from ganexplorer.cli.i18n import t

    why = t(_ERRNO[e.errno]) if e.errno in _ERRNO else (e.strerror or str(e))
    return f"{why} ({e.filename})" if e.filename else (why if e.errno in _ERRNO else str(e))


def run_reporting(command: Callable[[], int]) -> int:
    """Run one command and turn what it raises into an exit code and at most one line on stderr.

    User errors (``UsageError``, a file that is not a checkpoint, an impossible setting that core refuses
    with ``ValueError``, a file system error, running out of memory) are one sentence and exit 2; anything
    else is a bug: one line on stderr and the traceback in the log (``applog``), exit 1.
    """
    from ganexplorer import applog
    from ganexplorer.core.formats import CheckpointError

    try:
        return command()
    except (UsageError, CheckpointError) as e:
        return _say(str(e))
    except ValueError as e:  # impossible settings caught by core
        return _say(str(e))
    except BrokenPipeError:  # e.g. `ganexplorer summary ... | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        from ganexplorer.cli.i18n import t

        print(t("ganexplorer: interrupted"), file=sys.stderr)
        return 130
    except OSError as e:
        return _say(_os_sentence(e))
    except Exception as e:  # noqa: BLE001 - a bug: one line on stderr (via the log), the traceback in the log
        if _out_of_memory(e):   # too much asked of this machine: the user's to change, not a bug
            applog.log.info("out of memory", exc_info=True)
            return _say(_memory_sentence(e))
        applog.report_uncaught(e, e.__traceback__, "MainThread")
        return 1


def _out_of_memory(e: BaseException) -> bool:
    """Python's ``MemoryError`` or torch's ``OutOfMemoryError`` (a ``RuntimeError``; torch is imported by then)."""
    torch = sys.modules.get("torch")
    oom = getattr(torch, "OutOfMemoryError", None) if torch is not None else None
    return isinstance(e, MemoryError) or (oom is not None and isinstance(e, oom))


def _memory_sentence(e: BaseException) -> str:
    from ganexplorer.cli.i18n import t

    detail = (str(e).strip().splitlines() or [""])[0][:160]
    return t("ran out of memory{detail}: ask for less at once (fewer seeds or frames, a smaller --batch) or "
             "choose another --device", detail=f" ({detail})" if detail else "")
