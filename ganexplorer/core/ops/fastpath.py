"""CPU fast path of StyleGAN2's synthesis layers, and the switch back to the reference ops.

The reference path (``modulated_conv2d`` + ``bias_act`` on NCHW tensors) stays the ground
truth; ``reference_path()`` selects it globally, e.g. to check this module or a fused
GPU kernel against it. The fast path computes the same function with fewer memory passes:

* Activations stay channels-last (NHWC): oneDNN's convolutions, and especially the
  stride-2 transposed convolution, are much faster on that layout on the CPU.
* The lrelu gain sqrt(2) (times the caller's gain) is a positive scale, so it commutes
  with lrelu and is folded into the demodulation coefficients, the bias and the noise.
  The bias rides in the convolution (or FIR) call; noise, lrelu and clamp run in place
  when no gradient is needed (out of place otherwise, so training still works).
* Modulation is applied on whichever side is smaller (fixed rule, see ``_weight_side``):
  weight side (per-sample kernel, as the reference) for batch 1 when
  ``9 * C_in * C_out <= (C_in + C_out) * H * W`` (up-sampling layers: ``<= C_in * H_in * W_in``,
  as their output scale rides in the FIR); otherwise on the activations
  (``conv(x * styles, w) * dcoefs``, NVIDIA's non-fused form), which also turns a batch
  into one ordinary convolution instead of a grouped one.
* Stride-1 3x3 layers with at least ``WINOGRAD_MIN_CHANNELS`` input channels use Winograd
  F(4x4, 3x3) (``ganexplorer.core.ops.winograd``) on the CPU. Measured on a 2-core EPYC,
  batch 1: 512 ch @ 8-32 px and 256 ch @ 64 px run 1.3-2.5x faster than oneDNN's direct
  convolution; with 128 ch @ 128 px or 64 ch @ 256 px the memory-bound tile transforms
  make it slower in the network, and at 4x4 px reading the 4x larger transformed kernel
  costs more than it saves, hence the thresholds.
  Used only when no gradient is needed (rendering); its transformed kernels are cached
  per weight tensor (and version). Training takes the direct convolutions, whose float32
  rounding is closest to the reference's.
* Up-sampling layers: stride-2 transposed convolution, then the [1,3,3,1] FIR as one
  depthwise 4x4 convolution that also carries the demodulation scale and the bias.
  (Measured alternatives that lost: polyphase 2x2 convolution + grouped FIR, and the
  FIR folded into 3x3 per-parity kernels, 4x the MACs.)
* Layers with >= ``STRIP_MIN_ELEMENTS`` output numbers (512 px and up) run in horizontal
  strips when no gradient is needed: fresh 100 MB tensors cost page faults and DRAM
  streaming; strips keep the intermediates in cache (1024 px: about -20 %).
* The skip image's up-sampling is polyphase (two 2-tap filters per axis), not a 4-tap
  filter over zero-inserted pixels.

Only CPU float32 tensors take the fast path; anything else uses the reference.
"""

from __future__ import annotations

import contextlib
import weakref
from typing import Callable, Iterator

import torch
import torch.nn.functional as F

from ganexplorer.core.ops.winograd import winograd_conv3x3, winograd_weight

WINOGRAD_MIN_CHANNELS = 256   # Winograd from this many input channels...
WINOGRAD_MIN_PIXELS = 8 * 8   # ...at 8x8 px or more (at 4x4 reading the 4x larger kernel costs more than it saves).
_FAST_ACTS = ("lrelu", "linear", "relu")
_use_reference = False


def set_reference_path(enabled: bool) -> None:
    """Globally select the reference ops (True) or the fast path (False, the default)."""
    global _use_reference
    _use_reference = bool(enabled)


def reference_path_enabled() -> bool:
    return _use_reference


@contextlib.contextmanager
def reference_path(enabled: bool = True) -> Iterator[None]:
    """Run the enclosed code on the reference path (or on the fast path with ``enabled=False``)."""
    old = _use_reference
    set_reference_path(enabled)
    try:
        yield
    finally:
        set_reference_path(old)


def fast_path_applies(x: torch.Tensor) -> bool:
    """Whether the synthesis layers should take the fast path for activations ``x``."""
    return not _use_reference and x.device.type == "cpu" and x.dtype == torch.float32


