"""Run the untrusted parse (:mod:`.reader`) in a child process with limits; hand back plain data only.

A crafted file may still find a way to crash, hang or bloat whatever parses it, so the
parse happens in a separate process that we can lose: started with ``spawn`` (a fresh
interpreter on every OS, no copy of our torch state), holding no torch or numpy, and
returning only JSON (constructor arguments, a tree of plain values, a table saying where
each tensor's bytes are) plus one bounded blob. Its death or exhaustion becomes one
sentence — "could not be read safely: the reader crashed / ran out of its N GB memory
budget / took longer than N s" — and the app goes on.

Limits per OS:

- Linux and other POSIX: ``RLIMIT_AS`` (address space: :attr:`Limits.memory_bytes` above
  what the fresh interpreter already maps; the file's mapping counts, hence the size
  term), ``RLIMIT_CPU`` (:attr:`Limits.cpu_s`), ``RLIMIT_CORE`` 0 (no core files), and the
  parent's wall-clock timeout (:attr:`Limits.wall_s`).
- macOS: the same calls; the kernel enforces ``RLIMIT_CPU`` and the wall timeout, but
  ignores ``RLIMIT_AS``, so memory rests on the reader's own budgets (node, blob and
  opcode counts in :mod:`.prescan`/:mod:`.reader`).
- Windows: a job object (process memory and CPU-time limits, killed with its job) via
  ctypes, applied before the child is told to start reading; the wall timeout as well.
  Should the job object fail, the wall timeout and the reader's own budgets remain.

Cancellation: ``cancel`` (anything with ``is_set()``, e.g. a :class:`threading.Event`) is
polled while waiting; setting it kills the child at once and raises :class:`LoadCancelled`.

:func:`keep_warm` keeps one reader started ahead of the next load (for the app, which opens
file after file); each reader still serves exactly one file and then exits.

In a frozen app (PyInstaller) the entry point must call ``multiprocessing.freeze_support()``
before anything else, so the child copy of the executable runs the reader, not the app.
Start-up costs about 0.1 s per file (measured in ``benchmarks/bench_load.py``).
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
import types
from dataclasses import dataclass
from typing import Any, Iterator

from ganexplorer.core.formats.errors import LoadCancelled
from ganexplorer.core.messages import message

MAX_HEADER_BYTES = 512 << 20        # the JSON message (tree + storage table); a 200 MB pickle's is ~0.1 MB
_POLL_S = 0.05
_START_LOCK = threading.Lock()      # two loads starting at once must not both swap ``__main__``


@dataclass(frozen=True)
class Limits:
    memory_bytes: int   # address space the reader may add to a fresh interpreter's
    cpu_s: int          # processor seconds
    wall_s: float       # wall-clock seconds, start-up included

    @classmethod
    def for_size(cls, size: int) -> "Limits":
        """Generous for honest files (a 200 MB pickle parses in ~0.3 s using ~50 MB), fatal for bombs."""
        cpu = 20 + size // (25 << 20)
        return cls(memory_bytes=(512 << 20) + 6 * size, cpu_s=int(cpu), wall_s=1.5 * cpu + 10)


class ReaderFailed(Exception):
    """The reader process did not hand back a result: ``str(err)`` is the problem (no file name)."""

    def __init__(self, problem: str, kind: str = "failed") -> None:
        super().__init__(problem)
        self.kind = kind


@dataclass
class _Reader:
    """A started reader process and our end of its pipe; it waits for one job, answers, and exits."""

    proc: Any
    conn: Any
    job: Any = None   # Windows job object handle


_spare: _Reader | None = None      # started ahead of time when warm (see keep_warm)
_warm = False
_SPARE_LOCK = threading.Lock()


def _start_reader() -> _Reader:
    ctx = multiprocessing.get_context("spawn")
    ours, theirs = ctx.Pipe(duplex=True)
    proc = ctx.Process(target=child_main, args=(theirs,), daemon=True, name="ganexplorer-reader")
    with _START_LOCK, _main_not_rerun():
        proc.start()
    theirs.close()
    return _Reader(proc, ours)


def _close(r: _Reader) -> None:
    r.conn.close()
    r.proc.join(0.5)
    if r.proc.is_alive():
        r.proc.kill()
        r.proc.join(5)
    if r.job is not None and sys.platform == "win32":  # pragma: no cover - Windows (the only place a job is made)
        import ctypes

        ctypes.windll.kernel32.CloseHandle(r.job)


def keep_warm(on: bool = True) -> None:
    """Keep one reader process started ahead of the next load (or stop doing so).

    An app that opens files one after another hides the reader's start-up (~0.1 s) this way;
    the spare holds no file and no limits until it is handed a job, and exits with us. Off by
    default: a command that reads one file would only start a process it never uses.
    """
    global _warm, _spare
    _warm = on
    if on:
        _refill()
        return
    with _SPARE_LOCK:
        r, _spare = _spare, None
    if r is not None:
        _close(r)


def _refill() -> None:
    global _spare
    with _SPARE_LOCK:
        if _spare is None or not _spare.proc.is_alive():
            _spare = _start_reader()


def _take() -> _Reader:
    global _spare
    with _SPARE_LOCK:
        r, _spare = _spare, None
    if r is not None and r.proc.is_alive():
        return r
    if r is not None:
        _close(r)
    return _start_reader()


def read_isolated(path: str, kind: str, size: int, cancel: Any = None,
                  limits: Limits | None = None) -> tuple[dict[str, Any], bytes]:
    """(message, blob) from :func:`reader.read_file` run in a limited child process.

    ``message`` is the reader's JSON: ``{"ok": True, "tree", "storages", "identity"}`` or
    ``{"ok": False, "kind", ...}`` for a refusal it could put into words. Raises
    :class:`ReaderFailed` when the child died, hit a limit or timed out, :class:`LoadCancelled`
    when ``cancel`` was set.
    """
    limits = limits or Limits.for_size(size)
    r = _take()
    try:
        if sys.platform == "win32":
            r.job = _windows_job(r.proc, limits)
        # The job: the child applies the limits to itself, then reads (on Windows the job object holds it by now).
        r.conn.send_bytes(json.dumps({"path": path, "kind": kind, "limits": [limits.memory_bytes, limits.cpu_s,
                                                                             limits.wall_s]}).encode())
        deadline = time.monotonic() + limits.wall_s
        while not r.conn.poll(_POLL_S):
            if cancel is not None and cancel.is_set():
                raise LoadCancelled(None, message("file.cancelled"))
            if not r.proc.is_alive():
                if r.conn.poll(0):
                    break
                r.proc.join(1)
                raise ReaderFailed(_death(r.proc.exitcode, limits), "died")
            if time.monotonic() > deadline:
                raise ReaderFailed(f"the reader took longer than {limits.wall_s:.0f} s", "timeout")
        try:
            msg = json.loads(r.conn.recv_bytes(MAX_HEADER_BYTES))
            if not isinstance(msg, dict):
                raise ValueError("not a message")
            blob = b""
            if msg.get("ok") and msg.get("blob"):
                blob = r.conn.recv_bytes(int(msg["blob"]) + 1)
                if len(blob) != msg["blob"]:
                    raise ValueError("short blob")
        except (EOFError, OSError, ValueError, TypeError):
            r.proc.join(1)
            raise ReaderFailed(_death(r.proc.exitcode, limits), "died") from None
        return msg, blob
    finally:
        _close(r)
        if _warm:
            _refill()   # the next file's reader starts now, while this one's result is being used


@contextlib.contextmanager
def _main_not_rerun() -> Iterator[None]:
    """Start the child without it re-running the parent's ``__main__`` script.

    ``spawn`` normally imports the parent's main script in the child (as ``__mp_main__``) so
    that pickled references into it resolve. Our child needs nothing from it, and running a
    user's script (or a test runner, or our own CLI) again in the reader would cost time and
    run its top-level code a second time. While the child is started, ``__main__`` is a bare
    module with neither ``__file__`` nor ``__spec__``, which spawn leaves alone. A frozen app
    is left as it is: ``multiprocessing.freeze_support()`` handles its child.
    """
    main = sys.modules.get("__main__")
    if getattr(sys, "frozen", False) or main is None or getattr(main, "__file__", None) is None:
        yield
        return
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def _death(code: int | None, limits: Limits) -> str:
    """The sentence for a reader that ended without a result."""
    if code is not None and code < 0:
        sig = -code
        if sig == getattr(signal, "SIGXCPU", -1):
            return f"the reader took more than {limits.cpu_s} s of processor time"
        if sig == getattr(signal, "SIGKILL", -1):
            return "the reader was killed (out of memory or time)"
        try:
            name = signal.Signals(sig).name
        except ValueError:
            name = f"signal {sig}"
        return f"the reader crashed ({name})"
    if code is None:
        return "the reader stopped answering"
    return f"the reader crashed (exit code {code})"


def memory_words(limits: Limits) -> str:
    gb = limits.memory_bytes / 2**30
    return f"{gb:.1f} GB" if gb >= 1 else f"{limits.memory_bytes / 2**20:.0f} MB"


# -- the child ---------------------------------------------------------------------------------

def child_main(conn: Any) -> None:
    """Entry point of the reader process: wait for a job, limit ourselves, read, send one message (and a blob)."""
    try:
        _silence()
        from ganexplorer.core.formats import reader   # imported before the job comes: a spare is ready to read

        job = json.loads(conn.recv_bytes(1 << 16))
        limits = Limits(*job["limits"])
        _limit_self(limits)
        header: dict[str, Any] | None
        blob: bytes | None
        data: bytes | None
        try:
            header, blob = reader.read_file(job["path"], job["kind"])
            header.update(ok=True, blob=len(blob))
            data = json.dumps(header).encode("ascii")
        except MemoryError:
            header = blob = data = None  # free what we can before saying so
            _send(conn, {"ok": False, "kind": "memory", "problem": f"the reader ran out of its "
                                                                   f"{memory_words(limits)} memory budget"})
            return
        conn.send_bytes(data)
        if blob:
            conn.send_bytes(blob)
    except MemoryError:
        _send(conn, {"ok": False, "kind": "memory", "problem": "the reader ran out of its memory budget"})
    except BaseException as e:  # noqa: BLE001 - every failure becomes a message, never a traceback
        _send(conn, _describe_failure(e))
    finally:
        try:
            conn.close()
        except OSError:
            pass


def _describe_failure(e: BaseException) -> dict[str, Any]:
    from ganexplorer.core.formats.errors import DamagedPickleError, PickleBoundsError, UnsafePickleError
    from ganexplorer.core.formats.files import ReadError

    if isinstance(e, UnsafePickleError):
        return {"ok": False, "kind": "refused", "name": str(e)[:300]}
    if isinstance(e, PickleBoundsError):
        return {"ok": False, "kind": "bounds", "detail": str(e)[:300]}
    if isinstance(e, RecursionError):
        return {"ok": False, "kind": "bounds", "detail": "containers nested too deeply"}
    if isinstance(e, DamagedPickleError):
        return {"ok": False, "kind": "damaged", "detail": str(e)[:300]}
    if isinstance(e, ReadError):
        return {"ok": False, "kind": "problem", "problem": str(e)[:300]}
    if isinstance(e, OSError):
        return {"ok": False, "kind": "os", "errno": e.errno or 0, "detail": (e.strerror or str(e))[:200]}
    return {"ok": False, "kind": "damaged", "detail": type(e).__name__}


def _send(conn: Any, msg: dict[str, Any]) -> None:
    try:
        conn.send_bytes(json.dumps(msg).encode("ascii"))
    except Exception:  # noqa: BLE001 - the parent reads a dead pipe as a crash
        pass


def _silence() -> None:
    """Nothing the reader does may print on the user's terminal (one sentence is the parent's job)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def _limit_self(limits: Limits) -> None:
    try:
        import resource
    except ImportError:  # Windows: the parent's job object limits us
        return
    for name, soft, hard in (
        ("RLIMIT_CORE", 0, 0),
        ("RLIMIT_CPU", limits.cpu_s, limits.cpu_s + 5),
        ("RLIMIT_AS", _mapped_now() + limits.memory_bytes, None),
    ):
        res = getattr(resource, name, None)
        if res is None:
            continue
        try:
            _, cur_hard = resource.getrlimit(res)
            if hard is None:
                hard = soft
            if cur_hard != resource.RLIM_INFINITY:
                soft, hard = min(soft, cur_hard), min(hard, cur_hard)
            resource.setrlimit(res, (soft, hard))
        except (ValueError, OSError):  # macOS refuses some; the other limits still hold
            pass


