"""Making a directions set by any method (PCA, SeFa, labels), and using one: a moved request, a strip.

Every set carries the same things whatever made it (see :mod:`.directions_file`): unit rows in w,
the w indices [start, end) they act on, and each row's sigma over the same 10,000 mapped z, so a
slider at +2 means the same spread for a PCA, a SeFa and a labelled direction and they compare
side by side.
"""

from __future__ import annotations

import os
import re
from typing import Callable, Sequence

import numpy as np
import torch

from ganexplorer.core.guarded import read_bounded_bytes
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.messages import message
from ganexplorer.core.render.directions import SIGMA_SAMPLES, mapped_ws, sigmas_along
from ganexplorer.core.render.directions_file import DirectionSet
from ganexplorer.core.render.labelled import check_labels, fit_boundary, project_out
from ganexplorer.core.render.latents import seed_to_z
from ganexplorer.core.render.images import to_uint8
from ganexplorer.core.render.renderer import Renderer
from ganexplorer.core.render.request import RenderRequest, WEdit
from ganexplorer.core.render.sefa import sefa

MAX_LABELS_BYTES = 4 * 2 ** 20
MAX_LABELS = 10_000   # labelled seeds in one file (by hand: tens to hundreds)
_DIGITS = re.compile(r"[0-9]{1,20}")   # ASCII digits only: str.isdigit also takes '²', which int() refuses
STRIP_SIGMAS = (-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0)


def layer_range(model: LoadedModel, layers: tuple[int, int] | None) -> tuple[int, int]:
    """``layers`` checked against the model's ws ([start, end), end exclusive); None: all of them."""
    num_ws = model.num_ws
    if layers is None:
        return 0, num_ws
    start, end = layers
    if not 0 <= start < end <= num_ws:
        raise ValueError(message("dirs.no_layers", start=start, end=end - 1))
    return int(start), int(end)


def sigma_samples(model: LoadedModel, n: int = SIGMA_SAMPLES, progress: Callable[[int, int], None] | None = None,
                  stop: Callable[[], bool] | None = None) -> np.ndarray:
    """The mapped w every sigma is measured over (seed 0, so every set of a model shares them, and the Explore
    tab's PCA measures its sigmas over the same). ``progress(done, total)``; ``stop()`` true: InterruptedError."""
    return mapped_ws(model, n, seed=0, on_progress=progress, stop=stop).numpy()


def pca_set(model: LoadedModel, num: int, layers: tuple[int, int] | None = None,
            samples: np.ndarray | None = None) -> DirectionSet:
    """Principal components of w (GANSpace) with their share of the variance, each signed so that its largest
    entry is positive (the same file on every machine).

    From the covariance's eigenvectors, not an SVD of the samples: the same components, 10,000 x 512 samples in
    0.03 s of CPU instead of 1.7 s (2 cores at load 6)."""
    x = sigma_samples(model) if samples is None else samples
    xc = np.asarray(x, dtype=np.float64)
    xc = xc - xc.mean(axis=0)
    var, vecs = np.linalg.eigh(xc.T @ xc)
    order = np.argsort(var)[::-1]
    k = max(1, min(num, len(order), max(1, len(xc) - 1)))
    vt = vecs[:, order[:k]].T
    vt *= np.where(vt[np.arange(k), np.abs(vt).argmax(axis=1)] < 0, -1.0, 1.0)[:, None]
    var = np.clip(var, 0, None)
    return DirectionSet(vt.astype(np.float32), sigmas_along(x, vt), "pca", layer_range(model, layers),
                        (var[order[:k]] / var.sum()).astype(np.float32))


def sefa_set(model: LoadedModel, num: int, layers: tuple[int, int] | None = None,
             samples: np.ndarray | None = None) -> DirectionSet:
    """Closed-form directions of the conv layers in the layer range, with their share of the spectrum."""
    if not model.is_style_based:
        raise ValueError(message("dirs.not_style"))
    start, end = layer_range(model, layers)
    cf = sefa(model.G, num, start, end)
    x = sigma_samples(model) if samples is None else samples
    return DirectionSet(cf.vectors, sigmas_along(x, cf.vectors), "sefa", (start, end), cf.shares)


