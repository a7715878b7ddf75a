"""Closed-form directions (SeFa, Shen & Zhou, CVPR 2021): read straight from the generator's weights.

Every synthesis conv layer turns w into its styles with an affine map ``s = A w + b``; a
direction n changes the styles by ``A n``, so the directions that change them most are the
unit n maximising ``|A n|²`` summed over the chosen layers: the eigenvectors of ``AᵀA``, i.e. the
right singular vectors of the row-stacked ``A``. No sampling, so it takes a fraction of a second
even for a 1024² model. Only layers whose w index lies in the chosen range count (the directions
then act there); toRGB layers are left out, as the paper does (their styles scale colours, not
shapes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import numpy as np
import torch
from threadpoolctl import threadpool_limits
from torch import nn

from ganexplorer.core.messages import message
from ganexplorer.core.models.facts import int_fact
from ganexplorer.core.models.stylegan2 import SynthesisLayer, SynthesisNetwork


@dataclass(frozen=True)
class ClosedForm:
    vectors: np.ndarray    # [k, w_dim] unit rows, largest singular value first
    shares: np.ndarray     # [k] each one's share of the spectrum: s_i² / sum s²  (eigenvalue share of AᵀA)
    layers: tuple[int, int]  # the w indices [start, end) whose conv layers were stacked


def conv_layers_by_w(G: nn.Module) -> list[tuple[int, SynthesisLayer]]:
    """(w index, conv layer) for every synthesis conv layer, in forward order, toRGB excluded.

    The w index follows ``SynthesisNetwork.block_ws``: a block's convs take consecutive ws and its
    toRGB shares its w with the next block's first conv (b4.conv1 -> 0, b8.conv0 -> 1, b8.conv1 -> 2 ...)."""
    out: list[tuple[int, SynthesisLayer]] = []
    idx = 0
    synthesis = cast(SynthesisNetwork, G.synthesis)   # a style-based generator (callers check)
    for block in synthesis.blocks():
        convs = ([block.conv0] if hasattr(block, "conv0") else []) + [block.conv1]
        for k, layer in enumerate(convs):
            out.append((idx + k, layer))
        idx += block.num_conv
    return out


def affine_gram(G: nn.Module, start: int = 0, end: int | None = None) -> np.ndarray:
    """AᵀA [w_dim, w_dim] for A = the effective (equalised-lr gain applied) affine weights of the chosen convs,
    stacked by rows; summed layer by layer (AᵀA = Σ A_lᵀA_l), so the tall A is never built."""
    gram: np.ndarray | None = None
    for i, layer in conv_layers_by_w(G):
        if start <= i and (end is None or i < end):
            a = layer.affine.weight.detach().to("cpu", torch.float32).numpy() * np.float32(layer.affine.weight_gain)
            part = (a.T @ a).astype(np.float64)   # float32 products (the weights' own precision), float64 sum
            gram = part if gram is None else gram + part
    if gram is None:
        raise ValueError(message("dirs.no_layers", start=start, end=end if end is not None else "the end"))
    return gram


def sefa(G: nn.Module, num: int = 8, start: int = 0, end: int | None = None) -> ClosedForm:
    """The ``num`` closed-form directions of the conv layers with w index in [start, end) (None: to the last).

    A style-based generator only (``G.synthesis``). Each vector's sign is fixed so that its largest
    entry is positive (an SVD's sign is arbitrary; this makes files reproducible)."""
    if not hasattr(G, "synthesis"):
        raise ValueError(message("dirs.not_style"))
    with threadpool_limits(limits=1, user_api="blas"):   # BLAS threads cost 3-10x on a busy 2-core machine
        # eigh of the small w_dim x w_dim Gram matrix: the same vectors as the SVD of A, far cheaper for tall A
        vals, vecs = np.linalg.eigh(affine_gram(G, start, end))
    order = np.argsort(vals)[::-1]
    vals, vecs = np.clip(vals[order], 0, None), vecs[:, order].T
    k = max(1, min(int(num), vecs.shape[0]))
    vecs = vecs[:k]
    signs = np.sign(vecs[np.arange(k), np.abs(vecs).argmax(axis=1)])
    vecs = vecs * np.where(signs == 0, 1, signs)[:, None]
    total = float(vals.sum()) or 1.0
    stop = int_fact(G, "num_ws") if end is None else end
    return ClosedForm(vecs.astype(np.float32), (vals[:k] / total).astype(np.float32), (start, stop))
