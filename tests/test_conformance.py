"""Files are read with the defaults of the code that wrote them, and every network they hold is loaded.

The expected values here come from the published semantics written out with plain torch
ops (facts in shared/FORMATS.md and the issue-14 notes), never from ganexplorer's modules:

- stylegan3's ``training/networks_stylegan2.py`` defaults ``SynthesisBlock.conv_clamp=256``
  (L373), ``SynthesisNetwork.num_fp16_res=4`` (L474), ``Discriminator`` 4 / 256 (L742-743);
  its ``train.py`` leaves them out of the pickled kwargs unless ``--fp32``.
- ``bias_act``: ``act(x + b) * gain``, then clamp to ``+-clamp`` (ADA torch_utils/ops/bias_act.py
  L94-123); SynthesisLayer/Conv2dLayer clamp at ``conv_clamp * gain``, ToRGB at ``conv_clamp``.
- rosinality ``model.py`` Discriminator (L640-697): equalised-lr convs, FusedLeakyReLU
  (``leaky_relu(x + b, 0.2) * sqrt(2)``), Blur with ``outer([1,3,3,1]) / 64`` before the
  stride-2 convs, ResBlock ``/ sqrt(2)``, minibatch stddev over groups of 4 with one feature.
"""

from __future__ import annotations

import argparse
import io
import math
import pickle

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from ganexplorer.cli import main
from ganexplorer.core.formats import load_checkpoint
from ganexplorer.core.models.stylegan2 import Generator
from ganexplorer.core.models.stylegan2_discriminator import Discriminator
from ganexplorer.core.render import RenderRequest, Renderer
from layouts import EVIL_SOURCE, _fake_nvidia_modules, _module_state, rosinality_state

SQRT2 = math.sqrt(2)
SG3_SRC = '"""Network architectures ... networks_stylegan2.py"""\n' + EVIL_SOURCE.format(marker="/nonexistent/x")


# -- writing files as the authors' code does ------------------------------------------------------

def write_pickle(path, g_kwargs=None, G=None, d_kwargs=None, D=None, src=SG3_SRC):
    """A network snapshot whose G/D records carry exactly the given constructor kwargs."""
    with _fake_nvidia_modules() as (recon, EasyDict):
        data = {"augment_pipe": None, "training_set_kwargs": EasyDict(resolution=4)}
        if G is not None:
            data["G_ema"] = _module_state(G, g_kwargs, src, EasyDict)
        if D is not None:
            data["D"] = _module_state(D, d_kwargs, src, EasyDict)

        class P(pickle.Pickler):
            def reducer_override(self, obj):
                if type(obj).__name__ == "_Persistent":
                    return recon, (obj.meta,)
                return NotImplemented

        buf = io.BytesIO()
        P(buf, protocol=4).dump(data)
    path.write_bytes(buf.getvalue())
    return path


def seed_z(seed, z_dim):
    return torch.from_numpy(np.random.RandomState(seed).randn(1, z_dim)).float()


# -- the published StyleGAN2 generator at 4x4, written out --------------------------------------

