"""The reference ops against slow, independent formulations written out by hand."""

import numpy as np
import pytest
import torch

from ganexplorer.core.ops import bias_act, conv2d_resample, downsample2d, make_filter, upfirdn2d, upsample2d


def naive_upfirdn(x: np.ndarray, f: np.ndarray, up: int, down: int, pad: tuple[int, int, int, int], gain: float):
    """Loop version: zero-stuff, pad/crop, true convolution with f, decimate (one channel)."""
    h, w = x.shape
    z = np.zeros((h * up, w * up))
    z[::up, ::up] = x
    px0, px1, py0, py1 = pad
    z = np.pad(z, ((max(py0, 0), max(py1, 0)), (max(px0, 0), max(px1, 0))))
    z = z[max(-py0, 0): z.shape[0] - max(-py1, 0), max(-px0, 0): z.shape[1] - max(-px1, 0)]
    fh, fw = f.shape
    fk = f[::-1, ::-1] * gain ** (f.ndim / 2)
    out = np.zeros((z.shape[0] - fh + 1, z.shape[1] - fw + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = (z[i:i + fh, j:j + fw] * fk).sum()
    return out[::down, ::down]


@pytest.mark.parametrize("up, down, pad, gain", [
    (1, 1, (1, 2, 0, 1), 1.0), (2, 1, (2, 1, 2, 1), 4.0), (1, 2, (1, 1, 1, 1), 1.0), (2, 1, (-1, 0, 1, -1), 2.0),
])
@pytest.mark.parametrize("separable", [True, False])
def test_upfirdn2d_matches_loop(up, down, pad, gain, separable):
    rng = np.random.RandomState(0)
    x = rng.randn(2, 3, 7, 6)
    f = make_filter([1, 3, 3, 1]).numpy() if separable else rng.rand(3, 4)
    out = upfirdn2d(torch.tensor(x, dtype=torch.float32), torch.tensor(f, dtype=torch.float32), up, down, pad, gain)
    for n in range(2):
        for c in range(3):
            ref = naive_upfirdn(x[n, c], f, up, down, pad, gain)
            np.testing.assert_allclose(out[n, c].numpy(), ref, rtol=1e-5, atol=1e-5)


def test_resampling_shapes_and_dc_gain():
    f = make_filter()
    assert abs(float(f.sum()) - 1) < 1e-7
    x = torch.ones(1, 2, 8, 8)
    up = upsample2d(x, f)
    down = downsample2d(x, f)
    assert up.shape == (1, 2, 16, 16) and down.shape == (1, 2, 4, 4)
    # A constant image stays constant away from the zero-padded border.
    assert torch.allclose(up[..., 2:-2, 2:-2], torch.ones(1, 2, 12, 12), atol=1e-6)
    assert torch.allclose(down[..., 1:-1, 1:-1], torch.ones(1, 2, 2, 2), atol=1e-6)


def test_conv2d_resample_up_equals_upsample_then_conv():
    """Transposed conv + FIR must equal: zero-stuff x2, FIR-filter, then a plain conv with the flipped kernel."""
    torch.manual_seed(0)
    x = torch.randn(1, 4, 5, 5)
    w = torch.randn(6, 4, 3, 3)
    f = make_filter()
    fast = conv2d_resample(x, w, f=f, up=2, padding=1)
    # Slow route: zero-insert, filter with gain 4 (padding covers the full 3x3 transposed conv).
    stuffed = upfirdn2d(x, f, up=2, padding=[3, 2, 3, 2], gain=4)
    slow = torch.nn.functional.conv2d(stuffed, w.flip([2, 3]))
    assert fast.shape == (1, 6, 10, 10)
    torch.testing.assert_close(fast, slow, rtol=1e-4, atol=1e-4)


def test_conv2d_resample_down_equals_filter_then_strided_conv():
    torch.manual_seed(0)
    x = torch.randn(2, 3, 8, 8)
    w = torch.randn(5, 3, 3, 3)
    f = make_filter()
    out = conv2d_resample(x, w, f=f, down=2, padding=1)
    full = torch.nn.functional.conv2d(upfirdn2d(x, f, padding=[2, 2, 2, 2]), w)
    assert out.shape == (2, 5, 4, 4)
    torch.testing.assert_close(out, full[:, :, ::2, ::2])


def test_bias_act_semantics():
    x = torch.tensor([[-1.0, 2.0], [3.0, -4.0]])
    b = torch.tensor([0.5, -0.5])
    out = bias_act(x, b, act="lrelu", clamp=2.0)
    expected = torch.tensor([[-0.5 * 0.2, 1.5], [3.5, -4.5 * 0.2]]) * 2 ** 0.5
    torch.testing.assert_close(out, expected.clamp(-2, 2))
    with pytest.raises(ValueError):
        bias_act(x, act="swish")
