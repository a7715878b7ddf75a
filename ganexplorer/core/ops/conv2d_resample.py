"""2-D convolution fused with FIR up- or down-sampling by 2 (StyleGAN2's resampling convs).

The order of operations is the cheap one StyleGAN2-ADA uses, so results match it:
up-sampling is a stride-2 transposed convolution followed by the FIR filter;
down-sampling is the FIR filter followed by a stride-2 convolution; 1x1 kernels resample
and convolve in whichever order touches fewer pixels. ``w`` may be grouped.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from ganexplorer.core.ops.upfirdn2d import upfirdn2d


def conv2d_resample(
    x: torch.Tensor,
    w: torch.Tensor,
    f: torch.Tensor | None = None,
    up: int = 1,
    down: int = 1,
    padding: int = 0,
    groups: int = 1,
) -> torch.Tensor:
    """Cross-correlate ``x`` with ``w`` (as ``F.conv2d`` does) with optional resampling by ``f``."""
    out_ch, in_per_group, kh, kw = w.shape
    if up > 1 and down > 1:
        raise ValueError("conv2d_resample: up and down together are not supported")
    if (up > 1 or down > 1) and f is None:
        raise ValueError("conv2d_resample: resampling needs a filter")
    if up == 1 and down == 1:
        return F.conv2d(x, w, padding=padding, groups=groups)
    assert f is not None  # resampling without a filter was refused above

    fw = f.shape[-1]
    if down > 1:
        p0 = padding + (fw - down + 1) // 2
        p1 = padding + (fw - down) // 2
        if kw == 1 and kh == 1:
            x = upfirdn2d(x, f, down=down, padding=[p0, p1, p0, p1])
            return F.conv2d(x, w, groups=groups)
        x = upfirdn2d(x, f, padding=[p0, p1, p0, p1])
        return F.conv2d(x, w, stride=down, groups=groups)

    # Up-sampling.
    p0 = padding + (fw + up - 1) // 2
    p1 = padding + (fw - up) // 2
    if kw == 1 and kh == 1:
        x = F.conv2d(x, w, groups=groups)
        return upfirdn2d(x, f, up=up, padding=[p0, p1, p0, p1], gain=up * up)
    # Stride-2 transposed convolution (weights laid out [in, out/groups, kh, kw] per
    # group, stored kernel not flipped, as in the reference), then the FIR filter.
    if groups == 1:
        wt = w.transpose(0, 1)
    else:
        wt = w.reshape(groups, out_ch // groups, in_per_group, kh, kw).transpose(1, 2)
        wt = wt.reshape(groups * in_per_group, out_ch // groups, kh, kw)
    p0 -= kw - 1
    p1 -= kw - up
    pt = max(min(-p0, -p1), 0)
    x = F.conv_transpose2d(x, wt, stride=up, padding=pt, groups=groups)
    return upfirdn2d(x, f, padding=[p0 + pt, p1 - pt, p0 + pt, p1 - pt], gain=up * up)