def direct_g4(sd, z, clamp):
    """G(z) for a 4x4 StyleGAN2 generator (mapping, b4.conv1, b4.torgb), noise 'const', psi 1."""
    x = z * (z.square().mean(dim=1, keepdim=True) + 1e-8).rsqrt()
    i = 0
    while f"mapping.fc{i}.weight" in sd:    # FullyConnectedLayer, lr_multiplier 0.01, lrelu * sqrt(2)
        w, b = sd[f"mapping.fc{i}.weight"], sd[f"mapping.fc{i}.bias"]
        x = F.leaky_relu(x @ (w * 0.01 / math.sqrt(w.shape[1])).t() + b * 0.01, 0.2) * SQRT2
        i += 1
    w = x
    # SynthesisLayer: modulate, demodulate, conv 3x3 pad 1, + noise, bias, lrelu*sqrt(2), clamp at conv_clamp*1
    aw, ab = sd["synthesis.b4.conv1.affine.weight"], sd["synthesis.b4.conv1.affine.bias"]
    styles = w @ (aw / math.sqrt(aw.shape[1])).t() + ab
    wt = sd["synthesis.b4.conv1.weight"][None] * styles[:, None, :, None, None]
    wt = wt * (wt.square().sum(dim=[2, 3, 4], keepdim=True) + 1e-8).rsqrt()
    const = sd["synthesis.b4.const"][None]
    x = torch.cat([F.conv2d(const, wt[n], padding=1) for n in range(len(z))])
    x = x + sd["synthesis.b4.conv1.noise_const"] * sd["synthesis.b4.conv1.noise_strength"]
    x = F.leaky_relu(x + sd["synthesis.b4.conv1.bias"].view(1, -1, 1, 1), 0.2) * SQRT2
    if clamp is not None:
        x = x.clamp(-clamp, clamp)
    # ToRGBLayer: styles * 1/sqrt(C), no demodulation, 1x1 conv, bias, linear, clamp at conv_clamp (no gain)
    aw, ab = sd["synthesis.b4.torgb.affine.weight"], sd["synthesis.b4.torgb.affine.bias"]
    styles = (w @ (aw / math.sqrt(aw.shape[1])).t() + ab) / math.sqrt(x.shape[1])
    wt = sd["synthesis.b4.torgb.weight"][None] * styles[:, None, :, None, None]
    y = torch.cat([F.conv2d(x[n:n + 1], wt[n]) for n in range(len(z))])
    y = y + sd["synthesis.b4.torgb.bias"].view(1, -1, 1, 1)
    return y.clamp(-clamp, clamp) if clamp is not None else y


def hot_g4():
    """A 4x4 generator whose conv and toRGB outputs go far past +-256."""
    torch.manual_seed(3)
    G = Generator(z_dim=8, w_dim=8, img_resolution=4, img_channels=3, mapping_kwargs=dict(num_layers=2),
                  synthesis_kwargs=dict(channel_base=64, channel_max=16))
    with torch.no_grad():
        G.synthesis.b4.const.mul_(800)
        G.synthesis.b4.conv1.bias.normal_(0, 100)
        G.synthesis.b4.conv1.noise_strength.fill_(30)
        G.synthesis.b4.torgb.weight.mul_(3)
        G.synthesis.b4.torgb.bias.normal_(0, 50)
    return G.eval()


SG3_G_KWARGS = dict(z_dim=8, c_dim=0, w_dim=8, img_resolution=4, img_channels=3, mapping_kwargs=dict(num_layers=2),
                    channel_base=64, channel_max=16, fused_modconv_default="inference_only")


@pytest.mark.parametrize("marker", [True, False], ids=["module-source", "argument-layout"])
def test_stylegan3_repo_generator_gets_its_clamp(tmp_path, marker):
    G = hot_g4()
    sd = {k: v.clone() for k, v in G.state_dict().items()}
    src = SG3_SRC if marker else EVIL_SOURCE.format(marker="/nonexistent/x")
    path = write_pickle(tmp_path / "network-snapshot-000200.pkl", SG3_G_KWARGS, G, src=src)
    m = load_checkpoint(path)
    for seed in (0, 5):
        z = seed_z(seed, 8)
        clamped, free = direct_g4(sd, z, 256.0), direct_g4(sd, z, None)
        assert (clamped.abs() == 256).any() and (free.abs() > 300).any()   # the clamp is doing something
        got = Renderer(m).render(RenderRequest(seed=seed)).image
        torch.testing.assert_close(got, clamped, rtol=1e-5, atol=1e-3)
        assert (got - free).abs().max() > 50    # without the repository's defaults the picture differs
    facts = m.describe()
    assert "stylegan3 repository" in facts["layout"]
    assert "conv_clamp=256" in facts["defaults"] and "num_fp16_res=4" in facts["defaults"]


def test_stylegan3_fp32_record_keeps_its_stated_settings(tmp_path):
    """``train.py --fp32`` writes num_fp16_res=0, conv_clamp=None: those are used, no default replaces them."""
    G = hot_g4()
    sd = {k: v.clone() for k, v in G.state_dict().items()}
    path = write_pickle(tmp_path / "fp32.pkl", dict(SG3_G_KWARGS, num_fp16_res=0, conv_clamp=None), G)
    m = load_checkpoint(path)
    torch.testing.assert_close(Renderer(m).render(RenderRequest(seed=1)).image, direct_g4(sd, seed_z(1, 8), None),
                               rtol=1e-5, atol=1e-3)
    assert "conv_clamp" not in (m.describe()["defaults"] or "")


