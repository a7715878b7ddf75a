"""Fused GPU ops (Triton) against the PyTorch reference, and the fallback when they cannot be used.

The equality checks run on a CUDA device when there is one. Where Triton is installed but no
GPU is, they also run on the CPU through Triton's interpreter (TRITON_INTERPRET=1, in a
subprocess): the same kernel code, checked for semantics, not speed. CPU-only CI skips both
and still tests the fallback.
"""

import importlib.util
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from ganexplorer.core.ops import bias_act, fused, upfirdn2d
from ganexplorer.core.ops.bias_act import reference_bias_act
from ganexplorer.core.ops.upfirdn2d import make_filter, reference_upfirdn2d


def forget_fused_build() -> None:
    """Forget the fused kernels' build outcome, so a test can simulate another one (test-only reach into fused)."""
    with fused._lock:
        fused._state.update(checked=False, ok=False, reason="not tried yet (no CUDA tensor seen)")
        fused._kernels.clear()

HAS_CUDA = torch.cuda.is_available()
HAS_TRITON = importlib.util.find_spec("triton") is not None

UPFIRDN_CASES = [  # (shape, up, down, padding, gain, filter taps)
    ((2, 3, 8, 8), 2, 1, (2, 1, 2, 1), 4.0, (1, 3, 3, 1)),     # upsample2d
    ((2, 3, 9, 7), 1, 2, (1, 1, 1, 1), 1.0, (1, 3, 3, 1)),     # downsample2d, odd sizes
    ((1, 4, 10, 6), 1, 1, (2, 2, 1, 3), 1.0, (1, 3, 3, 1)),    # blur before a strided conv, uneven padding
    ((1, 2, 12, 12), 2, 2, (-1, 0, 2, -2), 2.0, (1, 2, 1)),    # crop (negative padding), odd filter
    ((3, 1, 5, 5), 1, 1, (0, 0, 0, 0), 1.0, None),             # a non-separable random filter
]
BIAS_ACT_CASES = [  # (shape, act, with bias, clamp, channels_last)
    ((2, 5, 6, 7), "lrelu", True, None, False),
    ((2, 5, 6, 7), "lrelu", True, 0.7, True),
    ((4, 9), "linear", True, None, False),
    ((2, 3, 4, 4), "relu", False, 0.5, False),
    ((2, 8, 3, 3), "lrelu", False, 256.0, True),
]


def _filter(taps, device):
    if taps is None:
        return torch.rand(3, 4, generator=torch.Generator().manual_seed(1)).to(device)
    return make_filter(taps).to(device)


def check_all(device: str) -> None:
    """Fused == reference, forward, first and second gradients (raises AssertionError otherwise)."""
    fused._kernels.update(fused._build())
    g = torch.Generator().manual_seed(0)
    for shape, up, down, pad, gain, taps in UPFIRDN_CASES:
        f = _filter(taps, device)
        x = torch.randn(shape, generator=g).to(device).requires_grad_()
        got = fused.upfirdn2d(x, f, up, down, pad, gain)
        want = reference_upfirdn2d(x, f, up, down, pad, gain)
        assert got.shape == want.shape, (shape, got.shape, want.shape)
        torch.testing.assert_close(got, want, atol=1e-5, rtol=1e-5)
        w = torch.randn(want.shape, generator=g).to(device)
        (gx,) = torch.autograd.grad((got * w).sum(), x, create_graph=True)
        (rx,) = torch.autograd.grad((want * w).sum(), x, create_graph=True)
        torch.testing.assert_close(gx, rx, atol=1e-5, rtol=1e-5)
        # Second order (as R1 needs): the gradient's own gradient with respect to the upstream weights.
        wv = w.clone().requires_grad_()
        (g2,) = torch.autograd.grad((fused.upfirdn2d(x, f, up, down, pad, gain) * wv).sum(), x, create_graph=True)
        (r2,) = torch.autograd.grad((reference_upfirdn2d(x, f, up, down, pad, gain) * wv).sum(), x,
                                    create_graph=True)
        (gg,) = torch.autograd.grad(g2.square().sum(), wv)
        (rg,) = torch.autograd.grad(r2.square().sum(), wv)
        torch.testing.assert_close(gg, rg, atol=1e-4, rtol=1e-4)
    for shape, act, with_bias, clamp, cl in BIAS_ACT_CASES:
        x = torch.randn(shape, generator=g).to(device)
        if cl:
            x = x.contiguous(memory_format=torch.channels_last)
        x.requires_grad_()
        b = torch.randn(shape[1], generator=g).to(device).requires_grad_() if with_bias else None
        got = fused.bias_act(x, b, act, None, clamp)
        want = reference_bias_act(x, b, act, None, clamp)
        torch.testing.assert_close(got, want, atol=1e-6, rtol=1e-6)
        w = torch.randn(shape, generator=g).to(device)
        inputs = [x] + ([b] if with_bias else [])
        gs = torch.autograd.grad((got * w).sum(), inputs)
        rs = torch.autograd.grad((want * w).sum(), inputs)
        for a, r in zip(gs, rs):
            torch.testing.assert_close(a, r, atol=1e-5, rtol=1e-5)


