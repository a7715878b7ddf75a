"""Architectures: the parameter counts the lectures quote, shapes, and conditioning."""

import pytest
import torch

from ganexplorer.core.formats.loaded import count_parameters
from ganexplorer.core.models.dcgan import DCGANDiscriminator, DCGANGenerator
from ganexplorer.core.models.registry import PRESETS, build_preset
from ganexplorer.core.models.stylegan2 import Generator


@pytest.mark.parametrize("name, g_params, d_params", [
    ("mlp-gan", 293_136, 267_009),
    ("mlp-gan-bn", 1_489_936, 533_505),
    ("dcgan32", 1_049_985, 98_113),
    ("dcgan64", 3_576_704, 2_765_568),
])
def test_parameter_counts_match_the_lecture(name, g_params, d_params):
    G, D = build_preset(name)
    assert count_parameters(G, trainable_only=True) == g_params
    assert count_parameters(D, trainable_only=True) == d_params


@pytest.mark.parametrize("name", [n for n in PRESETS if n not in ("stylegan2-256", "stylegan2-1024")])
def test_presets_produce_images_in_range_and_d_scores(name):
    G, D = build_preset(name)
    G.eval(), D.eval()
    c = torch.tensor([3, 1]) if getattr(G, "c_dim", 0) else None
    if c is not None and name.startswith("stylegan2"):
        c = torch.nn.functional.one_hot(c, G.c_dim).float()
    with torch.no_grad():
        img = G(torch.randn(2, G.z_dim), c)
        score = D(img, c)
    assert img.shape == (2, G.img_channels, G.img_resolution, G.img_resolution)
    assert score.shape == (2, 1)
    if name.startswith(("mlp", "dcgan")):
        assert img.abs().max() <= 1.0
        assert ((score >= 0) & (score <= 1)).all()


@pytest.mark.parametrize("res", [32, 64, 128, 256])
def test_dcgan_any_resolution_and_channels(res):
    G = DCGANGenerator(nz=16, ngf=8, nc=1, resolution=res).eval()
    D = DCGANDiscriminator(ndf=8, nc=1, resolution=res).eval()
    with torch.no_grad():
        img = G(torch.randn(2, 16))
        assert img.shape == (2, 1, res, res)
        assert D(img).shape == (2, 1)


def test_conditional_dcgan_label_changes_the_image():
    torch.manual_seed(0)
    G = DCGANGenerator(nz=16, ngf=8, nc=3, resolution=32, n_classes=10).eval()
    z = torch.randn(1, 16)
    with torch.no_grad():
        a, b = G(z, torch.tensor([1])), G(z, torch.tensor([2]))
    assert G.main[0].weight.shape[0] == 26  # nz + one-hot label
    assert not torch.allclose(a, b)
    with pytest.raises(ValueError, match="conditional"):
        G(z)
    with pytest.raises(ValueError, match="0..9"):
        G(z, torch.tensor([10]))


@pytest.mark.parametrize("res, num_ws", [(4, 2), (8, 4), (32, 8), (64, 10), (256, 14), (1024, 18)])
def test_stylegan2_num_ws(res, num_ws):
    G = Generator(z_dim=8, w_dim=8, img_resolution=res, img_channels=3,
                  synthesis_kwargs=dict(channel_base=8192, channel_max=8), mapping_kwargs=dict(num_layers=1))
    assert G.num_ws == num_ws == 2 * (res.bit_length() - 1) - 2
    assert len(G.synthesis.layer_resolutions()) == num_ws


def test_stylegan2_channel_layout_and_size():
    G, D = build_preset("stylegan2-1024")
    assert G.synthesis.channels == {4: 512, 8: 512, 16: 512, 32: 512, 64: 512, 128: 256, 256: 128, 512: 64, 1024: 32}
    # StyleGAN2 config-f: about 30.0M generator and 29.0M discriminator parameters.
    assert 30.0e6 < count_parameters(G) < 30.5e6
    assert 28.9e6 < count_parameters(D) < 29.1e6


def test_stylegan2_rejects_impossible_settings():
    with pytest.raises(ValueError, match="power of two"):
        Generator(img_resolution=48)
    with pytest.raises(ValueError, match="skip"):
        Generator(img_resolution=8, synthesis_kwargs=dict(architecture="resnet"))


def test_stylegan2_trains_gradients_flow(tiny_stylegan2):
    G, D = tiny_stylegan2
    G2 = Generator(**G.init_kwargs)
    G2.load_state_dict(G.state_dict())
    G2.train()
    loss = D(G2(torch.randn(3, G2.z_dim))).mean()
    loss.backward()
    grads = [p.grad for p in G2.parameters()]
    assert all(g is not None and torch.isfinite(g).all() for g in grads)
    assert G2.synthesis.b16.conv0.weight.grad.abs().sum() > 0


def test_evaluating_restores_each_modules_own_mode_also_after_an_error():
    from ganexplorer.core.models.modes import evaluating

    bn, drop = torch.nn.BatchNorm1d(4), torch.nn.Dropout(0.5)
    net = torch.nn.Sequential(torch.nn.Linear(4, 4), bn, drop).train()
    drop.eval()   # a submodule already in eval mode inside a training parent stays so
    frozen = torch.nn.Linear(4, 4).eval()
    with evaluating(net, frozen, None):
        assert not any(m.training for m in [*net.modules(), frozen])
        before = bn.running_mean.clone()
        net(torch.randn(8, 4))
        assert torch.equal(bn.running_mean, before)   # eval mode: BatchNorm's statistics did not move
    assert net.training and bn.training and not drop.training and not frozen.training
    with pytest.raises(RuntimeError, match="boom"):
        with evaluating(net):
            raise RuntimeError("boom")
    assert net.training and bn.training and not drop.training


def test_mapping_tracks_w_avg_under_bf16_autocast():
    """Mixed-precision training runs the mapping under autocast: the float32 w_avg must still update."""
    torch.manual_seed(0)
    G, _ = build_preset("stylegan2-32")
    before = G.mapping.w_avg.clone()
    with torch.autocast("cpu", dtype=torch.bfloat16):
        G.mapping(torch.randn(4, G.z_dim), None, update_w_avg=True)
    assert G.mapping.w_avg.dtype == torch.float32 and not torch.equal(G.mapping.w_avg, before)
