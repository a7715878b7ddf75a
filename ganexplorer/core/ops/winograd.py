"""Winograd F(4x4, 3x3) convolution for stride-1, padding-1 3x3 kernels on channels-last tensors.

Why: for 256-512 channels at 32-64 px, a 3x3 convolution computed as 36 batched matrix
products of transformed 6x6 input tiles needs 36/16 = 2.25 multiplies per output instead of
9, and the (cheap, memory-bound) tile transforms are done here with strided slices and
scaled adds, so the CPU spends most of its time in large GEMMs. Results equal ``F.conv2d``
to about 1e-5 relative (the F(4x4) points 0, +-1, +-2, +-1/2 and an infinite point).

Everything is expressed in differentiable tensor ops; when no gradient is needed the
transforms write straight into preallocated buffers (``out=``) to save copies.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

TILE = 4    # Output tile edge m.
ALPHA = 6   # Input tile edge m + r - 1.

# G of F(4, 3): the kernel transform (6 x 3).
_G = (
    (1 / 4, 0.0, 0.0),
    (-1 / 6, -1 / 6, -1 / 6),
    (-1 / 6, 1 / 6, -1 / 6),
    (1 / 24, 1 / 12, 1 / 6),
    (1 / 24, -1 / 12, 1 / 6),
    (0.0, 0.0, 1.0),
)


def winograd_weight(weight: torch.Tensor) -> torch.Tensor:
    """Transform a [O, C, 3, 3] kernel into the [36, C, O] matrices ``G w G^T`` (float64 maths)."""
    o, c, kh, kw = weight.shape
    if (kh, kw) != (3, 3):
        raise ValueError("winograd_weight needs a 3x3 kernel")
    g = torch.tensor(_G, dtype=torch.float64, device=weight.device)
    kk = torch.kron(g, g).to(weight.dtype)  # [(a, b), (i, j)]
    w = weight.permute(2, 3, 1, 0).reshape(9, c * o)
    return torch.mm(kk, w).reshape(ALPHA * ALPHA, c, o)


def _input_1d(d: list[torch.Tensor], out: list[torch.Tensor] | None) -> list[torch.Tensor]:
    """B^T of F(4, 3) along one axis: six 6-tap combinations of the six tile rows ``d``."""
    d0, d1, d2, d3, d4, d5 = d
    t1 = torch.add(d4, d2, alpha=-4)
    t2 = torch.add(d3, d1, alpha=-4)
    t3 = torch.sub(d4, d2)
    t4 = torch.sub(d3, d1)
    if out is None:
        return [
            torch.add(d4, d0, alpha=4) - 5 * d2,
            t1 + t2,
            t1 - t2,
            torch.add(t3, t4, alpha=2),
            torch.add(t3, t4, alpha=-2),
            torch.add(d5, d1, alpha=4) - 5 * d3,
        ]
    torch.add(d4, d0, alpha=4, out=out[0]).add_(d2, alpha=-5)
    torch.add(t1, t2, out=out[1])
    torch.sub(t1, t2, out=out[2])
    torch.add(t3, t4, alpha=2, out=out[3])
    torch.add(t3, t4, alpha=-2, out=out[4])
    torch.add(d5, d1, alpha=4, out=out[5]).add_(d3, alpha=-5)
    return out


def _output_1d(m: list[torch.Tensor], out: list[torch.Tensor] | None) -> list[torch.Tensor]:
    """A^T of F(4, 3) along one axis: four outputs from the six products ``m``."""
    m0, m1, m2, m3, m4, m5 = m
    s12 = m1 + m2
    d12 = m1 - m2
    s34 = m3 + m4
    d34 = m3 - m4
    if out is None:
        return [m0 + s12 + s34, torch.add(d12, d34, alpha=2), torch.add(s12, s34, alpha=4),
                torch.add(d12, d34, alpha=8) + m5]
    torch.add(m0, s12, out=out[0]).add_(s34)
    torch.add(d12, d34, alpha=2, out=out[1])
    torch.add(s12, s34, alpha=4, out=out[2])
    torch.add(d12, d34, alpha=8, out=out[3]).add_(m5)
    return out


def winograd_conv3x3(
    x: torch.Tensor,                     # [N, H, W, C] contiguous (channels-last data as NHWC).
    u: torch.Tensor,                     # [36, C, O] from winograd_weight().
    in_scale: torch.Tensor | None = None,  # [N, C] per-sample input-channel scales (styles).
) -> torch.Tensor:
    """Cross-correlate ``x * in_scale`` with the 3x3 kernel behind ``u`` (padding 1); returns [N, H, W, O].

    H and W must be multiples of 4.
    """
    n, h, w, c = x.shape
    o = u.shape[2]
    if h % TILE or w % TILE:
        raise ValueError("winograd_conv3x3 needs H and W divisible by 4")
    th, tw = h // TILE, w // TILE
    hp, wp = h + 2, w + 2
    grad = torch.is_grad_enabled() and (x.requires_grad or u.requires_grad
                                        or (in_scale is not None and in_scale.requires_grad))
    if grad:
        xs = x * in_scale.reshape(n, 1, 1, c) if in_scale is not None else x
        xp = F.pad(xs, (0, 0, 1, 1, 1, 1))
        rows = [xp[:, i: i + TILE * (th - 1) + 1: TILE] for i in range(ALPHA)]   # each [N, th, Wp, C]
        r = _input_1d(rows, None)
        v = torch.stack([torch.stack(_input_1d([ra[:, :, j: j + TILE * (tw - 1) + 1: TILE] for j in range(ALPHA)],
                                               None), 0) for ra in r], 0)        # [a, b, N, th, tw, C]
        mm = torch.matmul(v.reshape(ALPHA * ALPHA, n * th * tw, c), u)          # [36, NT, O]
        mm = mm.reshape(ALPHA, ALPHA, n, th, tw, o)
        y1 = _output_1d(list(mm.unbind(0)), None)                                # 4 x [b, N, th, tw, O]
        y = torch.stack([torch.stack(_output_1d(list(yp.unbind(0)), None), 0) for yp in y1], 0)
        # y [p, q, N, th, tw, O] -> [N, th, p, tw, q, O]
        return y.permute(2, 3, 0, 4, 1, 5).reshape(n, h, w, o)

    xp = x.new_zeros(n, hp, wp, c)
    inner = xp[:, 1: h + 1, 1: w + 1]
    if in_scale is not None:
        torch.mul(x, in_scale.reshape(n, 1, 1, c), out=inner)
    else:
        inner.copy_(x)
    out = x.new_empty(n, th, TILE, tw, TILE, o)
    # Rows of tiles in chunks whose transformed tiles (~CHUNK_ELEMENTS numbers) stay in cache:
    # the transforms are memory-bound, the GEMMs are not.
    chunk_rows = max(1, min(th, CHUNK_ELEMENTS // (ALPHA * ALPHA * n * tw * max(c, o))))
    for t0 in range(0, th, chunk_rows):
        t1 = min(th, t0 + chunk_rows)
        _chunk(xp[:, TILE * t0: TILE * t1 + 2], u, out[:, t0:t1])
    return out.reshape(n, h, w, o)


CHUNK_ELEMENTS = 2 ** 21


def _chunk(xp: torch.Tensor, u: torch.Tensor, out: torch.Tensor) -> None:
    """Winograd on tile rows: ``xp`` [N, 4 t + 2, 4 tw + 2, C] (padded) -> ``out`` [N, t, 4, tw, 4, O]."""
    n, hp, wp, c = xp.shape
    th, tw, o = (hp - 2) // TILE, (wp - 2) // TILE, u.shape[2]
    rbuf = xp.new_empty(ALPHA, n, th, wp, c)
    _input_1d([xp[:, i: i + TILE * (th - 1) + 1: TILE] for i in range(ALPHA)], list(rbuf.unbind(0)))
    v = xp.new_empty(ALPHA, ALPHA, n, th, tw, c)
    vb = list(v.unbind(1))  # indexed by b: each [a, N, th, tw, C]
    _input_1d([rbuf[:, :, :, j: j + TILE * (tw - 1) + 1: TILE] for j in range(ALPHA)], vb)
    v = v.reshape(ALPHA * ALPHA, n * th * tw, c)
    if n * th * tw >= 2048:
        # Tall products: one GEMM per tile position keeps the operands in cache.
        mm = xp.new_empty(ALPHA * ALPHA, n * th * tw, o)
        for k in range(ALPHA * ALPHA):
            torch.mm(v[k], u[k], out=mm[k])
    else:
        mm = torch.bmm(v, u)
    mm = mm.reshape(ALPHA, ALPHA, n, th, tw, o)
    y1 = xp.new_empty(TILE, ALPHA, n, th, tw, o)
    _output_1d(list(mm.unbind(0)), list(y1.unbind(0)))
    outq = list(out.permute(4, 2, 0, 1, 3, 5).unbind(0))  # indexed by q: each [p, N, th, tw, O]
    _output_1d(list(y1.unbind(1)), outq)