def seed_ws(model: LoadedModel, seeds: Sequence[int], label: int | None = None) -> np.ndarray:
    """Untruncated mapped w [n, w_dim] of each seed (the w the labelled pictures were drawn from)."""
    device = next(model.G.parameters()).device
    z = torch.cat([seed_to_z(int(s), model.z_dim) for s in seeds]).to(device)
    c = None
    if model.c_dim:
        c = torch.zeros(len(seeds), model.c_dim, device=device)
        c[:, label or 0] = 1
    with torch.inference_mode():
        w = model.style.mapping(z, c)[:, 0] if model.is_style_based else z
    return w.to("cpu", torch.float64).numpy()


def labels_set(model: LoadedModel, seeds: Sequence[int], labels: Sequence[int],
               layers: tuple[int, int] | None = None, fixed: np.ndarray | None = None,
               samples: np.ndarray | None = None, label: int | None = None) -> DirectionSet:
    """One direction from labelled seeds (0 -> 1), held-out accuracy as its score; ``fixed`` rows projected out."""
    if not model.is_style_based:
        raise ValueError(message("dirs.not_style"))
    check_labels(list(seeds), list(labels))
    span = layer_range(model, layers)
    b = fit_boundary(seed_ws(model, seeds, label), list(labels))
    v = b.normal if fixed is None or not len(fixed) else project_out(b.normal, fixed)
    x = sigma_samples(model) if samples is None else samples
    return DirectionSet(v[None].astype(np.float32), sigmas_along(x, v[None]), "labels", span,
                        np.array([b.heldout_accuracy], np.float32))


def read_labels_csv(path: str) -> tuple[list[int], list[int]]:
    """``seed,label`` lines (a header line, blank lines and # comments are skipped); one sentence when not."""
    data = read_bounded_bytes(path, MAX_LABELS_BYTES, "labels file")
    seeds, labels = [], []
    for no, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line or (no == 1 and line.replace(" ", "").lower() == "seed,label"):
            continue
        parts = [p.strip() for p in line.split(",")]
        if len(parts) != 2 or not _DIGITS.fullmatch(parts[0]) or parts[1] not in ("0", "1"):
            raise ValueError(message("file.frame", path=path, problem=message("dirs.labels_csv", line=no)))
        seeds.append(int(parts[0]))
        labels.append(int(parts[1]))
        if len(seeds) > MAX_LABELS:   # each label maps a seed and joins the fit: a million took minutes and GBs
            raise ValueError(message("file.frame", path=path, problem=message("dirs.labels_many", limit=f"{MAX_LABELS:,}")))
    if not seeds:
        raise ValueError(message("file.frame", path=path, problem=message("dirs.labels_none")))
    try:
        check_labels(seeds, labels)
    except ValueError as e:   # one class only, too few of one, a seed out of range: said of this file
        raise ValueError(message("file.frame", path=path, problem=e.args[0] if e.args else str(e))) from None
    return seeds, labels


def moved(req: RenderRequest, dset: DirectionSet, index: int, sigmas: float) -> RenderRequest:
    """``req`` with w moved by ``sigmas`` x sigma along row ``index`` on the set's layer range (added to its edits)."""
    edit = WEdit(tuple(float(v) for v in dset.vectors[index]), float(sigmas * dset.sigmas[index]),
                 dset.layers[0], dset.layers[1])
    return req.with_(w_edits=req.w_edits + (edit,))


def cosines(vectors: np.ndarray) -> np.ndarray:
    """|cos| would hide that a labelled direction points the other way: signed cosines [n, n] of unit rows."""
    v = np.asarray(vectors, dtype=np.float64)
    v = v / np.linalg.norm(v, axis=1, keepdims=True)
    return v @ v.T