def _needs_grad(*tensors: torch.Tensor | None) -> bool:
    return torch.is_grad_enabled() and any(t is not None and t.requires_grad for t in tensors)


# -- per-weight cache of derived constants (inference only) -------------------------------------
_cache: dict[int, tuple[weakref.ref, tuple, dict[str, torch.Tensor]]] = {}


def _derived(weight: torch.Tensor, name: str, fn: Callable[[torch.Tensor], torch.Tensor]) -> torch.Tensor:
    """``fn(weight)``, cached while ``weight`` is unchanged; recomputed (with autograd) when it needs grad."""
    if _needs_grad(weight):
        return fn(weight)
    key = id(weight)
    stamp = (weight.data_ptr(), weight._version, weight.dtype, weight.device, tuple(weight.shape))
    entry = _cache.get(key)
    if entry is None or entry[0]() is not weight or entry[1] != stamp:
        def forget(_ref: object, k: int = key) -> None:
            _cache.pop(k, None)
        ref = weakref.ref(weight, forget)
        entry = (ref, stamp, {})
        _cache[key] = entry
    store = entry[2]
    if name not in store:
        # Built as a normal tensor so it is usable inside and outside inference mode.
        with torch.inference_mode(False), torch.no_grad():
            store[name] = fn(weight.detach())
    return store[name]


def _sq_norms(weight: torch.Tensor) -> torch.Tensor:
    return weight.square().sum(dim=[2, 3])  # [O, C]


def _transposed(weight: torch.Tensor) -> torch.Tensor:
    # [C, O, k, k], conv_transpose2d's layout, stored channels-last as oneDNN wants it for NHWC input.
    return weight.transpose(0, 1).contiguous(memory_format=torch.channels_last)


def _channels_last(weight: torch.Tensor) -> torch.Tensor:
    return weight.contiguous(memory_format=torch.channels_last)


# -- epilogue -----------------------------------------------------------------------------------
def _epilogue(
    y: torch.Tensor, scale: torch.Tensor | None, bias: torch.Tensor | None, noise: torch.Tensor | None,
    act: str, clamp: float | None, inplace: bool,
) -> torch.Tensor:
    """``act(y * scale + bias + noise)`` clamped; scale/bias per channel, noise broadcast over channels."""
    n, c = y.shape[:2]
    sv = scale.reshape(n, c, 1, 1) if scale is not None else None
    bv = bias.reshape(1, c, 1, 1) if bias is not None else None
    if inplace:
        if sv is not None and bv is not None:
            torch.addcmul(bv, y, sv, out=y)
        elif sv is not None:
            y.mul_(sv)
        elif bv is not None:
            y.add_(bv)
        if noise is not None:
            y.add_(noise)
        if act == "lrelu":
            F.leaky_relu_(y, 0.2)
        elif act == "relu":
            y.relu_()
        if clamp is not None and clamp >= 0:
            y.clamp_(-clamp, clamp)
        return y
    if sv is not None:
        y = torch.addcmul(bv, y, sv) if bv is not None else y * sv
    elif bv is not None:
        y = y + bv
    if noise is not None:
        y = y + noise
    if act == "lrelu":
        y = F.leaky_relu(y, 0.2)
    elif act == "relu":
        y = F.relu(y)
    if clamp is not None and clamp >= 0:
        y = y.clamp(-clamp, clamp)
    return y


def _use_winograd(c: int, h: int, w: int) -> bool:
    """Fixed rule from 2-core measurements (see the module docstring)."""
    return c >= WINOGRAD_MIN_CHANNELS and h % 4 == 0 and w % 4 == 0 and h * w >= WINOGRAD_MIN_PIXELS


def _weight_side(n: int, c: int, o: int, k: int, pixels: int) -> bool:
    """Stride-1 layers: modulate the kernel (True) or the activations (False), whichever touches fewer numbers.

    Activation-side modulation costs a pass over the input and one over the output.
    """
    return n == 1 and k * k * c * o <= (c + o) * pixels


