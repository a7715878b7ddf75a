"""The render path: seeds, truncation, noise, mixing, edits, caching, requests."""

import numpy as np
import pytest
import torch

from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.models.registry import build_preset
from ganexplorer.core.render import RenderRequest, Renderer, WEdit
from ganexplorer.core.render.images import grid, to_uint8
from ganexplorer.core.render.latents import parse_int_list, seed_to_z, slerp, walk_positions


@pytest.fixture
def sg(tiny_stylegan2):
    return LoadedModel(G=tiny_stylegan2[0], family="stylegan2", format="native")


def test_seed_to_z_is_nvidias_recipe():
    z = seed_to_z(85, 512)
    assert z.dtype == torch.float32 and z.shape == (1, 512)
    np.testing.assert_array_equal(z.numpy(), np.random.RandomState(85).randn(1, 512).astype(np.float32))
    with pytest.raises(ValueError):
        seed_to_z(-1, 4)


def test_truncation(sg):
    r = Renderer(sg)
    w_avg = sg.G.mapping.w_avg
    ws0 = r.ws_for(RenderRequest(seed=3, psi=0))
    assert torch.allclose(ws0, w_avg.expand_as(ws0))
    ws1 = r.ws_for(RenderRequest(seed=3))
    ws_half = r.ws_for(RenderRequest(seed=3, psi=0.5, cutoff=2))
    assert torch.allclose(ws_half[:, :2], w_avg + 0.5 * (ws1[:, :2] - w_avg))
    assert torch.equal(ws_half[:, 2:], ws1[:, 2:])
    assert not np.array_equal(r.render(RenderRequest(seed=3, psi=0.5)).rgb, r.render(RenderRequest(seed=3)).rgb)


def test_noise_modes(sg):
    r = Renderer(sg)
    const = r.render(RenderRequest(seed=1)).image
    none = r.render(RenderRequest(seed=1, noise_mode="none")).image
    rand_a = r.render(RenderRequest(seed=1, noise_mode="random", noise_seed=5)).image
    rand_b = r.render(RenderRequest(seed=1, noise_mode="random", noise_seed=5)).image
    rand_c = r.render(RenderRequest(seed=1, noise_mode="random", noise_seed=6)).image
    assert not torch.allclose(const, none)
    assert torch.equal(rand_a, rand_b) and not torch.allclose(rand_a, rand_c)
    zero = r.render(RenderRequest(seed=1, noise_strength=0.0)).image
    torch.testing.assert_close(zero, none)
    with pytest.raises(ValueError, match="noise mode"):
        RenderRequest(noise_mode="loud")


def test_style_mixing_takes_layers_from_the_mix_seed(sg):
    r = Renderer(sg)
    a = r.ws_for(RenderRequest(seed=1))
    b = r.ws_for(RenderRequest(seed=2))
    mixed = r.ws_for(RenderRequest(seed=1, mix_seed=2, mix_start=1, mix_end=3))
    assert torch.equal(mixed[:, 1:3], b[:, 1:3])
    assert torch.equal(mixed[:, :1], a[:, :1]) and torch.equal(mixed[:, 3:], a[:, 3:])
    # Mixing then truncating equals truncating then mixing (style_mixing.py's order).
    t = r.ws_for(RenderRequest(seed=1, mix_seed=2, mix_start=1, mix_end=3, psi=0.5))
    tb = r.ws_for(RenderRequest(seed=2, psi=0.5))
    assert torch.allclose(t[:, 1:3], tb[:, 1:3])


def test_mapping_runs_once_per_seed(sg):
    r = Renderer(sg)
    calls = []
    h = sg.G.mapping.register_forward_hook(lambda *a: calls.append(1))
    try:
        for psi in (1.0, 0.8, 0.5):
            for mode in ("const", "none"):
                r.render(RenderRequest(seed=4, psi=psi, noise_mode=mode, mix_seed=9, mix_start=2))
    finally:
        h.remove()
    assert len(calls) == 2  # seed 4 and mix seed 9, once each