@pytest.mark.skipif(not HAS_CUDA, reason="needs a CUDA device")
def test_fused_ops_equal_the_reference_on_the_gpu():
    forget_fused_build()
    assert fused.prepare("cuda"), fused.status()
    check_all("cuda")
    x = torch.randn(2, 3, 8, 8, device="cuda")
    f = make_filter().cuda()
    torch.testing.assert_close(upfirdn2d(x, f, up=2, padding=(2, 1, 2, 1), gain=4),
                               reference_upfirdn2d(x, f, 2, 1, (2, 1, 2, 1), 4))
    assert fused.status()["upfirdn2d"][0].startswith("fused")


@pytest.mark.skipif(HAS_CUDA or not HAS_TRITON, reason="Triton's CPU interpreter check is for GPU-less machines")
def test_fused_kernels_match_the_reference_in_tritons_interpreter():
    here = Path(__file__).parent
    env = {**os.environ, "TRITON_INTERPRET": "1", "PYTHONPATH": f"{here}{os.pathsep}{here.parent}"}
    r = subprocess.run([sys.executable, "-c", "import test_fused_ops as t; t.check_all('cpu'); print('ok')"],
                       env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0 and r.stdout.strip().endswith("ok"), r.stderr[-3000:]


def test_failed_build_falls_back_to_the_reference_logs_once_and_says_why(monkeypatch, caplog):
    forget_fused_build()

    def broken():
        raise OSError("ptxas not found (simulated broken toolchain)")
    monkeypatch.setattr(fused, "_build", broken)
    with caplog.at_level(logging.WARNING, logger="ganexplorer.ops"):
        assert fused.prepare("cuda") is False
        assert fused.prepare("cuda") is False           # decided once
    assert len([r for r in caplog.records if "unavailable" in r.message]) == 1
    kind, why = fused.status()["upfirdn2d"]
    assert kind == "reference" and "ptxas not found" in why
    x = torch.randn(1, 2, 6, 6)                          # the ops still work (reference path)
    torch.testing.assert_close(upfirdn2d(x, make_filter(), down=2, padding=1),
                               reference_upfirdn2d(x, make_filter(), 1, 2, 1))
    torch.testing.assert_close(bias_act(x, None, "lrelu"), reference_bias_act(x, None, "lrelu"))
    forget_fused_build()


def test_status_without_a_gpu_and_the_off_switch(monkeypatch):
    forget_fused_build()
    if not HAS_CUDA:
        assert all(k == "reference" and "no CUDA" in why for k, why in fused.status().values())
    fused.set_enabled(False)
    try:
        assert all("switched off" in why for _, why in fused.status().values())
        assert not fused.usable(torch.zeros(1))
    finally:
        fused.set_enabled(True)


def test_info_ops_reports_each_op(capsys):
    from ganexplorer.cli import main

    assert main(["info", "--ops"]) == 0
    out = capsys.readouterr().out
    assert "bias_act" in out and "upfirdn2d" in out and ("reference" in out or "fused" in out)
