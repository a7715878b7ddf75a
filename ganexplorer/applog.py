"""Where the app's messages go: a rotating log file, warnings on stderr, and no silent exception.

A double-clicked (frozen, windowed) app has a stderr nobody sees, or none at all, so everything goes
through :mod:`logging`: a rotating file under the platform's log folder (``GANEXPLORER_LOG_DIR``
overrides it) with the full tracebacks, and one line per warning on stderr where there is one.
Exceptions that nobody caught, on the main thread (``sys.excepthook``, which Qt also calls for a slot
that raised) or any other (``threading.excepthook``), are logged, then handed to the listeners, e.g.
the window, which says them in one sentence. No Qt here: the CLI uses it too.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import sys
import threading
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType

LOG_DIR_ENV = "GANEXPLORER_LOG_DIR"
LOG_NAME = "ganexplorer.log"
MAX_BYTES = 1_000_000   # per file; with BACKUPS old files at most 4 MB in all
BACKUPS = 3
QT_LOGGER = "ganexplorer.qt"  # Qt's own chatter: the file only, never the user's terminal

log = logging.getLogger("ganexplorer")

ErrorListener = Callable[[BaseException, str], None]  # (exception, name of the thread it ended)
_listeners: list[Callable[[], ErrorListener | None]] = []  # weak for bound methods: a closed window lets go
_lock = threading.Lock()
_active = False


def log_dir() -> Path:
    """The folder of the log files: ``$GANEXPLORER_LOG_DIR``, else the platform's user log folder."""
    env = os.environ.get(LOG_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_log_dir("ganexplorer", appauthor=False))


def log_file() -> Path:
    return log_dir() / LOG_NAME


def one_sentence(exc: BaseException) -> str:
    """``TypeError: first line of the message``, for a status bar or a terminal."""
    text = (str(exc).strip().splitlines() or [""])[0]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def add_error_listener(fn: ErrorListener) -> None:
    """Call ``fn(exc, thread_name)`` for each uncaught exception, on the thread where it ended
    (a GUI must hand it to its own thread). A bound method is held weakly."""
    ref = weakref.WeakMethod(fn) if hasattr(fn, "__self__") else (lambda: fn)
    with _lock:
        _listeners.append(ref)


def remove_error_listener(fn: ErrorListener) -> None:
    with _lock:
        _listeners[:] = [ref for ref in _listeners if ref() not in (None, fn)]


def report_uncaught(exc: BaseException, tb: TracebackType | None, thread_name: str) -> None:
    """Log ``exc`` with its traceback and tell the listeners; never raises."""
    try:
        log.error("%s", _message("log.uncaught", thread=thread_name), exc_info=(type(exc), exc, tb))
    except Exception:  # noqa: BLE001 - a broken log must not hide the report from the listeners
        pass
    with _lock:
        listeners = [ref() for ref in _listeners]
    for fn in listeners:
        if fn is None:
            continue
        try:
            fn(exc, thread_name)
        except Exception:  # noqa: BLE001 - e.g. a window already gone; the log has it
            pass


class _RotatingFile(logging.handlers.RotatingFileHandler):
    """Where another process holds the file open (Windows: a second window, a CLI run) the rename
    fails: keep appending to the current file rather than printing a logging error per record."""

    def doRollover(self) -> None:  # noqa: N802 - logging's name
        try:
            super().doRollover()
        except OSError:
            if self.stream is None:
                self.stream = self._open()


class _StderrFormatter(logging.Formatter):
    """``ganexplorer: warning: message`` on one line; the traceback only where no file keeps it."""

    def __init__(self, file: Path | None) -> None:
        super().__init__()
        self.file = file

    def format(self, record: logging.LogRecord) -> str:
        text = _in_user_language(record.levelname.lower(), record.getMessage())
        if record.exc_info and record.exc_info[1] is not None:
            text += f": {one_sentence(record.exc_info[1])}"
            if self.file is None:
                return text + "\n" + self.formatException(record.exc_info)
            text += " " + _said(_message("log.details", path=self.file))
        return text