def test_ada_record_without_settings_gets_ada_defaults(tmp_path):
    """stylegan2-ada-pytorch's classes default to conv_clamp=None, num_fp16_res=0 (networks.py L339, L431)."""
    G = hot_g4()
    sd = {k: v.clone() for k, v in G.state_dict().items()}
    kw = dict(z_dim=8, c_dim=0, w_dim=8, img_resolution=4, img_channels=3, mapping_kwargs=dict(num_layers=2),
              synthesis_kwargs=dict(channel_base=64, channel_max=16))
    m = load_checkpoint(write_pickle(tmp_path / "ada.pkl", kw, G, src="# no marker\n"))
    torch.testing.assert_close(Renderer(m).render(RenderRequest(seed=2)).image, direct_g4(sd, seed_z(2, 8), None),
                               rtol=1e-5, atol=1e-3)
    assert "stylegan2-ada-pytorch" in m.describe()["layout"]


def test_layer_records_state_the_clamp_the_authors_code_used(tmp_path):
    """Each layer's own record states the clamp it ran with (the authors' code stores it); that is what is used,
    even where the top-level arguments and the detected repository's defaults would say otherwise."""
    G = hot_g4()
    sd = {k: v.clone() for k, v in G.state_dict().items()}
    kw = dict(z_dim=8, c_dim=0, w_dim=8, img_resolution=4, img_channels=3, mapping_kwargs=dict(num_layers=2),
              synthesis_kwargs=dict(channel_base=64, channel_max=16))   # ada layout: its default would be None
    with _fake_nvidia_modules() as (recon, EasyDict):
        rec = _module_state(G, kw, "# no marker\n", EasyDict)
        b4 = rec.meta["state"]["_modules"]["synthesis"].meta["state"]["_modules"]["b4"]
        b4.meta["state"]["_init_kwargs"] = EasyDict(use_fp16=False)
        for layer in ("conv1", "torgb"):
            b4.meta["state"]["_modules"][layer].meta["state"]["_init_kwargs"] = EasyDict(conv_clamp=256)

        class P(pickle.Pickler):
            def reducer_override(self, obj):
                return (recon, (obj.meta,)) if type(obj).__name__ == "_Persistent" else NotImplemented

        buf = io.BytesIO()
        P(buf, protocol=4).dump({"G_ema": rec})
    path = tmp_path / "layers.pkl"
    path.write_bytes(buf.getvalue())
    m = load_checkpoint(path)
    torch.testing.assert_close(Renderer(m).render(RenderRequest(seed=0)).image, direct_g4(sd, seed_z(0, 8), 256.0),
                               rtol=1e-5, atol=1e-3)
    assert "conv_clamp=256" in m.describe()["defaults"]


# -- the published resnet discriminator, written out (rosinality's names) --------------------------

KERNEL = torch.outer(torch.tensor([1.0, 3, 3, 1]), torch.tensor([1.0, 3, 3, 1])) / 64   # make_kernel: outer / sum


def _blur(x, pad):
    c = x.shape[1]
    x = F.pad(x, (pad[0], pad[1], pad[0], pad[1]))
    return F.conv2d(x, KERNEL.flip([0, 1])[None, None].repeat(c, 1, 1, 1), groups=c)


def _eq_conv(x, w, stride=1, padding=0):
    return F.conv2d(x, w / math.sqrt(w[0].numel()), stride=stride, padding=padding)


def _act(x, b, clamp):
    x = F.leaky_relu(x + b.view(1, -1, 1, 1), 0.2) * SQRT2
    return x.clamp(-clamp, clamp) if clamp is not None else x


