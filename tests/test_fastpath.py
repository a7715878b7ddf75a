"""The CPU fast path of the synthesis layers equals the reference ops (forward and gradients)."""

import pytest
import torch

from ganexplorer.core.models.stylegan2 import NoiseControl
from ganexplorer.core.ops import reference_path
from ganexplorer.core.ops.fastpath import reference_path_enabled

pytestmark = pytest.mark.slow   # many seconds each on 2 cores; `pytest -m "not slow"` leaves them out


@pytest.fixture(scope="module")
def wide_g():
    from conftest import wide_generator

    return wide_generator(3)


@pytest.mark.parametrize("mode", ["const", "none", "random"])
@pytest.mark.parametrize("batch", [1, 3])
def test_forward_matches_reference(wide_g, mode, batch):
    ws = wide_g.mapping(torch.randn(batch, 32), None).detach()
    with torch.inference_mode():
        fast = wide_g.synthesis(ws, NoiseControl(mode, 1.5, torch.Generator().manual_seed(1)))
        with reference_path():
            assert reference_path_enabled()
            ref = wide_g.synthesis(ws, NoiseControl(mode, 1.5, torch.Generator().manual_seed(1)))
    assert not reference_path_enabled()
    assert fast.shape == ref.shape
    torch.testing.assert_close(fast, ref, rtol=0, atol=1e-4 * float(ref.abs().max()))


@pytest.mark.parametrize("batch", [1, 3])
def test_gradients_match_reference(wide_g, batch):
    z = torch.randn(batch, 32)
    weight = None

    def grads(ref: bool):
        nonlocal weight
        wide_g.zero_grad()
        ws = wide_g.mapping(z, None).detach().requires_grad_(True)
        if ref:
            with reference_path():
                img = wide_g.synthesis(ws)
        else:
            img = wide_g.synthesis(ws)
        if weight is None:
            weight = torch.randn(img.shape)
        (img * weight).sum().backward()
        return [ws.grad.clone()] + [p.grad.clone() for p in wide_g.synthesis.parameters() if p.grad is not None]

    for a, b in zip(grads(False), grads(True)):
        assert float((a - b).abs().max()) <= 1e-4 * float(b.abs().max()) + 1e-7