def _message(code: str, **args: object) -> str:
    from ganexplorer.core.messages import message

    return message(code, **args)


def _said(text: str) -> str:
    """One of core's sentences in the terminal's language."""
    from ganexplorer.core.locale import translate, user_language

    return translate(text, user_language())


def _in_user_language(level: str, said: str) -> str:
    """``ganexplorer: warning: ...`` in the terminal's language (LANG=ko_KR.UTF-8: Korean, core's sentences by
    their code, e.g. a dataset's skipped pictures); English exactly as before otherwise."""
    from ganexplorer.core.locale import translate, user_language
    from ganexplorer.core.messages import ENGLISH, message, parse

    language, code = user_language(), f"log.{level}"
    if not language or code not in ENGLISH:
        return f"ganexplorer: {level}: {said}"
    return translate(message(code, text=parse(said) or said), language)


class _NotQt(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.name.startswith(QT_LOGGER)


@contextlib.contextmanager
def session(level: int = logging.INFO) -> Iterator[Path | None]:
    """Log to the rotating file and catch every thread's uncaught exceptions until the block ends.

    Yields the log file (None where it cannot be written: then stderr only). A session inside
    another is a no-op. The hooks, levels and handlers found on entry are put back on exit; an
    exception leaving the block is the caller's (``report_uncaught`` it if nobody else will).
    """
    global _active
    if _active:
        yield log_file() if _file_handler() is not None else None
        return
    root = logging.getLogger()
    handlers: list[logging.Handler] = []
    path: Path | None = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # backslashreplace: a file name that is not UTF-8 (lone surrogates in sys.argv) is logged as \udce9,
        # not a "--- Logging error ---" traceback on the user's terminal
        fh = _RotatingFile(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True,
                           errors="backslashreplace")
        fh.setFormatter(logging.Formatter("%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"))
        fh.set_name("ganexplorer-file")
        handlers.append(fh)
    except OSError as e:
        path = None
        problem = f"cannot write the log in {log_dir()}: {e.strerror or e}"
    else:
        problem = None
    if sys.stderr is not None:  # None in a windowed frozen app
        sh = logging.StreamHandler(sys.stderr)
        sh.setLevel(logging.WARNING)
        sh.setFormatter(_StderrFormatter(path))
        sh.addFilter(_NotQt())
        handlers.append(sh)
    old_level, old_hooks = log.level, (sys.excepthook, threading.excepthook)
    for h in handlers:
        root.addHandler(h)
    log.setLevel(level)
    captured = sys.stderr is None and not logging.getLogger("py.warnings").handlers
    if captured:
        logging.captureWarnings(True)  # warnings.warn would print to a stderr that is not there
    sys.excepthook = _sys_hook
    threading.excepthook = _thread_hook
    _active = True
    from ganexplorer.core.sysinfo import one_line   # first line: app, OS, Python, torch, Qt, device (issue 26)

    log.info("%s | started (pid %d, %s)", one_line(), os.getpid(), " ".join(sys.argv))
    if problem:
        log.warning(problem)
    try:
        yield path
    finally:
        _active = False
        sys.excepthook, threading.excepthook = old_hooks
        if captured:
            logging.captureWarnings(False)
        log.setLevel(old_level)
        for h in handlers:
            root.removeHandler(h)
            h.close()


def _file_handler() -> logging.Handler | None:
    return next((h for h in logging.getLogger().handlers if h.get_name() == "ganexplorer-file"), None)


def _sys_hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    report_uncaught(exc, tb, threading.current_thread().name)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit or args.exc_value is None:
        return  # what the default hook ignores too
    name = args.thread.name if args.thread is not None else "?"
    report_uncaught(args.exc_value, args.exc_traceback, name)