def direct_d(sd, img, clamp=None):
    """rosinality Discriminator.forward on a state dict in its names.

    ``clamp``: NVIDIA's conv_clamp. Its resnet block clamps conv1 at ``clamp * sqrt(.5)`` after the gain
    ``sqrt(.5)``, i.e. ``sqrt(.5) * clamp(act, +-clamp)``; with the skip's gain that is
    ``(clamp(h) + skip) / sqrt(2)``, so the same walk serves both.
    """
    x = _act(_eq_conv(img, sd["convs.0.0.weight"]), sd["convs.0.1.bias"], clamp)
    i = 1
    while f"convs.{i}.conv1.0.weight" in sd:
        h = _act(_eq_conv(x, sd[f"convs.{i}.conv1.0.weight"], padding=1), sd[f"convs.{i}.conv1.1.bias"], clamp)
        h = _act(_eq_conv(_blur(h, (2, 2)), sd[f"convs.{i}.conv2.1.weight"], stride=2), sd[f"convs.{i}.conv2.2.bias"],
                 clamp)
        s = _eq_conv(_blur(x, (1, 1)), sd[f"convs.{i}.skip.1.weight"], stride=2)
        x = (h + s) / SQRT2
        i += 1
    n, c, hh, ww = x.shape
    group = min(n, 4)
    std = x.view(group, -1, 1, c, hh, ww)
    std = torch.sqrt(std.var(0, unbiased=False) + 1e-8).mean([2, 3, 4], keepdim=True).squeeze(2)
    x = torch.cat([x, std.repeat(group, 1, hh, ww)], 1)
    x = _act(_eq_conv(x, sd["final_conv.0.weight"], padding=1), sd["final_conv.1.bias"], clamp)
    x = x.reshape(n, -1)
    w0, b0, w1, b1 = (sd[f"final_linear.{k}"] for k in ("0.weight", "0.bias", "1.weight", "1.bias"))
    x = F.leaky_relu(F.linear(x, w0 / math.sqrt(w0.shape[1])) + b0, 0.2) * SQRT2
    return F.linear(x, w1 / math.sqrt(w1.shape[1]), b1)


