"""Where a training run computes: the device it asks for, and each batch's way there.

``--device`` takes ``auto | cpu | cuda | cuda:N | mps``; the rendering side's :func:`pick_device` knows the
first four forms, so this module only adds ``cuda:N`` and the one-sentence errors a user can act on.

Batches stay uint8 on the host until they are picked (``core/data/batches.py``); for a GPU the picked
uint8 images go over in page-locked (pinned) memory with a non-blocking copy, a quarter of the bytes of
the float batch, and are converted to model input on the device. On the CPU the batch is made exactly
as before, so CPU runs (and their bit-exact resume) are unchanged.
"""

from __future__ import annotations

import re

import torch

from ganexplorer.core.data.base import model_input
from ganexplorer.core.data.batches import TrainingImages
from ganexplorer.core.device import pick_device
from ganexplorer.core.messages import message
from ganexplorer.core.train.config import device_form_ok

_CUDA_N = re.compile(r"cuda:(\d+)")


def parse_train_device(text: str | None) -> torch.device:
    """The device a ``--device`` value names; ``ValueError`` (one sentence) if it is malformed or absent here.

    ``auto`` follows the rendering side (``GANEXPLORER_DEVICE``, then CUDA, MPS, CPU); ``cuda`` is the
    current CUDA device (``cuda:0`` unless the process chose another); ``cuda:N`` must exist.
    """
    pref = (text or "auto").strip().lower()
    if not device_form_ok(pref):
        raise ValueError(message("train.device", value=repr(text)))
    match = _CUDA_N.fullmatch(pref)
    if match is not None:
        pick_device("cuda")   # the usual sentence when this PyTorch has no CUDA at all
        index, count = int(match.group(1)), torch.cuda.device_count()
        if index >= count:
            raise ValueError(message("train.no_cuda_index", index=index, count=count, last=count - 1))
        return torch.device("cuda", index)
    device = pick_device(None if pref == "auto" else pref)
    if device.type == "cuda" and device.index is None:
        device = torch.device("cuda", torch.cuda.current_device())
    return device


def train_device_choices() -> list[tuple[str, str]]:
    """The ``--device`` values worth offering on this machine, each with a label: auto (saying what it
    picks), the CPU, every CUDA device (by name once CUDA is up: asking for a name starts CUDA, seconds
    the Train tab must not spend on the UI thread), and MPS where PyTorch has it."""
    try:
        auto = pick_device(None)   # not parse_train_device: its current_device() would start CUDA
    except ValueError:          # GANEXPLORER_DEVICE names something absent: training will say so on Start
        return [("auto", "auto"), ("cpu", "CPU")]
    name = {"cpu": "CPU", "mps": "MPS"}.get(auto.type, "CUDA")
    choices = [("auto", f"auto ({name})"), ("cpu", "CPU")]
    if torch.cuda.is_available():
        named = torch.cuda.is_initialized()
        choices += [(f"cuda:{i}", f"cuda:{i} ({torch.cuda.get_device_name(i)})" if named else f"cuda:{i}")
                    for i in range(torch.cuda.device_count())]
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        choices.append(("mps", "MPS (Apple GPU)"))
    return choices


def batch_on(data: TrainingImages, index: torch.Tensor, device: torch.device) -> torch.Tensor:
    """The float model input for ``data``'s images at ``index``, on ``device``.

    CPU: ``data[index]``, the very tensor single-process training always used. GPU: the uint8 images,
    pinned, copied without blocking, converted there (each image on its own, so the same numbers up to
    the device's float rounding).
    """
    if device.type == "cpu":
        return data[index]
    picked = data.images[index]
    if picked.dim() == 3:
        picked = picked.unsqueeze(0)
    return model_input(to_device(picked, device), data.resolution, data.channels)


def to_device(t: torch.Tensor, device: torch.device) -> torch.Tensor:
    """``t`` on ``device``; host tensors bound for CUDA go through pinned memory without blocking."""
    if t.device == device:
        return t
    if device.type == "cuda" and t.device.type == "cpu":
        return t.pin_memory().to(device, non_blocking=True)
    return t.to(device)
