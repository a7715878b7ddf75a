"""Fused GPU kernels for ``bias_act`` and ``upfirdn2d``, written in Triton, with the reference always there.

Why Triton rather than CUDA C++ through ``torch.utils.cpp_extension``: the failure our users
know from NVIDIA's code is the build — no MSVC or ninja, a CUDA toolkit that does not match
the driver, stale build locks. Triton needs none of that: it ships as a wheel beside Linux CUDA
builds of PyTorch, compiles kernels at run time with its own LLVM and ptxas, and caches them
in ``~/.triton/cache``. Where Triton is missing (Windows, macOS, CPU wheels) or anything about
it fails — import, compile, launch, a broken cache, or a self-check that disagrees with the
reference — we fall back to the pure-PyTorch reference ops, log it once, and say why in
``status()`` (shown by ``ganexplorer info --ops`` and the app's info strip). Nothing here can
raise into a caller: the reference path is the answer to every failure.

Semantics are exactly the reference's (``reference.py``, which this module imports; the dispatchers
``bias_act.py`` and ``upfirdn2d.py`` import this one, never the other way); gradients are
custom autograd functions whose backward passes are themselves differentiable (upfirdn2d's
gradient is another upfirdn2d; bias_act's is a mask from the saved output), so R1 and
path-length regularisation work on the fused path too.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any, Callable, Sequence

import torch

from ganexplorer.core.messages import message
from ganexplorer.core.ops.reference import DEFAULT_GAINS, _pad4, make_filter, reference_bias_act, reference_upfirdn2d

log = logging.getLogger("ganexplorer.ops")

OPS = ("bias_act", "upfirdn2d")
_ACTS = {"linear": 0, "lrelu": 1, "relu": 2}
_BLOCK = 1024

_lock = threading.Lock()
_state: dict[str, Any] = {"checked": False, "ok": False, "reason": message("ops.not_tried")}
_kernels: dict[str, Callable] = {}
_forced_off = os.environ.get("GANEXPLORER_OPS", "").lower() == "reference"


def set_enabled(enabled: bool) -> None:
    """Switch the fused kernels off (``False``) or back on for every caller (the 'reference ops' switch)."""
    global _forced_off
    _forced_off = not enabled


def _build() -> dict[str, Callable]:
    """Import Triton and define the kernels. Raises on any problem (handled by ``prepare``).

    Long because the kernels can only be defined after Triton is imported (lazily, so a CPU install never
    imports it), and each kernel's launcher sits beside it."""
    import triton
    import triton.language as tl

    @triton.jit
    def bias_act_kernel(x_ptr, b_ptr, y_ptr, numel, C, HW, gain, alpha, clamp,
                        ACT: tl.constexpr, HAS_BIAS: tl.constexpr, HAS_CLAMP: tl.constexpr,
                        CHANNELS_LAST: tl.constexpr, BLOCK: tl.constexpr):
        offs = tl.program_id(0) * BLOCK + tl.arange(0, BLOCK)
        mask = offs < numel
        x = tl.load(x_ptr + offs, mask=mask, other=0.0).to(tl.float32)
        if HAS_BIAS:
            if CHANNELS_LAST:
                c = offs % C
            else:
                c = (offs // HW) % C
            x += tl.load(b_ptr + c, mask=mask, other=0.0).to(tl.float32)
        if ACT == 1:
            x = tl.where(x > 0, x, x * alpha)
        elif ACT == 2:
            x = tl.maximum(x, 0.0)
        x = x * gain
        if HAS_CLAMP:
            x = tl.minimum(tl.maximum(x, -clamp), clamp)
        tl.store(y_ptr + offs, x.to(y_ptr.dtype.element_ty), mask=mask)

    @triton.jit
    def upfirdn2d_kernel(x_ptr, f_ptr, y_ptr, H, W, OH, OW, PX0, PY0,
                         UP: tl.constexpr, DOWN: tl.constexpr, FH: tl.constexpr, FW: tl.constexpr,
                         BLOCK: tl.constexpr):
        # One program: BLOCK output pixels of one (n, c) plane. The filter arrives flipped and scaled.
        plane = tl.program_id(1).to(tl.int64)
        offs = tl.program_id(0) * BLOCK + tl.arange(0, BLOCK)
        mask = offs < OH * OW
        oy = offs // OW
        ox = offs % OW
        acc = tl.zeros([BLOCK], dtype=tl.float32)
        x_plane = x_ptr + plane * H * W
        for i in tl.static_range(FH):
            uy = oy * DOWN + i - PY0          # row in the up-sampled, padded image
            row_ok = (uy >= 0) & (uy % UP == 0) & (uy < H * UP)
            iy = tl.where(row_ok, uy // UP, 0)
            for j in tl.static_range(FW):
                ux = ox * DOWN + j - PX0
                ok = mask & row_ok & (ux >= 0) & (ux % UP == 0) & (ux < W * UP)
                ix = tl.where(ok, ux // UP, 0)
                v = tl.load(x_plane + iy * W + ix, mask=ok, other=0.0).to(tl.float32)
                acc += v * tl.load(f_ptr + i * FW + j)
        tl.store(y_ptr + plane * OH * OW + offs, acc.to(y_ptr.dtype.element_ty), mask=mask)

    def launch_bias_act(x: torch.Tensor, b: torch.Tensor | None, act: str, gain: float, clamp: float | None,
                        alpha: float) -> torch.Tensor:
        channels_last = x.ndim == 4 and not x.is_contiguous() and x.is_contiguous(memory_format=torch.channels_last)
        if not channels_last:
            x = x.contiguous()
        y = torch.empty_like(x)
        numel = x.numel()
        c = x.shape[1] if x.ndim > 1 else 1
        hw = 1
        for s in x.shape[2:]:
            hw *= s
        grid = (triton.cdiv(numel, _BLOCK),)
        bias_act_kernel[grid](x, b if b is not None else x, y, numel, c, hw, float(gain), float(alpha),
                              float(clamp if clamp is not None else 0.0), ACT=_ACTS[act], HAS_BIAS=b is not None,
                              HAS_CLAMP=clamp is not None and clamp >= 0, CHANNELS_LAST=channels_last, BLOCK=_BLOCK)
        return y

    def launch_upfirdn2d(x: torch.Tensor, fk: torch.Tensor, up: int, down: int, pad: tuple[int, int, int, int]
                         ) -> torch.Tensor:
        n, c, h, w = x.shape
        px0, px1, py0, py1 = pad
        fh, fw = fk.shape
        oh = (h * up + py0 + py1 - fh) // down + 1
        ow = (w * up + px0 + px1 - fw) // down + 1
        if oh < 1 or ow < 1:
            raise ValueError("upfirdn2d: padding and filter leave no output pixels")
        x = x.contiguous()
        y = torch.empty((n, c, oh, ow), dtype=x.dtype, device=x.device)
        grid = (triton.cdiv(oh * ow, 256), n * c)
        upfirdn2d_kernel[grid](x, fk.contiguous(), y, h, w, oh, ow, px0, py0, UP=up, DOWN=down, FH=fh, FW=fw,
                               BLOCK=256)
        return y

    return {"bias_act": launch_bias_act, "upfirdn2d": launch_upfirdn2d, "version": triton.__version__}


def _self_check(device: torch.device) -> None:
    """Run both kernels once on ``device`` and compare with the reference (compiles them into the cache)."""
    g = torch.Generator(device="cpu").manual_seed(0)
    x = torch.randn(2, 3, 9, 7, generator=g).to(device)
    b = torch.randn(3, generator=g).to(device)
    f = make_filter().to(device)
    checks = [
        (bias_act(x, b, "lrelu", None, 0.5), reference_bias_act(x, b, "lrelu", None, 0.5)),
        (upfirdn2d(x, f, up=2, padding=(2, 1, 2, 1), gain=4), reference_upfirdn2d(x, f, 2, 1, (2, 1, 2, 1), 4)),
        (upfirdn2d(x, f, down=2, padding=1), reference_upfirdn2d(x, f, 1, 2, 1, 1.0)),
    ]
    for got, want in checks:
        if got.shape != want.shape or not torch.allclose(got, want, atol=1e-5, rtol=1e-5):
            raise RuntimeError("fused kernel disagrees with the reference on the self-check")


def prepare(device: torch.device | str | None = None) -> bool:
    """Build and check the kernels for ``device`` once; True if the fused path is usable there.

    Called by the inference worker when a model lands on a GPU, so the first-use compile
    happens off the UI thread; later calls return at once.
    """
    device = torch.device(device) if device is not None else None
    if _forced_off:
        return False
    if device is None or device.type != "cuda":
        return bool(_state["ok"])
    with _lock:
        if _state["checked"]:
            return bool(_state["ok"])
        try:
            _kernels.update(_build())
            _self_check(device)  # calls this module's kernels directly, whatever the state says
            _state["ok"] = True
            _state["reason"] = message("ops.built", version=_kernels["version"], device=device)
        except Exception as e:  # noqa: BLE001 - any failure means: use the reference
            _kernels.clear()
            _state["ok"] = False
            _state["reason"] = f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else 'no message'}"
            log.warning("fused GPU ops unavailable, using the PyTorch reference ops (%s)", _state["reason"])
        _state["checked"] = True  # last: readers that skip the lock see a final answer or none
        return bool(_state["ok"])


def decided() -> bool:
    """Whether the build has been tried (so a first GPU render will not pause to compile)."""
    return bool(_state["checked"]) or _forced_off


def usable(x: torch.Tensor) -> bool:
    """Whether ``x`` should take the fused path (a CUDA tensor and working kernels)."""
    if _forced_off or x.device.type != "cuda":
        return False
    if _state["checked"]:  # decided: no lock on the per-op hot path
        return bool(_state["ok"])
    return prepare(x.device)


def status() -> dict[str, tuple[str, str]]:
    """For each op: (implementation in use, why)."""
    if _forced_off:
        why = message("ops.switched_off")
        return {op: ("reference", why) for op in OPS}
    if _state["ok"]:
        return {op: ("fused (Triton)", _state["reason"]) for op in OPS}
    if not _state["checked"]:
        why = message("device.none_cuda") if not torch.cuda.is_available() else _state["reason"]
        return {op: ("reference", why) for op in OPS}
    return {op: ("reference", message("ops.failed", reason=_state["reason"])) for op in OPS}




# -- autograd wrappers ---------------------------------------------------------------------------
def _bias_act_grad(dy: torch.Tensor, y: torch.Tensor, act: str, gain: float, clamp: float | None,
                   alpha: float) -> torch.Tensor:
    """d(out)/d(x + b) from the saved output: piecewise constant, so differentiable in ``dy`` only."""
    if act == "lrelu":
        slope = torch.where(y > 0, gain, gain * alpha)
    elif act == "relu":
        slope = torch.where(y > 0, gain, 0.0)
    else:
        slope = torch.full_like(y, gain)
    if clamp is not None and clamp >= 0:
        slope = slope * (y.abs() < clamp)
    return dy * slope.to(dy.dtype)


class _BiasAct(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, b, act, gain, clamp, alpha):  # noqa: ANN001 - autograd signature
        y = _kernels["bias_act"](x, b, act, gain, clamp, alpha)
        ctx.save_for_backward(y)
        ctx.args = (act, gain, clamp, alpha, b is not None)
        return y

    @staticmethod
    def backward(ctx, dy):  # noqa: ANN001
        (y,) = ctx.saved_tensors
        act, gain, clamp, alpha, has_bias = ctx.args
        dx = _bias_act_grad(dy, y, act, gain, clamp, alpha)
        db = dx.sum(dim=[d for d in range(dx.ndim) if d != 1]) if has_bias and ctx.needs_input_grad[1] else None
        return dx, db, None, None, None, None


def bias_act(x: torch.Tensor, b: torch.Tensor | None, act: str, gain: float | None, clamp: float | None,
             alpha: float = 0.2) -> torch.Tensor:
    """Fused bias + activation + gain + clamp (caller checked ``usable(x)`` and ``act in _ACTS``)."""
    gain = DEFAULT_GAINS[act] if gain is None else gain
    if b is not None:
        b = b.to(x.dtype).contiguous()
    return _BiasAct.apply(x, b, act, float(gain), clamp, float(alpha))


def supports_act(act: str) -> bool:
    return act in _ACTS


class _UpFirDn2d(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, f, up, down, pad, gain):  # noqa: ANN001
        fk = (f * (gain ** (f.ndim / 2))).to(torch.float32).flip([0, 1])
        y = _kernels["upfirdn2d"](x, fk, up, down, pad)
        ctx.save_for_backward(f)
        ctx.args = (up, down, pad, gain, x.shape[2], x.shape[3], y.shape[2], y.shape[3])
        return y

    @staticmethod
    def backward(ctx, dy):  # noqa: ANN001
        (f,) = ctx.saved_tensors
        up, down, (px0, px1, py0, py1), gain, ih, iw, oh, ow = ctx.args
        fh, fw = f.shape
        # The adjoint: zero-insert by `down`, correlate with f (convolve with f flipped), keep every `up`-th.
        pad = (fw - px0 - 1, iw * up - ow * down + px0 - up + 1, fh - py0 - 1, ih * up - oh * down + py0 - up + 1)
        dx = _UpFirDn2d.apply(dy, f.flip([0, 1]), down, up, pad, gain)
        return dx, None, None, None, None, None


def upfirdn2d(x: torch.Tensor, f: torch.Tensor, up: int = 1, down: int = 1,
              padding: int | Sequence[int] = 0, gain: float = 1.0) -> torch.Tensor:
    """Fused up-sample, FIR filter, down-sample (caller checked ``usable(x)``)."""
    if f.ndim == 1:
        f = torch.outer(f, f)
    return _UpFirDn2d.apply(x, f.to(x.device), int(up), int(down), _pad4(padding), float(gain))