def strip(renderer: Renderer, req: RenderRequest, dset: DirectionSet, index: int,
          sigmas: Sequence[float] = STRIP_SIGMAS, progress: Callable[[int, int], None] | None = None,
          cancel: Callable[[], bool] | None = None) -> list[np.ndarray]:
    """Pictures (uint8 HxWx3) of ``req`` moved along one direction by each of ``sigmas``.

    The request's w is mapped and truncated once; each picture adds its multiple of the direction to it (the
    same sum, in the same order, as :func:`moved` + ``Renderer.render``). The pictures are synthesised as one
    batch: with 2 torch threads on 2 busy cores (load 6-9) a batch of 7 256² pictures cost 1.8-2.5x less CPU
    and wall time than 7 single ones (the threads meet at a barrier after every op, and a batch has 7x fewer
    ops), on 2 quiet cores 1.25x more, and with 1 thread 1.5x more (the CPU fast path is tuned for single
    pictures); benchmarks/bench_directions.py prints both. So :func:`strip_batch` renders one picture at a time
    where the threads do not spin (one thread, ``OMP_WAIT_POLICY=passive``) and cuts batches so that the
    largest activation of one stays under ``STRIP_BATCH_BYTES`` (a 1024² model: two pictures at a time); and
    random noise renders one picture at a time, so every picture gets the same noise as the Explore tab's.
    ``progress(done, total)`` follows each batch; ``cancel()`` is checked between synthesis blocks and a true
    answer raises ``InterruptedError``.
    """
    a, b = dset.layers
    total = len(sigmas)
    check = _block_check(cancel)
    out: list[np.ndarray] = []
    with torch.inference_mode():
        base = renderer.ws_for(req)
        d = torch.tensor([float(v) for v in dset.vectors[index]], dtype=base.dtype, device=base.device)
        ws = base.repeat(total, 1, 1)
        for k, s in enumerate(sigmas):
            ws[k:k + 1, a:b] += float(s * dset.sigmas[index]) * d
        step = 1 if req.noise_mode == "random" else strip_batch(renderer, total)
        for i in range(0, total, step):
            img = renderer.synthesize(ws[i:i + step], req, on_block=check)
            out += [to_uint8(img[j:j + 1]) for j in range(img.shape[0])]
            if progress is not None:
                progress(len(out), total)
    return out


def strips(renderer: Renderer, req: RenderRequest, rows: Sequence[tuple[DirectionSet, int]],
           sigmas: Sequence[float] = STRIP_SIGMAS, progress: Callable[[int, int], None] | None = None,
           cancel: Callable[[], bool] | None = None) -> list[list[np.ndarray]]:
    """:func:`strip` of each (set, index) in ``rows``; ``progress(done, total)`` counts the pictures rendered.

    The unmoved picture (sigma 0) is the same in every row: it is rendered with the first row only (8 rows of
    7: 50 pictures instead of 56)."""
    zero = [k for k, s in enumerate(sigmas) if s == 0][:1]
    rest = [s for k, s in enumerate(sigmas) if k not in zero]
    total = len(rows) * len(rest) + (len(zero) if rows else 0)
    out: list[list[np.ndarray]] = []
    done = 0
    for dset, index in rows:
        row_sigmas = list(sigmas) if not out else rest

        def each(n: int, _total: int, before: int = done) -> None:
            if progress is not None:
                progress(before + n, total)
        row = strip(renderer, req, dset, index, row_sigmas, each, cancel)
        done += len(row)
        if out and zero:
            row.insert(zero[0], out[0][zero[0]])
        out.append(row)
    return out


STRIP_BATCH_BYTES = 256 * 2 ** 20   # the largest activation of one strip batch (a few such tensors live at once)


def strip_batch(renderer: Renderer, n: int) -> int:
    """How many strip pictures to synthesise at once: all ``n`` unless the model's widest activation says fewer,
    or torch's threads do not spin at their barriers (one thread, or ``OMP_WAIT_POLICY=passive``): then single
    pictures cost less (256², load 6, 2 passive threads: 7 singles 1.3 s CPU against 1.6 s for the batch)."""
    if torch.get_num_threads() == 1 or os.environ.get("OMP_WAIT_POLICY", "").strip().lower() == "passive":
        return 1
    channels = getattr(getattr(renderer.G, "synthesis", None), "channels", None)
    if not isinstance(channels, dict) or not channels:
        return n
    per_picture = 4 * max(int(c) * int(r) ** 2 for r, c in channels.items())
    return max(1, min(n, STRIP_BATCH_BYTES // per_picture))


def _block_check(cancel: Callable[[], bool] | None) -> Callable[[int, torch.Tensor], None] | None:
    """A synthesis ``on_block`` hook that raises ``InterruptedError`` once ``cancel()`` is true."""
    if cancel is None:
        return None

    def check(_res: int, _img: torch.Tensor) -> None:
        if cancel():
            raise InterruptedError("cancelled")
    return check
