"""Which device renders (CUDA when present, then Apple's MPS, else the CPU; ``GANEXPLORER_DEVICE`` overrides),
and the one way results come back from it (:func:`to_host`, :func:`to_numpy`).

Everything that leaves the model for NumPy, Pillow, a file or the GUI goes through
:func:`to_host`: ``.numpy()`` on a GPU tensor raises, so a stray one works on the CPU and fails
only on a user's GPU (``tests/test_device_hygiene.py`` runs the paths on a stand-in device).
"""

from __future__ import annotations

import os

import numpy as np
import torch

from ganexplorer.core.messages import message

DEVICE_CHOICES = ("auto", "cpu", "cuda", "mps")


def pick_device(preference: str | None = None) -> torch.device:
    """``auto`` (default) picks the fastest available; an explicit choice that is unavailable raises ValueError."""
    pref = (preference or os.environ.get("GANEXPLORER_DEVICE") or "auto").lower()
    if pref not in DEVICE_CHOICES:
        raise ValueError(message("train.choice", name="device", choices=", ".join(DEVICE_CHOICES), value=repr(pref)))
    mps = getattr(torch.backends, "mps", None)
    has_mps = bool(mps is not None and mps.is_available())
    if pref == "cuda" and not torch.cuda.is_available():
        raise ValueError(message("device.no_cuda"))
    if pref == "mps" and not has_mps:
        raise ValueError(message("device.no_mps"))
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
    return message("device.cpu_one") if n == 1 else message("device.cpu", threads=n)


def describe_devices() -> str:
    """Everything this PyTorch can use, for ``ganexplorer info --ops``."""
    parts = [device_label(torch.device("cpu"))]
    if torch.cuda.is_available():
        parts += [device_label(torch.device("cuda", i)) for i in range(torch.cuda.device_count())]
    else:
        parts.append(message("device.none_cuda") if torch.version.cuda else message("device.none_cuda_cpu_build"))
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        parts.append("MPS")
    return "; ".join(parts)


def module_device(module: torch.nn.Module) -> torch.device:
    """Where ``module`` computes: the device of its first parameter (or buffer); the CPU if it has neither."""
    for t in module.parameters():
        return t.device
    for b in module.buffers():
        return b.device
    return torch.device("cpu")


_pinned: dict[tuple, torch.Tensor] = {}


def to_host(x: torch.Tensor, dtype: torch.dtype | None = None, pinned: bool = False) -> torch.Tensor:
    """``x`` detached, cast to ``dtype`` and on the CPU.

    A narrowing cast happens on the device (fewer bytes to move), a widening one on the host (MPS
    has no float64). A CPU tensor comes back without a copy (it may share memory with ``x``). ``pinned=True``
    (small pictures sent every frame) copies a CUDA result through a reused page-locked
    buffer: one DMA, no pageable bounce; the returned tensor is a fresh copy of that buffer.
    """
    x = x.detach()
    if dtype is not None and dtype.itemsize <= x.dtype.itemsize:
        x = x.to(dtype)
    elif dtype is not None:
        return x.cpu().to(dtype)
    if x.device.type != "cuda" or not pinned:
        return x.cpu()
    key = (tuple(x.shape), x.dtype)
    buf = _pinned.get(key)
    if buf is None:
        if len(_pinned) > 8:
            _pinned.clear()
        buf = _pinned[key] = torch.empty(x.shape, dtype=x.dtype, pin_memory=True)
    buf.copy_(x, non_blocking=True)
    torch.cuda.current_stream(x.device).synchronize()
    return buf.clone()  # the buffer is reused by the next picture


def to_numpy(x: torch.Tensor, dtype: torch.dtype | None = None, pinned: bool = False) -> np.ndarray:
    """:func:`to_host` as a NumPy array (contiguous, so Pillow and ``np.save`` take it as is)."""
    return np.ascontiguousarray(to_host(x, dtype, pinned).numpy())
