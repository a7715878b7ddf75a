"""Where ganexplorer runs, described once: app, OS, Python, PyTorch, Qt and device versions.

Used for the log's first line of every session and for Help ▸ Copy system info / Report a problem: the first
things a bug report needs. Imports neither torch nor Qt (``--help`` and the checkpoint reader processes stay
light): versions come from the installed metadata, details from modules that are already loaded.
"""

from __future__ import annotations

import os
import platform
import sys
from importlib import metadata


def _dist_version(*names: str) -> str | None:
    for name in names:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


def torch_build(version: str | None) -> str:
    """'CPU build', 'CUDA 12.6 build', 'ROCm 6.2 build' from the wheel's local version (no import of torch)."""
    torch = sys.modules.get("torch")
    cuda = getattr(getattr(torch, "version", None), "cuda", None) if torch is not None else None
    if cuda:
        return f"CUDA {cuda} build"
    local = (version or "").partition("+")[2]
    if local.startswith("cu") and local[2:].isdigit():
        digits = local[2:]
        return f"CUDA {digits[:-1]}.{digits[-1]} build"
    if local.startswith("rocm"):
        return f"ROCm {local[4:]} build"
    if local == "cpu":
        return "CPU build"
    return "default build"


def qt_version() -> str | None:
    """The Qt the app runs on, if Qt is loaded; else the installed PySide6's version."""
    core = sys.modules.get("PySide6.QtCore")
    if core is not None:
        return f"{core.qVersion()} (PySide6 {getattr(sys.modules.get('PySide6'), '__version__', '?')})"
    found = _dist_version("PySide6-Essentials", "PySide6")
    return f"PySide6 {found}" if found else None


def device_summary() -> str:
    """The device choice, and what PyTorch found, where PyTorch is already loaded (never starts CUDA)."""
    choice = os.environ.get("GANEXPLORER_DEVICE") or "auto"
    torch = sys.modules.get("torch")
    if torch is None:
        return f"device {choice}"
    parts = [f"device {choice}", f"CPU threads {torch.get_num_threads()}"]
    try:
        count = torch.cuda.device_count()   # asks the driver; no CUDA context is made
    except Exception:  # noqa: BLE001 - a broken driver must not stop the description
        count = 0
    if count:
        parts.append(f"{count} CUDA device{'s' if count > 1 else ''}")
        if torch.cuda.is_initialized():
            parts.append(", ".join(torch.cuda.get_device_name(i) for i in range(count)))
    mps = getattr(getattr(torch, "backends", None), "mps", None)
    if mps is not None and mps.is_available():
        parts.append("Apple MPS")
    return ", ".join(parts)


def versions() -> dict[str, str]:
    """Each piece, named; missing ones say so."""
    from ganexplorer import __version__

    torch = _dist_version("torch")
    frozen = " (installer build)" if getattr(sys, "frozen", False) else ""
    return {
        "app": f"ganexplorer {__version__}{frozen}",
        "os": f"{platform.platform()} ({platform.machine() or '?'})",
        "python": f"Python {platform.python_version()} ({platform.python_implementation()})",
        "torch": f"torch {torch} ({torch_build(torch)})" if torch else "torch not installed",
        "qt": f"Qt {qt_version()}" if qt_version() else "Qt not installed",
        "device": device_summary(),
    }


def one_line() -> str:
    """The log's first line of a session."""
    return " | ".join(versions().values())


def report(extra: dict[str, str] | None = None) -> str:
    """One ``name: value`` per line, with ``extra`` (e.g. the window's device and log file) at the end."""
    rows = {**versions(), **(extra or {})}
    return "\n".join(f"{k}: {v}" for k, v in rows.items())