def _mapped_now() -> int:
    """Address space this fresh interpreter already maps (Linux: /proc/self/statm; elsewhere a typical figure)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, AttributeError):
        return 256 << 20


def _windows_job(proc: Any, limits: Limits) -> Any:  # pragma: no cover - exercised on Windows only
    """Put the child in a job object with a memory and CPU-time limit, killed when the job closes."""
    if sys.platform != "win32":   # (also tells type checkers that the ctypes Windows names below exist)
        return None
    try:
        import ctypes
        from ctypes import wintypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)

        class IO_COUNTERS(ctypes.Structure):  # noqa: N801 -- the Windows SDK name
            _fields_ = [(n, ctypes.c_ulonglong) for n in ("ReadOperationCount", "WriteOperationCount",
                                                          "OtherOperationCount", "ReadTransferCount",
                                                          "WriteTransferCount", "OtherTransferCount")]

        class BASIC(ctypes.Structure):
            _fields_ = [("PerProcessUserTimeLimit", ctypes.c_longlong), ("PerJobUserTimeLimit", ctypes.c_longlong),
                        ("LimitFlags", wintypes.DWORD), ("MinimumWorkingSetSize", ctypes.c_size_t),
                        ("MaximumWorkingSetSize", ctypes.c_size_t), ("ActiveProcessLimit", wintypes.DWORD),
                        ("Affinity", ctypes.c_size_t), ("PriorityClass", wintypes.DWORD),
                        ("SchedulingClass", wintypes.DWORD)]

        class EXTENDED(ctypes.Structure):
            _fields_ = [("BasicLimitInformation", BASIC), ("IoInfo", IO_COUNTERS),
                        ("ProcessMemoryLimit", ctypes.c_size_t), ("JobMemoryLimit", ctypes.c_size_t),
                        ("PeakProcessMemoryUsed", ctypes.c_size_t), ("PeakJobMemoryUsed", ctypes.c_size_t)]

        JOB_OBJECT_LIMIT_PROCESS_TIME, JOB_OBJECT_LIMIT_PROCESS_MEMORY = 0x2, 0x100
        JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, JobObjectExtendedLimitInformation = 0x2000, 9
        kernel32.CreateJobObjectW.restype = wintypes.HANDLE
        job = kernel32.CreateJobObjectW(None, None)
        if not job:
            return None
        info = EXTENDED()
        info.BasicLimitInformation.LimitFlags = (JOB_OBJECT_LIMIT_PROCESS_TIME | JOB_OBJECT_LIMIT_PROCESS_MEMORY
                                                 | JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE)
        info.BasicLimitInformation.PerProcessUserTimeLimit = limits.cpu_s * 10_000_000   # 100 ns units
        info.ProcessMemoryLimit = limits.memory_bytes + (256 << 20)
        if kernel32.SetInformationJobObject(job, JobObjectExtendedLimitInformation, ctypes.byref(info),
                                            ctypes.sizeof(info)):
            kernel32.AssignProcessToJobObject(job, wintypes.HANDLE(proc.sentinel))
        return job   # the caller closes it, which kills the child should it still run
    except Exception:  # noqa: BLE001 - the wall timeout and the reader's budgets still apply
        return None