def test_w_edits_and_z_offsets(sg):
    r = Renderer(sg)
    d = tuple(float(v) for v in torch.linspace(-1, 1, sg.w_dim))
    base = r.ws_for(RenderRequest(seed=2))
    edited = r.ws_for(RenderRequest(seed=2, w_edits=(WEdit(d, 2.0, 1, 3),)))
    assert torch.allclose(edited[:, 1:3] - base[:, 1:3], 2.0 * torch.tensor(d).expand(1, 2, -1))
    assert torch.equal(edited[:, 3:], base[:, 3:])
    assert torch.equal(r.ws_for(RenderRequest(seed=2)), base)  # the cache was not edited in place
    moved = r.z_for(RenderRequest(seed=2, z_offsets=((0, 1.5),)))
    assert torch.allclose(moved - r.z_for(RenderRequest(seed=2)), torch.tensor([[1.5] + [0.0] * (sg.z_dim - 1)]))
    explicit = RenderRequest(z=tuple(seed_to_z(2, sg.z_dim)[0].tolist()))
    assert torch.equal(r.render(explicit).image, r.render(RenderRequest(seed=2)).image)
    with pytest.raises(ValueError, match="needs 32"):
        r.render(RenderRequest(z=(0.0,)))


def test_non_style_models():
    G, _ = build_preset("dcgan32-cond")
    m = LoadedModel(G=G.eval(), family="dcgan32", format="native")
    r = Renderer(m)
    a = r.render(RenderRequest(seed=0, label=1))
    assert a.rgb.shape == (32, 32, 3) and a.rgb.dtype == np.uint8
    assert not np.array_equal(a.rgb, r.render(RenderRequest(seed=0, label=2)).rgb)
    half = r.ws_for(RenderRequest(seed=0, psi=0.5))
    assert torch.allclose(half, 0.5 * r.ws_for(RenderRequest(seed=0)))
    with pytest.raises(ValueError, match="style mixing"):
        r.render(RenderRequest(seed=0, mix_seed=1, label=0))
    with pytest.raises(ValueError, match="0..9"):
        r.render(RenderRequest(seed=0, label=12))


def test_equal_requests_are_one_value():
    """The worker and the caches key on requests: two made alike are equal and hash alike (no file form of their
    own: a saved state is an ExplorerState, app.state_json)."""
    def make():
        return RenderRequest(seed=7, psi=0.6, cutoff=4, noise_mode="random", noise_seed=3, mix_seed=11, mix_start=2,
                             mix_end=6, label=1, z_offsets=((3, 0.25),), w_edits=(WEdit((0.1, 0.2), 1.5, 0, 4),))
    a, b = make(), make()
    assert a is not b and a == b and hash(a) == hash(b) and a.with_(psi=0.5) != a
    assert not hasattr(a, "to_dict") and not hasattr(RenderRequest, "from_dict")


def test_images_and_latents_helpers():
    img = torch.tensor([[[-1.0, 0.0], [1.0, 2.0]]])
    u = to_uint8(img)
    assert u.shape == (2, 2, 3) and u[0, 0, 0] == 0 and u[0, 1, 0] == 128 and u[1, 0, 0] == 255 and u[1, 1, 1] == 255
    g = grid([u, u, u], cols=2, pad=1)
    assert g.shape == (5, 5, 3)
    assert parse_int_list("0-3,7") == [0, 1, 2, 3, 7]
    for bad in ("a", "3-1", ""):
        with pytest.raises(ValueError):
            parse_int_list(bad)
    a, b = torch.randn(8), torch.randn(8)
    assert torch.allclose(slerp(a, b, 0.0), a, atol=1e-5) and torch.allclose(slerp(a, b, 1.0), b, atol=1e-5)
    mid = slerp(a * 0 + 1, b * 0 + 1, 0.5)
    assert torch.allclose(mid, torch.ones(8))
    pos = walk_positions(3, 6)
    assert pos[0] == (0, 1, 0.0) and pos[-1][:2] == (2, 0) and len(pos) == 6


def test_w_blend_walks_grid_and_arithmetic(sg):
    r = Renderer(sg)
    a, b, c = (r.ws_for(RenderRequest(seed=s)) for s in (1, 2, 3))
    half = r.ws_for(RenderRequest(w_blend=((1, 0.5), (2, 0.5))))
    assert torch.allclose(half, (a + b) / 2)
    arith = r.ws_for(RenderRequest(w_blend=((1, 1.0), (2, -1.0), (3, 1.0)), psi=0.5))
    w_avg = sg.G.mapping.w_avg
    assert torch.allclose(arith, w_avg + 0.5 * (a - b + c - w_avg), atol=1e-5)
    one = r.render(RenderRequest(w_blend=((2, 1.0),))).image
    assert torch.equal(one, r.render(RenderRequest(seed=2)).image)
    from ganexplorer.core.render.blend import bilinear_blend, blend_position

    blend = bilinear_blend(1.25, 0.5, base=10, columns=4)
    assert dict(blend) == pytest.approx({11: 0.375, 12: 0.125, 15: 0.375, 16: 0.125})
    for x, y in ((1.25, 0.5), (0.0, 0.0), (3.0, 3.0), (2.7, 0.0), (0.0, 2.2), (3.0, 1.5)):   # edges too
        assert blend_position(bilinear_blend(x, y, 10, 4), 10, 4) == pytest.approx((x, y))
    assert blend_position(((3, 1.0),), 10, 4) is None and blend_position((), 10, 4) is None