def _fir_kernel(f: torch.Tensor, channels: int, gain: float, scale: torch.Tensor | None) -> torch.Tensor:
    """Depthwise [C, 1, kh, kw] kernel of the (flipped) FIR ``f`` times ``gain`` (and per-channel ``scale``)."""
    k = (f * gain).flip([0, 1])
    if scale is None:
        return k.reshape(1, 1, *k.shape).expand(channels, 1, *k.shape)
    return scale.reshape(channels, 1, 1, 1) * k.reshape(1, 1, *k.shape)


# -- the layers -----------------------------------------------------------------------------------
def synthesis_layer(
    x: torch.Tensor,                  # [N, C, H, W], preferably channels-last.
    weight: torch.Tensor,             # [O, C, k, k], unscaled (demodulation makes its scale irrelevant).
    styles: torch.Tensor,             # [N, C].
    bias: torch.Tensor,               # [O].
    noise: torch.Tensor | None,       # Broadcastable to [N, 1, H', W'] (unscaled by the gain).
    up: int,
    padding: int,
    resample_filter: torch.Tensor,
    activation: str,
    gain: float,                      # Total output gain (act gain x caller's gain), > 0.
    clamp: float | None,
) -> torch.Tensor | None:
    """Demodulated modulated conv + noise + bias + act + clamp; ``None`` if this case needs the reference.

    One function, in the order of the reference layer's forward, so the two can be read side by side."""
    if activation not in _FAST_ACTS or gain <= 0 or up not in (1, 2):
        return None
    n, c, h, w = x.shape
    o, _, kh, kw = weight.shape
    if kh != kw or (up == 1 and padding != kh // 2):
        return None
    x = x.contiguous(memory_format=torch.channels_last)
    inplace = not _needs_grad(x, weight, styles, bias, noise)
    gbias = bias * gain
    gnoise = noise * gain if noise is not None else None
    out_pixels = h * w * up * up

    if up == 1 and kh == 3 and inplace and _use_winograd(c, h, w):
        # Activation-side modulation; the kernel transform is cached.
        dcoefs = (styles.square().matmul(_derived(weight, "sq", _sq_norms).t()) + 1e-8).rsqrt()
        u = _derived(weight, "wino", winograd_weight)
        y = winograd_conv3x3(x.permute(0, 2, 3, 1), u, styles).permute(0, 3, 1, 2)
        return _epilogue(y, dcoefs * gain, gbias, gnoise, activation, clamp, inplace)

    dcoefs = (styles.square().matmul(_derived(weight, "sq", _sq_norms).t()) + 1e-8).rsqrt() * gain  # [N, O]
    strips = inplace and o * out_pixels >= STRIP_MIN_ELEMENTS
    if up == 1:
        wcl = _derived(weight, "cl", _channels_last)
        if _weight_side(n, c, o, kh, out_pixels):
            wm = wcl * (dcoefs.reshape(o, 1) * styles.reshape(1, c)).reshape(o, c, 1, 1)
            scale, bias_in, bias_out = None, gbias, None
        else:
            x = x * styles.reshape(n, c, 1, 1)
            wm, scale, bias_in, bias_out = wcl, dcoefs, None, gbias
        if strips:
            return _conv_strips(x, wm, bias_in, padding, scale, bias_out, gnoise, activation, clamp)
        y = F.conv2d(x, wm, bias_in, padding=padding)
        return _epilogue(y, scale, bias_out, gnoise, activation, clamp, inplace)

    if not _upconv_supported(kh, resample_filter, padding):
        return None
    wt = _derived(weight, "t", _transposed)  # [C, O, k, k]
    if n == 1 and kh * kw * c * o <= c * h * w:  # Activation side costs one pass over x (scale goes in the FIR).
        wm = wt * (styles.reshape(c, 1) * dcoefs.reshape(1, o)).reshape(c, o, 1, 1)
        fir_scale, fir_bias, scale, bias_out = None, gbias, None, None
    else:
        x = x * styles.reshape(n, c, 1, 1)
        wm = wt
        if n == 1:
            fir_scale, fir_bias, scale, bias_out = dcoefs[0], gbias, None, None
        else:
            fir_scale, fir_bias, scale, bias_out = None, None, dcoefs, gbias
    if strips:
        return _upconv_strips(x, wm, resample_filter, fir_scale, fir_bias, scale, bias_out, gnoise, activation, clamp)
    y = _upconv(x, wm, resample_filter, padding, fir_scale, fir_bias)
    return _epilogue(y, scale, bias_out, gnoise, activation, clamp, inplace)


def _upconv_supported(k: int, f: torch.Tensor, padding: int) -> bool:
    """The up-sampling layout handled here: 3x3 kernel, padding 1, 4x4 FIR (StyleGAN2's)."""
    return k == 3 and padding == 1 and f.ndim == 2 and tuple(f.shape) == (4, 4)


def _upconv(
    x: torch.Tensor, w: torch.Tensor, f: torch.Tensor, padding: int,
    scale: torch.Tensor | None, bias: torch.Tensor | None,
) -> torch.Tensor:
    """Stride-2 transposed conv then the FIR (gain 4, optional per-channel scale, bias): conv2d_resample(up=2).

    ``w`` is laid out for ``conv_transpose2d``: [C_in, C_out, 3, 3]. With a 4x4 FIR and padding 1,
    conv2d_resample's paddings reduce to: transposed conv unpadded ((2H+1)^2), FIR padded by 1.
    """
    o = w.shape[1]
    y = F.conv_transpose2d(x, w, stride=2)
    return F.conv2d(y, _fir_kernel(f, o, 4.0, scale), bias, padding=1, groups=o)


# -- row strips for large layers (inference only) -----------------------------------------------
STRIP_MIN_ELEMENTS = 6 * 2 ** 20   # Layers whose output has at least this many numbers run in strips.
STRIP_TARGET_ELEMENTS = 2 ** 21    # Aim for strips of about this many output numbers (8 MB).


def _strip_rows(out_channels: int, out_width: int, up: int) -> int:
    """Input rows per strip: a power of two >= 4 giving about STRIP_TARGET_ELEMENTS outputs."""
    rows = max(1, STRIP_TARGET_ELEMENTS // (out_channels * out_width * up))
    return max(4, 1 << (rows.bit_length() - 1))


def _conv_strips(
    x: torch.Tensor, w: torch.Tensor, bias_in: torch.Tensor | None, padding: int,
    scale: torch.Tensor | None, bias: torch.Tensor | None, noise: torch.Tensor | None, act: str, clamp: float | None,
) -> torch.Tensor:
    """Stride-1 conv + epilogue computed in horizontal strips into one output.

    Why: on large activations every fresh tensor costs page faults and every pass streams
    through DRAM; strips keep the conv output and the epilogue's passes in cache and let
    the allocator reuse the same small blocks.
    """
    n, c, h, wd = x.shape
    o = w.shape[0]
    out = torch.empty(n, o, h, wd, dtype=x.dtype, device=x.device, memory_format=torch.channels_last)
    rows = _strip_rows(o, wd, 1)
    for r0 in range(0, h, rows):
        r1 = min(h, r0 + rows)
        a, b = max(r0 - padding, 0), min(r1 + padding, h)
        xs = x[:, :, a:b]
        ptop, pbot = padding - (r0 - a), padding - (b - r1)
        if ptop or pbot:
            xs = F.pad(xs, (0, 0, ptop, pbot))
        y = F.conv2d(xs, w, bias_in, padding=(0, padding))
        nz = noise[..., r0:r1, :] if noise is not None else None
        out[:, :, r0:r1] = _epilogue(y, scale, bias, nz, act, clamp, True)
    return out


def _upconv_strips(
    x: torch.Tensor, w: torch.Tensor, f: torch.Tensor, fir_scale: torch.Tensor | None, fir_bias: torch.Tensor | None,
    scale: torch.Tensor | None, bias: torch.Tensor | None, noise: torch.Tensor | None, act: str, clamp: float | None,
) -> torch.Tensor:
    """``_upconv`` + epilogue in strips of input rows (see ``_conv_strips``).

    Output rows [2 r0, 2 r1) need transposed-conv rows [2 r0 - 1, 2 r1 + 1], which depend
    only on input rows [r0 - 1, r1]: strips overlap by one input row.
    """
    n, c, h, wd = x.shape
    o = w.shape[1]
    fk = _fir_kernel(f, o, 4.0, fir_scale)
    out = torch.empty(n, o, 2 * h, 2 * wd, dtype=x.dtype, device=x.device, memory_format=torch.channels_last)
    rows = _strip_rows(o, 2 * wd, 2)
    for r0 in range(0, h, rows):
        r1 = min(h, r0 + rows)
        a, b = max(r0 - 1, 0), min(r1, h - 1)
        t = F.conv_transpose2d(x[:, :, a:b + 1], w, stride=2)  # transposed-conv rows [2a, 2b + 2]
        lo, hi = 2 * r0 - 1 - 2 * a, 2 * r1 + 1 - 2 * a        # wanted rows, relative, inclusive
        ptop, pbot = max(0, -lo), max(0, hi - (t.shape[2] - 1))
        t = t[:, :, max(lo, 0): min(hi, t.shape[2] - 1) + 1]
        if ptop or pbot:
            y = F.conv2d(F.pad(t, (1, 1, ptop, pbot)), fk, fir_bias, groups=o)
        else:
            y = F.conv2d(t, fk, fir_bias, padding=(0, 1), groups=o)
        nz = noise[..., 2 * r0: 2 * r1, :] if noise is not None else None
        out[:, :, 2 * r0: 2 * r1] = _epilogue(y, scale, bias, nz, act, clamp, True)
    return out


def torgb_layer(
    x: torch.Tensor, weight: torch.Tensor, styles: torch.Tensor, bias: torch.Tensor, clamp: float | None,
) -> torch.Tensor:
    """Modulated 1x1 conv without demodulation + bias + clamp; returns a contiguous NCHW tensor."""
    n, c = x.shape[:2]
    x = x.contiguous(memory_format=torch.channels_last)
    inplace = not _needs_grad(x, weight, styles, bias)
    if n == 1:
        y = F.conv2d(x, weight * styles.reshape(1, c, 1, 1), bias)
    else:
        y = F.conv2d(x * styles.reshape(n, c, 1, 1), weight, bias)
    y = y.contiguous()
    if clamp is not None and clamp >= 0:
        y = y.clamp_(-clamp, clamp) if inplace else y.clamp(-clamp, clamp)
    return y


# -- skip-image up-sampling ------------------------------------------------------------------------
def _up2_1d(x: torch.Tensor, dim: int, h: tuple[float, ...]) -> torch.Tensor:  # h: 4 taps
    """Zero-insert by 2 along ``dim`` and correlate with the 4 taps ``h`` (pad 2 before, 1 after), polyphase.

    Even outputs are ``h0 x[i-1] + h2 x[i]``, odd ones ``h1 x[i] + h3 x[i+1]``: two 2-tap
    filters on the original samples instead of a 4-tap filter on mostly zeros.
    """
    size = x.shape[dim]
    prev = F.pad(x.narrow(dim, 0, size - 1), _pad_arg(x.ndim, dim, 1, 0))
    nxt = F.pad(x.narrow(dim, 1, size - 1), _pad_arg(x.ndim, dim, 0, 1))
    even = torch.add(x * h[2], prev, alpha=h[0])
    odd = torch.add(x * h[1], nxt, alpha=h[3])
    y = torch.stack([even, odd], dim=dim + 1)
    shape = list(x.shape)
    shape[dim] *= 2
    return y.reshape(shape)


def _pad_arg(ndim: int, dim: int, before: int, after: int) -> list[int]:
    pad = [0, 0] * (ndim - dim % ndim)
    pad[-2:] = [before, after]
    return pad


def upsample2d_skip(img: torch.Tensor, f: torch.Tensor) -> torch.Tensor | None:
    """``upsample2d(img, f)`` for a separable 4x4 filter via two polyphase 1-D passes; ``None`` otherwise."""
    from ganexplorer.core.ops.reference import _separable_taps

    if f.ndim != 2 or tuple(f.shape) != (4, 4) or img.ndim != 4:
        return None
    taps = _separable_taps((f * 4).flip([0, 1]))
    if taps is None:
        return None
    col, row = (tuple(float(v) for v in t) for t in taps)
    y = _up2_1d(img, 3, row)
    return _up2_1d(y, 2, col)


__all__ = [
    "STRIP_MIN_ELEMENTS", "WINOGRAD_MIN_CHANNELS", "fast_path_applies", "reference_path", "reference_path_enabled",
    "set_reference_path", "synthesis_layer", "torgb_layer", "upsample2d_skip",
]