def rosinality_d_state(size, ch, seed=0, scale=1.0):
    """A random state dict in rosinality's Discriminator layout; ``ch[res]`` channels at each resolution."""
    g = torch.Generator().manual_seed(seed)

    def r(*shape, s=1.0):
        return torch.randn(*shape, generator=g) * s

    sd = {"convs.0.0.weight": r(ch[size], 3, 1, 1, s=scale), "convs.0.1.bias": r(ch[size], s=0.2 * scale)}
    res, i = size, 1
    while res > 4:
        cin, cout = ch[res], ch[res // 2]
        sd.update({f"convs.{i}.conv1.0.weight": r(cin, cin, 3, 3, s=scale), f"convs.{i}.conv1.1.bias": r(cin, s=0.2),
                   f"convs.{i}.conv2.0.kernel": KERNEL.clone(), f"convs.{i}.conv2.1.weight": r(cout, cin, 3, 3),
                   f"convs.{i}.conv2.2.bias": r(cout, s=0.2), f"convs.{i}.skip.0.kernel": KERNEL.clone(),
                   f"convs.{i}.skip.1.weight": r(cout, cin, 1, 1)})
        res, i = res // 2, i + 1
    c4 = ch[4]
    sd.update({"final_conv.0.weight": r(c4, c4 + 1, 3, 3), "final_conv.1.bias": r(c4, s=0.2),
               "final_linear.0.weight": r(c4, c4 * 16), "final_linear.0.bias": r(c4, s=0.2),
               "final_linear.1.weight": r(1, c4), "final_linear.1.bias": r(1, s=0.2)})
    return sd


@pytest.fixture(scope="module")
def small_g():
    torch.manual_seed(2)
    return Generator(z_dim=16, w_dim=16, img_resolution=16, img_channels=3, mapping_kwargs=dict(num_layers=2),
                     synthesis_kwargs=dict(channel_base=256, channel_max=16)).eval()


def write_rosinality_train(path, G, d, **args):
    g, _ = rosinality_state(G)
    ns = argparse.Namespace(**{"arch": "stylegan2", "size": G.img_resolution, "channel_multiplier": 2,
                               "latent": 512, "n_mlp": 8, **args})
    torch.save({"g": g, "d": d, "g_ema": g, "g_optim": {}, "d_optim": {}, "args": ns, "ada_aug_p": 0.0}, path)
    return path


def test_rosinality_discriminator_is_loaded_and_matches_the_published_forward(tmp_path, small_g, capsys):
    d = rosinality_d_state(16, {16: 8, 8: 16, 4: 16}, seed=4)
    path = write_rosinality_train(tmp_path / "010000.pt", small_g, d)
    m = load_checkpoint(path)
    assert m.D is not None and not any("discriminator" in n for n in m.notes)
    img = torch.randn(8, 3, 16, 16, generator=torch.Generator().manual_seed(9))
    with torch.no_grad():
        got = m.D(img)
    torch.testing.assert_close(got, direct_d(d, img), rtol=1e-4, atol=1e-4)
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "D parameters:" in out and "D parameters:   -" not in out


@pytest.mark.parametrize("case", ["swagan", "channel pattern"])
def test_rosinality_discriminator_that_cannot_be_mapped_leaves_the_generator(tmp_path, small_g, case):
    if case == "swagan":
        d = rosinality_d_state(16, {16: 8, 8: 16, 4: 16})
        path = write_rosinality_train(tmp_path / "s.pt", small_g, d, arch="swagan")
    else:   # channel_multiplier 4 at 64 px: 1024 channels at 64 while 32 has 512 -> no min(base // r, max) fits
        d = rosinality_d_state(16, {16: 32, 8: 16, 4: 16})
        path = write_rosinality_train(tmp_path / "c.pt", small_g, d, channel_multiplier=4)
    m = load_checkpoint(path)
    assert m.D is None
    assert any("discriminator was not loaded" in n for n in m.notes)
    assert Renderer(m).render(RenderRequest(seed=0)).image.shape == (1, 3, 16, 16)


# -- the stylegan3 repository's discriminator -------------------------------------------------------

NV_TO_ROS = {"b8.fromrgb.weight": "convs.0.0.weight", "b8.fromrgb.bias": "convs.0.1.bias",
             "b8.conv0.weight": "convs.1.conv1.0.weight", "b8.conv0.bias": "convs.1.conv1.1.bias",
             "b8.conv1.weight": "convs.1.conv2.1.weight", "b8.conv1.bias": "convs.1.conv2.2.bias",
             "b8.skip.weight": "convs.1.skip.1.weight", "b4.conv.weight": "final_conv.0.weight",
             "b4.conv.bias": "final_conv.1.bias", "b4.fc.weight": "final_linear.0.weight",
             "b4.fc.bias": "final_linear.0.bias", "b4.out.weight": "final_linear.1.weight",
             "b4.out.bias": "final_linear.1.bias"}   # the key map of the issue-14 facts, section 4


def test_stylegan3_repo_discriminator_gets_its_clamp(tmp_path, capsys):
    G = hot_g4()
    torch.manual_seed(5)
    D = Discriminator(c_dim=0, img_resolution=8, img_channels=3, channel_base=64, channel_max=8).eval()
    with torch.no_grad():
        D.b8.fromrgb.weight.mul_(300)
        D.b8.conv0.weight.mul_(2)
    d_kwargs = dict(c_dim=0, img_resolution=8, img_channels=3, block_kwargs=dict(freeze_layers=0),
                    mapping_kwargs={}, epilogue_kwargs=dict(mbstd_group_size=4), channel_base=64, channel_max=8)
    path = write_pickle(tmp_path / "network-snapshot-000400.pkl", SG3_G_KWARGS, G, d_kwargs, D)
    m = load_checkpoint(path)
    assert m.D is not None
    ros = {NV_TO_ROS[k]: v.clone() for k, v in D.state_dict().items() if k in NV_TO_ROS}
    img = torch.randn(4, 3, 8, 8, generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        got = m.D(img)
    clamped, free = direct_d(ros, img, 256.0), direct_d(ros, img, None)
    assert (clamped - free).abs().max() > 1
    torch.testing.assert_close(got, clamped, rtol=1e-4, atol=1e-3)
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "stylegan3 repository" in out and "conv_clamp=256" in out and "num_fp16_res=4" in out
