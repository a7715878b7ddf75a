"""Which device renders: CUDA when present, then Apple's MPS, else the CPU (``GANEXPLORER_DEVICE`` overrides)."""

from __future__ import annotations

import os

import torch

DEVICE_CHOICES = ("auto", "cpu", "cuda", "mps")


def pick_device(preference: str | None = None) -> torch.device:
    """``auto`` (default) picks the fastest available; an explicit choice that is unavailable raises ValueError."""
    pref = (preference or os.environ.get("GANEXPLORER_DEVICE") or "auto").lower()
    if pref not in DEVICE_CHOICES:
        raise ValueError(f"device must be one of {', '.join(DEVICE_CHOICES)}, not {pref!r}")
    mps = getattr(torch.backends, "mps", None)
    has_mps = bool(mps is not None and mps.is_available())
    if pref == "cuda" and not torch.cuda.is_available():
        raise ValueError("no CUDA device is available to this PyTorch build")
    if pref == "mps" and not has_mps:
        raise ValueError("Apple's MPS device is not available here")
    if pref == "auto":
        pref = "cuda" if torch.cuda.is_available() else "mps" if has_mps else "cpu"
    return torch.device(pref)


def device_label(device: torch.device) -> str:
    """A short name for the info strip: 'CPU (2 threads)', 'CUDA: NVIDIA H100 80GB HBM3', 'MPS'."""
    if device.type == "cuda":
        return f"CUDA: {torch.cuda.get_device_name(device)}"
    if device.type == "mps":
        return "MPS (Apple GPU)"
    n = torch.get_num_threads()
    return f"CPU ({n} thread{'' if n == 1 else 's'})"


def describe_devices() -> str:
    """Everything this PyTorch can use, for ``ganexplorer info --ops``."""
    parts = [device_label(torch.device("cpu"))]
    if torch.cuda.is_available():
        parts += [device_label(torch.device("cuda", i)) for i in range(torch.cuda.device_count())]
    else:
        parts.append("no CUDA device" + ("" if torch.version.cuda else " (CPU-only PyTorch build)"))
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        parts.append("MPS")
    return "; ".join(parts)