def test_walk_requests_loop_through_keyframes(sg):
    from ganexplorer.core.render.walk import walk_requests

    reqs = walk_requests(RenderRequest(psi=0.7), [4, 5, 6], 6, "w", sg.z_dim)
    assert reqs[0].w_blend == ((4, 1.0),) and reqs[1].w_blend == ((4, 0.5), (5, 0.5))
    assert reqs[-1].w_blend == ((6, 0.5), (4, 0.5)) and all(q.psi == 0.7 for q in reqs)
    zs = walk_requests(RenderRequest(), [4, 5], 4, "z", sg.z_dim)
    assert zs[0].z == tuple(seed_to_z(4, sg.z_dim)[0].tolist())
    with pytest.raises(ValueError):
        walk_requests(RenderRequest(), [4], 4, "w", sg.z_dim)


def test_channel_ablation_and_feature_maps():
    from ganexplorer.core.render.views import feature_layers, feature_maps

    torch.manual_seed(0)
    G, _ = build_preset("dcgan64")
    m = LoadedModel(G=G.eval(), family="dcgan", format="native")
    r = Renderer(m)
    layers = feature_layers(m)
    assert "main.0" in layers and "main.2" in layers
    full = r.render(RenderRequest(seed=1)).image
    off = r.render(RenderRequest(seed=1, ablations=(("main.2", tuple(range(0, 256))),))).image
    assert not torch.allclose(full, off)
    assert torch.equal(r.render(RenderRequest(seed=1)).image, full)  # hooks removed afterwards
    picture, total = feature_maps(r, RenderRequest(seed=1), "main.2", first=0, count=16)
    assert total == 512 and picture.shape == (4 * 4 + 3, 4 * 4 + 3, 3)
    with pytest.raises(ValueError, match="no layer"):
        r.render(RenderRequest(ablations=(("nope", (1,)),)))


def test_stylegan2_feature_maps(sg):
    from ganexplorer.core.render.views import feature_layers, feature_maps

    layers = feature_layers(sg)
    assert layers[0] == "synthesis.b4.conv1" and layers[-1] == "synthesis.b16.conv1"
    picture, total = feature_maps(Renderer(sg), RenderRequest(seed=0), "synthesis.b16.conv1", count=4)
    assert total == 16 and picture.shape == (2 * 16 + 1, 2 * 16 + 1, 3)


def test_an_explicit_w_renders_like_the_seed_it_came_from_and_takes_every_setting_on_top(sg):
    """A projected picture's latent is an explicit w: w+ (num_ws rows) or one row for every layer; mixing,
    truncation and edits act on it as on a seed's w."""
    r = Renderer(sg)
    ws = r.ws_for(RenderRequest(seed=5))[0]
    rows = tuple(tuple(row) for row in ws.tolist())
    plain = r.render(RenderRequest(seed=5, noise_mode="const")).rgb
    np.testing.assert_array_equal(r.render(RenderRequest(seed=99, w=rows)).rgb, plain)
    one = r.ws_for(RenderRequest(w=(rows[0],)))
    assert torch.equal(one, ws[:1].expand(1, sg.num_ws, -1))
    settings = dict(psi=0.5, cutoff=2, mix_seed=3, mix_start=1, mix_end=3,
                    w_edits=(WEdit(tuple([1.0] + [0.0] * (sg.w_dim - 1)), 2.0, 0, 2),))
    np.testing.assert_array_equal(r.render(RenderRequest(w=rows, **settings)).rgb,
                                  r.render(RenderRequest(seed=5, **settings)).rgb)
    with pytest.raises(ValueError, match="this model takes"):
        r.render(RenderRequest(w=((0.0,) * 3,)))
